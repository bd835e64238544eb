/* lc-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lc_format_duration (guint seconds);
char *lc_format_clock    (guint seconds);
char *lc_format_change   (double change);
char *lc_format_signed   (double   value,
                          guint    decimals,
                          gboolean plus);

const char *lc_format_emergency_number_for_locale (const char *locale);
const char *lc_format_emergency_number            (void);

G_END_DECLS
