/* lc-illustration-choice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_ILLUSTRATION_CHOICE (lc_illustration_choice_get_type ())

G_DECLARE_FINAL_TYPE (LcIllustrationChoice, lc_illustration_choice, LC, ILLUSTRATION_CHOICE, GtkBox)

GtkWidget  *lc_illustration_choice_new              (void);
const char *lc_illustration_choice_get_illustration (LcIllustrationChoice *self);
void        lc_illustration_choice_set_illustration (LcIllustrationChoice *self,
                                                     const char           *name);
const char *lc_illustration_choice_get_label        (LcIllustrationChoice *self);
void        lc_illustration_choice_set_label        (LcIllustrationChoice *self,
                                                     const char           *label);
gboolean    lc_illustration_choice_get_selected     (LcIllustrationChoice *self);
void        lc_illustration_choice_set_selected     (LcIllustrationChoice *self,
                                                     gboolean              selected);

G_END_DECLS
