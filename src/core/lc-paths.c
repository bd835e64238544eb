/* lc-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-paths.h"

/**
 * lc_paths_get_user_data_dir:
 *
 * The folder that holds everything the user creates: the diary, backups,
 * custom routines. `$XDG_DATA_HOME/legcare`, which inside Flatpak is the
 * app's own data folder.
 *
 * Returns: (transfer full): the folder; it may not exist yet
 */
GFile *
lc_paths_get_user_data_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "legcare", NULL);
}

/**
 * lc_paths_get_backups_dir:
 *
 * The diary's daily backups: `backups` in lc_paths_get_user_data_dir().
 *
 * Returns: (transfer full): the folder; it may not exist yet
 */
GFile *
lc_paths_get_backups_dir (void)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();

  return g_file_get_child (data_dir, "backups");
}

/**
 * lc_paths_get_routines_dir:
 *
 * The user's own routines, and their versions of built-in ones:
 * `routines` in lc_paths_get_user_data_dir().
 *
 * Returns: (transfer full): the folder; it may not exist yet
 */
GFile *
lc_paths_get_routines_dir (void)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();

  return g_file_get_child (data_dir, "routines");
}

/**
 * lc_paths_get_pictures_dir:
 *
 * The pictures the user's own steps show, named by their contents:
 * `pictures` in lc_paths_get_user_data_dir().
 *
 * Returns: (transfer full): the folder; it may not exist yet
 */
GFile *
lc_paths_get_pictures_dir (void)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();

  return g_file_get_child (data_dir, "pictures");
}

/**
 * lc_paths_ensure_user_data_dir:
 * @error: return location for an error
 *
 * Like lc_paths_get_user_data_dir(), but creates the folder (readable by
 * the user only) if it does not exist.
 *
 * Returns: (transfer full): the folder, or %NULL with @error set
 */
GFile *
lc_paths_ensure_user_data_dir (GError **error)
{
  g_autoptr(GFile) dir = lc_paths_get_user_data_dir ();
  g_autofree char *path = g_file_get_path (dir);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      lc_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, the second %s why it failed */
                   _("Could not create the folder “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&dir);
}

/**
 * lc_file_replace_atomic:
 * @file: the file to write
 * @data: (array length=length): its new contents
 * @length: their length
 * @mode: the permissions of a new file, such as 0600
 * @error: return location for an error
 *
 * Writes @file so that it is never seen half-written under its name, even
 * after a crash or a power cut: a temporary file in the same folder,
 * flushed to the disk, then renamed over @file (g_file_set_contents_full()
 * with %G_FILE_SET_CONTENTS_CONSISTENT and %G_FILE_SET_CONTENTS_DURABLE).
 * A temporary file left by a crash is removed by
 * lc_paths_remove_leftovers().
 *
 * Returns: whether @file now holds @data
 */
gboolean
lc_file_replace_atomic (GFile       *file,
                        const void  *data,
                        gsize        length,
                        int          mode,
                        GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, error);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}

/* What a crash can leave beside the files Leg Care writes: the temporary
 * files of lc_file_replace_atomic() (NAME.XXXXXX, for the names it writes),
 * of GIO (.goutputstream-XXXXXX) and of a backup (NAME.partial). */
static gboolean
is_leftover (const char *name)
{
  static const char *const written[] = { ".xml", ".png", ".jpg", ".jpeg", ".svg", ".sqlite3", NULL };
  size_t length = strlen (name);

  if (g_str_has_prefix (name, ".goutputstream-") || g_str_has_suffix (name, ".partial"))
    return TRUE;

  /* NAME.XXXXXX: six letters or digits after the name */
  if (length < 8 || name[length - 7] != '.')
    return FALSE;
  for (size_t i = length - 6; i < length; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  for (guint i = 0; written[i] != NULL; i++)
    {
      size_t suffix = strlen (written[i]);

      if (length - 7 > suffix && strncmp (name + length - 7 - suffix, written[i], suffix) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * lc_paths_remove_leftovers:
 * @dir: a folder Leg Care writes in
 * @older_than: Unix time: leave files changed after it (another write
 *   may be under way)
 *
 * Removes the temporary files a crash left in @dir (see
 * lc_file_replace_atomic()); nothing else.
 *
 * Returns: how many were removed
 */
guint
lc_paths_remove_leftovers (GFile  *dir,
                           gint64  older_than)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (dir), 0);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return 0;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && is_leftover (name)
          && (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) < older_than)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, name);
          g_autoptr(GError) error = NULL;

          if (g_file_delete (child, NULL, &error))
            removed++;
          else
            g_debug ("Could not remove %s: %s", name, error->message);
        }
      g_object_unref (info);
    }

  return removed;
}
