/* lc-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

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
 * lc_format_signed:
 * @value: a number that may be negative
 * @decimals: how many decimals to show
 * @plus: whether a positive number gets a "+"
 *
 * Formats a number as typeset text writes it: a negative one with U+2212
 * MINUS SIGN ("−80", "−1.2"), not the hyphen-minus printf writes, and one
 * that rounds to zero without a sign ("0", "0.0"). The decimal separator is
 * the locale's.
 *
 * Returns: (transfer full): the text
 */
char *
lc_format_signed (double   value,
                  guint    decimals,
                  gboolean plus)
{
  double scale = pow (10, decimals);
  double shown = round (value * scale);

  if (shown == 0 || isnan (shown))
    return g_strdup_printf ("%.*f", (int) decimals, 0.0);
  return g_strdup_printf ("%s%.*f", shown < 0 ? "−" : plus ? "+" : "", (int) decimals, fabs (shown) / scale);
}

/**
 * lc_format_change:
 * @change: a difference, such as between two means
 *
 * Formats a change to one decimal with its sign, as a table or a card
 * shows it: "+0.3", "−1.2" and "0.0" for anything that rounds to nothing
 * (lc_format_signed()).
 *
 * Returns: (transfer full): the text
 */
char *
lc_format_change (double change)
{
  return lc_format_signed (change, 1, TRUE);
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

/* The territories where 112 is the emergency number: the member states of
 * the European Union (Directive (EU) 2018/1972, the European Electronic
 * Communications Code, art. 109). 112 also works in the United Kingdom,
 * but 999 is the number people there know. */
static const char eu_territories[][3] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
};

/**
 * lc_format_emergency_number_for_locale:
 * @locale: (nullable): a POSIX locale name, e.g. "it_IT.UTF-8" or "en_GB@euro"
 *
 * The emergency number for the territory of @locale: "112" in the European
 * Union, "999" in the United Kingdom, "911" in the United States and
 * Canada. For any other territory, or a locale without one ("C", "POSIX",
 * "de"), a translated "your local emergency number".
 *
 * Returns: (transfer none): the number, or the words, to put into a
 *   sentence such as "Call %s"
 */
const char *
lc_format_emergency_number_for_locale (const char *locale)
{
  const char *underscore;
  char territory[3] = { 0 };

  underscore = locale != NULL ? strchr (locale, '_') : NULL;
  if (underscore != NULL &&
      g_ascii_isupper (underscore[1]) && g_ascii_isupper (underscore[2]) &&
      (underscore[3] == '\0' || underscore[3] == '.' || underscore[3] == '@'))
    {
      territory[0] = underscore[1];
      territory[1] = underscore[2];

      if (g_str_equal (territory, "GB"))
        return "999";
      if (g_str_equal (territory, "US") || g_str_equal (territory, "CA"))
        return "911";
      for (guint i = 0; i < G_N_ELEMENTS (eu_territories); i++)
        if (g_str_equal (territory, eu_territories[i]))
          return "112";
    }

  /* Translators: put into sentences such as "Call %s" when the app does not
   * know the country's emergency number; use the form that fits them */
  return _("your local emergency number");
}

/**
 * lc_format_emergency_number:
 *
 * The emergency number for the territory of the locale the messages are
 * shown in: the first of $LC_ALL, $LC_MESSAGES and $LANG that is set, as
 * the C library picks it. See lc_format_emergency_number_for_locale().
 *
 * Returns: (transfer none): the number, or the words
 */
const char *
lc_format_emergency_number (void)
{
  const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && value[0] != '\0')
        return lc_format_emergency_number_for_locale (value);
    }

  return lc_format_emergency_number_for_locale (NULL);
}
