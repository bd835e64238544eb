/* lc-illustration.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_ILLUSTRATIONS_RESOURCE "/com/example/LegCare/illustrations/"

GStrv      lc_illustration_list_names (void);
GtkWidget *lc_illustration_new        (const char *name,
                                       const char *description,
                                       int         width,
                                       int         height);

G_END_DECLS
