/* lc-chart-data.c: what a chart shows — each day's value of each leg and of
 * both legs, the 7-day means, the sessions — and the same in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK: lc-chart.c draws these and handles input, and the tests check
 * them without a display. Ankles are kept in centimetres here, as the
 * charts show them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lc-chart-data.h"
#include "lc-format.h"
#include "lc-limb-volume.h"
#include "lc-trend.h"
#include "lc-trend-private.h"

/* --- data ------------------------------------------------------------------ */

struct _LcChartData
{
  gatomicrefcount ref_count;
  guint32   first_day;
  guint32   last_day;
  guint     n;                  /* diary days, some maybe before first_day */
  guint32  *days;
  double   *value[LC_N_CHART_KINDS][LC_N_CHART_SERIES];
  double   *rolling[LC_N_CHART_KINDS][LC_N_CHART_SERIES];
  double   *sessions;           /* completed sessions per day, NAN for none */
  guint     n_with_value[LC_N_CHART_KINDS];   /* days in range */
  double    baseline[LC_N_LEGS];  /* each leg's first volume ever, or NAN */
};

/* The kinds read from the entries' daily means */
#define N_ENTRY_KINDS (LC_CHART_CALF + 1)

G_DEFINE_BOXED_TYPE (LcChartData, lc_chart_data, lc_chart_data_ref, lc_chart_data_unref)

static const LcMeasure kind_measures[N_ENTRY_KINDS][LC_N_LEGS] = {
  { LC_MEASURE_HEAVINESS_LEFT, LC_MEASURE_HEAVINESS_RIGHT },
  { LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT },
  { LC_MEASURE_ANKLE_LEFT, LC_MEASURE_ANKLE_RIGHT },
  { LC_MEASURE_CALF_LEFT, LC_MEASURE_CALF_RIGHT },
};

/* The index of @day in the data, or -1 */
static int
find_day (LcChartData *data,
          guint32      day)
{
  guint lo = 0;
  guint hi = data->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (data->days[mid] < day)
        lo = mid + 1;
      else if (data->days[mid] > day)
        hi = mid;
      else
        return (int) mid;
    }

  return -1;
}

/* Both legs as one: the mean of the legs' daily means, or the one given. */
static void
fill_combined (LcChartData          *data,
               const LcDayAggregate *days,
               LcChartKind           kind)
{
  g_autofree LcDayAggregate *copy = g_memdup2 (days, sizeof (LcDayAggregate) * MAX (data->n, 1));
  LcMeasure left = kind_measures[kind][LC_LEG_LEFT];
  LcMeasure right = kind_measures[kind][LC_LEG_RIGHT];

  for (guint i = 0; i < data->n; i++)
    {
      const LcStat *l = &days[i].stats[left];
      const LcStat *r = &days[i].stats[right];
      LcStat *c = &copy[i].stats[left];

      c->count = (l->count > 0 ? 1 : 0) + (r->count > 0 ? 1 : 0);
      if (c->count == 2)
        c->mean = (l->mean + r->mean) / 2;
      else
        c->mean = l->count > 0 ? l->mean : r->mean;
      data->value[kind][LC_CHART_COMBINED][i] = c->count > 0 ? c->mean : NAN;
    }

  lc_trend_rolling_mean (copy, data->n, left, data->rolling[kind][LC_CHART_COMBINED]);
}

static int
compare_aggregates (const LcDayAggregate *a,
                    const LcDayAggregate *b)
{
  guint32 x = lc_trend_aggregate_day (a);
  guint32 y = lc_trend_aggregate_day (b);

  return x < y ? -1 : x > y;
}

/* @days with an empty day added for each day of @extra that it lacks */
static GArray *
add_days (GArray     *days,
          GHashTable *extra,
          GTimeZone  *tz)
{
  g_autoptr(GHashTable) have = g_hash_table_new (NULL, NULL);
  GArray *merged = g_array_copy (days);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < days->len; i++)
    g_hash_table_add (have, GUINT_TO_POINTER (lc_trend_aggregate_day (&g_array_index (days, LcDayAggregate, i))));

  g_hash_table_iter_init (&iter, extra);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      LcDayAggregate day = { 0 };
      g_autoptr(GDateTime) midnight = NULL;
      GDate date;

      if (g_hash_table_contains (have, key))
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, GPOINTER_TO_UINT (key));
      day.year = g_date_get_year (&date);
      day.month = g_date_get_month (&date);
      day.day = g_date_get_day (&date);
      midnight = g_date_time_new (tz, day.year, day.month, day.day, 0, 0, 0);
      day.start = midnight != NULL ? g_date_time_to_unix (midnight) : 0;
      g_array_append_val (merged, day);
    }

  g_array_sort (merged, (GCompareFunc) compare_aggregates);

  return merged;
}

/* Each leg's volume on the days of the measurements (the day's last), the
 * difference between them, and each leg's first volume ever */
static void
fill_volumes (LcChartData *data,
              GPtrArray   *measurements,
              GTimeZone   *tz)
{
  g_autofree gint64 *taken = g_new0 (gint64, MAX (data->n, 1));
  gint64 first_taken[LC_N_LEGS] = { G_MAXINT64, G_MAXINT64 };

  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const LcLimbMeasurement *measurement = g_ptr_array_index (measurements, i);
      int index = find_day (data, lc_trend_local_day (measurement->taken_at, tz));
      gboolean later = index >= 0 && (taken[index] == 0 || measurement->taken_at >= taken[index]);
      double ml[LC_N_LEGS];
      gboolean measured[LC_N_LEGS];

      for (int leg = 0; leg < LC_N_LEGS; leg++)
        {
          measured[leg] = lc_limb_measurement_volume (measurement, leg, &ml[leg]);
          if (measured[leg] && measurement->taken_at < first_taken[leg])
            {
              first_taken[leg] = measurement->taken_at;
              data->baseline[leg] = ml[leg];
            }
        }

      if (!later || (!measured[LC_LEG_LEFT] && !measured[LC_LEG_RIGHT]))
        continue;
      taken[index] = measurement->taken_at;
      data->value[LC_CHART_VOLUME][LC_CHART_LEFT][index] = measured[LC_LEG_LEFT] ? ml[LC_LEG_LEFT] : NAN;
      data->value[LC_CHART_VOLUME][LC_CHART_RIGHT][index] = measured[LC_LEG_RIGHT] ? ml[LC_LEG_RIGHT] : NAN;
      /* Not drawn: says that the day has a measurement */
      data->value[LC_CHART_VOLUME][LC_CHART_COMBINED][index] =
        measured[LC_LEG_LEFT] && measured[LC_LEG_RIGHT] ? (ml[LC_LEG_LEFT] + ml[LC_LEG_RIGHT]) / 2
        : measured[LC_LEG_LEFT] ? ml[LC_LEG_LEFT] : ml[LC_LEG_RIGHT];
      data->value[LC_CHART_VOLUME_DIFFERENCE][LC_CHART_COMBINED][index] =
        measured[LC_LEG_LEFT] && measured[LC_LEG_RIGHT] ? ml[LC_LEG_RIGHT] - ml[LC_LEG_LEFT] : NAN;
    }

  /* A line through the measurements, however far apart: no 7-day means */
  for (int kind = LC_CHART_VOLUME; kind <= LC_CHART_VOLUME_DIFFERENCE; kind++)
    for (int s = 0; s < LC_N_CHART_SERIES; s++)
      memcpy (data->rolling[kind][s], data->value[kind][s], sizeof (double) * data->n);
}

/**
 * lc_chart_data_new:
 * @days: (element-type LcDayAggregate): the diary's days in order, from
 *   6 days before @first_day so that the first rolling means are whole
 * @sessions: (element-type LcSessionRecord) (nullable): sessions in the range
 * @tz: the time zone that makes days of the sessions' times
 * @first_day: the first day shown (a day number, see lc_trend_day_number())
 * @last_day: the last day shown
 *
 * Returns: (transfer full): what a chart shows, without leg volumes
 */
LcChartData *
lc_chart_data_new (GArray    *days,
                   GPtrArray *sessions,
                   GTimeZone *tz,
                   guint32    first_day,
                   guint32    last_day)
{
  return lc_chart_data_new_full (days, sessions, NULL, tz, first_day, last_day);
}

/**
 * lc_chart_data_new_full:
 * @days: (element-type LcDayAggregate): the diary's days in order, from
 *   6 days before @first_day so that the first rolling means are whole
 * @sessions: (element-type LcSessionRecord) (nullable): sessions in the range
 * @measurements: (element-type LcLimbMeasurement) (nullable): the guided
 *   measurements from the first ever (the volume's baseline) to the end of
 *   the range
 * @tz: the time zone that makes days of the sessions' times
 * @first_day: the first day shown (a day number, see lc_trend_day_number())
 * @last_day: the last day shown
 *
 * Returns: (transfer full): what a chart shows
 */
LcChartData *
lc_chart_data_new_full (GArray    *days,
                        GPtrArray *sessions,
                        GPtrArray *measurements,
                        GTimeZone *tz,
                        guint32    first_day,
                        guint32    last_day)
{
  LcChartData *data;
  const LcDayAggregate *aggregates;
  g_autoptr(GArray) merged = NULL;
  g_autoptr(GHashTable) measured_days = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (days != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  /* Days measured without an entry or a session get a day of their own */
  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const LcLimbMeasurement *measurement = g_ptr_array_index (measurements, i);
      guint32 day = lc_trend_local_day (measurement->taken_at, tz);

      if (day >= first_day && day <= last_day)
        g_hash_table_add (measured_days, GUINT_TO_POINTER (day));
    }
  if (g_hash_table_size (measured_days) > 0)
    days = merged = add_days (days, measured_days, tz);

  aggregates = (const LcDayAggregate *) (gpointer) days->data;
  data = g_new0 (LcChartData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  data->first_day = first_day;
  data->last_day = last_day;
  data->n = days->len;
  data->days = g_new (guint32, MAX (data->n, 1));
  data->sessions = g_new (double, MAX (data->n, 1));
  data->baseline[LC_LEG_LEFT] = data->baseline[LC_LEG_RIGHT] = NAN;

  for (guint i = 0; i < data->n; i++)
    {
      data->days[i] = lc_trend_aggregate_day (&aggregates[i]);
      data->sessions[i] = NAN;
    }

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    for (int s = 0; s < LC_N_CHART_SERIES; s++)
      {
        data->value[kind][s] = g_new (double, MAX (data->n, 1));
        data->rolling[kind][s] = g_new (double, MAX (data->n, 1));
        for (guint i = 0; i < data->n; i++)
          data->value[kind][s][i] = data->rolling[kind][s][i] = NAN;
      }

  for (int kind = 0; kind < N_ENTRY_KINDS; kind++)
    {
      for (int leg = 0; leg < LC_N_LEGS; leg++)
        {
          LcMeasure measure = kind_measures[kind][leg];

          for (guint i = 0; i < data->n; i++)
            data->value[kind][leg][i] = aggregates[i].stats[measure].count > 0 ? aggregates[i].stats[measure].mean : NAN;
          lc_trend_rolling_mean (aggregates, data->n, measure, data->rolling[kind][leg]);
        }

      fill_combined (data, aggregates, kind);

      /* Ankles and calves are stored in millimetres and shown in centimetres. */
      if (LC_CHART_KIND_IS_CIRCUMFERENCE (kind))
        for (int s = 0; s < LC_N_CHART_SERIES; s++)
          for (guint i = 0; i < data->n; i++)
            {
              data->value[kind][s][i] /= 10.0;
              data->rolling[kind][s][i] /= 10.0;
            }
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      int index;

      /* Sitting breaks (lc_trend_summarize()'s count) per day on a chart
       * of their own; routines' completed sessions as ticks */
      if (lc_trend_session_is_break (record))
        {
          double *breaks = data->value[LC_CHART_BREAKS][LC_CHART_COMBINED];

          if (!lc_trend_session_counts (record))
            continue;
          index = find_day (data, lc_trend_local_day (record->started_at, tz));
          if (index >= 0)
            breaks[index] = isnan (breaks[index]) ? 1 : breaks[index] + 1;
          continue;
        }

      if (!lc_trend_session_completed (record))
        continue;
      index = find_day (data, lc_trend_local_day (record->started_at, tz));
      if (index >= 0)
        data->sessions[index] = isnan (data->sessions[index]) ? 1 : data->sessions[index] + 1;
    }

  fill_volumes (data, measurements, tz);

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    for (guint i = 0; i < data->n; i++)
      if (data->days[i] >= first_day && data->days[i] <= last_day && !isnan (data->value[kind][LC_CHART_COMBINED][i]))
        data->n_with_value[kind]++;

  return data;
}

LcChartData *
lc_chart_data_ref (LcChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);

  return data;
}

void
lc_chart_data_unref (LcChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    for (int s = 0; s < LC_N_CHART_SERIES; s++)
      {
        g_free (data->value[kind][s]);
        g_free (data->rolling[kind][s]);
      }
  g_free (data->days);
  g_free (data->sessions);
  g_free (data);
}

guint32
lc_chart_data_get_first_day (LcChartData *data)
{
  return data->first_day;
}

guint32
lc_chart_data_get_last_day (LcChartData *data)
{
  return data->last_day;
}

/**
 * lc_chart_data_count_days:
 *
 * Returns: the days in the range with a value of @kind (either leg)
 */
guint
lc_chart_data_count_days (LcChartData *data,
                          LcChartKind  kind)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->n_with_value[kind];
}

/**
 * lc_chart_data_get_value:
 * @value: (out) (optional): the day's mean, or NAN
 * @rolling: (out) (optional): the 7-day mean ending that day, or NAN
 *
 * Returns: whether @day has a value of @series
 */
gboolean
lc_chart_data_get_value (LcChartData   *data,
                         LcChartKind    kind,
                         LcChartSeries  series,
                         guint32        day,
                         double        *value,
                         double        *rolling)
{
  int index;

  g_return_val_if_fail (data != NULL, FALSE);

  index = find_day (data, day);
  if (value != NULL)
    *value = index >= 0 ? data->value[kind][series][index] : NAN;
  if (rolling != NULL)
    *rolling = index >= 0 ? data->rolling[kind][series][index] : NAN;

  return index >= 0 && !isnan (data->value[kind][series][index]);
}

/**
 * lc_chart_data_get_sessions:
 *
 * Returns: completed sessions on @day
 */
guint
lc_chart_data_get_sessions (LcChartData *data,
                            guint32      day)
{
  int index;

  g_return_val_if_fail (data != NULL, 0);

  index = find_day (data, day);

  return index >= 0 && !isnan (data->sessions[index]) ? (guint) data->sessions[index] : 0;
}

/**
 * lc_chart_data_count_session_days:
 *
 * Returns: the days in the range with a completed session
 */
guint
lc_chart_data_count_session_days (LcChartData *data)
{
  guint n = 0;

  g_return_val_if_fail (data != NULL, 0);

  for (guint i = 0; i < data->n; i++)
    if (data->days[i] >= data->first_day && data->days[i] <= data->last_day && !isnan (data->sessions[i]))
      n++;

  return n;
}

/**
 * lc_chart_data_get_days:
 * @n_days: (out): the number of days
 *
 * Returns: (array length=n_days): the diary's days in order, from up to 6
 *   days before the first day shown (for whole rolling means)
 */
const guint32 *
lc_chart_data_get_days (LcChartData *data,
                        guint       *n_days)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (n_days != NULL, NULL);

  *n_days = data->n;

  return data->days;
}

/**
 * lc_chart_data_get_values:
 *
 * Returns: each day's mean of @series, as many as lc_chart_data_get_days(),
 *   NAN where there is none
 */
const double *
lc_chart_data_get_values (LcChartData   *data,
                          LcChartKind    kind,
                          LcChartSeries  series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind < LC_N_CHART_KINDS, NULL);
  g_return_val_if_fail (series < LC_N_CHART_SERIES, NULL);

  return data->value[kind][series];
}

/**
 * lc_chart_data_get_rolling_means:
 *
 * Returns: the 7-day mean ending with each day, as many as
 *   lc_chart_data_get_days(), NAN where there is none
 */
const double *
lc_chart_data_get_rolling_means (LcChartData   *data,
                                 LcChartKind    kind,
                                 LcChartSeries  series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind < LC_N_CHART_KINDS, NULL);
  g_return_val_if_fail (series < LC_N_CHART_SERIES, NULL);

  return data->rolling[kind][series];
}

/**
 * lc_chart_data_get_session_counts:
 *
 * Returns: completed sessions each day, as many as lc_chart_data_get_days(),
 *   NAN for none (so that lc_trend_reduce() skips those days)
 */
const double *
lc_chart_data_get_session_counts (LcChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->sessions;
}

/**
 * lc_chart_data_get_volume_baseline:
 * @leg: %LC_CHART_LEFT or %LC_CHART_RIGHT
 * @volume_ml: (out): the leg's first volume ever measured
 *
 * The volume that the chart's band of measurement error is around.
 *
 * Returns: whether @leg was ever measured
 */
gboolean
lc_chart_data_get_volume_baseline (LcChartData   *data,
                                   LcChartSeries  leg,
                                   double        *volume_ml)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (leg == LC_CHART_LEFT || leg == LC_CHART_RIGHT, FALSE);
  g_return_val_if_fail (volume_ml != NULL, FALSE);

  *volume_ml = data->baseline[leg == LC_CHART_LEFT ? LC_LEG_LEFT : LC_LEG_RIGHT];

  return !isnan (*volume_ml);
}

/**
 * lc_chart_data_nearest_day:
 *
 * Returns: the day in range with a value of @kind (either leg) nearest to
 *   @day within @distance days, the earlier one on a tie; or 0
 */
guint32
lc_chart_data_nearest_day (LcChartData *data,
                           LcChartKind  kind,
                           guint32      day,
                           guint32      distance)
{
  g_return_val_if_fail (data != NULL, 0);

  for (guint32 d = 0; d <= distance; d++)
    {
      gboolean before = day >= d && day - d >= data->first_day;
      gboolean after = day <= G_MAXUINT32 - d && day + d <= data->last_day;

      /* Both only get further from the range as d grows. */
      if (!before && !after)
        break;
      if (before && day - d <= data->last_day
          && lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day - d, NULL, NULL))
        return day - d;
      if (after && day + d >= data->first_day
          && lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day + d, NULL, NULL))
        return day + d;
      if (d == distance)
        break;
    }

  return 0;
}

/**
 * lc_chart_data_next_day:
 * @direction: 1 for later days, -1 for earlier ones
 *
 * Returns: the next day in range with a value of @kind (either leg) after
 *   or before @day, or 0
 */
guint32
lc_chart_data_next_day (LcChartData *data,
                        LcChartKind  kind,
                        guint32      day,
                        int          direction)
{
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (kind < LC_N_CHART_KINDS, 0);

  for (guint i = 0; i < data->n; i++)
    {
      guint index = direction > 0 ? i : data->n - 1 - i;
      guint32 d = data->days[index];

      if (d < data->first_day || d > data->last_day || isnan (data->value[kind][LC_CHART_COMBINED][index]))
        continue;
      if ((direction > 0 && d > day) || (direction < 0 && d < day))
        return d;
    }

  return 0;
}

/* Ends in whole steps of 1, 2 or 5 times a power of ten (at least 1)
 * around [@lo, @hi], with at most @lines steps between them */
static void
round_axis (double       lo,
            double       hi,
            guint        lines,
            LcChartAxis *axis)
{
  static const double factors[] = { 1, 2, 5 };

  for (double power = 1; power < 1e9; power *= 10)
    for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
      {
        double step = factors[f] * power;
        double min = floor (lo / step) * step;
        double max = ceil (hi / step) * step;

        if (max <= min)
          max = min + step;
        if ((max - min) / step <= lines + 1e-9)
          {
            axis->min = min;
            axis->max = max;
            axis->step = step;
            return;
          }
      }

  axis->min = lo;
  axis->max = hi > lo ? hi : lo + 1;
  axis->step = axis->max - axis->min;
}

/**
 * lc_chart_data_value_axis:
 * @plot_height: the height of the plot in pixels
 *
 * The value axis of a chart: scores from 0 to 10, with fewer grid lines
 * when the plot is low; ankles and calves around the values shown, a centimetre more
 * either side, at least 4 cm, in whole steps of 1, 2 or 5 cm. Sitting
 * breaks from none to the most in a day (at least 4); volumes around the
 * values and the band of measurement error around each leg's first; the
 * difference between the legs from zero.
 */
void
lc_chart_data_value_axis (LcChartData *data,
                          LcChartKind  kind,
                          gboolean     combined,
                          double       plot_height,
                          LcChartAxis *axis)
{
  double lo = INFINITY, hi = -INFINITY;
  guint lines = plot_height >= 140 ? 5 : 3;

  g_return_if_fail (data != NULL);
  g_return_if_fail (axis != NULL);

  if (LC_CHART_KIND_IS_SCORE (kind))
    {
      axis->min = 0;
      axis->max = LC_SCORE_MAX;
      axis->step = plot_height >= 140 ? 2 : 5;
      return;
    }

  for (guint i = 0; i < data->n; i++)
    {
      if (data->days[i] < data->first_day || data->days[i] > data->last_day)
        continue;
      for (int s = lc_chart_kind_series_first (kind, combined); s <= (int) lc_chart_kind_series_last (kind, combined); s++)
        {
          double v = data->value[kind][s][i];

          if (!isnan (v))
            {
              lo = MIN (lo, v);
              hi = MAX (hi, v);
            }
        }
    }

  switch (kind)
    {
    case LC_CHART_BREAKS:
      round_axis (0, MAX (hi, 4), lines, axis);
      return;

    case LC_CHART_VOLUME:
      for (int leg = 0; leg < LC_N_LEGS; leg++)
        if (!isnan (data->baseline[leg]) && lo <= hi)
          {
            lo = MIN (lo, data->baseline[leg] * (1 - LC_LIMB_VOLUME_REAL_CHANGE_PERCENT / 100));
            hi = MAX (hi, data->baseline[leg] * (1 + LC_LIMB_VOLUME_REAL_CHANGE_PERCENT / 100));
          }
      if (lo > hi)
        {
          lo = 4000;
          hi = 5000;
        }
      round_axis (lo - MAX (50, (hi - lo) / 10), hi + MAX (50, (hi - lo) / 10), lines, axis);
      return;

    case LC_CHART_VOLUME_DIFFERENCE:
      if (lo > hi)
        lo = hi = 0;
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
      round_axis (lo - MAX (20, (hi - lo) / 10), hi + MAX (20, (hi - lo) / 10), lines, axis);
      return;

    case LC_CHART_HEAVINESS:
    case LC_CHART_SWELLING:
    case LC_CHART_ANKLE:
    case LC_CHART_CALF:
    case LC_N_CHART_KINDS:
    default:
      break;
    }

  if (lo > hi)
    {
      lo = 20;
      hi = 25;
    }

  axis->min = floor (lo) - 1;
  axis->max = ceil (hi) + 1;
  if (axis->max - axis->min < 4)
    axis->max = axis->min + 4;
  axis->step = axis->max - axis->min <= 8 ? 1 : axis->max - axis->min <= 16 ? 2 : 5;
  axis->min = floor (axis->min / axis->step) * axis->step;
  axis->max = ceil (axis->max / axis->step) * axis->step;
}

/* --- time axis ------------------------------------------------------------- */

static const LcChartTimeStep steps[] = {
  { LC_CHART_STEP_DAYS, 1 }, { LC_CHART_STEP_DAYS, 2 }, { LC_CHART_STEP_DAYS, 7 }, { LC_CHART_STEP_DAYS, 14 },
  { LC_CHART_STEP_MONTHS, 1 }, { LC_CHART_STEP_MONTHS, 2 }, { LC_CHART_STEP_MONTHS, 3 },
  { LC_CHART_STEP_MONTHS, 6 },
  { LC_CHART_STEP_YEARS, 1 }, { LC_CHART_STEP_YEARS, 2 }, { LC_CHART_STEP_YEARS, 5 }, { LC_CHART_STEP_YEARS, 10 },
  { LC_CHART_STEP_YEARS, 25 },
};

/**
 * lc_chart_time_step:
 * @span: the days shown
 * @plot_width: the plot's width in pixels
 * @label_width: the widest day label with its margins, in pixels
 *
 * The shortest step between labels on the time axis that leaves room for
 * a label; 25 years when none does.
 */
void
lc_chart_time_step (guint32          span,
                    double           plot_width,
                    double           label_width,
                    LcChartTimeStep *step)
{
  g_return_if_fail (step != NULL);

  *step = steps[G_N_ELEMENTS (steps) - 1];
  if (span == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double days = steps[i].unit == LC_CHART_STEP_DAYS ? steps[i].count
                    : steps[i].unit == LC_CHART_STEP_MONTHS ? 30.44 * steps[i].count : 365.25 * steps[i].count;

      if (days * plot_width / span >= label_width)
        {
          *step = steps[i];
          return;
        }
    }
}

/**
 * lc_chart_is_label_day:
 *
 * Returns: whether @day gets a label on the time axis: weeks start on
 *   Mondays, shorter steps count from @first_day, months and years from
 *   their first day
 */
gboolean
lc_chart_is_label_day (guint32                day,
                       guint32                first_day,
                       const LcChartTimeStep *step)
{
  GDate date;

  g_return_val_if_fail (step != NULL && step->count > 0, FALSE);
  g_return_val_if_fail (g_date_valid_julian (day), FALSE);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (step->unit)
    {
    case LC_CHART_STEP_DAYS:
      if (step->count >= 7)
        return g_date_get_weekday (&date) == G_DATE_MONDAY
               && ((day - 1) / 7) % (step->count / 7) == 0;
      return (day - first_day) % step->count == 0;
    case LC_CHART_STEP_MONTHS:
      return g_date_get_day (&date) == 1 && (g_date_get_month (&date) - 1) % step->count == 0;
    case LC_CHART_STEP_YEARS:
    default:
      return g_date_get_day (&date) == 1 && g_date_get_month (&date) == 1
             && g_date_get_year (&date) % step->count == 0;
    }
}

/**
 * lc_chart_day_label:
 *
 * Returns: (transfer full): @day's label on the time axis: "28 Sep" for
 *   days, "Sep" for months (the year for January), the year for years
 */
char *
lc_chart_day_label (guint32         day,
                    LcChartStepUnit unit)
{
  g_autoptr(GDateTime) time = lc_trend_day_to_local (day);

  switch (unit)
    {
    case LC_CHART_STEP_DAYS:
      /* TRANSLATORS: a day on the chart's time axis, see strftime(3) */
      return g_strstrip (g_date_time_format (time, C_("chart axis", "%-e %b")));
    case LC_CHART_STEP_MONTHS:
      if (g_date_time_get_month (time) == 1)
        return g_date_time_format (time, "%Y");
      /* TRANSLATORS: a month on the chart's time axis, see strftime(3) */
      return g_date_time_format (time, C_("chart axis", "%b"));
    case LC_CHART_STEP_YEARS:
    default:
      return g_date_time_format (time, "%Y");
    }
}

/* --- words ----------------------------------------------------------------- */

const char *
lc_chart_kind_get_title (LcChartKind kind)
{
  switch (kind)
    {
    case LC_CHART_HEAVINESS:
      return _("Heaviness");
    case LC_CHART_SWELLING:
      return _("Swelling");
    case LC_CHART_ANKLE:
      return _("Ankle Circumference");
    case LC_CHART_CALF:
      return _("Calf Circumference");
    case LC_CHART_BREAKS:
      return _("Sitting Breaks");
    case LC_CHART_VOLUME:
      return _("Leg Volume");
    case LC_CHART_VOLUME_DIFFERENCE:
      return _("Difference Between Legs");
    case LC_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "4" or "4.5"; ankles and calves "23.5 cm"; volumes "4622 mL" */
static char *
format_value (LcChartKind kind,
              double      value)
{
  if (kind == LC_CHART_VOLUME)
    /* TRANSLATORS: a leg's volume in millilitres */
    return g_strdup_printf (_("%.0f mL"), value);
  if (kind == LC_CHART_VOLUME_DIFFERENCE)
    {
      g_autofree char *difference = lc_format_signed (value, 0, TRUE);

      /* TRANSLATORS: the right leg's volume less the left's, in
       * millilitres: %s is the number with its sign, e.g. "+80" or "−35" */
      return g_strdup_printf (_("%s mL"), difference);
    }
  if (LC_CHART_KIND_IS_CIRCUMFERENCE (kind))
    /* TRANSLATORS: an ankle or calf circumference in centimetres */
    return g_strdup_printf (_("%.1f cm"), value);
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.1f", value);
}

static char *
describe_series (LcChartData   *data,
                 LcChartKind    kind,
                 LcChartSeries  series,
                 guint32        day)
{
  double value, rolling;
  g_autofree char *v = NULL;
  g_autofree char *r = NULL;

  if (!lc_chart_data_get_value (data, kind, series, day, &value, &rolling))
    {
      switch (series)
        {
        case LC_CHART_LEFT:
          return g_strdup (_("left leg not measured"));
        case LC_CHART_RIGHT:
          return g_strdup (_("right leg not measured"));
        case LC_CHART_COMBINED:
        case LC_N_CHART_SERIES:
        default:
          return g_strdup (_("not measured"));
        }
    }

  v = format_value (kind, value);
  r = format_value (kind, rolling);
  switch (series)
    {
    case LC_CHART_LEFT:
      /* TRANSLATORS: a day's value of the left leg, then the mean of the 7 days up to it */
      return g_strdup_printf (_("left leg %s (7-day mean %s)"), v, r);
    case LC_CHART_RIGHT:
      return g_strdup_printf (_("right leg %s (7-day mean %s)"), v, r);
    case LC_CHART_COMBINED:
    case LC_N_CHART_SERIES:
    default:
      return g_strdup_printf (_("both legs %s (7-day mean %s)"), v, r);
    }
}

/* A day of the sitting breaks' or the volumes' charts */
static char *
describe_other (LcChartData *data,
                LcChartKind  kind,
                guint32      day)
{
  double value;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *v = NULL;

  switch (kind)
    {
    case LC_CHART_BREAKS:
      if (!lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day, &value, NULL))
        return g_strdup (_("no sitting breaks"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sitting break", "%u sitting breaks", (gulong) value),
                              (guint) value);

    case LC_CHART_VOLUME_DIFFERENCE:
      if (!lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day, &value, NULL))
        return g_strdup (_("not both legs measured"));
      v = format_value (kind, value);
      /* TRANSLATORS: the right leg's volume less the left's, e.g. "+80 mL" */
      return g_strdup_printf (_("right leg less left leg %s"), v);

    case LC_CHART_VOLUME:
    case LC_CHART_HEAVINESS:
    case LC_CHART_SWELLING:
    case LC_CHART_ANKLE:
    case LC_CHART_CALF:
    case LC_N_CHART_KINDS:
    default:
      if (!lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day, NULL, NULL))
        return g_strdup (_("not measured"));
      if (lc_chart_data_get_value (data, kind, LC_CHART_LEFT, day, &value, NULL))
        {
          v = format_value (kind, value);
          /* TRANSLATORS: the left leg's volume that day, e.g. "4622 mL" */
          left = g_strdup_printf (_("left leg %s"), v);
          g_clear_pointer (&v, g_free);
        }
      else
        left = g_strdup (_("left leg not measured"));
      if (lc_chart_data_get_value (data, kind, LC_CHART_RIGHT, day, &value, NULL))
        {
          v = format_value (kind, value);
          right = g_strdup_printf (_("right leg %s"), v);
        }
      else
        right = g_strdup (_("right leg not measured"));
      return g_strdup_printf (_("%s, %s"), left, right);
    }
}

/**
 * lc_chart_describe_day:
 *
 * Returns: (transfer full): the day's values in words, as the page shows
 *   them for the day under the pointer or the keyboard focus
 */
char *
lc_chart_describe_day (LcChartData *data,
                       LcChartKind  kind,
                       gboolean     combined,
                       guint32      day)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date = NULL;
  g_autofree char *values = NULL;
  guint sessions;

  g_return_val_if_fail (data != NULL, NULL);

  time = lc_trend_day_to_local (day);
  /* TRANSLATORS: a day in the chart's details, see strftime(3) */
  date = g_date_time_format (time, C_("chart day", "%A, %-e %B %Y"));
  g_strstrip (date);

  if (kind == LC_CHART_BREAKS || LC_CHART_KIND_IS_VOLUME (kind))
    values = describe_other (data, kind, day);
  else if (!lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day, NULL, NULL))
    values = g_strdup (_("no entry"));
  else if (combined)
    values = describe_series (data, kind, LC_CHART_COMBINED, day);
  else
    {
      g_autofree char *left = describe_series (data, kind, LC_CHART_LEFT, day);
      g_autofree char *right = describe_series (data, kind, LC_CHART_RIGHT, day);

      /* TRANSLATORS: the left and the right leg's values of a day */
      values = g_strdup_printf (_("%s, %s"), left, right);
    }

  sessions = LC_CHART_KIND_IS_VOLUME (kind) ? 0 : lc_chart_data_get_sessions (data, day);
  if (sessions > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", sessions),
                                                sessions);

      /* TRANSLATORS: a date, the day's values, and its sessions */
      return g_strdup_printf (_("%s: %s · %s"), date, values, count);
    }

  /* TRANSLATORS: a date and the day's values */
  return g_strdup_printf (_("%s: %s"), date, values);
}

/* The rolling mean of the first and the last day in range */
static gboolean
first_last_rolling (LcChartData   *data,
                    LcChartKind    kind,
                    LcChartSeries  series,
                    double        *first,
                    double        *last)
{
  gboolean found = FALSE;

  for (guint i = 0; i < data->n; i++)
    {
      double r = data->rolling[kind][series][i];

      if (data->days[i] < data->first_day || data->days[i] > data->last_day || isnan (r))
        continue;
      if (!found)
        *first = r;
      *last = r;
      found = TRUE;
    }

  return found;
}

/**
 * lc_chart_describe:
 *
 * Returns: (transfer full): the chart in words, its accessible description
 */
char *
lc_chart_describe (LcChartData *data,
                   LcChartKind  kind,
                   gboolean     combined)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GString *text;
  guint n_days;
  guint n_sessions;

  g_return_val_if_fail (data != NULL, NULL);

  from = lc_trend_day_to_local (data->first_day);
  to = lc_trend_day_to_local (data->last_day);
  /* TRANSLATORS: a date in the chart's description, see strftime(3) */
  from_text = g_strstrip (g_date_time_format (from, C_("chart description", "%-e %B %Y")));
  to_text = g_strstrip (g_date_time_format (to, C_("chart description", "%-e %B %Y")));
  n_days = data->n_with_value[kind];

  text = g_string_new (NULL);
  /* TRANSLATORS: the chart's title and its period */
  g_string_append_printf (text, _("%s from %s to %s."), lc_chart_kind_get_title (kind), from_text, to_text);
  g_string_append_c (text, ' ');
  if (n_days == 0)
    {
      g_string_append (text, kind == LC_CHART_BREAKS ? _("No sitting breaks in this period.")
                             : LC_CHART_KIND_IS_VOLUME (kind) ? _("No measurements in this period.")
                             : _("No entries in this period."));
      return g_string_free (text, FALSE);
    }

  if (kind == LC_CHART_BREAKS)
    {
      guint total = 0;

      for (guint i = 0; i < data->n; i++)
        if (data->days[i] >= data->first_day && data->days[i] <= data->last_day
            && !isnan (data->value[kind][LC_CHART_COMBINED][i]))
          total += (guint) data->value[kind][LC_CHART_COMBINED][i];
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u day with sitting breaks", "%u days with sitting breaks",
                                           n_days),
                              n_days);
      g_string_append (text, ", ");
      /* TRANSLATORS: after "N days with sitting breaks, " */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u break in all.", "%u breaks in all.", total),
                              total);
      return g_string_free (text, FALSE);
    }

  if (LC_CHART_KIND_IS_VOLUME (kind))
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u day with a measurement.",
                                         "%u days with a measurement.", n_days),
                            n_days);
  else
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "%u day with entries.", "%u days with entries.", n_days),
                            n_days);

  for (int s = lc_chart_kind_series_first (kind, combined); s <= (int) lc_chart_kind_series_last (kind, combined); s++)
    {
      double first, last;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (!first_last_rolling (data, kind, s, &first, &last))
        continue;

      a = format_value (kind, first);
      b = format_value (kind, last);
      g_string_append_c (text, ' ');
      if (LC_CHART_KIND_IS_VOLUME (kind))
        {
          /* The first and the last measurement in the period */
          g_string_append_printf (text,
                                  kind == LC_CHART_VOLUME_DIFFERENCE ? _("Right leg less left leg: from %s to %s.")
                                  : s == LC_CHART_LEFT ? _("Left leg: from %s to %s.")
                                  : _("Right leg: from %s to %s."),
                                  a, b);
          continue;
        }
      switch ((LcChartSeries) s)
        {
        case LC_CHART_LEFT:
          g_string_append_printf (text, _("Left leg: 7-day mean from %s to %s."), a, b);
          break;
        case LC_CHART_RIGHT:
          g_string_append_printf (text, _("Right leg: 7-day mean from %s to %s."), a, b);
          break;
        case LC_CHART_COMBINED:
        case LC_N_CHART_SERIES:
        default:
          g_string_append_printf (text, _("Both legs: 7-day mean from %s to %s."), a, b);
          break;
        }
    }

  /* Sessions are not what the volumes' charts are about */
  n_sessions = LC_CHART_KIND_IS_VOLUME (kind) ? 0 : lc_chart_data_count_session_days (data);
  if (n_sessions > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%u day with a session.", "%u days with a session.",
                                           n_sessions),
                              n_sessions);
    }

  return g_string_free (text, FALSE);
}
