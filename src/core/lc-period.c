/* lc-period.c: the calendar periods the Trends page shows and steps through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A week (from the locale's first weekday), a calendar month, three
 * calendar months, a calendar year, or all of the diary. Periods are spans
 * of day numbers, so stepping back a month or a year is calendar
 * arithmetic (GDate), untouched by clock changes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "lc-period.h"
#include "lc-trend.h"

static const char *const kind_names[LC_N_PERIOD_KINDS] = {
  [LC_PERIOD_WEEK] = "week",
  [LC_PERIOD_MONTH] = "month",
  [LC_PERIOD_THREE_MONTHS] = "3-months",
  [LC_PERIOD_YEAR] = "year",
  [LC_PERIOD_ALL] = "all",
};

/**
 * lc_period_kind_to_string:
 *
 * Returns: the kind's name, as stored in the settings
 */
const char *
lc_period_kind_to_string (LcPeriodKind kind)
{
  g_return_val_if_fail (kind < LC_N_PERIOD_KINDS, NULL);
  return kind_names[kind];
}

/**
 * lc_period_kind_from_string:
 *
 * Returns: whether @name is a kind's name
 */
gboolean
lc_period_kind_from_string (const char   *name,
                            LcPeriodKind *kind)
{
  for (guint i = 0; i < LC_N_PERIOD_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = (LcPeriodKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * lc_period_locale_first_weekday:
 *
 * Returns: the day a week starts on in the current locale (LC_TIME), as
 *   GtkCalendar finds it
 */
GDateWeekday
lc_period_locale_first_weekday (void)
{
#ifdef __GLIBC__   /* _NL_TIME_FIRST_WEEKDAY is an enum value there, not a macro */
  union { unsigned int word; char *string; } info;
  int first_weekday;    /* 1: the week's origin day */
  int origin;           /* 0: Sunday, 1: Monday */

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  origin = info.word == 19971201 ? 1 : 0;
  if (first_weekday >= 1 && first_weekday <= 7)
    {
      int sunday_based = (origin + first_weekday - 1) % 7;   /* 0: Sunday */

      return sunday_based == 0 ? G_DATE_SUNDAY : (GDateWeekday) sunday_based;
    }
#endif
  return G_DATE_MONDAY;
}

static void
set_day (GDate   *date,
         guint32  day)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

/* The first of the three months that end with @month */
static GDateMonth
three_months_start (GDate *date)
{
  g_date_set_day (date, 1);
  g_date_subtract_months (date, 2);
  return g_date_get_month (date);
}

/**
 * lc_period_around:
 * @kind: the kind of period
 * @day: a day the period holds
 * @first_weekday: where a week starts
 * @first_data_day: the diary's first day, for %LC_PERIOD_ALL (0: @day)
 *
 * A week is the one holding @day; three months are those ending with
 * @day's month; all of the diary runs from @first_data_day to @day.
 *
 * Returns: the period
 */
LcPeriod
lc_period_around (LcPeriodKind  kind,
                  guint32       day,
                  GDateWeekday  first_weekday,
                  guint32       first_data_day)
{
  LcPeriod period = { kind, day, day };
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), period);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), period);

  set_day (&date, day);
  switch (kind)
    {
    case LC_PERIOD_WEEK:
      period.first_day = day - (g_date_get_weekday (&date) - first_weekday + 7) % 7;
      period.last_day = period.first_day + 6;
      break;

    case LC_PERIOD_MONTH:
      g_date_set_day (&date, 1);
      period.first_day = g_date_get_julian (&date);
      period.last_day = period.first_day + g_date_get_days_in_month (g_date_get_month (&date),
                                                                     g_date_get_year (&date)) - 1;
      break;

    case LC_PERIOD_THREE_MONTHS:
      three_months_start (&date);
      period.first_day = g_date_get_julian (&date);
      g_date_add_months (&date, 3);
      period.last_day = g_date_get_julian (&date) - 1;
      break;

    case LC_PERIOD_YEAR:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date));
      period.first_day = g_date_get_julian (&date);
      g_date_add_years (&date, 1);
      period.last_day = g_date_get_julian (&date) - 1;
      break;

    case LC_PERIOD_ALL:
      period.first_day = first_data_day > 0 && first_data_day < day ? first_data_day : day;
      break;

    case LC_N_PERIOD_KINDS:
    default:
      g_return_val_if_reached (period);
    }

  return period;
}

/**
 * lc_period_step:
 * @steps: how many periods on (negative: back)
 *
 * Returns: the period @steps periods of the same kind after @period; all
 *   of the diary stays as it is
 */
LcPeriod
lc_period_step (const LcPeriod *period,
                int             steps,
                GDateWeekday    first_weekday)
{
  GDate date;

  g_return_val_if_fail (period != NULL, (LcPeriod) { 0 });

  set_day (&date, period->first_day);
  switch (period->kind)
    {
    case LC_PERIOD_WEEK:
      if (steps >= 0)
        g_date_add_days (&date, 7 * (guint) steps);
      else
        g_date_subtract_days (&date, 7 * (guint) -steps);
      break;

    case LC_PERIOD_MONTH:
    case LC_PERIOD_THREE_MONTHS:
      {
        guint months = (period->kind == LC_PERIOD_MONTH ? 1 : 3) * (guint) ABS (steps);

        if (steps >= 0)
          g_date_add_months (&date, months);
        else
          g_date_subtract_months (&date, months);
        /* The period around its own last month */
        if (period->kind == LC_PERIOD_THREE_MONTHS)
          g_date_add_months (&date, 2);
      }
      break;

    case LC_PERIOD_YEAR:
      if (steps >= 0)
        g_date_add_years (&date, (guint) steps);
      else
        g_date_subtract_years (&date, (guint) -steps);
      break;

    case LC_PERIOD_ALL:
    case LC_N_PERIOD_KINDS:
    default:
      return *period;
    }

  return lc_period_around (period->kind, g_date_get_julian (&date), first_weekday, 0);
}

/**
 * lc_period_n_days:
 *
 * Returns: how many calendar days @period spans
 */
guint
lc_period_n_days (const LcPeriod *period)
{
  g_return_val_if_fail (period != NULL && period->last_day >= period->first_day, 0);
  return period->last_day - period->first_day + 1;
}

/**
 * lc_period_contains:
 *
 * Returns: whether @day lies in @period
 */
gboolean
lc_period_contains (const LcPeriod *period,
                    guint32         day)
{
  g_return_val_if_fail (period != NULL, FALSE);
  return day >= period->first_day && day <= period->last_day;
}

static GDateYear
day_year (guint32 day)
{
  GDate date;

  set_day (&date, day);
  return g_date_get_year (&date);
}

static char *
format_day (guint32     day,
            const char *format)
{
  g_autoptr(GDateTime) time = lc_trend_day_to_local (day);
  g_autofree char *text = g_date_time_format (time, format);

  return g_strdup (g_strstrip (text));
}

/**
 * lc_period_format:
 *
 * Returns: (transfer full): the period's name, e.g. "November 2026"
 */
char *
lc_period_format (const LcPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean same_year;

  g_return_val_if_fail (period != NULL, NULL);

  same_year = day_year (period->first_day) == day_year (period->last_day);

  switch (period->kind)
    {
    case LC_PERIOD_WEEK:
      /* TRANSLATORS: the first day of a week shown, see strftime(3); the
       * year follows the week's last day */
      first = format_day (period->first_day, same_year ? C_("week start", "%-e %b") : C_("week start with year", "%-e %b %Y"));
      /* TRANSLATORS: the last day of a week shown, see strftime(3) */
      last = format_day (period->last_day, C_("week end", "%-e %b %Y"));
      /* TRANSLATORS: a week, e.g. "30 Nov – 6 Dec 2026" */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);

    case LC_PERIOD_MONTH:
      /* TRANSLATORS: a month shown, see strftime(3); %OB is the month's
       * name on its own, e.g. "November 2026" */
      return format_day (period->first_day, C_("period", "%OB %Y"));

    case LC_PERIOD_THREE_MONTHS:
      /* TRANSLATORS: the first of three months shown, see strftime(3);
       * the year follows the last month */
      first = format_day (period->first_day, same_year ? C_("months start", "%OB") : C_("months start with year", "%OB %Y"));
      /* TRANSLATORS: the last of three months shown, see strftime(3) */
      last = format_day (period->last_day, C_("months end", "%OB %Y"));
      /* TRANSLATORS: three months, e.g. "September – November 2026" */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);

    case LC_PERIOD_YEAR:
      /* TRANSLATORS: a year shown, see strftime(3) */
      return format_day (period->first_day, C_("period", "%Y"));

    case LC_PERIOD_ALL:
      /* TRANSLATORS: the first day of the diary, see strftime(3) */
      first = format_day (period->first_day, C_("all since", "%-e %B %Y"));
      /* TRANSLATORS: all of the diary, e.g. "Since 3 March 2025" */
      return g_strdup_printf (_("Since %s"), first);

    case LC_N_PERIOD_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
