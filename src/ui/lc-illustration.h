/* lc-illustration.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-routine.h"

G_BEGIN_DECLS

#define LC_ILLUSTRATIONS_RESOURCE "/com/example/LegCare/illustrations/"

GStrv      lc_illustration_list_names (void);
const char *lc_illustration_get_label (const char *name);
gboolean    lc_illustration_is_for_steps (const char *name);
GtkWidget *lc_illustration_new        (const char *name,
                                       const char *description,
                                       int         width,
                                       int         height);
GtkWidget *lc_illustration_new_for_step (LcStep     *step,
                                         GHashTable *pictures,
                                         const char *description,
                                         int         width,
                                         int         height);
GtkWidget *lc_illustration_new_for_routine (LcRoutine  *routine,
                                            GHashTable *pictures,
                                            const char *description,
                                            int         width,
                                            int         height);
gboolean   lc_illustration_check_bytes (GBytes  *bytes,
                                        GError **error);
GtkWidget *lc_illustration_new_for_file (const char *path,
                                         const char *description,
                                         int         width,
                                         int         height);

G_END_DECLS
