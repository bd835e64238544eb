/* lc-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-application.h"
#include "lc-clock.h"

G_BEGIN_DECLS

#define LC_TYPE_WINDOW (lc_window_get_type ())

G_DECLARE_FINAL_TYPE (LcWindow, lc_window, LC, WINDOW, AdwApplicationWindow)

LcWindow   *lc_window_new          (LcApplication *application);
const char *lc_window_get_page     (LcWindow      *self);
GtkWidget  *lc_window_get_diary_page  (LcWindow   *self);
GtkWidget  *lc_window_get_trends_page (LcWindow   *self);
void        lc_window_set_page     (LcWindow      *self,
                                    const char    *page);
void        lc_window_add_toast    (LcWindow      *self,
                                    AdwToast      *toast);
void        lc_window_export_diary (LcWindow      *self,
                                    GFile         *file);
void        lc_window_import_diary (LcWindow      *self,
                                    GFile         *file);
void        lc_window_set_diary    (LcWindow      *self,
                                    LcDiary       *diary,
                                    const GError  *error);
void        lc_window_show_routine (LcWindow      *self,
                                    LcRoutine     *routine);
gboolean    lc_window_request_start (LcWindow     *self,
                                     LcRoutine    *routine);
void        lc_window_open_shared_routine (LcWindow *self,
                                           GFile    *file);
void        lc_window_set_clock    (LcWindow      *self,
                                    LcClock       *clock);
GtkWidget  *lc_window_start_session (LcWindow     *self,
                                     LcRoutine    *routine,
                                     LcClock      *clock);

G_END_DECLS
