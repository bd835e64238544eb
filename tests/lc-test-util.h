/* lc-test-util.h: helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

/* How much slower than a plain build the tests run: LC_TEST_SLOWDOWN,
 * set by dev-env for the sanitizer build (default 1). */
static inline double
lc_test_slowdown (void)
{
  const char *value = g_getenv ("LC_TEST_SLOWDOWN");
  double factor = value != NULL ? g_ascii_strtod (value, NULL) : 1;

  return factor >= 1 ? factor : 1;
}

/* Iterate the main loop until @condition holds, failing after @seconds
 * (times the slowdown): a condition that never comes, not a slow machine. */
#define wait_until_within(seconds, condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + (gint64) ((seconds) * G_USEC_PER_SEC * lc_test_slowdown ()); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("line %d: timed out waiting for: %s", __LINE__, #condition); \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
  } G_STMT_END

/* The same within 10 s, enough for anything but bulk work */
#define wait_until(condition) wait_until_within (10, condition)

/* A private home for a ui test. Not G_TEST_OPTION_ISOLATE_DIRS: that also
 * empties XDG_DATA_DIRS, and without the shared MIME database GTK can't
 * tell an SVG icon from any other file. Call before g_test_init(). */
/* The locale a language of po/LINGUAS is tested in, as dev-env generates
 * it: what build-aux/locale-of.sh says (it -> it_IT.UTF-8) */
static inline char *
lc_test_locale_of (const char *language)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "locale-of.sh", NULL);
  const char *argv[] = { script, language, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", script, language, error->message);

  return g_strstrip (out);
}

static inline void
lc_test_use_private_home (const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *home = g_dir_make_tmp (template, NULL);
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

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

/* Whether @path is whole: it starts with @start and ends with the
 * @end_length bytes of @end (a PDF's %%EOF, a PNG's IEND chunk). */
static inline gboolean
lc_test_file_is_whole (const char *path,
                       const char *start,
                       const char *end,
                       gsize       end_length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  return g_file_get_contents (path, &contents, &size, NULL) && size > strlen (start) + end_length
         && memcmp (contents, start, strlen (start)) == 0
         && memcmp (contents + size - end_length, end, end_length) == 0;
}

/* The string setting @key is @expected */
#define lc_test_assert_setting(settings, key, expected) \
  G_STMT_START { \
    g_autofree char *value_ = g_settings_get_string ((settings), (key)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END
