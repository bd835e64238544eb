/* test-error.c: messages that can be shown and read aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lc-error.h"

#define TEST_ERROR (g_quark_from_static_string ("test-error"))

/* Bytes that are not UTF-8: a Latin-1 name, a character cut in half
 * (the first two bytes of U+FEFF), a lone continuation byte. */
static const char *const bad[] = { "caf\xe9.xml", "\xef\xbb", "a\x80z" };

static void
test_error_valid_utf8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) made = NULL;
      g_autoptr(GError) prefixed = NULL;

      lc_set_error (&error, TEST_ERROR, 1, "%s:1:1: %s", bad[i], bad[i]);
      g_assert_error (error, TEST_ERROR, 1);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "\ufffd"));

      made = lc_error_new (TEST_ERROR, 2, "file %s", bad[i]);
      g_assert_error (made, TEST_ERROR, 2);
      g_assert_true (g_utf8_validate (made->message, -1, NULL));
      g_assert_true (g_str_has_prefix (made->message, "file "));

      lc_propagate_prefixed_error (&prefixed, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, bad[i]),
                                   "%s: ", bad[i]);
      g_assert_error (prefixed, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_true (g_utf8_validate (prefixed->message, -1, NULL));
    }

  /* Valid text stays exactly as it is */
  {
    g_autoptr(GError) error = NULL;

    lc_set_error (&error, TEST_ERROR, 3, "%s: “%s”", "caf\u00e9.xml", "\u2014");
    g_assert_cmpstr (error->message, ==, "caf\u00e9.xml: “\u2014”");
  }

  /* No error wanted */
  lc_set_error (NULL, TEST_ERROR, 1, "%s", bad[0]);
}

static void
test_error_display_name (void)
{
  g_autoptr(GFile) latin1 = g_file_new_for_path ("/tmp/caf\xe9.csv");
  g_autoptr(GFile) plain = g_file_new_for_path ("/tmp/diary.csv");
  g_autofree char *latin1_name = lc_file_display_name (latin1);
  g_autofree char *plain_name = lc_file_display_name (plain);

  g_assert_true (g_utf8_validate (latin1_name, -1, NULL));
  g_assert_true (g_str_has_prefix (latin1_name, "caf"));
  g_assert_null (strchr (latin1_name, '/'));
  g_assert_cmpstr (plain_name, ==, "diary.csv");
}

/* Reading real files that can't be read: the app's words, the file's name,
 * never GIO's message with the whole path. */
static void
test_error_read_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("legcare-error-XXXXXX", &error);
  g_autofree char *missing_path = g_build_filename (dir, "gone.csv", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "a folder.csv", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  struct { GFile *file; const char *words; } cases[] = {
    { missing, "“gone.csv” is no longer there" },
    { folder, "“a folder.csv” is a folder" },
  };

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;

      g_assert_false (g_file_load_contents (cases[i].file, NULL, &contents, NULL, NULL, &read_error));
      g_assert_nonnull (read_error);
      text = lc_describe_read_error (cases[i].file, read_error);
      g_test_message ("%s → %s", read_error->message, text);
      g_assert_true (g_str_has_prefix (text, cases[i].words));
      g_assert_null (strstr (text, dir));
    }

  /* Anything else: that it could not be read, and what to check */
  {
    g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
    g_autofree char *text = lc_describe_read_error (missing, other);

    g_assert_cmpstr (text, ==, "“gone.csv” could not be read. Check that the disk or device it is on is "
                               "still connected.");
  }

  g_rmdir (folder_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lc/error/valid-utf8", test_error_valid_utf8);
  g_test_add_func ("/lc/error/display-name", test_error_display_name);
  g_test_add_func ("/lc/error/read-errors", test_error_read_errors);

  return g_test_run ();
}
