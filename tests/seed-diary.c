/* seed-diary.c: a plausible diary of some weeks in a file, for tests that
 * run the app as its own process (test-a11y.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: seed-diary PATH DAYS   (entries from DAYS days ago to yesterday)
 */

#include "config.h"

#include <stdlib.h>

#include "lc-diary.h"
#include "lc-test-seed.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  int days;

  if (argc != 3 || (days = atoi (argv[2])) < 1)
    {
      g_printerr ("Usage: %s PATH DAYS\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  folder = g_file_get_parent (file);
  if (!g_file_make_directory_with_parents (folder, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_error (&error);

  diary = lc_diary_open (file, &error);
  if (diary == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  lc_test_seed_diary (diary, days, 1, 5);

  return 0;
}
