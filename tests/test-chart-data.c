/* test-chart-data.c: what a chart shows and says, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-made cases with every expected value written out, then a sweep of
 * periods and densities and seeded random diaries checked against a
 * reference computed here day by day (not with lc_trend's formulas).
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "lc-chart-data.h"
#include "lc-diary.h"
#include "lc-enum-types.h"
#include "lc-format.h"
#include "lc-limb-volume.h"
#include "lc-routine.h"
#include "lc-session.h"
#include "lc-test-days.h"
#include "lc-trend.h"

#define EPS 1e-9

/* Day numbers (Python: date(2026, 3, 1).toordinal() and so on). */
#define MAR_1    739676u   /* 2026-03-01, a Sunday */
#define MAR_27   739702u
#define MAR_28   739703u
#define MAR_29   739704u   /* summer time starts: a 23-hour day in Rome */
#define MAR_30   739705u
#define OCT_24   739913u
#define OCT_25   739914u   /* summer time ends: a 25-hour day in Rome */
#define OCT_26   739915u

/* --- helpers ------------------------------------------------------------------- */

static gint64
rome (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Rome");
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static GArray *
new_days (void)
{
  return g_array_new (FALSE, TRUE, sizeof (LcDayAggregate));
}

static void
set_value (GArray    *days,
           guint32    number,
           LcMeasure  measure,
           double     mean)
{
  LcDayAggregate *day = lc_test_day_at (days, number);

  day->stats[measure].count = 1;
  day->stats[measure].mean = day->stats[measure].min = day->stats[measure].max = mean;
  day->n_entries = MAX (day->n_entries, 1);
}

static GPtrArray *
new_sessions (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) lc_session_record_free);
}

static void
add_session (GPtrArray *sessions,
             gint64     started_at,
             gboolean   completed)
{
  LcSessionRecord *record = lc_session_record_new ();

  record->routine_id = g_strdup ("calf-pump-seated");
  record->routine_name = g_strdup ("Calf pump at the desk");
  record->started_at = started_at;
  record->ended_at = started_at + 600;
  record->steps_total = 4;
  record->steps_done = completed ? 4 : 2;
  g_ptr_array_add (sessions, record);
}

static GTimeZone *
rome_zone (void)
{
  return g_time_zone_new_identifier ("Europe/Rome");
}

static void
assert_value (LcChartData   *data,
              LcChartKind    kind,
              LcChartSeries  series,
              guint32        day,
              double         expected_value,
              double         expected_rolling)
{
  double value, rolling;
  gboolean has = lc_chart_data_get_value (data, kind, series, day, &value, &rolling);

  if (isnan (expected_value))
    {
      g_assert_false (has);
      g_assert_true (isnan (value));
      return;
    }

  g_assert_true (has);
  g_assert_cmpfloat_with_epsilon (value, expected_value, EPS);
  if (isnan (expected_rolling))
    g_assert_true (isnan (rolling));
  else
    g_assert_cmpfloat_with_epsilon (rolling, expected_rolling, EPS);
}

static void
assert_description (char       *text,
                    const char *expected)
{
  g_autofree char *owned = text;

  g_assert_true (g_utf8_validate (owned, -1, NULL));
  g_assert_cmpstr (owned, ==, expected);
}

/* --- hand-made cases ----------------------------------------------------------- */

static void
test_chart_data_empty (void)
{
  g_autoptr(GArray) days = new_days ();
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(LcChartData) data = lc_chart_data_new (days, NULL, tz, MAR_1, MAR_1 + 13);
  LcChartAxis axis;
  guint n_days = 99;

  g_assert_cmpuint (lc_chart_data_get_first_day (data), ==, MAR_1);
  g_assert_cmpuint (lc_chart_data_get_last_day (data), ==, MAR_1 + 13);
  g_assert_nonnull (lc_chart_data_get_days (data, &n_days));
  g_assert_cmpuint (n_days, ==, 0);
  for (LcChartKind kind = 0; kind < LC_N_CHART_KINDS; kind++)
    {
      g_assert_cmpuint (lc_chart_data_count_days (data, kind), ==, 0);
      g_assert_false (lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, MAR_1, NULL, NULL));
      g_assert_cmpuint (lc_chart_data_nearest_day (data, kind, MAR_1 + 5, 100), ==, 0);
      g_assert_cmpuint (lc_chart_data_next_day (data, kind, 0, 1), ==, 0);
      g_assert_cmpuint (lc_chart_data_next_day (data, kind, G_MAXUINT32, -1), ==, 0);
    }
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1), ==, 0);
  g_assert_cmpuint (lc_chart_data_count_session_days (data), ==, 0);

  assert_description (lc_chart_describe (data, LC_CHART_HEAVINESS, FALSE),
                      "Heaviness from 1 March 2026 to 14 March 2026. No entries in this period.");
  assert_description (lc_chart_describe (data, LC_CHART_ANKLE, TRUE),
                      "Ankle Circumference from 1 March 2026 to 14 March 2026. No entries in this period.");
  assert_description (lc_chart_describe_day (data, LC_CHART_SWELLING, FALSE, MAR_1),
                      "Sunday, 1 March 2026: no entry");

  /* Scores: 0 to 10, lines every 2 or, when low, every 5 */
  lc_chart_data_value_axis (data, LC_CHART_HEAVINESS, FALSE, 200, &axis);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 10);
  g_assert_cmpfloat (axis.step, ==, 2);
  lc_chart_data_value_axis (data, LC_CHART_SWELLING, TRUE, 100, &axis);
  g_assert_cmpfloat (axis.step, ==, 5);
  /* Ankles without values: 20-25 cm, a centimetre more either side */
  lc_chart_data_value_axis (data, LC_CHART_ANKLE, FALSE, 200, &axis);
  g_assert_cmpfloat (axis.min, ==, 19);
  g_assert_cmpfloat (axis.max, ==, 26);
  g_assert_cmpfloat (axis.step, ==, 1);
}

/* Feb 27 (before the range) left 4; Mar 1 left 6, right 2, ankles 235 and
 * 240 mm; Mar 2 right 5; Mar 10 both 3. Range Mar 1-14. */
static LcChartData *
make_small (void)
{
  g_autoptr(GArray) days = new_days ();
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GTimeZone) tz = rome_zone ();

  set_value (days, MAR_1 - 2, LC_MEASURE_HEAVINESS_LEFT, 4);
  set_value (days, MAR_1, LC_MEASURE_HEAVINESS_LEFT, 6);
  set_value (days, MAR_1, LC_MEASURE_HEAVINESS_RIGHT, 2);
  set_value (days, MAR_1, LC_MEASURE_ANKLE_LEFT, 235);
  set_value (days, MAR_1, LC_MEASURE_ANKLE_RIGHT, 240);
  set_value (days, MAR_1 + 1, LC_MEASURE_HEAVINESS_RIGHT, 5);
  set_value (days, MAR_1 + 9, LC_MEASURE_HEAVINESS_LEFT, 3);
  set_value (days, MAR_1 + 9, LC_MEASURE_HEAVINESS_RIGHT, 3);

  add_session (sessions, rome (2026, 3, 1, 10, 0), TRUE);
  add_session (sessions, rome (2026, 3, 2, 10, 0), FALSE);   /* not completed */
  add_session (sessions, rome (2026, 3, 10, 8, 0), TRUE);
  add_session (sessions, rome (2026, 3, 10, 20, 0), TRUE);
  add_session (sessions, rome (2026, 3, 20, 20, 0), TRUE);   /* a day not in the data */

  return lc_chart_data_new (days, sessions, tz, MAR_1, MAR_1 + 13);
}

static void
test_chart_data_values (void)
{
  g_autoptr(LcChartData) data = make_small ();
  const double *values;
  guint n_days;

  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_HEAVINESS), ==, 3);
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_SWELLING), ==, 0);
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_ANKLE), ==, 1);

  /* Mar 1: left 6, its mean (4 + 6) / 2 = 5; combined (6 + 2) / 2 = 4,
   * its mean with Feb 27's left-only 4: 4 */
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_LEFT, MAR_1, 6, 5);
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_RIGHT, MAR_1, 2, 2);
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_COMBINED, MAR_1, 4, 4);
  /* Mar 2: right 5, mean (2 + 5) / 2 = 3.5; combined 5, mean (4 + 4 + 5) / 3 */
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_LEFT, MAR_1 + 1, NAN, NAN);
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_RIGHT, MAR_1 + 1, 5, 3.5);
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_COMBINED, MAR_1 + 1, 5, 13.0 / 3);
  /* Mar 10, after a gap longer than the mean: only itself */
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_COMBINED, MAR_1 + 9, 3, 3);
  assert_value (data, LC_CHART_HEAVINESS, LC_CHART_COMBINED, MAR_1 + 2, NAN, NAN);
  /* Ankles in centimetres */
  assert_value (data, LC_CHART_ANKLE, LC_CHART_LEFT, MAR_1, 23.5, 23.5);
  assert_value (data, LC_CHART_ANKLE, LC_CHART_RIGHT, MAR_1, 24, 24);
  assert_value (data, LC_CHART_ANKLE, LC_CHART_COMBINED, MAR_1, 23.75, 23.75);

  /* The columns: Feb 27, Mar 1, Mar 2, Mar 10 */
  g_assert_cmpuint (lc_chart_data_get_days (data, &n_days)[0], ==, MAR_1 - 2);
  g_assert_cmpuint (n_days, ==, 4);
  values = lc_chart_data_get_values (data, LC_CHART_HEAVINESS, LC_CHART_LEFT);
  g_assert_cmpfloat (values[0], ==, 4);
  g_assert_true (isnan (values[2]));
  g_assert_cmpfloat_with_epsilon (lc_chart_data_get_rolling_means (data, LC_CHART_HEAVINESS,
                                                                   LC_CHART_COMBINED)[2], 13.0 / 3, EPS);

  /* Sessions: only completed ones, only on days in the data */
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1), ==, 1);
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1 + 1), ==, 0);
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1 + 9), ==, 2);
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1 + 19), ==, 0);
  g_assert_cmpuint (lc_chart_data_count_session_days (data), ==, 2);
  g_assert_true (isnan (lc_chart_data_get_session_counts (data)[0]));
  g_assert_cmpfloat (lc_chart_data_get_session_counts (data)[3], ==, 2);
}

static void
test_chart_data_days (void)
{
  g_autoptr(LcChartData) data = make_small ();

  /* Nearest: the day itself, then the earlier one on a tie */
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 + 9, 0), ==, MAR_1 + 9);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 + 5, 3), ==, 0);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 + 5, 4), ==, MAR_1 + 1);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 + 6, 3), ==, MAR_1 + 9);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 + 13, G_MAXUINT32), ==, MAR_1 + 9);
  /* Never a day out of range (Feb 27 has a value) */
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 - 1, 1), ==, MAR_1);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_HEAVINESS, MAR_1 - 2, 1), ==, 0);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_ANKLE, MAR_1 + 13, 12), ==, 0);
  g_assert_cmpuint (lc_chart_data_nearest_day (data, LC_CHART_ANKLE, MAR_1 + 13, 13), ==, MAR_1);

  /* Next and previous, as the arrow keys move */
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, 0, 1), ==, MAR_1);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, MAR_1, 1), ==, MAR_1 + 1);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, MAR_1 + 1, 1), ==, MAR_1 + 9);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, MAR_1 + 9, 1), ==, 0);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, G_MAXUINT32, -1), ==, MAR_1 + 9);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, MAR_1 + 9, -1), ==, MAR_1 + 1);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_HEAVINESS, MAR_1, -1), ==, 0);
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_SWELLING, 0, 1), ==, 0);
}

static void
test_chart_data_describe (void)
{
  g_autoptr(LcChartData) data = make_small ();
  LcChartAxis axis;

  assert_description (lc_chart_describe (data, LC_CHART_HEAVINESS, FALSE),
                      "Heaviness from 1 March 2026 to 14 March 2026. 3 days with entries. "
                      "Left leg: 7-day mean from 5 to 3. Right leg: 7-day mean from 2 to 3. "
                      "2 days with a session.");
  assert_description (lc_chart_describe (data, LC_CHART_HEAVINESS, TRUE),
                      "Heaviness from 1 March 2026 to 14 March 2026. 3 days with entries. "
                      "Both legs: 7-day mean from 4 to 3. 2 days with a session.");
  assert_description (lc_chart_describe (data, LC_CHART_ANKLE, FALSE),
                      "Ankle Circumference from 1 March 2026 to 14 March 2026. 1 day with entries. "
                      "Left leg: 7-day mean from 23.5 cm to 23.5 cm. "
                      "Right leg: 7-day mean from 24.0 cm to 24.0 cm. 2 days with a session.");
  assert_description (lc_chart_describe (data, LC_CHART_SWELLING, FALSE),
                      "Swelling from 1 March 2026 to 14 March 2026. No entries in this period.");

  assert_description (lc_chart_describe_day (data, LC_CHART_HEAVINESS, FALSE, MAR_1),
                      "Sunday, 1 March 2026: left leg 6 (7-day mean 5), right leg 2 (7-day mean 2) · 1 session");
  assert_description (lc_chart_describe_day (data, LC_CHART_HEAVINESS, FALSE, MAR_1 + 1),
                      "Monday, 2 March 2026: left leg not measured, right leg 5 (7-day mean 3.5)");
  assert_description (lc_chart_describe_day (data, LC_CHART_HEAVINESS, TRUE, MAR_1 + 1),
                      "Monday, 2 March 2026: both legs 5 (7-day mean 4.3)");
  assert_description (lc_chart_describe_day (data, LC_CHART_HEAVINESS, TRUE, MAR_1 + 2),
                      "Tuesday, 3 March 2026: no entry");
  assert_description (lc_chart_describe_day (data, LC_CHART_HEAVINESS, TRUE, MAR_1 + 9),
                      "Tuesday, 10 March 2026: both legs 3 (7-day mean 3) · 2 sessions");
  assert_description (lc_chart_describe_day (data, LC_CHART_ANKLE, FALSE, MAR_1),
                      "Sunday, 1 March 2026: left leg 23.5 cm (7-day mean 23.5 cm), "
                      "right leg 24.0 cm (7-day mean 24.0 cm) · 1 session");

  g_assert_cmpstr (lc_chart_kind_get_title (LC_CHART_HEAVINESS), ==, "Heaviness");
  g_assert_cmpstr (lc_chart_kind_get_title (LC_CHART_SWELLING), ==, "Swelling");
  g_assert_cmpstr (lc_chart_kind_get_title (LC_CHART_ANKLE), ==, "Ankle Circumference");

  /* Ankles 23.5-24 cm: 22 to 25 at least 4 apart, so 22-26 by 1 */
  lc_chart_data_value_axis (data, LC_CHART_ANKLE, FALSE, 200, &axis);
  g_assert_cmpfloat (axis.min, ==, 22);
  g_assert_cmpfloat (axis.max, ==, 26);
  g_assert_cmpfloat (axis.step, ==, 1);
}

/* Sessions are counted on Rome's calendar day, also on the 23- and 25-hour
 * days; dates are said the same on those days. */
static void
test_chart_data_dst (void)
{
  g_autoptr(GArray) days = new_days ();
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(LcChartData) spring = NULL;
  g_autoptr(LcChartData) autumn = NULL;

  for (guint32 d = MAR_27; d <= MAR_30; d++)
    lc_test_day_at (days, d)->n_sessions = 1;
  for (guint32 d = OCT_24; d <= OCT_26; d++)
    lc_test_day_at (days, d)->n_sessions = 1;
  /* A rolling mean over the spring change: Mar 27 4, Mar 30 6 */
  set_value (days, MAR_27, LC_MEASURE_SWELLING_LEFT, 4);
  set_value (days, MAR_30, LC_MEASURE_SWELLING_LEFT, 6);

  add_session (sessions, rome (2026, 3, 28, 23, 59), TRUE);
  add_session (sessions, rome (2026, 3, 29, 0, 30), TRUE);    /* before the change at 02:00 */
  add_session (sessions, rome (2026, 3, 29, 23, 30), TRUE);   /* 21:30 UTC */
  add_session (sessions, rome (2026, 10, 25, 2, 30), TRUE);   /* the repeated hour */
  add_session (sessions, rome (2026, 10, 25, 23, 59), TRUE);
  add_session (sessions, rome (2026, 10, 26, 0, 0), TRUE);

  spring = lc_chart_data_new (days, sessions, tz, MAR_27, MAR_30);
  g_assert_cmpuint (lc_chart_data_get_sessions (spring, MAR_27), ==, 0);
  g_assert_cmpuint (lc_chart_data_get_sessions (spring, MAR_28), ==, 1);
  g_assert_cmpuint (lc_chart_data_get_sessions (spring, MAR_29), ==, 2);
  g_assert_cmpuint (lc_chart_data_get_sessions (spring, MAR_30), ==, 0);
  assert_value (spring, LC_CHART_SWELLING, LC_CHART_LEFT, MAR_30, 6, 5);
  assert_description (lc_chart_describe_day (spring, LC_CHART_SWELLING, TRUE, MAR_29),
                      "Sunday, 29 March 2026: no entry · 2 sessions");
  assert_description (lc_chart_describe (spring, LC_CHART_SWELLING, FALSE),
                      "Swelling from 27 March 2026 to 30 March 2026. 2 days with entries. "
                      "Left leg: 7-day mean from 4 to 5. 2 days with a session.");

  autumn = lc_chart_data_new (days, sessions, tz, OCT_24, OCT_26);
  g_assert_cmpuint (lc_chart_data_get_sessions (autumn, OCT_24), ==, 0);
  g_assert_cmpuint (lc_chart_data_get_sessions (autumn, OCT_25), ==, 2);
  g_assert_cmpuint (lc_chart_data_get_sessions (autumn, OCT_26), ==, 1);
  assert_description (lc_chart_describe_day (autumn, LC_CHART_HEAVINESS, FALSE, OCT_25),
                      "Sunday, 25 October 2026: no entry · 2 sessions");
  assert_description (lc_chart_describe (autumn, LC_CHART_HEAVINESS, FALSE),
                      "Heaviness from 24 October 2026 to 26 October 2026. No entries in this period.");
}

/* --- the sweep ----------------------------------------------------------------- */

/* A diary made here, with the reference values per day offset from
 * first - 6 (NAN: none). */
typedef struct
{
  guint32  first;
  guint32  last;
  guint    n;                       /* days from first - 6 to last */
  double  *left;                    /* heaviness */
  double  *right;
  double  *ankle_left;              /* millimetres */
  double  *ankle_right;
} Diary;

static void
diary_free (Diary *diary)
{
  g_free (diary->left);
  g_free (diary->right);
  g_free (diary->ankle_left);
  g_free (diary->ankle_right);
}

/* @density: the chance of a day with entries; a leg is missing one time
 * in four; gaps of up to @gap days now and then */
static GArray *
diary_fill (Diary   *diary,
            GRand   *rand,
            guint32  first,
            guint32  span,
            double   density,
            guint    gap)
{
  GArray *days = new_days ();
  guint skip = 0;

  diary->first = first;
  diary->last = first + span - 1;
  diary->n = span + 6;
  diary->left = g_new (double, diary->n);
  diary->right = g_new (double, diary->n);
  diary->ankle_left = g_new (double, diary->n);
  diary->ankle_right = g_new (double, diary->n);

  for (guint i = 0; i < diary->n; i++)
    {
      guint32 day = first - 6 + i;

      diary->left[i] = diary->right[i] = diary->ankle_left[i] = diary->ankle_right[i] = NAN;
      if (skip > 0)
        {
          skip--;
          continue;
        }
      if (gap > 0 && g_rand_int_range (rand, 0, 20) == 0)
        skip = g_rand_int_range (rand, 1, gap + 1);
      if (g_rand_double (rand) >= density)
        continue;

      if (g_rand_int_range (rand, 0, 4) != 0)
        diary->left[i] = g_rand_int_range (rand, 0, 21) / 2.0;
      if (g_rand_int_range (rand, 0, 4) != 0)
        diary->right[i] = g_rand_int_range (rand, 0, 11);
      if (g_rand_int_range (rand, 0, 3) == 0)
        diary->ankle_left[i] = g_rand_int_range (rand, 180, 320);
      if (g_rand_int_range (rand, 0, 3) == 0)
        diary->ankle_right[i] = g_rand_int_range (rand, 180, 320);

      if (!isnan (diary->left[i]))
        set_value (days, day, LC_MEASURE_HEAVINESS_LEFT, diary->left[i]);
      if (!isnan (diary->right[i]))
        set_value (days, day, LC_MEASURE_HEAVINESS_RIGHT, diary->right[i]);
      if (!isnan (diary->ankle_left[i]))
        set_value (days, day, LC_MEASURE_ANKLE_LEFT, diary->ankle_left[i]);
      if (!isnan (diary->ankle_right[i]))
        set_value (days, day, LC_MEASURE_ANKLE_RIGHT, diary->ankle_right[i]);
    }

  return days;
}

/* The reference value of @series on day offset @i */
static double
ref_value (const Diary   *diary,
           LcChartKind    kind,
           LcChartSeries  series,
           guint          i)
{
  double l = kind == LC_CHART_ANKLE ? diary->ankle_left[i] / 10 : diary->left[i];
  double r = kind == LC_CHART_ANKLE ? diary->ankle_right[i] / 10 : diary->right[i];

  switch (series)
    {
    case LC_CHART_LEFT:
      return l;
    case LC_CHART_RIGHT:
      return r;
    case LC_CHART_COMBINED:
    case LC_N_CHART_SERIES:
    default:
      if (isnan (l))
        return r;
      if (isnan (r))
        return l;
      return (l + r) / 2;
    }
}

/* The mean of the values of the 7 calendar days ending with offset @i */
static double
ref_rolling (const Diary   *diary,
             LcChartKind    kind,
             LcChartSeries  series,
             guint          i)
{
  double sum = 0;
  guint n = 0;

  if (isnan (ref_value (diary, kind, series, i)))
    return NAN;
  for (guint j = i >= 6 ? i - 6 : 0; j <= i; j++)
    {
      double v = ref_value (diary, kind, series, j);

      if (!isnan (v))
        {
          sum += v;
          n++;
        }
    }

  return sum / n;
}

static gboolean
ref_has (const Diary *diary,
         LcChartKind  kind,
         guint32      day)
{
  return day >= diary->first && day <= diary->last
         && !isnan (ref_value (diary, kind, LC_CHART_COMBINED, day - (diary->first - 6)));
}

static void
check_diary (const Diary *diary,
             LcChartData *data)
{
  static const LcChartKind kinds[] = { LC_CHART_HEAVINESS, LC_CHART_ANKLE };

  g_assert_cmpuint (lc_chart_data_get_first_day (data), ==, diary->first);
  g_assert_cmpuint (lc_chart_data_get_last_day (data), ==, diary->last);
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_SWELLING), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      LcChartKind kind = kinds[k];
      guint n_with_value = 0;
      guint32 first_with = 0, last_with = 0;
      LcChartAxis axis;

      for (guint i = 0; i < diary->n; i++)
        {
          guint32 day = diary->first - 6 + i;

          for (LcChartSeries s = 0; s < LC_N_CHART_SERIES; s++)
            {
              double value = ref_value (diary, kind, s, i);

              assert_value (data, kind, s, day, value, ref_rolling (diary, kind, s, i));
            }
          if (ref_has (diary, kind, day))
            {
              n_with_value++;
              if (first_with == 0)
                first_with = day;
              last_with = day;
            }
        }
      g_assert_cmpuint (lc_chart_data_count_days (data, kind), ==, n_with_value);

      /* Next and previous from every day, and from outside the range */
      g_assert_cmpuint (lc_chart_data_next_day (data, kind, 0, 1), ==, first_with);
      g_assert_cmpuint (lc_chart_data_next_day (data, kind, G_MAXUINT32, -1), ==, last_with);
      for (guint32 day = diary->first; day <= diary->last; day++)
        {
          guint32 expected_next = 0, expected_previous = 0;

          for (guint32 d = day + 1; d <= diary->last && expected_next == 0; d++)
            if (ref_has (diary, kind, d))
              expected_next = d;
          for (guint32 d = day; d-- > diary->first && expected_previous == 0;)
            if (ref_has (diary, kind, d))
              expected_previous = d;
          g_assert_cmpuint (lc_chart_data_next_day (data, kind, day, 1), ==, expected_next);
          g_assert_cmpuint (lc_chart_data_next_day (data, kind, day, -1), ==, expected_previous);

          /* Nearest within a few days: the earlier on a tie */
          for (guint32 distance = 0; distance <= 9; distance += 3)
            {
              guint32 expected = 0;

              for (guint32 d = 0; d <= distance && expected == 0; d++)
                {
                  if (day >= d && ref_has (diary, kind, day - d))
                    expected = day - d;
                  else if (ref_has (diary, kind, day + d))
                    expected = day + d;
                }
              g_assert_cmpuint (lc_chart_data_nearest_day (data, kind, day, distance), ==, expected);
            }
        }

      /* The value axis holds every value shown, in whole steps */
      for (gboolean combined = FALSE; combined <= TRUE; combined++)
        {
          lc_chart_data_value_axis (data, kind, combined, 200, &axis);
          g_assert_true (axis.step == 1 || axis.step == 2 || axis.step == 5);
          g_assert_cmpfloat (axis.max - axis.min, >=, 4);
          g_assert_cmpfloat_with_epsilon (fmod (axis.max - axis.min, axis.step), 0, EPS);
          for (guint i = 6; i < diary->n; i++)
            for (LcChartSeries s = lc_chart_series_first (combined); s <= lc_chart_series_last (combined); s++)
              {
                double v = ref_value (diary, kind, s, i);

                if (!isnan (v))
                  {
                    g_assert_cmpfloat (v, >=, axis.min);
                    g_assert_cmpfloat (v, <=, axis.max);
                  }
              }
        }

      /* Words: said for every chart, each kind of day */
      for (gboolean combined = FALSE; combined <= TRUE; combined++)
        {
          g_autofree char *text = lc_chart_describe (data, kind, combined);
          g_autofree char *count = g_strdup_printf (n_with_value == 1 ? "1 day with entries."
                                                                      : "%u days with entries.", n_with_value);

          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_true (g_str_has_prefix (text, lc_chart_kind_get_title (kind)));
          if (n_with_value == 0)
            g_assert_true (g_str_has_suffix (text, "No entries in this period."));
          else
            g_assert_nonnull (strstr (text, count));

          for (guint32 day = diary->first; day <= diary->last; day += 1 + (diary->last - diary->first) / 20)
            {
              g_autofree char *words = lc_chart_describe_day (data, kind, combined, day);

              g_assert_true (g_utf8_validate (words, -1, NULL));
              g_assert_cmpint (ref_has (diary, kind, day), !=, g_str_has_suffix (words, ": no entry"));
            }
        }
    }
}

static void
test_chart_data_sweep (void)
{
  static const guint32 spans[] = { 1, 2, 7, 14, 31, 90, 365, 1000 };
  static const double densities[] = { 1.0, 0.5, 0.1 };
  static const guint gaps[] = { 0, 10 };
  guint32 seed = 1;

  for (guint p = 0; p < G_N_ELEMENTS (spans); p++)
    for (guint d = 0; d < G_N_ELEMENTS (densities); d++)
      for (guint g = 0; g < G_N_ELEMENTS (gaps); g++)
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
          g_autoptr(GTimeZone) tz = rome_zone ();
          g_autoptr(GArray) days = NULL;
          g_autoptr(LcChartData) data = NULL;
          Diary diary;

          g_test_message ("span %u, density %.1f, gaps %u, seed %u", spans[p], densities[d], gaps[g], seed);
          /* Ending on the autumn change, so the spans cross both changes */
          days = diary_fill (&diary, rand, OCT_25 - spans[p] + 1, spans[p], densities[d], gaps[g]);
          data = lc_chart_data_new (days, NULL, tz, diary.first, diary.last);
          check_diary (&diary, data);
          diary_free (&diary);
          seed++;
        }
}

static void
test_chart_data_random (void)
{
  for (guint32 seed = 1000; seed < 1040; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GTimeZone) tz = rome_zone ();
      g_autoptr(GArray) days = NULL;
      g_autoptr(LcChartData) data = NULL;
      guint32 first = lc_trend_day_number (2020, 1, 1) + g_rand_int_range (rand, 0, 3650);
      guint32 span = g_rand_int_range (rand, 1, 400);
      double density = g_rand_double (rand);
      guint gap = g_rand_int_range (rand, 0, 30);
      Diary diary;

      g_test_message ("seed %u: first %u, span %u, density %.2f, gaps %u", seed, first, span, density, gap);
      days = diary_fill (&diary, rand, first, span, density, gap);
      data = lc_chart_data_new (days, NULL, tz, diary.first, diary.last);
      check_diary (&diary, data);
      diary_free (&diary);
    }
}

/* --- the time axis ------------------------------------------------------------- */

static void
test_chart_data_time_axis (void)
{
  static const double widths[] = { 30, 120, 400, 900, 2400 };
  static const guint32 spans[] = { 1, 2, 5, 7, 14, 30, 31, 60, 90, 180, 365, 730, 1826, 3652, 9000, 40000 };
  g_autofree char *label = NULL;
  LcChartTimeStep step;

  /* Examples: two weeks on 600 px with 60 px labels take every day;
   * a year takes months; ten years on 300 px take two years. */
  lc_chart_time_step (14, 600, 60, &step);
  g_assert_cmpint (step.unit, ==, LC_CHART_STEP_DAYS);
  g_assert_cmpuint (step.count, ==, 2);
  lc_chart_time_step (365, 600, 60, &step);
  g_assert_cmpint (step.unit, ==, LC_CHART_STEP_MONTHS);
  g_assert_cmpuint (step.count, ==, 2);
  lc_chart_time_step (3652, 300, 60, &step);
  g_assert_cmpint (step.unit, ==, LC_CHART_STEP_YEARS);
  g_assert_cmpuint (step.count, ==, 2);
  lc_chart_time_step (0, 300, 60, &step);
  g_assert_cmpint (step.unit, ==, LC_CHART_STEP_YEARS);

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        guint32 first = MAR_1 - spans[s] / 2;
        guint32 last = first + spans[s] - 1;
        double days;
        gboolean fits;
        guint n_labels = 0;

        lc_chart_time_step (spans[s], widths[w], 60, &step);
        g_assert_cmpuint (step.count, >, 0);
        days = step.unit == LC_CHART_STEP_DAYS ? step.count
               : step.unit == LC_CHART_STEP_MONTHS ? 30.44 * step.count : 365.25 * step.count;
        /* A label fits, unless even the longest step does not */
        fits = days * widths[w] / spans[s] >= 60;
        if (!(step.unit == LC_CHART_STEP_YEARS && step.count == 25))
          g_assert_true (fits);

        for (guint32 day = first; day <= last; day++)
          {
            GDate date;

            if (!lc_chart_is_label_day (day, first, &step))
              continue;
            n_labels++;
            g_date_clear (&date, 1);
            g_date_set_julian (&date, day);
            switch (step.unit)
              {
              case LC_CHART_STEP_DAYS:
                if (step.count >= 7)
                  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
                else
                  g_assert_cmpuint ((day - first) % step.count, ==, 0);
                break;
              case LC_CHART_STEP_MONTHS:
                g_assert_cmpuint (g_date_get_day (&date), ==, 1);
                break;
              case LC_CHART_STEP_YEARS:
              default:
                g_assert_cmpuint (g_date_get_day (&date), ==, 1);
                g_assert_cmpuint (g_date_get_month (&date), ==, 1);
                g_assert_cmpuint (g_date_get_year (&date) % step.count, ==, 0);
                break;
              }
          }
        /* Never more labels than fit (months of 28 days and a spare) */
        if (fits)
          g_assert_cmpfloat (n_labels, <=, widths[w] / 60 + 2);
      }

  label = lc_chart_day_label (MAR_1, LC_CHART_STEP_DAYS);
  g_assert_cmpstr (label, ==, "1 Mar");
  g_clear_pointer (&label, g_free);
  label = lc_chart_day_label (MAR_29, LC_CHART_STEP_MONTHS);
  g_assert_cmpstr (label, ==, "Mar");
  g_clear_pointer (&label, g_free);
  label = lc_chart_day_label (lc_trend_day_number (2026, 1, 1), LC_CHART_STEP_MONTHS);
  g_assert_cmpstr (label, ==, "2026");
  g_clear_pointer (&label, g_free);
  label = lc_chart_day_label (OCT_25, LC_CHART_STEP_YEARS);
  g_assert_cmpstr (label, ==, "2026");
}

/* --- enum types ---------------------------------------------------------------- */

/* Properties and signal arguments carry their enum types, so a .ui file
 * and a debugger say "heaviness", not 0. */
/* --- sitting breaks and leg volumes ------------------------------------------- */

static void
add_break (GPtrArray *sessions,
           gint64     started_at,
           guint      steps_done)
{
  LcSessionRecord *record = lc_session_record_new ();

  record->routine_id = g_strdup (LC_ROUTINE_ID_SITTING_BREAK);
  record->routine_name = g_strdup ("Sitting Break");
  record->started_at = started_at;
  record->ended_at = started_at + 120;
  record->steps_total = 4;
  record->steps_done = steps_done;
  g_ptr_array_add (sessions, record);
}

/* A leg as a cylinder of @circumference_mm over @n_points points 8 cm apart */
static void
add_cylinder (LcLimbMeasurement *measurement,
              LcLeg              leg,
              guint16            circumference_mm,
              guint              n_points)
{
  for (guint i = 0; i < n_points; i++)
    lc_limb_measurement_add (measurement, leg, circumference_mm);
}

/* A cylinder of circumference C cm and height h cm: h C² / (4π) mL */
static double
cylinder_ml (double circumference_cm,
             double height_cm)
{
  return height_cm * circumference_cm * circumference_cm / (4 * G_PI);
}

static void
test_chart_data_breaks_volume (void)
{
  g_autoptr(GArray) days = new_days ();
  g_autoptr(GPtrArray) sessions = new_sessions ();
  g_autoptr(GPtrArray) measurements = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_limb_measurement_free);
  g_autoptr(GTimeZone) tz = rome_zone ();
  g_autoptr(LcChartData) data = NULL;
  g_autoptr(LcChartData) without = NULL;
  LcLimbMeasurement *m;
  LcChartAxis axis;
  double baseline;
  const guint32 *numbers;
  guint n_days;

  /* Entries on Mar 1 and Mar 3; a day with a session only on Mar 2 */
  set_value (days, MAR_1, LC_MEASURE_HEAVINESS_LEFT, 5);
  set_value (days, MAR_1 + 2, LC_MEASURE_HEAVINESS_LEFT, 4);
  lc_test_day_at (days, MAR_1 + 1)->n_sessions = 1;

  /* Breaks: three on Mar 1 (one left before a step: not counted), one on
   * Mar 2; a routine's session is a tick, not a break */
  add_break (sessions, rome (2026, 3, 1, 10, 0), 4);
  add_break (sessions, rome (2026, 3, 1, 11, 0), 1);
  add_break (sessions, rome (2026, 3, 1, 12, 0), 0);
  add_break (sessions, rome (2026, 3, 1, 15, 0), 4);
  add_break (sessions, rome (2026, 3, 2, 23, 30), 4);
  add_session (sessions, rome (2026, 3, 1, 18, 0), TRUE);

  /* Volumes: the first ever on Feb 1 (left only: 30 cm, 3 points), then
   * Mar 5 twice (the evening's counts), Mar 12 the left leg only */
  m = lc_limb_measurement_new (rome (2026, 2, 1, 9, 0), LC_LIMB_SPACING_DEFAULT_MM);
  add_cylinder (m, LC_LEG_LEFT, 300, 3);
  g_ptr_array_add (measurements, m);
  m = lc_limb_measurement_new (rome (2026, 3, 5, 8, 0), LC_LIMB_SPACING_DEFAULT_MM);
  add_cylinder (m, LC_LEG_LEFT, 250, 3);
  add_cylinder (m, LC_LEG_RIGHT, 250, 3);
  g_ptr_array_add (measurements, m);
  m = lc_limb_measurement_new (rome (2026, 3, 5, 20, 0), LC_LIMB_SPACING_DEFAULT_MM);
  add_cylinder (m, LC_LEG_LEFT, 310, 3);
  add_cylinder (m, LC_LEG_RIGHT, 320, 3);
  g_ptr_array_add (measurements, m);
  m = lc_limb_measurement_new (rome (2026, 3, 12, 9, 0), LC_LIMB_SPACING_DEFAULT_MM);
  add_cylinder (m, LC_LEG_LEFT, 305, 3);
  g_ptr_array_add (measurements, m);

  data = lc_chart_data_new_full (days, sessions, measurements, tz, MAR_1, MAR_1 + 13);

  /* Breaks per day, apart from the sessions */
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_BREAKS), ==, 2);
  assert_value (data, LC_CHART_BREAKS, LC_CHART_COMBINED, MAR_1, 3, NAN);
  assert_value (data, LC_CHART_BREAKS, LC_CHART_COMBINED, MAR_1 + 1, 1, NAN);
  assert_value (data, LC_CHART_BREAKS, LC_CHART_COMBINED, MAR_1 + 2, NAN, NAN);
  assert_value (data, LC_CHART_BREAKS, LC_CHART_LEFT, MAR_1, NAN, NAN);
  g_assert_cmpuint (lc_chart_data_get_sessions (data, MAR_1), ==, 1);
  lc_chart_data_value_axis (data, LC_CHART_BREAKS, TRUE, 200, &axis);
  g_assert_cmpfloat (axis.min, ==, 0);
  g_assert_cmpfloat (axis.max, ==, 4);
  g_assert_cmpfloat (axis.step, ==, 1);
  assert_description (lc_chart_describe_day (data, LC_CHART_BREAKS, FALSE, MAR_1),
                      "Sunday, 1 March 2026: 3 sitting breaks · 1 session");
  assert_description (lc_chart_describe_day (data, LC_CHART_BREAKS, FALSE, MAR_1 + 2),
                      "Tuesday, 3 March 2026: no sitting breaks");
  assert_description (lc_chart_describe (data, LC_CHART_BREAKS, FALSE),
                      "Sitting Breaks from 1 March 2026 to 14 March 2026. 2 days with sitting breaks, 4 breaks in all.");
  g_assert_cmpuint (lc_chart_data_next_day (data, LC_CHART_BREAKS, MAR_1, 1), ==, MAR_1 + 1);

  /* The measured days join the data's days, in order */
  numbers = lc_chart_data_get_days (data, &n_days);
  g_assert_cmpuint (n_days, ==, 5);
  g_assert_cmpuint (numbers[3], ==, MAR_1 + 4);
  g_assert_cmpuint (numbers[4], ==, MAR_1 + 11);

  /* Volumes: the day's last measurement; the line goes through them all */
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_VOLUME), ==, 2);
  assert_value (data, LC_CHART_VOLUME, LC_CHART_LEFT, MAR_1 + 4, cylinder_ml (31, 16), cylinder_ml (31, 16));
  assert_value (data, LC_CHART_VOLUME, LC_CHART_RIGHT, MAR_1 + 4, cylinder_ml (32, 16), cylinder_ml (32, 16));
  assert_value (data, LC_CHART_VOLUME, LC_CHART_LEFT, MAR_1 + 11, cylinder_ml (30.5, 16), cylinder_ml (30.5, 16));
  assert_value (data, LC_CHART_VOLUME, LC_CHART_RIGHT, MAR_1 + 11, NAN, NAN);
  assert_value (data, LC_CHART_VOLUME, LC_CHART_LEFT, MAR_1, NAN, NAN);
  /* The difference only where both legs were measured */
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_VOLUME_DIFFERENCE), ==, 1);
  assert_value (data, LC_CHART_VOLUME_DIFFERENCE, LC_CHART_COMBINED, MAR_1 + 4,
                cylinder_ml (32, 16) - cylinder_ml (31, 16), cylinder_ml (32, 16) - cylinder_ml (31, 16));
  assert_value (data, LC_CHART_VOLUME_DIFFERENCE, LC_CHART_COMBINED, MAR_1 + 11, NAN, NAN);

  /* Baselines: each leg's first ever, before the period too */
  g_assert_true (lc_chart_data_get_volume_baseline (data, LC_CHART_LEFT, &baseline));
  g_assert_cmpfloat_with_epsilon (baseline, cylinder_ml (30, 16), EPS);
  g_assert_true (lc_chart_data_get_volume_baseline (data, LC_CHART_RIGHT, &baseline));
  g_assert_cmpfloat_with_epsilon (baseline, cylinder_ml (25, 16), EPS);

  /* The axis holds the values and both bands (25 cm: 795.8 mL - 3.8 %) */
  lc_chart_data_value_axis (data, LC_CHART_VOLUME, TRUE, 200, &axis);
  g_assert_cmpfloat (axis.min, <=, cylinder_ml (25, 16) * (1 - LC_LIMB_VOLUME_REAL_CHANGE_PERCENT / 100));
  g_assert_cmpfloat (axis.max, >=, cylinder_ml (32, 16));
  g_assert_cmpfloat ((axis.max - axis.min) / axis.step, <=, 5);
  g_assert_cmpfloat (fmod (axis.min, axis.step), ==, 0);
  lc_chart_data_value_axis (data, LC_CHART_VOLUME_DIFFERENCE, TRUE, 200, &axis);
  g_assert_cmpfloat (axis.min, <=, 0);
  g_assert_cmpfloat (axis.max, >=, cylinder_ml (32, 16) - cylinder_ml (31, 16));

  assert_description (lc_chart_describe_day (data, LC_CHART_VOLUME, TRUE, MAR_1 + 4),
                      "Thursday, 5 March 2026: left leg 1224 mL, right leg 1304 mL");
  assert_description (lc_chart_describe_day (data, LC_CHART_VOLUME, TRUE, MAR_1 + 11),
                      "Thursday, 12 March 2026: left leg 1184 mL, right leg not measured");
  assert_description (lc_chart_describe_day (data, LC_CHART_VOLUME_DIFFERENCE, FALSE, MAR_1 + 4),
                      "Thursday, 5 March 2026: right leg less left leg +80 mL");
  assert_description (lc_chart_describe_day (data, LC_CHART_VOLUME_DIFFERENCE, FALSE, MAR_1 + 11),
                      "Thursday, 12 March 2026: not both legs measured");
  assert_description (lc_chart_describe (data, LC_CHART_VOLUME, TRUE),
                      "Leg Volume from 1 March 2026 to 14 March 2026. 2 days with a measurement. "
                      "Left leg: from 1224 mL to 1184 mL. Right leg: from 1304 mL to 1304 mL.");

  /* Without measurements: no volumes, and no days added */
  without = lc_chart_data_new (days, sessions, tz, MAR_1, MAR_1 + 13);
  g_assert_cmpuint (lc_chart_data_count_days (without, LC_CHART_VOLUME), ==, 0);
  g_assert_false (lc_chart_data_get_volume_baseline (without, LC_CHART_LEFT, &baseline));
  lc_chart_data_get_days (without, &n_days);
  g_assert_cmpuint (n_days, ==, 3);
  assert_description (lc_chart_describe (without, LC_CHART_VOLUME, TRUE),
                      "Leg Volume from 1 March 2026 to 14 March 2026. No measurements in this period.");
}

/* Seeded random sitting breaks, routine sessions and leg measurements over
 * spans from a day to ten years that end around the autumn clock change (the
 * longer ones cross both), at any hour, midnight included: the breaks of
 * each local day (those stopped before a step not counted), each leg's
 * volume that of the day's last measurement, the difference where that one
 * has both legs, each leg's baseline its first measurement ever (before the
 * period too), and value axes that hold every value. */
static void
test_chart_data_breaks_volume_random (void)
{
  static const guint32 spans[] = { 1, 2, 7, 31, 90, 365, 3650 };
  guint32 seed = 2000;

  for (guint p = 0; p < G_N_ELEMENTS (spans); p++)
    for (guint repeat = 0; repeat < 3; repeat++, seed++)
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
        g_autoptr(GTimeZone) tz = rome_zone ();
        g_autoptr(GArray) days = new_days ();
        g_autoptr(GPtrArray) sessions = new_sessions ();
        g_autoptr(GPtrArray) measurements = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_limb_measurement_free);
        g_autoptr(LcChartData) data = NULL;
        guint32 last = OCT_25 - 1 + g_rand_int_range (rand, 0, 3);
        guint32 first = last - spans[p] + 1;
        /* Measured from 60 days before the period: the baselines' days */
        guint32 start = first - 60;
        guint n = last - start + 1;
        g_autofree guint *breaks = g_new0 (guint, n);
        g_autofree gint64 *taken = g_new0 (gint64, n);
        g_autofree double *left = g_new (double, n);
        g_autofree double *right = g_new (double, n);
        double baseline[LC_N_LEGS] = { NAN, NAN };
        gint64 first_taken[LC_N_LEGS] = { G_MAXINT64, G_MAXINT64 };
        /* Fewer measurements over long spans, as people measure */
        double measure_chance = spans[p] > 365 ? 0.05 : 0.3;
        guint n_break_days = 0, n_volume_days = 0, n_difference_days = 0, n_breaks = 0;
        double breaks_max = 0, volume_min = G_MAXDOUBLE, volume_max = -G_MAXDOUBLE;
        double difference_min = 0, difference_max = 0;
        LcChartAxis axis;

        g_test_message ("breaks and volumes: span %u, seed %u", spans[p], seed);
        for (guint i = 0; i < n; i++)
          {
            guint32 day = start + i;
            GDate date;
            int year, month, dom;

            left[i] = right[i] = NAN;
            g_date_clear (&date, 1);
            g_date_set_julian (&date, day);
            year = g_date_get_year (&date);
            month = g_date_get_month (&date);
            dom = g_date_get_day (&date);

            if (day >= first && g_rand_double (rand) < 0.4)
              {
                guint k = g_rand_int_range (rand, 1, 6);

                for (guint b = 0; b < k; b++)
                  {
                    guint steps = g_rand_double (rand) < 0.15 ? 0 : g_rand_int_range (rand, 1, 5);

                    add_break (sessions, rome (year, month, dom, g_rand_int_range (rand, 0, 24),
                                               g_rand_int_range (rand, 0, 60)), steps);
                    if (steps > 0)
                      breaks[i]++;
                  }
                if (g_rand_double (rand) < 0.3)
                  add_session (sessions, rome (year, month, dom, g_rand_int_range (rand, 0, 24), 30),
                               g_rand_boolean (rand));
                /* The diary's days include those with sessions only */
                lc_test_day_at (days, day)->n_sessions = 1;
              }

            if (g_rand_double (rand) < measure_chance)
              {
                guint k = g_rand_int_range (rand, 1, 3);

                for (guint m = 0; m < k; m++)
                  {
                    LcLimbMeasurement *measurement =
                      lc_limb_measurement_new (rome (year, month, dom, g_rand_int_range (rand, 0, 24),
                                                     g_rand_int_range (rand, 0, 60)),
                                               LC_LIMB_SPACING_DEFAULT_MM);
                    /* 1: left leg, 2: right leg, 3: both */
                    int legs = g_rand_int_range (rand, 1, 4);
                    double ml[LC_N_LEGS] = { NAN, NAN };

                    for (int leg = 0; leg < LC_N_LEGS; leg++)
                      if (legs & (1 << leg))
                        {
                          guint circumference = g_rand_int_range (rand, 200, 451);
                          guint points = g_rand_int_range (rand, 2, 7);

                          add_cylinder (measurement, leg, circumference, points);
                          ml[leg] = cylinder_ml (circumference / 10.0, (points - 1) * LC_LIMB_SPACING_DEFAULT_MM / 10.0);
                          if (measurement->taken_at < first_taken[leg])
                            {
                              first_taken[leg] = measurement->taken_at;
                              baseline[leg] = ml[leg];
                            }
                        }
                    if (day >= first && measurement->taken_at >= taken[i])
                      {
                        taken[i] = measurement->taken_at;
                        left[i] = ml[LC_LEG_LEFT];
                        right[i] = ml[LC_LEG_RIGHT];
                      }
                    g_ptr_array_add (measurements, measurement);
                  }
              }
          }

        data = lc_chart_data_new_full (days, sessions, measurements, tz, first, last);

        for (guint i = first - start; i < n; i++)
          {
            guint32 day = start + i;
            double value, rolling;
            gboolean both = !isnan (left[i]) && !isnan (right[i]);

            assert_value (data, LC_CHART_BREAKS, LC_CHART_COMBINED, day, breaks[i] > 0 ? breaks[i] : NAN, NAN);
            if (breaks[i] > 0)
              {
                n_break_days++;
                n_breaks += breaks[i];
                breaks_max = MAX (breaks_max, breaks[i]);
              }

            for (int leg = 0; leg < LC_N_LEGS; leg++)
              {
                double expected = leg == LC_LEG_LEFT ? left[i] : right[i];
                gboolean has = lc_chart_data_get_value (data, LC_CHART_VOLUME, leg, day, &value, &rolling);

                g_assert_cmpint (has, ==, !isnan (expected));
                if (!has)
                  continue;
                /* The volume of many frustums against a cylinder's */
                g_assert_cmpfloat_with_epsilon (value, expected, 1e-6 * expected);
                g_assert_cmpfloat_with_epsilon (rolling, expected, 1e-6 * expected);
                volume_min = MIN (volume_min, expected);
                volume_max = MAX (volume_max, expected);
              }
            if (!isnan (left[i]) || !isnan (right[i]))
              n_volume_days++;

            g_assert_cmpint (lc_chart_data_get_value (data, LC_CHART_VOLUME_DIFFERENCE, LC_CHART_COMBINED, day,
                                                      &value, &rolling), ==, both);
            if (both)
              {
                g_autofree char *words = lc_chart_describe_day (data, LC_CHART_VOLUME_DIFFERENCE, FALSE, day);
                /* With its sign, a true minus for a smaller right leg */
                g_autofree char *number = lc_format_signed (right[i] - left[i], 0, TRUE);

                g_assert_cmpfloat_with_epsilon (value, right[i] - left[i], 1e-6 * (right[i] + left[i]));
                g_assert_nonnull (strstr (words, number));
                g_assert_null (strchr (words, '-'));
                n_difference_days++;
                difference_min = MIN (difference_min, right[i] - left[i]);
                difference_max = MAX (difference_max, right[i] - left[i]);
              }
          }

        g_test_message ("%u days with breaks, %u with a volume, %u with both legs", n_break_days, n_volume_days,
                        n_difference_days);
        g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_BREAKS), ==, n_break_days);
        g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_VOLUME), ==, n_volume_days);
        g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_VOLUME_DIFFERENCE), ==, n_difference_days);

        for (int leg = 0; leg < LC_N_LEGS; leg++)
          {
            double value;

            g_assert_cmpint (lc_chart_data_get_volume_baseline (data, leg, &value), ==, !isnan (baseline[leg]));
            if (!isnan (baseline[leg]))
              g_assert_cmpfloat_with_epsilon (value, baseline[leg], 1e-6 * baseline[leg]);
          }

        /* Every value on its axis, at any chart height */
        for (int height = 80; height <= 400; height += 160)
          {
            lc_chart_data_value_axis (data, LC_CHART_BREAKS, TRUE, height, &axis);
            g_assert_cmpfloat (axis.min, <=, 0);
            g_assert_cmpfloat (axis.max, >=, breaks_max);
            g_assert_cmpfloat (axis.step, >, 0);
            if (n_volume_days > 0)
              {
                lc_chart_data_value_axis (data, LC_CHART_VOLUME, TRUE, height, &axis);
                g_assert_cmpfloat (axis.min, <=, volume_min);
                g_assert_cmpfloat (axis.max, >=, volume_max);
                g_assert_cmpfloat (axis.step, >, 0);
              }
            if (n_difference_days > 0)
              {
                lc_chart_data_value_axis (data, LC_CHART_VOLUME_DIFFERENCE, TRUE, height, &axis);
                g_assert_cmpfloat (axis.min, <=, difference_min);
                g_assert_cmpfloat (axis.max, >=, difference_max);
              }
          }

        /* Words for the whole period */
        {
          g_autofree char *text = lc_chart_describe (data, LC_CHART_BREAKS, FALSE);
          g_autofree char *count = g_strdup_printf ("%u breaks in all.", n_breaks);

          g_assert_true (g_utf8_validate (text, -1, NULL));
          if (n_breaks > 1)
            g_assert_nonnull (strstr (text, count));
        }
      }
}

static void
test_chart_data_enum_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LC_TYPE_CHART_KIND);
  GObjectClass *session_class = g_type_class_ref (LC_TYPE_SESSION);
  GParamSpec *state;
  GSignalQuery query;

  g_assert_cmpuint (kinds->n_values, ==, LC_N_CHART_KINDS);
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "heaviness")->value, ==, LC_CHART_HEAVINESS);
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "swelling")->value, ==, LC_CHART_SWELLING);
  g_assert_cmpint (g_enum_get_value_by_nick (kinds, "ankle")->value, ==, LC_CHART_ANKLE);
  g_assert_true (G_TYPE_IS_FLAGS (LC_TYPE_DIARY_CHANGE));

  state = g_object_class_find_property (session_class, "state");
  g_assert_true (G_IS_PARAM_SPEC_ENUM (state));
  g_assert_true (state->value_type == LC_TYPE_SESSION_STATE);

  g_signal_query (g_signal_lookup ("cue", LC_TYPE_SESSION), &query);
  g_assert_cmpuint (query.n_params, ==, 3);
  g_assert_true ((query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE) == LC_TYPE_CUE_KIND);
  /* Signals are made in class_init */
  g_type_class_unref (g_type_class_ref (LC_TYPE_DIARY));
  g_signal_query (g_signal_lookup ("changed", LC_TYPE_DIARY), &query);
  g_assert_cmpuint (query.n_params, ==, 1);
  g_assert_true ((query.param_types[0] & ~G_SIGNAL_TYPE_STATIC_SCOPE) == LC_TYPE_DIARY_CHANGE);

  g_type_class_unref (session_class);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days are Rome's. No setlocale(): the C locale, so the words are
   * the English originals with "." in numbers. */
  g_setenv ("TZ", "Europe/Rome", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/chart-data/empty", test_chart_data_empty);
  g_test_add_func ("/lc/chart-data/values", test_chart_data_values);
  g_test_add_func ("/lc/chart-data/days", test_chart_data_days);
  g_test_add_func ("/lc/chart-data/describe", test_chart_data_describe);
  g_test_add_func ("/lc/chart-data/dst", test_chart_data_dst);
  g_test_add_func ("/lc/chart-data/sweep", test_chart_data_sweep);
  g_test_add_func ("/lc/chart-data/random", test_chart_data_random);
  g_test_add_func ("/lc/chart-data/time-axis", test_chart_data_time_axis);
  g_test_add_func ("/lc/chart-data/enum-types", test_chart_data_enum_types);
  g_test_add_func ("/lc/chart-data/breaks-volume", test_chart_data_breaks_volume);
  g_test_add_func ("/lc/chart-data/breaks-volume-random", test_chart_data_breaks_volume_random);

  return g_test_run ();
}
