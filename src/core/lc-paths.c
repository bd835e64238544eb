/* lc-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
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
