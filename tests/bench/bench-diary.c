/* bench-diary.c: the diary with one, ten and fifty years in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size, writes a diary (three entries and one session a day) into
 * a folder on disk and measures what the app does with it: the insert
 * rate, opening it (with its integrity check), reading the newest 90 days,
 * the Diary's first page and its last page (by offset, as a jump does, and
 * from where the page before ended, as scrolling does), the daily
 * aggregates over all of it (Trends), a CSV export of it all and its import
 * into an empty diary. Ten years are printed in full, then a growth table
 * of all three sizes, and the peak memory. Figures only; nothing is
 * asserted.
 *
 * The folder is made in $LEGCARE_BENCH_DIR, else in the current folder
 * (dev-env bench runs it in the source tree): a real disk, not a tmpfs such
 * as /tmp may be. Its file system is printed.
 *
 * Usage: bench-diary [YEARS...]   (default: 1 10 50)
 */

#include "config.h"

#include <sys/resource.h>
#include <sys/vfs.h>

#include <glib/gstdio.h>

#include "lc-csv.h"
#include "lc-diary.h"

#define DAY (24 * 3600)
#define TMPFS_MAGIC 0x01021994

typedef struct
{
  guint  years;
  guint  records;
  double file_mib;
  double insert_per_s;
  double open_ms;
  double recent_ms;
  double first_page_ms;
  double last_page_offset_ms;
  double last_page_key_ms;
  double aggregates_ms;
  double export_ms;
  double export_mib;
  double import_ms;
} Row;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
}

static void
write_diary (GFile *file,
             guint  years,
             gint64 first,
             Row   *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = lc_diary_open (file, &error);
  guint days = years * 365;
  gint64 start;

  if (diary == NULL)
    g_error ("%s", error->message);

  /* One transaction per day, as a user would add them over time; grouped
   * in yearly transactions here so that writing fifty years takes seconds. */
  start = g_get_monotonic_time ();
  for (guint day = 0; day < days; day++)
    {
      g_autoptr(LcSessionRecord) session = lc_session_record_new ();

      if (day % 365 == 0 && !lc_diary_begin (diary, &error))
        g_error ("%s", error->message);

      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(LcEntry) entry = lc_entry_new (first + (gint64) day * DAY + 7 * 3600 + i * 6 * 3600);

          entry->heaviness[LC_LEG_LEFT] = (day + i) % 11;
          entry->heaviness[LC_LEG_RIGHT] = (day + 2 * i) % 11;
          entry->swelling[LC_LEG_LEFT] = entry->swelling[LC_LEG_RIGHT] = (day / 7 + i) % 11;
          if (i == 0)
            entry->ankle_mm[LC_LEG_LEFT] = entry->ankle_mm[LC_LEG_RIGHT] = 220 + day % 30;
          entry->tags = (day % 3 == 0) ? LC_TAG_COMPRESSION : 0;
          if (!lc_diary_add_entry (diary, entry, &error))
            g_error ("%s", error->message);
        }

      session->routine_id = g_strdup ("leg-elevation");
      session->routine_name = g_strdup ("Leg Elevation");
      session->started_at = first + (gint64) day * DAY + 20 * 3600;
      session->ended_at = session->started_at + 1090;
      session->steps_done = session->steps_total = 10;
      session->heaviness_before = 6;
      session->heaviness_after = 4;
      if (!lc_diary_add_session (diary, session, &error))
        g_error ("%s", error->message);

      if ((day % 365 == 364 || day == days - 1) && !lc_diary_commit (diary, &error))
        g_error ("%s", error->message);
    }
  row->records = days * 4;
  row->insert_per_s = row->records / (ms_since (start) / 1000.0);
}

static void
measure (const char *parent,
         guint       years,
         Row        *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (parent, "legcare-bench-diary-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(LcDiary) copy = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) first_page = NULL;
  g_autoptr(GPtrArray) before_last = NULL;
  g_autoptr(GPtrArray) last_page = NULL;
  g_autoptr(GArray) aggregates = NULL;
  g_autofree char *csv = NULL;
  LcDiaryTimelineKey key = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first = now - (gint64) years * 365 * DAY;
  gint64 total, last_offset;
  gsize length = 0;
  guint added = 0, skipped = 0;
  GStatBuf file_stat;
  gint64 start;

  if (g_mkdtemp (dir) == NULL)
    g_error ("%s: %s", dir, g_strerror (errno));
  path = g_build_filename (dir, "diary.sqlite3", NULL);
  copy_path = g_build_filename (dir, "copy.sqlite3", NULL);
  file = g_file_new_for_path (path);
  copy_file = g_file_new_for_path (copy_path);

  row->years = years;
  write_diary (file, years, first, row);
  if (g_stat (path, &file_stat) == 0)
    row->file_mib = file_stat.st_size / 1048576.0;

  start = g_get_monotonic_time ();
  diary = lc_diary_open (file, &error);
  if (diary == NULL)
    g_error ("%s", error->message);
  row->open_ms = ms_since (start);

  start = g_get_monotonic_time ();
  recent = lc_diary_list_entries (diary, now - 90 * DAY, now + 1, &error);
  row->recent_ms = ms_since (start);

  /* What the Diary page reads: entries and sessions together */
  start = g_get_monotonic_time ();
  first_page = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, 0, 100, NULL, &error);
  row->first_page_ms = ms_since (start);
  total = lc_diary_count_timeline (diary, LC_DIARY_FILTER_ALL, G_MININT64, &error);
  last_offset = MAX (total - 100, 100);
  before_last = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, last_offset - 100, 100, &key, &error);
  start = g_get_monotonic_time ();
  last_page = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, last_offset, 100, NULL, &error);
  row->last_page_offset_ms = ms_since (start);
  g_clear_pointer (&last_page, g_ptr_array_unref);
  start = g_get_monotonic_time ();
  last_page = lc_diary_list_timeline_after (diary, LC_DIARY_FILTER_ALL, &key, 100, NULL, &error);
  row->last_page_key_ms = ms_since (start);
  if (recent == NULL || first_page == NULL || before_last == NULL || last_page == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  aggregates = lc_diary_daily_aggregates (diary, first - DAY, now + DAY, &error);
  row->aggregates_ms = ms_since (start);
  if (aggregates == NULL)
    g_error ("%s", error->message);

  /* The whole diary to CSV, and back into an empty diary */
  start = g_get_monotonic_time ();
  csv = lc_csv_export (diary, &length, &error);
  if (csv == NULL)
    g_error ("%s", error->message);
  row->export_ms = ms_since (start);
  row->export_mib = length / 1048576.0;

  copy = lc_diary_open (copy_file, &error);
  if (copy == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!lc_csv_import (copy, csv, length, &added, &skipped, &error))
    g_error ("%s", error->message);
  row->import_ms = ms_since (start);

  if (years == 10)
    {
      g_print ("Ten years: %u records (%.1f MiB)\n", row->records, row->file_mib);
      g_print ("  insert: %.0f records/s (a transaction a year)\n", row->insert_per_s);
      g_print ("  open (with integrity check): %.1f ms\n", row->open_ms);
      g_print ("  newest 90 days: %u entries in %.1f ms\n", recent->len, row->recent_ms);
      g_print ("  timeline: the first page of 100 (entries and sessions): %.2f ms\n", row->first_page_ms);
      g_print ("  timeline: the last page: %.2f ms by its offset, %.2f ms from where the page before ended "
               "(as the list scrolls)\n", row->last_page_offset_ms, row->last_page_key_ms);
      g_print ("  daily aggregates: %u days in %.1f ms\n", aggregates->len, row->aggregates_ms);
      g_print ("  CSV export: %.1f MiB in %.1f ms; import into an empty diary: %u records in %.1f ms\n",
               row->export_mib, row->export_ms, added, row->import_ms);
    }

  g_clear_object (&diary);
  g_clear_object (&copy);
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *parent = g_getenv ("LEGCARE_BENCH_DIR") != NULL ? g_getenv ("LEGCARE_BENCH_DIR") : ".";
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree Row *rows = NULL;
  struct statfs fs;
  struct rusage usage;

  for (int i = 1; i < argc; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, 200, &value, NULL))
        {
          g_printerr ("Usage: bench-diary [YEARS...]\n");
          return 2;
        }
      g_array_append_val (years, value);
    }
  if (years->len == 0)
    g_array_append_vals (years, (guint[]) { 1, 10, 50 }, 3);

  if (statfs (parent, &fs) == 0)
    g_print ("In %s (%s)\n", parent,
             fs.f_type == TMPFS_MAGIC ? "tmpfs: memory, not a disk; set LEGCARE_BENCH_DIR" : "on disk");

  rows = g_new0 (Row, years->len);
  for (guint i = 0; i < years->len; i++)
    measure (parent, g_array_index (years, guint, i), &rows[i]);

  g_print ("\nGrowth (ms unless said)\n");
  g_print ("%-6s %8s %6s %9s %6s %7s %7s %8s %8s %8s %8s %8s\n", "years", "records", "MiB", "insert/s",
           "open", "90 days", "page 1", "last off", "last key", "trends", "export", "import");
  for (guint i = 0; i < years->len; i++)
    {
      const Row *r = &rows[i];

      g_print ("%-6u %8u %6.1f %9.0f %6.1f %7.1f %7.2f %8.2f %8.2f %8.1f %8.1f %8.1f\n", r->years, r->records,
               r->file_mib, r->insert_per_s, r->open_ms, r->recent_ms, r->first_page_ms, r->last_page_offset_ms,
               r->last_page_key_ms, r->aggregates_ms, r->export_ms, r->import_ms);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);

  return 0;
}
