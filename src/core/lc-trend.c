/* lc-trend.c: what the diary says over time — rolling means, comparisons,
 * the effect of sessions, red flags, and reducing a series to a pixel grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days are local calendar days numbered by GDate's Julian day, so "7 days"
 * is 7 calendar days also across daylight-saving changes, and never "the
 * last 7 entries". Arrays of LcDayAggregate are those of
 * lc_diary_daily_aggregates(): in order, only days with entries or
 * sessions; a measure without a value that day has count 0.
 *
 * Means weighted "by entries" count every entry once: a day with three
 * scores weighs three times a day with one. A mean without values (n == 0)
 * is 0, like LcStat's.
 *
 * Means are ratios of small whole numbers, so a difference that is exactly
 * a threshold (30 mm, 3 points) may come out a hair below it in floating
 * point; comparisons with thresholds allow for LC_TREND_EPSILON.
 *
 * The sentences of lc_trend_period_insights() are in lc-trend-insights.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-routine.h"
#include "lc-trend.h"
#include "lc-trend-private.h"

typedef struct
{
  guint   n;
  double  sum;
} Sum;

static const LcMeasure swelling_measure[LC_N_LEGS] = {
  LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT,
};
static const LcMeasure ankle_measure[LC_N_LEGS] = {
  LC_MEASURE_ANKLE_LEFT, LC_MEASURE_ANKLE_RIGHT,
};
static const LcMeasure calf_measure[LC_N_LEGS] = {
  LC_MEASURE_CALF_LEFT, LC_MEASURE_CALF_RIGHT,
};

/* --- helpers ----------------------------------------------------------------- */

static inline void
sum_add (Sum    *sum,
         double  total,
         guint   n)
{
  sum->sum += total;
  sum->n += n;
}

static inline double
sum_mean (const Sum *sum)
{
  return sum->n > 0 ? sum->sum / sum->n : 0;
}

static inline LcTrendMean
sum_to_mean (const Sum *sum)
{
  LcTrendMean mean = { sum->n, sum_mean (sum) };

  return mean;
}

/* The index of the first day whose day number is @day or later. */
static guint
lower_bound (const LcDayAggregate *days,
             guint                 n_days,
             gint64                day)
{
  guint low = 0;
  guint high = n_days;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if ((gint64) lc_trend_aggregate_day (&days[middle]) < day)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Entry-weighted sum of @measure over the days in [@first_day, @last_day];
 * signed bounds so that windows reaching before day 1 are simply empty. */
static Sum
window_sum (const LcDayAggregate *days,
            guint                 n_days,
            LcMeasure             measure,
            gint64                first_day,
            gint64                last_day)
{
  Sum sum = { 0 };

  for (guint i = lower_bound (days, n_days, first_day); i < n_days; i++)
    {
      const LcStat *stat = &days[i].stats[measure];

      if ((gint64) lc_trend_aggregate_day (&days[i]) > last_day)
        break;
      if (stat->count > 0)
        sum_add (&sum, stat->mean * stat->count, stat->count);
    }

  return sum;
}

/* The local day (in @tz) of a UTC time, 0 if out of range. */
guint32
lc_trend_local_day (gint64     time,
                    GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_timezone (utc, tz);
  if (local == NULL)
    return 0;

  return lc_trend_date_time_day (local);
}

/* --- day numbers --------------------------------------------------------------- */

/**
 * lc_trend_day_number:
 * @year: the year, 1-9999
 * @month: 1-12
 * @day: 1-31
 *
 * The day number of a calendar date: GDate's Julian day, 1 for
 * 0001-01-01. Consecutive dates differ by 1, whatever the clocks do.
 *
 * Returns: the day number, or 0 for an invalid date
 */
guint32
lc_trend_day_number (int year,
                     int month,
                     int day)
{
  GDate date;

  g_return_val_if_fail (year >= 1 && year <= G_MAXUINT16, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  g_return_val_if_fail (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year), 0);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

/**
 * lc_trend_aggregate_day:
 * @day: a day of lc_diary_daily_aggregates()
 *
 * Returns: the day number of @day's calendar date
 */
guint32
lc_trend_aggregate_day (const LcDayAggregate *day)
{
  g_return_val_if_fail (day != NULL, 0);

  return lc_trend_day_number (day->year, day->month, day->day);
}

/**
 * lc_trend_day_to_local:
 * @day: a day number (see lc_trend_day_number())
 *
 * Returns: (transfer full): noon of @day in local time, to format the date
 */
GDateTime *
lc_trend_day_to_local (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                12, 0, 0);
}

/**
 * lc_trend_date_time_day:
 * @time: a time
 *
 * The day number of @time's date in its own time zone: convert it with
 * g_date_time_to_timezone() or g_date_time_to_local() first for another.
 *
 * Returns: the day number
 */
guint32
lc_trend_date_time_day (GDateTime *time)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (time != NULL, 0);

  g_date_time_get_ymd (time, &year, &month, &day);
  return lc_trend_day_number (year, month, day);
}

/* --- means --------------------------------------------------------------------- */

/**
 * lc_trend_rolling_mean:
 * @days: (array length=n_days): days in order
 * @n_days: the number of days
 * @measure: the measure
 * @out: (array length=n_days): where to write the means
 *
 * For each day with a value of @measure, the mean of the daily means of
 * the days in the LC_TREND_ROLLING_DAYS calendar days ending with it
 * (each day counts once, however many entries it has); days further back
 * than that, such as those before a long gap, do not count. A day without
 * a value of @measure gets NAN.
 */
void
lc_trend_rolling_mean (const LcDayAggregate *days,
                       guint                 n_days,
                       LcMeasure             measure,
                       double               *out)
{
  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (out != NULL || n_days == 0);
  g_return_if_fail ((guint) measure < LC_N_MEASURES);

  for (guint i = 0; i < n_days; i++)
    {
      gint64 first = (gint64) lc_trend_aggregate_day (&days[i]) - (LC_TREND_ROLLING_DAYS - 1);
      double sum = 0;
      guint n = 0;

      out[i] = NAN;
      if (days[i].stats[measure].count == 0)
        continue;

      /* At most LC_TREND_ROLLING_DAYS days back, as days are distinct. */
      for (guint j = i + 1; j-- > 0;)
        {
          const LcStat *stat = &days[j].stats[measure];

          if ((gint64) lc_trend_aggregate_day (&days[j]) < first)
            break;
          if (stat->count > 0)
            {
              sum += stat->mean;
              n++;
            }
        }

      out[i] = sum / n;
    }
}

/**
 * lc_trend_mean_between:
 * @days: (array length=n_days): days in order
 * @n_days: the number of days
 * @measure: the measure
 * @first_day: the first day number
 * @last_day: the last day number, inclusive
 *
 * The mean of @measure over the days in [@first_day, @last_day], weighted
 * by entries: every entry with a value counts once.
 *
 * Returns: the mean and the number of values behind it (0: none)
 */
LcTrendMean
lc_trend_mean_between (const LcDayAggregate *days,
                       guint                 n_days,
                       LcMeasure             measure,
                       guint32               first_day,
                       guint32               last_day)
{
  LcTrendMean none = { 0, 0 };
  Sum sum;

  g_return_val_if_fail (days != NULL || n_days == 0, none);
  g_return_val_if_fail ((guint) measure < LC_N_MEASURES, none);

  sum = window_sum (days, n_days, measure, first_day, last_day);
  return sum_to_mean (&sum);
}

/**
 * lc_trend_time_of_day:
 * @entries: (element-type LcEntry) (nullable): the entries
 * @tz: the time zone whose clock decides morning and evening
 * @out: (out caller-allocates): the means
 *
 * Means of the heaviness and swelling scores of entries taken in the
 * morning (local hour before LC_TREND_MORNING_END_HOUR) and in the evening
 * (from LC_TREND_EVENING_START_HOUR); each leg's score counts as one
 * value. Entries in between count in neither.
 */
void
lc_trend_time_of_day (GPtrArray   *entries,
                      GTimeZone   *tz,
                      LcTimeOfDay *out)
{
  Sum morning_heaviness = { 0 };
  Sum evening_heaviness = { 0 };
  Sum morning_swelling = { 0 };
  Sum evening_swelling = { 0 };

  g_return_if_fail (tz != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const LcEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->taken_at);
      g_autoptr(GDateTime) local = NULL;
      Sum *heaviness;
      Sum *swelling;
      int hour;

      if (utc == NULL || (local = g_date_time_to_timezone (utc, tz)) == NULL)
        continue;

      hour = g_date_time_get_hour (local);
      if (hour < LC_TREND_MORNING_END_HOUR)
        {
          heaviness = &morning_heaviness;
          swelling = &morning_swelling;
        }
      else if (hour >= LC_TREND_EVENING_START_HOUR)
        {
          heaviness = &evening_heaviness;
          swelling = &evening_swelling;
        }
      else
        continue;

      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        {
          if (entry->heaviness[leg] != LC_SCORE_NONE)
            sum_add (heaviness, entry->heaviness[leg], 1);
          if (entry->swelling[leg] != LC_SCORE_NONE)
            sum_add (swelling, entry->swelling[leg], 1);
        }
    }

  out->morning_heaviness = sum_to_mean (&morning_heaviness);
  out->evening_heaviness = sum_to_mean (&evening_heaviness);
  out->morning_swelling = sum_to_mean (&morning_swelling);
  out->evening_swelling = sum_to_mean (&evening_swelling);
}

/* --- sessions ------------------------------------------------------------------ */

/**
 * lc_trend_session_completed:
 * @record: a session
 *
 * Returns: whether every step of the session was done or skipped, with at
 *   least one done
 */
gboolean
lc_trend_session_completed (const LcSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return record->steps_total > 0 &&
         record->steps_done > 0 &&
         (guint64) record->steps_done + record->steps_skipped >= record->steps_total;
}

/**
 * lc_trend_session_counts:
 * @record: a session
 *
 * A session stopped before any step was done says nothing about the
 * routine: it is kept in the diary, but not counted in the statistics or
 * the before/after means.
 *
 * Returns: whether @record counts: at least one step done
 */
gboolean
lc_trend_session_counts (const LcSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return record->steps_done > 0;
}

/**
 * lc_trend_sessions_per_week:
 * @sessions: (element-type LcSessionRecord) (nullable): the sessions
 * @tz: the time zone of the local days
 * @first_day: the day number of the first day of window 0
 * @n_weeks: the number of 7-day windows
 * @counts: (array length=n_weeks) (out caller-allocates): completed
 *   sessions per window
 *
 * Counts the completed sessions (lc_trend_session_completed()) by the
 * local day they started on: window w covers the days [@first_day + 7 w,
 * @first_day + 7 w + 6]. Sessions outside all windows are not counted.
 *
 * Returns: the number of sessions counted, the sum of @counts
 */
guint
lc_trend_sessions_per_week (GPtrArray *sessions,
                            GTimeZone *tz,
                            guint32    first_day,
                            guint      n_weeks,
                            guint     *counts)
{
  guint total = 0;

  g_return_val_if_fail (tz != NULL, 0);
  g_return_val_if_fail (counts != NULL || n_weeks == 0, 0);

  if (n_weeks > 0)
    memset (counts, 0, n_weeks * sizeof *counts);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      guint32 day;
      guint32 week;

      if (!lc_trend_session_completed (record) || lc_trend_session_is_break (record))
        continue;

      day = lc_trend_local_day (record->started_at, tz);
      if (day == 0 || day < first_day)
        continue;

      week = (day - first_day) / 7;
      if (week >= n_weeks)
        continue;

      counts[week]++;
      total++;
    }

  return total;
}

typedef struct
{
  double  before;
  double  after;
  gint64  newest;
} EffectSums;

static void
clear_effect (gpointer data)
{
  LcRoutineEffect *effect = data;

  g_clear_pointer (&effect->routine_id, g_free);
  g_clear_pointer (&effect->routine_name, g_free);
}

static int
compare_effects (gconstpointer a,
                 gconstpointer b)
{
  const LcRoutineEffect *x = a;
  const LcRoutineEffect *y = b;
  int order;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;

  order = g_utf8_collate (x->routine_name, y->routine_name);
  if (order != 0)
    return order;

  return strcmp (x->routine_id, y->routine_id);
}

/**
 * lc_trend_routine_effects:
 * @sessions: (element-type LcSessionRecord) (nullable): the sessions
 *
 * The heaviness before and after sessions, per routine, from the sessions
 * rated both before and after, completed or not but with a step done
 * (lc_trend_session_counts()). A routine's name is
 * that of its newest such session.
 *
 * Returns: (transfer full) (element-type LcRoutineEffect): the routines
 *   with most sessions first, then by name; freeing the array frees its
 *   elements' strings
 */
GArray *
lc_trend_routine_effects (GPtrArray *sessions)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GArray) sums = NULL;
  GArray *effects;

  effects = g_array_new (FALSE, TRUE, sizeof (LcRoutineEffect));
  g_array_set_clear_func (effects, clear_effect);
  sums = g_array_new (FALSE, TRUE, sizeof (EffectSums));
  /* routine_id (owned by the effect) → position + 1 */
  positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      const char *name;
      LcRoutineEffect *effect;
      EffectSums *sum;
      guint position;

      if (record->heaviness_before == LC_SCORE_NONE ||
          record->heaviness_after == LC_SCORE_NONE ||
          record->routine_id == NULL ||
          !lc_trend_session_counts (record))
        continue;

      name = record->routine_name != NULL ? record->routine_name : record->routine_id;
      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, record->routine_id));
      if (position == 0)
        {
          LcRoutineEffect new_effect = { 0 };
          EffectSums new_sum = { 0 };

          new_effect.routine_id = g_strdup (record->routine_id);
          new_effect.routine_name = g_strdup (name);
          new_sum.newest = record->started_at;
          g_array_append_val (effects, new_effect);
          g_array_append_val (sums, new_sum);
          position = effects->len;
          g_hash_table_insert (positions, new_effect.routine_id, GUINT_TO_POINTER (position));
        }

      effect = &g_array_index (effects, LcRoutineEffect, position - 1);
      sum = &g_array_index (sums, EffectSums, position - 1);
      if (record->started_at > sum->newest)
        {
          g_free (effect->routine_name);
          effect->routine_name = g_strdup (name);
          sum->newest = record->started_at;
        }

      effect->n++;
      sum->before += record->heaviness_before;
      sum->after += record->heaviness_after;
    }

  for (guint i = 0; i < effects->len; i++)
    {
      LcRoutineEffect *effect = &g_array_index (effects, LcRoutineEffect, i);
      const EffectSums *sum = &g_array_index (sums, EffectSums, i);

      effect->mean_before = sum->before / effect->n;
      effect->mean_after = sum->after / effect->n;
      effect->mean_change = effect->mean_after - effect->mean_before;
    }

  /* The hash table's keys are the effects' strings: drop it before sorting. */
  g_clear_pointer (&positions, g_hash_table_unref);
  g_array_sort (effects, compare_effects);

  return effects;
}

/* --- red flags ----------------------------------------------------------------- */

/* The index of the latest day before @end with both legs of @measures
 * measured, if less than LC_TREND_RECENT_DAYS before @day; or -1 */
static int
latest_pair (const LcDayAggregate *days,
             guint                 end,
             guint32               day,
             const LcMeasure       measures[LC_N_LEGS])
{
  for (guint i = end; i-- > 0;)
    {
      if ((gint64) day - lc_trend_aggregate_day (&days[i]) >= LC_TREND_RECENT_DAYS)
        return -1;
      if (days[i].stats[measures[LC_LEG_LEFT]].count > 0 && days[i].stats[measures[LC_LEG_RIGHT]].count > 0)
        return (int) i;
    }
  return -1;
}

/* The calves: 3 cm or more between them on the latest day measured */
static void
check_calves (const LcDayAggregate *days,
              guint                 end,
              guint32               day,
              LcRedFlagReport      *out)
{
  int i = latest_pair (days, end, day, calf_measure);
  double left, right;

  if (i < 0)
    return;

  left = days[i].stats[calf_measure[LC_LEG_LEFT]].mean;
  right = days[i].stats[calf_measure[LC_LEG_RIGHT]].mean;
  out->calf_day = lc_trend_aggregate_day (&days[i]);
  out->calf_mm[LC_LEG_LEFT] = left;
  out->calf_mm[LC_LEG_RIGHT] = right;
  out->calf_larger = right > left ? LC_LEG_RIGHT : LC_LEG_LEFT;
  if (lc_trend_at_least (lc_trend_difference (left, right), LC_TREND_CALF_DIFF_MM))
    out->flags |= LC_RED_FLAG_CALF_DIFFERENCE;
}

/* The ankles: the latest day's difference between them against the mean
 * difference of the earlier days (both ankles measured, within
 * LC_TREND_ANKLE_BASELINE_DAYS), signed, so a leg that was always the
 * larger one raises nothing. */
static void
check_ankles (const LcDayAggregate *days,
              guint                 end,
              guint32               day,
              LcRedFlagReport      *out)
{
  int i = latest_pair (days, end, day, ankle_measure);
  double left, right;
  double sum = 0;
  guint n = 0;
  guint32 latest;

  if (i < 0)
    return;

  left = days[i].stats[ankle_measure[LC_LEG_LEFT]].mean;
  right = days[i].stats[ankle_measure[LC_LEG_RIGHT]].mean;
  latest = lc_trend_aggregate_day (&days[i]);
  out->ankle_day = latest;
  out->ankle_mm[LC_LEG_LEFT] = left;
  out->ankle_mm[LC_LEG_RIGHT] = right;
  out->ankle_larger = right > left ? LC_LEG_RIGHT : LC_LEG_LEFT;

  for (int j = i; j-- > 0;)
    {
      const LcStat *l = &days[j].stats[ankle_measure[LC_LEG_LEFT]];
      const LcStat *r = &days[j].stats[ankle_measure[LC_LEG_RIGHT]];

      if ((gint64) latest - lc_trend_aggregate_day (&days[j]) > LC_TREND_ANKLE_BASELINE_DAYS)
        break;
      if (l->count == 0 || r->count == 0)
        continue;
      sum += r->mean - l->mean;
      n++;
    }

  out->ankle_baseline_days = n;
  if (n < LC_TREND_ANKLE_MIN_BASELINE)
    return;

  out->ankle_baseline_mm = sum / n;
  if (lc_trend_at_least (lc_trend_difference (right - left, out->ankle_baseline_mm), LC_TREND_ANKLE_NEW_DIFF_MM))
    out->flags |= LC_RED_FLAG_ANKLE_NEW_DIFFERENCE;
}

/* The last LC_TREND_SWELLING_RECENT_DAYS days against the
 * LC_TREND_SWELLING_BASELINE_DAYS before them. */
static void
check_swelling (const LcDayAggregate *days,
                guint                 n_days,
                guint32               day,
                LcRedFlagReport      *out)
{
  gint64 recent_first = (gint64) day - (LC_TREND_SWELLING_RECENT_DAYS - 1);
  gint64 baseline_first = recent_first - LC_TREND_SWELLING_BASELINE_DAYS;
  Sum recent[LC_N_LEGS] = { { 0 } };
  Sum baseline[LC_N_LEGS] = { { 0 } };
  double rise[LC_N_LEGS];
  guint baseline_days = 0;

  for (guint i = lower_bound (days, n_days, baseline_first); i < n_days; i++)
    {
      gint64 number = lc_trend_aggregate_day (&days[i]);
      gboolean in_recent = number >= recent_first;
      gboolean both = TRUE;

      if (number > day)
        break;

      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        {
          const LcStat *stat = &days[i].stats[swelling_measure[leg]];

          if (stat->count == 0)
            {
              both = FALSE;
              continue;
            }
          sum_add (in_recent ? &recent[leg] : &baseline[leg],
                   stat->mean * stat->count, stat->count);
        }

      if (!in_recent && both)
        baseline_days++;
    }

  if (baseline_days < LC_TREND_SWELLING_MIN_BASELINE ||
      recent[LC_LEG_LEFT].n == 0 || recent[LC_LEG_RIGHT].n == 0)
    return;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      out->swelling_baseline[leg] = sum_mean (&baseline[leg]);
      out->swelling_recent[leg] = sum_mean (&recent[leg]);
      rise[leg] = out->swelling_recent[leg] - out->swelling_baseline[leg];
    }

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      guint other = 1 - leg;

      if (lc_trend_at_least (rise[leg], LC_TREND_SWELLING_RISE) &&
          !lc_trend_at_least (rise[other], LC_TREND_SWELLING_OTHER))
        {
          out->flags |= LC_RED_FLAG_ONE_LEG_SWELLING;
          out->swelling_leg = leg;
        }
    }
}

/**
 * lc_trend_red_flags_on:
 * @days: (array length=n_days): days in order
 * @n_days: the number of days
 * @day: the day number to evaluate on; later days are ignored
 * @out: (out caller-allocates): the report
 *
 * Evaluates the red-flag rules (see lc-trend.h: NHS, "DVT (deep vein
 * thrombosis)"; Wells et al. 1997, Lancet 350:1795) as of @day:
 *
 * - %LC_RED_FLAG_CALF_DIFFERENCE: on the latest day up to @day with both
 *   calves measured, less than LC_TREND_RECENT_DAYS days before @day, the
 *   legs' daily means differ by LC_TREND_CALF_DIFF_MM or more. calf_day,
 *   calf_mm and calf_larger (the left leg if equal) are filled whenever
 *   there is such a day, flagged or not. Ankles never raise it.
 * - %LC_RED_FLAG_ANKLE_NEW_DIFFERENCE: on the latest such day for the
 *   ankles, right minus left differs from its mean over the earlier days
 *   (at least LC_TREND_ANKLE_MIN_BASELINE of them within
 *   LC_TREND_ANKLE_BASELINE_DAYS) by LC_TREND_ANKLE_NEW_DIFF_MM or more.
 *   The ankle_ fields are filled as the calf_ ones are;
 *   ankle_baseline_mm only with enough earlier days.
 * - %LC_RED_FLAG_ONE_LEG_SWELLING: the entry-weighted mean swelling of one
 *   leg over the last LC_TREND_SWELLING_RECENT_DAYS days (ending with
 *   @day) is LC_TREND_SWELLING_RISE or more above its mean over the
 *   LC_TREND_SWELLING_BASELINE_DAYS days before, while the other leg's
 *   rose less than LC_TREND_SWELLING_OTHER. Needs a swelling score of each
 *   leg in the recent days, and LC_TREND_SWELLING_MIN_BASELINE baseline
 *   days with both legs scored. swelling_baseline and swelling_recent are
 *   filled whenever the data is enough, flagged or not; swelling_leg is
 *   the swollen leg when flagged.
 *
 * Everything not filled is 0.
 */
void
lc_trend_red_flags_on (const LcDayAggregate *days,
                       guint                 n_days,
                       guint32               day,
                       LcRedFlagReport      *out)
{
  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->flags = LC_RED_FLAG_NONE;
  out->calf_larger = LC_LEG_LEFT;
  out->ankle_larger = LC_LEG_LEFT;
  out->swelling_leg = LC_LEG_LEFT;

  check_calves (days, lower_bound (days, n_days, (gint64) day + 1), day, out);
  check_ankles (days, lower_bound (days, n_days, (gint64) day + 1), day, out);
  check_swelling (days, n_days, day, out);
}

/**
 * lc_trend_red_flags_to_show:
 * @days: (array length=n_days): days in order
 * @n_days: the number of days
 * @today: the day number of today
 * @acknowledged_day: the day the user confirmed the flags shown, or 0
 * @out: (out caller-allocates) (optional): the report for @today
 *
 * The red flags to show on @today. A flag the user acknowledged on
 * @acknowledged_day stays hidden while it has been raised on every day
 * from @acknowledged_day to @today; once it stopped on some day, it is a
 * new episode and shows again. An @acknowledged_day after @today is
 * ignored.
 *
 * @out receives lc_trend_red_flags_on() for @today unchanged: out->flags
 * holds all raised flags, including hidden ones, so the details of every
 * flag are there; the return value says which to show.
 *
 * Returns: the flags to show
 */
LcRedFlags
lc_trend_red_flags_to_show (const LcDayAggregate *days,
                            guint                 n_days,
                            guint32               today,
                            guint32               acknowledged_day,
                            LcRedFlagReport      *out)
{
  LcRedFlagReport today_report;
  LcRedFlags hidden;

  g_return_val_if_fail (days != NULL || n_days == 0, LC_RED_FLAG_NONE);

  if (out == NULL)
    out = &today_report;

  lc_trend_red_flags_on (days, n_days, today, out);
  if (acknowledged_day == 0 || acknowledged_day > today)
    return out->flags;

  /* Hidden: the flags raised on every day since the acknowledgement. */
  hidden = out->flags;
  for (guint32 day = acknowledged_day; day < today && hidden != LC_RED_FLAG_NONE; day++)
    {
      LcRedFlagReport report;

      lc_trend_red_flags_on (days, n_days, day, &report);
      hidden &= report.flags;
    }

  return out->flags & ~hidden;
}

/* --- reducing ------------------------------------------------------------------ */

/**
 * lc_trend_chart_grid:
 * @span: the days the chart shows, at least 1
 * @width: the width of its plot in pixels (anything below 1, or not a
 *   number, counts as 1)
 * @grid: (out caller-allocates): the columns of each part of the chart
 *
 * Decides how many columns each part of a chart has: one per day while
 * the days are at least a pixel apart, else one per pixel; daily values in
 * 2-pixel range columns where days are closer than 3 pixels; from
 * LC_TREND_WEEKLY_SPAN days on, a week to a column (3 pixels at least);
 * the 7-day mean with a vertex every 4 pixels at most, as a 7-day mean has
 * no detail finer than that. Every count is at least 1 and at most @span.
 */
void
lc_trend_chart_grid (guint32      span,
                     double       width,
                     LcChartGrid *grid)
{
  guint pixels;
  guint columns;

  g_return_if_fail (grid != NULL);

  /* NAN fails both comparisons */
  pixels = width >= 1 && width < G_MAXUINT ? (guint) width : 1;
  span = MAX (span, 1);
  columns = MIN (span, pixels);

  grid->n_sessions = columns;
  grid->dense = (guint64) columns * 3 > pixels;
  grid->n_values = grid->dense ? MAX (1, MIN (columns, pixels / 2)) : columns;
  /* A year or more of daily dashes reads like a barcode: a week to a
   * column instead, each at least 3 pixels wide */
  grid->weekly = span >= LC_TREND_WEEKLY_SPAN;
  if (grid->weekly)
    {
      grid->dense = FALSE;
      grid->n_values = MAX (1, MIN ((span + 6) / 7, pixels / 3));
    }
  grid->n_mean = MAX (1, MIN (grid->n_values, pixels / 4));
}

/**
 * lc_trend_reduce:
 * @day_numbers: (array length=n_values): the day of each value
 * @values: (array length=n_values): the values; NAN for none
 * @n_values: the number of values
 * @first_day: the first day of the grid
 * @last_day: the last day of the grid, inclusive
 * @n_columns: the number of columns, such as one per pixel (see
 *   lc_trend_chart_grid())
 *
 * Reduces a daily series to @n_columns columns: column c gets the values
 * of the days d with (d - @first_day) * @n_columns / span == c
 * (whole-number division), span = @last_day - @first_day + 1, which is
 * always below @n_columns. NAN values and days outside [@first_day,
 * @last_day] are skipped; columns without values have n == 0 and
 * everything else 0. The values need not be in order. Takes
 * O(@n_values + @n_columns).
 *
 * The array is made here, of exactly @n_columns, so that no caller can
 * hand in one too short.
 *
 * Returns: (transfer full) (element-type LcTrendColumn): the columns
 */
GArray *
lc_trend_reduce (const guint32 *day_numbers,
                 const double  *values,
                 guint          n_values,
                 guint32        first_day,
                 guint32        last_day,
                 guint          n_columns)
{
  GArray *array = g_array_sized_new (FALSE, TRUE, sizeof (LcTrendColumn), n_columns);
  LcTrendColumn *columns;
  guint64 span;

  g_array_set_size (array, n_columns);
  columns = (LcTrendColumn *) (gpointer) array->data;

  if (n_values > 0 && (day_numbers == NULL || values == NULL))
    {
      g_critical ("%s: values without their days", G_STRFUNC);
      return array;
    }
  if (n_columns == 0 || last_day < first_day)
    return array;

  span = (guint64) last_day - first_day + 1;
  for (guint i = 0; i < n_values; i++)
    {
      guint32 day = day_numbers[i];
      double value = values[i];
      LcTrendColumn *column;

      if (isnan (value) || day < first_day || day > last_day)
        continue;

      /* day - first_day < span, so the index is below n_columns */
      column = &columns[(guint64) (day - first_day) * n_columns / span];
      if (column->n == 0)
        {
          column->min = column->max = value;
          column->first_day = column->last_day = day;
        }
      else
        {
          column->min = MIN (column->min, value);
          column->max = MAX (column->max, value);
          column->first_day = MIN (column->first_day, day);
          column->last_day = MAX (column->last_day, day);
        }
      /* The sum, until the end */
      column->mean += value;
      column->n++;
    }

  for (guint c = 0; c < n_columns; c++)
    if (columns[c].n > 0)
      columns[c].mean /= columns[c].n;

  return array;
}

/**
 * lc_trend_summarize:
 * @days: (array length=n_days): the diary's days, in order
 * @sessions: (element-type LcSessionRecord) (nullable): its sessions
 * @tz: the time zone of the local days
 * @first_day: the first day of the span
 * @last_day: its last day
 * @out: (out caller-allocates): the summary
 *
 * Sums up the days from @first_day to @last_day (both included).
 */
void
lc_trend_summarize (const LcDayAggregate *days,
                    guint                 n_days,
                    GPtrArray            *sessions,
                    GTimeZone            *tz,
                    guint32               first_day,
                    guint32               last_day,
                    LcTrendSummary       *out)
{
  g_autoptr(GHashTable) session_days = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) break_days = g_hash_table_new (NULL, NULL);

  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (tz != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  for (int measure = 0; measure < LC_N_MEASURES; measure++)
    out->means[measure] = lc_trend_mean_between (days, n_days, (LcMeasure) measure, first_day, last_day);

  for (int measure = 0; measure < LC_N_MEASURES; measure++)
    out->min[measure] = out->max[measure] = NAN;
  for (guint i = 0; i < n_days; i++)
    {
      guint32 day = lc_trend_aggregate_day (&days[i]);

      if (day < first_day || day > last_day)
        continue;
      if (days[i].n_entries > 0)
        out->days_logged++;
      for (int measure = 0; measure < LC_N_MEASURES; measure++)
        {
          const LcStat *stat = &days[i].stats[measure];

          if (stat->count == 0)
            continue;
          out->min[measure] = isnan (out->min[measure]) ? stat->min : MIN (out->min[measure], stat->min);
          out->max[measure] = isnan (out->max[measure]) ? stat->max : MAX (out->max[measure], stat->max);
        }
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      guint32 day;

      if (!lc_trend_session_counts (record))
        continue;
      day = lc_trend_local_day (record->started_at, tz);
      if (day < first_day || day > last_day)
        continue;
      /* Two-minute breaks apart from the sessions: a count of both
       * would say little of either */
      if (lc_trend_session_is_break (record))
        {
          out->breaks++;
          g_hash_table_add (break_days, GUINT_TO_POINTER (day));
        }
      else
        {
          out->sessions++;
          g_hash_table_add (session_days, GUINT_TO_POINTER (day));
        }
    }
  out->session_days = g_hash_table_size (session_days);
  out->break_days = g_hash_table_size (break_days);
}

/**
 * lc_trend_session_is_break:
 *
 * Returns: whether @record is of the built-in Sitting Break routine
 */
gboolean
lc_trend_session_is_break (const LcSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return g_strcmp0 (record->routine_id, LC_ROUTINE_ID_SITTING_BREAK) == 0;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/**
 * lc_trend_compare_break_days:
 * @entries: (element-type LcEntry) (nullable): entries
 * @sessions: (element-type LcSessionRecord) (nullable): sessions
 * @tz: the time zone of the user's days
 * @first_day: the first day looked at
 * @last_day: the last
 * @out: (out caller-allocates): the comparison
 *
 * Evening heaviness (both legs' scores from LC_TREND_EVENING_START_HOUR
 * on, a mean per day) on the days with more sitting breaks against the
 * days with fewer. Only days with an evening heaviness score count. The
 * days are split at the number of breaks a day that makes the smaller
 * side as large as it can be (the lower such number on a tie): "more" is
 * that many breaks or more, "fewer" less. No difference in these days says
 * that breaks caused it: days with many breaks may be days at a desk.
 *
 * Returns: whether each side has LC_TREND_MIN_BREAK_DAYS days
 */
gboolean
lc_trend_compare_break_days (GPtrArray         *entries,
                             GPtrArray         *sessions,
                             GTimeZone         *tz,
                             guint32            first_day,
                             guint32            last_day,
                             LcBreakComparison *out)
{
  g_autoptr(GHashTable) evening_sum = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) breaks = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint best_threshold = 0;
  guint best_smaller = 0;
  double more_sum = 0;
  double fewer_sum = 0;

  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const LcEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->taken_at);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
      guint32 day;
      double *sum;

      if (local == NULL || g_date_time_get_hour (local) < LC_TREND_EVENING_START_HOUR)
        continue;
      day = lc_trend_date_time_day (local);
      if (day < first_day || day > last_day)
        continue;

      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        {
          if (entry->heaviness[leg] == LC_SCORE_NONE)
            continue;
          sum = g_hash_table_lookup (evening_sum, GUINT_TO_POINTER (day));
          if (sum == NULL)
            {
              sum = g_new0 (double, 2);
              g_hash_table_insert (evening_sum, GUINT_TO_POINTER (day), sum);
            }
          sum[0] += entry->heaviness[leg];
          sum[1] += 1;
        }
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      guint32 day;

      if (!lc_trend_session_is_break (record) || !lc_trend_session_counts (record))
        continue;
      day = lc_trend_local_day (record->started_at, tz);
      g_hash_table_insert (breaks, GUINT_TO_POINTER (day),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (breaks, GUINT_TO_POINTER (day))) + 1));
    }

  /* The breaks of each day with an evening score, in order */
  g_hash_table_iter_init (&iter, evening_sum);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (breaks, key));

      g_array_append_val (counts, n);
    }
  g_array_sort (counts, compare_uint);

  /* Each number of breaks that some day reached, above the fewest, is a
   * place to split: the days below it and the days at or above it */
  for (guint i = 1; i < counts->len; i++)
    {
      guint threshold = g_array_index (counts, guint, i);
      guint smaller;

      if (threshold == g_array_index (counts, guint, i - 1))
        continue;
      smaller = MIN (i, counts->len - i);
      if (smaller > best_smaller)
        {
          best_smaller = smaller;
          best_threshold = threshold;
        }
    }
  if (best_smaller == 0)
    return FALSE;

  out->threshold = best_threshold;
  g_hash_table_iter_init (&iter, evening_sum);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *sum = value;
      double mean = sum[0] / sum[1];

      if (GPOINTER_TO_UINT (g_hash_table_lookup (breaks, key)) >= best_threshold)
        {
          out->more_days++;
          more_sum += mean;
        }
      else
        {
          out->fewer_days++;
          fewer_sum += mean;
        }
    }
  out->more_mean = more_sum / out->more_days;
  out->fewer_mean = fewer_sum / out->fewer_days;

  return out->more_days >= LC_TREND_MIN_BREAK_DAYS && out->fewer_days >= LC_TREND_MIN_BREAK_DAYS;
}

/**
 * lc_trend_score_change:
 * @before: the earlier mean
 * @now: the later mean
 *
 * Whether a 0-10 score changed clearly: by LC_TREND_CLEAR_CHANGE or more,
 * each mean resting on at least LC_TREND_MIN_PERIOD_VALUES values.
 *
 * Returns: the change
 */
LcTrendChange
lc_trend_score_change (const LcTrendMean *before,
                       const LcTrendMean *now)
{
  double change;

  g_return_val_if_fail (before != NULL && now != NULL, LC_TREND_CHANGE_UNKNOWN);

  if (before->n < LC_TREND_MIN_PERIOD_VALUES || now->n < LC_TREND_MIN_PERIOD_VALUES)
    return LC_TREND_CHANGE_UNKNOWN;

  /* Between the means as shown, to one decimal: the words never
   * contradict the numbers beside them */
  change = round (now->mean * 10) - round (before->mean * 10);
  if (ABS (change) < LC_TREND_CLEAR_CHANGE * 10)
    return LC_TREND_CHANGE_NONE;
  return change < 0 ? LC_TREND_CHANGE_LOWER : LC_TREND_CHANGE_HIGHER;
}
