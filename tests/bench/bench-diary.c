/* bench-diary.c: the diary with ten years in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes ten years of a diary (three entries and one session a day) into a
 * temporary file and prints: the insert rate, the time to open the diary
 * and read the newest 90 days, the time for the daily aggregates over all
 * ten years, a page of the diary list, a CSV export of it all and its
 * import into an empty diary, and the peak memory. Figures only;
 * nothing is asserted.
 */

#include "config.h"

#include <sys/resource.h>

#include "lc-csv.h"
#include "lc-diary.h"

#define YEARS 10
#define DAY (24 * 3600)

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("legcare-bench-diary-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "diary.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 first = now - (gint64) YEARS * 365 * DAY;
  guint days = YEARS * 365;
  guint entries = 0;
  struct rusage usage;
  gint64 start;

  {
    g_autoptr(LcDiary) diary = lc_diary_open (file, &error);

    if (diary == NULL)
      g_error ("%s", error->message);

    /* One transaction per day, as a user would add them over time; grouped
     * in yearly transactions here so that writing ten years takes seconds. */
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
            entries++;
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
    g_print ("insert: %u entries and %u sessions in %.2f s (%.0f records/s)\n",
             entries, days, seconds_since (start), (entries + days) / seconds_since (start));
  }

  {
    g_autoptr(LcDiary) diary = NULL;
    g_autoptr(GPtrArray) recent = NULL;
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GArray) aggregates = NULL;

    start = g_get_monotonic_time ();
    diary = lc_diary_open (file, &error);
    if (diary == NULL)
      g_error ("%s", error->message);
    g_print ("open (with integrity check): %.1f ms\n", seconds_since (start) * 1000);

    start = g_get_monotonic_time ();
    recent = lc_diary_list_entries (diary, now - 90 * DAY, now + 1, &error);
    g_print ("newest 90 days: %u entries in %.1f ms\n", recent->len, seconds_since (start) * 1000);

    start = g_get_monotonic_time ();
    page = lc_diary_list_entries_newest (diary, 5000, 100, &error);
    g_print ("a page of 100 entries, 5000 back: %.2f ms\n", seconds_since (start) * 1000);

    /* What the Diary page reads: entries and sessions together */
    {
      g_autoptr(GPtrArray) first_page = NULL;
      g_autoptr(GPtrArray) deep_page = NULL;
      g_autoptr(GPtrArray) previous_page = NULL;
      LcDiaryTimelineKey before_deep = { 0 };

      start = g_get_monotonic_time ();
      first_page = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, 0, 100, NULL, &error);
      g_print ("timeline: the first page of 100 (entries and sessions): %.2f ms\n", seconds_since (start) * 1000);
      previous_page = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, 4900, 100, &before_deep, &error);

      start = g_get_monotonic_time ();
      deep_page = lc_diary_list_timeline (diary, LC_DIARY_FILTER_ALL, 5000, 100, NULL, &error);
      g_print ("timeline: a page of 100, 5000 back: %.2f ms by its offset", seconds_since (start) * 1000);
      g_clear_pointer (&deep_page, g_ptr_array_unref);
      start = g_get_monotonic_time ();
      deep_page = lc_diary_list_timeline_after (diary, LC_DIARY_FILTER_ALL, &before_deep, 100, NULL, &error);
      g_print (", %.2f ms from where the page before ended (as the list scrolls)\n", seconds_since (start) * 1000);
      g_assert (previous_page != NULL && deep_page != NULL);
      start = g_get_monotonic_time ();
      g_print ("timeline: %" G_GINT64_FORMAT " records", lc_diary_count_timeline (diary, LC_DIARY_FILTER_ALL, G_MININT64, &error));
      g_print (", counted in %.2f ms\n", seconds_since (start) * 1000);
    }

    start = g_get_monotonic_time ();
    aggregates = lc_diary_daily_aggregates (diary, first - DAY, now + DAY, &error);
    g_print ("daily aggregates over %d years: %u days in %.1f ms\n", YEARS, aggregates->len,
             seconds_since (start) * 1000);

    /* The whole diary to CSV, and back into an empty diary */
    {
      g_autofree char *copy_path = g_build_filename (dir, "copy.sqlite3", NULL);
      g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
      g_autoptr(LcDiary) copy = NULL;
      g_autofree char *csv = NULL;
      gsize length = 0;
      guint added = 0, skipped = 0;

      start = g_get_monotonic_time ();
      csv = lc_csv_export (diary, &length, &error);
      if (csv == NULL)
        g_error ("%s", error->message);
      g_print ("CSV export: %.1f MiB in %.1f ms\n", length / 1048576.0, seconds_since (start) * 1000);

      copy = lc_diary_open (copy_file, &error);
      if (copy == NULL)
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      if (!lc_csv_import (copy, csv, length, &added, &skipped, &error))
        g_error ("%s", error->message);
      g_print ("CSV import: %u records in %.1f ms\n", added, seconds_since (start) * 1000);
    }
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);

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

  return 0;
}
