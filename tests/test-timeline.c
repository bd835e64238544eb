/* test-timeline.c: the diary's entries and sessions as one list, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "lc-diary.h"
#include "lc-entry-item.h"
#include "lc-routine.h"

/* 2026-03-10 08:30:00 UTC */
#define T0 G_GINT64_CONSTANT (1773131400)
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

static LcSessionRecord *
make_session (gint64 started_at,
              int    before,
              int    after)
{
  LcSessionRecord *record = lc_session_record_new ();

  record->routine_id = g_strdup ("calf-pump-seated");
  record->routine_name = g_strdup ("Calf Pump, Seated");
  record->started_at = started_at;
  record->ended_at = started_at + 300;
  record->steps_total = 6;
  record->steps_done = 4;
  record->heaviness_before = before;
  record->heaviness_after = after;
  return record;
}

/* What the timeline should list: kind (0 entry, 1 session, 2 a day's
 * sitting breaks: the largest id and the latest time of the day's, and
 * how many), id, time */
typedef struct
{
  int    kind;
  gint64 id;
  gint64 time;
  guint  count;
  gint64 first;
  guint  seconds;
} Key;

/* Newest first; at the same second a session before an entry, then the
 * higher id first. */
static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Key *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? 1 : -1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? 1 : -1;
  return x->id < y->id ? 1 : (x->id > y->id ? -1 : 0);
}

static gboolean
wanted (LcDiaryFilter filter,
        int           kind)
{
  return filter == LC_DIARY_FILTER_ALL || (filter == LC_DIARY_FILTER_ENTRIES) == (kind == 0);
}

static void
check_item (GObject   *item,
            const Key *key)
{
  if (key->kind == 0)
    {
      g_assert_true (LC_IS_ENTRY_ITEM (item));
      g_assert_cmpint (lc_entry_item_get_entry (LC_ENTRY_ITEM (item))->id, ==, key->id);
    }
  else if (key->kind == 1)
    {
      g_assert_true (LC_IS_SESSION_ITEM (item));
      g_assert_cmpint (lc_session_item_get_record (LC_SESSION_ITEM (item))->id, ==, key->id);
    }
  else
    {
      g_assert_true (LC_IS_BREAK_DAY_ITEM (item));
      g_assert_cmpint (lc_break_day_item_get_last_id (LC_BREAK_DAY_ITEM (item)), ==, key->id);
      g_assert_cmpuint (lc_break_day_item_get_count (LC_BREAK_DAY_ITEM (item)), ==, key->count);
      g_assert_cmpint (lc_break_day_item_get_first (LC_BREAK_DAY_ITEM (item)), ==, key->first);
      g_assert_cmpint (lc_break_day_item_get_last (LC_BREAK_DAY_ITEM (item)), ==, key->time);
      g_assert_cmpuint (lc_break_day_item_get_seconds (LC_BREAK_DAY_ITEM (item)), ==, key->seconds);
    }
  g_assert_cmpint (lc_diary_item_get_time (item), ==, key->time);
}

/* The local day of a time, as GLib sees it (TZ is Europe/Rome) */
static gint
local_day (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);

  return g_date_time_get_year (local) * 1000 + g_date_time_get_day_of_year (local);
}

/* Random diaries (times on a coarse grid so that many share a second, and
 * local days that cross the changes of summer time), paged with several
 * page sizes under each filter, against the order worked out here, with a
 * day's sitting breaks as one record; and the count from a time on, which
 * is where the list jumps to a date. */
static void
test_timeline_pages (void)
{
  const guint32 seeds[] = { 1, 7, 2026, 4242 };

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *name = g_strdup_printf ("pages-%u.sqlite3", seeds[s]);
      g_autoptr(LcDiary) diary = open_diary (name);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seeds[s]);
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
      guint n = g_rand_int_range (rand, 0, 260);
      g_autoptr(GError) error = NULL;

      g_autoptr(GHashTable) break_days = g_hash_table_new_full (NULL, NULL, NULL, g_free);

      for (guint i = 0; i < n; i++)
        {
          /* Around the end of March: summer time starts on the 29th */
          gint64 time = T0 + 20 * DAY - g_rand_int_range (rand, 0, 120) * 6 * HOUR - g_rand_int_range (rand, 0, 6) * HOUR;
          Key key = { g_rand_int_range (rand, 0, 3), 0, time, 0, 0, 0 };

          if (key.kind == 2)
            {
              g_autoptr(LcSessionRecord) record = make_session (time, LC_SCORE_NONE, LC_SCORE_NONE);
              Key *day;

              g_free (record->routine_id);
              record->routine_id = g_strdup (LC_ROUTINE_ID_SITTING_BREAK);
              record->ended_at = time + g_rand_int_range (rand, 30, 200);
              g_assert_true (lc_diary_add_session (diary, record, &error));
              g_assert_no_error (error);

              day = g_hash_table_lookup (break_days, GINT_TO_POINTER (local_day (time)));
              if (day == NULL)
                {
                  day = g_new0 (Key, 1);
                  day->kind = 2;
                  day->first = time;
                  g_hash_table_insert (break_days, GINT_TO_POINTER (local_day (time)), day);
                }
              day->id = MAX (day->id, record->id);
              day->time = MAX (day->time, time);
              day->first = MIN (day->first, time);
              day->count++;
              day->seconds += (guint) (record->ended_at - record->started_at);
              continue;
            }
          if (key.kind == 0)
            {
              g_autoptr(LcEntry) entry = lc_entry_new (time);

              entry->heaviness[LC_LEG_LEFT] = g_rand_int_range (rand, 0, 11);
              g_assert_true (lc_diary_add_entry (diary, entry, &error));
              key.id = entry->id;
            }
          else
            {
              g_autoptr(LcSessionRecord) record = make_session (time, LC_SCORE_NONE, LC_SCORE_NONE);

              g_assert_true (lc_diary_add_session (diary, record, &error));
              key.id = record->id;
            }
          g_assert_no_error (error);
          g_array_append_val (keys, key);
        }
      {
        GHashTableIter iter;
        gpointer day;

        g_hash_table_iter_init (&iter, break_days);
        while (g_hash_table_iter_next (&iter, NULL, &day))
          g_array_append_val (keys, *(Key *) day);
      }
      g_array_sort (keys, compare_keys);

      for (LcDiaryFilter filter = LC_DIARY_FILTER_ALL; filter <= LC_DIARY_FILTER_SESSIONS; filter++)
        {
          g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Key));
          const guint page_sizes[] = { 1, 7, 100, 1000 };

          for (guint i = 0; i < keys->len; i++)
            if (wanted (filter, g_array_index (keys, Key, i).kind))
              g_array_append_val (expected, g_array_index (keys, Key, i));

          g_assert_cmpint (lc_diary_count_timeline (diary, filter, G_MININT64, &error), ==, expected->len);

          /* Page by page, each by its offset and each from where the one
           * before ended (many records share a second: the order of kind
           * and id decides) */
          for (guint p = 0; p < G_N_ELEMENTS (page_sizes); p++)
            for (guint by_key = 0; by_key < 2; by_key++)
              {
                LcDiaryTimelineKey last = { 0 };
                guint offset = 0;

                for (;;)
                  {
                    g_autoptr(GPtrArray) page = NULL;

                    if (by_key && offset > 0)
                      page = lc_diary_list_timeline_after (diary, filter, &last, page_sizes[p], &last, &error);
                    else
                      page = lc_diary_list_timeline (diary, filter, offset, page_sizes[p], &last, &error);
                    g_assert_no_error (error);
                    g_assert_nonnull (page);
                    g_assert_cmpuint (page->len, ==, MIN (page_sizes[p], expected->len - MIN (offset, expected->len)));
                    for (guint i = 0; i < page->len; i++)
                      check_item (page->pdata[i], &g_array_index (expected, Key, offset + i));
                    if (page->len > 0)
                      {
                        const Key *end = &g_array_index (expected, Key, offset + page->len - 1);

                        g_assert_cmpint (last.time, ==, end->time);
                        g_assert_cmpint (last.kind, ==, end->kind);
                        g_assert_cmpint (last.id, ==, end->id);
                      }
                    if (page->len < page_sizes[p])
                      break;
                    offset += page->len;
                  }
              }

          /* From a time on: as many as are at or after it */
          for (guint c = 0; c < 20; c++)
            {
              gint64 since = T0 + 20 * DAY - g_rand_int_range (rand, -2, 122) * 6 * HOUR + g_rand_int_range (rand, -1, 2);
              guint position = 0;

              while (position < expected->len && g_array_index (expected, Key, position).time >= since)
                position++;
              g_assert_cmpint (lc_diary_count_timeline (diary, filter, since, &error), ==, position);
              g_assert_no_error (error);
            }
        }
    }
}

static void
count_change (LcDiary *diary,
              guint    what,
              GArray  *changes)
{
  g_array_append_val (changes, what);
}

/* Only the ratings of a stored session change; deleted is gone. */
static void
test_timeline_session_edit (void)
{
  g_autoptr(LcDiary) diary = open_diary ("edit.sqlite3");
  g_autoptr(LcSessionRecord) record = make_session (T0, 6, LC_SCORE_NONE);
  g_autoptr(LcSessionRecord) changed = NULL;
  g_autoptr(LcSessionRecord) read = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;

  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
  g_signal_connect (diary, "changed", G_CALLBACK (count_change), changes);

  changed = lc_session_record_copy (record);
  changed->heaviness_before = LC_SCORE_NONE;
  changed->heaviness_after = 3;
  /* What the player recorded is not the user's to change */
  g_free (changed->routine_name);
  changed->routine_name = g_strdup ("Something Else");
  changed->steps_done = 6;
  g_assert_true (lc_diary_update_session_ratings (diary, changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, LC_DIARY_CHANGE_SESSIONS);

  read = lc_diary_get_session (diary, record->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->heaviness_before, ==, LC_SCORE_NONE);
  g_assert_cmpint (read->heaviness_after, ==, 3);
  g_assert_cmpstr (read->routine_name, ==, "Calf Pump, Seated");
  g_assert_cmpuint (read->steps_done, ==, 4);

  /* Out of range: refused, nothing told, nothing changed */
  changed->heaviness_after = 11;
  g_assert_false (lc_diary_update_session_ratings (diary, changed, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes->len, ==, 1);

  g_assert_true (lc_diary_delete_session (diary, record->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (lc_diary_count_timeline (diary, LC_DIARY_FILTER_ALL, G_MININT64, NULL), ==, 0);

  g_assert_null (lc_diary_get_session (diary, record->id, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lc_diary_delete_session (diary, record->id, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  changed->heaviness_after = 2;
  g_assert_false (lc_diary_update_session_ratings (diary, changed, &error));
  g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_NOT_FOUND);
  g_assert_cmpuint (changes->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Rome", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/timeline/pages", test_timeline_pages);
  g_test_add_func ("/lc/timeline/session-edit", test_timeline_session_edit);

  return g_test_run ();
}
