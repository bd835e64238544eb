/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/format/duration", test_format_duration);
  g_test_add_func ("/lc/format/clock", test_format_clock);

  return g_test_run ();
}
