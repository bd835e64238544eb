/* lc-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lc_format_duration (guint seconds);
char *lc_format_clock    (guint seconds);

G_END_DECLS
