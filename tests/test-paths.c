/* test-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "lc-paths.h"
#include "lc-run-marker.h"

static void
test_paths_user_data_dir (void)
{
  g_autoptr(GFile) dir = lc_paths_get_user_data_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "legcare", NULL);

  g_assert_cmpstr (path, ==, expected);
  /* Asking for the path creates nothing. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Every folder Leg Care writes is in it, named here once */
  {
    GFile *folders[] = { lc_paths_get_backups_dir (), lc_paths_get_routines_dir (), lc_paths_get_pictures_dir () };
    const char *names[] = { "backups", "routines", "pictures" };

    for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
      {
        g_autofree char *name = g_file_get_basename (folders[i]);
        g_autoptr(GFile) parent = g_file_get_parent (folders[i]);

        g_assert_cmpstr (name, ==, names[i]);
        g_assert_true (g_file_equal (parent, dir));
        g_assert_false (g_file_query_exists (folders[i], NULL));
        g_object_unref (folders[i]);
      }
  }
}

static void
test_paths_ensure_creates_private_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = lc_paths_ensure_user_data_dir (&error);
  g_autofree char *path = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (dir);

  path = g_file_get_path (dir);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A second call finds it and succeeds. */
  g_clear_object (&dir);
  dir = lc_paths_ensure_user_data_dir (&error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);
}

static void
test_paths_ensure_reports_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "legcare", NULL);

  /* A file where the folder should be: creating the folder must fail with
   * an error that names the path, not crash or pretend to succeed. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  dir = lc_paths_ensure_user_data_dir (&error);
  g_assert_null (dir);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, blocker));
}

/* A run that ended without lc_run_marker_end() is seen by the next one,
 * a run that ended with it is not; a killed process is tested in the ui
 * suite (test-crash-guard). */
static void
test_paths_run_marker (void)
{
  g_autoptr(GFile) marker = lc_run_marker_get_default ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "legcare", "running", NULL);

  g_assert_cmpstr (g_file_peek_path (marker), ==, expected);

  /* First start: nothing before it */
  g_assert_false (lc_run_marker_begin (marker));
  g_assert_true (g_file_query_exists (marker, NULL));
  /* A start while the marker is there: the run before did not end */
  g_assert_true (lc_run_marker_begin (marker));
  g_assert_true (lc_run_marker_begin (marker));
  /* A clean end, then a start */
  lc_run_marker_end (marker);
  g_assert_false (g_file_query_exists (marker, NULL));
  g_assert_false (lc_run_marker_begin (marker));
  lc_run_marker_end (marker);
  /* Ending twice is harmless */
  lc_run_marker_end (marker);
  g_assert_false (lc_run_marker_begin (marker));
  lc_run_marker_end (marker);
}

/* A write replaces the file whole and leaves nothing beside it. */
static void
test_paths_replace_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("legcare-atomic-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "routine.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (lc_file_replace_atomic (file, "first", 5, 0600, &error));
  g_assert_no_error (error);
  g_assert_true (lc_file_replace_atomic (file, "second, longer", 14, 0600, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second, longer");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Only the file itself in the folder */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "routine.xml");
  g_assert_null (g_dir_read_name (listing));

  /* A folder that is not there: an error, nothing written */
  {
    g_autofree char *missing = g_build_filename (dir, "gone", "x.xml", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    g_assert_false (lc_file_replace_atomic (missing_file, "x", 1, 0600, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* What a crash leaves is removed, once it is old enough; nothing else. */
static void
test_paths_remove_leftovers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("legcare-leftovers-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  static const char *const leftovers[] = {
    "routine.xml.A1b2C3", "0123456789abcdef.png.xYz123", "photo.jpeg.QQQQQQ", "pic.svg.000000",
    ".goutputstream-AB12CD", "diary-2026-12-04.sqlite3.partial", "diary.sqlite3.k3J9xZ",
  };
  static const char *const kept[] = {
    "routine.xml", "notes.txt.A1b2C3", "routine.xml.A1b2C", "routine.xml.A1b2C3D", "routine.xml.A1-2C3",
    "0123456789abcdef.png", "diary.sqlite3", "diary.sqlite3-wal", "diary.sqlite3.damaged-20261204-101500",
  };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_build_filename (dir, leftovers[i], NULL);

      g_assert_true (g_file_set_contents (path, "half", -1, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (path, "whole", -1, NULL));
    }

  /* Too new: may be a write under way */
  g_assert_cmpuint (lc_paths_remove_leftovers (folder, now - 600), ==, 0);
  g_assert_cmpuint (lc_paths_remove_leftovers (folder, now + 10), ==, G_N_ELEMENTS (leftovers));

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_build_filename (dir, leftovers[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/paths/user-data-dir", test_paths_user_data_dir);
  g_test_add_func ("/lc/paths/ensure-creates-private-dir", test_paths_ensure_creates_private_dir);
  g_test_add_func ("/lc/paths/ensure-reports-errors", test_paths_ensure_reports_errors);
  g_test_add_func ("/lc/paths/run-marker", test_paths_run_marker);
  g_test_add_func ("/lc/paths/replace-atomic", test_paths_replace_atomic);
  g_test_add_func ("/lc/paths/remove-leftovers", test_paths_remove_leftovers);

  return g_test_run ();
}
