/* test-trend.c: rolling means, comparisons, session effects, red flags,
 * reduction to columns and the insight sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected value is written out, with the arithmetic in a comment:
 * never computed again by the code under test's formula; that arithmetic
 * is why this file is over 1,200 lines.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "lc-diary.h"
#include "lc-test-days.h"
#include "lc-routine.h"
#include "lc-trend.h"

#define EPS 1e-9

/* Day numbers (Python: date(2026, 3, 1).toordinal() and so on). */
#define MAR_1    739676u   /* 2026-03-01 */
#define MAR_27   739702u
#define MAR_28   739703u
#define MAR_29   739704u   /* summer time starts: a 23-hour day in Rome */
#define MAR_30   739705u
#define JUN_1    739768u   /* a Monday */
#define JUN_14   739781u   /* a Sunday */
#define OCT_24   739913u
#define OCT_25   739914u   /* summer time ends: a 25-hour day in Rome */
#define OCT_26   739915u

/* --- helpers ------------------------------------------------------------------- */

static GTimeZone *
rome_zone (void)
{
  return g_time_zone_new_identifier ("Europe/Rome");
}

/* Rome: summer time starts on 2026-03-29 at 02:00 and ends on 2026-10-25
 * at 03:00. */
static gint64
rome (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* @count entries on day @number whose values of @measure add up to @sum. */
static void
set_sum (GArray    *days,
         guint32    number,
         LcMeasure  measure,
         double     sum,
         guint      count)
{
  LcDayAggregate *day = lc_test_day_at (days, number);

  day->stats[measure].count = count;
  day->stats[measure].mean = sum / count;
  day->stats[measure].min = day->stats[measure].max = sum / count;
  day->n_entries = MAX (day->n_entries, count);
}

static GArray *
new_days (void)
{
  return g_array_new (FALSE, TRUE, sizeof (LcDayAggregate));
}

#define DAYS(array) ((const LcDayAggregate *) (array)->data), (array)->len

static LcEntry *
make_entry (gint64 taken_at,
            int    heaviness_left,
            int    heaviness_right,
            int    swelling_left,
            int    swelling_right)
{
  LcEntry *entry = lc_entry_new (taken_at);

  entry->heaviness[LC_LEG_LEFT] = heaviness_left;
  entry->heaviness[LC_LEG_RIGHT] = heaviness_right;
  entry->swelling[LC_LEG_LEFT] = swelling_left;
  entry->swelling[LC_LEG_RIGHT] = swelling_right;
  return entry;
}

static LcSessionRecord *
make_session (const char *id,
              const char *name,
              gint64      started_at,
              guint       done,
              guint       total,
              guint       skipped,
              int         before,
              int         after)
{
  LcSessionRecord *record = lc_session_record_new ();

  record->routine_id = g_strdup (id);
  record->routine_name = g_strdup (name);
  record->started_at = started_at;
  record->ended_at = started_at + 600;
  record->steps_done = done;
  record->steps_total = total;
  record->steps_skipped = skipped;
  record->heaviness_before = before;
  record->heaviness_after = after;
  return record;
}

static GPtrArray *
new_sessions (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) lc_session_record_free);
}

static void
assert_sentences (GPtrArray          *sentences,
                  const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < sentences->len; i++)
    g_test_message ("sentence %u: %s", i, (const char *) sentences->pdata[i]);
  g_assert_cmpuint (sentences->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_utf8_validate (sentences->pdata[i], -1, NULL));
      g_assert_cmpstr (sentences->pdata[i], ==, expected[i]);
    }
}

/* --- day numbers --------------------------------------------------------------- */

static void
test_trend_day_number (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, 2026, 3, 29, 0, 30, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);
  LcDayAggregate day = { .year = 2026, .month = 10, .day = 25 };

  g_assert_cmpuint (lc_trend_day_number (1, 1, 1), ==, 1);
  g_assert_cmpuint (lc_trend_day_number (2026, 3, 29), ==, MAR_29);
  g_assert_cmpuint (lc_trend_day_number (2026, 3, 30), ==, MAR_30);
  g_assert_cmpuint (lc_trend_aggregate_day (&day), ==, OCT_25);

  /* 00:30 in Rome is 23:30 UTC on the day before: each its own date. */
  g_assert_cmpuint (lc_trend_date_time_day (local), ==, MAR_29);
  g_assert_cmpuint (lc_trend_date_time_day (utc), ==, MAR_28);
}

/* --- rolling mean -------------------------------------------------------------- */

static void
test_trend_rolling_simple (void)
{
  g_autoptr(GArray) days = new_days ();
  const LcMeasure m = LC_MEASURE_HEAVINESS_LEFT;
  double out[7];
  const double expected[7] = {
    2.0,   /* 2 / 1 */
    3.0,   /* (2 + 4) / 2 */
    4.0,   /* (2 + 4 + 6) / 3 */
    5.0,   /* (2 + 4 + 6 + 8) / 4 */
    6.0,   /* D+6: D..D+6 = (2 + 4 + 6 + 8 + 10) / 5 */
    5.6,   /* D+7: D+1..D+7 = (4 + 6 + 8 + 10 + 0) / 5 = 28 / 5 */
    5.4,   /* D+8: D+2..D+8 = (6 + 8 + 10 + 0 + 3) / 5 = 27 / 5; 3 is one day's mean of 5 entries */
  };

  set_sum (days, MAR_1, m, 2, 1);
  set_sum (days, MAR_1 + 1, m, 4, 1);
  set_sum (days, MAR_1 + 2, m, 6, 1);
  set_sum (days, MAR_1 + 3, m, 8, 1);
  set_sum (days, MAR_1 + 6, m, 10, 1);
  set_sum (days, MAR_1 + 7, m, 0, 1);
  set_sum (days, MAR_1 + 8, m, 15, 5);
  g_assert_cmpuint (days->len, ==, 7);

  lc_trend_rolling_mean (DAYS (days), m, out);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (out[i], expected[i], EPS);
}

static void
test_trend_rolling_gap (void)
{
  g_autoptr(GArray) days = new_days ();
  const LcMeasure m = LC_MEASURE_HEAVINESS_LEFT;
  double out[6];

  set_sum (days, MAR_1, m, 4, 1);
  set_sum (days, MAR_1 + 1, m, 6, 1);
  /* 11 days later: the days before the gap are out of the window */
  set_sum (days, MAR_1 + 12, m, 2, 1);
  /* 3 days later: D+12 is still in the window D+9..D+15 */
  set_sum (days, MAR_1 + 15, m, 8, 1);
  /* A day with swelling only */
  set_sum (days, MAR_1 + 16, LC_MEASURE_SWELLING_LEFT, 5, 1);
  set_sum (days, MAR_1 + 17, m, 5, 1);

  lc_trend_rolling_mean (DAYS (days), m, out);
  g_assert_cmpfloat_with_epsilon (out[0], 4.0, EPS);   /* 4 */
  g_assert_cmpfloat_with_epsilon (out[1], 5.0, EPS);   /* (4 + 6) / 2 */
  g_assert_cmpfloat_with_epsilon (out[2], 2.0, EPS);   /* 2 alone */
  g_assert_cmpfloat_with_epsilon (out[3], 5.0, EPS);   /* (2 + 8) / 2 */
  g_assert_true (isnan (out[4]));                      /* no heaviness */
  g_assert_cmpfloat_with_epsilon (out[5], 5.0, EPS);   /* D+11..D+17: (2 + 8 + 5) / 3 */

  /* The swelling series of the same days: only D+16 has one */
  lc_trend_rolling_mean (DAYS (days), LC_MEASURE_SWELLING_LEFT, out);
  for (guint i = 0; i < 6; i++)
    if (i == 4)
      g_assert_cmpfloat_with_epsilon (out[i], 5.0, EPS);
    else
      g_assert_true (isnan (out[i]));
}

/* A real diary in Rome: entries at 00:30 and 23:30 local time around both
 * changes. Their UTC dates differ from the local ones, and counting 86400 s
 * days from local midnight of 2026-03-27 would put 2026-03-30 00:30 (3 days
 * less 30 minutes later, as that span has a 23-hour day) on 2026-03-29. */
static void
test_trend_rolling_dst (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "legcare",
                                                     "trend.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiary) diary = lc_diary_open (file, &error);
  g_autoptr(GArray) days = NULL;
  struct { int month, day, hour, minute, heaviness; } entries[] = {
    { 3, 27, 12, 0, 1 },
    { 3, 28, 23, 30, 3 },     /* 22:30 UTC */
    { 3, 29, 0, 30, 5 },      /* 23:30 UTC on the 28th */
    { 3, 29, 23, 30, 7 },     /* 21:30 UTC */
    { 3, 30, 0, 30, 9 },      /* 22:30 UTC on the 29th */
    { 10, 24, 23, 30, 2 },    /* 21:30 UTC */
    { 10, 25, 0, 30, 4 },     /* 22:30 UTC on the 24th */
    { 10, 25, 23, 30, 6 },    /* 22:30 UTC */
    { 10, 26, 0, 30, 8 },     /* 23:30 UTC on the 25th */
  };
  struct { guint32 number; double rolling; } expected[] = {
    { MAR_27, 1.0 },            /* 1 */
    { MAR_28, 2.0 },            /* (1 + 3) / 2 */
    { MAR_29, 10.0 / 3 },       /* the day's mean (5 + 7) / 2 = 6; (1 + 3 + 6) / 3 */
    { MAR_30, 4.75 },           /* (1 + 3 + 6 + 9) / 4 = 19 / 4 */
    { OCT_24, 2.0 },            /* March is far: 2 */
    { OCT_25, 3.5 },            /* the day's mean (4 + 6) / 2 = 5; (2 + 5) / 2 */
    { OCT_26, 5.0 },            /* (2 + 5 + 8) / 3 */
  };
  double out[G_N_ELEMENTS (expected)];

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(LcEntry) entry = make_entry (rome (2026, entries[i].month, entries[i].day,
                                                   entries[i].hour, entries[i].minute),
                                             entries[i].heaviness, LC_SCORE_NONE,
                                             LC_SCORE_NONE, LC_SCORE_NONE);

      g_assert_true (lc_diary_add_entry (diary, entry, &error));
      g_assert_no_error (error);
    }

  days = lc_diary_daily_aggregates (diary, rome (2026, 1, 1, 0, 0), rome (2027, 1, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected));

  lc_trend_rolling_mean (DAYS (days), LC_MEASURE_HEAVINESS_LEFT, out);
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpuint (lc_trend_aggregate_day (&g_array_index (days, LcDayAggregate, i)), ==,
                        expected[i].number);
      g_assert_cmpfloat_with_epsilon (out[i], expected[i].rolling, EPS);
    }
}

/* --- means and weeks ----------------------------------------------------------- */

static void
test_trend_mean_between (void)
{
  g_autoptr(GArray) days = new_days ();
  const LcMeasure m = LC_MEASURE_SWELLING_RIGHT;
  LcTrendMean mean;

  set_sum (days, MAR_1, m, 2, 1);
  set_sum (days, MAR_1 + 1, m, 15, 3);
  set_sum (days, MAR_1 + 2, LC_MEASURE_ANKLE_LEFT, 250, 1);
  set_sum (days, MAR_1 + 3, m, 16, 2);

  /* (2 + 15 + 16) / (1 + 3 + 2) = 33 / 6; the mean of daily means would be 5 */
  mean = lc_trend_mean_between (DAYS (days), m, MAR_1, MAR_1 + 3);
  g_assert_cmpuint (mean.n, ==, 6);
  g_assert_cmpfloat_with_epsilon (mean.mean, 5.5, EPS);

  mean = lc_trend_mean_between (DAYS (days), m, MAR_1 + 1, MAR_1 + 2);
  g_assert_cmpuint (mean.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (mean.mean, 5.0, EPS);   /* 15 / 3 */

  mean = lc_trend_mean_between (DAYS (days), m, MAR_1 + 4, MAR_1 + 10);
  g_assert_cmpuint (mean.n, ==, 0);
  mean = lc_trend_mean_between (DAYS (days), m, MAR_1 + 3, MAR_1);
  g_assert_cmpuint (mean.n, ==, 0);
  mean = lc_trend_mean_between (NULL, 0, m, MAR_1, MAR_1 + 3);
  g_assert_cmpuint (mean.n, ==, 0);
}

static void
test_trend_time_of_day (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
  LcTimeOfDay times;
  const int N = LC_SCORE_NONE;

  /* Summer time, UTC+2: 17:00 in Rome is 15:00 UTC, "neither" in UTC. */
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 0, 0), 0, N, N, N));
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 11, 59), 2, 4, 1, N));
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 12, 0), 9, 9, 9, 9));
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 16, 59), 9, 9, 9, 9));
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 17, 0), 6, N, 5, 7));
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 10, 23, 59), 8, 8, N, N));

  lc_trend_time_of_day (entries, tz, &times);
  g_assert_cmpuint (times.morning_heaviness.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (times.morning_heaviness.mean, 2.0, EPS);      /* (0 + 2 + 4) / 3 */
  g_assert_cmpuint (times.evening_heaviness.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (times.evening_heaviness.mean, 22.0 / 3, EPS); /* (6 + 8 + 8) / 3 */
  g_assert_cmpuint (times.morning_swelling.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (times.morning_swelling.mean, 1.0, EPS);
  g_assert_cmpuint (times.evening_swelling.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (times.evening_swelling.mean, 6.0, EPS);       /* (5 + 7) / 2 */

  lc_trend_time_of_day (NULL, tz, &times);
  g_assert_cmpuint (times.morning_heaviness.n + times.evening_heaviness.n +
                    times.morning_swelling.n + times.evening_swelling.n, ==, 0);
}

/* --- sessions ------------------------------------------------------------------ */

static void
test_trend_session_completed (void)
{
  struct { guint done, total, skipped; gboolean completed; } cases[] = {
    { 5, 5, 0, TRUE },
    { 3, 5, 2, TRUE },
    { 3, 5, 1, FALSE },    /* a step neither done nor skipped */
    { 0, 5, 5, FALSE },    /* all skipped */
    { 0, 0, 0, FALSE },
    { 1, 1, 0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LcSessionRecord) record = make_session ("a", "A", 0, cases[i].done, cases[i].total,
                                                        cases[i].skipped, LC_SCORE_NONE, LC_SCORE_NONE);

      g_assert_cmpint (lc_trend_session_completed (record), ==, cases[i].completed);
    }
}

/* A stopped session with no step done is kept, but counts nowhere. */
static void
test_trend_session_counts (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GArray) effects = NULL;
  guint counts[1];

  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 2, 9, 0), 0, 5, 0, 7, 2));
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 3, 9, 0), 0, 5, 5, 6, 1));
  g_assert_false (lc_trend_session_counts (sessions->pdata[0]));
  g_assert_false (lc_trend_session_counts (sessions->pdata[1]));
  g_assert_cmpuint (lc_trend_sessions_per_week (sessions, tz, JUN_1, 1, counts), ==, 0);
  effects = lc_trend_routine_effects (sessions);
  g_assert_cmpuint (effects->len, ==, 0);
  g_clear_pointer (&effects, g_array_unref);

  /* One step done, then stopped: a partial session that counts in the
   * means (not in the sessions per week, which are the completed ones) */
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 4, 9, 0), 1, 5, 0, 5, 3));
  g_assert_true (lc_trend_session_counts (sessions->pdata[2]));
  g_assert_cmpuint (lc_trend_sessions_per_week (sessions, tz, JUN_1, 1, counts), ==, 0);
  effects = lc_trend_routine_effects (sessions);
  g_assert_cmpuint (effects->len, ==, 1);
  g_assert_cmpuint (g_array_index (effects, LcRoutineEffect, 0).n, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (effects, LcRoutineEffect, 0).mean_before, 5.0, EPS);
  g_assert_cmpfloat_with_epsilon (g_array_index (effects, LcRoutineEffect, 0).mean_after, 3.0, EPS);
}

static void
test_trend_sessions_per_week (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) sessions = new_sessions ();
  guint counts[3];

  /* Window 0 is June 1-7, window 1 June 8-14, window 2 June 15-21. */
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 5, 31, 23, 59), 5, 5, 0, -1, -1));
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 1, 0, 0), 5, 5, 0, -1, -1));     /* UTC: May 31 */
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 3, 10, 0), 0, 5, 0, -1, -1));    /* not completed */
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 7, 23, 59), 4, 5, 1, -1, -1));
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 8, 0, 30), 5, 5, 0, -1, -1));    /* UTC: June 7 */
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 14, 23, 30), 5, 5, 0, -1, -1));
  g_ptr_array_add (sessions, make_session ("a", "A", rome (2026, 6, 15, 0, 0), 5, 5, 0, -1, -1));

  memset (counts, 0xff, sizeof counts);
  g_assert_cmpuint (lc_trend_sessions_per_week (sessions, tz, JUN_1, 2, counts), ==, 4);
  g_assert_cmpuint (counts[0], ==, 2);    /* June 1 00:00, June 7 23:59 */
  g_assert_cmpuint (counts[1], ==, 2);    /* June 8 00:30, June 14 23:30 */
  g_assert_cmpuint (counts[2], ==, 0xffffffffu);   /* not touched */

  g_assert_cmpuint (lc_trend_sessions_per_week (sessions, tz, JUN_1, 3, counts), ==, 5);
  g_assert_cmpuint (counts[2], ==, 1);    /* June 15 00:00 */

  g_assert_cmpuint (lc_trend_sessions_per_week (NULL, tz, JUN_1, 3, counts), ==, 0);
  g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, 0);
}

static void
test_trend_routine_effects (void)
{
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GArray) effects = NULL;
  const LcRoutineEffect *effect;
  const gint64 t = rome (2026, 6, 1, 9, 0);
  const int N = LC_SCORE_NONE;

  g_ptr_array_add (sessions, make_session ("calf-pump", "Calf pump", t, 5, 5, 0, 6, 4));
  /* The newest, though not the last in the array; not completed: counts */
  g_ptr_array_add (sessions, make_session ("calf-pump", "Calf Pump", t + 3000, 1, 5, 0, 5, 4));
  /* Stopped before any step was done: not counted, also not for the name */
  g_ptr_array_add (sessions, make_session ("calf-pump", "Stopped at once", t + 4000, 0, 5, 0, 10, 0));
  g_ptr_array_add (sessions, make_session ("stopped", "Only stopped", t, 0, 5, 2, 8, 1));
  g_ptr_array_add (sessions, make_session ("calf-pump", "Calf pump (old)", t + 2000, 5, 5, 0, 7, 3));
  g_ptr_array_add (sessions, make_session ("elevation", "Leg Elevation", t, 5, 5, 0, 3, 3));
  g_ptr_array_add (sessions, make_session ("elevation", "Leg Elevation", t + 1000, 5, 5, 0, 5, 4));
  g_ptr_array_add (sessions, make_session ("massage", "Abdominal breathing", t, 5, 5, 0, 4, 5));
  g_ptr_array_add (sessions, make_session ("massage", "Abdominal breathing", t + 1000, 5, 5, 0, 6, 6));
  /* Rated only once each: ignored, also for the names */
  g_ptr_array_add (sessions, make_session ("ankles", "Ankle circles", t, 5, 5, 0, N, 3));
  g_ptr_array_add (sessions, make_session ("ankles", "Ankle circles", t + 1000, 5, 5, 0, 4, N));
  g_ptr_array_add (sessions, make_session ("massage", "AAA newest but unrated", t + 9000, 5, 5, 0, N, N));

  effects = lc_trend_routine_effects (sessions);
  g_assert_cmpuint (effects->len, ==, 3);

  effect = &g_array_index (effects, LcRoutineEffect, 0);
  g_assert_cmpstr (effect->routine_id, ==, "calf-pump");
  g_assert_cmpstr (effect->routine_name, ==, "Calf Pump");
  g_assert_cmpuint (effect->n, ==, 3);
  g_assert_cmpfloat_with_epsilon (effect->mean_before, 6.0, EPS);          /* (6 + 5 + 7) / 3 */
  g_assert_cmpfloat_with_epsilon (effect->mean_after, 11.0 / 3, EPS);      /* (4 + 4 + 3) / 3 */
  g_assert_cmpfloat_with_epsilon (effect->mean_change, -7.0 / 3, EPS);     /* 11/3 - 18/3 */

  /* Two sessions each: by name */
  effect = &g_array_index (effects, LcRoutineEffect, 1);
  g_assert_cmpstr (effect->routine_id, ==, "massage");
  g_assert_cmpstr (effect->routine_name, ==, "Abdominal breathing");
  g_assert_cmpuint (effect->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (effect->mean_before, 5.0, EPS);          /* (4 + 6) / 2 */
  g_assert_cmpfloat_with_epsilon (effect->mean_after, 5.5, EPS);           /* (5 + 6) / 2 */
  g_assert_cmpfloat_with_epsilon (effect->mean_change, 0.5, EPS);

  effect = &g_array_index (effects, LcRoutineEffect, 2);
  g_assert_cmpstr (effect->routine_id, ==, "elevation");
  g_assert_cmpstr (effect->routine_name, ==, "Leg Elevation");
  g_assert_cmpuint (effect->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (effect->mean_before, 4.0, EPS);          /* (3 + 5) / 2 */
  g_assert_cmpfloat_with_epsilon (effect->mean_after, 3.5, EPS);           /* (3 + 4) / 2 */
  g_assert_cmpfloat_with_epsilon (effect->mean_change, -0.5, EPS);

  g_clear_pointer (&effects, g_array_unref);
  effects = lc_trend_routine_effects (NULL);
  g_assert_cmpuint (effects->len, ==, 0);
}

/* --- red flags ----------------------------------------------------------------- */

static void
set_ankles (GArray  *days,
            guint32  number,
            int      left,
            int      right)
{
  set_sum (days, number, LC_MEASURE_ANKLE_LEFT, left, 1);
  set_sum (days, number, LC_MEASURE_ANKLE_RIGHT, right, 1);
}

static void
set_calves (GArray  *days,
            guint32  number,
            int      left,
            int      right)
{
  set_sum (days, number, LC_MEASURE_CALF_LEFT, left, 1);
  set_sum (days, number, LC_MEASURE_CALF_RIGHT, right, 1);
}

/* The 3 cm rule, on the calves (Wells et al. 1997) */
static void
test_trend_red_flag_calf (void)
{
  const guint32 today = JUN_14;
  LcRedFlagReport report;

  {
    g_autoptr(GArray) days = new_days ();

    /* 365 - 335 = 30 mm, 13 days ago */
    set_calves (days, today - 13, 365, 335);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_CALF_DIFFERENCE);
    g_assert_cmpuint (report.calf_day, ==, today - 13);
    g_assert_cmpfloat (report.calf_mm[LC_LEG_LEFT], ==, 365);
    g_assert_cmpfloat (report.calf_mm[LC_LEG_RIGHT], ==, 335);
    g_assert_cmpint (report.calf_larger, ==, LC_LEG_LEFT);

    /* The same pair 14 days old */
    lc_trend_red_flags_on (DAYS (days), today + 1, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpuint (report.calf_day, ==, 0);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* 364 - 335 = 29 mm */
    set_calves (days, today - 13, 364, 335);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpuint (report.calf_day, ==, today - 13);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* Right larger, daily means of two entries: (339 + 341) / 2 = 340,
     * (369 + 371) / 2 = 370; 30 mm */
    set_sum (days, today, LC_MEASURE_CALF_LEFT, 680, 2);
    set_sum (days, today, LC_MEASURE_CALF_RIGHT, 740, 2);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_CALF_DIFFERENCE);
    g_assert_cmpint (report.calf_larger, ==, LC_LEG_RIGHT);
    g_assert_cmpfloat_with_epsilon (report.calf_mm[LC_LEG_LEFT], 340, EPS);
    g_assert_cmpfloat_with_epsilon (report.calf_mm[LC_LEG_RIGHT], 370, EPS);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* Only the latest pair counts: 40 mm then 5 mm; a left-only day after
     * it is no pair; a later 40 mm pair is after the day asked about. */
    set_calves (days, today - 5, 380, 340);
    set_calves (days, today - 2, 345, 340);
    set_sum (days, today - 1, LC_MEASURE_CALF_LEFT, 400, 1);
    set_calves (days, today + 1, 380, 340);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpuint (report.calf_day, ==, today - 2);

    lc_trend_red_flags_on (DAYS (days), today - 3, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_CALF_DIFFERENCE);
    g_assert_cmpuint (report.calf_day, ==, today - 5);
  }
}

/* The ankles never raise the calf's rule, whatever their difference; a
 * difference between them that is new against the person's own earlier
 * readings (1 cm, the app's heuristic) raises the ankle notice; one that
 * was always there does not. */
static void
test_trend_red_flag_ankle (void)
{
  const guint32 today = JUN_14;
  LcRedFlagReport report;

  /* Any ankle difference, up to the largest ankles can have */
  for (int diff = 0; diff <= LC_ANKLE_MAX_MM - LC_ANKLE_MIN_MM; diff += 7)
    {
      g_autoptr(GArray) days = new_days ();

      set_ankles (days, today, LC_ANKLE_MIN_MM + diff, LC_ANKLE_MIN_MM);
      lc_trend_red_flags_on (DAYS (days), today, &report);
      g_assert_false (report.flags & LC_RED_FLAG_CALF_DIFFERENCE);
      /* No earlier readings: nothing to call new */
      g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
      g_assert_cmpuint (report.ankle_day, ==, today);
      g_assert_cmpuint (report.ankle_baseline_days, ==, 0);
    }

  {
    g_autoptr(GArray) days = new_days ();

    /* Earlier: right minus left 2, 3, 4 mm (mean 3); today 13 mm: 10 mm more */
    set_ankles (days, today - 30, 230, 232);
    set_ankles (days, today - 20, 230, 233);
    set_ankles (days, today - 10, 230, 234);
    set_ankles (days, today, 230, 243);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ANKLE_NEW_DIFFERENCE);
    g_assert_cmpuint (report.ankle_baseline_days, ==, 3);
    g_assert_cmpfloat_with_epsilon (report.ankle_baseline_mm, 3, EPS);
    g_assert_cmpint (report.ankle_larger, ==, LC_LEG_RIGHT);

    /* 12 mm today: 9 mm more, within what the tape can't tell */
    set_ankles (days, today, 230, 242);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);

    /* The other way: left 7 mm larger today, 10 mm from +3 */
    set_ankles (days, today, 237, 230);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ANKLE_NEW_DIFFERENCE);
    g_assert_cmpint (report.ankle_larger, ==, LC_LEG_LEFT);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* A left ankle always 2 cm larger: nothing new */
    for (guint32 d = today - 60; d <= today; d += 5)
      set_ankles (days, d, 250, 230);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpfloat_with_epsilon (report.ankle_baseline_mm, -20, EPS);

    /* Two earlier days only, or the earlier ones over 90 days before */
    g_clear_pointer (&days, g_array_unref);
    days = new_days ();
    set_ankles (days, today - 100, 230, 230);
    set_ankles (days, today - 20, 230, 230);
    set_ankles (days, today - 10, 230, 230);
    set_ankles (days, today, 230, 260);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpuint (report.ankle_baseline_days, ==, 2);
  }
}

/* Baseline days T-16..T-3, recent days T-2..T. */
static void
set_swelling (GArray  *days,
              guint32  number,
              double   left_sum,
              guint    left_count,
              double   right_sum,
              guint    right_count)
{
  if (left_count > 0)
    set_sum (days, number, LC_MEASURE_SWELLING_LEFT, left_sum, left_count);
  if (right_count > 0)
    set_sum (days, number, LC_MEASURE_SWELLING_RIGHT, right_sum, right_count);
}

/* Baseline: left 2 and right 3 on the first and last baseline days and
 * one in between: means 2 and 3. */
static GArray *
swelling_baseline (guint32 today)
{
  GArray *days = new_days ();

  set_swelling (days, today - 16, 2, 1, 3, 1);
  set_swelling (days, today - 10, 2, 1, 3, 1);
  set_swelling (days, today - 3, 2, 1, 3, 1);
  /* Outside both windows */
  set_swelling (days, today - 17, 10, 1, 0, 1);
  return days;
}

static void
test_trend_red_flag_swelling (void)
{
  const guint32 today = JUN_14;
  LcRedFlagReport report;

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Left: recent (5 + 5) / 2 = 5, rise 5 - 2 = 3.0; right: recent
     * (3 + 4) / 2 = 3.5, rise 0.5 */
    set_swelling (days, today - 2, 5, 1, 3, 1);
    set_swelling (days, today, 5, 1, 4, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ONE_LEG_SWELLING);
    g_assert_cmpint (report.swelling_leg, ==, LC_LEG_LEFT);
    g_assert_cmpfloat_with_epsilon (report.swelling_baseline[LC_LEG_LEFT], 2.0, EPS);
    g_assert_cmpfloat_with_epsilon (report.swelling_baseline[LC_LEG_RIGHT], 3.0, EPS);
    g_assert_cmpfloat_with_epsilon (report.swelling_recent[LC_LEG_LEFT], 5.0, EPS);
    g_assert_cmpfloat_with_epsilon (report.swelling_recent[LC_LEG_RIGHT], 3.5, EPS);

    /* As of two days later, the baseline is T-14..T-1: left 2, 2 and 5
     * on T-10, T-3 and T-2 → 9 / 3 = 3; recent T+0..T+2: 5; rise 2. */
    lc_trend_red_flags_on (DAYS (days), today + 2, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Left rise 2.9: ten entries adding up to 49 (4.9) - 2 */
    set_swelling (days, today, 49, 10, 3, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    /* The means are there all the same */
    g_assert_cmpfloat_with_epsilon (report.swelling_recent[LC_LEG_LEFT], 4.9, EPS);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Left rise 3; right: ten entries adding up to 39 → 3.9, rise 0.9 */
    set_swelling (days, today, 5, 1, 39, 10);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ONE_LEG_SWELLING);
    g_assert_cmpint (report.swelling_leg, ==, LC_LEG_LEFT);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Left rise 3; right 4 - 3 = 1.0: both legs swell */
    set_swelling (days, today, 5, 1, 4, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Right leg: 6 - 3 = 3 while left 2 - 2 = 0 */
    set_swelling (days, today - 1, 2, 1, 6, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ONE_LEG_SWELLING);
    g_assert_cmpint (report.swelling_leg, ==, LC_LEG_RIGHT);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* Means that are no exact binary fractions: baseline left (2 + 2 + 3)
     * / 3 = 7/3, recent (5 + 5 + 6) / 3 = 16/3: a rise of exactly 3 */
    set_swelling (days, today - 12, 2, 1, 3, 1);
    set_swelling (days, today - 8, 2, 1, 3, 1);
    set_swelling (days, today - 4, 3, 1, 3, 1);
    set_swelling (days, today - 2, 5, 1, 3, 1);
    set_swelling (days, today - 1, 5, 1, 3, 1);
    set_swelling (days, today, 6, 1, 3, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ONE_LEG_SWELLING);
    g_assert_cmpfloat_with_epsilon (report.swelling_baseline[LC_LEG_LEFT], 7.0 / 3, EPS);
    g_assert_cmpfloat_with_epsilon (report.swelling_recent[LC_LEG_LEFT], 16.0 / 3, EPS);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* Only 2 baseline days: without T-16 (T-17, scored too, is not in it) */
    g_array_remove_index (days, 1);    /* [0] is T-17, [1] T-16 */
    set_swelling (days, today, 5, 1, 3, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
    g_assert_cmpfloat (report.swelling_recent[LC_LEG_LEFT], ==, 0);

    /* A third baseline day with the left leg only is not enough */
    set_swelling (days, today - 7, 2, 1, 0, 0);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);

    /* Both legs on it: 3 days */
    set_swelling (days, today - 7, 2, 1, 3, 1);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_ONE_LEG_SWELLING);
  }

  {
    g_autoptr(GArray) days = swelling_baseline (today);

    /* No right-leg score in the recent days */
    set_swelling (days, today, 8, 1, 0, 0);
    lc_trend_red_flags_on (DAYS (days), today, &report);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_NONE);
  }
}

static void
test_trend_red_flags_to_show (void)
{
  const guint32 a = JUN_1;
  LcRedFlagReport report;

  {
    g_autoptr(GArray) days = new_days ();

    /* One episode: a 40 mm pair on day A flags A..A+13 */
    set_calves (days, a, 380, 340);

    /* Acknowledged on A+2, today A+5: hidden, but in the report */
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 5, a + 2, &report), ==,
                     LC_RED_FLAG_NONE);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_CALF_DIFFERENCE);
    g_assert_cmpuint (report.calf_day, ==, a);
    /* Acknowledged today */
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 5, a + 5, NULL), ==,
                     LC_RED_FLAG_NONE);
    /* Never acknowledged */
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 5, 0, &report), ==,
                     LC_RED_FLAG_CALF_DIFFERENCE);
    /* Acknowledged "after today" (a clock set back): ignored */
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 5, a + 6, &report), ==,
                     LC_RED_FLAG_CALF_DIFFERENCE);
  }

  {
    g_autoptr(GArray) days = new_days ();

    /* Flagged on A, A+1, A+2; a 5 mm pair stops it on A+3 and A+4; a
     * 40 mm pair on A+5 brings it back. */
    set_calves (days, a, 380, 340);
    set_calves (days, a + 3, 345, 340);
    set_calves (days, a + 5, 380, 340);

    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 2, a + 1, &report), ==,
                     LC_RED_FLAG_NONE);
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 6, a + 1, &report), ==,
                     LC_RED_FLAG_CALF_DIFFERENCE);
    /* The new episode acknowledged */
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 6, a + 5, &report), ==,
                     LC_RED_FLAG_NONE);

    /* One leg swelling from A+6 only: baseline A-5..A-3 (left 2, right 3),
     * recent left 6 on A+6. As of A+6 the baseline is A-10..A+3. */
    set_swelling (days, a - 5, 2, 1, 3, 1);
    set_swelling (days, a - 4, 2, 1, 3, 1);
    set_swelling (days, a - 3, 2, 1, 3, 1);
    set_swelling (days, a + 6, 6, 1, 3, 1);
    g_assert_cmpint (lc_trend_red_flags_to_show (DAYS (days), a + 6, a + 5, &report), ==,
                     LC_RED_FLAG_ONE_LEG_SWELLING);
    g_assert_cmpint (report.flags, ==, LC_RED_FLAG_CALF_DIFFERENCE | LC_RED_FLAG_ONE_LEG_SWELLING);
  }
}

/* --- reduce -------------------------------------------------------------------- */

static void
test_trend_reduce (void)
{
  const guint32 day_numbers[10] = { 100, 101, 102, 103, 104, 105, 106, 107, 108, 109 };
  const double values[10] = { 5, 1, 3, 7, 2, 4, 9, 6, 8, 0 };
  g_autoptr(GArray) array = NULL;
  LcTrendColumn *columns;

  /* span 10, 4 columns: column = offset * 4 / 10, so offsets 0-2 → 0,
   * 3-4 → 1 (12/10, 16/10), 5-7 → 2 (20/10, 24/10, 28/10), 8-9 → 3 */
  array = lc_trend_reduce (day_numbers, values, 10, 100, 109, 4);
  g_assert_cmpuint (array->len, ==, 4);
  columns = (LcTrendColumn *) (gpointer) array->data;

  g_assert_cmpuint (columns[0].n, ==, 3);                    /* 5, 1, 3 */
  g_assert_cmpfloat (columns[0].min, ==, 1);
  g_assert_cmpfloat (columns[0].max, ==, 5);
  g_assert_cmpfloat_with_epsilon (columns[0].mean, 3.0, EPS); /* 9 / 3 */
  g_assert_cmpuint (columns[0].first_day, ==, 100);
  g_assert_cmpuint (columns[0].last_day, ==, 102);

  g_assert_cmpuint (columns[1].n, ==, 2);                    /* 7, 2 */
  g_assert_cmpfloat (columns[1].min, ==, 2);
  g_assert_cmpfloat (columns[1].max, ==, 7);
  g_assert_cmpfloat_with_epsilon (columns[1].mean, 4.5, EPS); /* 9 / 2 */
  g_assert_cmpuint (columns[1].first_day, ==, 103);
  g_assert_cmpuint (columns[1].last_day, ==, 104);

  g_assert_cmpuint (columns[2].n, ==, 3);                    /* 4, 9, 6 */
  g_assert_cmpfloat (columns[2].min, ==, 4);
  g_assert_cmpfloat (columns[2].max, ==, 9);
  g_assert_cmpfloat_with_epsilon (columns[2].mean, 19.0 / 3, EPS);
  g_assert_cmpuint (columns[2].first_day, ==, 105);
  g_assert_cmpuint (columns[2].last_day, ==, 107);

  g_assert_cmpuint (columns[3].n, ==, 2);                    /* 8, 0 */
  g_assert_cmpfloat (columns[3].min, ==, 0);
  g_assert_cmpfloat (columns[3].max, ==, 8);
  g_assert_cmpfloat_with_epsilon (columns[3].mean, 4.0, EPS);
  g_assert_cmpuint (columns[3].first_day, ==, 108);
  g_assert_cmpuint (columns[3].last_day, ==, 109);

  /* span 3 < 8 columns: offset 0 → 0, 1 → 8/3 = 2, 2 → 16/3 = 5 */
  g_clear_pointer (&array, g_array_unref);
  array = lc_trend_reduce (day_numbers, values, 10, 100, 102, 8);
  g_assert_cmpuint (array->len, ==, 8);
  columns = (LcTrendColumn *) (gpointer) array->data;
  for (guint c = 0; c < 8; c++)
    {
      if (c == 0 || c == 2 || c == 5)
        {
          g_assert_cmpuint (columns[c].n, ==, 1);
          g_assert_cmpuint (columns[c].first_day, ==, columns[c].last_day);
        }
      else
        {
          g_assert_cmpuint (columns[c].n, ==, 0);
          g_assert_cmpfloat (columns[c].mean, ==, 0);
          g_assert_cmpfloat (columns[c].min, ==, 0);
          g_assert_cmpfloat (columns[c].max, ==, 0);
          g_assert_cmpuint (columns[c].first_day, ==, 0);
        }
    }
  g_assert_cmpfloat (columns[0].mean, ==, 5);
  g_assert_cmpfloat (columns[2].mean, ==, 1);
  g_assert_cmpfloat (columns[5].mean, ==, 3);
  g_assert_cmpuint (columns[5].first_day, ==, 102);
}

static void
test_trend_reduce_skips (void)
{
  /* Out of order, NAN, out of range. Range 100-102 (span 3), 2 columns:
   * offset 0 → 0, 1 → 2/3 = 0, 2 → 4/3 = 1. */
  const guint32 day_numbers[] = { 99, 102, 100, 101, 103, 100, 101 };
  const double values[] = { 100, 6, NAN, 4, 50, 2, NAN };
  g_autoptr(GArray) array = lc_trend_reduce (day_numbers, values, G_N_ELEMENTS (values), 100, 102, 2);
  LcTrendColumn *columns = (LcTrendColumn *) (gpointer) array->data;

  g_assert_cmpuint (array->len, ==, 2);

  g_assert_cmpuint (columns[0].n, ==, 2);                    /* 4 on 101, 2 on 100 */
  g_assert_cmpfloat (columns[0].min, ==, 2);
  g_assert_cmpfloat (columns[0].max, ==, 4);
  g_assert_cmpfloat_with_epsilon (columns[0].mean, 3.0, EPS);
  g_assert_cmpuint (columns[0].first_day, ==, 100);
  g_assert_cmpuint (columns[0].last_day, ==, 101);

  g_assert_cmpuint (columns[1].n, ==, 1);                    /* 6 on 102 */
  g_assert_cmpfloat (columns[1].mean, ==, 6);
  g_assert_cmpuint (columns[1].first_day, ==, 102);

  /* Nothing in range, or no values */
  g_clear_pointer (&array, g_array_unref);
  array = lc_trend_reduce (day_numbers, values, G_N_ELEMENTS (values), 200, 300, 2);
  columns = (LcTrendColumn *) (gpointer) array->data;
  g_assert_cmpuint (columns[0].n, ==, 0);
  g_assert_cmpuint (columns[1].n, ==, 0);
  g_assert_cmpfloat (columns[1].mean, ==, 0);
  g_clear_pointer (&array, g_array_unref);
  array = lc_trend_reduce (NULL, NULL, 0, 100, 102, 2);
  columns = (LcTrendColumn *) (gpointer) array->data;
  g_assert_cmpuint (columns[0].n, ==, 0);
  g_clear_pointer (&array, g_array_unref);
  array = lc_trend_reduce (day_numbers, values, G_N_ELEMENTS (values), 100, 102, 0);
  g_assert_cmpuint (array->len, ==, 0);
}

/* The invariants of a chart's grid for one span and width. */
static void
check_grid (guint32 span,
            double  width)
{
  LcChartGrid grid;
  guint pixels = MAX (1, (guint) width);

  lc_trend_chart_grid (span, width, &grid);

  g_assert_cmpuint (grid.n_sessions, >=, 1);
  g_assert_cmpuint (grid.n_sessions, <=, MIN (span, pixels));
  g_assert_cmpuint (grid.n_values, >=, 1);
  g_assert_cmpuint (grid.n_values, <=, grid.n_sessions);
  g_assert_cmpuint (grid.n_mean, >=, 1);
  g_assert_cmpuint (grid.n_mean, <=, grid.n_values);
  /* A mean vertex every 4 pixels at most, a dense column 2 pixels wide at
   * least, a sparse day 3 pixels apart at least */
  g_assert_cmpuint (grid.n_mean, <=, MAX (1, pixels / 4));
  g_assert_cmpint (grid.weekly, ==, span >= LC_TREND_WEEKLY_SPAN);
  if (grid.weekly)
    {
      /* A week to a column, 3 pixels wide at least */
      g_assert_false (grid.dense);
      g_assert_cmpuint (grid.n_values, <=, (span + 6) / 7);
      g_assert_cmpuint (grid.n_values, <=, MAX (1, pixels / 3));
    }
  else if (grid.dense)
    g_assert_cmpuint (grid.n_values, <=, MAX (1, pixels / 2));
  else
    {
      g_assert_cmpuint (grid.n_values, ==, MIN (span, pixels));
      g_assert_cmpuint (grid.n_values * 3, <=, pixels);
    }
}

/* Reduce @n values on random days of [first, first + span) to @n_columns
 * and check each column against the values. */
static void
check_reduce (GRand   *rand,
              guint32  span,
              guint    n_columns)
{
  guint32 first = 730000 + g_rand_int_range (rand, 0, 1000);
  guint n = g_rand_int_range (rand, 0, MIN (span, 800) + 8);
  g_autofree guint32 *days = g_new (guint32, MAX (n, 1));
  g_autofree double *values = g_new (double, MAX (n, 1));
  g_autoptr(GArray) array = NULL;
  guint in_range = 0, counted = 0;

  for (guint i = 0; i < n; i++)
    {
      /* Some just outside the period, some without a value */
      days[i] = first - 2 + g_rand_int_range (rand, 0, span + 4);
      values[i] = g_rand_double (rand) < 0.1 ? NAN : g_rand_int_range (rand, 0, 11);
      if (!isnan (values[i]) && days[i] >= first && days[i] < first + span)
        in_range++;
    }

  array = lc_trend_reduce (days, values, n, first, first + span - 1, n_columns);
  g_assert_cmpuint (array->len, ==, n_columns);
  for (guint c = 0; c < array->len; c++)
    {
      const LcTrendColumn *column = &g_array_index (array, LcTrendColumn, c);

      counted += column->n;
      if (column->n == 0)
        continue;
      /* Each column holds only the days that belong to it */
      g_assert_cmpuint ((guint64) (column->first_day - first) * n_columns / span, ==, c);
      g_assert_cmpuint ((guint64) (column->last_day - first) * n_columns / span, ==, c);
      g_assert_cmpfloat (column->min, <=, column->mean + EPS);
      g_assert_cmpfloat (column->mean, <=, column->max + EPS);
      g_assert_cmpfloat (column->min, >=, 0);
      g_assert_cmpfloat (column->max, <=, 10);
    }
  /* Every value in range is in exactly one column, and nothing was
   * counted anywhere else. */
  g_assert_cmpuint (counted, ==, in_range);
}

/* Every span 1-4000 days against every plot width 50-4000 px would be 16
 * million charts: the grid's arithmetic is checked on all of them, the
 * reductions on a sampled grid and on random pairs (fixed seed). Run under
 * AddressSanitizer by dev-env test, so a write past a column array shows. */
static void
test_trend_chart_grid_bounds (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  static const double odd_widths[] = { 0, 0.5, 1, 1.99, 2, 3, 49.5, NAN, -3, INFINITY, 1e12 };
  static const guint32 sampled_spans[] = { 1, 2, 3, 7, 13, 14, 30, 31, 90, 92, 180, 365, 366, 400,
                                           427, 731, 1000, 1461, 2000, 3650, 3653, 4000 };

  for (guint32 span = 1; span <= 4000; span++)
    for (guint width = 50; width <= 4000; width++)
      check_grid (span, width);
  for (guint i = 0; i < G_N_ELEMENTS (odd_widths); i++)
    for (guint32 span = 1; span <= 4000; span += 37)
      {
        LcChartGrid grid;

        lc_trend_chart_grid (span, odd_widths[i], &grid);
        g_assert_cmpuint (grid.n_values, >=, 1);
        g_assert_cmpuint (grid.n_values, <=, span);
        g_assert_cmpuint (grid.n_mean, <=, grid.n_values);
        g_assert_cmpuint (grid.n_sessions, <=, span);
      }
  /* No days counts as one */
  {
    LcChartGrid grid;

    lc_trend_chart_grid (0, 100, &grid);
    g_assert_cmpuint (grid.n_values, ==, 1);
    g_assert_cmpuint (grid.n_mean, ==, 1);
    g_assert_cmpuint (grid.n_sessions, ==, 1);
  }

  for (guint i = 0; i < G_N_ELEMENTS (sampled_spans); i++)
    for (guint width = 50; width <= 4000; width = width * 9 / 8 + 1)
      {
        LcChartGrid grid;

        lc_trend_chart_grid (sampled_spans[i], width, &grid);
        check_reduce (rand, sampled_spans[i], grid.n_values);
        check_reduce (rand, sampled_spans[i], grid.n_mean);
        check_reduce (rand, sampled_spans[i], grid.n_sessions);
      }

  for (guint i = 0; i < 3000; i++)
    {
      guint32 span = g_rand_int_range (rand, 1, 4001);
      double width = g_rand_double_range (rand, 50, 4000);
      LcChartGrid grid;

      check_grid (span, width);
      lc_trend_chart_grid (span, width, &grid);
      check_reduce (rand, span, grid.n_values);
      check_reduce (rand, span, grid.n_mean);
      check_reduce (rand, span, grid.n_sessions);
    }
}

/* --- insights ------------------------------------------------------------------ */

static void
add_session_on (GPtrArray  *sessions,
                const char *id,
                const char *name,
                guint32     day,
                gboolean    completed,
                int         before,
                int         after)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* 00:30 local: still the day before in UTC */
  time = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 30, 0);
  g_ptr_array_add (sessions, make_session (id, name, g_date_time_to_unix (time),
                                           /* not completed: stopped after one step */
                                           completed ? 5 : 1, 5, 0,
                                           before, after));
}

/* A period's observations in both voices: mornings against evenings, and
 * each routine with enough rated sessions */
static void
test_trend_insights (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) sentences = NULL;
  const guint32 t = JUN_14;
  const int N = LC_SCORE_NONE;
  const char *expected[] = {
    /* Evening: 6 × (5 + 5) + (6 + 7) = 73 over 14 scores = 5.21; morning:
     * 5 × (3 + 3) + (2 + 2) = 34 over 12 = 2.83 */
    "Your legs feel heavier in the evening than in the morning: 5.2 against 2.8 on average (14 evening and 12 morning scores).",
    /* Swelling (left only): morning 2+2+2+2+3 = 11 / 5 = 2.2, evening
     * 2+3+3+3+2 = 13 / 5 = 2.6: 0.4 apart */
    "Your legs feel about as swollen in the morning as in the evening, with no clear difference: 2.2 and 2.6 on average (5 morning and 5 evening scores).",
    /* before 10 × 5 = 50 → 5.0, after 8 × 3 + 2 × 4 = 32 → 3.2: -1.8 */
    "After “Calf Pump”, your legs felt 1.8 points less heavy on average (10 sessions rated before and after).",
    /* 3 sessions each, by name: before 4, 4, 4, after 5, 5, 6 → +4/3 */
    "After “Leg Elevation”, your legs felt 1.3 points heavier on average (3 sessions rated before and after).",
    /* before 4, 4, 4; after 3, 4, 4 → 11/3 = 3.67: -0.33 */
    "After “Self massage”, heaviness changed by less than a point: 4.0 before and 3.7 after on average (3 sessions rated before and after).",
    NULL
  };
  /* The same figures for the doctor, about the person */
  const char *report[] = {
    "Heaviness was rated higher in the evening than in the morning: 5.2 against 2.8 on average (14 evening and 12 morning scores).",
    "Swelling was rated about the same in the morning and in the evening, with no clear difference: 2.2 and 2.6 on average (5 morning and 5 evening scores).",
    "After “Calf Pump”, heaviness was rated 1.8 points lower on average (10 sessions rated before and after).",
    "After “Leg Elevation”, heaviness was rated 1.3 points higher on average (3 sessions rated before and after).",
    "After “Self massage”, heaviness changed by less than a point: 4.0 before and 3.7 after on average (3 sessions rated before and after).",
    NULL
  };
  /* The last 4 weeks: Leg Elevation's sessions are older */
  const char *recent[] = { expected[0], expected[1], expected[2], expected[4], NULL };

  /* Morning and evening: entries at 08:00 and 20:00, one at 14:00 */
  for (int i = 0; i < 6; i++)
    g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 8, 0), i == 5 ? 2 : 3, i == 5 ? 2 : 3,
                                          i < 4 ? 2 : (i == 4 ? 3 : N), N));
  for (int i = 0; i < 7; i++)
    {
      const int swelling[7] = { 2, 3, 3, 3, 2, N, N };

      g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 20, 0), i == 6 ? 6 : 5, i == 6 ? 7 : 5,
                                            swelling[i], N));
    }
  g_ptr_array_add (entries, make_entry (rome (2026, 6, 3, 14, 0), 10, 10, 10, 10));

  /* Sessions: 10 Calf Pump, every third day from T-27 at 00:30 */
  for (int i = 0; i < 10; i++)
    add_session_on (sessions, "calf-pump", "Calf Pump", t - 27 + 3 * i, TRUE, 5, i < 8 ? 3 : 4);
  add_session_on (sessions, "elevation", "Leg Elevation", t - 28, TRUE, 4, 5);
  add_session_on (sessions, "elevation", "Leg Elevation", t - 40, TRUE, 4, 5);
  add_session_on (sessions, "elevation", "Leg Elevation", t - 41, TRUE, 4, 6);
  /* Not completed: stopped after a step, still rated */
  add_session_on (sessions, "massage", "Self massage", t - 1, FALSE, 4, 3);
  add_session_on (sessions, "massage", "Self massage", t - 2, FALSE, 4, 4);
  add_session_on (sessions, "massage", "Self massage", t - 3, FALSE, 4, 4);
  /* Two rated: too few to say */
  add_session_on (sessions, "ankles", "Ankle circles", t - 40, TRUE, 6, 2);
  add_session_on (sessions, "ankles", "Ankle circles", t - 41, TRUE, 6, 2);

  sentences = lc_trend_period_insights (entries, sessions, tz, t - 59, t, LC_TREND_VOICE_USER);
  assert_sentences (sentences, expected);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  sentences = lc_trend_period_insights (entries, sessions, tz, t - 59, t, LC_TREND_VOICE_REPORT);
  assert_sentences (sentences, report);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  sentences = lc_trend_period_insights (entries, sessions, tz, t - 27, t, LC_TREND_VOICE_USER);
  assert_sentences (sentences, recent);
}

/* One period's observations: its mornings and evenings, and only the
 * routines done in it (by local day: a session at 00:30 in Rome belongs
 * to that day, not to the UTC day before); no week or 4-week sentences */
static void
test_trend_period_insights (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) sentences = NULL;
  const guint32 first = lc_trend_day_number (2026, 6, 1);
  const guint32 last = lc_trend_day_number (2026, 6, 30);
  const int N = LC_SCORE_NONE;
  const char *expected[] = {
    "Your legs feel heavier in the evening than in the morning: 6.0 against 2.0 on average (10 evening and 10 morning scores).",
    "After “Routine A”, your legs felt 2.0 points less heavy on average (3 sessions rated before and after).",
    NULL
  };
  const char *july[] = {
    "After “Routine B”, your legs felt 5.0 points less heavy on average (3 sessions rated before and after).",
    NULL
  };

  for (int i = 0; i < 5; i++)
    {
      g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 8, 0), 2, 2, N, N));
      g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 20, 0), 6, 6, N, N));
    }
  /* Routine A in June, on its first day at 00:30 and on its last */
  add_session_on (sessions, "a", "Routine A", first, TRUE, 6, 4);
  add_session_on (sessions, "a", "Routine A", first + 10, TRUE, 6, 4);
  add_session_on (sessions, "a", "Routine A", last, TRUE, 6, 4);
  /* Routine B the day before and the day after June: not said */
  for (int i = 0; i < 3; i++)
    {
      add_session_on (sessions, "b", "Routine B", first - 1, TRUE, 6, 1);
      add_session_on (sessions, "b", "Routine B", last + 1, TRUE, 6, 1);
    }

  sentences = lc_trend_period_insights (entries, sessions, tz, first, last, LC_TREND_VOICE_USER);
  assert_sentences (sentences, expected);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  /* July: only Routine B's three sessions of 1 July, 00:30 in Rome */
  sentences = lc_trend_period_insights (NULL, sessions, tz, last + 1, last + 31, LC_TREND_VOICE_USER);
  assert_sentences (sentences, july);
}

/* Sitting breaks a day: @n sessions of the Sitting Break routine on @day */
static void
add_breaks_on (GPtrArray *sessions,
               guint32    day,
               guint      n)
{
  for (guint i = 0; i < n; i++)
    add_session_on (sessions, LC_ROUTINE_ID_SITTING_BREAK, "Sitting Break", day, TRUE, -1, -1);
}

/* Evening heaviness on days with more and fewer sitting breaks: the split,
 * what counts, the thresholds of days and of a point, both voices */
static void
test_trend_break_days (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  const guint32 first = lc_trend_day_number (2026, 6, 1);
  const int N = LC_SCORE_NONE;
  LcBreakComparison comparison;

  /* Four days with three breaks and evenings at 3, four with none at 5 */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
    g_autoptr(GPtrArray) sessions = new_sessions ();
    g_autoptr(GPtrArray) sentences = NULL;
    g_autoptr(GPtrArray) report = NULL;
    const char *expected[] = {
      "In the evening, your legs felt less heavy on days with 3 or more sitting breaks: 3.0 against 5.0 on "
      "average (4 and 4 days). Days differ in other ways too, so this does not show that the breaks caused it.",
      NULL
    };
    const char *expected_report[] = {
      "Evening heaviness was rated lower on days with 3 or more sitting breaks: 3.0 against 5.0 on average "
      "(4 and 4 days). Days differ in other ways too, so this does not show that the breaks caused it.",
      NULL
    };

    for (int i = 0; i < 8; i++)
      {
        int score = i < 4 ? 3 : 5;

        g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 19, 0), score, score, N, N));
        add_breaks_on (sessions, first + i, i < 4 ? 3 : 0);
      }
    /* Not counted: a morning entry, breaks on a day without an evening
     * score, another routine's sessions, a break stopped before a step */
    g_ptr_array_add (entries, make_entry (rome (2026, 6, 5, 9, 0), 0, 0, N, N));
    add_breaks_on (sessions, first + 20, 9);
    add_session_on (sessions, "calf-pump-seated", "Calf Pump", first + 5, TRUE, -1, -1);
    add_session_on (sessions, "calf-pump-seated", "Calf Pump", first + 5, TRUE, -1, -1);
    add_session_on (sessions, "calf-pump-seated", "Calf Pump", first + 5, TRUE, -1, -1);
    g_ptr_array_add (sessions, make_session (LC_ROUTINE_ID_SITTING_BREAK, "Sitting Break",
                                             rome (2026, 6, 6, 10, 0), 0, 4, 0, -1, -1));

    g_assert_true (lc_trend_compare_break_days (entries, sessions, tz, first, first + 29, &comparison));
    g_assert_cmpuint (comparison.threshold, ==, 3);
    g_assert_cmpuint (comparison.more_days, ==, 4);
    g_assert_cmpuint (comparison.fewer_days, ==, 4);
    g_assert_cmpfloat_with_epsilon (comparison.more_mean, 3.0, EPS);
    g_assert_cmpfloat_with_epsilon (comparison.fewer_mean, 5.0, EPS);

    sentences = lc_trend_period_insights (entries, sessions, tz, first, first + 29, LC_TREND_VOICE_USER);
    assert_sentences (sentences, expected);
    report = lc_trend_period_insights (entries, sessions, tz, first, first + 29, LC_TREND_VOICE_REPORT);
    assert_sentences (report, expected_report);

    /* The period is respected: only the last five days, one side too small */
    g_assert_false (lc_trend_compare_break_days (entries, sessions, tz, first + 3, first + 29, &comparison));
    g_assert_cmpuint (comparison.more_days, ==, 1);
    g_assert_cmpuint (comparison.fewer_days, ==, 4);
  }

  /* The split that makes the smaller side largest: breaks 0 0 0 1 2 5
   * split at 1 (three and three), not at 2 (four and two) */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
    g_autoptr(GPtrArray) sessions = new_sessions ();
    const guint n_breaks[] = { 0, 0, 0, 1, 2, 5 };

    for (guint i = 0; i < G_N_ELEMENTS (n_breaks); i++)
      {
        g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 21, 0), 4, N, N, N));
        add_breaks_on (sessions, first + i, n_breaks[i]);
      }
    g_assert_true (lc_trend_compare_break_days (entries, sessions, tz, first, first + 29, &comparison));
    g_assert_cmpuint (comparison.threshold, ==, 1);
    g_assert_cmpuint (comparison.more_days, ==, 3);
    g_assert_cmpuint (comparison.fewer_days, ==, 3);
  }

  /* A point apart is clear; 0.9 is not. Two days on a side are too few. */
  {
    const struct { int more; int fewer; guint n_more; gboolean said; const char *start; } cases[] = {
      { 4, 5, 3, TRUE, "In the evening, your legs felt less heavy" },
      { 6, 5, 3, TRUE, "In the evening, your legs felt heavier" },
      { 5, 5, 3, TRUE, "Evening heaviness was about the same" },
      { 4, 5, 2, FALSE, NULL },
    };

    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
        g_autoptr(GPtrArray) sessions = new_sessions ();
        g_autoptr(GPtrArray) sentences = NULL;

        for (guint i = 0; i < cases[c].n_more + 3; i++)
          {
            gboolean more = i < cases[c].n_more;

            g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 18, 0),
                                                  more ? cases[c].more : cases[c].fewer, N, N, N));
            add_breaks_on (sessions, first + i, more ? 2 : 0);
          }
        sentences = lc_trend_period_insights (entries, sessions, tz, first, first + 29, LC_TREND_VOICE_USER);
        g_assert_cmpuint (sentences->len, ==, cases[c].said ? 1 : 0);
        if (cases[c].said)
          g_assert_true (g_str_has_prefix (sentences->pdata[0], cases[c].start));
      }

    /* 0.9 apart: 4.1 against 5.0 */
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
      g_autoptr(GPtrArray) sessions = new_sessions ();
      g_autoptr(GPtrArray) sentences = NULL;
      /* The "more" days' evenings: nine at 4 and one at 5, a mean of 4.1 */
      const int more_left[] = { 4, 4, 4, 4, 5, 4, 4, 4, 4, 4 };

      for (guint i = 0; i < G_N_ELEMENTS (more_left); i++)
        {
          g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 18, 0), more_left[i], N, N, N));
          add_breaks_on (sessions, first + i, 2);
        }
      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (entries, make_entry (rome (2026, 6, 20 + i, 18, 0), 5, N, N, N));
      sentences = lc_trend_period_insights (entries, sessions, tz, first, first + 29, LC_TREND_VOICE_USER);
      g_assert_cmpuint (sentences->len, ==, 1);
      g_assert_true (g_str_has_prefix (sentences->pdata[0], "Evening heaviness was about the same"));
      g_assert_nonnull (strstr (sentences->pdata[0], "4.1 and 5.0"));
    }
  }
}

/* Seeded random months: the split checked against every other split */
static void
test_trend_break_days_random (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const guint32 first = lc_trend_day_number (2026, 3, 1);

  g_test_message ("seed %u", seed);
  for (guint run = 0; run < 200; run++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
      g_autoptr(GPtrArray) sessions = new_sessions ();
      guint n_days = g_rand_int_range (rand, 0, 40);
      guint breaks[40] = { 0 };
      gboolean evening[40] = { FALSE };
      guint n_evenings = 0;
      LcBreakComparison comparison;
      gboolean enough;
      guint best = 0;

      for (guint i = 0; i < n_days; i++)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, first + i);
          breaks[i] = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 9);
          add_breaks_on (sessions, first + i, breaks[i]);
          evening[i] = g_rand_int_range (rand, 0, 4) != 0;
          if (evening[i])
            {
              n_evenings++;
              g_ptr_array_add (entries, make_entry (rome (g_date_get_year (&date), g_date_get_month (&date),
                                                          g_date_get_day (&date), g_rand_int_range (rand, 17, 24), 0),
                                                    g_rand_int_range (rand, 0, 11), LC_SCORE_NONE, LC_SCORE_NONE,
                                                    LC_SCORE_NONE));
            }
        }

      enough = lc_trend_compare_break_days (entries, sessions, tz, first, first + 60, &comparison);

      /* Brute force: the best smaller side over every threshold */
      for (guint t = 1; t <= 9; t++)
        {
          guint more = 0;
          guint fewer = 0;

          for (guint i = 0; i < n_days; i++)
            if (evening[i])
              {
                if (breaks[i] >= t)
                  more++;
                else
                  fewer++;
              }
          best = MAX (best, MIN (more, fewer));
        }

      g_assert_cmpint (enough, ==, best >= LC_TREND_MIN_BREAK_DAYS);
      if (best == 0)
        continue;
      g_assert_cmpuint (comparison.more_days + comparison.fewer_days, ==, n_evenings);
      g_assert_cmpuint (MIN (comparison.more_days, comparison.fewer_days), ==, best);
      {
        guint more = 0;

        for (guint i = 0; i < n_days; i++)
          if (evening[i] && breaks[i] >= comparison.threshold)
            more++;
        g_assert_cmpuint (comparison.more_days, ==, more);
        g_assert_cmpuint (comparison.threshold, >=, 1);
      }
      g_assert_true (comparison.more_mean >= 0 && comparison.more_mean <= 10);
      g_assert_true (comparison.fewer_mean >= 0 && comparison.fewer_mean <= 10);
    }
}

/* Each rule at its limits: one value too few, and exactly one point */
static void
test_trend_insights_thresholds (void)
{
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_entry_free);
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) sentences = NULL;
  const guint32 t = JUN_14;
  const int N = LC_SCORE_NONE;
  const char *expected[] = {
    /* Heaviness: 4 morning scores, one too few. Swelling: 5 and 5 scores,
     * 15/5 = 3.0 against 10/5 = 2.0: exactly one point */
    "Your legs feel more swollen in the evening than in the morning: 3.0 against 2.0 on average (5 evening and 5 morning scores). Swelling usually rises through the day.",
    /* 10 sessions: before 50/10 = 5.0, after 41/10 = 4.1: -0.9 */
    "After “Routine B”, heaviness changed by less than a point: 5.0 before and 4.1 after on average (10 sessions rated before and after).",
    /* 3 sessions: 5 → 4 each time: exactly -1.0 */
    "After “Routine A”, your legs felt 1.0 points less heavy on average (3 sessions rated before and after).",
    NULL
  };
  const char *report[] = {
    "Swelling was rated higher in the evening than in the morning: 3.0 against 2.0 on average (5 evening and 5 morning scores). Swelling usually rises through the day.",
    "After “Routine B”, heaviness changed by less than a point: 5.0 before and 4.1 after on average (10 sessions rated before and after).",
    "After “Routine A”, heaviness was rated 1.0 points lower on average (3 sessions rated before and after).",
    NULL
  };
  const char *nothing[] = { NULL };

  /* Mornings: heaviness of the left leg only on 4 entries; swelling 2 on 5 */
  for (int i = 0; i < 5; i++)
    g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 7, 0), i < 4 ? 1 : N, N, 2, N));
  for (int i = 0; i < 5; i++)
    g_ptr_array_add (entries, make_entry (rome (2026, 6, 1 + i, 21, 0), 8, 8, 3, N));

  /* All sessions 5 weeks ago */
  for (int i = 0; i < 10; i++)
    add_session_on (sessions, "b", "Routine B", t - 35, TRUE, 5, i == 0 ? 5 : 4);
  for (int i = 0; i < 3; i++)
    add_session_on (sessions, "a", "Routine A", t - 36, TRUE, 5, 4);
  add_session_on (sessions, "c", "Routine C", t - 36, TRUE, 5, 1);
  add_session_on (sessions, "c", "Routine C", t - 36, TRUE, 5, 1);

  sentences = lc_trend_period_insights (entries, sessions, tz, t - 59, t, LC_TREND_VOICE_USER);
  assert_sentences (sentences, expected);
  g_clear_pointer (&sentences, g_ptr_array_unref);
  sentences = lc_trend_period_insights (entries, sessions, tz, t - 59, t, LC_TREND_VOICE_REPORT);
  assert_sentences (sentences, report);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  /* Sessions, none rated */
  g_ptr_array_set_size (sessions, 0);
  add_session_on (sessions, "b", "Routine B", t - 28, TRUE, N, N);
  sentences = lc_trend_period_insights (NULL, sessions, tz, t - 59, t, LC_TREND_VOICE_USER);
  assert_sentences (sentences, nothing);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  /* Nothing at all */
  sentences = lc_trend_period_insights (NULL, NULL, tz, t - 59, t, LC_TREND_VOICE_REPORT);
  assert_sentences (sentences, nothing);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days are Rome's, for the diary's SQLite too. No setlocale():
   * the C locale, so the sentences are the English originals with "." in
   * numbers. */
  g_setenv ("TZ", "Europe/Rome", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/trend/day-number", test_trend_day_number);
  g_test_add_func ("/lc/trend/rolling-mean/simple", test_trend_rolling_simple);
  g_test_add_func ("/lc/trend/rolling-mean/gap", test_trend_rolling_gap);
  g_test_add_func ("/lc/trend/rolling-mean/dst", test_trend_rolling_dst);
  g_test_add_func ("/lc/trend/mean-between", test_trend_mean_between);
  g_test_add_func ("/lc/trend/time-of-day", test_trend_time_of_day);
  g_test_add_func ("/lc/trend/session-completed", test_trend_session_completed);
  g_test_add_func ("/lc/trend/session-counts", test_trend_session_counts);
  g_test_add_func ("/lc/trend/sessions-per-week", test_trend_sessions_per_week);
  g_test_add_func ("/lc/trend/routine-effects", test_trend_routine_effects);
  g_test_add_func ("/lc/trend/red-flag/calf", test_trend_red_flag_calf);
  g_test_add_func ("/lc/trend/red-flag/ankle", test_trend_red_flag_ankle);
  g_test_add_func ("/lc/trend/red-flag/swelling", test_trend_red_flag_swelling);
  g_test_add_func ("/lc/trend/red-flag/to-show", test_trend_red_flags_to_show);
  g_test_add_func ("/lc/trend/reduce", test_trend_reduce);
  g_test_add_func ("/lc/trend/reduce-skips", test_trend_reduce_skips);
  g_test_add_func ("/lc/trend/chart-grid-bounds", test_trend_chart_grid_bounds);
  g_test_add_func ("/lc/trend/insights", test_trend_insights);
  g_test_add_func ("/lc/trend/insights-thresholds", test_trend_insights_thresholds);
  g_test_add_func ("/lc/trend/period-insights", test_trend_period_insights);
  g_test_add_func ("/lc/trend/break-days", test_trend_break_days);
  g_test_add_func ("/lc/trend/break-days-random", test_trend_break_days_random);

  return g_test_run ();
}
