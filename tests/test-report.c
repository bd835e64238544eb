/* test-report.c: the report for the doctor, read back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-report letter|a4 [LANGUAGE] (under a display, for the PNG)
 *
 * A diary with known entries and sessions in March 2025 goes through
 * lc_report_create_pdf(); pdfinfo must open the file and pdftotext must
 * find in it what was worked out by hand from the entries. The argument
 * picks the paper through the locale (LC_PAPER en_US or de_DE, messages,
 * dates and numbers in English), as gtk_paper_size_new (NULL) reads it.
 * The days are New York's, whose clocks go forward on 9 March 2025.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <time.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lc-period.h"
#include "lc-report.h"
#include "lc-trend.h"
#include "lc-test-util.h"

#define TIME_ZONE "America/New_York"
/* lc-report.c's margin */
#define MARGIN_POINTS 48.0

typedef struct
{
  const char *name;
  const char *locale;
  double      width;        /* points */
  double      height;
} Paper;

static const Paper papers[] = {
  { "letter", "en_US.UTF-8", 612, 792 },
  { "a4", "de_DE.UTF-8", 595.276, 841.89 },
};

static const Paper *paper;
/* A language of po/LINGUAS for the layout sweep in it, NULL for English */
static const char *language;

/* --- files ----------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  LcDiary *diary;
} TestDiary;

static void
test_diary_free (TestDiary *test)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&test->diary);
  dir = g_dir_open (test->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (test->dir, name, NULL);
      /* LEGCARE_TEST_KEEP=DIR keeps the reports for a look */
      const char *keep = g_getenv ("LEGCARE_TEST_KEEP");

      if (keep != NULL && g_str_has_suffix (name, ".pdf"))
        {
          g_autofree char *kept = g_build_filename (keep, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (kept, contents, (gssize) length, NULL));
        }
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (test->dir), ==, 0);
  g_free (test->dir);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDiary, test_diary_free)

static TestDiary *
test_diary_new (void)
{
  TestDiary *test = g_new0 (TestDiary, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  test->dir = g_dir_make_tmp ("legcare-test-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (test->dir, "diary.sqlite3", NULL);
  file = g_file_new_for_path (path);
  test->diary = lc_diary_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (test->diary);

  return test;
}

/* Writes @bytes to @name in the diary's folder; returns the path. */
static char *
write_bytes (TestDiary  *test,
             const char *name,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (test->dir, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  return path;
}

/* --- poppler's tools ------------------------------------------------------- */

/* Runs @argv; returns its output, failing if it fails. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", command, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", command, error->message, err);

  return out;
}

typedef struct
{
  guint  pages;
  double width;
  double height;
  char  *title;
  char  *creator;
} PdfInfo;

static void
pdf_info_clear (PdfInfo *info)
{
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->creator, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfInfo, pdf_info_clear)

static char *
info_value (const char *line,
            const char *key)
{
  if (!g_str_has_prefix (line, key))
    return NULL;

  return g_strstrip (g_strdup (line + strlen (key)));
}

static void
pdf_info (const char *path,
          PdfInfo    *info)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  memset (info, 0, sizeof *info);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *pages = info_value (lines[i], "Pages:");
      g_autofree char *size = info_value (lines[i], "Page size:");
      char *title = info_value (lines[i], "Title:");
      char *creator = info_value (lines[i], "Creator:");

      if (pages != NULL)
        info->pages = (guint) g_ascii_strtoull (pages, NULL, 10);
      if (size != NULL)
        {
          /* "612 x 792 pts (letter)", always with a decimal point */
          g_auto(GStrv) parts = g_strsplit (size, " ", -1);

          g_assert_cmpuint (g_strv_length (parts), >=, 3);
          g_assert_cmpstr (parts[1], ==, "x");
          info->width = g_ascii_strtod (parts[0], NULL);
          info->height = g_ascii_strtod (parts[2], NULL);
        }
      if (title != NULL)
        info->title = title;
      if (creator != NULL)
        info->creator = creator;
    }
  g_test_message ("pdfinfo %s:\n%s", path, out);
}

typedef struct
{
  guint  page;
  double x_min, y_min, x_max, y_max;
  char  *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* The words of the PDF with their pages (from 1) and boxes, in the order
 * pdftotext reads them. */
static GArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                                         "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>",
                                         /* Bytes: in UTF-8 mode each match would check
                                          * the rest of a long text again */
                                         G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  guint page = 0;

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *all = g_match_info_fetch (match, 0);

      if (g_str_equal (all, "<page "))
        page++;
      else
        {
          Word word = { page, 0, 0, 0, 0, NULL };
          g_autofree char *x_min = g_match_info_fetch (match, 1);
          g_autofree char *y_min = g_match_info_fetch (match, 2);
          g_autofree char *x_max = g_match_info_fetch (match, 3);
          g_autofree char *y_max = g_match_info_fetch (match, 4);

          word.x_min = g_ascii_strtod (x_min, NULL);
          word.y_min = g_ascii_strtod (y_min, NULL);
          word.x_max = g_ascii_strtod (x_max, NULL);
          word.y_max = g_ascii_strtod (y_max, NULL);
          word.text = g_match_info_fetch (match, 5);
          g_array_append_val (words, word);
        }
      g_match_info_next (match, NULL);
    }

  return words;
}

/* The text of the PDF as laid out on the pages; pages end with '\f'. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return run (argv);
}

/* @text with every run of white space made one space: lines that a
 * paragraph wrapped come together again, and table cells are one space
 * apart. pdftotext drops some of the narrow spaces around the "/" of
 * "4 / 6": they are put back. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GRegex) slash = g_regex_new (" ?/ ?", 0, 0, NULL);
  g_autofree char *spaced = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

  return g_regex_replace_literal (slash, spaced, -1, 0, " / ", 0, NULL);
}

static void
assert_contains (const char *flat,
                 const char *expected)
{
  if (strstr (flat, expected) == NULL)
    g_error ("the report does not say “%s”:\n%s", expected, flat);
}

static void
assert_lacks (const char *flat,
              const char *unexpected)
{
  if (strstr (flat, unexpected) != NULL)
    g_error ("the report says “%s” but should not:\n%s", unexpected, flat);
}

/* A table row: @cells one space apart in the flattened text, and not the
 * end of a longer number or word ("1 March" is not "21 March"). */
static void
assert_row (const char        *flat,
            const char *const *cells)
{
  g_autoptr(GString) pattern = g_string_new ("(?<![\\w.])");
  g_autoptr(GRegex) regex = NULL;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (cells[i], -1);

      if (i > 0)
        g_string_append_c (pattern, ' ');
      g_string_append (pattern, escaped);
    }
  g_string_append (pattern, "(?![\\w.])");

  regex = g_regex_new (pattern->str, 0, 0, NULL);
  g_assert_nonnull (regex);
  if (!g_regex_match (regex, flat, 0, NULL))
    g_error ("the report has no row “%s”:\n%s", pattern->str, flat);
}

/* A row of the entries' table: the date, maybe the time (which goes to a
 * second line when the column is too narrow for it), the scores; then,
 * before the next row, the time if it was not on the first line and @rest
 * (tags and note, which may be wrapped around the time). */
static void
assert_entry (const char *flat,
              const char *date,
              const char *time,
              const char *heaviness,
              const char *swelling,
              const char *ankles,
              const char *calves,
              const char *rest)
{
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GRegex) next_row = g_regex_new ("(?<!\\d)\\d{1,2} [A-Z][a-z]{2} \\d{4}|Leg Care · page", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) next = NULL;
  g_autofree char *segment = NULL;
  g_autofree char *time_on_first_line = NULL;
  int start, end, next_start;

  {
    g_autofree char *d = g_regex_escape_string (date, -1);
    g_autofree char *t = g_regex_escape_string (time, -1);
    g_autofree char *h = g_regex_escape_string (heaviness, -1);
    g_autofree char *s = g_regex_escape_string (swelling, -1);
    g_autofree char *a = g_regex_escape_string (ankles, -1);
    g_autofree char *c = g_regex_escape_string (calves, -1);

    pattern = g_strdup_printf ("(?<![\\w.])%s( %s)? %s %s %s %s(?![\\w.])", d, t, h, s, a, c);
  }
  regex = g_regex_new (pattern, 0, 0, NULL);
  g_assert_nonnull (regex);
  if (!g_regex_match (regex, flat, 0, &match))
    g_error ("the report has no entry “%s”:\n%s", pattern, flat);
  g_assert_true (g_match_info_fetch_pos (match, 0, &start, &end));
  time_on_first_line = g_match_info_fetch (match, 1);

  next_start = (int) strlen (flat);
  if (g_regex_match_full (next_row, flat, -1, end, 0, &next, NULL))
    g_assert_true (g_match_info_fetch_pos (next, 0, &next_start, NULL));
  segment = g_strndup (flat + end, next_start - end);

  if (time_on_first_line == NULL || *time_on_first_line == '\0')
    {
      g_autofree char *spaced = g_strdup_printf (" %s", time);
      char *found = strstr (segment, spaced);

      if (found == NULL)
        g_error ("the entry “%s” has no time %s:\n%s", pattern, time, flat);
      memmove (found, found + strlen (spaced), strlen (found + strlen (spaced)) + 1);
    }
  if (rest != NULL && strstr (segment, rest) == NULL)
    g_error ("the entry “%s” does not say “%s” but “%s”", pattern, rest, segment);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

static void
assert_paper (const PdfInfo *info)
{
  g_assert_cmpfloat_with_epsilon (info->width, paper->width, 0.5);
  g_assert_cmpfloat_with_epsilon (info->height, paper->height, 0.5);
}

/* --- the diary -------------------------------------------------------------- */

static GTimeZone *
time_zone (void)
{
  return g_time_zone_new_identifier (TIME_ZONE);
}

static gint64
at (int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2025, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
add_measured (LcDiary    *diary,
              gint64      taken_at,
              const int   heaviness[2],
              const int   swelling[2],
              const int   ankle_mm[2],
              const int   calf_mm[2],
              LcPosition  position,
              LcTags      tags,
              const char *note)
{
  g_autoptr(LcEntry) entry = lc_entry_new (taken_at);
  g_autoptr(GError) error = NULL;

  for (int leg = 0; leg < LC_N_LEGS; leg++)
    {
      entry->heaviness[leg] = heaviness[leg];
      entry->swelling[leg] = swelling[leg];
      entry->ankle_mm[leg] = ankle_mm != NULL ? ankle_mm[leg] : LC_ANKLE_NONE;
      entry->calf_mm[leg] = calf_mm != NULL ? calf_mm[leg] : LC_CALF_NONE;
    }
  entry->position = position;
  entry->tags = tags;
  entry->note = g_strdup (note);
  g_assert_true (lc_diary_add_entry (diary, entry, &error));
  g_assert_no_error (error);
}

static void
add_entry (LcDiary    *diary,
           gint64      taken_at,
           const int   heaviness[2],
           const int   swelling[2],
           const int   ankle_mm[2],
           LcTags      tags,
           const char *note)
{
  add_measured (diary, taken_at, heaviness, swelling, ankle_mm, NULL, LC_POSITION_NONE, tags, note);
}

static void
add_session (LcDiary    *diary,
             gint64      started_at,
             const char *routine_id,
             const char *routine_name,
             guint       done,
             guint       skipped,
             int         before,
             int         after)
{
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GError) error = NULL;

  record->routine_id = g_strdup (routine_id);
  record->routine_name = g_strdup (routine_name);
  record->started_at = started_at;
  record->ended_at = started_at + 15 * 60;
  record->steps_total = 8;
  record->steps_done = done;
  record->steps_skipped = skipped;
  record->heaviness_before = before;
  record->heaviness_after = after;
  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
}

/* Eight circumferences a leg (cm, every 8 cm), or NULL for not measured */
static void
add_volume (LcDiary      *diary,
            gint64        taken_at,
            const double *left,
            const double *right)
{
  g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (taken_at, LC_LIMB_SPACING_DEFAULT_MM);
  g_autoptr(GError) error = NULL;

  measurement->position = LC_POSITION_SITTING;
  for (guint i = 0; i < 8; i++)
    {
      if (left != NULL)
        lc_limb_measurement_add (measurement, LC_LEG_LEFT, (guint16) lround (left[i] * 10));
      if (right != NULL)
        lc_limb_measurement_add (measurement, LC_LEG_RIGHT, (guint16) lround (right[i] * 10));
    }
  g_assert_true (lc_diary_add_measurement (diary, measurement, &error));
  g_assert_no_error (error);
}

#define PAIR(a, b) ((const int[2]) { a, b })
#define NONE LC_SCORE_NONE

/* March 2025, and a little before and after it:
 *
 * - the calves differ by 3.5 cm on 5 March (measured sitting); the next
 *   pair, on 8 March, differs by 0.5 cm: the warning holds from 5 to 7
 *   March; the ankles, measured with them, never raise it;
 * - swelling never rises by 3 in one leg only;
 * - Leg Elevation: rated 6→4 (as "Legs Up") and 5→4, so 2 sessions,
 *   5.5 before, 4.0 after, -1.5; two more completed but not rated;
 *   Calf Pump, Seated: 7→5, 6→5, 5→5 and an unfinished 8→7: 4 sessions,
 *   6.5, 5.5, -1.0; Lymphatic Self-Massage: 3→3, +0.0;
 * - completed sessions in the weeks from 1 March: 2, 4, 0, 2 (the last at
 *   23:30 on the period's last day); three sitting breaks on 10 and 11
 *   March, counted apart from them;
 * - outside the period: entries in February (they feed the warning rules,
 *   not the table), a session rated 0→10 in February and entries and a
 *   session just after midnight on 29 March. */
static void
fill_march (LcDiary *diary)
{
  add_entry (diary, at (2, 20, 8, 0), PAIR (3, 3), PAIR (2, 2), NULL, 0, NULL);
  add_entry (diary, at (2, 26, 8, 0), PAIR (4, 4), PAIR (2, 2), NULL, 0, "February is not in the table");

  add_entry (diary, at (3, 1, 8, 10), PAIR (3, 4), PAIR (2, 3), NULL, LC_TAG_COMPRESSION, NULL);
  add_entry (diary, at (3, 1, 21, 5), PAIR (5, 6), PAIR (4, 5), NULL, LC_TAG_LONG_STANDING, NULL);
  add_entry (diary, at (3, 3, 7, 45), PAIR (2, 3), PAIR (2, 2), NULL, 0, NULL);
  add_entry (diary, at (3, 3, 21, 30), PAIR (4, 6), PAIR (3, 4), NULL, 0, "Füße geschwollen");
  add_measured (diary, at (3, 5, 20, 0), PAIR (6, 7), PAIR (4, 5), PAIR (234, 239), PAIR (354, 389),
                LC_POSITION_SITTING, 0, "Caviglia più gonfia");
  add_measured (diary, at (3, 8, 20, 15), PAIR (4, 5), PAIR (3, 4), PAIR (235, 240), PAIR (355, 360),
                LC_POSITION_SITTING, 0, NULL);
  add_entry (diary, at (3, 9, 9, 0), PAIR (7, NONE), PAIR (NONE, NONE), NULL, 0, NULL);
  add_entry (diary, at (3, 12, 8, 30), PAIR (2, 2), PAIR (1, 1), NULL, 0, NULL);
  add_entry (diary, at (3, 15, 21, 0), PAIR (5, 5), PAIR (4, 4), NULL, LC_TAG_HOT_WEATHER, NULL);
  add_entry (diary, at (3, 20, 8, 0), PAIR (1, 2), PAIR (1, 1), NULL, 0, NULL);
  add_entry (diary, at (3, 28, 22, 45), PAIR (3, 3), PAIR (2, 2), NULL, 0, NULL);
  add_entry (diary, at (3, 29, 0, 30), PAIR (9, 9), PAIR (9, 9), NULL, 0, "After the period");

  add_session (diary, at (2, 21, 19, 30), "leg-elevation", "Leg Elevation", 8, 0, 0, 10);
  add_session (diary, at (3, 3, 19, 30), "leg-elevation", "Legs Up", 8, 0, 6, 4);
  /* Sitting breaks on two days: told apart from the sessions, too few days
   * for the comparison of evenings */
  add_session (diary, at (3, 10, 10, 0), "sitting-break", "Sitting Break", 4, 0, NONE, NONE);
  add_session (diary, at (3, 11, 10, 0), "sitting-break", "Sitting Break", 4, 0, NONE, NONE);
  add_session (diary, at (3, 11, 15, 0), "sitting-break", "Sitting Break", 4, 0, NONE, NONE);
  /* Leg volumes every 8 cm: the first in February (both legs the
   * hand-worked leg of test-limb-volume, 4622 mL); in March the left grown
   * (4886 mL, +5.7 %) and, later, only the right, a little larger (4645 mL,
   * +0.5 %: within error) */
  add_volume (diary, at (2, 15, 9, 0), (const double[]) { 22, 24, 30, 35, 37, 35, 33, 36 },
              (const double[]) { 22, 24, 30, 35, 37, 35, 33, 36 });
  add_volume (diary, at (3, 12, 9, 0), (const double[]) { 22.5, 24.5, 31, 36, 38, 36, 34, 37 },
              (const double[]) { 22, 24, 30, 35, 37, 35, 33, 36 });
  add_volume (diary, at (3, 20, 9, 0), NULL, (const double[]) { 22, 24, 30, 35, 37.5, 35, 33, 36 });
  add_session (diary, at (3, 4, 19, 30), "calf-pump-seated", "Calf Pump, Seated", 5, 3, 7, 5);
  add_session (diary, at (3, 10, 19, 30), "leg-elevation", "Leg Elevation", 8, 0, 5, 4);
  add_session (diary, at (3, 11, 19, 30), "leg-elevation", "Leg Elevation", 8, 0, NONE, NONE);
  add_session (diary, at (3, 12, 19, 30), "calf-pump-seated", "Calf Pump, Seated", 8, 0, 6, 5);
  add_session (diary, at (3, 13, 19, 30), "calf-pump-seated", "Calf Pump, Seated", 8, 0, 5, 5);
  add_session (diary, at (3, 20, 19, 30), "calf-pump-seated", "Calf Pump, Seated", 2, 0, 8, 7);
  add_session (diary, at (3, 25, 19, 30), "lymphatic-massage", "Lymphatic Self-Massage", 8, 0, 3, 3);
  add_session (diary, at (3, 28, 23, 30), "leg-elevation", "Leg Elevation", 8, 0, NONE, NONE);
  add_session (diary, at (3, 29, 0, 15), "leg-elevation", "Leg Elevation", 8, 0, 9, 0);
}

/* The report of @first_day to @last_day, made at 10:15 on 29 March 2025,
 * on the locale's paper; written to @name. Returns the path. */
static char *
make_report_for (TestDiary  *test,
                 guint32     first_day,
                 guint32     last_day,
                 const char *person,
                 const char *name)
{
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GDateTime) generated = g_date_time_new (tz, 2025, 3, 29, 10, 15, 0);
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  pdf = lc_report_create_pdf (test->diary, tz, first_day, last_day, person, generated, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes in %.0f ms", name, g_bytes_get_size (pdf),
                  (g_get_monotonic_time () - start) / 1000.0);

  return write_bytes (test, name, pdf);
}

static char *
make_report (TestDiary  *test,
             guint32     first_day,
             guint32     last_day,
             const char *name)
{
  return make_report_for (test, first_day, last_day, NULL, name);
}

/* --- tests ------------------------------------------------------------------- */

static void
test_report_paper (void)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);

  /* What the report's callers pass; the page size itself is checked in
   * the PDF by the other tests. */
  g_assert_cmpstr (gtk_paper_size_get_name (size), ==,
                   g_str_equal (paper->name, "letter") ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
}

static void
test_report_contents (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_auto(PdfInfo) info = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *creator = g_strdup_printf ("Leg Care %s", PACKAGE_VERSION);

  fill_march (test->diary);
  path = make_report_for (test, lc_trend_day_number (2025, 3, 1), lc_trend_day_number (2025, 3, 28), "Anna Muster",
                          "march.pdf");

  pdf_info (path, &info);
  assert_paper (&info);
  g_assert_cmpuint (info.pages, >=, 1);
  g_assert_cmpstr (info.title, ==, "Leg Diary Report");
  g_assert_cmpstr (info.creator, ==, creator);

  text = pdf_text (path);
  flat = flatten (text);

  /* The title, whose diary, the period, when it was made */
  assert_contains (flat, "Leg Diary Report Name: Anna Muster 1 March 2025 to 28 March 2025 Generated on 29 March 2025, 10:15 by Leg Care");

  /* The sections, in order */
  {
    const char *headings[] = {
      "Summary", "Warning Signs", "Charts", "Observations", "Sessions per Week",
      "Heaviness Before and After Sessions", "Leg Volume", "Diary Entries",
    };
    const char *previous = flat;

    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      {
        const char *found = strstr (previous, headings[i]);

        if (found == NULL)
          g_error ("no heading “%s” after the previous one:\n%s", headings[i], flat);
        previous = found + strlen (headings[i]);
      }
  }

  /* The summary: means and ranges of 1-28 March per leg (heaviness left
   * 42/11, right 43/10 with one left score alone on the 9th), February's
   * two entries as the 28 days before, the 9 days with entries and the 9
   * sessions with a step done (the one at 00:15 on the 29th is after) */
  assert_contains (flat, "Summary Measure Left Right Period before, Change,");
  /* Changes to one decimal of the exact means: 42/11 - 3.5 = +0.32 */
  assert_row (flat, (const char *[]) { "Heaviness (0–10)", "3.8 (1–7)", "4.3 (2–7)", "3.5 / 3.5", "+0.3 / +0.8", NULL });
  assert_row (flat, (const char *[]) { "Swelling (0–10)", "2.6 (1–4)", "3.1 (1–5)", "2.0 / 2.0", "+0.6 / +1.1", NULL });
  assert_row (flat, (const char *[]) { "Ankle (cm)", "23.4 (23.4–23.5)", "23.9 (23.9–24.0)", "— / —", "— / —", NULL });
  assert_row (flat, (const char *[]) { "Calf (cm)", "35.5 (35.4–35.5)", "37.5 (36.0–38.9)", "— / —", "— / —", NULL });
  /* 9 sessions in 4 weeks */
  assert_contains (flat, "Days with entries: 9 of 28. Sessions with at least one step done: 9, on 9 days (2.2 a week on average). "
                         "Sitting breaks (two-minute leg exercises): 3, on 2 days.");
  assert_lacks (flat, "or more sitting breaks");

  /* The volumes of March against February's first, which is not a row */
  assert_contains (flat, "every 8 cm up from the narrowest point above the ankle");
  assert_contains (flat, "against the first measurement (15 Feb 2025 09:00); under 3.8 % they are within measurement error");
  assert_row (flat, (const char *[]) { "12 Mar 2025", "4886", "4622", "−265", "+5.7 %", "0.0 % (within error)", NULL });
  assert_row (flat, (const char *[]) { "20 Mar 2025", "—", "4645", "—", "—", "+0.5 % (within error)", NULL });
  assert_lacks (flat, "15 Feb 2025 4622");
  /* Their charts between the words and the table: each leg with the band
   * of measurement error, then the difference (both legs measured on the
   * 12th only) */
  {
    const char *section = strstr (flat, "Leg Volume From the person");
    const char *chart = section != NULL ? strstr (section, "Leg Volume (mL)") : NULL;
    const char *difference = chart != NULL ? strstr (chart, "Right Leg Less Left Leg (mL)") : NULL;
    const char *bands = difference != NULL ? strstr (chart, "Light bands: 3.8 % either side") : NULL;
    const char *table = strstr (flat, "12 Mar 2025 4886");

    g_assert_nonnull (section);
    g_assert_nonnull (chart);
    g_assert_nonnull (difference);
    g_assert_nonnull (bands);
    g_assert_true (bands < difference);
    g_assert_true (difference < table);
  }

  /* The warning: one episode of calves apart, nothing else; what was
   * checked, and that it rules nothing out */
  assert_contains (flat, "• 5 March 2025 to 7 March 2025: the calves differed by 3 cm or more. Checked on every day of the period: a calf 3 cm or more larger");
  g_assert_cmpuint (count (flat, "the calves differed"), ==, 1);
  assert_lacks (flat, "the ankles differed");
  assert_lacks (flat, "swelling score rose by 3 points or more within 3 days while the other");
  assert_lacks (flat, "None found in this period.");
  assert_contains (flat, "This rules nothing out");

  /* The observations, about the person: mornings and evenings of the
   * period, the routine rated 4 times (3 ratings are enough) */
  assert_contains (flat, "• Heaviness was rated higher in the evening than in the morning: 4.9 against 2.9 on average (12 evening and 9 morning scores).");
  assert_contains (flat, "• After “Calf Pump, Seated”, heaviness was rated 1.0 points lower on average (4 sessions rated before and after).");
  assert_lacks (flat, "Your ");
  assert_lacks (flat, "your ");
  assert_lacks (flat, "You ");

  /* The charts, with the ankles and calves since they were measured, and
   * the sitting breaks since there were some; the volumes not among them */
  assert_contains (flat, "Ankle Circumference (cm)");
  g_assert_true (strstr (flat, "Sitting Breaks per Day") < strstr (flat, "Observations"));
  g_assert_true (strstr (flat, "Leg Volume (mL)") > strstr (flat, "Observations"));
  assert_contains (flat, "Calf Circumference, 10 cm below the kneecap’s bump (cm)");

  /* Sessions per week: weeks from 1 March, completed sessions only */
  assert_row (flat, (const char *[]) { "Week", "Completed sessions", NULL });
  assert_row (flat, (const char *[]) { "1 March 2025 – 7 March 2025", "2", NULL });
  assert_row (flat, (const char *[]) { "8 March 2025 – 14 March 2025", "4", NULL });
  assert_row (flat, (const char *[]) { "15 March 2025 – 21 March 2025", "0", NULL });
  assert_row (flat, (const char *[]) { "22 March 2025 – 28 March 2025", "2", NULL });

  /* Before and after, per routine: most sessions first, the newest name */
  /* Real minus signs */
  assert_row (flat, (const char *[]) { "Calf Pump, Seated", "4", "6.5", "5.5", "−1.0", NULL });
  assert_row (flat, (const char *[]) { "Leg Elevation", "2", "5.5", "4.0", "−1.5", NULL });
  assert_row (flat, (const char *[]) { "Lymphatic Self-Massage", "1", "3.0", "3.0", "0.0", NULL });
  g_assert_true (strstr (flat, "Calf Pump, Seated 4") < strstr (flat, "Leg Elevation 2"));
  g_assert_true (strstr (flat, "Leg Elevation 2") < strstr (flat, "Lymphatic Self-Massage 1"));
  assert_lacks (flat, "Legs Up");

  /* The entries: local times (also across the change to summer time),
   * left / right, "–" for what was not given, tags and notes */
  assert_entry (flat, "1 Mar 2025", "08:10", "3 / 4", "2 / 3", "– / –", "– / –", "Compression worn");
  assert_entry (flat, "1 Mar 2025", "21:05", "5 / 6", "4 / 5", "– / –", "– / –", "Long standing");
  assert_entry (flat, "3 Mar 2025", "21:30", "4 / 6", "3 / 4", "– / –", "– / –", "Füße geschwollen");
  assert_entry (flat, "5 Mar 2025", "20:00", "6 / 7", "4 / 5", "23.4 / 23.9", "35.4 / 38.9", "Sitting Caviglia più gonfia");
  assert_entry (flat, "8 Mar 2025", "20:15", "4 / 5", "3 / 4", "23.5 / 24.0", "35.5 / 36.0", "Sitting");
  assert_entry (flat, "9 Mar 2025", "09:00", "7 / –", "– / –", "– / –", "– / –", NULL);
  assert_entry (flat, "12 Mar 2025", "08:30", "2 / 2", "1 / 1", "– / –", "– / –", NULL);
  assert_entry (flat, "15 Mar 2025", "21:00", "5 / 5", "4 / 4", "– / –", "– / –", "Hot weather");
  assert_entry (flat, "28 Mar 2025", "22:45", "3 / 3", "2 / 2", "– / –", "– / –", NULL);
  /* Eleven entries; the Leg Volume table before them has two rows */
  g_assert_cmpuint (count (strstr (flat, "Diary Entries"), " Mar 2025 "), ==, 11);
  g_assert_cmpuint (count (flat, " Mar 2025 "), ==, 13);
  assert_lacks (strstr (flat, "Diary Entries"), "Feb 2025");
  assert_lacks (flat, "February is not in the table");
  assert_lacks (flat, "29 Mar 2025");
  assert_lacks (flat, "After the period");

  /* The footer of the last page */
  {
    g_autofree char *footer = g_strdup_printf ("Leg Care · page %u", info.pages);

    assert_contains (flat, footer);
  }
}

/* The words of the March report, for where things are on the pages */
static GArray *
march_words (TestDiary *test)
{
  g_autofree char *path = NULL;

  fill_march (test->diary);
  path = make_report (test, lc_trend_day_number (2025, 3, 1), lc_trend_day_number (2025, 3, 28), "layout.pdf");

  return pdf_words (path);
}

/* The index of the next chart legend from @from ("Left leg" on a line), or
 * the number of words. */
static guint
next_legend (GArray *words,
             guint   from)
{
  for (guint i = from; i + 1 < words->len; i++)
    {
      const Word *left = &g_array_index (words, Word, i);
      const Word *leg = &g_array_index (words, Word, i + 1);

      if (g_str_equal (left->text, "Left") && g_str_equal (leg->text, "leg") && fabs (left->y_min - leg->y_min) < 1)
        return i;
    }

  return words->len;
}

/* Each chart's title at the left margin with its value axis just under
 * it (a number within 45 points), in order; one legend, under the first
 * title and above its axis */
static void
test_report_chart_titles (void)
{
  static const char *const titles[] = { "Heaviness", "Swelling", "Ankle", "Calf" };
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GArray) words = march_words (test);
  g_autoptr(GRegex) number = g_regex_new ("^\\d+(\\.\\d)?$", 0, 0, NULL);
  guint legend = next_legend (words, 0);
  guint from = 0;

  g_assert_cmpuint (legend, <, words->len);
  g_assert_cmpuint (next_legend (words, legend + 1), ==, words->len);
  while (from < words->len && !g_str_equal (g_array_index (words, Word, from).text, "Charts"))
    from++;
  g_assert_cmpuint (from, <, words->len);

  for (guint n = 0; n < G_N_ELEMENTS (titles); n++)
    {
      const Word *title = NULL;
      const Word *axis = NULL;

      for (; from < words->len && title == NULL; from++)
        {
          const Word *word = &g_array_index (words, Word, from);

          if (g_str_equal (word->text, titles[n]) && fabs (word->x_min - 48) < 2)
            title = word;
        }
      if (title == NULL)
        g_error ("no chart title “%s” at the left margin after the one before", titles[n]);

      for (guint i = from; i < words->len && axis == NULL; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (word->page == title->page && word->y_min > title->y_max - 1 && word->y_min < title->y_max + 45 &&
              g_regex_match (number, word->text, 0, NULL))
            axis = word;
        }
      if (axis == NULL)
        g_error ("no value axis under the chart title “%s” (page %u, %.0f)", titles[n], title->page, title->y_max);

      if (n == 0)
        {
          const Word *left = &g_array_index (words, Word, legend);

          g_assert_cmpuint (left->page, ==, title->page);
          g_assert_cmpfloat (left->y_min, >=, title->y_max - 1);
          g_assert_cmpfloat (left->y_max, <=, axis->y_min + 1);
        }
    }
}

/* The heading "Charts" with the charts, not alone at the bottom of a page */
static void
test_report_charts_heading (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GArray) words = march_words (test);
  guint legend = next_legend (words, 0);
  guint heading_page = 0;

  g_assert_cmpuint (legend, <, words->len);
  for (guint i = 0; i < words->len && heading_page == 0; i++)
    if (g_str_equal (g_array_index (words, Word, i).text, "Charts"))
      heading_page = g_array_index (words, Word, i).page;
  g_assert_cmpuint (heading_page, >, 0);

  if (heading_page != g_array_index (words, Word, legend).page)
    g_test_message ("“Charts” on page %u, the first chart on page %u", heading_page,
                    g_array_index (words, Word, legend).page);
  g_assert_cmpuint (heading_page, ==, g_array_index (words, Word, legend).page);
  /* Page 1 has room for the first chart after the summary and the
   * warning signs: a doctor sees a chart without turning the page */
  g_assert_cmpuint (heading_page, ==, 1);
}

static void
test_report_empty (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_auto(PdfInfo) info = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  /* January has nothing; February's entries come after it. */
  fill_march (test->diary);
  path = make_report (test, lc_trend_day_number (2025, 1, 1), lc_trend_day_number (2025, 1, 31), "january.pdf");

  pdf_info (path, &info);
  assert_paper (&info);
  g_assert_cmpuint (info.pages, >=, 1);

  text = pdf_text (path);
  flat = flatten (text);
  assert_contains (flat, "Leg Diary Report 1 January 2025 to 31 January 2025");
  /* Nothing found: what was checked, and that it rules nothing out */
  assert_contains (flat, "Warning Signs None found in this period. Checked on every day of the period: a calf 3 cm or more larger");
  assert_contains (flat, "This rules nothing out");
  assert_contains (flat, "No completed sessions in this period.");
  assert_contains (flat, "No session in this period was rated before and after.");
  assert_contains (flat, "Diary Entries No entries in this period.");
  assert_lacks (flat, "Date Heaviness");
}

static void
test_report_many_pages (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GRegex) entry_row = g_regex_new ("(?<!\\d)\\d{1,2} [A-Z][a-z]{2} 2024", 0, 0, NULL);
  g_auto(PdfInfo) info = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint rows = 0;
  guint headers = 0;
  guint pages_with_rows = 0;
  g_autoptr(GError) error = NULL;

  /* 100 days from 1 September 2024, three entries a day */
  g_assert_true (lc_diary_begin (test->diary, &error));
  for (int day = 0; day < 100; day++)
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(GDateTime) start = g_date_time_new (tz, 2024, 9, 1, 8 + 6 * i, 0, 0);
        g_autoptr(GDateTime) time = g_date_time_add_days (start, day);

        add_entry (test->diary, g_date_time_to_unix (time), PAIR ((day + i) % 11, (day + 2 * i) % 11),
                   PAIR (day % 11, (day + 1) % 11), NULL, 0, NULL);
      }
  g_assert_true (lc_diary_commit (test->diary, &error));

  path = make_report (test, lc_trend_day_number (2024, 9, 1), lc_trend_day_number (2024, 12, 9), "autumn.pdf");
  pdf_info (path, &info);
  assert_paper (&info);
  g_assert_cmpuint (info.pages, >, 1);

  /* Every page with entries starts its part of the table with the header. */
  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *flat = flatten (pages[p]);
      guint on_page = 0;
      guint headers_on_page = count (flat, "Date Heaviness");

      g_regex_match (entry_row, flat, 0, &match);
      while (g_match_info_matches (match))
        {
          on_page++;
          g_match_info_next (match, NULL);
        }

      if (on_page > 0)
        {
          const char *header = strstr (flat, "Date Heaviness");
          g_autofree char *first_row = NULL;

          g_assert_cmpuint (headers_on_page, ==, 1);
          g_clear_pointer (&match, g_match_info_unref);
          g_regex_match (entry_row, flat, 0, &match);
          first_row = g_match_info_fetch (match, 0);
          g_assert_nonnull (header);
          g_assert_true (header < strstr (flat, first_row));
          pages_with_rows++;
        }
      else
        g_assert_cmpuint (headers_on_page, ==, 0);
      rows += on_page;
      headers += headers_on_page;
    }

  g_test_message ("%u pages, %u with entries, %u headers", info.pages, pages_with_rows, headers);
  g_assert_cmpuint (rows, ==, 300);
  g_assert_cmpuint (pages_with_rows, >, 1);
  g_assert_cmpuint (headers, ==, pages_with_rows);
}

static void
test_report_png (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 2, 22, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2025, 3, 29, 0, 0, 0);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LcChartData) data = NULL;
  g_autoptr(GError) error = NULL;

  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  fill_march (test->diary);
  days = lc_diary_daily_aggregates (test->diary, g_date_time_to_unix (from), g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  sessions = lc_diary_list_sessions (test->diary, g_date_time_to_unix (from), g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  data = lc_chart_data_new (days, sessions, tz, lc_trend_day_number (2025, 3, 1), lc_trend_day_number (2025, 3, 28));
  g_assert_true (gsk_renderer_realize_for_display (renderer, gdk_display_get_default (), &error));
  g_assert_no_error (error);

  for (int combined = 0; combined <= 1; combined++)
    {
      g_autoptr(GBytes) png = lc_report_create_png (data, combined, renderer, &error);
      g_autoptr(GdkTexture) texture = NULL;
      const guchar *bytes;
      gsize size;

      g_assert_no_error (error);
      g_assert_nonnull (png);
      bytes = g_bytes_get_data (png, &size);
      g_assert_cmpuint (size, >, 8);
      g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);

      texture = gdk_texture_new_from_bytes (png, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 1000);
      /* Three charts of 190 px (the ankles were measured), titles, margins */
      g_assert_cmpint (gdk_texture_get_height (texture), >, 3 * 190);
      g_assert_cmpint (gdk_texture_get_height (texture), <, 1000);
    }

  gsk_renderer_unrealize (renderer);
}

static void
test_report_diary_error (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GDateTime) generated = g_date_time_new (tz, 2025, 3, 29, 10, 15, 0);
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test->dir, "diary.sqlite3", NULL);
  sqlite3 *other;

  fill_march (test->diary);

  /* Another program takes the entries away while the diary is open: the
   * report says it could not read the diary instead of being empty. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "DROP TABLE entry", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  pdf = lc_report_create_pdf (test->diary, tz, lc_trend_day_number (2025, 3, 1), lc_trend_day_number (2025, 3, 28),
                              NULL, generated, size, &error);
  g_assert_null (pdf);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LC_DIARY_ERROR);
  g_test_message ("%s", error->message);
}

/* --- every period, in each language --------------------------------------- */

/* Words for notes: long compounds, accents, short ones */
static const char *const note_words[] = {
  "Knöchelschwellung", "nach", "dem", "langen", "Flug", "gambe", "pesanti", "dopo", "il", "turno",
  "Kompressionsstrümpfe", "getragen", "stairs", "evening", "calze", "Wadenschmerzen", "heat", "walked", "a",
};

static const char *const routine_names[] = {
  "Calf Pump, Seated", "Leg Elevation",
  "Lymphatic Self-Massage for Both Legs, Lying Down with the Legs Raised on Three Cushions",
};

/* How often each word is expected in the report: of the tags and notes of
 * the entries in the period */
static void
expect_words (GHashTable *expected,
              const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_hash_table_insert (expected, g_strdup (words[i]),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, words[i])) + 1));
}

/* A seeded diary of 15 months from 1 January 2024: 0-3 entries a day
 * with any tags (sometimes all), notes from a word to ~1,500 characters,
 * circumferences some evenings, sessions of routines with short and very
 * long names. Returns the entries' times, tags and notes. */
static GPtrArray *
fill_months (LcDiary *diary,
             guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);

  g_assert_true (lc_diary_begin (diary, &error));
  for (int day = 0; day < 456; day++)
    {
      g_autoptr(GDateTime) start = g_date_time_new (tz, 2024, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) date = g_date_time_add_days (start, day);
      int n = g_rand_int_range (rand, 0, 4);

      for (int i = 0; i < n; i++)
        {
          g_autoptr(GDateTime) time = g_date_time_add_minutes (date, g_rand_int_range (rand, 6 * 60, 23 * 60));
          LcEntry *entry = lc_entry_new (g_date_time_to_unix (time));

          for (int leg = 0; leg < LC_N_LEGS; leg++)
            {
              entry->heaviness[leg] = g_rand_double (rand) < 0.1 ? LC_SCORE_NONE : g_rand_int_range (rand, 0, 11);
              entry->swelling[leg] = g_rand_double (rand) < 0.2 ? LC_SCORE_NONE : g_rand_int_range (rand, 0, 11);
            }
          if (g_rand_double (rand) < 0.2)
            {
              for (int leg = 0; leg < LC_N_LEGS; leg++)
                {
                  entry->ankle_mm[leg] = g_rand_int_range (rand, 190, 320);
                  entry->calf_mm[leg] = g_rand_int_range (rand, 280, 520);
                }
              entry->position = g_rand_int_range (rand, LC_POSITION_NONE, LC_POSITION_LYING + 1);
            }
          entry->tags = g_rand_double (rand) < 0.1 ? LC_TAGS_ALL : (LcTags) g_rand_int_range (rand, 0, LC_TAGS_ALL + 1);
          if (g_rand_double (rand) < 0.3)
            {
              g_autoptr(GString) note = g_string_new (NULL);
              int words = g_rand_double (rand) < 0.05 ? 150 : g_rand_int_range (rand, 1, 30);

              for (int w = 0; w < words; w++)
                {
                  if (w > 0)
                    g_string_append_c (note, ' ');
                  g_string_append (note, note_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (note_words))]);
                }
              g_assert_cmpuint (g_utf8_strlen (note->str, -1), <=, LC_NOTE_MAX_CHARS);
              entry->note = g_string_free (g_steal_pointer (&note), FALSE);
            }
          lc_diary_add_entry (diary, entry, &error);
          g_assert_no_error (error);
          g_ptr_array_add (entries, entry);
        }

      if (g_rand_double (rand) < 0.5)
        {
          g_autoptr(GDateTime) time = g_date_time_add_hours (date, 19);
          guint r = g_rand_int_range (rand, 0, G_N_ELEMENTS (routine_names));

          add_session (diary, g_date_time_to_unix (time), r == 0 ? "calf-pump" : r == 1 ? "elevation" : "massage",
                       routine_names[r],
                       g_rand_int_range (rand, 1, 9), 0, g_rand_int_range (rand, 0, 11), g_rand_int_range (rand, 0, 11));
        }
    }
  g_assert_true (lc_diary_commit (diary, &error));

  return entries;
}

static gboolean
boxes_overlap (const Word *a,
               const Word *b)
{
  /* Words on one line touch; a line's box may reach a little into the
   * next one's: overlaps of more than a point across and a third of a
   * line down count */
  double across = MIN (a->x_max, b->x_max) - MAX (a->x_min, b->x_min);
  double down = MIN (a->y_max, b->y_max) - MAX (a->y_min, b->y_min);

  return across > 1 && down > (a->y_max - a->y_min) / 3;
}

/* One report, read back: every word of the tags and notes of the period's
 * entries is there whole (nothing cut, nothing broken inside a word), no
 * "…", no word on top of another, nothing outside the margins. */
static void
check_period_report (TestDiary       *test,
                     GPtrArray       *entries,
                     const LcPeriod  *period,
                     const char      *name)
{
  g_autoptr(GTimeZone) tz = time_zone ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = make_report (test, period->first_day, period->last_day, name);
  g_autoptr(GArray) words = pdf_words (path);
  g_auto(PdfInfo) info = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  guint in_period = 0;

  pdf_info (path, &info);
  assert_paper (&info);

  for (guint i = 0; i < entries->len; i++)
    {
      const LcEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->taken_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      guint32 day = lc_trend_day_number (g_date_time_get_year (local), g_date_time_get_month (local),
                                         g_date_time_get_day_of_month (local));

      if (day < period->first_day || day > period->last_day)
        continue;
      in_period++;
      for (guint t = 0; t < LC_N_TAGS; t++)
        if (entry->tags & (1u << t))
          expect_words (expected, lc_tag_get_label (1u << t));
      if (entry->note != NULL)
        expect_words (expected, entry->note);
    }

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      g_autofree char *bare = g_strdup (word->text);
      gsize length = strlen (bare);

      while (length > 0 && strchr (",.;:", bare[length - 1]) != NULL)
        bare[--length] = '\0';
      g_hash_table_insert (found, g_strdup (bare),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (found, bare)) + 1));

      if (strstr (word->text, "…") != NULL)
        g_error ("%s: “%s” is cut on page %u", name, word->text, word->page);
      if (word->x_min < MARGIN_POINTS - 1 || word->x_max > info.width - MARGIN_POINTS + 1 ||
          word->y_min < 0 || word->y_max > info.height)
        g_error ("%s: “%s” on page %u is outside the margins (%.1f–%.1f, %.1f–%.1f)", name, word->text,
                 word->page, word->x_min, word->x_max, word->y_min, word->y_max);
      for (guint j = i + 1; j < words->len; j++)
        {
          const Word *other = &g_array_index (words, Word, j);

          if (other->page != word->page)
            break;
          if (boxes_overlap (word, other))
            g_error ("%s: “%s” and “%s” overlap on page %u at (%.1f, %.1f) and (%.1f, %.1f)", name, word->text,
                     other->text, word->page, word->x_min, word->y_min, other->x_min, other->y_min);
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint have = GPOINTER_TO_UINT (g_hash_table_lookup (found, key));

      if (have < GPOINTER_TO_UINT (value))
        g_error ("%s: “%s” is in the report %u times, not %u: cut or broken", name, (const char *) key, have,
                 GPOINTER_TO_UINT (value));
    }

  g_test_message ("%s: %u entries, %u pages, %u words", name, in_period, info.pages, words->len);
}

/* Every kind of period in the app's language, on this paper: the five
 * around a fixed day and seeded random ones */
static void
test_report_periods (void)
{
  g_autoptr(TestDiary) test = test_diary_new ();
  g_autoptr(GPtrArray) entries = fill_months (test->diary, 20251);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint32 first_data_day = lc_trend_day_number (2024, 1, 1);
  const guint32 fixed = lc_trend_day_number (2025, 3, 15);

  for (guint k = 0; k < LC_N_PERIOD_KINDS + 3; k++)
    {
      LcPeriodKind kind = k < LC_N_PERIOD_KINDS ? k : (LcPeriodKind) g_rand_int_range (rand, 0, LC_N_PERIOD_KINDS);
      guint32 day = k < LC_N_PERIOD_KINDS ? fixed : first_data_day + g_rand_int_range (rand, 0, 456);
      LcPeriod period = lc_period_around (kind, day, G_DATE_MONDAY, first_data_day);
      g_autofree char *name = g_strdup_printf ("period-%s-%s-%u.pdf", language != NULL ? language : "en",
                                               lc_period_kind_to_string (kind), period.first_day);

      check_period_report (test, entries, &period, name);
    }
}

/* Under AddressSanitizer: fontconfig's patterns, cached for good by
 * Pango's font map, and Mesa's allocations for the GL context GDK makes
 * when it opens the display, are never freed; leaks of anything else are
 * still reported. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n"
         "leak:libgallium\n";
}

int
main (int   argc,
      char *argv[])
{
  lc_test_use_private_home ("legcare-test-report");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (papers); i++)
    if (g_str_equal (argv[1], papers[i].name))
      paper = &papers[i];
  if (paper == NULL)
    g_error ("Usage: test-report letter|a4 [LANGUAGE]");
  language = argc > 2 ? argv[2] : NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  /* English messages, dates and numbers; the paper from the locale. */
  {
    const char *categories[] = {
      "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
      "LC_MESSAGES", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION",
    };
    g_autofree char *locale = lc_test_locale_of (language != NULL ? language : "en");

    for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
      g_unsetenv (categories[i]);
    g_setenv ("LANG", locale, TRUE);
    if (language != NULL)
      g_setenv ("LANGUAGE", language, TRUE);
    g_setenv ("LC_PAPER", paper->locale, TRUE);
    g_setenv ("TZ", TIME_ZONE, TRUE);
    tzset ();
  }
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 and de_DE.UTF-8 locales are needed");
      return 77;
    }

  if (language != NULL)
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  gtk_init ();

  /* In Italian and German the layout only: the other tests read English */
  if (language != NULL)
    {
      g_test_add_func ("/lc/report/periods", test_report_periods);
      return g_test_run ();
    }

  g_test_add_func ("/lc/report/paper", test_report_paper);
  g_test_add_func ("/lc/report/contents", test_report_contents);
  g_test_add_func ("/lc/report/chart-titles", test_report_chart_titles);
  g_test_add_func ("/lc/report/charts-heading", test_report_charts_heading);
  g_test_add_func ("/lc/report/empty", test_report_empty);
  g_test_add_func ("/lc/report/many-pages", test_report_many_pages);
  g_test_add_func ("/lc/report/png", test_report_png);
  g_test_add_func ("/lc/report/diary-error", test_report_diary_error);
  g_test_add_func ("/lc/report/periods", test_report_periods);

  return g_test_run ();
}
