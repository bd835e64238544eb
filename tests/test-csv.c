/* test-csv.c: CSV export and import, on real diary files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "lc-csv.h"

#define HEADER_AFTER_TIME \
  ",heaviness_left,heaviness_right,swelling_left,swelling_right,ankle_left_cm," \
  "ankle_right_cm,tags,note,routine_id,routine_name,ended,steps_done,steps_total,steps_skipped," \
  "heaviness_before,heaviness_after"
#define HEADER "record,time" HEADER_AFTER_TIME

/* Rows by column, so that no one has to count commas. */
#define ENTRY(time, hl, hr, sl, sr, al, ar, tags, note) \
  "entry," time "," hl "," hr "," sl "," sr "," al "," ar "," tags "," note ",,,,,,,,"
#define SESSION(time, id, name, ended, done, total, skipped, before, after) \
  "session," time ",,,,,,,,," id "," name "," ended "," done "," total "," skipped "," before "," after

/* Today's files: Leg Care 1's columns, then the calves and the position of
 * the legs. The tests above keep Leg Care 1's header, which imports too. */
#define HEADER2 HEADER ",calf_left_cm,calf_right_cm,position"
#define ENTRY2(time, hl, hr, sl, sr, al, ar, tags, note, cl, cr, position) \
  ENTRY (time, hl, hr, sl, sr, al, ar, tags, note) "," cl "," cr "," position
#define SESSION2(time, id, name, ended, done, total, skipped, before, after) \
  SESSION (time, id, name, ended, done, total, skipped, before, after) ",,,"

/* Since diary schema 3: optional symptoms. HEADER2 files import too. */
#define HEADER3 HEADER2 ",aching,throbbing,itching"
#define ENTRY3(time, hl, hr, sl, sr, al, ar, tags, note, cl, cr, position, ache, throb, itch) \
  ENTRY2 (time, hl, hr, sl, sr, al, ar, tags, note, cl, cr, position) "," ache "," throb "," itch
#define SESSION3(time, id, name, ended, done, total, skipped, before, after) \
  SESSION2 (time, id, name, ended, done, total, skipped, before, after) ",,,"

/* Since diary schema 4: leg measurements. HEADER3 files import too. */
#define HEADER4 HEADER3 ",spacing_cm,left_cm,right_cm"
#define ENTRY4(time, hl, hr, sl, sr, al, ar, tags, note, cl, cr, position, ache, throb, itch) \
  ENTRY3 (time, hl, hr, sl, sr, al, ar, tags, note, cl, cr, position, ache, throb, itch) ",,,"
#define SESSION4(time, id, name, ended, done, total, skipped, before, after) \
  SESSION3 (time, id, name, ended, done, total, skipped, before, after) ",,,"
#define MEASUREMENT4(time, position, spacing, left, right) \
  "measurement," time ",,,,,,,,,,,,,,,,,,," position ",,,," spacing "," left "," right

#define ALL_TAGS "long-standing;long-sitting;hot-weather;travel;compression;exercise;period;alcohol;salty-food"

/* 2026-03-10 08:30:00 UTC, 09:30 in Rome; T1 is after the change to summer time. */
#define T0 G_GINT64_CONSTANT (1773131400)
#define T1 (T0 + 20 * DAY)
#define HOUR 3600
#define DAY (24 * HOUR)

static LcDiary *
open_diary (const char *name)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "legcare", name, NULL);
  g_autoptr(GError) error = NULL;
  LcDiary *diary = lc_diary_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (diary);
  return diary;
}

static gint64
count_entries (LcDiary *diary)
{
  g_autoptr(GError) error = NULL;
  gint64 n = lc_diary_count_entries (diary, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_sessions (LcDiary *diary)
{
  g_autoptr(GError) error = NULL;
  gint64 n = lc_diary_count_sessions (diary, &error);

  g_assert_no_error (error);
  return n;
}

static void
add_entry (LcDiary *diary,
           LcEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lc_diary_add_entry (diary, entry, &error));
  g_assert_no_error (error);
}

static void
add_session (LcDiary         *diary,
             const char      *routine_id,
             const char      *routine_name,
             gint64           started_at,
             gint64           ended_at,
             guint            done,
             guint            total,
             guint            skipped,
             int              before,
             int              after)
{
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GError) error = NULL;

  record->routine_id = g_strdup (routine_id);
  record->routine_name = g_strdup (routine_name);
  record->started_at = started_at;
  record->ended_at = ended_at;
  record->steps_done = done;
  record->steps_total = total;
  record->steps_skipped = skipped;
  record->heaviness_before = before;
  record->heaviness_after = after;
  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
}

static char *
export (LcDiary *diary)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *csv = lc_csv_export (diary, &length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_cmpuint (length, ==, strlen (csv));
  return csv;
}

static void
import (LcDiary    *diary,
        const char *csv,
        guint       expect_added,
        guint       expect_skipped)
{
  g_autoptr(GError) error = NULL;
  guint added = G_MAXUINT;
  guint skipped = G_MAXUINT;
  /* Exactly the bytes, no nul after them: the sanitizers see any read past the end. */
  g_autofree char *data = g_memdup2 (csv, strlen (csv));

  g_assert_true (lc_csv_import (diary, data, strlen (csv), &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expect_added);
  g_assert_cmpuint (skipped, ==, expect_skipped);
}

/* A diary with every kind of value: all tags, none-values, notes with
 * commas, quotes, line ends and non-ASCII text, both UTC offsets of Rome. */
static void
fill_diary (LcDiary *diary)
{
  LcEntry *entry;

  entry = lc_entry_new (T0);
  entry->heaviness[LC_LEG_LEFT] = 7;
  entry->heaviness[LC_LEG_RIGHT] = 5;
  entry->swelling[LC_LEG_LEFT] = 0;
  entry->ankle_mm[LC_LEG_RIGHT] = 235;
  entry->calf_mm[LC_LEG_RIGHT] = 365;
  entry->position = LC_POSITION_SITTING;
  entry->symptoms[LC_SYMPTOM_ACHING] = 0;
  entry->symptoms[LC_SYMPTOM_ITCHING] = 10;
  entry->tags = LC_TAG_HOT_WEATHER | LC_TAG_COMPRESSION;
  entry->note = g_strdup ("After the flight, “heavy”; ankles, 😩");
  add_entry (diary, entry);
  lc_entry_free (entry);

  entry = lc_entry_new (T0 + HOUR);
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      entry->heaviness[leg] = 10;
      entry->swelling[leg] = 10;
    }
  entry->ankle_mm[LC_LEG_LEFT] = LC_ANKLE_MIN_MM;
  entry->ankle_mm[LC_LEG_RIGHT] = LC_ANKLE_MAX_MM;
  entry->calf_mm[LC_LEG_LEFT] = LC_CALF_MIN_MM;
  entry->calf_mm[LC_LEG_RIGHT] = LC_CALF_MAX_MM;
  entry->symptoms[LC_SYMPTOM_THROBBING] = 4;
  entry->position = LC_POSITION_LYING;
  entry->tags = LC_TAGS_ALL;
  entry->note = g_strdup ("Line one, with a comma\r\nLine \"two\"\nGambe pesanti — è così 🦵");
  add_entry (diary, entry);
  lc_entry_free (entry);

  /* Added out of order: the export is by time. */
  entry = lc_entry_new (T1);
  entry->tags = LC_TAG_EXERCISE;
  add_entry (diary, entry);
  lc_entry_free (entry);

  entry = lc_entry_new (0);
  entry->heaviness[LC_LEG_LEFT] = 1;
  add_entry (diary, entry);
  lc_entry_free (entry);

  entry = lc_entry_new (T1 + 60);
  entry->note = g_strdup ("plain");
  add_entry (diary, entry);
  lc_entry_free (entry);

  entry = lc_entry_new (T1 + 120);
  entry->swelling[LC_LEG_RIGHT] = 0;
  entry->note = g_strdup ("\"quoted\"");
  add_entry (diary, entry);
  lc_entry_free (entry);

  add_session (diary, "evening-routine", "Evening routine", T1, T1, 1, 1, 0, LC_SCORE_NONE, LC_SCORE_NONE);
  {
    g_autoptr(LcLimbMeasurement) lying = lc_limb_measurement_new (T1 + 180, LC_LIMB_SPACING_DEFAULT_MM);
    g_autoptr(LcLimbMeasurement) fine = lc_limb_measurement_new (T1 + 240, LC_LIMB_SPACING_FINE_MM);

    lying->position = LC_POSITION_LYING;
    lc_limb_measurement_add (lying, LC_LEG_LEFT, 220);
    lc_limb_measurement_add (lying, LC_LEG_LEFT, 245);
    lc_limb_measurement_add (lying, LC_LEG_LEFT, 300);
    g_assert_true (lc_diary_add_measurement (diary, lying, NULL));
    lc_limb_measurement_add (fine, LC_LEG_LEFT, 220);
    lc_limb_measurement_add (fine, LC_LEG_LEFT, 230);
    lc_limb_measurement_add (fine, LC_LEG_RIGHT, 225);
    lc_limb_measurement_add (fine, LC_LEG_RIGHT, 235);
    lc_limb_measurement_add (fine, LC_LEG_RIGHT, 250);
    g_assert_true (lc_diary_add_measurement (diary, fine, NULL));
  }
  add_session (diary, "calf-pump-seated", "Calf pump, seated \"easy\"", T0 + 2 * HOUR, T0 + 2 * HOUR + 600,
               8, 10, 2, 6, 4);
}

static const char *full_export =
  HEADER4 "\r\n"
  ENTRY4 ("1970-01-01T01:00:00+01:00", "1", "", "", "", "", "", "", "", "", "", "", "", "", "") "\r\n"
  ENTRY4 ("2026-03-10T09:30:00+01:00", "7", "5", "0", "", "", "23.5", "hot-weather;compression",
          "\"After the flight, “heavy”; ankles, 😩\"", "", "36.5", "sitting", "0", "", "10") "\r\n"
  ENTRY4 ("2026-03-10T10:30:00+01:00", "10", "10", "10", "10", "12.0", "60.0", ALL_TAGS,
          "\"Line one, with a comma\r\nLine \"\"two\"\"\nGambe pesanti — è così 🦵\"", "20.0", "80.0", "lying",
          "", "4", "") "\r\n"
  ENTRY4 ("2026-03-30T10:30:00+02:00", "", "", "", "", "", "", "exercise", "", "", "", "", "", "", "") "\r\n"
  ENTRY4 ("2026-03-30T10:31:00+02:00", "", "", "", "", "", "", "", "plain", "", "", "", "", "", "") "\r\n"
  ENTRY4 ("2026-03-30T10:32:00+02:00", "", "", "", "0", "", "", "", "\"\"\"quoted\"\"\"", "", "", "", "", "", "") "\r\n"
  SESSION4 ("2026-03-10T11:30:00+01:00", "calf-pump-seated", "\"Calf pump, seated \"\"easy\"\"\"",
            "2026-03-10T11:40:00+01:00", "8", "10", "2", "6", "4") "\r\n"
  SESSION4 ("2026-03-30T10:30:00+02:00", "evening-routine", "Evening routine",
            "2026-03-30T10:30:00+02:00", "1", "1", "0", "", "") "\r\n"
  MEASUREMENT4 ("2026-03-30T10:33:00+02:00", "lying", "8", "22.0;24.5;30.0", "") "\r\n"
  MEASUREMENT4 ("2026-03-30T10:34:00+02:00", "", "4", "22.0;23.0", "22.5;23.5;25.0") "\r\n";

static void
assert_same_diary (LcDiary *a,
                   LcDiary *b)
{
  g_autoptr(GPtrArray) entries_a = lc_diary_list_entries (a, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) entries_b = lc_diary_list_entries (b, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) sessions_a = lc_diary_list_sessions (a, G_MININT64, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) sessions_b = lc_diary_list_sessions (b, G_MININT64, G_MAXINT64, NULL);

  g_assert_cmpuint (entries_a->len, ==, entries_b->len);
  for (guint i = 0; i < entries_a->len; i++)
    {
      const LcEntry *x = entries_a->pdata[i];
      const LcEntry *y = entries_b->pdata[i];

      g_assert_cmpint (x->taken_at, ==, y->taken_at);
      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        {
          g_assert_cmpint (x->heaviness[leg], ==, y->heaviness[leg]);
          g_assert_cmpint (x->swelling[leg], ==, y->swelling[leg]);
          g_assert_cmpint (x->ankle_mm[leg], ==, y->ankle_mm[leg]);
          g_assert_cmpint (x->calf_mm[leg], ==, y->calf_mm[leg]);
        }
      g_assert_cmpint (x->position, ==, y->position);
      g_assert_cmpuint (x->tags, ==, y->tags);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_true (lc_entry_equal_content (x, y));
    }

  {
    g_autoptr(GPtrArray) measurements_a = lc_diary_list_measurements (a, G_MININT64, G_MAXINT64, NULL);
    g_autoptr(GPtrArray) measurements_b = lc_diary_list_measurements (b, G_MININT64, G_MAXINT64, NULL);

    g_assert_cmpuint (measurements_a->len, ==, measurements_b->len);
    for (guint i = 0; i < measurements_a->len; i++)
      {
        const LcLimbMeasurement *x = measurements_a->pdata[i];
        const LcLimbMeasurement *y = measurements_b->pdata[i];

        g_assert_cmpint (x->taken_at, ==, y->taken_at);
        g_assert_cmpint (x->position, ==, y->position);
        g_assert_cmpuint (x->spacing_mm, ==, y->spacing_mm);
        for (guint leg = 0; leg < LC_N_LEGS; leg++)
          g_assert_cmpmem (x->points[leg]->data, x->points[leg]->len * sizeof (guint16),
                           y->points[leg]->data, y->points[leg]->len * sizeof (guint16));
      }
  }

  g_assert_cmpuint (sessions_a->len, ==, sessions_b->len);
  for (guint i = 0; i < sessions_a->len; i++)
    {
      const LcSessionRecord *x = sessions_a->pdata[i];
      const LcSessionRecord *y = sessions_b->pdata[i];

      g_assert_cmpstr (x->routine_id, ==, y->routine_id);
      g_assert_cmpstr (x->routine_name, ==, y->routine_name);
      g_assert_cmpint (x->started_at, ==, y->started_at);
      g_assert_cmpint (x->ended_at, ==, y->ended_at);
      g_assert_cmpuint (x->steps_done, ==, y->steps_done);
      g_assert_cmpuint (x->steps_total, ==, y->steps_total);
      g_assert_cmpuint (x->steps_skipped, ==, y->steps_skipped);
      g_assert_cmpint (x->heaviness_before, ==, y->heaviness_before);
      g_assert_cmpint (x->heaviness_after, ==, y->heaviness_after);
    }
}

static void
test_csv_roundtrip (void)
{
  g_autoptr(LcDiary) source = open_diary ("source.sqlite3");
  g_autoptr(LcDiary) copy = open_diary ("copy.sqlite3");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fill_diary (source);
  first = export (source);
  g_assert_cmpstr (first, ==, full_export);

  import (copy, first, 10, 0);
  g_assert_cmpint (count_entries (copy), ==, 6);
  g_assert_cmpint (count_sessions (copy), ==, 2);
  assert_same_diary (source, copy);

  second = export (copy);
  g_assert_cmpstr (second, ==, first);

  /* Again: nothing new. And into the diary it came from. */
  import (copy, first, 0, 10);
  import (source, first, 0, 10);
  g_assert_cmpint (count_entries (copy), ==, 6);
  g_assert_cmpint (count_sessions (copy), ==, 2);
  assert_same_diary (source, copy);
}

/* Text a spreadsheet would take for a formula goes out after an
 * apostrophe, and comes back exactly as it was written. */
static void
test_csv_formulas (void)
{
  g_autoptr(LcDiary) source = open_diary ("source.sqlite3");
  g_autoptr(LcDiary) copy = open_diary ("copy.sqlite3");
  static const char *const notes[] = {
    "=HYPERLINK(\"http://example.com\",\"x\")", "+1", "-2 after a walk", "@SUM(A1)",
    "'already quoted", "''two", "plain = fine", "a-b",
  };
  static const char *const cells[] = {
    "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"", "'+1", "'-2 after a walk", "'@SUM(A1)",
    "''already quoted", "'''two", "plain = fine", "a-b",
  };
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(LcEntry) entry = lc_entry_new (T0 + i * 60);

      entry->note = g_strdup (notes[i]);
      add_entry (source, entry);
    }
  add_session (source, "calf-pump-seated", "=cmd|' /C calc'!A0", T0, T0 + 600, 3, 3, 0, 5, 3);

  csv = export (source);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *cell = g_strconcat (",", cells[i], ",", NULL);

      g_test_message ("%s", cells[i]);
      g_assert_nonnull (strstr (csv, cell));
    }
  g_assert_nonnull (strstr (csv, ",'=cmd|' /C calc'!A0,"));

  import (copy, csv, G_N_ELEMENTS (notes) + 1, 0);
  entries = lc_diary_list_entries (copy, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (notes));
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((LcEntry *) entries->pdata[i])->note, ==, notes[i]);
  assert_same_diary (source, copy);
  again = export (copy);
  g_assert_cmpstr (again, ==, csv);
}

static void
test_csv_export_empty (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autofree char *csv = export (diary);

  g_assert_cmpstr (csv, ==, HEADER4 "\r\n");
  import (diary, csv, 0, 0);
}

static void
test_csv_duplicates_in_file (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  const char *csv =
    HEADER "\n"
    ENTRY ("2026-03-10T09:30:00+01:00", "3", "", "", "", "", "", "", "") "\n"
    SESSION ("2026-03-10T10:00:00+01:00", "calf", "Calf", "2026-03-10T10:05:00+01:00", "3", "3", "0", "", "") "\n"
    ENTRY ("2026-03-10T09:30:00+01:00", "3", "", "", "", "", "", "", "") "\n"
    /* The same instant, written in UTC, and the same note but for white space around it */
    ENTRY ("2026-03-10T08:30:00Z", "3", "", "", "", "", "", "", "  ") "\n"
    SESSION ("2026-03-10T09:00:00Z", "calf", "Calf", "2026-03-10T11:05:00+02:00", "3", "3", "0", "", "") "\n"
    /* Not the same: another score */
    ENTRY ("2026-03-10T09:30:00+01:00", "4", "", "", "", "", "", "", "") "\n";
  g_autoptr(GPtrArray) entries = NULL;

  import (diary, csv, 3, 3);
  g_assert_cmpint (count_entries (diary), ==, 2);
  g_assert_cmpint (count_sessions (diary), ==, 1);

  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpint (((LcEntry *) entries->pdata[0])->taken_at, ==, T0);
  g_assert_null (((LcEntry *) entries->pdata[0])->note);
}

typedef struct
{
  const char *name;
  const char *text;
  guint       added;
} Variant;

#define ROW_1 ENTRY ("2026-03-10T09:30:00+01:00", "3", "2", "", "", "24.0", "", "travel", "\"a\r\nb\"")
#define ROW_2 SESSION ("2026-03-10T10:00:00+01:00", "calf", "Calf", "2026-03-10T10:05:00+01:00", "3", "3", "0", "", "")

static const Variant variants[] = {
  { "crlf", HEADER "\r\n" ROW_1 "\r\n" ROW_2 "\r\n", 2 },
  { "lf", HEADER "\n" ROW_1 "\n" ROW_2 "\n", 2 },
  { "mixed", HEADER "\r\n" ROW_1 "\n" ROW_2 "\r\n", 2 },
  { "no-final-line-end", HEADER "\r\n" ROW_1 "\r\n" ROW_2, 2 },
  { "trailing-empty-line", HEADER "\n" ROW_1 "\n" ROW_2 "\n\n", 2 },
  { "trailing-empty-line-crlf", HEADER "\r\n" ROW_1 "\r\n" ROW_2 "\r\n\r\n", 2 },
  { "bom", "\xEF\xBB\xBF" HEADER "\r\n" ROW_1 "\r\n" ROW_2 "\r\n", 2 },
  { "bom-lf-no-final", "\xEF\xBB\xBF" HEADER "\n" ROW_1 "\n" ROW_2, 2 },
  /* An entry row ends with empty fields: the last byte is a comma. */
  { "comma-last", HEADER "\r\n" ROW_2 "\r\n" ROW_1, 2 },
  { "header-only", HEADER "\r\n", 0 },
  { "header-only-no-line-end", HEADER, 0 },
  { "header-only-bom", "\xEF\xBB\xBF" HEADER, 0 },
  /* As spreadsheets may write it: every field quoted */
  { "all-quoted",
    "\"record\",\"time\",\"heaviness_left\",\"heaviness_right\",\"swelling_left\",\"swelling_right\","
    "\"ankle_left_cm\",\"ankle_right_cm\",\"tags\",\"note\",\"routine_id\",\"routine_name\",\"ended\","
    "\"steps_done\",\"steps_total\",\"steps_skipped\",\"heaviness_before\",\"heaviness_after\"\r\n"
    "\"entry\",\"2026-03-10T09:30:00+01:00\",\"3\",\"2\",\"\",\"\",\"24.0\",\"\",\"travel\",\"a\r\nb\","
    "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"
    ROW_2 "\r\n", 2 },
};

static void
test_csv_variant (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GPtrArray) entries = NULL;
  const LcEntry *entry;

  import (diary, variant->text, variant->added, 0);
  if (variant->added == 0)
    return;

  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->taken_at, ==, T0);
  g_assert_cmpint (entry->heaviness[LC_LEG_LEFT], ==, 3);
  g_assert_cmpint (entry->heaviness[LC_LEG_RIGHT], ==, 2);
  g_assert_cmpint (entry->swelling[LC_LEG_LEFT], ==, LC_SCORE_NONE);
  g_assert_cmpint (entry->ankle_mm[LC_LEG_LEFT], ==, 240);
  g_assert_cmpint (entry->ankle_mm[LC_LEG_RIGHT], ==, LC_ANKLE_NONE);
  g_assert_cmpuint (entry->tags, ==, LC_TAG_TRAVEL);
  /* Line ends inside quotes are kept as they are. */
  g_assert_cmpstr (entry->note, ==, "a\r\nb");
  g_assert_cmpint (count_sessions (diary), ==, 1);
}

static void
test_csv_values (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  const char *csv =
    HEADER "\n"
    ENTRY ("2026-03-10T08:30:00Z", "0", "10", "00", "9", "12", "60.0", " travel ; exercise ", "\"  spaced, out  \"") "\n"
    ENTRY ("2026-03-10T11:30:00.9+03:00", "", "", "", "", "23.5", "", "salty-food;salty-food", "") "\n"
    ENTRY ("20260310T083002Z", "", "", "", "", "", "", "period", "") "\n"
    SESSION ("2026-03-10T08:30:00-05:00", "x", "\"A, b\"", "2026-03-10T08:30:00-05:00", "0", "1000", "1000", "10", "0") "\n";
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  const LcEntry *entry;
  const LcSessionRecord *record;

  import (diary, csv, 4, 0);
  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = entries->pdata[0];
  g_assert_cmpint (entry->taken_at, ==, T0);
  g_assert_cmpint (entry->heaviness[LC_LEG_LEFT], ==, 0);
  g_assert_cmpint (entry->heaviness[LC_LEG_RIGHT], ==, 10);
  g_assert_cmpint (entry->swelling[LC_LEG_LEFT], ==, 0);
  g_assert_cmpint (entry->swelling[LC_LEG_RIGHT], ==, 9);
  g_assert_cmpint (entry->ankle_mm[LC_LEG_LEFT], ==, 120);
  g_assert_cmpint (entry->ankle_mm[LC_LEG_RIGHT], ==, 600);
  g_assert_cmpuint (entry->tags, ==, LC_TAG_TRAVEL | LC_TAG_EXERCISE);
  g_assert_cmpstr (entry->note, ==, "spaced, out");

  /* Fractions of a second are dropped. */
  entry = entries->pdata[1];
  g_assert_cmpint (entry->taken_at, ==, T0);
  g_assert_cmpint (entry->ankle_mm[LC_LEG_LEFT], ==, 235);
  g_assert_cmpuint (entry->tags, ==, LC_TAG_SALTY_FOOD);
  g_assert_null (entry->note);

  entry = entries->pdata[2];
  g_assert_cmpint (entry->taken_at, ==, T0 + 2);

  sessions = lc_diary_list_sessions (diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  record = sessions->pdata[0];
  g_assert_cmpint (record->started_at, ==, T0 + 5 * HOUR);
  g_assert_cmpstr (record->routine_name, ==, "A, b");
  g_assert_cmpuint (record->steps_total, ==, 1000);
  g_assert_cmpint (record->heaviness_before, ==, 10);
  g_assert_cmpint (record->heaviness_after, ==, 0);
}

/* The file of each error case: a valid entry (line 2) and session
 * (line 3), then the case's text from line 4; raw cases are the whole file. */
#define GOOD_ROWS \
  HEADER "\n" \
  ENTRY ("2026-03-10T09:30:00+01:00", "3", "3", "", "", "", "", "", "") "\n" \
  SESSION ("2026-03-10T10:00:00+01:00", "calf", "Calf", "2026-03-10T10:05:00+01:00", "3", "3", "0", "", "") "\n"

#define T "2026-03-11T09:30:00+01:00"
#define SCORE_ROW(hl) ENTRY (T, hl, "", "", "", "", "", "", "")
#define ANKLE_ROW(al) ENTRY (T, "", "", "", "", al, "", "", "")
#define TAGS_ROW(tags) ENTRY (T, "", "", "", "", "", "", tags, "")
#define EXPECT_HEADER "expected the header “" HEADER4 "”"

typedef struct
{
  const char *name;
  const char *text;
  gboolean    raw;
  LcCsvError  code;
  const char *message;
} ErrorCase;

#define TEN "abcdefghij"
#define HUNDRED TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN

static const ErrorCase error_cases[] = {
  /* The header */
  { "header-empty-file", "", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the file is empty; " EXPECT_HEADER },
  { "header-bom-only", "\xEF\xBB\xBF", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the file is empty; " EXPECT_HEADER },
  { "header-empty-line", "\r\n" HEADER "\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the line is empty; " EXPECT_HEADER },
  { "header-other-order",
    "time,record,heaviness_left,heaviness_right,swelling_left,swelling_right,ankle_left_cm,"
    "ankle_right_cm,tags,note,routine_id,routine_name,ended,steps_done,steps_total,steps_skipped,"
    "heaviness_before,heaviness_after\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 1: the header has “time” here; expected “record”" },
  { "header-swapped-columns",
    "record,time,heaviness_left,heaviness_right,swelling_left,swelling_right,ankle_right_cm,"
    "ankle_left_cm,tags,note,routine_id,routine_name,ended,steps_done,steps_total,steps_skipped,"
    "heaviness_before,heaviness_after\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 7: the header has “ankle_right_cm” here; expected “ankle_left_cm”" },
  { "header-case", "Record,time" HEADER_AFTER_TIME "\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 1: the header has “Record” here; expected “record”" },
  { "header-space", "record, time" HEADER_AFTER_TIME "\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 2: the header has “ time” here; expected “time”" },
  { "header-short", "record,time\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 2 columns; expected 27: “" HEADER4 "”" },
  { "header-one", "record", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 1 column; expected 27: “" HEADER4 "”" },
  { "header-extra", HEADER ",comment\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 19: the header has “comment” here; expected “calf_left_cm”" },
  { "header-extra-v2", HEADER2 ",comment\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 22: the header has “comment” here; expected “aching”" },
  { "header-extra-v3", HEADER3 ",comment\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 25: the header has “comment” here; expected “spacing_cm”" },
  { "header-extra-v4", HEADER4 ",comment\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 28 columns; expected 27: “" HEADER4 "”" },
  { "header-v4-short", HEADER3 ",spacing_cm\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 25 columns; expected 27: “" HEADER4 "”" },
  /* Measurements */
  { "measurement-spacing", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "5", "22.0;24.0", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column spacing_cm: “5” is not a distance between the tapes; expected “4” or “8” (cm)" },
  { "measurement-no-spacing", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "", "22.0;24.0", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column spacing_cm: the distance between the tapes is missing; expected “4” or “8” (cm)" },
  { "measurement-comma", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "8", "\"22.0;24,5\"", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column left_cm: measurement 2, “24,5”, is not centimetres; expected numbers such as “23.5” "
    "between semicolons, from the start point up" },
  { "measurement-empty-point", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "8", "", "22.0;;24.0")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column right_cm: measurement 2, “”, is not centimetres; expected numbers such as “23.5” "
    "between semicolons, from the start point up" },
  { "measurement-range", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "8", "22.0;9.9", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2: Measurement 2 is 9.9 cm; a leg measures between 10 and 120 cm around" },
  { "measurement-no-leg", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "8", "", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE, "line 2: Neither leg was measured" },
  { "measurement-one-point", HEADER4 "\r\n" MEASUREMENT4 ("2026-03-10T09:30:00+01:00", "", "8", "22.0", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE, "line 2: A leg needs 2 to 30 measurements along it, not 1" },
  { "measurement-with-score", HEADER4 "\r\n" "measurement,2026-03-10T09:30:00+01:00,3,,,,,,,,,,,,,,,,,,,,,,8,22.0;24.0,"
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column heaviness_left: a measurement row has “3” here; expected this column to be empty in "
    "measurement rows" },
  { "entry-with-points", HEADER4 "\r\n" ENTRY3 ("2026-03-10T09:30:00+01:00", "3", "", "", "", "", "", "", "", "", "",
    "", "", "", "") ",,22.0;24.0,\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column left_cm: an entry row has “22.0;24.0” here; expected this column to be empty in entry rows" },
  { "header-v3-short", HEADER2 ",aching\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 22 columns; expected 27: “" HEADER4 "”" },
  { "symptom-range", HEADER3 "\r\n" ENTRY3 ("2026-03-10T09:30:00+01:00", "", "", "", "", "", "", "", "", "", "", "",
    "", "11", "") "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column throbbing: “11” is not a score from 0 to 10" },
  { "header-v2-short", HEADER ",calf_left_cm\r\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1: the header has 19 columns; expected 27: “" HEADER4 "”" },
  { "calf-range", HEADER2 "\r\n" ENTRY2 ("2026-03-10T09:30:00+01:00", "", "", "", "", "", "", "", "", "19.9", "", "")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column calf_left_cm: “19.9” is out of range; expected a calf from 20.0 to 80.0 cm" },
  { "position-unknown", HEADER2 "\r\n" ENTRY2 ("2026-03-10T09:30:00+01:00", "", "", "", "", "", "", "", "", "36.0", "", "standing")
    "\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column position: “standing” is not a position; expected “sitting”, “lying” or nothing" },
  { "session-with-calf", HEADER2 "\r\n" SESSION ("2026-03-10T11:30:00+01:00", "calf-pump-seated", "Calf pump",
    "2026-03-10T11:40:00+01:00", "8", "10", "2", "6", "4") ",36.0,,\r\n", TRUE, LC_CSV_ERROR_VALUE,
    "line 2, column calf_left_cm: a session row has “36.0” here; expected this column to be empty in session rows" },
  { "header-comma-last", HEADER ",", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 19: the header has “” here; expected “calf_left_cm”" },
  { "header-other-file", "Date,Weight\n2026-03-10,70\n", TRUE, LC_CSV_ERROR_HEADER,
    "line 1, column 1: the header has “Date” here; expected “record”" },
  { "header-stray-quote", "rec\"ord,time\n", TRUE, LC_CSV_ERROR_SYNTAX,
    "line 1, column 1: a double quote inside a field that does not start with one; "
    "expected the whole field in double quotes, with the quote inside written as \"\"" },

  /* The text and the CSV syntax */
  { "not-utf8", ENTRY (T, "", "", "", "", "", "", "", "caf\xe9") "\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: the text is not valid UTF-8; expected the file to be saved as UTF-8" },
  { "not-utf8-header", "record,t\xffme\n", TRUE, LC_CSV_ERROR_SYNTAX,
    "line 1: the text is not valid UTF-8; expected the file to be saved as UTF-8" },
  { "not-utf8-after-multiline-note", ENTRY (T, "", "", "", "", "", "", "", "\"x\ny\"") "\n\xc0\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 6: the text is not valid UTF-8; expected the file to be saved as UTF-8" },
  { "fields-17", "entry," T ",3,,,,,,,,,,,,,,\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 17 fields, but the header has 18" },
  { "fields-19", ENTRY (T, "3", "", "", "", "", "", "", "") ",\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 19 fields, but the header has 18" },
  { "fields-19-comma-last", ENTRY (T, "3", "", "", "", "", "", "", "") ",", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 19 fields, but the header has 18" },
  { "fields-1", "entry\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 1 field, but the header has 18" },
  { "fields-many", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 50 fields, but the header has 18" },
  { "fields-semicolons", "entry;" T ";3;;;;;;;;;;;;;;;\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: 1 field, but the header has 18" },
  { "empty-line", "\n" SCORE_ROW ("3") "\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: the line is empty; expected a record, or the end of the file" },
  { "empty-line-crlf", "\r\n" SCORE_ROW ("3") "\r\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: the line is empty; expected a record, or the end of the file" },
  { "two-empty-lines-at-end", "\n\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: the line is empty; expected a record, or the end of the file" },
  { "quote-not-closed", ENTRY (T, "3", "", "", "", "", "", "", "\"never\nclosed,,,,") "\n" SCORE_ROW ("3") "\n",
    FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column note: the double quote that opens the field is never closed; expected a closing \" at its end" },
  { "quote-last", ENTRY (T, "3", "", "", "", "", "", "", "") ",\"", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column 19: the double quote that opens the field is never closed; expected a closing \" at its end" },
  { "quote-in-plain-field", ENTRY (T, "3", "", "", "", "", "", "", "say \"hi\"") "\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column note: a double quote inside a field that does not start with one; "
    "expected the whole field in double quotes, with the quote inside written as \"\"" },
  { "text-after-quote", ENTRY (T, "3", "", "", "", "", "", "", "\"hi\" there") "\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column note: text after the closing double quote; expected a comma or the end of the line "
    "(inside quotes, write a double quote as \"\")" },
  { "lone-carriage-return", ENTRY (T, "3", "", "", "", "", "", "", "a\rb") "\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column note: a carriage return that does not end the line; "
    "expected it only in a field enclosed in double quotes" },
  { "lone-carriage-return-last", ENTRY (T, "3", "", "", "", "", "", "", "") "\r", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column heaviness_after: a carriage return that does not end the line; "
    "expected it only in a field enclosed in double quotes" },
  { "quote-in-extra-field", ENTRY (T, "3", "", "", "", "", "", "", "") ",x\"\n", FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4, column 19: a double quote inside a field that does not start with one; "
    "expected the whole field in double quotes, with the quote inside written as \"\"" },
  /* A row over several lines is reported where it starts; the lines after it count. */
  { "multiline-row-start", ENTRY (T, "11", "", "", "", "", "", "", "\"one\ntwo\nthree\"") "\n", FALSE,
    LC_CSV_ERROR_VALUE, "line 4, column heaviness_left: “11” is not a score from 0 to 10" },
  { "multiline-lines-count", ENTRY (T, "3", "", "", "", "", "", "", "\"one\r\ntwo\nthree\"") "\n" SCORE_ROW ("11") "\n",
    FALSE, LC_CSV_ERROR_VALUE, "line 7, column heaviness_left: “11” is not a score from 0 to 10" },

  /* The record type, and the columns of the other kind */
  { "record-unknown", "entri," T ",3,,,,,,,,,,,,,,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column record: “entri” is not a record type; expected “entry”, “session” or “measurement”" },
  { "record-missing", "," T ",3,,,,,,,,,,,,,,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column record: the record type is missing; expected “entry”, “session” or “measurement”" },
  { "record-capital", "Entry," T ",3,,,,,,,,,,,,,,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column record: “Entry” is not a record type; expected “entry”, “session” or “measurement”" },
  { "entry-with-routine", "entry," T ",3,,,,,,,,calf,,,,,,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column routine_id: an entry row has “calf” here; expected this column to be empty in entry rows" },
  { "entry-with-heaviness-after", "entry," T ",3,,,,,,,,,,,,,,,5\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_after: an entry row has “5” here; expected this column to be empty in entry rows" },
  { "session-with-note", "session," T ",,,,,,,,note,calf,Calf," T ",1,1,0,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column note: a session row has “note” here; expected this column to be empty in session rows" },
  { "session-with-heaviness", "session," T ",4,,,,,,,,calf,Calf," T ",1,1,0,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: a session row has “4” here; expected this column to be empty in session rows" },
  { "long-value-cut", "entry," T ",3,,,,,,,,"
    "abcdefghijklmnopqrstuvwxyzàèìòùabcdefghijklmnopqrstuvwxyz,,,,,,,\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column routine_id: an entry row has “abcdefghijklmnopqrstuvwxyzàèìòùabcdefghi…” here; "
    "expected this column to be empty in entry rows" },

  /* Times */
  { "time-missing", ENTRY ("", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: the time is missing; expected a date and time such as “2026-03-29T08:30:00+02:00”" },
  { "time-invalid", ENTRY ("yesterday", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: “yesterday” is not a date and time; expected one such as “2026-03-29T08:30:00+02:00”" },
  { "time-impossible-day", ENTRY ("2026-02-30T09:30:00+01:00", "3", "", "", "", "", "", "", "") "\n", FALSE,
    LC_CSV_ERROR_VALUE,
    "line 4, column time: “2026-02-30T09:30:00+01:00” is not a date and time; expected one such as “2026-03-29T08:30:00+02:00”" },
  { "time-local-format", ENTRY ("10/03/2026 09:30", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: “10/03/2026 09:30” is not a date and time; expected one such as “2026-03-29T08:30:00+02:00”" },
  { "time-no-offset", ENTRY ("2026-03-10T09:30:00", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: “2026-03-10T09:30:00” has no UTC offset; expected one at the end, "
    "as in “2026-03-29T08:30:00+02:00”, or Z for UTC" },
  { "time-before-1970", ENTRY ("1969-12-31T23:59:59Z", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: “1969-12-31T23:59:59Z” is before 1970; expected a later time" },
  { "session-future", SESSION ("9999-12-31T23:00:00Z", "calf", "Calf", "9999-12-31T23:05:00Z", "3", "3", "0", "", "")
    "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: The time is in the future: a session records what has happened" },
  { "session-name-too-long", SESSION ("2026-03-10T10:00:00+01:00", "calf", HUNDRED HUNDRED "x",
                                      "2026-03-10T10:05:00+01:00", "3", "3", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4: The session’s routine name is longer than 200 characters" },
  { "session-id-too-long", SESSION ("2026-03-10T10:00:00+01:00", HUNDRED, "Calf",
                                    "2026-03-10T10:05:00+01:00", "3", "3", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4: The session’s routine id is longer than 64 characters" },
  { "session-over-a-day", SESSION ("2026-03-10T10:00:00+01:00", "calf", "Calf", "2026-03-11T10:00:01+01:00",
                                   "3", "3", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4: The session lasts more than a day" },
  { "time-future", ENTRY ("2999-01-01T00:00:00Z", "3", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: The time is in the future: an entry records what has happened" },

  /* Scores */
  { "score-11", SCORE_ROW ("11") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “11” is not a score from 0 to 10" },
  { "score-negative", SCORE_ROW ("-1") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “-1” is not a score from 0 to 10" },
  { "score-decimal", SCORE_ROW ("5.5") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “5.5” is not a score from 0 to 10" },
  { "score-space", SCORE_ROW (" 5") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “ 5” is not a score from 0 to 10" },
  { "score-plus", SCORE_ROW ("+5") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “+5” is not a score from 0 to 10" },
  { "score-huge", SCORE_ROW ("99999999999999999999999") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “99999999999999999999999” is not a score from 0 to 10" },
  { "score-swelling-right", ENTRY (T, "", "", "", "x", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column swelling_right: “x” is not a score from 0 to 10" },

  /* Ankles */
  { "ankle-below", ANKLE_ROW ("11.9") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “11.9” is out of range; expected an ankle from 12.0 to 60.0 cm" },
  { "ankle-above", ENTRY (T, "", "", "", "", "", "60.1", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_right_cm: “60.1” is out of range; expected an ankle from 12.0 to 60.0 cm" },
  { "ankle-mm", ANKLE_ROW ("235") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “235” is out of range; expected an ankle from 12.0 to 60.0 cm" },
  { "ankle-two-decimals", ANKLE_ROW ("23.55") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “23.55” has more than one decimal; expected centimetres with one at most, such as “23.5”" },
  { "ankle-comma", ANKLE_ROW ("\"23,5\"") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “23,5” is not a measurement in centimetres; expected a dot before the decimal, as in “23.5”" },
  { "ankle-text", ANKLE_ROW ("big") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “big” is not a measurement in centimetres; expected a number such as “23.5”" },
  { "ankle-unit", ANKLE_ROW ("23.5 cm") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “23.5 cm” is not a measurement in centimetres; expected a number such as “23.5”" },
  { "ankle-dot-end", ANKLE_ROW ("23.") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “23.” is not a measurement in centimetres; expected a number such as “23.5”" },
  { "ankle-dot-start", ANKLE_ROW (".5") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “.5” is not a measurement in centimetres; expected a number such as “23.5”" },
  { "ankle-negative", ANKLE_ROW ("-23.5") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ankle_left_cm: “-23.5” is not a measurement in centimetres; expected a number such as “23.5”" },

  /* Tags, notes, empty entries */
  { "tag-unknown", TAGS_ROW ("travel;sport") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column tags: “sport” is not a tag; expected names from: long-standing, long-sitting, "
    "hot-weather, travel, compression, exercise, period, alcohol, salty-food, joined with “;”" },
  { "tag-label", TAGS_ROW ("Hot weather") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column tags: “Hot weather” is not a tag; expected names from: long-standing, long-sitting, "
    "hot-weather, travel, compression, exercise, period, alcohol, salty-food, joined with “;”" },
  { "tag-comma", TAGS_ROW ("\"travel,exercise\"") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column tags: “travel,exercise” is not a tag; expected names from: long-standing, long-sitting, "
    "hot-weather, travel, compression, exercise, period, alcohol, salty-food, joined with “;”" },
  { "tag-empty", TAGS_ROW ("travel;") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column tags: a tag name is empty; expected names from: long-standing, long-sitting, "
    "hot-weather, travel, compression, exercise, period, alcohol, salty-food, joined with “;”" },
  { "entry-empty", ENTRY (T, "", "", "", "", "", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4: The entry is empty: rate heaviness or swelling, or add a measurement, a tag or a note" },
  { "entry-blank-note", ENTRY (T, "", "", "", "", "", "", "", "\" \r\n \"") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4: The entry is empty: rate heaviness or swelling, or add a measurement, a tag or a note" },
  { "note-too-long", NULL, FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column note: The note is longer than 2000 characters" },
  { "nul-byte", NULL, FALSE, LC_CSV_ERROR_SYNTAX,
    "line 4: a null byte, which text does not have; expected a CSV text file" },

  /* Sessions */
  { "session-time-no-offset",
    SESSION ("2026-03-10T10:00:00", "calf", "Calf", T, "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column time: “2026-03-10T10:00:00” has no UTC offset; expected one at the end, "
    "as in “2026-03-29T08:30:00+02:00”, or Z for UTC" },
  { "session-no-routine-id", SESSION (T, "", "Calf", T, "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column routine_id: the value is missing; expected the routine’s id, such as “calf-pump-seated”" },
  { "session-no-routine-name", SESSION (T, "calf", "", T, "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column routine_name: the value is missing; expected the routine’s name" },
  { "session-no-end", SESSION (T, "calf", "Calf", "", "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ended: the time is missing; expected a date and time such as “2026-03-29T08:30:00+02:00”" },
  { "session-end-invalid", SESSION (T, "calf", "Calf", "soon", "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ended: “soon” is not a date and time; expected one such as “2026-03-29T08:30:00+02:00”" },
  { "session-ends-before-start",
    SESSION (T, "calf", "Calf", "2026-03-11T09:29:59+01:00", "1", "1", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column ended: “2026-03-11T09:29:59+01:00” is before the session’s start, “" T "”; "
    "expected the time it ended" },
  { "session-steps-text", SESSION (T, "calf", "Calf", T, "ten", "10", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_done: “ten” is not a number of steps; expected a whole number from 0 to 1000" },
  { "session-steps-too-many", SESSION (T, "calf", "Calf", T, "1", "1001", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_total: “1001” is not a number of steps; expected a whole number from 0 to 1000" },
  { "session-steps-missing", SESSION (T, "calf", "Calf", T, "1", "1", "", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_skipped: the value is missing; expected a number of steps" },
  { "session-no-steps", SESSION (T, "calf", "Calf", T, "0", "0", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_total: “0” is not a number of steps of a routine; expected a whole number from 1 to 1000" },
  { "session-done-over-total", SESSION (T, "calf", "Calf", T, "11", "10", "0", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_done: 11 steps done, but steps_total is 10; expected 10 at most" },
  { "session-skipped-over-total", SESSION (T, "calf", "Calf", T, "1", "10", "12", "", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column steps_skipped: 12 steps skipped, but steps_total is 10; expected 10 at most" },
  { "session-heaviness-before", SESSION (T, "calf", "Calf", T, "1", "1", "0", "11", "") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_before: “11” is not a score from 0 to 10" },
  { "session-heaviness-after", SESSION (T, "calf", "Calf", T, "1", "1", "0", "", "12") "\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_after: “12” is not a score from 0 to 10" },

  /* The first problem stops the import: a later one is not reported. */
  { "first-problem-wins", SCORE_ROW ("11") "\n" "entri\n", FALSE, LC_CSV_ERROR_VALUE,
    "line 4, column heaviness_left: “11” is not a score from 0 to 10" },
};

static void
test_csv_error (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(LcEntry) entry = lc_entry_new (T0 - DAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new (error_case->raw ? "" : GOOD_ROWS);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bytes = NULL;
  guint added = 12345;
  guint skipped = 12345;

  /* Something in the diary already, to see that it is left as it was */
  entry->heaviness[LC_LEG_LEFT] = 2;
  add_entry (diary, entry);
  add_session (diary, "legs-up", "Legs up", T0 - DAY, T0 - DAY + 60, 1, 1, 0, 3, 2);
  before = export (diary);

  if (g_str_equal (error_case->name, "note-too-long"))
    {
      g_autofree char *note = g_strnfill (LC_NOTE_MAX_CHARS + 1, 'x');

      g_string_append_printf (csv, ENTRY (T, "", "", "", "", "", "", "", "%s") "\n", note);
    }
  else if (g_str_equal (error_case->name, "nul-byte"))
    g_string_append_len (csv, ENTRY (T, "3", "", "", "", "", "", "", "a\0b") "\n",
                         sizeof (ENTRY (T, "3", "", "", "", "", "", "", "a\0b") "\n") - 1);
  else
    g_string_append (csv, error_case->text);

  bytes = g_memdup2 (csv->str, csv->len);
  g_assert_false (lc_csv_import (diary, bytes, csv->len, &added, &skipped, &error));
  g_assert_error (error, LC_CSV_ERROR, (int) error_case->code);
  g_assert_cmpstr (error->message, ==, error_case->message);

  /* Nothing was added, the out values were not touched. */
  g_assert_cmpuint (added, ==, 12345);
  g_assert_cmpuint (skipped, ==, 12345);
  g_assert_cmpint (count_entries (diary), ==, 1);
  g_assert_cmpint (count_sessions (diary), ==, 1);
  after = export (diary);
  g_assert_cmpstr (after, ==, before);

  /* The diary still works. */
  import (diary, GOOD_ROWS, 2, 0);
}

static void
test_csv_note_max (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autofree char *note = g_strnfill (LC_NOTE_MAX_CHARS, 'x');
  g_autofree char *csv = g_strdup_printf (HEADER "\n" ENTRY (T, "", "", "", "", "", "", "", "%s") "\n", note);
  g_autoptr(GPtrArray) entries = NULL;

  import (diary, csv, 1, 0);
  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, NULL);
  g_assert_cmpstr (((LcEntry *) entries->pdata[0])->note, ==, note);
}

typedef struct
{
  GArray *fractions;
  double  stop_at;
} Progress;

static gboolean
record_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  return fraction < progress->stop_at;
}

/* A large import tells how far it is, in order, and can be stopped:
 * then nothing is added. */
static void
test_csv_progress (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  GString *csv = g_string_new (HEADER "\r\n");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), 2.0 };
  guint added = 0, skipped = 0;

  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (T0 - (gint64) i * 600);
      g_autofree char *iso = g_date_time_format (time, "%FT%T%:z");

      g_string_append_printf (csv, "entry,%s,%u,,,,,,,,,,,,,,,\r\n", iso, i % 11);
    }
  text = g_string_free (csv, FALSE);

  /* Stopped half-way: nothing added */
  progress.stop_at = 0.5;
  g_assert_false (lc_csv_import_with_progress (diary, text, strlen (text), record_progress, &progress,
                                               &added, &skipped, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 0);
  g_assert_cmpuint (progress.fractions->len, >, 0);

  /* To the end: told often, in order, within 0-1 */
  g_array_set_size (progress.fractions, 0);
  progress.stop_at = 2.0;
  g_assert_true (lc_csv_import_with_progress (diary, text, strlen (text), record_progress, &progress,
                                              &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5000);
  g_assert_cmpint (lc_diary_count_entries (diary, NULL), ==, 5000);
  g_assert_cmpuint (progress.fractions->len, >=, 9);
  for (guint i = 0; i < progress.fractions->len; i++)
    {
      double fraction = g_array_index (progress.fractions, double, i);

      g_assert_cmpfloat (fraction, >=, 0);
      g_assert_cmpfloat (fraction, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (progress.fractions, double, i - 1));
    }
  g_array_unref (progress.fractions);
}

/* A stream that hands out a file a few bytes at a time, or makes one up
 * as it is read (a header, then @rows entries), and counts what it gave:
 * what the import has read while it works. */
#define TEST_TYPE_CHUNK_STREAM (test_chunk_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestChunkStream, test_chunk_stream, TEST, CHUNK_STREAM, GInputStream)

struct _TestChunkStream
{
  GInputStream  parent_instance;
  GBytes       *data;       /* or NULL: made up */
  guint         rows;
  guint         row;
  GString      *pending;    /* made up and not given yet */
  gsize         chunk;      /* at most this much a read */
  guint64       produced;
};

G_DEFINE_FINAL_TYPE (TestChunkStream, test_chunk_stream, G_TYPE_INPUT_STREAM)

static gssize
test_chunk_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  TestChunkStream *self = TEST_CHUNK_STREAM (stream);
  gsize n;

  if (self->data != NULL && self->pending->len == 0 && self->produced == 0)
    g_string_append_len (self->pending, g_bytes_get_data (self->data, NULL), g_bytes_get_size (self->data));
  if (self->data == NULL && self->pending->len == 0 && self->row <= self->rows)
    {
      if (self->row == 0)
        g_string_append (self->pending, HEADER "\r\n");
      else
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (T0 - (gint64) self->row * 600);
          g_autofree char *iso = g_date_time_format (time, "%FT%T%:z");

          g_string_append_printf (self->pending, "entry,%s,%u,,,,,,,,,,,,,,,\r\n", iso, self->row % 11);
        }
      self->row++;
    }

  n = MIN (MIN (count, self->chunk), self->pending->len);
  memcpy (buffer, self->pending->str, n);
  g_string_erase (self->pending, 0, n);
  self->produced += n;
  return n;
}

static void
test_chunk_stream_finalize (GObject *object)
{
  TestChunkStream *self = TEST_CHUNK_STREAM (object);

  g_clear_pointer (&self->data, g_bytes_unref);
  g_string_free (self->pending, TRUE);
  G_OBJECT_CLASS (test_chunk_stream_parent_class)->finalize (object);
}

static void
test_chunk_stream_class_init (TestChunkStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_chunk_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_chunk_stream_read;
}

static void
test_chunk_stream_init (TestChunkStream *self)
{
  self->pending = g_string_new (NULL);
  self->chunk = G_MAXSIZE;
}

static gboolean
check_lead (double   fraction,
            gpointer user_data)
{
  TestChunkStream *stream = user_data;
  guint64 read_to = (guint64) (fraction * 50 * 1024 * 1024);

  /* Never far ahead of the records stored: the memory is bounded */
  g_assert_cmpuint (stream->produced, <=, read_to + 128 * 1024);
  return fraction < 0.02;
}

/* The file is read as it is imported, a piece at a time: a 50 MiB file
 * tells its progress before it has been read (it used to be read whole
 * first), the import never reads far ahead of what it stored, and
 * stopping it early stops the reading. */
static void
test_csv_stream_bounded (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(TestChunkStream) stream = g_object_new (TEST_TYPE_CHUNK_STREAM, NULL);
  g_autoptr(GError) error = NULL;

  /* ~55 bytes a row: some 950,000 rows */
  stream->rows = 50 * 1024 * 1024 / 55;
  g_assert_false (lc_csv_import_stream (diary, G_INPUT_STREAM (stream), 50 * 1024 * 1024, check_lead, stream,
                                        NULL, NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_CANCELLED);
  g_assert_cmpint (count_entries (diary), ==, 0);
  g_test_message ("read %" G_GUINT64_FORMAT " bytes of about 50 MiB when stopped at 2%%", stream->produced);
  g_assert_cmpuint (stream->produced, <, 2 * 1024 * 1024);
}

/* Pieces of every size: a character, a line end, a doubled quote, a
 * quoted line break cut anywhere come back exactly (and a file larger than
 * the buffer, with each of them, round-trips). */
static void
test_csv_stream_pieces (void)
{
  g_autoptr(LcDiary) source = open_diary ("source.sqlite3");
  g_autofree char *first = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const gsize chunks[] = { 1, 2, 3, 7, 4096, G_MAXSIZE };

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(LcEntry) entry = lc_entry_new (T0 + (gint64) i * HOUR);
      g_autoptr(GString) note = g_string_new (NULL);

      for (guint j = 0; j < 150 + i % 13; j++)
        g_string_append (note, j % 5 == 0 ? "é\r\n" : j % 7 == 0 ? "\"«»\"" : "€x,");
      entry->heaviness[LC_LEG_LEFT] = i % 11;
      entry->note = g_utf8_substring (note->str, 0, MIN (g_utf8_strlen (note->str, -1), LC_NOTE_MAX_CHARS));
      add_entry (source, entry);
    }
  first = export (source);
  g_assert_cmpuint (strlen (first), >, 2 * 64 * 1024);
  bytes = g_bytes_new (first, strlen (first));

  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.sqlite3", c);
      g_autoptr(LcDiary) copy = open_diary (name);
      g_autoptr(TestChunkStream) stream = g_object_new (TEST_TYPE_CHUNK_STREAM, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *second = NULL;
      guint added = 0;

      stream->data = g_bytes_ref (bytes);
      stream->chunk = chunks[c];
      g_assert_true (lc_csv_import_stream (copy, G_INPUT_STREAM (stream), 0, NULL, NULL, NULL,
                                           &added, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (added, ==, 400);
      second = export (copy);
      g_assert_cmpstr (second, ==, first);
    }

  /* A bad byte in the second piece still says its line */
  {
    g_autoptr(LcDiary) copy = open_diary ("bad.sqlite3");
    g_autoptr(TestChunkStream) stream = g_object_new (TEST_TYPE_CHUNK_STREAM, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *bad = g_strdup (first);
    char *at = bad + 100 * 1024;
    guint line = 1;

    for (char *p = bad; p < at; p++)
      if (*p == '\n')
        line++;
    *at = '\xff';
    stream->data = g_bytes_new (bad, strlen (bad));
    stream->chunk = 5000;
    g_assert_false (lc_csv_import_stream (copy, G_INPUT_STREAM (stream), 0, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_SYNTAX);
    {
      g_autofree char *expected = g_strdup_printf ("line %u: the text is not valid UTF-8; expected the file to be "
                                                   "saved as UTF-8", line);

      g_assert_cmpstr (error->message, ==, expected);
    }
    g_assert_cmpint (count_entries (copy), ==, 0);
  }
}

/* A field longer than any column holds is refused as it is read, not
 * kept whole in memory first */
static void
test_csv_field_too_long (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GString) csv = g_string_new (HEADER "\n" ENTRY (T, "3", "", "", "", "", "", "", "ok") "\n");
  g_autoptr(GError) error = NULL;

  g_string_append (csv, "entry," T ",3,,,,,,,\"");
  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (csv, i % 100 == 99 ? '\n' : 'x');
  g_string_append (csv, "\",,,,,,,,\n");

  g_assert_false (lc_csv_import (diary, csv->str, csv->len, NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "line 3, column note: the field is longer than 64 KiB, which no column holds; "
                   "expected a value of its column");
  g_assert_cmpint (count_entries (diary), ==, 0);
}

static void
test_csv_too_large (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GError) error = NULL;
  /* The length is checked before anything is read: the data need not be there. */
  const char data[] = HEADER "\n";

  g_assert_false (lc_csv_import (diary, data, (gsize) LC_CSV_MAX_SIZE + 1, NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is 64.0\u00a0MiB; a diary export can be at most 64 MiB");
  g_clear_error (&error);

  g_assert_false (lc_csv_import (diary, data, G_MAXSIZE, NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_TOO_LARGE);
  g_assert_cmpint (count_entries (diary), ==, 0);
  g_clear_error (&error);

  /* No data at all is an empty file. */
  g_assert_false (lc_csv_import (diary, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_HEADER);
}

static void
test_csv_diary_busy (void)
{
  g_autoptr(LcDiary) diary = open_diary ("diary.sqlite3");
  g_autoptr(GError) error = NULL;

  /* Already in a group of writes: the import can't start its own. */
  g_assert_true (lc_diary_begin (diary, &error));
  g_assert_false (lc_csv_import (diary, GOOD_ROWS, strlen (GOOD_ROWS), NULL, NULL, &error));
  g_assert_error (error, LC_CSV_ERROR, LC_CSV_ERROR_DIARY);
  g_assert_true (g_str_has_prefix (error->message, "The diary could not be written: "));
  lc_diary_rollback (diary);
  g_assert_cmpint (count_entries (diary), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Offsets are Rome's: +01:00 in winter, +02:00 in summer. */
  g_setenv ("TZ", "Europe/Rome", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/csv/roundtrip", test_csv_roundtrip);
  g_test_add_func ("/lc/csv/export-empty", test_csv_export_empty);
  g_test_add_func ("/lc/csv/formulas", test_csv_formulas);
  g_test_add_func ("/lc/csv/duplicates-in-file", test_csv_duplicates_in_file);
  g_test_add_func ("/lc/csv/values", test_csv_values);
  g_test_add_func ("/lc/csv/note-max", test_csv_note_max);
  g_test_add_func ("/lc/csv/too-large", test_csv_too_large);
  g_test_add_func ("/lc/csv/progress", test_csv_progress);
  g_test_add_func ("/lc/csv/stream-bounded", test_csv_stream_bounded);
  g_test_add_func ("/lc/csv/stream-pieces", test_csv_stream_pieces);
  g_test_add_func ("/lc/csv/field-too-long", test_csv_field_too_long);
  g_test_add_func ("/lc/csv/diary-busy", test_csv_diary_busy);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lc/csv/variant/%s", variants[i].name);

      g_test_add_data_func (path, &variants[i], test_csv_variant);
    }

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lc/csv/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_csv_error);
    }

  return g_test_run ();
}
