/* lc-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-format.h"

/**
 * lc_format_duration:
 * @seconds: a duration
 *
 * Formats a duration the way a routine's length is shown to people:
 * rounded to whole minutes from one minute on ("15 min", "1 h 5 min"),
 * in seconds below ("45 s").
 *
 * Returns: (transfer full): the translated text
 */
char *
lc_format_duration (guint seconds)
{
  guint minutes;
  guint hours;

  if (seconds < 60)
    /* Translators: a duration shorter than a minute, e.g. "45 s" */
    return g_strdup_printf (_("%u s"), seconds);

  /* Round to the nearest minute: 89 s reads "1 min", 90 s "2 min". */
  minutes = (seconds + 30) / 60;
  hours = minutes / 60;
  minutes %= 60;

  if (hours == 0)
    /* Translators: a duration in minutes, e.g. "15 min" */
    return g_strdup_printf (_("%u min"), minutes);

  if (minutes == 0)
    /* Translators: a duration in whole hours, e.g. "2 h" */
    return g_strdup_printf (_("%u h"), hours);

  /* Translators: a duration in hours and minutes, e.g. "1 h 5 min" */
  return g_strdup_printf (_("%u h %u min"), hours, minutes);
}

/**
 * lc_format_clock:
 * @seconds: time left or elapsed
 *
 * Formats a time as a countdown clock shows it: "4:05", or "1:02:03" from
 * an hour on. Digits are not translated; the colon is the usual separator
 * in every locale the app ships.
 *
 * Returns: (transfer full): the text
 */
char *
lc_format_clock (guint seconds)
{
  guint hours = seconds / 3600;
  guint minutes = (seconds / 60) % 60;
  guint secs = seconds % 60;

  if (hours > 0)
    return g_strdup_printf ("%u:%02u:%02u", hours, minutes, secs);

  return g_strdup_printf ("%u:%02u", minutes, secs);
}
