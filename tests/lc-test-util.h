/* lc-test-util.h: helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

/* Iterate the main loop until @condition holds, failing after 10 s. */
#define wait_until(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("line %d: timed out waiting for: %s", __LINE__, #condition); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

/* A private home for a ui test. Not G_TEST_OPTION_ISOLATE_DIRS: that also
 * empties XDG_DATA_DIRS, and without the shared MIME database GTK can't
 * tell an SVG icon from any other file. Call before g_test_init(). */
static inline void
lc_test_use_private_home (const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *home = g_dir_make_tmp (template, NULL);
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };

  g_assert (home != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);
}

/* Write @contents to @name in @dir, replacing it. */
static inline void
lc_test_write_file (GFile      *dir,
                    const char *name,
                    const char *contents)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);

  g_assert_true (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}
