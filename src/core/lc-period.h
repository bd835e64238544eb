/* lc-period.h: the calendar periods the Trends page shows and steps through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LC_PERIOD_WEEK,
  LC_PERIOD_MONTH,
  LC_PERIOD_THREE_MONTHS,
  LC_PERIOD_YEAR,
  LC_PERIOD_ALL,
  LC_N_PERIOD_KINDS,
} LcPeriodKind;

/* A span of calendar days, both ends included, as day numbers (see
 * lc_trend_day_number()). */
typedef struct
{
  LcPeriodKind kind;
  guint32      first_day;
  guint32      last_day;
} LcPeriod;

const char *lc_period_kind_to_string   (LcPeriodKind     kind);
gboolean    lc_period_kind_from_string (const char      *name,
                                        LcPeriodKind    *kind);
GDateWeekday lc_period_locale_first_weekday (void);

LcPeriod    lc_period_around           (LcPeriodKind     kind,
                                        guint32          day,
                                        GDateWeekday     first_weekday,
                                        guint32          first_data_day);
LcPeriod    lc_period_step             (const LcPeriod  *period,
                                        int              steps,
                                        GDateWeekday     first_weekday);
guint       lc_period_n_days           (const LcPeriod  *period);
gboolean    lc_period_contains         (const LcPeriod  *period,
                                        guint32          day);
char       *lc_period_format           (const LcPeriod  *period);

G_END_DECLS
