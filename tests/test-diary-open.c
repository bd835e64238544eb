/* test-diary-open.c: a healthy diary is never moved aside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real files and real causes: a lock held by another connection for
 * longer than the busy timeout, a read-only file and a read-only folder
 * (as an ordinary user: root ignores permissions, so the test drops to
 * "nobody" when it runs as root), a folder and a pipe where the diary
 * should be, and a full disk (a small tmpfs, where the test may mount
 * one). Each leaves the diary byte-identical where it was, says what is
 * wrong, and once the cause is gone the diary opens with every entry.
 */

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lc-diary.h"

#define N_ENTRIES 20

/* A diary of N_ENTRIES entries at @path, closed */
static void
seed (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = lc_diary_open (file, &error);

  g_assert_no_error (error);
  for (int i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(LcEntry) entry = lc_entry_new (1773131400 + i * 3600);

      entry->heaviness[LC_LEG_LEFT] = i % 11;
      g_assert_true (lc_diary_add_entry (diary, entry, &error));
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Nothing in @dir was moved aside */
static void
assert_nothing_moved (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_false (strstr (name, ".damaged-") != NULL);
      g_assert_false (strstr (name, ".newer-") != NULL);
    }
}

/* The diary at @path opens for writing with every entry */
static void
assert_opens_whole (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = lc_diary_open (file, &error);

  g_assert_no_error (error);
  g_assert_null (lc_diary_get_read_only (diary));
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, N_ENTRIES);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("legcare-diary-open-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Something else where the diary should be: a folder, a pipe */
static void
test_open_not_a_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (int kind = 0; kind < 2; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LcDiary) diary = NULL;
      GStatBuf st;

      if (kind == 0)
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);

      diary = lc_diary_open (file, &error);
      g_assert_null (diary);
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, kind == 0 ? "is a folder" : "is not a regular file"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* Left as it was */
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (kind == 0 ? S_ISDIR (st.st_mode) : S_ISFIFO (st.st_mode));
      assert_nothing_moved (dir);
      g_assert_cmpint (kind == 0 ? g_rmdir (path) : g_unlink (path), ==, 0);
    }

  /* The cause gone: a new diary */
  seed (path);
  assert_opens_whole (path);
}

/* Another program holds the diary for longer than the busy timeout */
static void
test_open_locked (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = NULL;
  sqlite3 *other = NULL;

  seed (path);
  before = read_bytes (path);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "DELETE FROM entry;", NULL, NULL, NULL), ==, SQLITE_OK);

  diary = lc_diary_open (file, &error);
  g_assert_null (diary);
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  assert_nothing_moved (dir);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_opens_whole (path);
}

/* Root ignores permissions: run as "nobody" in a folder of its own. */
static char *
make_unprivileged_dir (void)
{
  g_autofree char *dir = make_dir ();

  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  return g_steal_pointer (&dir);
}

static void
read_only_case (gboolean folder)
{
  g_autofree char *dir = make_unprivileged_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(LcEntry) entry = lc_entry_new (1773131400 - 3600);

  entry->heaviness[LC_LEG_LEFT] = 3;
  seed (path);
  before = read_bytes (path);
  g_assert_cmpint (g_chmod (folder ? dir : path, folder ? 0500 : 0400), ==, 0);

  diary = lc_diary_open (file, &error);
  if (diary != NULL)
    {
      /* Read only: every entry shown, nothing saved, and why */
      const GError *reason = lc_diary_get_read_only (diary);

      g_assert_no_error (error);
      g_assert_nonnull (reason);
      g_assert_true (g_error_matches (reason, LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY));
      g_test_message ("%s", reason->message);
      g_assert_nonnull (strstr (reason->message, folder ? "folder" : "read-only"));
      g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, N_ENTRIES);
      g_assert_false (lc_diary_add_entry (diary, entry, &error));
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY);
      g_clear_object (&diary);
    }
  else
    {
      /* A WAL diary in a folder that can't be written may not even be
       * readable: then a clear error. */
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "folder"));
    }

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_nothing_moved (dir);

  g_assert_cmpint (g_chmod (folder ? dir : path, folder ? 0700 : 0600), ==, 0);
  assert_opens_whole (path);
}

static void
test_open_read_only (void)
{
  if (g_test_subprocess ())
    {
      read_only_case (g_str_has_suffix (g_test_get_path (), "folder"));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A full disk at start: a small tmpfs, filled */
static void
test_open_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = NULL;
  char block[4096] = { 0 };
  FILE *out;

  if (mount ("legcare-test", dir, "tmpfs", 0, "size=1m,mode=0700") != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot mount a small file system here: %s", g_strerror (errno));

      g_test_skip (reason);
      g_rmdir (dir);
      return;
    }

  seed (path);
  before = read_bytes (path);

  out = fopen (filler, "w");
  g_assert_nonnull (out);
  while (fwrite (block, sizeof block, 1, out) == 1 && fflush (out) == 0)
    ;
  fclose (out);

  diary = lc_diary_open (file, &error);
  if (diary != NULL)
    {
      const GError *reason = lc_diary_get_read_only (diary);

      g_assert_nonnull (reason);
      g_test_message ("%s", reason->message);
      g_assert_nonnull (strstr (reason->message, "disk is full"));
      g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, N_ENTRIES);
      g_clear_object (&diary);
    }
  else
    {
      g_test_message ("%s", error->message);
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "disk is full"));
    }

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_nothing_moved (dir);

  /* Space again: every entry, writable */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  assert_opens_whole (path);

  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lc/diary-open/not-a-file", test_open_not_a_file);
  g_test_add_func ("/lc/diary-open/locked", test_open_locked);
  g_test_add_func ("/lc/diary-open/read-only-file", test_open_read_only);
  g_test_add_func ("/lc/diary-open/read-only-folder", test_open_read_only);
  g_test_add_func ("/lc/diary-open/disk-full", test_open_disk_full);

  return g_test_run ();
}
