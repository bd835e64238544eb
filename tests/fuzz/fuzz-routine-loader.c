/* fuzz-routine-loader.c: libFuzzer target for the routine loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with: build-aux/dev-env fuzz [SECONDS]
 * The seed corpus is the shipped routines (data/routines/).
 */

#include "config.h"

#include <stdint.h>

#include "lc-routine-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (LcRoutine *routine)
{
  g_autoptr(GArray) segments = lc_routine_expand (routine);
  guint total = 0;

  for (guint i = 0; i < segments->len; i++)
    total += g_array_index (segments, LcSegment, i).seconds;
  g_assert_cmpuint (total, ==, lc_routine_get_duration (routine));
  g_assert_cmpuint (total, <=, LC_ROUTINE_MAX_SECONDS);

  for (guint i = 0; i < lc_routine_get_n_steps (routine); i++)
    {
      g_autofree char *timing = lc_step_describe_timing (lc_routine_get_step (routine, i));

      g_assert_nonnull (timing);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LcRoutineLoader *loader;
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;

  /* Any illustration name is accepted, so that the fuzzer gets past it. */
  if (loader == NULL)
    loader = lc_routine_loader_new (NULL);

  routine = lc_routine_loader_parse (loader, (const char *) data, size, "fuzz.xml",
                                     LC_ROUTINE_ORIGIN_USER, &error);
  if (routine != NULL)
    {
      g_assert_no_error (error);
      exercise (routine);
    }
  else
    {
      /* Every failure is a routine error that says where. */
      g_assert_true (error != NULL && error->domain == LC_ROUTINE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml:"));
    }

  return 0;
}
