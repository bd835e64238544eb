/* lc-trend-private.h: what lc-trend.c and lc-trend-insights.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Means are ratios of small whole numbers: a difference that is exactly a
 * threshold may come out a hair below it in floating point. */
#define LC_TREND_EPSILON 1e-9

static inline double
lc_trend_difference (double a,
                     double b)
{
  return a > b ? a - b : b - a;
}

static inline gboolean
lc_trend_at_least (double value,
                   double threshold)
{
  return value >= threshold - LC_TREND_EPSILON;
}

/* The local day (in @tz) of a UTC time, 0 if out of range */
guint32 lc_trend_local_day (gint64     time,
                            GTimeZone *tz);

G_END_DECLS
