/* lc-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile *lc_paths_get_user_data_dir    (void);
GFile *lc_paths_ensure_user_data_dir (GError **error);

G_END_DECLS
