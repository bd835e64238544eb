/* lc-test-days.h: hand-made LcDayAggregate arrays for the unit tests of
 * trends and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-trend.h"

/* The day with day number @number in @days (of LcDayAggregate), added in
 * order if missing. */
static G_GNUC_UNUSED LcDayAggregate *
lc_test_day_at (GArray  *days,
                guint32  number)
{
  LcDayAggregate day = { 0 };
  GDate date;
  guint i;

  for (i = 0; i < days->len; i++)
    {
      guint32 other = lc_trend_aggregate_day (&g_array_index (days, LcDayAggregate, i));

      if (other == number)
        return &g_array_index (days, LcDayAggregate, i);
      if (other > number)
        break;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, number);
  day.year = g_date_get_year (&date);
  day.month = g_date_get_month (&date);
  day.day = g_date_get_day (&date);
  g_array_insert_val (days, i, day);

  return &g_array_index (days, LcDayAggregate, i);
}
