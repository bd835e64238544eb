/* lc-trend-insights.c: what the diary says over time, in plain sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences of lc_trend_period_insights() say what the numbers are and how
 * many values are behind them, in plain words. They never diagnose and
 * never claim that a routine works: swelling rises through the day anyway
 * (Partsch et al. 2004, Dermatol Surg 30:737), and a change under a point
 * is no clear change (Farrar et al. 2001, Pain 94:149).
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lc-trend.h"
#include "lc-trend-private.h"

static char *
heaviness_time_sentence (const LcTrendMean *morning,
                         const LcTrendMean *evening,
                         LcTrendVoice       voice)
{
  gboolean report = voice == LC_TREND_VOICE_REPORT;

  if (lc_trend_at_least (evening->mean - morning->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the mean heaviness
       * scores (0-10) in the evening and in the morning, then the numbers of scores
       * behind them; the plural follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Heaviness was rated higher in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score).",
                     "Heaviness was rated higher in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores).",
                     morning->n)
      /* Translators: the mean heaviness scores (0-10) in the evening and in the morning,
       * then the numbers of scores behind them; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "Your legs feel heavier in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score).",
                     "Your legs feel heavier in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores).",
                     morning->n),
      evening->mean, morning->mean, evening->n, morning->n);
  if (lc_trend_at_least (morning->mean - evening->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the mean heaviness
       * scores (0-10) in the morning and in the evening, then the numbers of scores
       * behind them; the plural follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Heaviness was rated higher in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                     "Heaviness was rated higher in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                     evening->n)
      /* Translators: the mean heaviness scores (0-10) in the morning and in the evening,
       * then the numbers of scores behind them; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "Your legs feel heavier in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                     "Your legs feel heavier in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                     evening->n),
      morning->mean, evening->mean, morning->n, evening->n);
  return g_strdup_printf (report
    /* Translators: in the report for a doctor, about the person; the mean heaviness
     * scores (0-10) in the morning and in the evening, then the numbers of scores
     * behind them; the plural follows the last number */
    ? g_dngettext (GETTEXT_PACKAGE, "Heaviness was rated about the same in the morning and in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                   "Heaviness was rated about the same in the morning and in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                   evening->n)
    /* Translators: the mean heaviness scores (0-10) in the morning and in the evening,
     * then the numbers of scores behind them; the plural follows the last number */
    : g_dngettext (GETTEXT_PACKAGE, "Your legs feel about as heavy in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                   "Your legs feel about as heavy in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                   evening->n),
    morning->mean, evening->mean, morning->n, evening->n);
}

/* Swelling rising through the day is normal: lower-leg volume grows by
 * 62-94 mL over 7 hours (Partsch et al. 2004, Dermatol Surg 30:737). */
static char *
swelling_time_sentence (const LcTrendMean *morning,
                        const LcTrendMean *evening,
                        LcTrendVoice       voice)
{
  gboolean report = voice == LC_TREND_VOICE_REPORT;

  if (lc_trend_at_least (evening->mean - morning->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the mean swelling
       * scores (0-10) in the evening and in the morning, then the numbers of scores
       * behind them; the plural follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Swelling was rated higher in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score). Swelling usually rises through the day.",
                     "Swelling was rated higher in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores). Swelling usually rises through the day.",
                     morning->n)
      /* Translators: the mean swelling scores (0-10) in the evening and in the morning,
       * then the numbers of scores behind them; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "Your legs feel more swollen in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning score). Swelling usually rises through the day.",
                     "Your legs feel more swollen in the evening than in the morning: %.1f against %.1f on average (%u evening and %u morning scores). Swelling usually rises through the day.",
                     morning->n),
      evening->mean, morning->mean, evening->n, morning->n);
  if (lc_trend_at_least (morning->mean - evening->mean, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the mean swelling
       * scores (0-10) in the morning and in the evening, then the numbers of scores
       * behind them; the plural follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Swelling was rated higher in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                     "Swelling was rated higher in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                     evening->n)
      /* Translators: the mean swelling scores (0-10) in the morning and in the evening,
       * then the numbers of scores behind them; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "Your legs feel more swollen in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening score).",
                     "Your legs feel more swollen in the morning than in the evening: %.1f against %.1f on average (%u morning and %u evening scores).",
                     evening->n),
      morning->mean, evening->mean, morning->n, evening->n);
  return g_strdup_printf (report
    /* Translators: in the report for a doctor, about the person; the mean swelling
     * scores (0-10) in the morning and in the evening, then the numbers of scores
     * behind them; the plural follows the last number */
    ? g_dngettext (GETTEXT_PACKAGE, "Swelling was rated about the same in the morning and in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                   "Swelling was rated about the same in the morning and in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                   evening->n)
    /* Translators: the mean swelling scores (0-10) in the morning and in the evening,
     * then the numbers of scores behind them; the plural follows the last number */
    : g_dngettext (GETTEXT_PACKAGE, "Your legs feel about as swollen in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening score).",
                   "Your legs feel about as swollen in the morning as in the evening, with no clear difference: %.1f and %.1f on average (%u morning and %u evening scores).",
                   evening->n),
    morning->mean, evening->mean, morning->n, evening->n);
}

static void
add_time_of_day_sentences (GPtrArray         *sentences,
                           const LcTimeOfDay *times,
                           LcTrendVoice       voice)
{
  if (times->morning_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY &&
      times->evening_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY)
    g_ptr_array_add (sentences, heaviness_time_sentence (&times->morning_heaviness,
                                                         &times->evening_heaviness, voice));

  if (times->morning_swelling.n >= LC_TREND_MIN_TIME_OF_DAY &&
      times->evening_swelling.n >= LC_TREND_MIN_TIME_OF_DAY)
    g_ptr_array_add (sentences, swelling_time_sentence (&times->morning_swelling,
                                                        &times->evening_swelling, voice));
}

static char *
routine_sentence (const LcRoutineEffect *effect,
                  LcTrendVoice           voice)
{
  gboolean report = voice == LC_TREND_VOICE_REPORT;

  if (lc_trend_at_least (-effect->mean_change, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; a routine's name,
       * how much the mean heaviness score (0-10) fell from before to after its
       * sessions, then the number of sessions rated */
      ? g_dngettext (GETTEXT_PACKAGE, "After “%s”, heaviness was rated %.1f points lower on average (%u session rated before and after).",
                     "After “%s”, heaviness was rated %.1f points lower on average (%u sessions rated before and after).",
                     effect->n)
      /* Translators: a routine's name, how much the mean heaviness score (0-10) fell
       * from before to after its sessions, then the number of sessions rated */
      : g_dngettext (GETTEXT_PACKAGE, "After “%s”, your legs felt %.1f points less heavy on average (%u session rated before and after).",
                     "After “%s”, your legs felt %.1f points less heavy on average (%u sessions rated before and after).",
                     effect->n),
      effect->routine_name, -effect->mean_change, effect->n);
  if (lc_trend_at_least (effect->mean_change, LC_TREND_CLEAR_CHANGE))
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; a routine's name,
       * how much the mean heaviness score (0-10) rose from before to after its
       * sessions, then the number of sessions rated */
      ? g_dngettext (GETTEXT_PACKAGE, "After “%s”, heaviness was rated %.1f points higher on average (%u session rated before and after).",
                     "After “%s”, heaviness was rated %.1f points higher on average (%u sessions rated before and after).",
                     effect->n)
      /* Translators: a routine's name, how much the mean heaviness score (0-10) rose
       * from before to after its sessions, then the number of sessions rated */
      : g_dngettext (GETTEXT_PACKAGE, "After “%s”, your legs felt %.1f points heavier on average (%u session rated before and after).",
                     "After “%s”, your legs felt %.1f points heavier on average (%u sessions rated before and after).",
                     effect->n),
      effect->routine_name, effect->mean_change, effect->n);
  /* Less than a point between the two means, said as such: a 0.8 fall
   * shown beside "no change" would read as a contradiction. The same
   * words serve both readers. */
  return g_strdup_printf (
    /* Translators: a routine's name, the mean heaviness scores (0-10) before and
     * after its sessions, then the number of sessions rated */
    g_dngettext (GETTEXT_PACKAGE, "After “%s”, heaviness changed by less than a point: %.1f before and %.1f after on average (%u session rated before and after).",
                 "After “%s”, heaviness changed by less than a point: %.1f before and %.1f after on average (%u sessions rated before and after).",
                 effect->n),
    effect->routine_name, effect->mean_before, effect->mean_after, effect->n);
}

static void
add_routine_sentences (GPtrArray    *sentences,
                       GPtrArray    *sessions,
                       LcTrendVoice  voice)
{
  g_autoptr(GArray) effects = lc_trend_routine_effects (sessions);

  for (guint i = 0; i < effects->len; i++)
    {
      const LcRoutineEffect *effect = &g_array_index (effects, LcRoutineEffect, i);

      if (effect->n >= LC_TREND_MIN_SESSION_PAIRS)
        g_ptr_array_add (sentences, routine_sentence (effect, voice));
    }
}

/* Days with more breaks may be days at a desk, or better days: the
 * sentence says what the numbers are and that they show no cause. */
static char *
break_sentence (const LcBreakComparison *comparison,
                LcTrendVoice             voice)
{
  gboolean report = voice == LC_TREND_VOICE_REPORT;
  double change = round (comparison->more_mean * 10) - round (comparison->fewer_mean * 10);

  if (change <= -LC_TREND_CLEAR_CHANGE * 10)
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the least number of
       * sitting breaks of a "more" day, the mean evening heaviness (0-10) on days with
       * that many or more and on days with fewer, then the numbers of days; the plural
       * follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Evening heaviness was rated lower on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u day). Days differ in other ways too, so this does not show that the breaks caused it.",
                     "Evening heaviness was rated lower on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u days). Days differ in other ways too, so this does not show that the breaks caused it.",
                     comparison->fewer_days)
      /* Translators: the least number of sitting breaks of a "more" day, the mean
       * evening heaviness (0-10) on days with that many or more and on days with
       * fewer, then the numbers of days; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "In the evening, your legs felt less heavy on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u day). Days differ in other ways too, so this does not show that the breaks caused it.",
                     "In the evening, your legs felt less heavy on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u days). Days differ in other ways too, so this does not show that the breaks caused it.",
                     comparison->fewer_days),
      comparison->threshold, comparison->more_mean, comparison->fewer_mean, comparison->more_days,
      comparison->fewer_days);
  if (change >= LC_TREND_CLEAR_CHANGE * 10)
    return g_strdup_printf (report
      /* Translators: in the report for a doctor, about the person; the least number of
       * sitting breaks of a "more" day, the mean evening heaviness (0-10) on days with
       * that many or more and on days with fewer, then the numbers of days; the plural
       * follows the last number */
      ? g_dngettext (GETTEXT_PACKAGE, "Evening heaviness was rated higher on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u day). Days differ in other ways too, so this does not show that the breaks caused it.",
                     "Evening heaviness was rated higher on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u days). Days differ in other ways too, so this does not show that the breaks caused it.",
                     comparison->fewer_days)
      /* Translators: the least number of sitting breaks of a "more" day, the mean
       * evening heaviness (0-10) on days with that many or more and on days with
       * fewer, then the numbers of days; the plural follows the last number */
      : g_dngettext (GETTEXT_PACKAGE, "In the evening, your legs felt heavier on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u day). Days differ in other ways too, so this does not show that the breaks caused it.",
                     "In the evening, your legs felt heavier on days with %u or more sitting breaks: %.1f against %.1f on average (%u and %u days). Days differ in other ways too, so this does not show that the breaks caused it.",
                     comparison->fewer_days),
      comparison->threshold, comparison->more_mean, comparison->fewer_mean, comparison->more_days,
      comparison->fewer_days);
  return g_strdup_printf (
    /* Translators: the least number of sitting breaks of a "more" day, the mean
     * evening heaviness (0-10) on days with that many or more and on days with
     * fewer, then the numbers of days; the plural follows the last number */
    g_dngettext (GETTEXT_PACKAGE, "Evening heaviness was about the same on days with %u or more sitting breaks and on days with fewer, with no clear difference: %.1f and %.1f on average (%u and %u day).",
                 "Evening heaviness was about the same on days with %u or more sitting breaks and on days with fewer, with no clear difference: %.1f and %.1f on average (%u and %u days).",
                 comparison->fewer_days),
    comparison->threshold, comparison->more_mean, comparison->fewer_mean, comparison->more_days,
    comparison->fewer_days);
}

/**
 * lc_trend_period_insights:
 * @entries: (element-type LcEntry) (nullable): the period's entries
 * @sessions: (element-type LcSessionRecord) (nullable): sessions, of the
 *   period or more
 * @tz: the time zone of the user's days and clock
 * @first_day: the period's first day
 * @last_day: its last day
 * @voice: who reads them: the user (second person) or a clinician, in
 *   the report (third person)
 *
 * The sentences about one period that its figures don't already say, in
 * this order, each only when the data supports it:
 *
 * 1. Morning against evening over @entries (lc_trend_time_of_day()),
 *    heaviness then swelling, when both have LC_TREND_MIN_TIME_OF_DAY
 *    scores: a difference of LC_TREND_CLEAR_CHANGE or more, or else
 *    "about the same".
 * 2. Heaviness before and after each routine done in the period with
 *    LC_TREND_MIN_SESSION_PAIRS rated sessions
 *    (lc_trend_routine_effects()).
 * 3. Evening heaviness on days with more sitting breaks against days with
 *    fewer (lc_trend_compare_break_days()), when each side has
 *    LC_TREND_MIN_BREAK_DAYS days: a difference of LC_TREND_CLEAR_CHANGE
 *    or more, said not to show a cause, or else "about the same".
 *
 * Returns: (transfer full) (element-type utf8): the translated sentences
 */
GPtrArray *
lc_trend_period_insights (GPtrArray    *entries,
                          GPtrArray    *sessions,
                          GTimeZone    *tz,
                          guint32       first_day,
                          guint32       last_day,
                          LcTrendVoice  voice)
{
  g_autoptr(GPtrArray) in_period = g_ptr_array_new ();
  GPtrArray *sentences;
  LcTimeOfDay times;

  g_return_val_if_fail (tz != NULL, NULL);

  sentences = g_ptr_array_new_with_free_func (g_free);

  lc_trend_time_of_day (entries, tz, &times);
  add_time_of_day_sentences (sentences, &times, voice);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      LcSessionRecord *record = g_ptr_array_index (sessions, i);
      guint32 day = lc_trend_local_day (record->started_at, tz);

      if (day >= first_day && day <= last_day)
        g_ptr_array_add (in_period, record);
    }
  add_routine_sentences (sentences, in_period, voice);

  {
    LcBreakComparison comparison;

    if (lc_trend_compare_break_days (entries, in_period, tz, first_day, last_day, &comparison))
      g_ptr_array_add (sentences, break_sentence (&comparison, voice));
  }

  return sentences;
}
