/* lc-widgets.h: small pieces of UI that several pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToggleGroup *lc_score_toggles_new (const char     *accessible_label);
int             lc_score_toggles_get (AdwToggleGroup *toggles);
void            lc_score_toggles_set (AdwToggleGroup *toggles,
                                      int             score);
void            lc_score_toggles_add_keys (AdwToggleGroup *toggles,
                                           GtkWidget      *scope);
gboolean        lc_score_toggles_has_focus (GtkWidget     *widget);

void            lc_announce          (GtkWidget      *widget,
                                      const char     *message);
void            lc_show_undo_toast   (GtkWidget      *widget,
                                      const char     *title,
                                      GCallback       undo,
                                      gpointer        data,
                                      GClosureNotify  destroy);
gboolean        lc_undo              (GtkWidget      *window);
void            lc_show_toast        (GtkWidget      *widget,
                                      AdwToast       *toast);
void            lc_show_error        (GtkWidget      *widget,
                                      const char     *heading,
                                      const char     *body);

void            lc_text_view_grow_with_text (GtkTextView *view);
char           *lc_text_view_get_text       (GtkTextView *view);
void            lc_text_view_set_text       (GtkTextView *view,
                                             const char  *text);

AdwToast       *lc_toast_new_wrapping (const char     *title);

gboolean        lc_time_spin_output     (GtkSpinButton  *spin,
                                         gpointer        user_data);

void            lc_entry_rows_name_once (GtkWidget      *widget);

GtkDropDown    *lc_toggles_dropdown_new (AdwToggleGroup *toggles,
                                         const char     *accessible_label);

void            lc_search_capture_keys  (GtkSearchEntry *entry,
                                         GtkWidget      *widget,
                                         GtkListBox     *results);

G_END_DECLS
