/* lc-trend-insights.c: what the diary says over time, in plain sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences of lc_trend_insights() say what the numbers are and how
 * many values are behind them, in plain words. They never diagnose and
 * never claim that a routine works: swelling rises through the day anyway
 * (Partsch et al. 2004, Dermatol Surg 30:737), and a change under a point
 * is no clear change (Farrar et al. 2001, Pain 94:149).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-trend.h"
#include "lc-trend-private.h"

/* The adherence sentence covers the 4 weeks ending today. */
#define ADHERENCE_WEEKS 4

/* A change of a leg between last week and this week, as one whole
 * sentence, so translators never assemble fragments. */
static char *
week_change_sentence (gboolean           swelling,
                      LcLeg              leg,
                      const LcTrendMean *now,
                      const LcTrendMean *before)
{
  gboolean lower = now->mean < before->mean;
  gboolean left = leg == LC_LEG_LEFT;

  if (!swelling && left && lower)
    return g_strdup_printf (
      /* Translators: this week's mean heaviness score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your left leg felt less heavy this week than last week: %.1f on average, down from %.1f (%u and %u entry).",
                   "Your left leg felt less heavy this week than last week: %.1f on average, down from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (!swelling && left)
    return g_strdup_printf (
      /* Translators: this week's mean heaviness score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your left leg felt heavier this week than last week: %.1f on average, up from %.1f (%u and %u entry).",
                   "Your left leg felt heavier this week than last week: %.1f on average, up from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (!swelling && lower)
    return g_strdup_printf (
      /* Translators: this week's mean heaviness score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your right leg felt less heavy this week than last week: %.1f on average, down from %.1f (%u and %u entry).",
                   "Your right leg felt less heavy this week than last week: %.1f on average, down from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (!swelling)
    return g_strdup_printf (
      /* Translators: this week's mean heaviness score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your right leg felt heavier this week than last week: %.1f on average, up from %.1f (%u and %u entry).",
                   "Your right leg felt heavier this week than last week: %.1f on average, up from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (left && lower)
    return g_strdup_printf (
      /* Translators: this week's mean swelling score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your left leg felt less swollen this week than last week: %.1f on average, down from %.1f (%u and %u entry).",
                   "Your left leg felt less swollen this week than last week: %.1f on average, down from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (left)
    return g_strdup_printf (
      /* Translators: this week's mean swelling score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your left leg felt more swollen this week than last week: %.1f on average, up from %.1f (%u and %u entry).",
                   "Your left leg felt more swollen this week than last week: %.1f on average, up from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  if (lower)
    return g_strdup_printf (
      /* Translators: this week's mean swelling score (0-10), last week's, then the
       * numbers of entries this week and last week; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your right leg felt less swollen this week than last week: %.1f on average, down from %.1f (%u and %u entry).",
                   "Your right leg felt less swollen this week than last week: %.1f on average, down from %.1f (%u and %u entries).",
                   before->n),
      now->mean, before->mean, now->n, before->n);
  return g_strdup_printf (
    /* Translators: this week's mean swelling score (0-10), last week's, then the
     * numbers of entries this week and last week; the plural follows the last number */
    g_dngettext (GETTEXT_PACKAGE, "Your right leg felt more swollen this week than last week: %.1f on average, up from %.1f (%u and %u entry).",
                 "Your right leg felt more swollen this week than last week: %.1f on average, up from %.1f (%u and %u entries).",
                 before->n),
    now->mean, before->mean, now->n, before->n);
}

/* No clear change in the legs that could be compared. */
static char *
week_same_sentence (gboolean swelling,
                    gboolean left,
                    gboolean right)
{
  if (!swelling && left && right)
    return g_strdup (_("Heaviness this week is about the same as last week in both legs (no change of a point or more)."));
  if (!swelling && left)
    return g_strdup (_("Heaviness in your left leg this week is about the same as last week (no change of a point or more)."));
  if (!swelling)
    return g_strdup (_("Heaviness in your right leg this week is about the same as last week (no change of a point or more)."));
  if (left && right)
    return g_strdup (_("Swelling this week is about the same as last week in both legs (no change of a point or more)."));
  if (left)
    return g_strdup (_("Swelling in your left leg this week is about the same as last week (no change of a point or more)."));
  return g_strdup (_("Swelling in your right leg this week is about the same as last week (no change of a point or more)."));
}

static void
add_week_sentences (GPtrArray              *sentences,
                    const LcWeekComparison *weeks,
                    gboolean                swelling)
{
  static const LcMeasure week_measures[2][LC_N_LEGS] = {
    { LC_MEASURE_HEAVINESS_LEFT, LC_MEASURE_HEAVINESS_RIGHT },
    { LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT },
  };
  const LcMeasure *measures = week_measures[swelling ? 1 : 0];
  gboolean compared[LC_N_LEGS] = { FALSE, FALSE };
  gboolean changed = FALSE;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      const LcTrendMean *now = &weeks->this_week[measures[leg]];
      const LcTrendMean *before = &weeks->last_week[measures[leg]];

      if (now->n < LC_TREND_MIN_WEEK_ENTRIES || before->n < LC_TREND_MIN_WEEK_ENTRIES)
        continue;

      compared[leg] = TRUE;
      if (lc_trend_at_least (lc_trend_difference (now->mean, before->mean), LC_TREND_CLEAR_CHANGE))
        {
          g_ptr_array_add (sentences, week_change_sentence (swelling, leg, now, before));
          changed = TRUE;
        }
    }

  if (!changed && (compared[LC_LEG_LEFT] || compared[LC_LEG_RIGHT]))
    g_ptr_array_add (sentences, week_same_sentence (swelling, compared[LC_LEG_LEFT],
                                                    compared[LC_LEG_RIGHT]));
}

static char *
heaviness_time_sentence (const LcTrendMean *morning,
                         const LcTrendMean *evening)
{
  if (lc_trend_at_least (evening->mean - morning->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: the mean heaviness scores (0-10) in the evening and in the morning,
       * then the numbers of scores behind them; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your legs feel heavier in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score).",
                   "Your legs feel heavier in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores).",
                   morning->n),
      evening->mean, morning->mean, evening->n, morning->n);
  if (lc_trend_at_least (morning->mean - evening->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: the mean heaviness scores (0-10) in the morning and in the evening,
       * then the numbers of scores behind them; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your legs feel heavier in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                   "Your legs feel heavier in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                   evening->n),
      morning->mean, evening->mean, morning->n, evening->n);
  return g_strdup_printf (
    /* Translators: the mean heaviness scores (0-10) in the morning and in the evening,
     * then the numbers of scores behind them; the plural follows the last number */
    g_dngettext (GETTEXT_PACKAGE, "Your legs feel about as heavy in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                 "Your legs feel about as heavy in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                 evening->n),
    morning->mean, evening->mean, morning->n, evening->n);
}

/* Swelling rising through the day is normal: lower-leg volume grows by
 * 62-94 mL over 7 hours (Partsch et al. 2004, Dermatol Surg 30:737). */
static char *
swelling_time_sentence (const LcTrendMean *morning,
                        const LcTrendMean *evening)
{
  if (lc_trend_at_least (evening->mean - morning->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: the mean swelling scores (0-10) in the evening and in the morning,
       * then the numbers of scores behind them; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your legs feel more swollen in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score). Swelling usually rises through the day.",
                   "Your legs feel more swollen in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores). Swelling usually rises through the day.",
                   morning->n),
      evening->mean, morning->mean, evening->n, morning->n);
  if (lc_trend_at_least (morning->mean - evening->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: the mean swelling scores (0-10) in the morning and in the evening,
       * then the numbers of scores behind them; the plural follows the last number */
      g_dngettext (GETTEXT_PACKAGE, "Your legs feel more swollen in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                   "Your legs feel more swollen in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                   evening->n),
      morning->mean, evening->mean, morning->n, evening->n);
  return g_strdup_printf (
    /* Translators: the mean swelling scores (0-10) in the morning and in the evening,
     * then the numbers of scores behind them; the plural follows the last number */
    g_dngettext (GETTEXT_PACKAGE, "Your legs feel about as swollen in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                 "Your legs feel about as swollen in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                 evening->n),
    morning->mean, evening->mean, morning->n, evening->n);
}

static void
add_time_of_day_sentences (GPtrArray         *sentences,
                           const LcTimeOfDay *times)
{
  if (times->morning_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY &&
      times->evening_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY)
    g_ptr_array_add (sentences, heaviness_time_sentence (&times->morning_heaviness,
                                                         &times->evening_heaviness));

  if (times->morning_swelling.n >= LC_TREND_MIN_TIME_OF_DAY &&
      times->evening_swelling.n >= LC_TREND_MIN_TIME_OF_DAY)
    g_ptr_array_add (sentences, swelling_time_sentence (&times->morning_swelling,
                                                        &times->evening_swelling));
}

static void
add_adherence_sentence (GPtrArray *sentences,
                        GPtrArray *sessions,
                        GTimeZone *tz,
                        guint32    today)
{
  guint counts[ADHERENCE_WEEKS];
  gint64 first_day = (gint64) today - (7 * ADHERENCE_WEEKS - 1);
  guint total;

  if (sessions == NULL || sessions->len == 0 || first_day < 1)
    return;

  total = lc_trend_sessions_per_week (sessions, tz, first_day, ADHERENCE_WEEKS, counts);
  if (total == 0)
    {
      g_ptr_array_add (sentences, g_strdup (_("No completed sessions in the last 4 weeks.")));
      return;
    }

  g_ptr_array_add (sentences, g_strdup_printf (
    /* Translators: sessions completed in the last 4 weeks, then the mean per week */
    g_dngettext (GETTEXT_PACKAGE, "You completed %u session in the last 4 weeks, about %.1f a week.",
                 "You completed %u sessions in the last 4 weeks, about %.1f a week.",
                 total),
    total, (double) total / ADHERENCE_WEEKS));
}

static char *
routine_sentence (const LcRoutineEffect *effect)
{
  if (lc_trend_at_least (-effect->mean_change, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: a routine's name, how much the mean heaviness score (0-10) fell
       * from before to after its sessions, then the number of sessions rated */
      g_dngettext (GETTEXT_PACKAGE, "After “%s”, your legs felt %.1f points less heavy on average (%u session rated before and after).",
                   "After “%s”, your legs felt %.1f points less heavy on average (%u sessions rated before and after).",
                   effect->n),
      effect->routine_name, -effect->mean_change, effect->n);
  if (lc_trend_at_least (effect->mean_change, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (
      /* Translators: a routine's name, how much the mean heaviness score (0-10) rose
       * from before to after its sessions, then the number of sessions rated */
      g_dngettext (GETTEXT_PACKAGE, "After “%s”, your legs felt %.1f points heavier on average (%u session rated before and after).",
                   "After “%s”, your legs felt %.1f points heavier on average (%u sessions rated before and after).",
                   effect->n),
      effect->routine_name, effect->mean_change, effect->n);
  /* Less than a point between the two means, said as such: a 0.8 fall
   * shown beside "no change" would read as a contradiction */
  return g_strdup_printf (
    /* Translators: a routine's name, the mean heaviness scores (0-10) before and
     * after its sessions, then the number of sessions rated */
    g_dngettext (GETTEXT_PACKAGE, "After “%s”, heaviness changed by less than a point: %.1f before and %.1f after on average (%u session rated before and after).",
                 "After “%s”, heaviness changed by less than a point: %.1f before and %.1f after on average (%u sessions rated before and after).",
                 effect->n),
    effect->routine_name, effect->mean_before, effect->mean_after, effect->n);
}

static void
add_routine_sentences (GPtrArray *sentences,
                       GPtrArray *sessions)
{
  g_autoptr(GArray) effects = lc_trend_routine_effects (sessions);

  for (guint i = 0; i < effects->len; i++)
    {
      const LcRoutineEffect *effect = &g_array_index (effects, LcRoutineEffect, i);

      if (effect->n >= LC_TREND_MIN_SESSION_PAIRS)
        g_ptr_array_add (sentences, routine_sentence (effect));
    }
}

/**
 * lc_trend_insights:
 * @days: (array length=n_days): days in order, at least the last 14
 * @n_days: the number of days
 * @entries: (element-type LcEntry) (nullable): the entries for the
 *   morning and evening comparison, such as those of the last 4 weeks
 * @sessions: (element-type LcSessionRecord) (nullable): the sessions
 * @tz: the time zone of the user's days and clock
 * @today: the day number of today
 *
 * Plain sentences about the diary, each only when the data supports it,
 * in this order:
 *
 * 1. This week against last week (lc_trend_compare_weeks()), heaviness
 *    then swelling, per leg, when both weeks have
 *    LC_TREND_MIN_WEEK_ENTRIES values: a change of LC_TREND_CLEAR_CHANGE
 *    or more, or else "about the same".
 * 2. Morning against evening over @entries (lc_trend_time_of_day()),
 *    heaviness then swelling, when both have LC_TREND_MIN_TIME_OF_DAY
 *    scores.
 * 3. Completed sessions in the 4 weeks ending with @today, when there are
 *    any sessions at all.
 * 4. Heaviness before and after each routine with
 *    LC_TREND_MIN_SESSION_PAIRS rated sessions
 *    (lc_trend_routine_effects()).
 *
 * Returns: (transfer full) (element-type utf8): the translated sentences
 */
GPtrArray *
lc_trend_insights (const LcDayAggregate *days,
                   guint                 n_days,
                   GPtrArray            *entries,
                   GPtrArray            *sessions,
                   GTimeZone            *tz,
                   guint32               today)
{
  GPtrArray *sentences;
  LcWeekComparison weeks;
  LcTimeOfDay times;

  g_return_val_if_fail (days != NULL || n_days == 0, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  sentences = g_ptr_array_new_with_free_func (g_free);

  lc_trend_compare_weeks (days, n_days, today, &weeks);
  add_week_sentences (sentences, &weeks, FALSE);
  add_week_sentences (sentences, &weeks, TRUE);

  lc_trend_time_of_day (entries, tz, &times);
  add_time_of_day_sentences (sentences, &times);

  add_adherence_sentence (sentences, sessions, tz, today);
  add_routine_sentences (sentences, sessions);

  return sentences;
}

/**
 * lc_trend_period_insights:
 * @entries: (element-type LcEntry) (nullable): the period's entries
 * @sessions: (element-type LcSessionRecord) (nullable): sessions, of the
 *   period or more
 * @tz: the time zone of the user's days and clock
 * @first_day: the period's first day
 * @last_day: its last day
 *
 * The sentences about one period that its figures don't already say:
 * morning against evening over @entries, and heaviness before and after
 * each routine done in the period (as lc_trend_insights(), items 2 and 4).
 *
 * Returns: (transfer full) (element-type utf8): the translated sentences
 */
GPtrArray *
lc_trend_period_insights (GPtrArray *entries,
                          GPtrArray *sessions,
                          GTimeZone *tz,
                          guint32    first_day,
                          guint32    last_day)
{
  g_autoptr(GPtrArray) in_period = g_ptr_array_new ();
  GPtrArray *sentences;
  LcTimeOfDay times;

  g_return_val_if_fail (tz != NULL, NULL);

  sentences = g_ptr_array_new_with_free_func (g_free);

  lc_trend_time_of_day (entries, tz, &times);
  add_time_of_day_sentences (sentences, &times);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      LcSessionRecord *record = g_ptr_array_index (sessions, i);
      guint32 day = lc_trend_local_day (record->started_at, tz);

      if (day >= first_day && day <= last_day)
        g_ptr_array_add (in_period, record);
    }
  add_routine_sentences (sentences, in_period);

  return sentences;
}
