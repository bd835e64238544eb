/* lc-diary-file.c: the diary's file — opening it (or moving a damaged one
 * aside), migrations, backups and restores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening never moves a healthy file: only SQLite's own word that it is
 * damaged, or a newer schema. A file that can't be written is opened for
 * reading only, and every write says why.
 */

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lc-diary.h"
#include "lc-diary-private.h"
#include "lc-error.h"

/* Migrations: migrations[n] takes a diary from version n to n + 1. */
static const char *migrations[LC_DIARY_SCHEMA_VERSION] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE entry ("
  "  id INTEGER PRIMARY KEY,"
  "  taken_at INTEGER NOT NULL,"
  "  heaviness_left INTEGER CHECK (heaviness_left BETWEEN 0 AND 10),"
  "  heaviness_right INTEGER CHECK (heaviness_right BETWEEN 0 AND 10),"
  "  swelling_left INTEGER CHECK (swelling_left BETWEEN 0 AND 10),"
  "  swelling_right INTEGER CHECK (swelling_right BETWEEN 0 AND 10),"
  "  ankle_left_mm INTEGER CHECK (ankle_left_mm BETWEEN 120 AND 600),"
  "  ankle_right_mm INTEGER CHECK (ankle_right_mm BETWEEN 120 AND 600),"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  note TEXT"
  ");"
  "CREATE INDEX entry_taken_at ON entry (taken_at);"
  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  routine_id TEXT NOT NULL,"
  "  routine_name TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL,"
  "  ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),"
  "  steps_done INTEGER NOT NULL,"
  "  steps_total INTEGER NOT NULL,"
  "  steps_skipped INTEGER NOT NULL,"
  "  heaviness_before INTEGER CHECK (heaviness_before BETWEEN 0 AND 10),"
  "  heaviness_after INTEGER CHECK (heaviness_after BETWEEN 0 AND 10)"
  ");"
  "CREATE INDEX session_started_at ON session (started_at);",
  /* 1 → 2: the calf, 10 cm below the bump under the kneecap, and how the
   * legs were placed for the tape */
  "ALTER TABLE entry ADD COLUMN calf_left_mm INTEGER CHECK (calf_left_mm BETWEEN 200 AND 800);"
  "ALTER TABLE entry ADD COLUMN calf_right_mm INTEGER CHECK (calf_right_mm BETWEEN 200 AND 800);"
  "ALTER TABLE entry ADD COLUMN position TEXT CHECK (position IN ('sitting', 'lying'));",
  /* 2 → 3: optional symptoms beyond heaviness and swelling, 0-10 */
  "ALTER TABLE entry ADD COLUMN aching INTEGER CHECK (aching BETWEEN 0 AND 10);"
  "ALTER TABLE entry ADD COLUMN throbbing INTEGER CHECK (throbbing BETWEEN 0 AND 10);"
  "ALTER TABLE entry ADD COLUMN itching INTEGER CHECK (itching BETWEEN 0 AND 10);",
  /* 3 → 4: guided leg measurements, circumferences from a start point up,
   * 4 or 8 cm apart, for the legs' volume; "" for a leg not measured */
  "CREATE TABLE measurement ("
  "  id INTEGER PRIMARY KEY,"
  "  taken_at INTEGER NOT NULL,"
  "  position TEXT CHECK (position IN ('sitting', 'lying')),"
  "  spacing_mm INTEGER NOT NULL CHECK (spacing_mm IN (40, 80)),"
  "  left_mm TEXT NOT NULL DEFAULT '',"
  "  right_mm TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX measurement_taken_at ON measurement (taken_at);",
};

/* --- opening --------------------------------------------------------------- */

static char *
dated_name (const char *path,
            const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.%s-%s", path, what, stamp);
}

/* Move a diary that can't be used out of the way, with its WAL files; never delete it. */
static char *
move_aside (const char  *path,
            const char  *what,
            GError     **error)
{
  g_autofree char *target = dated_name (path, what);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The diary “%s” can’t be used and could not be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}

static int
read_user_version (LcDiary *self,
                   int     *version)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

/* Whether SQLite says the file itself is bad, rather than that it could
 * not get at it (locked, disk full, no permission, out of memory). */
static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* PRAGMA quick_check: SQLITE_OK and "ok"; SQLITE_CORRUPT with the first
 * problem; or the error that kept it from checking. */
static int
check_integrity (LcDiary  *self,
                 char    **problem)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          rc = SQLITE_OK;
          if (g_strcmp0 (result, "ok") != 0)
            {
              *problem = g_strdup (result);
              rc = SQLITE_CORRUPT;
            }
        }
    }
  if (rc != SQLITE_OK && *problem == NULL)
    *problem = g_strdup (sqlite3_errmsg (self->db));

  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
migrate (LcDiary  *self,
         int       from,
         GError  **error)
{
  for (int version = from; version < LC_DIARY_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!lc_diary_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!lc_diary_exec (self, migrations[version], error) || !lc_diary_exec (self, set_version, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!lc_diary_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

void
lc_diary_close_db (LcDiary *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->statements); i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);

  g_clear_pointer (&self->db, sqlite3_close);
}

/* Open the file; 0 on success, else the SQLite code with @error set. */
static int
open_db (LcDiary     *self,
         const char  *path,
         int          flags,
         GError     **error)
{
  int rc = sqlite3_open_v2 (path, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      lc_diary_close_db (self);
      return rc;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  return SQLITE_OK;
}

/* Something other than a file where the diary should be: say what, at
 * start, and touch nothing. */
static gboolean
check_file_type (const char  *path,
                 GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return TRUE;        /* not there yet, or SQLite will say why */

  if (S_ISDIR (st.st_mode))
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                    /* Translators: %s is the path of the diary */
                    _("“%s” is a folder, not the diary file. Move or rename the folder, then try again. "
                      "Nothing was changed."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                    /* Translators: %s is the path of the diary */
                    _("“%s” is not a regular file (it may be a pipe or a device), so it can’t be the diary. "
                      "Move or rename it, then try again. Nothing was changed."), path);
      return FALSE;
    }

  return TRUE;
}

/* Why a diary that can be read can't be written, in words that match the
 * cause; @cause is SQLite's. */
static GError *
read_only_reason (const char   *path,
                  const GError *cause)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (folder, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY,
                                                            NULL, NULL);

  if (info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_READONLY))
    return lc_error_new (LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY,
                         _("The diary is on a disk that can only be read, so nothing new can be saved. "
                           "Your entries are shown."));
  if (lc_diary_disk_is_full (file))
    return lc_error_new (LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY,
                         _("The disk is full, so nothing new can be saved. Your entries are shown; free some "
                           "space, then try again."));
  if (access (path, W_OK) != 0)
    return lc_error_new (LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY,
                         /* Translators: %s is the path of the diary */
                         _("The diary file “%s” is read-only, so nothing new can be saved. Your entries are shown; "
                           "make the file writable, then try again."), path);
  if (access (dir, W_OK) != 0)
    return lc_error_new (LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY,
                         /* Translators: %s is a folder */
                         _("The diary’s folder “%s” can’t be written to, so nothing new can be saved. Your entries "
                           "are shown; make the folder writable, then try again."), dir);

  return lc_error_new (LC_DIARY_ERROR, LC_DIARY_ERROR_READ_ONLY,
                       _("The diary can only be read (%s), so nothing new can be saved. Your entries are shown."),
                       cause->message);
}

/* The diary could not be opened for writing, for @cause: open it for
 * reading only if it is whole and of this version, keeping why in
 * self->read_only. */
static gboolean
open_read_only (LcDiary     *self,
                const char  *path,
                GError     **cause)
{
  g_autofree char *problem = NULL;
  int version = 0;

  lc_diary_close_db (self);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (open_db (self, path, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return FALSE;
  if (read_user_version (self, &version) != SQLITE_OK || version != LC_DIARY_SCHEMA_VERSION
      || check_integrity (self, &problem) != SQLITE_OK)
    {
      lc_diary_close_db (self);
      return FALSE;
    }

  self->read_only = read_only_reason (path, *cause);
  g_clear_error (cause);
  return TRUE;
}

/**
 * lc_diary_open:
 * @file: the diary file; created with its folder if missing
 * @error: return location for an %LC_DIARY_ERROR
 *
 * Opens the diary and brings its schema up to date.
 *
 * Only a file that SQLite reports as damaged (or not a database), or that
 * was written by a newer Leg Care, is moved aside under a dated name
 * (%LC_DIARY_ERROR_CORRUPT or %LC_DIARY_ERROR_TOO_NEW, with the new name in
 * the message); then, and only then, opening again starts a new, empty
 * diary. Every other failure (locked by another program, disk full, no
 * permission, something other than a file at its place) leaves the file
 * where and as it is, with %LC_DIARY_ERROR_BUSY or %LC_DIARY_ERROR_IO, or
 * opens it for reading only where it can be read but not written (see
 * lc_diary_get_read_only()).
 *
 * Returns: (transfer full): the diary, or %NULL with @error set
 */
LcDiary *
lc_diary_open (GFile   *file,
               GError **error)
{
  g_autoptr(LcDiary) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The folder “%s” for the diary could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  if (!check_file_type (path, error))
    return NULL;

  self = g_object_new (LC_TYPE_DIARY, NULL);
  self->file = g_object_ref (file);

  rc = open_db (self, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &local_error);
  if (rc != SQLITE_OK)
    {
      if (open_read_only (self, path, &local_error))
        return g_steal_pointer (&self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  rc = read_user_version (self, &version);
  if (rc == SQLITE_OK)
    rc = check_integrity (self, &problem);
  if (is_damage (rc))
    {
      g_autofree char *moved = NULL;

      lc_diary_close_db (self);
      moved = move_aside (path, "damaged", error);
      if (moved == NULL)
        return NULL;
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT,
                   _("The diary was damaged (%s). It was moved to “%s”; nothing was deleted."),
                   problem ? problem : sqlite3_errstr (rc), moved);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      /* Locked, unreadable, out of memory: not damage. Leave it be. */
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  if (version > LC_DIARY_SCHEMA_VERSION)
    {
      g_autofree char *moved = NULL;

      lc_diary_close_db (self);
      moved = move_aside (path, "newer", error);
      if (moved == NULL)
        return NULL;
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_TOO_NEW,
                   _("The diary was written by a newer version of Leg Care (format %d; this version knows up to %d). "
                     "It was moved to “%s” and left as it was."),
                   version, LC_DIARY_SCHEMA_VERSION, moved);
      return NULL;
    }

  if (!lc_diary_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !lc_diary_exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !lc_diary_exec (self, "PRAGMA foreign_keys = ON", &local_error) ||
      !migrate (self, version, &local_error))
    {
      /* Readable but not writable (a full disk, a read-only file or
       * folder): show the entries, save nothing. A lock is said as it is. */
      if (!g_error_matches (local_error, LC_DIARY_ERROR, LC_DIARY_ERROR_BUSY)
          && open_read_only (self, path, &local_error))
        return g_steal_pointer (&self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* SQLite opens a file it may not write for reading only, silently. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      local_error = g_error_new_literal (LC_DIARY_ERROR, LC_DIARY_ERROR_IO, sqlite3_errstr (SQLITE_READONLY));
      self->read_only = read_only_reason (path, local_error);
    }

  return g_steal_pointer (&self);
}

/**
 * lc_diary_get_read_only:
 *
 * Returns: (nullable): why the diary could only be opened for reading
 *   (%LC_DIARY_ERROR_READ_ONLY, in words for the user), or %NULL if it can
 *   be written. Every write then fails with this error.
 */
const GError *
lc_diary_get_read_only (LcDiary *self)
{
  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  return self->read_only;
}

GFile *
lc_diary_get_file (LcDiary *self)
{
  g_return_val_if_fail (LC_IS_DIARY (self), NULL);
  return self->file;
}

/**
 * lc_diary_backup_to:
 * @destination: the backup file to write; replaced if it exists
 *
 * Copies the diary with SQLite's online backup, into a temporary file that
 * takes @destination's name only when complete.
 *
 * Returns: whether the backup is complete
 */
gboolean
lc_diary_backup_to (LcDiary  *self,
                    GFile    *destination,
                    GError  **error)
{
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  path = g_file_get_path (destination);
  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);

  rc = sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (target);
    }

  if (rc != SQLITE_OK)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The backup “%s” could not be written: %s"),
                   path, target != NULL ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (partial);
      return FALSE;
    }

  sqlite3_close (target);
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The backup “%s” could not be written: %s"), path, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

/* Open another diary file read-only and check that it can be trusted. */
static sqlite3 *
open_checked_readonly (GFile   *file,
                       GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *problem = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (version < 0)
    problem = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  else if (version > LC_DIARY_SCHEMA_VERSION)
    problem = _("it was written by a newer version of Leg Care");
  else if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK ||
           sqlite3_step (stmt) != SQLITE_ROW ||
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    problem = _("it is damaged");
  sqlite3_finalize (stmt);

  if (problem != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      /* The name, not the path: a path does not wrap in a dialog */
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT,
                   _("“%s” can’t be used: %s"), name, problem);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/**
 * lc_diary_restore_from:
 * @source: a backup made by lc_diary_backup_to()
 *
 * Replaces the diary's content with the backup's, in one step: after a
 * failure the diary is as it was. Make a backup of the diary first.
 *
 * Returns: whether the diary now holds the backup's content
 */
gboolean
lc_diary_restore_from (LcDiary  *self,
                       GFile    *source,
                       GError  **error)
{
  sqlite3 *db;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (source), FALSE);

  if (!lc_diary_check_writable (self, error))
    return FALSE;
  db = open_checked_readonly (source, error);
  if (db == NULL)
    return FALSE;

  backup = sqlite3_backup_init (self->db, "main", db, "main");
  if (backup == NULL)
    {
      lc_diary_set_sqlite_error (self, sqlite3_errcode (self->db), error);
      sqlite3_close (db);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  sqlite3_close (db);

  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  /* A backup from an older version: bring it up to date. */
  {
    int version = 0;

    if (read_user_version (self, &version) != SQLITE_OK)
      {
        lc_diary_set_sqlite_error (self, sqlite3_errcode (self->db), error);
        return FALSE;
      }
    if (!migrate (self, version, error))
      return FALSE;
    lc_diary_note_change (self, LC_DIARY_CHANGE_ENTRIES | LC_DIARY_CHANGE_SESSIONS | LC_DIARY_CHANGE_MEASUREMENTS |
                                LC_DIARY_CHANGE_RESTORED);
    return TRUE;
  }
}

/**
 * lc_diary_file_count_entries:
 * @file: a diary or a backup, not open elsewhere for writing
 *
 * Returns: how many entries the file holds, or -1 with @error set if it
 *   can't be read or trusted
 */
gint64
lc_diary_file_count_entries (GFile   *file,
                             GError **error)
{
  sqlite3 *db = open_checked_readonly (file, error);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (db == NULL)
    return -1;

  /* A backup of an empty version-0 file has no table: no entries. */
  if (sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM entry", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}
