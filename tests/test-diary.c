/* test-diary.c: the SQLite diary, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lc-backups.h"
#include "lc-diary.h"

static GFile *
diary_file (const char *name)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "legcare", name, NULL);
}

static LcDiary *
open_diary (const char *name)
{
  g_autoptr(GFile) file = diary_file (name);
  g_autoptr(GError) error = NULL;
  LcDiary *diary = lc_diary_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (diary);
  return diary;
}

/* 2026-03-10 08:30:00 UTC */
#define T0 G_GINT64_CONSTANT (1773131400)
#define HOUR 3600
#define DAY (24 * HOUR)

static LcEntry *
make_entry (gint64 taken_at,
            int    heaviness)
{
  LcEntry *entry = lc_entry_new (taken_at);

  entry->heaviness[LC_LEG_LEFT] = heaviness;
  entry->heaviness[LC_LEG_RIGHT] = heaviness;
  return entry;
}

static void
test_diary_crud (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(LcEntry) entry = lc_entry_new (T0);
  g_autoptr(LcEntry) read = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 0);

  entry->heaviness[LC_LEG_LEFT] = 7;
  entry->heaviness[LC_LEG_RIGHT] = 5;
  entry->swelling[LC_LEG_LEFT] = 0;
  entry->ankle_mm[LC_LEG_RIGHT] = 235;
  entry->tags = LC_TAG_HOT_WEATHER | LC_TAG_COMPRESSION;
  entry->note = g_strdup ("After the flight, “heavy”; ankles, 😩");
  g_assert_true (lc_diary_add_entry (diary, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);

  read = lc_diary_get_entry (diary, entry->id, &error);
  g_assert_no_error (error);
  g_assert_true (lc_entry_equal_content (read, entry));
  g_assert_cmpint (read->swelling[LC_LEG_RIGHT], ==, LC_SCORE_NONE);
  g_assert_cmpint (read->ankle_mm[LC_LEG_LEFT], ==, LC_ANKLE_NONE);
  g_assert_true (lc_diary_has_entry_like (diary, entry, NULL));

  /* Update */
  read->heaviness[LC_LEG_LEFT] = 3;
  g_clear_pointer (&read->note, g_free);
  g_assert_true (lc_diary_update_entry (diary, read, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, lc_entry_free);
  entry = lc_diary_get_entry (diary, read->id, &error);
  g_assert_cmpint (entry->heaviness[LC_LEG_LEFT], ==, 3);
  g_assert_null (entry->note);

  /* Several a day are normal */
  for (int i = 1; i <= 3; i++)
    {
      g_autoptr(LcEntry) more = make_entry (T0 + i * HOUR, i);

      g_assert_true (lc_diary_add_entry (diary, more, &error));
    }
  entries = lc_diary_list_entries (diary, T0, T0 + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpint (((LcEntry *) entries->pdata[0])->taken_at, ==, T0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  entries = lc_diary_list_entries_newest (diary, 1, 2, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((LcEntry *) entries->pdata[0])->taken_at, ==, T0 + 2 * HOUR);
  g_assert_cmpint (((LcEntry *) entries->pdata[1])->taken_at, ==, T0 + HOUR);

  /* Delete */
  g_assert_true (lc_diary_delete_entry (diary, read->id, &error));
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 3);
  g_assert_false (lc_diary_delete_entry (diary, read->id, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (lc_diary_get_entry (diary, read->id, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lc_diary_update_entry (diary, read, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
}

typedef struct
{
  const char   *name;
  void        (*change) (LcEntry *entry);
  gboolean      valid;
  LcEntryField  field;
} Bound;

static void h_min (LcEntry *e) { e->heaviness[0] = 0; }
static void h_max (LcEntry *e) { e->heaviness[1] = 10; }
static void h_under (LcEntry *e) { e->heaviness[0] = -2; }
static void h_over (LcEntry *e) { e->heaviness[1] = 11; }
static void s_over (LcEntry *e) { e->swelling[0] = 11; }
static void a_min (LcEntry *e) { e->ankle_mm[0] = LC_ANKLE_MIN_MM; }
static void a_max (LcEntry *e) { e->ankle_mm[1] = LC_ANKLE_MAX_MM; }
static void a_under (LcEntry *e) { e->ankle_mm[0] = LC_ANKLE_MIN_MM - 1; }
static void a_over (LcEntry *e) { e->ankle_mm[1] = LC_ANKLE_MAX_MM + 1; }
static void t_future (LcEntry *e) { e->taken_at = g_get_real_time () / G_USEC_PER_SEC + 3600; }
static void t_now (LcEntry *e) { e->taken_at = g_get_real_time () / G_USEC_PER_SEC; }
static void tag_bad (LcEntry *e) { e->tags = 1 << 20; }
static void note_long (LcEntry *e) { e->note = g_strnfill (LC_NOTE_MAX_CHARS + 1, 'x'); }
static void note_max (LcEntry *e) { e->note = g_strnfill (LC_NOTE_MAX_CHARS, 'x'); }
static void note_bad (LcEntry *e) { e->note = g_strdup ("bad \xff text"); }
static void empty (LcEntry *e) { e->heaviness[0] = e->heaviness[1] = LC_SCORE_NONE; }
static void only_tag (LcEntry *e) { empty (e); e->tags = LC_TAG_EXERCISE; }
static void only_blank_note (LcEntry *e) { empty (e); e->note = g_strdup (" \t\n "); }
static void only_note (LcEntry *e) { empty (e); e->note = g_strdup ("Legs felt light today"); }

static const Bound bounds[] = {
  { "heaviness-0", h_min, TRUE, LC_ENTRY_FIELD_NONE },
  { "heaviness-10", h_max, TRUE, LC_ENTRY_FIELD_NONE },
  { "heaviness-below", h_under, FALSE, LC_ENTRY_FIELD_HEAVINESS },
  { "heaviness-above", h_over, FALSE, LC_ENTRY_FIELD_HEAVINESS },
  { "swelling-above", s_over, FALSE, LC_ENTRY_FIELD_SWELLING },
  { "ankle-min", a_min, TRUE, LC_ENTRY_FIELD_NONE },
  { "ankle-max", a_max, TRUE, LC_ENTRY_FIELD_NONE },
  { "ankle-below", a_under, FALSE, LC_ENTRY_FIELD_ANKLE },
  { "ankle-above", a_over, FALSE, LC_ENTRY_FIELD_ANKLE },
  { "time-now", t_now, TRUE, LC_ENTRY_FIELD_NONE },
  { "time-future", t_future, FALSE, LC_ENTRY_FIELD_TIME },
  { "tag-unknown", tag_bad, FALSE, LC_ENTRY_FIELD_TAGS },
  { "note-max", note_max, TRUE, LC_ENTRY_FIELD_NONE },
  { "note-too-long", note_long, FALSE, LC_ENTRY_FIELD_NOTE },
  { "note-not-utf8", note_bad, FALSE, LC_ENTRY_FIELD_NOTE },
  { "empty", empty, FALSE, LC_ENTRY_FIELD_HEAVINESS },
  { "only-a-tag", only_tag, TRUE, LC_ENTRY_FIELD_NONE },
  { "only-a-blank-note", only_blank_note, FALSE, LC_ENTRY_FIELD_HEAVINESS },
  { "only-a-note", only_note, TRUE, LC_ENTRY_FIELD_NONE },
};

static void
test_diary_bound (gconstpointer data)
{
  const Bound *bound = data;
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(LcEntry) entry = make_entry (T0, 4);
  g_autoptr(GError) error = NULL;
  LcEntryField field = LC_ENTRY_FIELD_NONE;
  gboolean valid;

  bound->change (entry);
  valid = lc_entry_validate (entry, g_get_real_time () / G_USEC_PER_SEC, &field, &error);
  g_assert_cmpint (valid, ==, bound->valid);
  g_assert_cmpint (field, ==, bound->field);
  if (!valid)
    {
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }

  /* The diary applies the same rules. */
  g_assert_cmpint (lc_diary_add_entry (diary, entry, &error), ==, bound->valid);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, bound->valid ? 1 : 0);
}

static void
test_diary_sessions (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LcSessionRecord *read;

  g_assert_null (lc_diary_get_last_session (diary, NULL));

  record->routine_id = g_strdup ("leg-elevation");
  record->routine_name = g_strdup ("Leg Elevation");
  record->started_at = T0;
  record->ended_at = T0 + 1090;
  record->steps_done = 9;
  record->steps_total = 10;
  record->steps_skipped = 1;
  record->heaviness_before = 7;
  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->id, >, 0);
  g_assert_true (lc_diary_has_session_like (diary, record, NULL));

  {
    g_autoptr(LcSessionRecord) last = lc_diary_get_last_session (diary, &error);

    g_assert_no_error (error);
    g_assert_nonnull (last);
    g_assert_cmpint (last->id, ==, record->id);
  }

  sessions = lc_diary_list_sessions (diary, T0 - DAY, T0 + DAY, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  read = sessions->pdata[0];
  g_assert_cmpstr (read->routine_name, ==, "Leg Elevation");
  g_assert_cmpint (read->ended_at, ==, T0 + 1090);
  g_assert_cmpuint (read->steps_skipped, ==, 1);
  g_assert_cmpint (read->heaviness_before, ==, 7);
  g_assert_cmpint (read->heaviness_after, ==, LC_SCORE_NONE);

  /* Invalid records are refused. */
  record->ended_at = T0 - 1;
  g_assert_false (lc_diary_add_session (diary, record, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
  g_clear_error (&error);
  record->ended_at = T0 + 10;
  record->steps_done = 11;
  g_assert_false (lc_diary_add_session (diary, record, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
  g_clear_error (&error);
  record->steps_done = 1;
  record->heaviness_after = 12;
  g_assert_false (lc_diary_add_session (diary, record, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
  g_assert_cmpint (lc_diary_count_sessions (diary, NULL), ==, 1);
}

/* Rome: summer time starts on 2026-03-29 at 02:00 (a 23-hour day) and
 * ends on 2026-10-25 at 03:00 (a 25-hour day). */
static gint64
rome (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
test_diary_aggregates_dst (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  struct { int month, day, hour, minute, heaviness, ankle; } entries[] = {
    /* The day before the change */
    { 3, 28, 23, 30, 2, 230 },
    /* The 23-hour day: just after midnight, and just before the next midnight */
    { 3, 29, 0, 10, 4, 240 },
    { 3, 29, 23, 50, 8, 0 },
    /* The next day */
    { 3, 30, 0, 5, 6, 0 },
    /* The 25-hour day in autumn: late evening still belongs to it */
    { 10, 25, 0, 30, 1, 0 },
    { 10, 25, 23, 59, 3, 0 },
  };
  struct { int month, day; guint n; double mean, min, max; guint ankle_count; double ankle; } expected[] = {
    { 3, 28, 1, 2, 2, 2, 1, 230 },
    { 3, 29, 2, 6, 4, 8, 1, 240 },
    { 3, 30, 1, 6, 6, 6, 0, 0 },
    { 10, 25, 2, 2, 1, 3, 0, 0 },
  };
  g_autoptr(LcSessionRecord) session = lc_session_record_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(LcEntry) entry = make_entry (rome (2026, entries[i].month, entries[i].day,
                                                   entries[i].hour, entries[i].minute),
                                             entries[i].heaviness);

      entry->heaviness[LC_LEG_RIGHT] = LC_SCORE_NONE;
      entry->ankle_mm[LC_LEG_LEFT] = entries[i].ankle;
      g_assert_true (lc_diary_add_entry (diary, entry, &error));
    }

  session->routine_id = g_strdup ("leg-elevation");
  session->routine_name = g_strdup ("Leg Elevation");
  session->started_at = rome (2026, 3, 29, 23, 0);
  session->ended_at = session->started_at + 600;
  session->steps_done = session->steps_total = 10;
  g_assert_true (lc_diary_add_session (diary, session, &error));

  days = lc_diary_daily_aggregates (diary, rome (2026, 1, 1, 0, 0), rome (2027, 1, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < days->len; i++)
    {
      LcDayAggregate *day = &g_array_index (days, LcDayAggregate, i);
      LcStat *heaviness = &day->stats[LC_MEASURE_HEAVINESS_LEFT];

      g_assert_cmpint (day->month, ==, expected[i].month);
      g_assert_cmpint (day->day, ==, expected[i].day);
      g_assert_cmpint (day->start, ==, rome (2026, expected[i].month, expected[i].day, 0, 0));
      g_assert_cmpuint (day->n_entries, ==, expected[i].n);
      g_assert_cmpuint (heaviness->count, ==, expected[i].n);
      g_assert_cmpfloat_with_epsilon (heaviness->mean, expected[i].mean, 1e-9);
      g_assert_cmpfloat (heaviness->min, ==, expected[i].min);
      g_assert_cmpfloat (heaviness->max, ==, expected[i].max);
      g_assert_cmpuint (day->stats[LC_MEASURE_HEAVINESS_RIGHT].count, ==, 0);
      g_assert_cmpuint (day->stats[LC_MEASURE_ANKLE_LEFT].count, ==, expected[i].ankle_count);
      g_assert_cmpfloat (day->stats[LC_MEASURE_ANKLE_LEFT].mean, ==, expected[i].ankle);
      g_assert_cmpuint (day->n_sessions, ==, i == 1 ? 1 : 0);
    }

  /* The 23-hour day really is 23 hours long. */
  g_assert_cmpint (g_array_index (days, LcDayAggregate, 2).start -
                   g_array_index (days, LcDayAggregate, 1).start, ==, 23 * HOUR);
}

static void
test_diary_reopen_and_schema (void)
{
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LcEntry) entry = make_entry (T0, 5);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  {
    g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");

    g_assert_true (lc_diary_add_entry (diary, entry, NULL));
  }

  /* Migrated to the current version, in WAL mode; and the entry is there after reopening. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, LC_DIARY_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  {
    g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");

    g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 1);
  }
}

static void
test_diary_migrate_from_empty (void)
{
  g_autoptr(GFile) file = diary_file ("old.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(LcEntry) entry = make_entry (T0, 1);
  sqlite3 *db;

  /* Version 0: a database with nothing in it (what an interrupted first
   * start leaves). Every later migration gets a test like this one, from
   * the version before it. */
  {
    g_autofree char *parent = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  diary = open_diary ("old.sqlite3");
  g_assert_true (lc_diary_add_entry (diary, entry, NULL));
}

/* Version 1 (Leg Care 1): its schema written out here as it was shipped,
 * with every kind of entry and a session; version 2 adds the calves and
 * the position and keeps everything. */
static void
test_diary_migrate_from_v1 (void)
{
  g_autoptr(GFile) file = diary_file ("v1.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LcEntry) measured = make_entry (T0 + 7200, 4);
  g_autoptr(LcEntry) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  {
    g_autofree char *parent = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE entry (id INTEGER PRIMARY KEY, taken_at INTEGER NOT NULL,"
    "  heaviness_left INTEGER CHECK (heaviness_left BETWEEN 0 AND 10),"
    "  heaviness_right INTEGER CHECK (heaviness_right BETWEEN 0 AND 10),"
    "  swelling_left INTEGER CHECK (swelling_left BETWEEN 0 AND 10),"
    "  swelling_right INTEGER CHECK (swelling_right BETWEEN 0 AND 10),"
    "  ankle_left_mm INTEGER CHECK (ankle_left_mm BETWEEN 120 AND 600),"
    "  ankle_right_mm INTEGER CHECK (ankle_right_mm BETWEEN 120 AND 600),"
    "  tags TEXT NOT NULL DEFAULT '', note TEXT);"
    "CREATE INDEX entry_taken_at ON entry (taken_at);"
    "CREATE TABLE session (id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, routine_name TEXT NOT NULL,"
    "  started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),"
    "  steps_done INTEGER NOT NULL, steps_total INTEGER NOT NULL, steps_skipped INTEGER NOT NULL,"
    "  heaviness_before INTEGER CHECK (heaviness_before BETWEEN 0 AND 10),"
    "  heaviness_after INTEGER CHECK (heaviness_after BETWEEN 0 AND 10));"
    "CREATE INDEX session_started_at ON session (started_at);"
    "INSERT INTO entry VALUES (1, 1773131400, 7, 5, 0, NULL, NULL, 235, 'hot-weather;compression', 'A note');"
    "INSERT INTO entry VALUES (2, 1773135000, NULL, NULL, NULL, NULL, 120, 600, '', NULL);"
    "INSERT INTO session VALUES (1, 'calf-pump-seated', 'Calf pump', 1773138600, 1773139200, 8, 10, 2, 6, 4);"
    "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  diary = open_diary ("v1.sqlite3");
  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  {
    const LcEntry *first = entries->pdata[0];
    const LcEntry *second = entries->pdata[1];

    g_assert_cmpint (first->taken_at, ==, 1773131400);
    g_assert_cmpint (first->heaviness[LC_LEG_LEFT], ==, 7);
    g_assert_cmpint (first->heaviness[LC_LEG_RIGHT], ==, 5);
    g_assert_cmpint (first->swelling[LC_LEG_LEFT], ==, 0);
    g_assert_cmpint (first->swelling[LC_LEG_RIGHT], ==, LC_SCORE_NONE);
    g_assert_cmpint (first->ankle_mm[LC_LEG_LEFT], ==, LC_ANKLE_NONE);
    g_assert_cmpint (first->ankle_mm[LC_LEG_RIGHT], ==, 235);
    g_assert_cmpuint (first->tags, ==, LC_TAG_HOT_WEATHER | LC_TAG_COMPRESSION);
    g_assert_cmpstr (first->note, ==, "A note");
    g_assert_cmpint (second->ankle_mm[LC_LEG_LEFT], ==, 120);
    g_assert_cmpint (second->ankle_mm[LC_LEG_RIGHT], ==, 600);
    for (guint i = 0; i < entries->len; i++)
      {
        const LcEntry *e = entries->pdata[i];

        g_assert_cmpint (e->calf_mm[LC_LEG_LEFT], ==, LC_CALF_NONE);
        g_assert_cmpint (e->calf_mm[LC_LEG_RIGHT], ==, LC_CALF_NONE);
        g_assert_cmpint (e->position, ==, LC_POSITION_NONE);
        for (guint k = 0; k < LC_N_SYMPTOMS; k++)
          g_assert_cmpint (e->symptoms[k], ==, LC_SCORE_NONE);
      }
  }
  sessions = lc_diary_list_sessions (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((LcSessionRecord *) sessions->pdata[0])->routine_name, ==, "Calf pump");

  /* The new columns work, and keep their limits */
  measured->calf_mm[LC_LEG_LEFT] = 365;
  measured->calf_mm[LC_LEG_RIGHT] = LC_CALF_MAX_MM;
  measured->position = LC_POSITION_LYING;
  measured->symptoms[LC_SYMPTOM_ACHING] = 0;
  measured->symptoms[LC_SYMPTOM_ITCHING] = 10;
  g_assert_true (lc_diary_add_entry (diary, measured, &error));
  g_assert_no_error (error);
  again = lc_diary_get_entry (diary, measured->id, &error);
  g_assert_no_error (error);
  g_assert_true (lc_entry_equal_content (again, measured));
  g_assert_cmpint (again->calf_mm[LC_LEG_LEFT], ==, 365);
  g_assert_cmpint (again->position, ==, LC_POSITION_LYING);
  g_assert_cmpint (again->symptoms[LC_SYMPTOM_ACHING], ==, 0);
  g_assert_cmpint (again->symptoms[LC_SYMPTOM_THROBBING], ==, LC_SCORE_NONE);
  g_assert_cmpint (again->symptoms[LC_SYMPTOM_ITCHING], ==, 10);
  g_assert_true (lc_diary_has_entry_like (diary, measured, NULL));
  again->symptoms[LC_SYMPTOM_THROBBING] = 3;
  g_assert_true (lc_diary_update_entry (diary, again, &error));
  g_clear_pointer (&again, lc_entry_free);
  again = lc_diary_get_entry (diary, measured->id, &error);
  g_assert_cmpint (again->symptoms[LC_SYMPTOM_THROBBING], ==, 3);
  g_assert_false (lc_diary_has_entry_like (diary, measured, NULL));
  /* Out of range is refused before the database sees it */
  again->symptoms[LC_SYMPTOM_ACHING] = 11;
  g_assert_false (lc_diary_update_entry (diary, again, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&diary, g_object_unref);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, LC_DIARY_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  /* …and a symptom out of range (schema 3) */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entry SET itching = 11 WHERE id = 1", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  /* The database refuses a calf out of range itself */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entry SET calf_left_mm = 199 WHERE id = 1", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entry SET position = 'standing' WHERE id = 1", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A calf out of range, or a position without a measurement, is refused
 * with the field it is in */
static void
test_diary_calf_validation (void)
{
  const struct { int mm; gboolean ok; } cases[] = {
    { LC_CALF_MIN_MM - 1, FALSE }, { LC_CALF_MIN_MM, TRUE }, { 365, TRUE },
    { LC_CALF_MAX_MM, TRUE }, { LC_CALF_MAX_MM + 1, FALSE }, { -5, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint leg = 0; leg < LC_N_LEGS; leg++)
      {
        g_autoptr(LcEntry) entry = lc_entry_new (T0);
        g_autoptr(GError) error = NULL;
        LcEntryField field = LC_ENTRY_FIELD_NONE;

        entry->calf_mm[leg] = cases[i].mm;
        g_assert_cmpint (lc_entry_validate (entry, T0 + 60, &field, &error), ==, cases[i].ok);
        if (!cases[i].ok)
          {
            g_assert_cmpint (field, ==, LC_ENTRY_FIELD_CALF);
            g_assert_nonnull (strstr (error->message, "calf"));
          }
      }

  {
    g_autoptr(LcEntry) entry = make_entry (T0, 3);
    g_autoptr(GError) error = NULL;
    LcEntryField field = LC_ENTRY_FIELD_NONE;

    entry->position = LC_POSITION_SITTING;
    g_assert_false (lc_entry_validate (entry, T0 + 60, &field, &error));
    g_assert_cmpint (field, ==, LC_ENTRY_FIELD_POSITION);
    g_clear_error (&error);
    entry->ankle_mm[LC_LEG_LEFT] = 230;
    g_assert_true (lc_entry_validate (entry, T0 + 60, &field, &error));
    /* A calf alone is a measurement: the entry is not empty */
    entry = (lc_entry_free (entry), lc_entry_new (T0));
    entry->calf_mm[LC_LEG_RIGHT] = 370;
    g_assert_true (lc_entry_validate (entry, T0 + 60, NULL, &error));
  }
}

static void
test_diary_corrupt (void)
{
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = NULL;
  const char *garbage = "This is not a database, but a shopping list: tomatoes, bread.";
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  diary = lc_diary_open (file, &error);
  g_assert_null (diary);
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "diary.sqlite3.damaged-"));

  /* Moved aside whole, never deleted */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "diary.sqlite3.damaged-"))
      {
        g_autofree char *moved = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (moved, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, garbage);
        found = TRUE;
      }
  g_assert_true (found);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Then a new, empty diary can start. */
  g_clear_error (&error);
  diary = lc_diary_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 0);
}

static void
test_diary_corrupt_pages (void)
{
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");

    for (int i = 0; i < 300; i++)
      {
        g_autoptr(LcEntry) entry = make_entry (T0 + i * 60, i % 11);

        entry->note = g_strdup_printf ("note number %d, long enough to fill pages quickly", i);
        g_assert_true (lc_diary_add_entry (diary, entry, NULL));
      }
  }

  /* Scribble over the middle of the file: a damaged page. */
  {
    g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
    g_autoptr(GFile) copy = diary_file ("checkpointed.sqlite3");
    g_autofree char *copy_path = g_file_get_path (copy);

    g_assert_true (lc_diary_backup_to (diary, copy, NULL));
    g_clear_object (&diary);
    g_assert_true (g_file_get_contents (copy_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 3 * 4096);
    memset (contents + 2 * 4096 + 100, 0x5a, 2000);
    g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));

    diary = lc_diary_open (copy, &error);
    g_assert_null (diary);
    g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT);
    g_test_message ("%s", error->message);
  }
}

static void
test_diary_too_new (void)
{
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *moved_contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = NULL;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", LC_DIARY_SCHEMA_VERSION + 1);
  gsize before_length;
  sqlite3 *db;
  const char *moved;

  {
    g_autofree char *parent = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); INSERT INTO future VALUES (42);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  diary = lc_diary_open (file, &error);
  g_assert_null (diary);
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_TOO_NEW);
  g_test_message ("%s", error->message);

  /* Moved aside byte for byte: never written to. */
  moved = strstr (error->message, "“");
  g_assert_nonnull (moved);
  {
    g_autofree char *name = g_strndup (moved + strlen ("“"),
                                       strstr (moved, "”") - moved - strlen ("“"));
    gsize length;

    g_assert_true (g_file_get_contents (name, &moved_contents, &length, NULL));
    g_assert_cmpuint (length, ==, before_length);
    g_assert_true (memcmp (moved_contents, before, length) == 0);
  }
}

static void
test_diary_all_or_nothing (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GError) error = NULL;

  g_assert_true (lc_diary_begin (diary, &error));
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(LcEntry) entry = make_entry (T0 + i, 3);

      g_assert_true (lc_diary_add_entry (diary, entry, &error));
    }
  lc_diary_rollback (diary);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 0);

  g_assert_true (lc_diary_begin (diary, &error));
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(LcEntry) entry = make_entry (T0 + i, 3);

      g_assert_true (lc_diary_add_entry (diary, entry, &error));
    }
  /* A failing write inside the group leaves the others in it. */
  {
    g_autoptr(LcEntry) bad = make_entry (T0, 30);

    g_assert_false (lc_diary_add_entry (diary, bad, &error));
    g_clear_error (&error);
  }
  g_assert_true (lc_diary_commit (diary, &error));
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 10);
}

static void
test_diary_locked (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LcEntry) entry = make_entry (T0, 2);
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  /* Another writer holds the diary: saving fails with a clear error and
   * changes nothing; it works again once the other lets go. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (lc_diary_add_entry (diary, entry, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (lc_diary_add_entry (diary, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 1);
}

static void
test_diary_backup (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GFile) target = diary_file ("backup.sqlite3");
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) copy = NULL;

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(LcEntry) entry = make_entry (T0 + i * HOUR, i % 11);

      g_assert_true (lc_diary_add_entry (diary, entry, NULL));
    }

  g_assert_true (lc_diary_backup_to (diary, target, &error));
  g_assert_no_error (error);

  copy = lc_diary_open (target, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lc_diary_count_entries (copy, NULL), ==, 50);
}

static GDateTime *
local_day (int day)
{
  return g_date_time_new_local (2026, 11, day, 9, 15, 0);
}

static void
test_diary_backup_rotation (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GFile) dir = diary_file ("backups");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  gboolean made;

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) now = local_day (day);
      g_autoptr(LcEntry) entry = make_entry (T0 + day * DAY, day % 11);

      g_assert_true (lc_diary_add_entry (diary, entry, NULL));

      /* Once a day, on first use */
      g_assert_true (lc_backups_ensure_daily (diary, dir, now, &made, &error));
      g_assert_no_error (error);
      g_assert_true (made);
      g_assert_true (lc_backups_ensure_daily (diary, dir, now, &made, &error));
      g_assert_false (made);
    }

  /* The newest seven stay, newest first, with their entry counts. */
  backups = lc_backups_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, LC_BACKUPS_KEEP);
  for (guint i = 0; i < backups->len; i++)
    {
      LcBackupInfo *info = backups->pdata[i];

      g_assert_cmpint (g_date_time_get_day_of_month (info->made), ==, 10 - (int) i);
      g_assert_cmpint (info->n_entries, ==, 10 - (int) i);
      g_assert_false (info->before_restore);
      g_assert_false (info->moved_aside);
    }
}

/* A diary set aside on day 12 (damaged, or by an older version for a
 * reason that was not damage): it is listed with the backups, with its
 * entries; the daily backups after it are of a new, empty diary, and
 * rotation keeps the last one from before it however many come after. */
static void
test_diary_backup_rotation_after_move (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GFile) dir = diary_file ("backups");
  g_autoptr(GFile) file = diary_file ("diary.sqlite3");
  g_autoptr(GFile) moved = diary_file ("diary.sqlite3.damaged-20261112-091500");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  guint found_moved = 0, found_before = 0;

  for (int day = 1; day <= 11; day++)
    {
      g_autoptr(GDateTime) now = local_day (day);
      g_autoptr(LcEntry) entry = make_entry (T0 + day * DAY, day % 11);

      g_assert_true (lc_diary_add_entry (diary, entry, NULL));
      g_assert_true (lc_backups_ensure_daily (diary, dir, now, NULL, &error));
    }
  /* Set aside with its 11 entries; a new diary from then on */
  g_assert_true (lc_diary_backup_to (diary, moved, &error));
  g_clear_object (&diary);
  g_assert_true (g_file_delete (file, NULL, NULL));
  diary = open_diary ("diary.sqlite3");

  for (int day = 12; day <= 30; day++)
    {
      g_autoptr(GDateTime) now = local_day (day);

      g_assert_true (lc_backups_ensure_daily (diary, dir, now, NULL, &error));
      g_assert_no_error (error);
    }

  backups = lc_backups_list (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      LcBackupInfo *info = backups->pdata[i];

      if (info->moved_aside)
        {
          found_moved++;
          g_assert_cmpint (info->n_entries, ==, 11);
          g_assert_cmpint (g_date_time_get_day_of_month (info->made), ==, 12);
          g_assert_cmpint (g_date_time_get_hour (info->made), ==, 9);
        }
      else if (g_date_time_get_day_of_month (info->made) == 11)
        {
          found_before++;
          g_assert_cmpint (info->n_entries, ==, 11);
        }
      else
        g_assert_cmpint (info->n_entries, ==, 0);
    }
  g_assert_cmpuint (found_moved, ==, 1);
  g_assert_cmpuint (found_before, ==, 1);
  /* seven daily ones, the one from before the move (day 11) and the one
   * of the day of the move (day 12), and the diary set aside */
  g_assert_cmpuint (backups->len, ==, LC_BACKUPS_KEEP + 3);

  /* It can be restored */
  g_assert_true (lc_diary_restore_from (diary, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 11);
}

static void
test_diary_restore (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GFile) dir = diary_file ("backups");
  g_autoptr(GDateTime) day1 = local_day (1);
  g_autoptr(GDateTime) day2 = local_day (2);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) broken = diary_file ("backups/diary-2026-11-03.sqlite3");
  g_autofree char *broken_path = g_file_get_path (broken);
  LcBackupInfo *newest;
  LcBackupInfo *daily = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(LcEntry) entry = make_entry (T0 + i * HOUR, i);

      g_assert_true (lc_diary_add_entry (diary, entry, NULL));
    }
  g_assert_true (lc_backups_ensure_daily (diary, dir, day1, NULL, &error));
  for (int i = 5; i < 8; i++)
    {
      g_autoptr(LcEntry) entry = make_entry (T0 + i * HOUR, i);

      g_assert_true (lc_diary_add_entry (diary, entry, NULL));
    }

  /* A damaged backup is refused and changes nothing. */
  g_assert_true (g_file_set_contents (broken_path, "not a backup at all", -1, NULL));
  g_assert_false (lc_backups_restore (diary, broken, dir, day2, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 8);
  g_assert_cmpint (g_unlink (broken_path), ==, 0);

  backups = lc_backups_list (dir, &error);
  for (guint i = 0; i < backups->len; i++)
    if (!((LcBackupInfo *) backups->pdata[i])->before_restore)
      daily = backups->pdata[i];
  g_assert_nonnull (daily);
  g_assert_cmpint (daily->n_entries, ==, 5);

  g_assert_true (lc_backups_restore (diary, daily->file, dir, day2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 5);

  /* The diary as it was before is kept as a backup of its own. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = lc_backups_list (dir, &error);
  newest = backups->pdata[0];
  g_assert_true (newest->before_restore);
  g_assert_cmpint (newest->n_entries, ==, 8);

  /* The restored diary works as before. */
  {
    g_autoptr(LcEntry) entry = make_entry (T0 + 20 * HOUR, 1);

    g_assert_true (lc_diary_add_entry (diary, entry, &error));
    g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 6);
  }
}

static void
count_change (LcDiary *diary,
              guint    what,
              GArray  *changes)
{
  g_array_append_val (changes, what);
}

/* Every change is told once, with what changed; a batch once, when it is
 * stored; a rolled-back batch never; a restore as a whole. */
static void
test_diary_changed (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(LcEntry) entry = make_entry (T0, 3);
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GFile) backup = diary_file ("backup.sqlite3");
  g_autoptr(GError) error = NULL;

  g_signal_connect (diary, "changed", G_CALLBACK (count_change), changes);

  g_assert_true (lc_diary_add_entry (diary, entry, &error));
  entry->heaviness[LC_LEG_LEFT] = 5;
  g_assert_true (lc_diary_update_entry (diary, entry, &error));
  record->routine_id = g_strdup ("calf");
  record->routine_name = g_strdup ("Calf");
  record->started_at = T0;
  record->ended_at = T0 + 300;
  record->steps_total = record->steps_done = 3;
  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, LC_DIARY_CHANGE_ENTRIES);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, LC_DIARY_CHANGE_ENTRIES);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, LC_DIARY_CHANGE_SESSIONS);

  /* A failed write tells nothing */
  g_assert_false (lc_diary_delete_entry (diary, 9999, NULL));
  g_assert_cmpuint (changes->len, ==, 3);

  /* A batch: once, at the end */
  g_array_set_size (changes, 0);
  g_assert_true (lc_diary_begin (diary, &error));
  for (int i = 1; i <= 5; i++)
    {
      g_autoptr(LcEntry) more = make_entry (T0 + i * HOUR, i);

      g_assert_true (lc_diary_add_entry (diary, more, &error));
    }
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (lc_diary_commit (diary, &error));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, LC_DIARY_CHANGE_ENTRIES);

  /* Rolled back: never */
  g_array_set_size (changes, 0);
  g_assert_true (lc_diary_begin (diary, &error));
  g_assert_true (lc_diary_delete_entry (diary, entry->id, &error));
  lc_diary_rollback (diary);
  g_assert_cmpuint (changes->len, ==, 0);

  /* A restore: all of it, the leg measurements too */
  g_assert_true (lc_diary_backup_to (diary, backup, &error));
  g_assert_true (lc_diary_restore_from (diary, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==,
                    LC_DIARY_CHANGE_ENTRIES | LC_DIARY_CHANGE_SESSIONS | LC_DIARY_CHANGE_MEASUREMENTS |
                    LC_DIARY_CHANGE_RESTORED);
}

/* --- crash safety ------------------------------------------------------------ */

static void G_GNUC_NORETURN
crash_child (const char *path,
             int         ack_fd,
             gint64      first)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LcDiary *diary = lc_diary_open (file, NULL);

  if (diary == NULL)
    _exit (2);

  /* Add entries until killed; after each success, tell the parent. */
  for (gint64 i = first; ; i++)
    {
      LcEntry *entry = make_entry (T0 + i, (int) (i % 11));

      entry->note = g_strdup_printf ("entry %" G_GINT64_FORMAT, i);
      if (lc_diary_add_entry (diary, entry, NULL))
        {
          if (write (ack_fd, &i, sizeof i) != sizeof i)
            _exit (3);
        }
      lc_entry_free (entry);
    }
}

static void
test_diary_crash_safety (void)
{
  g_autoptr(GFile) file = diary_file ("crash.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GRand) rand = g_rand_new ();
  gint64 next = 0;
  guint rounds = 50;

  {
    g_autofree char *parent = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }

  for (guint round = 0; round < rounds; round++)
    {
      int fds[2];
      pid_t pid;
      gint64 id;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          crash_child (path, fds[1], next);
        }
      close (fds[1]);

      /* Kill it at a random moment, mid-write or not. */
      g_usleep (g_rand_int_range (rand, 5, 60) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status));

      while (read (fds[0], &id, sizeof id) == sizeof id)
        {
          g_hash_table_add (acknowledged, g_memdup2 (&id, sizeof id));
          next = MAX (next, id + 1);
        }
      close (fds[0]);

      /* The file is whole, and every acknowledged entry is in it. */
      {
        sqlite3 *db;
        sqlite3_stmt *stmt;
        g_autoptr(LcDiary) diary = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) entries = NULL;
        g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
        GHashTableIter iter;
        gint64 *key;

        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
        sqlite3_finalize (stmt);
        sqlite3_close (db);

        diary = lc_diary_open (file, &error);
        g_assert_no_error (error);
        entries = lc_diary_list_entries (diary, 0, G_MAXINT64, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < entries->len; i++)
          {
            LcEntry *entry = entries->pdata[i];

            entry->taken_at -= T0;
            g_hash_table_add (present, &entry->taken_at);
          }

        g_hash_table_iter_init (&iter, acknowledged);
        while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
          if (!g_hash_table_contains (present, key))
            g_error ("round %u: entry %" G_GINT64_FORMAT " was acknowledged but is missing", round, *key);
      }
    }

  g_test_message ("%u kills, %u entries acknowledged, none lost", rounds,
                  g_hash_table_size (acknowledged));
  g_assert_cmpuint (g_hash_table_size (acknowledged), >, 0);
}

static guint
changed_what;

static void
note_change_cb (LcDiary *diary,
                guint    what,
                gpointer user_data)
{
  changed_what |= what;
}

static LcLimbMeasurement *
make_measurement (gint64 taken_at,
                  guint  spacing_mm,
                  guint  n_left,
                  guint  n_right)
{
  LcLimbMeasurement *measurement = lc_limb_measurement_new (taken_at, spacing_mm);

  for (guint i = 0; i < n_left; i++)
    lc_limb_measurement_add (measurement, LC_LEG_LEFT, (guint16) (220 + 15 * i));
  for (guint i = 0; i < n_right; i++)
    lc_limb_measurement_add (measurement, LC_LEG_RIGHT, (guint16) (225 + 15 * i));
  return measurement;
}

static void
assert_same_measurement (const LcLimbMeasurement *a,
                         const LcLimbMeasurement *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->taken_at, ==, b->taken_at);
  g_assert_cmpint (a->position, ==, b->position);
  g_assert_cmpuint (a->spacing_mm, ==, b->spacing_mm);
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      g_assert_cmpuint (a->points[leg]->len, ==, b->points[leg]->len);
      g_assert_cmpmem (a->points[leg]->data, a->points[leg]->len * sizeof (guint16),
                       b->points[leg]->data, b->points[leg]->len * sizeof (guint16));
    }
}

/* Guided leg measurements: stored as given, listed by time, deleted;
 * refused when they make no leg, with nothing written */
static void
test_diary_measurements (void)
{
  g_autoptr(LcDiary) diary = open_diary ("measurements.sqlite3");
  g_autoptr(LcLimbMeasurement) both = make_measurement (T0, LC_LIMB_SPACING_DEFAULT_MM, 6, 6);
  g_autoptr(LcLimbMeasurement) right_only = make_measurement (T0 + 86400, LC_LIMB_SPACING_FINE_MM, 0, 12);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const struct { guint spacing; guint left; guint right; guint16 bad; const char *says; } refused[] = {
    { 50, 6, 6, 0, "4 or 8 cm" },
    { 80, 0, 0, 0, "Neither leg" },
    { 80, 1, 0, 0, "2 to 30" },
    { 80, 6, 31, 0, "not 31" },
    { 80, 6, 6, 99, "9.9 cm" },
  };

  g_signal_connect (diary, "changed", G_CALLBACK (note_change_cb), NULL);
  both->position = LC_POSITION_SITTING;
  changed_what = 0;
  g_assert_true (lc_diary_add_measurement (diary, both, &error));
  g_assert_no_error (error);
  g_assert_cmpint (both->id, >, 0);
  g_assert_cmpuint (changed_what, ==, LC_DIARY_CHANGE_MEASUREMENTS);
  g_assert_true (lc_diary_add_measurement (diary, right_only, &error));
  g_assert_no_error (error);

  listed = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  assert_same_measurement (listed->pdata[0], both);
  assert_same_measurement (listed->pdata[1], right_only);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* By time: [from, to) */
  listed = lc_diary_list_measurements (diary, T0 + 1, T0 + 86401, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_same_measurement (listed->pdata[0], right_only);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = lc_diary_list_measurements (diary, T0, T0 + 86400, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_same_measurement (listed->pdata[0], both);
  g_clear_pointer (&listed, g_ptr_array_unref);

  for (guint c = 0; c < G_N_ELEMENTS (refused); c++)
    {
      g_autoptr(LcLimbMeasurement) bad = make_measurement (T0 + 3600, refused[c].spacing, refused[c].left,
                                                           refused[c].right);

      if (refused[c].bad != 0)
        g_array_index (bad->points[LC_LEG_RIGHT], guint16, 2) = refused[c].bad;
      changed_what = 0;
      g_assert_false (lc_diary_add_measurement (diary, bad, &error));
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[c].says));
      g_clear_error (&error);
      g_assert_cmpuint (changed_what, ==, 0);
      g_assert_cmpint (bad->id, ==, 0);
    }
  listed = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (lc_diary_delete_measurement (diary, both->id, &error));
  g_assert_no_error (error);
  g_assert_false (lc_diary_delete_measurement (diary, both->id, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  listed = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  assert_same_measurement (listed->pdata[0], right_only);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A row edited by hand into something that is no leg: left out, said */
  {
    g_autofree char *path = g_file_get_path (lc_diary_get_file (diary));
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO measurement (taken_at, spacing_mm, left_mm) VALUES (1, 80, '220,x')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO measurement (taken_at, spacing_mm, left_mm) VALUES (2, 80, '220,60')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    /* The database itself keeps spacings and positions to what is known */
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO measurement (taken_at, spacing_mm) VALUES (3, 50)",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO measurement (taken_at, spacing_mm, position) VALUES (3, 80, 'up')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "Measurement * is not a leg's: left out");
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "Measurement * is not a leg's: left out");
  listed = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
}

/* Version 3 (the schema before measurements), written out as it was
 * shipped: opened, it becomes version 4 with everything kept, and the
 * measurements work */
static void
test_diary_migrate_from_v3 (void)
{
  g_autoptr(GFile) file = diary_file ("v3.sqlite3");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(LcLimbMeasurement) measurement = make_measurement (T0, LC_LIMB_SPACING_DEFAULT_MM, 5, 5);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  {
    g_autofree char *parent = g_path_get_dirname (path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE entry (id INTEGER PRIMARY KEY, taken_at INTEGER NOT NULL,"
    "  heaviness_left INTEGER CHECK (heaviness_left BETWEEN 0 AND 10),"
    "  heaviness_right INTEGER CHECK (heaviness_right BETWEEN 0 AND 10),"
    "  swelling_left INTEGER CHECK (swelling_left BETWEEN 0 AND 10),"
    "  swelling_right INTEGER CHECK (swelling_right BETWEEN 0 AND 10),"
    "  ankle_left_mm INTEGER CHECK (ankle_left_mm BETWEEN 120 AND 600),"
    "  ankle_right_mm INTEGER CHECK (ankle_right_mm BETWEEN 120 AND 600),"
    "  tags TEXT NOT NULL DEFAULT '', note TEXT);"
    "CREATE INDEX entry_taken_at ON entry (taken_at);"
    "CREATE TABLE session (id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL, routine_name TEXT NOT NULL,"
    "  started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL CHECK (ended_at >= started_at),"
    "  steps_done INTEGER NOT NULL, steps_total INTEGER NOT NULL, steps_skipped INTEGER NOT NULL,"
    "  heaviness_before INTEGER CHECK (heaviness_before BETWEEN 0 AND 10),"
    "  heaviness_after INTEGER CHECK (heaviness_after BETWEEN 0 AND 10));"
    "CREATE INDEX session_started_at ON session (started_at);"
    "ALTER TABLE entry ADD COLUMN calf_left_mm INTEGER CHECK (calf_left_mm BETWEEN 200 AND 800);"
    "ALTER TABLE entry ADD COLUMN calf_right_mm INTEGER CHECK (calf_right_mm BETWEEN 200 AND 800);"
    "ALTER TABLE entry ADD COLUMN position TEXT CHECK (position IN ('sitting', 'lying'));"
    "ALTER TABLE entry ADD COLUMN aching INTEGER CHECK (aching BETWEEN 0 AND 10);"
    "ALTER TABLE entry ADD COLUMN throbbing INTEGER CHECK (throbbing BETWEEN 0 AND 10);"
    "ALTER TABLE entry ADD COLUMN itching INTEGER CHECK (itching BETWEEN 0 AND 10);"
    "INSERT INTO entry VALUES (1, 1773131400, 7, 5, 0, NULL, NULL, 235, 'travel', 'A note', 360, 372, 'lying', 2, NULL, 9);"
    "INSERT INTO session VALUES (1, 'sitting-break', 'Sitting Break', 1773138600, 1773138720, 4, 4, 0, NULL, NULL);"
    "PRAGMA user_version = 3;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  diary = open_diary ("v3.sqlite3");
  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    const LcEntry *entry = entries->pdata[0];

    g_assert_cmpint (entry->heaviness[LC_LEG_LEFT], ==, 7);
    g_assert_cmpint (entry->calf_mm[LC_LEG_RIGHT], ==, 372);
    g_assert_cmpint (entry->position, ==, LC_POSITION_LYING);
    g_assert_cmpint (entry->symptoms[LC_SYMPTOM_ITCHING], ==, 9);
    g_assert_cmpstr (entry->note, ==, "A note");
  }
  sessions = lc_diary_list_sessions (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (((LcSessionRecord *) sessions->pdata[0])->routine_id, ==, "sitting-break");

  measurement->position = LC_POSITION_LYING;
  g_assert_true (lc_diary_add_measurement (diary, measurement, &error));
  g_assert_no_error (error);
  measurements = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpuint (measurements->len, ==, 1);
  assert_same_measurement (measurements->pdata[0], measurement);
  g_clear_object (&diary);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 4);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days are Rome's, with its daylight-saving changes. */
  g_setenv ("TZ", "Europe/Rome", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/diary/crud", test_diary_crud);
  g_test_add_func ("/lc/diary/sessions", test_diary_sessions);
  g_test_add_func ("/lc/diary/aggregates-dst", test_diary_aggregates_dst);
  g_test_add_func ("/lc/diary/reopen-and-schema", test_diary_reopen_and_schema);
  g_test_add_func ("/lc/diary/migrate-from-empty", test_diary_migrate_from_empty);
  g_test_add_func ("/lc/diary/migrate-from-v1", test_diary_migrate_from_v1);
  g_test_add_func ("/lc/diary/migrate-from-v3", test_diary_migrate_from_v3);
  g_test_add_func ("/lc/diary/measurements", test_diary_measurements);
  g_test_add_func ("/lc/diary/calf-validation", test_diary_calf_validation);
  g_test_add_func ("/lc/diary/corrupt", test_diary_corrupt);
  g_test_add_func ("/lc/diary/corrupt-pages", test_diary_corrupt_pages);
  g_test_add_func ("/lc/diary/too-new", test_diary_too_new);
  g_test_add_func ("/lc/diary/all-or-nothing", test_diary_all_or_nothing);
  g_test_add_func ("/lc/diary/locked", test_diary_locked);
  g_test_add_func ("/lc/diary/changed", test_diary_changed);
  g_test_add_func ("/lc/diary/backup", test_diary_backup);
  g_test_add_func ("/lc/diary/backup-rotation", test_diary_backup_rotation);
  g_test_add_func ("/lc/diary/backup-rotation-after-move", test_diary_backup_rotation_after_move);
  g_test_add_func ("/lc/diary/restore", test_diary_restore);
  g_test_add_func ("/lc/diary/crash-safety", test_diary_crash_safety);

  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lc/diary/bound/%s", bounds[i].name);

      g_test_add_data_func (path, &bounds[i], test_diary_bound);
    }

  return g_test_run ();
}
