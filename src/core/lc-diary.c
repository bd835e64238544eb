/* lc-diary.c: the symptom diary, in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary is the most valuable thing the app holds. Every write is a
 * transaction (a savepoint, so that the CSV import can group many of them
 * in one), the journal is WAL with full syncs, and a file that can't be
 * trusted — not a database, damaged, or from a newer Leg Care — is moved
 * aside under a dated name and never written to or deleted.
 *
 * Opening, migrations, backups and restores are in lc-diary-file.c; this
 * file holds the statements and the entries, sessions and days.
 */

#include "config.h"

#include <stdio.h>
#include <sqlite3.h>
#include <glib/gi18n-lib.h>

#include "lc-diary.h"
#include "lc-diary-private.h"
#include "lc-entry-item.h"
#include "lc-enum-types.h"
#include "lc-error.h"
#include "lc-routine.h"

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LcDiary, lc_diary, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-diary-error-quark, lc_diary_error)

#define ENTRY_COLUMNS \
  "id, taken_at, heaviness_left, heaviness_right, swelling_left, swelling_right, " \
  "ankle_left_mm, ankle_right_mm, tags, note, calf_left_mm, calf_right_mm, position, " \
  "aching, throbbing, itching"

#define SESSION_COLUMNS \
  "id, routine_id, routine_name, started_at, ended_at, steps_done, steps_total, " \
  "steps_skipped, heaviness_before, heaviness_after"

typedef enum
{
  STMT_INSERT_ENTRY,
  STMT_UPDATE_ENTRY,
  STMT_DELETE_ENTRY,
  STMT_GET_ENTRY,
  STMT_COUNT_ENTRIES,
  STMT_LIST_ENTRIES,
  STMT_LIST_ENTRIES_NEWEST,
  STMT_ENTRY_LIKE,
  STMT_INSERT_SESSION,
  STMT_SESSION_LIKE,
  STMT_LIST_SESSIONS,
  STMT_COUNT_SESSIONS,
  STMT_LAST_SESSION,
  STMT_DAY_ENTRIES,
  STMT_DAY_SESSIONS,
  STMT_GET_SESSION,
  STMT_UPDATE_SESSION_RATINGS,
  STMT_DELETE_SESSION,
  STMT_TIMELINE,
  STMT_TIMELINE_AFTER,
  STMT_TIMELINE_COUNT,
  STMT_BREAK_DAY,
  STMT_INSERT_MEASUREMENT,
  STMT_LIST_MEASUREMENTS,
  STMT_DELETE_MEASUREMENT,
  STMT_MEASUREMENT_LIKE,
  N_STATEMENTS
} Statement;

#define BREAK_ID  LC_ROUTINE_ID_SITTING_BREAK
#define BREAK_DAY "date(started_at, 'unixepoch', 'localtime')"

static const char *statement_sql[N_STATEMENTS] = {
  [STMT_INSERT_ENTRY] =
    "INSERT INTO entry (taken_at, heaviness_left, heaviness_right, swelling_left, swelling_right, "
    "ankle_left_mm, ankle_right_mm, tags, note, calf_left_mm, calf_right_mm, position, "
    "aching, throbbing, itching) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
  [STMT_UPDATE_ENTRY] =
    "UPDATE entry SET taken_at = ?1, heaviness_left = ?2, heaviness_right = ?3, swelling_left = ?4, "
    "swelling_right = ?5, ankle_left_mm = ?6, ankle_right_mm = ?7, tags = ?8, note = ?9, "
    "calf_left_mm = ?10, calf_right_mm = ?11, position = ?12, aching = ?13, throbbing = ?14, itching = ?15 "
    "WHERE id = ?16",
  [STMT_DELETE_ENTRY] = "DELETE FROM entry WHERE id = ?1",
  [STMT_GET_ENTRY] = "SELECT " ENTRY_COLUMNS " FROM entry WHERE id = ?1",
  [STMT_COUNT_ENTRIES] = "SELECT COUNT(*) FROM entry",
  [STMT_LIST_ENTRIES] =
    "SELECT " ENTRY_COLUMNS " FROM entry WHERE taken_at >= ?1 AND taken_at < ?2 ORDER BY taken_at, id",
  [STMT_LIST_ENTRIES_NEWEST] =
    "SELECT " ENTRY_COLUMNS " FROM entry ORDER BY taken_at DESC, id DESC LIMIT ?1 OFFSET ?2",
  [STMT_ENTRY_LIKE] =
    "SELECT 1 FROM entry WHERE taken_at = ?1 AND heaviness_left IS ?2 AND heaviness_right IS ?3 "
    "AND swelling_left IS ?4 AND swelling_right IS ?5 AND ankle_left_mm IS ?6 AND ankle_right_mm IS ?7 "
    "AND tags = ?8 AND note IS ?9 AND calf_left_mm IS ?10 AND calf_right_mm IS ?11 AND position IS ?12 "
    "AND aching IS ?13 AND throbbing IS ?14 AND itching IS ?15 LIMIT 1",
  [STMT_INSERT_SESSION] =
    "INSERT INTO session (routine_id, routine_name, started_at, ended_at, steps_done, steps_total, "
    "steps_skipped, heaviness_before, heaviness_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_SESSION_LIKE] =
    "SELECT 1 FROM session WHERE routine_id = ?1 AND routine_name = ?2 AND started_at = ?3 "
    "AND ended_at = ?4 AND steps_done = ?5 AND steps_total = ?6 AND steps_skipped = ?7 "
    "AND heaviness_before IS ?8 AND heaviness_after IS ?9 LIMIT 1",
  [STMT_LIST_SESSIONS] =
    "SELECT " SESSION_COLUMNS " FROM session WHERE started_at >= ?1 AND started_at < ?2 "
    "ORDER BY started_at, id",
  [STMT_COUNT_SESSIONS] = "SELECT COUNT(*) FROM session",
  [STMT_LAST_SESSION] =
    "SELECT " SESSION_COLUMNS " FROM session ORDER BY started_at DESC, id DESC LIMIT 1",
  /* Local calendar days: SQLite's 'localtime' follows the C library's time
   * zone rules, so days around a daylight-saving change have 23 or 25 hours. */
  [STMT_DAY_ENTRIES] =
    "SELECT date(taken_at, 'unixepoch', 'localtime') AS day, COUNT(*), "
    "AVG(heaviness_left), MIN(heaviness_left), MAX(heaviness_left), COUNT(heaviness_left), "
    "AVG(heaviness_right), MIN(heaviness_right), MAX(heaviness_right), COUNT(heaviness_right), "
    "AVG(swelling_left), MIN(swelling_left), MAX(swelling_left), COUNT(swelling_left), "
    "AVG(swelling_right), MIN(swelling_right), MAX(swelling_right), COUNT(swelling_right), "
    "AVG(ankle_left_mm), MIN(ankle_left_mm), MAX(ankle_left_mm), COUNT(ankle_left_mm), "
    "AVG(ankle_right_mm), MIN(ankle_right_mm), MAX(ankle_right_mm), COUNT(ankle_right_mm), "
    "AVG(calf_left_mm), MIN(calf_left_mm), MAX(calf_left_mm), COUNT(calf_left_mm), "
    "AVG(calf_right_mm), MIN(calf_right_mm), MAX(calf_right_mm), COUNT(calf_right_mm) "
    "FROM entry WHERE taken_at >= ?1 AND taken_at < ?2 GROUP BY day ORDER BY day",
  [STMT_DAY_SESSIONS] =
    "SELECT date(started_at, 'unixepoch', 'localtime') AS day, COUNT(*) FROM session "
    "WHERE started_at >= ?1 AND started_at < ?2 GROUP BY day ORDER BY day",
  [STMT_GET_SESSION] = "SELECT " SESSION_COLUMNS " FROM session WHERE id = ?1",
  /* What happened in a session is the player's record; only the ratings
   * the user gave can be corrected. */
  [STMT_UPDATE_SESSION_RATINGS] =
    "UPDATE session SET heaviness_before = ?1, heaviness_after = ?2 WHERE id = ?3",
  [STMT_DELETE_SESSION] = "DELETE FROM session WHERE id = ?1",
  /* Entries and sessions in one list, newest first; ?3 and ?4 say which
   * kinds are wanted. A compound SELECT, so that SQLite merges the two
   * tables' time indexes instead of sorting every record for each page. */
  /* A day's sitting breaks are one row (kind 2), at the last one's time;
   * "localtime" is the C library's, as GLib's local time */
  [STMT_TIMELINE] =
    "SELECT 0 AS kind, id, taken_at AS t FROM entry WHERE ?3"
    " UNION ALL SELECT 1, id, started_at FROM session WHERE ?4 AND routine_id IS NOT '" BREAK_ID "'"
    " UNION ALL SELECT 2, MAX(id), MAX(started_at) FROM session WHERE ?4 AND routine_id = '" BREAK_ID "'"
    "   GROUP BY " BREAK_DAY
    " ORDER BY t DESC, kind DESC, id DESC LIMIT ?1 OFFSET ?2",
  /* The same from where a page ended, (?5 time, ?6 kind, ?7 id): the time
   * indexes find the place at once, where an offset counts every record
   * before it */
  [STMT_TIMELINE_AFTER] =
    "SELECT 0 AS kind, id, taken_at AS t FROM entry WHERE ?3 AND taken_at <= ?5"
    "   AND (taken_at < ?5 OR ?6 > 0 OR (?6 = 0 AND id < ?7))"
    " UNION ALL SELECT 1, id, started_at FROM session WHERE ?4 AND routine_id IS NOT '" BREAK_ID "'"
    "   AND started_at <= ?5 AND (started_at < ?5 OR ?6 > 1 OR (?6 = 1 AND id < ?7))"
    " UNION ALL SELECT kind, id, t FROM"
    "   (SELECT 2 AS kind, MAX(id) AS id, MAX(started_at) AS t FROM session"
    "    WHERE ?4 AND routine_id = '" BREAK_ID "' GROUP BY " BREAK_DAY ")"
    "   WHERE t <= ?5 AND (t < ?5 OR (?6 = 2 AND id < ?7))"
    " ORDER BY t DESC, kind DESC, id DESC LIMIT ?1",
  [STMT_TIMELINE_COUNT] =
    "SELECT (CASE WHEN ?2 THEN (SELECT COUNT(*) FROM entry WHERE taken_at >= ?1) ELSE 0 END)"
    " + (CASE WHEN ?3 THEN (SELECT COUNT(*) FROM session WHERE started_at >= ?1"
    "                       AND routine_id IS NOT '" BREAK_ID "') ELSE 0 END)"
    " + (CASE WHEN ?3 THEN (SELECT COUNT(*) FROM (SELECT MAX(started_at) AS t FROM session"
    "                       WHERE routine_id = '" BREAK_ID "' GROUP BY " BREAK_DAY ") WHERE t >= ?1)"
    "    ELSE 0 END)",
  [STMT_INSERT_MEASUREMENT] =
    "INSERT INTO measurement (taken_at, position, spacing_mm, left_mm, right_mm) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_LIST_MEASUREMENTS] =
    "SELECT id, taken_at, position, spacing_mm, left_mm, right_mm FROM measurement"
    " WHERE taken_at >= ?1 AND taken_at < ?2 ORDER BY taken_at, id",
  [STMT_DELETE_MEASUREMENT] = "DELETE FROM measurement WHERE id = ?1",
  [STMT_MEASUREMENT_LIKE] =
    "SELECT 1 FROM measurement WHERE taken_at = ?1 AND position IS ?2 AND spacing_mm = ?3"
    " AND left_mm = ?4 AND right_mm = ?5 LIMIT 1",
  [STMT_BREAK_DAY] =
    "SELECT COUNT(*), MIN(started_at), MAX(started_at), SUM(MAX(ended_at - started_at, 0)) FROM session"
    " WHERE routine_id = '" BREAK_ID "' AND " BREAK_DAY " = date(?1, 'unixepoch', 'localtime')",
};

G_STATIC_ASSERT (N_STATEMENTS <= G_N_ELEMENTS (((LcDiary *) NULL)->statements));

/* --- errors ---------------------------------------------------------------- */

/* Whether the disk that holds @file has (almost) no space left: SQLite
 * then often says only "disk I/O error". */
gboolean
lc_diary_disk_is_full (GFile *file)
{
  g_autoptr(GFile) dir = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (dir == NULL)
    return FALSE;
  info = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

  return info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE)
         && g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < 64 * 1024;
}

void
lc_diary_set_sqlite_error (LcDiary  *self,
                           int       code,
                           GError  **error)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (code);

  if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN)
    if (lc_diary_disk_is_full (self->file))
      code = SQLITE_FULL;

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The disk is full: free some space and try again. Nothing was changed."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The diary can’t be written (%s): check that its folder can be written to. Nothing was changed."),
                   message);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT,
                   _("The diary file is damaged (%s)"), message);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_BUSY,
                   _("The diary is in use by another program. Close the other program, then try again. "
                     "Nothing was changed."));
      break;

    case SQLITE_CONSTRAINT:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                   _("A value is out of range (%s)"), message);
      break;

    default:
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The diary could not be used (%s). Nothing was changed."), message);
      break;
    }
}

gboolean
lc_diary_exec (LcDiary     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
statement (LcDiary    *self,
           Statement   which,
           GError    **error)
{
  sqlite3_stmt *stmt = self->statements[which];
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  self->statements[which] = stmt;
  return stmt;
}

/* Each write is a savepoint: alone it is a transaction of its own, inside
 * lc_diary_begin() it is part of the bigger one. */
/* A change is told at once, or with the others of its batch when the
 * batch is stored (and never, if it is rolled back). */
void
lc_diary_note_change (LcDiary       *self,
                      LcDiaryChange  what)
{
  if (self->in_batch)
    self->pending |= what;
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) what);
}

/* A diary opened for reading only says why at every write. */
gboolean
lc_diary_check_writable (LcDiary  *self,
                         GError  **error)
{
  if (self->read_only == NULL)
    return TRUE;

  g_propagate_error (error, g_error_copy (self->read_only));
  return FALSE;
}

static gboolean
write_begin (LcDiary  *self,
             GError  **error)
{
  return lc_diary_check_writable (self, error) && lc_diary_exec (self, "SAVEPOINT lc_write", error);
}

static gboolean
write_end (LcDiary   *self,
           gboolean   ok,
           GError   **error)
{
  if (ok)
    {
      if (lc_diary_exec (self, "RELEASE lc_write", error))
        return TRUE;
    }

  sqlite3_exec (self->db, "ROLLBACK TO lc_write; RELEASE lc_write", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
step_done (LcDiary       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

typedef void (*BindFunc) (sqlite3_stmt  *stmt,
                          gconstpointer  data);

/* One statement as a write of its own: a savepoint, rolled back on failure.
 * With @must_change, a statement that changes no row fails with NOT_FOUND. */
static gboolean
run_write (LcDiary        *self,
           Statement       which,
           BindFunc        bind,
           gconstpointer   data,
           gboolean        must_change,
           GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!write_begin (self, error))
    return FALSE;

  stmt = statement (self, which, error);
  if (stmt != NULL)
    bind (stmt, data);
  ok = stmt != NULL && step_done (self, stmt, error);
  if (ok && must_change && sqlite3_changes (self->db) == 0)
    {
      if (which == STMT_UPDATE_SESSION_RATINGS || which == STMT_DELETE_SESSION)
        lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND,
                      _("The session is no longer in the diary"));
      else if (which == STMT_DELETE_MEASUREMENT)
        lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND,
                      _("The measurement is no longer in the diary"));
      else
        lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND,
                      _("The entry is no longer in the diary"));
      ok = FALSE;
    }

  return write_end (self, ok, ok ? error : NULL);
}

/* Whether the statement finds a row. */
static gboolean
run_exists (LcDiary        *self,
            Statement       which,
            BindFunc        bind,
            gconstpointer   data,
            GError        **error)
{
  sqlite3_stmt *stmt = statement (self, which, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind (stmt, data);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    lc_diary_set_sqlite_error (self, rc, error);

  return rc == SQLITE_ROW;
}

/* --- entries ----------------------------------------------------------------- */

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   int           value,
                   int           none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

static char *
normalize_note (const char *note)
{
  g_autofree char *copy = g_strdup (note);

  if (copy == NULL || *g_strstrip (copy) == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

/* Binds ?1-?15 as the insert, update and "like" statements use them. */
static void
bind_entry (sqlite3_stmt  *stmt,
            gconstpointer  data)
{
  const LcEntry *entry = data;
  g_autofree char *tags = lc_tags_to_string (entry->tags);
  g_autofree char *note = normalize_note (entry->note);

  sqlite3_bind_int64 (stmt, 1, entry->taken_at);
  bind_optional_int (stmt, 2, entry->heaviness[LC_LEG_LEFT], LC_SCORE_NONE);
  bind_optional_int (stmt, 3, entry->heaviness[LC_LEG_RIGHT], LC_SCORE_NONE);
  bind_optional_int (stmt, 4, entry->swelling[LC_LEG_LEFT], LC_SCORE_NONE);
  bind_optional_int (stmt, 5, entry->swelling[LC_LEG_RIGHT], LC_SCORE_NONE);
  bind_optional_int (stmt, 6, entry->ankle_mm[LC_LEG_LEFT], LC_ANKLE_NONE);
  bind_optional_int (stmt, 7, entry->ankle_mm[LC_LEG_RIGHT], LC_ANKLE_NONE);
  sqlite3_bind_text (stmt, 8, tags, -1, SQLITE_TRANSIENT);
  if (note != NULL)
    sqlite3_bind_text (stmt, 9, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 9);
  bind_optional_int (stmt, 10, entry->calf_mm[LC_LEG_LEFT], LC_CALF_NONE);
  bind_optional_int (stmt, 11, entry->calf_mm[LC_LEG_RIGHT], LC_CALF_NONE);
  if (entry->position != LC_POSITION_NONE)
    sqlite3_bind_text (stmt, 12, lc_position_to_string (entry->position), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 12);
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    bind_optional_int (stmt, 13 + i, entry->symptoms[i], LC_SCORE_NONE);
}

/* The entry's values, and its id as ?16 */
static void
bind_update (sqlite3_stmt  *stmt,
             gconstpointer  data)
{
  const LcEntry *entry = data;

  bind_entry (stmt, entry);
  sqlite3_bind_int64 (stmt, 16, entry->id);
}

static void
bind_id (sqlite3_stmt  *stmt,
         gconstpointer  data)
{
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) data);
}

static int
column_optional_int (sqlite3_stmt *stmt,
                     int           column,
                     int           none)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? none : sqlite3_column_int (stmt, column);
}

static LcEntry *
read_entry (sqlite3_stmt *stmt)
{
  LcEntry *entry = lc_entry_new (sqlite3_column_int64 (stmt, 1));
  const char *tags = (const char *) sqlite3_column_text (stmt, 8);
  const char *note = (const char *) sqlite3_column_text (stmt, 9);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->heaviness[LC_LEG_LEFT] = column_optional_int (stmt, 2, LC_SCORE_NONE);
  entry->heaviness[LC_LEG_RIGHT] = column_optional_int (stmt, 3, LC_SCORE_NONE);
  entry->swelling[LC_LEG_LEFT] = column_optional_int (stmt, 4, LC_SCORE_NONE);
  entry->swelling[LC_LEG_RIGHT] = column_optional_int (stmt, 5, LC_SCORE_NONE);
  entry->ankle_mm[LC_LEG_LEFT] = column_optional_int (stmt, 6, LC_ANKLE_NONE);
  entry->ankle_mm[LC_LEG_RIGHT] = column_optional_int (stmt, 7, LC_ANKLE_NONE);
  entry->calf_mm[LC_LEG_LEFT] = column_optional_int (stmt, 10, LC_CALF_NONE);
  entry->calf_mm[LC_LEG_RIGHT] = column_optional_int (stmt, 11, LC_CALF_NONE);
  if (!lc_position_from_string ((const char *) sqlite3_column_text (stmt, 12), &entry->position))
    entry->position = LC_POSITION_NONE;
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    entry->symptoms[i] = column_optional_int (stmt, 13 + i, LC_SCORE_NONE);
  if (!lc_tags_from_string (tags, &entry->tags))
    entry->tags = 0;
  entry->note = g_strdup (note);

  return entry;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * lc_diary_add_entry:
 * @self: the diary
 * @entry: a valid entry; its id is set when it is stored
 * @error: return location for an %LC_DIARY_ERROR
 *
 * Returns: whether the entry is stored; once this returns %TRUE it is on disk
 */
gboolean
lc_diary_add_entry (LcDiary  *self,
                    LcEntry  *entry,
                    GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!lc_entry_validate (entry, now_seconds (), NULL, error) ||
      !run_write (self, STMT_INSERT_ENTRY, bind_entry, entry, FALSE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_ENTRIES);

  entry->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * lc_diary_update_entry:
 * @entry: an entry that was stored, with its changes
 *
 * Returns: whether the change is stored
 */
gboolean
lc_diary_update_entry (LcDiary        *self,
                       const LcEntry  *entry,
                       GError        **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!lc_entry_validate (entry, now_seconds (), NULL, error) ||
      !run_write (self, STMT_UPDATE_ENTRY, bind_update, entry, TRUE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_ENTRIES);
  return TRUE;
}

gboolean
lc_diary_delete_entry (LcDiary  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  if (!run_write (self, STMT_DELETE_ENTRY, bind_id, &id, TRUE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_ENTRIES);
  return TRUE;
}

/**
 * lc_diary_get_entry:
 *
 * Returns: (transfer full): the entry, or %NULL with @error set
 */
LcEntry *
lc_diary_get_entry (LcDiary  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  LcEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_GET_ENTRY, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = read_entry (stmt);
  else if (rc == SQLITE_DONE)
    lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND,
                 _("The entry is no longer in the diary"));
  else
    lc_diary_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return entry;
}

static gint64
step_count (LcDiary       *self,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    lc_diary_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return n;
}

static gint64
count (LcDiary    *self,
       Statement   which,
       GError    **error)
{
  return step_count (self, statement (self, which, error), error);
}

/**
 * lc_diary_count_entries:
 *
 * Returns: the number of entries, or -1 with @error set
 */
gint64
lc_diary_count_entries (LcDiary  *self,
                        GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), -1);
  return count (self, STMT_COUNT_ENTRIES, error);
}

static GPtrArray *
collect_entries (LcDiary       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * lc_diary_list_entries:
 * @from: first second, UTC
 * @to: the second after the last
 *
 * Returns: (transfer container) (element-type LcEntry): the entries in
 *   [@from, @to), oldest first, or %NULL with @error set
 */
GPtrArray *
lc_diary_list_entries (LcDiary  *self,
                       gint64    from,
                       gint64    to,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_LIST_ENTRIES, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  return collect_entries (self, stmt, error);
}

/**
 * lc_diary_list_entries_newest:
 * @offset: how many of the newest entries to pass over
 * @limit: how many to return at most
 *
 * A page of the diary, newest first, for a list that loads as it scrolls.
 *
 * Returns: (transfer container) (element-type LcEntry): the entries, or
 *   %NULL with @error set
 */
GPtrArray *
lc_diary_list_entries_newest (LcDiary  *self,
                              guint     offset,
                              guint     limit,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_LIST_ENTRIES_NEWEST, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return collect_entries (self, stmt, error);
}

/**
 * lc_diary_has_entry_like:
 *
 * Returns: whether an entry with the same content is stored (the id does
 *   not count), so that an import does not double it
 */
gboolean
lc_diary_has_entry_like (LcDiary        *self,
                         const LcEntry  *entry,
                         GError        **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  return run_exists (self, STMT_ENTRY_LIKE, bind_entry, entry, error);
}

/* --- sessions ---------------------------------------------------------------- */

static void
bind_session (sqlite3_stmt  *stmt,
              gconstpointer  data)
{
  const LcSessionRecord *record = data;

  sqlite3_bind_text (stmt, 1, record->routine_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->routine_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, record->started_at);
  sqlite3_bind_int64 (stmt, 4, record->ended_at);
  sqlite3_bind_int (stmt, 5, record->steps_done);
  sqlite3_bind_int (stmt, 6, record->steps_total);
  sqlite3_bind_int (stmt, 7, record->steps_skipped);
  bind_optional_int (stmt, 8, record->heaviness_before, LC_SCORE_NONE);
  bind_optional_int (stmt, 9, record->heaviness_after, LC_SCORE_NONE);
}

/**
 * lc_diary_add_session:
 * @record: a finished or stopped session; its id is set when stored
 *
 * Returns: whether the record is stored
 */
gboolean
lc_diary_add_session (LcDiary          *self,
                      LcSessionRecord  *record,
                      GError          **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!lc_session_record_validate (record, error) ||
      !run_write (self, STMT_INSERT_SESSION, bind_session, record, FALSE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_SESSIONS);

  record->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
lc_diary_has_session_like (LcDiary                *self,
                           const LcSessionRecord  *record,
                           GError                **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  return run_exists (self, STMT_SESSION_LIKE, bind_session, record, error);
}

static LcSessionRecord *
read_session (sqlite3_stmt *stmt)
{
  LcSessionRecord *record = lc_session_record_new ();

  record->id = sqlite3_column_int64 (stmt, 0);
  record->routine_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  record->routine_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  record->started_at = sqlite3_column_int64 (stmt, 3);
  record->ended_at = sqlite3_column_int64 (stmt, 4);
  record->steps_done = sqlite3_column_int (stmt, 5);
  record->steps_total = sqlite3_column_int (stmt, 6);
  record->steps_skipped = sqlite3_column_int (stmt, 7);
  record->heaviness_before = column_optional_int (stmt, 8, LC_SCORE_NONE);
  record->heaviness_after = column_optional_int (stmt, 9, LC_SCORE_NONE);

  return record;
}

/**
 * lc_diary_get_last_session:
 *
 * Returns: (transfer full) (nullable): the latest session, or %NULL if
 *   there is none (or with @error set)
 */
LcSessionRecord *
lc_diary_get_last_session (LcDiary  *self,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  LcSessionRecord *record = NULL;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_LAST_SESSION, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_session (stmt);
  else if (rc != SQLITE_DONE)
    lc_diary_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return record;
}

/**
 * lc_diary_list_sessions:
 *
 * Returns: (transfer container) (element-type LcSessionRecord): the
 *   sessions started in [@from, @to), oldest first, or %NULL with @error set
 */
GPtrArray *
lc_diary_list_sessions (LcDiary  *self,
                        gint64    from,
                        gint64    to,
                        GError  **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_LIST_SESSIONS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_session_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, read_session (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

gint64
lc_diary_count_sessions (LcDiary  *self,
                         GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), -1);
  return count (self, STMT_COUNT_SESSIONS, error);
}

/**
 * lc_diary_get_session:
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
LcSessionRecord *
lc_diary_get_session (LcDiary  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  LcSessionRecord *record = NULL;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_GET_SESSION, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_session (stmt);
  else if (rc == SQLITE_DONE)
    lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND,
                  _("The session is no longer in the diary"));
  else
    lc_diary_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return record;
}

static void
bind_ratings (sqlite3_stmt  *stmt,
              gconstpointer  data)
{
  const LcSessionRecord *record = data;

  bind_optional_int (stmt, 1, record->heaviness_before, LC_SCORE_NONE);
  bind_optional_int (stmt, 2, record->heaviness_after, LC_SCORE_NONE);
  sqlite3_bind_int64 (stmt, 3, record->id);
}

/**
 * lc_diary_update_session_ratings:
 * @record: a stored session (its id) with the corrected ratings
 *
 * Stores the heaviness before and after of a session again: what the user
 * rated can be corrected, what the player recorded (the routine, the times,
 * the steps) can't.
 *
 * Returns: whether the change is stored
 */
gboolean
lc_diary_update_session_ratings (LcDiary                *self,
                                 const LcSessionRecord  *record,
                                 GError                **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!lc_session_record_validate (record, error) ||
      !run_write (self, STMT_UPDATE_SESSION_RATINGS, bind_ratings, record, TRUE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_SESSIONS);
  return TRUE;
}

gboolean
lc_diary_delete_session (LcDiary  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  if (!run_write (self, STMT_DELETE_SESSION, bind_id, &id, TRUE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_SESSIONS);
  return TRUE;
}

/* --- leg measurements ------------------------------------------------------------ */

static void
bind_measurement (sqlite3_stmt  *stmt,
                  gconstpointer  data)
{
  const LcLimbMeasurement *measurement = data;
  g_autofree char *left = lc_limb_points_to_string (measurement->points[LC_LEG_LEFT]);
  g_autofree char *right = lc_limb_points_to_string (measurement->points[LC_LEG_RIGHT]);

  sqlite3_bind_int64 (stmt, 1, measurement->taken_at);
  if (measurement->position != LC_POSITION_NONE)
    sqlite3_bind_text (stmt, 2, lc_position_to_string (measurement->position), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int (stmt, 3, (int) measurement->spacing_mm);
  sqlite3_bind_text (stmt, 4, left, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, right, -1, SQLITE_TRANSIENT);
}

/**
 * lc_diary_add_measurement:
 * @measurement: a guided measurement; its id is set
 *
 * Returns: %TRUE, or %FALSE with @error set (LC_DIARY_ERROR_INVALID for a
 *   measurement lc_limb_measurement_check() refuses: nothing is written)
 */
gboolean
lc_diary_add_measurement (LcDiary            *self,
                          LcLimbMeasurement  *measurement,
                          GError            **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);

  if (!lc_limb_measurement_check (measurement, error) ||
      !run_write (self, STMT_INSERT_MEASUREMENT, bind_measurement, measurement, FALSE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_MEASUREMENTS);

  measurement->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * lc_diary_list_measurements:
 * @from: the first second, UTC
 * @to: the second after the last
 *
 * Returns: (transfer container) (element-type LcLimbMeasurement): the
 *   measurements taken from @from up to @to, oldest first, or %NULL with
 *   @error set. One whose points the diary holds wrong (edited by hand) is
 *   left out with a warning.
 */
GPtrArray *
lc_diary_list_measurements (LcDiary  *self,
                            gint64    from,
                            gint64    to,
                            GError  **error)
{
  g_autoptr(GPtrArray) measurements = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  stmt = statement (self, STMT_LIST_MEASUREMENTS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  measurements = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_limb_measurement_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (sqlite3_column_int64 (stmt, 1),
                                                                          (guint) sqlite3_column_int (stmt, 3));
      const char *position = (const char *) sqlite3_column_text (stmt, 2);

      measurement->id = sqlite3_column_int64 (stmt, 0);
      if (position == NULL || !lc_position_from_string (position, &measurement->position))
        measurement->position = LC_POSITION_NONE;
      if (!lc_limb_points_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                       measurement->points[LC_LEG_LEFT]) ||
          !lc_limb_points_from_string ((const char *) sqlite3_column_text (stmt, 5),
                                       measurement->points[LC_LEG_RIGHT]) ||
          !lc_limb_measurement_check (measurement, NULL))
        {
          g_warning ("Measurement %" G_GINT64_FORMAT " of the diary is not a leg's: left out", measurement->id);
          continue;
        }
      g_ptr_array_add (measurements, g_steal_pointer (&measurement));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&measurements);
}

/**
 * lc_diary_has_measurement_like:
 *
 * Returns: whether the diary holds a measurement with the same content
 *   (not the id), e.g. from an earlier import of the same file
 */
gboolean
lc_diary_has_measurement_like (LcDiary                  *self,
                               const LcLimbMeasurement  *measurement,
                               GError                  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);

  return run_exists (self, STMT_MEASUREMENT_LIKE, bind_measurement, measurement, error);
}

gboolean
lc_diary_delete_measurement (LcDiary  *self,
                             gint64    id,
                             GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  if (!run_write (self, STMT_DELETE_MEASUREMENT, bind_id, &id, TRUE, error))
    return FALSE;
  lc_diary_note_change (self, LC_DIARY_CHANGE_MEASUREMENTS);
  return TRUE;
}

/* --- the timeline: entries and sessions together ------------------------------- */

static void
bind_filter (sqlite3_stmt  *stmt,
             int            first,
             LcDiaryFilter  filter)
{
  sqlite3_bind_int (stmt, first, filter != LC_DIARY_FILTER_SESSIONS);
  sqlite3_bind_int (stmt, first + 1, filter != LC_DIARY_FILTER_ENTRIES);
}

/* The sitting breaks of the local day of @key's time */
static LcBreakDayItem *
get_break_day (LcDiary                  *self,
               const LcDiaryTimelineKey *key,
               GError                  **error)
{
  sqlite3_stmt *stmt = statement (self, STMT_BREAK_DAY, error);
  LcBreakDayItem *day;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, key->time);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      lc_diary_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  day = lc_break_day_item_new ((guint) sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                               sqlite3_column_int64 (stmt, 2), key->id,
                               (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT));
  sqlite3_reset (stmt);

  return day;
}

static GPtrArray *
list_timeline (LcDiary                  *self,
               LcDiaryFilter             filter,
               const LcDiaryTimelineKey *after,
               guint                     offset,
               guint                     limit,
               LcDiaryTimelineKey       *last,
               GError                  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) keys = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = statement (self, after != NULL ? STMT_TIMELINE_AFTER : STMT_TIMELINE, error);
  if (stmt == NULL)
    return NULL;

  /* The keys first: the lookups below use statements of their own. */
  sqlite3_bind_int64 (stmt, 1, limit);
  if (after != NULL)
    {
      sqlite3_bind_int64 (stmt, 5, after->time);
      sqlite3_bind_int (stmt, 6, after->kind);
      sqlite3_bind_int64 (stmt, 7, after->id);
    }
  else
    sqlite3_bind_int64 (stmt, 2, offset);
  bind_filter (stmt, 3, filter);
  keys = g_array_new (FALSE, FALSE, sizeof (LcDiaryTimelineKey));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LcDiaryTimelineKey key = {
        .kind = sqlite3_column_int (stmt, 0),
        .id = sqlite3_column_int64 (stmt, 1),
        .time = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  items = g_ptr_array_new_full (keys->len, g_object_unref);
  for (guint i = 0; i < keys->len; i++)
    {
      const LcDiaryTimelineKey *key = &g_array_index (keys, LcDiaryTimelineKey, i);

      if (key->kind == 0)
        {
          LcEntry *entry = lc_diary_get_entry (self, key->id, error);

          if (entry == NULL)
            return NULL;
          g_ptr_array_add (items, lc_entry_item_new (entry));
        }
      else if (key->kind == 1)
        {
          LcSessionRecord *record = lc_diary_get_session (self, key->id, error);

          if (record == NULL)
            return NULL;
          g_ptr_array_add (items, lc_session_item_new (record));
        }
      else
        {
          LcBreakDayItem *day = get_break_day (self, key, error);

          if (day == NULL)
            return NULL;
          g_ptr_array_add (items, day);
        }
    }
  if (last != NULL && keys->len > 0)
    *last = g_array_index (keys, LcDiaryTimelineKey, keys->len - 1);

  return g_steal_pointer (&items);
}

/**
 * lc_diary_list_timeline:
 * @filter: which records
 * @offset: how many of the newest records to pass over
 * @limit: how many to return at most
 * @last: (out) (optional): where the page ends, for
 *   lc_diary_list_timeline_after(); unchanged if the page is empty
 *
 * A page of the diary's entries and sessions together, newest first (a
 * session by its start), for a list that loads as it scrolls.
 *
 * A day's sitting breaks (sessions of %LC_ROUTINE_ID_SITTING_BREAK) are
 * one #LcBreakDayItem, at the time of the day's last.
 *
 * Returns: (transfer container) (element-type GObject): #LcEntryItem,
 *   #LcSessionItem and #LcBreakDayItem objects, or %NULL with @error set
 */
GPtrArray *
lc_diary_list_timeline (LcDiary             *self,
                        LcDiaryFilter        filter,
                        guint                offset,
                        guint                limit,
                        LcDiaryTimelineKey  *last,
                        GError             **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  return list_timeline (self, filter, NULL, offset, limit, last, error);
}

/**
 * lc_diary_list_timeline_after:
 * @filter: which records
 * @after: where the page before ended
 * @limit: how many to return at most
 * @last: (out) (optional): where this page ends; unchanged if it is empty
 *
 * The page of lc_diary_list_timeline() that follows the one that ended at
 * @after, found by the time indexes: as fast at the end of fifty years as
 * at the start.
 *
 * Returns: (transfer container) (element-type GObject): as
 *   lc_diary_list_timeline(), or %NULL with @error set
 */
GPtrArray *
lc_diary_list_timeline_after (LcDiary                  *self,
                              LcDiaryFilter             filter,
                              const LcDiaryTimelineKey *after,
                              guint                     limit,
                              LcDiaryTimelineKey       *last,
                              GError                  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), NULL);
  g_return_val_if_fail (after != NULL, NULL);

  return list_timeline (self, filter, after, 0, limit, last, error);
}

/**
 * lc_diary_count_timeline:
 * @filter: which records
 * @since: the first second to count, UTC; %G_MININT64 for all
 *
 * How many records the timeline holds from @since on. In the newest-first
 * order of lc_diary_list_timeline() that is also the position of the first
 * record before @since, which is how a list jumps to a date.
 *
 * Returns: the number, or -1 with @error set
 */
gint64
lc_diary_count_timeline (LcDiary        *self,
                         LcDiaryFilter   filter,
                         gint64          since,
                         GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LC_IS_DIARY (self), -1);

  stmt = statement (self, STMT_TIMELINE_COUNT, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, since);
  bind_filter (stmt, 2, filter);
  return step_count (self, stmt, error);
}

/* --- daily aggregates ---------------------------------------------------------- */

/* @tz: the local time zone, looked up once for all the days (GLib reads
 * it again from the system for each g_date_time_new_local() when TZ is not
 * set) */
static gboolean
parse_day (const char     *text,
           GTimeZone      *tz,
           LcDayAggregate *day)
{
  g_autoptr(GDateTime) midnight = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d", &day->year, &day->month, &day->day) != 3)
    return FALSE;

  midnight = g_date_time_new (tz, day->year, day->month, day->day, 0, 0, 0);
  if (midnight == NULL)
    return FALSE;

  day->start = g_date_time_to_unix (midnight);
  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const LcDayAggregate *x = a;
  const LcDayAggregate *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/**
 * lc_diary_daily_aggregates:
 * @from: first second, UTC
 * @to: the second after the last
 *
 * Per local calendar day with entries or sessions in [@from, @to): the
 * number of entries and sessions, and mean, min and max of each measure.
 * Days are the user's local days, also across daylight-saving changes.
 *
 * Returns: (transfer full) (element-type LcDayAggregate): the days in
 *   order, or %NULL with @error set
 */
GArray *
lc_diary_daily_aggregates (LcDiary  *self,
                           gint64    from,
                           gint64    to,
                           GError  **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LC_IS_DIARY (self), NULL);

  days = g_array_new (FALSE, TRUE, sizeof (LcDayAggregate));
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = statement (self, STMT_DAY_ENTRIES, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LcDayAggregate day = { 0 };
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (!parse_day (name, tz, &day))
        continue;

      day.n_entries = sqlite3_column_int (stmt, 1);
      for (guint m = 0; m < LC_N_MEASURES; m++)
        {
          int column = 2 + 4 * m;

          day.stats[m].count = sqlite3_column_int (stmt, column + 3);
          if (day.stats[m].count == 0)
            continue;
          day.stats[m].mean = sqlite3_column_double (stmt, column);
          day.stats[m].min = sqlite3_column_double (stmt, column + 1);
          day.stats[m].max = sqlite3_column_double (stmt, column + 2);
        }

      g_array_append_val (days, day);
      g_hash_table_insert (by_name, g_strdup (name), GUINT_TO_POINTER (days->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  stmt = statement (self, STMT_DAY_SESSIONS, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, name));

      if (index == 0)
        {
          LcDayAggregate day = { 0 };

          if (!parse_day (name, tz, &day))
            continue;
          g_array_append_val (days, day);
          index = days->len;
        }
      g_array_index (days, LcDayAggregate, index - 1).n_sessions = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lc_diary_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_array_sort (days, compare_days);
  return g_steal_pointer (&days);
}

/* --- transactions and backups ------------------------------------------------- */

/**
 * lc_diary_begin:
 *
 * Starts a group of writes that is stored all together by
 * lc_diary_commit() or not at all (lc_diary_rollback()).
 */
gboolean
lc_diary_begin (LcDiary  *self,
                GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  if (!lc_diary_check_writable (self, error) || !lc_diary_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_batch = TRUE;
  self->pending = 0;
  return TRUE;
}

gboolean
lc_diary_commit (LcDiary  *self,
                 GError  **error)
{
  g_return_val_if_fail (LC_IS_DIARY (self), FALSE);

  if (lc_diary_exec (self, "COMMIT", error))
    {
      LcDiaryChange pending = self->pending;

      self->in_batch = FALSE;
      self->pending = 0;
      if (pending != 0)
        lc_diary_note_change (self, pending);
      return TRUE;
    }

  lc_diary_rollback (self);
  return FALSE;
}

void
lc_diary_rollback (LcDiary *self)
{
  g_return_if_fail (LC_IS_DIARY (self));

  self->in_batch = FALSE;
  self->pending = 0;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* --- GObject ------------------------------------------------------------------- */

static void
lc_diary_finalize (GObject *object)
{
  LcDiary *self = LC_DIARY (object);

  lc_diary_close_db (self);
  g_clear_object (&self->file);
  g_clear_error (&self->read_only);

  G_OBJECT_CLASS (lc_diary_parent_class)->finalize (object);
}

static void
lc_diary_class_init (LcDiaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_diary_finalize;

  /**
   * LcDiary::changed:
   * @what: the #LcDiaryChange flags: entries, sessions, or the whole
   *   diary restored from a backup
   *
   * The diary changed: after each write, or after a batch is stored.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_DIARY_CHANGE);
}

/**
 * lc_diary_notify_changed:
 * @what: what changed
 *
 * Tells the diary's listeners about changes made to its file through
 * another connection (an import in a thread of its own).
 */
void
lc_diary_notify_changed (LcDiary       *self,
                         LcDiaryChange  what)
{
  g_return_if_fail (LC_IS_DIARY (self));

  lc_diary_note_change (self, what);
}

static void
lc_diary_init (LcDiary *self)
{
}
