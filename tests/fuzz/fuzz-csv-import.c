/* fuzz-csv-import.c: libFuzzer target for the CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports each input into one diary, a real SQLite file in a temporary
 * folder (removed at exit). A failed import must say so in the CSV error
 * domain and leave the diary as it was; a complete one must have added
 * exactly what it says. A small export makes a good seed corpus.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "lc-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static LcDiary *diary;
static char *folder;

static void
remove_diary (void)
{
  const char *names[] = { "diary.sqlite3", "diary.sqlite3-wal", "diary.sqlite3-shm" };

  g_clear_object (&diary);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
}

static gint64
count_records (void)
{
  g_autoptr(GError) error = NULL;
  gint64 entries = lc_diary_count_entries (diary, &error);
  gint64 sessions;

  g_assert_no_error (error);
  sessions = lc_diary_count_sessions (diary, &error);
  g_assert_no_error (error);

  return entries + sessions;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  guint added = 0;
  guint skipped = 0;
  gint64 before;

  if (diary == NULL)
    {
      g_autoptr(GFile) file = NULL;

      folder = g_dir_make_tmp ("fuzz-csv-import-XXXXXX", &error);
      g_assert_no_error (error);
      file = g_file_new_build_filename (folder, "diary.sqlite3", NULL);
      diary = lc_diary_open (file, &error);
      g_assert_no_error (error);
      atexit (remove_diary);
    }

  before = count_records ();
  if (lc_csv_import (diary, (const char *) data, size, &added, &skipped, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpint (count_records (), ==, before + added);
    }
  else
    {
      /* Every failure is a CSV error, and all-or-nothing. */
      g_assert_true (error != NULL && error->domain == LC_CSV_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "line ") ||
                     error->code == LC_CSV_ERROR_TOO_LARGE ||
                     error->code == LC_CSV_ERROR_DIARY);
      g_assert_cmpint (count_records (), ==, before);
    }

  return 0;
}
