/* lc-run-marker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile    *lc_run_marker_get_default (void);
gboolean  lc_run_marker_begin       (GFile *marker);
void      lc_run_marker_end         (GFile *marker);

G_END_DECLS
