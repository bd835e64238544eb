/* lc-backups.c: the diary's daily backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once a day, on the first use, the diary is copied with SQLite's online
 * backup to backups/diary-YYYY-MM-DD.sqlite3; the newest LC_BACKUPS_KEEP
 * daily copies stay. Restoring first copies the current diary to
 * backups/diary-YYYY-MM-DD-HHMMSS-before-restore.sqlite3, which rotation
 * never removes.
 *
 * A diary that had to be set aside at start (lc_diary_open(): damaged, or
 * from a newer version) stays beside the backups folder as
 * diary.sqlite3.damaged-YYYYMMDD-HHMMSS: it is listed with the backups, so
 * that it can be restored if it can be read, and rotation keeps the last
 * daily backup from before it, which holds the diary as it was then.
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lc-backups.h"
#include "lc-error.h"

#define DAILY_PREFIX "diary-"
#define SUFFIX ".sqlite3"
#define BEFORE_RESTORE "-before-restore"

void
lc_backup_info_free (LcBackupInfo *info)
{
  if (info == NULL)
    return;

  g_clear_object (&info->file);
  g_clear_pointer (&info->made, g_date_time_unref);
  g_free (info);
}

/* diary-2026-11-21.sqlite3 or diary-2026-11-21-083000-before-restore.sqlite3 */
static GDateTime *
parse_name (const char *name,
            gboolean   *before_restore)
{
  int year, month, day, hour = 0, minute = 0, second = 0;
  char tail[64] = "";

  if (!g_str_has_prefix (name, DAILY_PREFIX) || !g_str_has_suffix (name, SUFFIX))
    return NULL;

  *before_restore = g_str_has_suffix (name, BEFORE_RESTORE SUFFIX);
  if (*before_restore)
    {
      if (sscanf (name, DAILY_PREFIX "%4d-%2d-%2d-%2d%2d%2d%63s", &year, &month, &day,
                  &hour, &minute, &second, tail) != 7 ||
          !g_str_equal (tail, BEFORE_RESTORE SUFFIX))
        return NULL;
    }
  else if (sscanf (name, DAILY_PREFIX "%4d-%2d-%2d%63s", &year, &month, &day, tail) != 4 ||
           !g_str_equal (tail, SUFFIX))
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, second);
}

/* diary.sqlite3.damaged-20261204-175106 (or .newer-): when it was moved */
static GDateTime *
parse_moved_name (const char *name)
{
  const char *kinds[] = { SUFFIX ".damaged-", SUFFIX ".newer-" };
  int year, month, day, hour, minute, second;
  char tail[8] = "";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *at = strstr (name, kinds[i]);

      if (at == NULL || at == name)
        continue;
      if (sscanf (at + strlen (kinds[i]), "%4d%2d%2d-%2d%2d%2d%7s", &year, &month, &day, &hour, &minute,
                  &second, tail) == 6)
        return g_date_time_new_local (year, month, day, hour, minute, second);
    }

  return NULL;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const LcBackupInfo *x = *(LcBackupInfo **) a;
  const LcBackupInfo *y = *(LcBackupInfo **) b;

  return g_date_time_compare (y->made, x->made);
}

/* The backups in @folder, or (@moved_aside) the diaries set aside in it,
 * added to @backups. */
static gboolean
scan_folder (GFile      *folder,
             gboolean    moved_aside,
             gboolean    count_entries,
             GPtrArray  *backups,
             GError    **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *file_info;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while ((file_info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (file_info);
      gboolean before_restore = FALSE;
      GDateTime *made = NULL;

      if (g_file_info_get_file_type (file_info) == G_FILE_TYPE_REGULAR)
        made = moved_aside ? parse_moved_name (name) : parse_name (name, &before_restore);
      if (made != NULL)
        {
          LcBackupInfo *info = g_new0 (LcBackupInfo, 1);

          info->file = g_file_get_child (folder, name);
          info->made = made;
          info->before_restore = before_restore;
          info->moved_aside = moved_aside;
          info->n_entries = count_entries ? lc_diary_file_count_entries (info->file, NULL) : -1;
          g_ptr_array_add (backups, info);
        }
      g_object_unref (file_info);
    }

  return TRUE;
}

/* The backups in @dir and the diaries set aside beside it, newest first */
static GPtrArray *
scan (GFile    *dir,
      gboolean  count_entries,
      GError  **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_backup_info_free);
  g_autoptr(GFile) parent = g_file_get_parent (dir);

  if (!scan_folder (dir, FALSE, count_entries, backups, error))
    return NULL;
  if (parent != NULL)
    scan_folder (parent, TRUE, count_entries, backups, NULL);

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/**
 * lc_backups_list:
 * @dir: the backups folder
 *
 * Returns: (transfer container) (element-type LcBackupInfo): the backups,
 *   newest first, each with its date and number of entries
 */
GPtrArray *
lc_backups_list (GFile   *dir,
                 GError **error)
{
  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  return scan (dir, TRUE, error);
}

static gboolean
ensure_dir (GFile   *dir,
            GError **error)
{
  g_autofree char *path = g_file_get_path (dir);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_IO,
                   _("The backup folder “%s” could not be created: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Whether daily backup @index (of @backups, newest first) is the last one
 * made before a diary was set aside: it holds the diary as it was, and the
 * daily backups after it may all be of a new, empty diary. A backup of the
 * day of the move may be from before it or after, so it is kept too. */
static gboolean
holds_diary_before_move (GPtrArray *backups,
                         guint      index)
{
  LcBackupInfo *backup = backups->pdata[index];

  for (guint i = 0; i < backups->len; i++)
    {
      LcBackupInfo *moved = backups->pdata[i];
      g_autoptr(GDateTime) move_day = NULL;
      gboolean newer_before_move = FALSE;

      if (!moved->moved_aside)
        continue;

      move_day = g_date_time_new_local (g_date_time_get_year (moved->made), g_date_time_get_month (moved->made),
                                        g_date_time_get_day_of_month (moved->made), 0, 0, 0);
      if (g_date_time_compare (backup->made, move_day) == 0)
        return TRUE;
      if (g_date_time_compare (backup->made, move_day) > 0)
        continue;

      /* The newest daily backup before the day of the move? */
      for (guint j = 0; j < index; j++)
        {
          LcBackupInfo *other = backups->pdata[j];

          if (!other->before_restore && !other->moved_aside && g_date_time_compare (other->made, move_day) < 0)
            newer_before_move = TRUE;
        }
      if (!newer_before_move)
        return TRUE;
    }

  return FALSE;
}

/**
 * lc_backups_ensure_daily:
 * @diary: the diary
 * @dir: the backups folder
 * @now: the current time
 * @made: (out) (optional): whether a backup was made now
 *
 * Makes today's backup if there is none yet and removes daily backups
 * beyond the newest %LC_BACKUPS_KEEP.
 */
gboolean
lc_backups_ensure_daily (LcDiary    *diary,
                         GFile      *dir,
                         GDateTime  *now,
                         gboolean   *made,
                         GError    **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) today = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint daily = 0;

  g_return_val_if_fail (LC_IS_DIARY (diary), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  if (made != NULL)
    *made = FALSE;

  if (!ensure_dir (dir, error))
    return FALSE;

  name = g_date_time_format (now, DAILY_PREFIX "%Y-%m-%d" SUFFIX);
  today = g_file_get_child (dir, name);
  if (!g_file_query_exists (today, NULL))
    {
      if (!lc_diary_backup_to (diary, today, error))
        return FALSE;
      if (made != NULL)
        *made = TRUE;
    }

  backups = scan (dir, FALSE, error);
  if (backups == NULL)
    return FALSE;

  for (guint i = 0; i < backups->len; i++)
    {
      LcBackupInfo *info = backups->pdata[i];

      if (info->before_restore || info->moved_aside)
        continue;
      if (++daily > LC_BACKUPS_KEEP && !holds_diary_before_move (backups, i))
        g_file_delete (info->file, NULL, NULL);
    }

  return TRUE;
}

/**
 * lc_backups_restore:
 * @diary: the diary to restore into
 * @backup: one of the backups
 * @dir: the backups folder, where the current diary is saved first
 * @now: the current time, for the name of that copy
 *
 * Returns: whether the diary now holds the backup; after a failure it is
 *   unchanged
 */
gboolean
lc_backups_restore (LcDiary    *diary,
                    GFile      *backup,
                    GFile      *dir,
                    GDateTime  *now,
                    GError    **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) safety = NULL;

  g_return_val_if_fail (LC_IS_DIARY (diary), FALSE);
  g_return_val_if_fail (G_IS_FILE (backup), FALSE);

  if (!ensure_dir (dir, error))
    return FALSE;

  name = g_date_time_format (now, DAILY_PREFIX "%Y-%m-%d-%H%M%S" BEFORE_RESTORE SUFFIX);
  safety = g_file_get_child (dir, name);
  if (!lc_diary_backup_to (diary, safety, error))
    return FALSE;

  return lc_diary_restore_from (diary, backup, error);
}
