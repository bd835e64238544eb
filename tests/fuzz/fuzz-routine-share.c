/* fuzz-routine-share.c: libFuzzer target for shared routine files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with: build-aux/dev-env fuzz [SECONDS]
 * A shared routine (.legcare-routine) is a routine file with its pictures
 * inside, base64: the loader's rules, the pictures' checks (type, size,
 * pixels, SVG) and the file's own limits all meet here. The seed corpus is
 * the shipped routines written as shared files, with and without a
 * picture (tests/fuzz/share-seeds).
 */

#include "config.h"

#include <stdint.h>

#include "lc-picture.h"
#include "lc-routine-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static LcRoutineLoader *loader;
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GError) error = NULL;

  if (loader == NULL)
    loader = lc_routine_loader_new (NULL);

  routine = lc_routine_loader_parse_shared (loader, (const char *) data, size, "fuzz.legcare-routine",
                                            &pictures, &error);
  if (routine == NULL)
    {
      /* Every failure is a routine error whose message can be shown */
      g_assert_true (error != NULL && error->domain == LC_ROUTINE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (lc_routine_get_duration (routine), <=, LC_ROUTINE_MAX_SECONDS);

  /* Every picture it brings passed the checks a stored picture must pass */
  if (pictures != NULL)
    {
      GHashTableIter iter;
      gpointer bytes;

      g_hash_table_iter_init (&iter, pictures);
      while (g_hash_table_iter_next (&iter, NULL, &bytes))
        g_assert_true (lc_picture_check (bytes, NULL, NULL, NULL, NULL));
    }

  return 0;
}
