/* lc-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void    lc_set_error                (GError     **error,
                                     GQuark       domain,
                                     int          code,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (4, 5);
GError *lc_error_new                (GQuark       domain,
                                     int          code,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void    lc_propagate_prefixed_error (GError     **dest,
                                     GError      *src,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
char   *lc_file_display_name        (GFile       *file);
char   *lc_describe_read_error      (GFile       *file,
                                     const GError *error);

G_END_DECLS
