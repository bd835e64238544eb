/* test-period.c: the Trends page's periods, and what a period sums up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every day of five years (two leap years) in every kind of period and
 * with three first weekdays, plus seeded random steps; the names of
 * periods; the summary of a span of days and when a change is clear.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "lc-period.h"
#include "lc-trend.h"

static guint32
day_of (int year,
        int month,
        int day)
{
  return lc_trend_day_number (year, month, day);
}

static GDate
date_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return date;
}

static const GDateWeekday weekdays[] = { G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_SATURDAY };

/* Every day from 2024 to 2028 in every kind: the period holds the day,
 * starts where its kind starts, is as long as its kind, and its neighbours
 * touch it. */
static void
test_period_grid (void)
{
  guint32 first = day_of (2024, 1, 1);
  guint32 last = day_of (2028, 12, 31);

  for (guint w = 0; w < G_N_ELEMENTS (weekdays); w++)
    for (guint32 day = first; day <= last; day++)
      for (int kind = 0; kind < LC_PERIOD_ALL; kind++)
        {
          LcPeriod period = lc_period_around ((LcPeriodKind) kind, day, weekdays[w], 0);
          LcPeriod before = lc_period_step (&period, -1, weekdays[w]);
          LcPeriod after = lc_period_step (&period, 1, weekdays[w]);
          LcPeriod back = lc_period_step (&before, 1, weekdays[w]);
          GDate start = date_of (period.first_day);
          GDate end = date_of (period.last_day);
          guint n = lc_period_n_days (&period);

          g_assert_cmpint (period.kind, ==, kind);
          g_assert_true (lc_period_contains (&period, day));
          g_assert_cmpuint (before.last_day + 1, ==, period.first_day);
          g_assert_cmpuint (after.first_day, ==, period.last_day + 1);
          g_assert_cmpuint (back.first_day, ==, period.first_day);
          g_assert_cmpuint (back.last_day, ==, period.last_day);

          switch (kind)
            {
            case LC_PERIOD_WEEK:
              g_assert_cmpuint (n, ==, 7);
              g_assert_cmpint (g_date_get_weekday (&start), ==, weekdays[w]);
              break;
            case LC_PERIOD_MONTH:
              g_assert_cmpuint (g_date_get_day (&start), ==, 1);
              g_assert_cmpuint (n, ==, g_date_get_days_in_month (g_date_get_month (&start), g_date_get_year (&start)));
              g_assert_cmpint (g_date_get_month (&start), ==, g_date_get_month (&end));
              break;
            case LC_PERIOD_THREE_MONTHS:
              {
                GDate the_day = date_of (day);

                g_assert_cmpuint (g_date_get_day (&start), ==, 1);
                g_assert_true (g_date_is_last_of_month (&end));
                g_assert_cmpuint (n, >=, 89);
                g_assert_cmpuint (n, <=, 92);
                /* The three months end with the day's month */
                g_assert_cmpint (g_date_get_month (&end), ==, g_date_get_month (&the_day));
              }
              break;
            case LC_PERIOD_YEAR:
              g_assert_cmpuint (g_date_get_day_of_year (&start), ==, 1);
              g_assert_cmpuint (n, ==, g_date_is_leap_year (g_date_get_year (&start)) ? 366 : 365);
              break;
            default:
              g_assert_not_reached ();
            }
        }
}

/* Many steps at once are the same as one step many times */
static void
test_period_random_steps (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);

  for (guint i = 0; i < 2000; i++)
    {
      LcPeriodKind kind = (LcPeriodKind) g_rand_int_range (rand, 0, LC_PERIOD_ALL);
      guint32 day = day_of (2000, 1, 1) + (guint32) g_rand_int_range (rand, 0, 365 * 40);
      GDateWeekday weekday = weekdays[g_rand_int_range (rand, 0, G_N_ELEMENTS (weekdays))];
      int steps = g_rand_int_range (rand, -40, 41);
      LcPeriod period = lc_period_around (kind, day, weekday, 0);
      LcPeriod jumped = lc_period_step (&period, steps, weekday);
      LcPeriod walked = period;

      for (int s = 0; s < ABS (steps); s++)
        walked = lc_period_step (&walked, steps > 0 ? 1 : -1, weekday);
      g_assert_cmpuint (jumped.first_day, ==, walked.first_day);
      g_assert_cmpuint (jumped.last_day, ==, walked.last_day);
    }
}

/* All of the diary: from its first day to the day asked for; no steps */
static void
test_period_all (void)
{
  guint32 today = day_of (2026, 12, 5);
  LcPeriod all = lc_period_around (LC_PERIOD_ALL, today, G_DATE_MONDAY, day_of (2025, 3, 3));
  LcPeriod stepped = lc_period_step (&all, -1, G_DATE_MONDAY);
  LcPeriod empty = lc_period_around (LC_PERIOD_ALL, today, G_DATE_MONDAY, 0);

  g_assert_cmpuint (all.first_day, ==, day_of (2025, 3, 3));
  g_assert_cmpuint (all.last_day, ==, today);
  g_assert_cmpuint (stepped.first_day, ==, all.first_day);
  g_assert_cmpuint (stepped.last_day, ==, all.last_day);
  g_assert_cmpuint (empty.first_day, ==, today);
  g_assert_cmpuint (lc_period_n_days (&empty), ==, 1);
}

static void
test_period_names (void)
{
  static const struct
  {
    LcPeriodKind kind;
    int          year, month, day;
    const char  *name;
  } cases[] = {
    { LC_PERIOD_WEEK, 2026, 12, 4, "30 Nov – 6 Dec 2026" },
    { LC_PERIOD_WEEK, 2026, 12, 30, "28 Dec 2026 – 3 Jan 2027" },
    { LC_PERIOD_MONTH, 2026, 11, 17, "November 2026" },
    { LC_PERIOD_MONTH, 2024, 2, 29, "February 2024" },
    { LC_PERIOD_THREE_MONTHS, 2026, 11, 1, "September – November 2026" },
    { LC_PERIOD_THREE_MONTHS, 2027, 1, 31, "November 2026 – January 2027" },
    { LC_PERIOD_YEAR, 2026, 6, 1, "2026" },
    { LC_PERIOD_ALL, 2026, 12, 5, "Since 3 March 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcPeriod period = lc_period_around (cases[i].kind, day_of (cases[i].year, cases[i].month, cases[i].day),
                                          G_DATE_MONDAY, day_of (2025, 3, 3));
      g_autofree char *name = lc_period_format (&period);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* The settings' names, both ways; a stranger is no kind */
static void
test_period_kind_names (void)
{
  LcPeriodKind kind = LC_N_PERIOD_KINDS;

  for (int k = 0; k < LC_N_PERIOD_KINDS; k++)
    {
      g_assert_true (lc_period_kind_from_string (lc_period_kind_to_string ((LcPeriodKind) k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_false (lc_period_kind_from_string ("2w", &kind));
  g_assert_false (lc_period_kind_from_string (NULL, &kind));
}

/* The locale's first weekday, where the locale is installed */
static void
test_period_locale_weekday (void)
{
  static const struct { const char *locale; GDateWeekday first; } cases[] = {
    { "de_DE.UTF-8", G_DATE_MONDAY },
    { "it_IT.UTF-8", G_DATE_MONDAY },
    { "en_US.UTF-8", G_DATE_SUNDAY },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  guint tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_TIME, cases[i].locale) == NULL)
        continue;
      tried++;
      g_assert_cmpint (lc_period_locale_first_weekday (), ==, cases[i].first);
    }
  setlocale (LC_TIME, saved);
  if (tried == 0)
    g_test_skip ("none of the locales is installed");
}

static void
add_day (GArray  *days,
         guint32  day_number,
         guint    n_entries,
         double   heaviness_left,
         double   heaviness_right)
{
  GDate date = date_of (day_number);
  LcDayAggregate day = { 0 };

  day.year = g_date_get_year (&date);
  day.month = g_date_get_month (&date);
  day.day = g_date_get_day (&date);
  day.n_entries = n_entries;
  day.stats[LC_MEASURE_HEAVINESS_LEFT] = (LcStat) { n_entries, heaviness_left, heaviness_left, heaviness_left };
  day.stats[LC_MEASURE_HEAVINESS_RIGHT] = (LcStat) { n_entries, heaviness_right, heaviness_right, heaviness_right };
  g_array_append_val (days, day);
}

static LcSessionRecord *
session_at (GTimeZone *tz,
            int        year,
            int        month,
            int        day,
            int        hour,
            int        minute,
            guint      steps_done)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);
  LcSessionRecord *record = lc_session_record_new ();

  record->routine_id = g_strdup ("leg-elevation");
  record->routine_name = g_strdup ("Leg Elevation");
  record->started_at = g_date_time_to_unix (time);
  record->ended_at = record->started_at + 600;
  record->steps_total = 4;
  record->steps_done = steps_done;
  return record;
}

/* A month: its means, its logged days, its sessions by local day (one on
 * the night the clocks go forward, one just past the month, one that did
 * no step) */
static void
test_period_summary (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (LcDayAggregate));
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_session_record_free);
  LcPeriod march = lc_period_around (LC_PERIOD_MONTH, day_of (2026, 3, 15), G_DATE_MONDAY, 0);
  LcTrendSummary summary;

  g_assert_nonnull (tz);
  /* February's last day, three March days (one with two entries), April's first */
  add_day (days, day_of (2026, 2, 28), 1, 9, 9);
  add_day (days, day_of (2026, 3, 1), 1, 2, 3);
  add_day (days, day_of (2026, 3, 29), 2, 4, 6);
  add_day (days, day_of (2026, 3, 31), 1, 6, 6);
  add_day (days, day_of (2026, 4, 1), 1, 10, 10);
  g_ptr_array_add (sessions, session_at (tz, 2026, 3, 29, 0, 30, 2));
  g_ptr_array_add (sessions, session_at (tz, 2026, 3, 29, 3, 30, 4));
  g_ptr_array_add (sessions, session_at (tz, 2026, 3, 31, 23, 59, 1));
  g_ptr_array_add (sessions, session_at (tz, 2026, 3, 30, 8, 0, 0));
  g_ptr_array_add (sessions, session_at (tz, 2026, 4, 1, 0, 1, 3));

  lc_trend_summarize ((const LcDayAggregate *) (gpointer) days->data, days->len, sessions, tz,
                      march.first_day, march.last_day, &summary);
  g_assert_cmpuint (summary.days_logged, ==, 3);
  g_assert_cmpuint (summary.sessions, ==, 3);
  g_assert_cmpuint (summary.session_days, ==, 2);
  /* Entries weighted: (2 + 4 + 4 + 6) / 4 */
  g_assert_cmpuint (summary.means[LC_MEASURE_HEAVINESS_LEFT].n, ==, 4);
  g_assert_cmpfloat_with_epsilon (summary.means[LC_MEASURE_HEAVINESS_LEFT].mean, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.means[LC_MEASURE_HEAVINESS_RIGHT].mean, 21.0 / 4, 1e-9);
  g_assert_cmpuint (summary.means[LC_MEASURE_SWELLING_LEFT].n, ==, 0);
  /* The lowest and highest entered: February's 9 and April's 10 are not */
  g_assert_cmpfloat (summary.min[LC_MEASURE_HEAVINESS_LEFT], ==, 2);
  g_assert_cmpfloat (summary.max[LC_MEASURE_HEAVINESS_LEFT], ==, 6);
  g_assert_cmpfloat (summary.min[LC_MEASURE_HEAVINESS_RIGHT], ==, 3);
  g_assert_true (isnan (summary.min[LC_MEASURE_SWELLING_LEFT]));

  /* Nothing in a period without entries */
  {
    LcPeriod january = lc_period_around (LC_PERIOD_MONTH, day_of (2026, 1, 10), G_DATE_MONDAY, 0);

    lc_trend_summarize ((const LcDayAggregate *) (gpointer) days->data, days->len, sessions, tz,
                        january.first_day, january.last_day, &summary);
    g_assert_cmpuint (summary.days_logged, ==, 0);
    g_assert_cmpuint (summary.sessions, ==, 0);
    g_assert_cmpuint (summary.means[LC_MEASURE_HEAVINESS_LEFT].n, ==, 0);
  }
}

/* A clear change is one point or more between the means as shown; a mean
 * of fewer than three values compares with nothing */
static void
test_period_change (void)
{
  static const struct
  {
    guint         n_before;
    double        before;
    guint         n_now;
    double        now;
    LcTrendChange change;
  } cases[] = {
    { 3, 5.0, 3, 4.0, LC_TREND_CHANGE_LOWER },
    { 3, 5.0, 3, 6.0, LC_TREND_CHANGE_HIGHER },
    { 3, 5.0, 3, 4.1, LC_TREND_CHANGE_NONE },
    /* 5.14 and 4.16 are shown as 5.1 and 4.2: 0.9 apart, no clear change */
    { 10, 5.14, 10, 4.16, LC_TREND_CHANGE_NONE },
    /* 5.06 and 4.04 are shown as 5.1 and 4.0 */
    { 10, 5.06, 10, 4.04, LC_TREND_CHANGE_LOWER },
    { 2, 9.0, 10, 1.0, LC_TREND_CHANGE_UNKNOWN },
    { 10, 9.0, 0, 0.0, LC_TREND_CHANGE_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcTrendMean before = { cases[i].n_before, cases[i].before };
      LcTrendMean now = { cases[i].n_now, cases[i].now };

      g_assert_cmpint (lc_trend_score_change (&before, &now), ==, cases[i].change);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Names in English, whatever the machine's locale */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/lc/period/grid", test_period_grid);
  g_test_add_func ("/lc/period/random-steps", test_period_random_steps);
  g_test_add_func ("/lc/period/all", test_period_all);
  g_test_add_func ("/lc/period/names", test_period_names);
  g_test_add_func ("/lc/period/kind-names", test_period_kind_names);
  g_test_add_func ("/lc/period/locale-weekday", test_period_locale_weekday);
  g_test_add_func ("/lc/period/summary", test_period_summary);
  g_test_add_func ("/lc/period/change", test_period_change);

  return g_test_run ();
}
