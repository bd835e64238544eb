/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-format.h"

static void
assert_duration (guint       seconds,
                 const char *expected)
{
  g_autofree char *text = lc_format_duration (seconds);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_clock (guint       seconds,
              const char *expected)
{
  g_autofree char *text = lc_format_clock (seconds);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_duration (void)
{
  assert_duration (0, "0 s");
  assert_duration (45, "45 s");
  assert_duration (59, "59 s");
  assert_duration (60, "1 min");
  assert_duration (89, "1 min");
  assert_duration (90, "2 min");
  assert_duration (15 * 60, "15 min");
  assert_duration (59 * 60 + 29, "59 min");
  assert_duration (59 * 60 + 30, "1 h");
  assert_duration (65 * 60, "1 h 5 min");
  assert_duration (2 * 3600, "2 h");
}

static void
test_format_clock (void)
{
  assert_clock (0, "0:00");
  assert_clock (5, "0:05");
  assert_clock (245, "4:05");
  assert_clock (20 * 60, "20:00");
  assert_clock (3599, "59:59");
  assert_clock (3723, "1:02:03");
}

static void
test_format_emergency_number (void)
{
  struct { const char *locale; const char *number; } cases[] = {
    { "it_IT.UTF-8", "112" },
    { "it_IT", "112" },
    { "de_DE.UTF-8", "112" },
    { "de_AT.UTF-8", "112" },
    { "fr_FR.UTF-8@euro", "112" },
    { "ga_IE.UTF-8", "112" },
    { "en_GB.UTF-8", "999" },
    { "cy_GB", "999" },
    { "en_US.UTF-8", "911" },
    { "es_US.UTF-8", "911" },
    { "fr_CA.UTF-8", "911" },
    { "en_CA", "911" },
  };
  /* No territory, or one whose number the app does not know. */
  const char *unknown[] = {
    "ja_JP.UTF-8", "de_CH.UTF-8", "en_AU.UTF-8", "C", "C.UTF-8", "POSIX", "de", "", "_", "en_G",
    "en_gb", "en_GBR", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (lc_format_emergency_number_for_locale (cases[i].locale), ==, cases[i].number);
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_cmpstr (lc_format_emergency_number_for_locale (unknown[i]), ==,
                     "your local emergency number");
}

static void
test_format_emergency_number_environment (void)
{
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "en_GB.UTF-8", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "999");

  /* LC_MESSAGES before LANG, LC_ALL before both, as the C library does. */
  g_setenv ("LC_MESSAGES", "it_IT.UTF-8", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "112");
  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "911");

  /* Empty counts as unset. */
  g_setenv ("LC_ALL", "", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "112");

  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "your local emergency number");
  g_setenv ("LC_ALL", "C", TRUE);
  g_assert_cmpstr (lc_format_emergency_number (), ==, "your local emergency number");

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_assert_cmpstr (lc_format_emergency_number (), ==, "your local emergency number");
}

/* Signs that read as signs, and nothing that rounds to nothing signed
 * (the C locale: "." as the decimal separator) */
static void
test_format_change (void)
{
  const struct { double change; const char *text; } cases[] = {
    { 0.3, "+0.3" }, { -1.2, "−1.2" }, { 0, "0.0" }, { -0.04, "0.0" }, { 0.049, "0.0" },
    { 0.05, "+0.1" }, { -0.05, "−0.1" }, { 10, "+10.0" }, { -10, "−10.0" }, { 2.0 / 3, "+0.7" },
    { NAN, "0.0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lc_format_change (cases[i].change);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A true minus sign, a plus only when asked, no sign on what rounds to
 * zero, at each number of decimals */
static void
test_format_signed (void)
{
  const struct { double value; guint decimals; gboolean plus; const char *text; } cases[] = {
    { -200, 0, FALSE, "−200" }, { 200, 0, FALSE, "200" }, { 200, 0, TRUE, "+200" },
    { -0.4, 0, TRUE, "0" }, { -0.5, 0, TRUE, "−1" }, { 0.5, 0, FALSE, "1" }, { 0, 0, FALSE, "0" },
    { -1.25, 1, TRUE, "−1.3" }, { 1.24, 1, TRUE, "+1.2" }, { -0.04, 1, TRUE, "0.0" },
    { -3.14159, 2, FALSE, "−3.14" }, { NAN, 1, TRUE, "0.0" }, { -1e6, 0, TRUE, "−1000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lc_format_signed (cases[i].value, cases[i].decimals, cases[i].plus);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/format/duration", test_format_duration);
  g_test_add_func ("/lc/format/clock", test_format_clock);
  g_test_add_func ("/lc/format/change", test_format_change);
  g_test_add_func ("/lc/format/signed", test_format_signed);
  g_test_add_func ("/lc/format/emergency-number", test_format_emergency_number);
  g_test_add_func ("/lc/format/emergency-number-environment", test_format_emergency_number_environment);

  return g_test_run ();
}
