/* lc-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile *lc_paths_get_user_data_dir    (void);
GFile *lc_paths_ensure_user_data_dir (GError **error);
GFile *lc_paths_get_backups_dir      (void);
GFile *lc_paths_get_routines_dir     (void);
GFile *lc_paths_get_pictures_dir     (void);

gboolean lc_file_replace_atomic      (GFile       *file,
                                      const void  *data,
                                      gsize        length,
                                      int          mode,
                                      GError     **error);
guint    lc_paths_remove_leftovers   (GFile       *dir,
                                      gint64       older_than);

G_END_DECLS
