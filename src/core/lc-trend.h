/* lc-trend.h: what the diary says over time — rolling means, comparisons,
 * the effect of sessions, red flags, and reducing a series to a pixel grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-diary.h"
#include "lc-entry.h"

G_BEGIN_DECLS

/* The rolling mean covers this many calendar days, ending with the day. */
#define LC_TREND_ROLLING_DAYS        7
/* A line is broken where consecutive days with values are further apart. */
#define LC_TREND_GAP_DAYS            3

/* Minimum numbers before a sentence is said (the page states them). */
#define LC_TREND_MIN_PERIOD_VALUES   3   /* values in each of two periods compared */
#define LC_TREND_MIN_TIME_OF_DAY     5   /* morning and evening entries */
#define LC_TREND_MIN_SESSION_PAIRS   3   /* sessions with before and after */
/* Changes smaller than this (0-10 scale) are "no clear change": no minimal
 * important difference is known for heaviness; for pain about 1 point is
 * the least (Farrar et al. 2001, Pain 94:149; Salaffi et al. 2004, Eur J
 * Pain). */
#define LC_TREND_CLEAR_CHANGE        1.0

/* Red flag thresholds: signs of a deep vein thrombosis (NHS, "DVT (deep
 * vein thrombosis)": swelling of one leg); a calf 3 cm larger than the
 * other, measured 10 cm below the tibial tuberosity, is one of the
 * clinical criteria (Wells et al. 1997, Lancet 350:1795). It is a calf
 * rule: the ankle has none. */
#define LC_TREND_CALF_DIFF_MM        30  /* 3 cm between the calves */
#define LC_TREND_RECENT_DAYS         14  /* the latest pair must be this recent */
/* The ankles: no clinical threshold; a difference between them that is new
 * against the person's own earlier readings. A tape change under 0.5 cm
 * is measurement error (Brodovicz et al. 2009, Clin Med Res 7:21), and the
 * difference of two legs carries the error of both: 1 cm is the app's own
 * heuristic for "clear" (docs/red-flags.md), not a clinical rule. */
#define LC_TREND_ANKLE_NEW_DIFF_MM   10
#define LC_TREND_ANKLE_BASELINE_DAYS 90  /* earlier readings looked at */
#define LC_TREND_ANKLE_MIN_BASELINE  3   /* earlier days with both ankles */
#define LC_TREND_SWELLING_RISE       3.0 /* one leg rises this much… */
#define LC_TREND_SWELLING_OTHER      1.0 /* …while the other rises less than this */
#define LC_TREND_SWELLING_RECENT_DAYS   3
#define LC_TREND_SWELLING_BASELINE_DAYS 14
#define LC_TREND_SWELLING_MIN_BASELINE  3  /* days with both legs scored */

/* Morning is before noon, evening from 17:00 (local time). */
#define LC_TREND_MORNING_END_HOUR    12
#define LC_TREND_EVENING_START_HOUR  17

typedef struct
{
  guint   n;        /* values behind the mean; 0: no mean */
  double  mean;
} LcTrendMean;

/* Day numbers: days since 0001-01-01 of the proleptic Gregorian calendar
 * (GDate's Julian day), so differences are calendar days also across
 * daylight-saving changes. */
guint32   lc_trend_day_number         (int                     year,
                                       int                     month,
                                       int                     day);
guint32   lc_trend_aggregate_day      (const LcDayAggregate   *day);
guint32   lc_trend_date_time_day      (GDateTime              *time);
GDateTime *lc_trend_day_to_local      (guint32                 day);

/* Fills @out[i] with the mean of the daily means of @measure over the
 * LC_TREND_ROLLING_DAYS calendar days ending with @days[i], or NAN when
 * @days[i] has no value of @measure. @days must be in order. */
void      lc_trend_rolling_mean       (const LcDayAggregate   *days,
                                       guint                   n_days,
                                       LcMeasure               measure,
                                       double                 *out);

/* The mean over @days whose day numbers fall in [@first_day, @last_day],
 * weighted by entries (every entry counts once). */
LcTrendMean lc_trend_mean_between     (const LcDayAggregate   *days,
                                       guint                   n_days,
                                       LcMeasure               measure,
                                       guint32                 first_day,
                                       guint32                 last_day);

/* What a span of days holds, for the Trends page's summary and the
 * report: means of each measure (entries weighted, as
 * lc_trend_mean_between()), the days with an entry, and the sessions that
 * count (lc_trend_session_counts()) with the days they were done on. */
typedef struct
{
  LcTrendMean means[LC_N_MEASURES];
  double      min[LC_N_MEASURES];     /* the lowest and highest value entered; */
  double      max[LC_N_MEASURES];     /* NAN when means[m].n is 0 */
  guint       days_logged;
  guint       sessions;               /* but sitting breaks */
  guint       session_days;
  guint       breaks;                 /* sessions of the Sitting Break routine */
  guint       break_days;
} LcTrendSummary;

void      lc_trend_summarize          (const LcDayAggregate   *days,
                                       guint                   n_days,
                                       GPtrArray              *sessions,
                                       GTimeZone              *tz,
                                       guint32                 first_day,
                                       guint32                 last_day,
                                       LcTrendSummary         *out);

/* A change between two means of the 0-10 scores */
typedef enum
{
  LC_TREND_CHANGE_UNKNOWN,    /* too few values on one side */
  LC_TREND_CHANGE_NONE,       /* less than LC_TREND_CLEAR_CHANGE */
  LC_TREND_CHANGE_LOWER,
  LC_TREND_CHANGE_HIGHER,
} LcTrendChange;

LcTrendChange lc_trend_score_change   (const LcTrendMean      *before,
                                       const LcTrendMean      *now);

/* Entries (LcEntry) taken in the morning and in the evening, local time
 * of @tz: means of heaviness and of swelling, both legs' scores counted. */
typedef struct
{
  LcTrendMean morning_heaviness;
  LcTrendMean evening_heaviness;
  LcTrendMean morning_swelling;
  LcTrendMean evening_swelling;
} LcTimeOfDay;

void      lc_trend_time_of_day        (GPtrArray              *entries,
                                       GTimeZone              *tz,
                                       LcTimeOfDay            *out);

/* Completed sessions (every step done or skipped, at least one done), but
 * sitting breaks,
 * started in each of @n_weeks 7-day windows; window 0 starts with
 * @first_day. @counts has @n_weeks elements. Returns the total. */
guint     lc_trend_sessions_per_week  (GPtrArray              *sessions,
                                       GTimeZone              *tz,
                                       guint32                 first_day,
                                       guint                   n_weeks,
                                       guint                  *counts);
gboolean  lc_trend_session_completed  (const LcSessionRecord  *record);
/* Whether a session counts in statistics and means: a step was done. */
gboolean  lc_trend_session_counts     (const LcSessionRecord  *record);

/* Days on each side before evening heaviness is compared by breaks */
#define LC_TREND_MIN_BREAK_DAYS      3

gboolean  lc_trend_session_is_break   (const LcSessionRecord  *record);

/* Evening heaviness on days with more and with fewer sitting breaks */
typedef struct
{
  guint   threshold;     /* "more": at least this many breaks that day */
  guint   more_days;     /* days with an evening heaviness score on each side */
  guint   fewer_days;
  double  more_mean;     /* the mean of those days' evening means */
  double  fewer_mean;
} LcBreakComparison;

gboolean  lc_trend_compare_break_days (GPtrArray              *entries,
                                       GPtrArray              *sessions,
                                       GTimeZone              *tz,
                                       guint32                 first_day,
                                       guint32                 last_day,
                                       LcBreakComparison      *out);

/* Before/after heaviness per routine, from sessions that have both and
 * count (lc_trend_session_counts()). */
typedef struct
{
  char   *routine_id;
  char   *routine_name;   /* the name of the newest such session */
  guint   n;
  double  mean_before;
  double  mean_after;
  double  mean_change;    /* after - before */
} LcRoutineEffect;

/* Returns: (element-type LcRoutineEffect): most sessions first, then by
 * name; frees its elements. */
GArray   *lc_trend_routine_effects    (GPtrArray              *sessions);

/* Red flags */
typedef enum
{
  LC_RED_FLAG_NONE           = 0,
  LC_RED_FLAG_CALF_DIFFERENCE = 1 << 0,
  LC_RED_FLAG_ONE_LEG_SWELLING = 1 << 1,
  LC_RED_FLAG_ANKLE_NEW_DIFFERENCE = 1 << 2,
} LcRedFlags;

typedef struct
{
  LcRedFlags flags;
  /* LC_RED_FLAG_CALF_DIFFERENCE: the day and the legs' daily means */
  guint32  calf_day;
  double   calf_mm[LC_N_LEGS];
  LcLeg    calf_larger;
  /* LC_RED_FLAG_ANKLE_NEW_DIFFERENCE: the day, the legs' daily means, and
   * the mean of right minus left over the earlier days */
  guint32  ankle_day;
  double   ankle_mm[LC_N_LEGS];
  LcLeg    ankle_larger;
  guint    ankle_baseline_days;
  double   ankle_baseline_mm;
  /* LC_RED_FLAG_ONE_LEG_SWELLING: the leg, its baseline and recent means */
  LcLeg    swelling_leg;
  double   swelling_baseline[LC_N_LEGS];
  double   swelling_recent[LC_N_LEGS];
} LcRedFlagReport;

/* Evaluates the rules as of @day (days after it are ignored). */
void      lc_trend_red_flags_on       (const LcDayAggregate   *days,
                                       guint                   n_days,
                                       guint32                 day,
                                       LcRedFlagReport        *out);

/* The flags to show on @today: those of lc_trend_red_flags_on(), less any
 * the user confirmed on @acknowledged_day (0: never) if that flag has been
 * shown on every day since then (a new episode shows again). */
LcRedFlags lc_trend_red_flags_to_show (const LcDayAggregate   *days,
                                       guint                   n_days,
                                       guint32                 today,
                                       guint32                 acknowledged_day,
                                       LcRedFlagReport        *out);

/* Reducing a daily series to a pixel grid: column c of n columns covers
 * the days [@first_day + c * span / n, @first_day + (c + 1) * span / n),
 * span = @last_day - @first_day + 1. Columns without values have n == 0. */
typedef struct
{
  guint   n;        /* days with values in the column */
  double  min;
  double  max;
  double  mean;     /* of the values */
  guint32 first_day;   /* first and last day with a value in the column */
  guint32 last_day;
} LcTrendColumn;

/* How a chart's plot of a given width shows a span of days: the one place
 * that decides how many columns each part of a chart has. */
/* From this many days on, daily values are shown a week to a column */
#define LC_TREND_WEEKLY_SPAN         120

typedef struct
{
  guint    n_values;    /* daily values: a column a day, or a pixel, or two when dense */
  gboolean dense;       /* days closer than 3 pixels: each column a range bar */
  gboolean weekly;      /* a long span: a column a week, its mean within its range */
  guint    n_mean;      /* vertices of the 7-day mean: at most one per 4 pixels */
  guint    n_sessions;  /* session ticks: a column a day, or a pixel */
} LcChartGrid;

void      lc_trend_chart_grid         (guint32                 span,
                                       double                  width,
                                       LcChartGrid            *grid);

GArray   *lc_trend_reduce             (const guint32          *day_numbers,
                                       const double           *values,
                                       guint                   n_values,
                                       guint32                 first_day,
                                       guint32                 last_day,
                                       guint                   n_columns);

/* Who reads the sentences: the user, or a clinician in the report */
typedef enum
{
  LC_TREND_VOICE_USER,
  LC_TREND_VOICE_REPORT,
} LcTrendVoice;

/* Plain sentences about a period for the Trends page and the report;
 * each only when the data supports it. */
GPtrArray *lc_trend_period_insights   (GPtrArray              *entries,
                                       GPtrArray              *sessions,
                                       GTimeZone              *tz,
                                       guint32                 first_day,
                                       guint32                 last_day,
                                       LcTrendVoice            voice);

G_END_DECLS
