/* lc-score-bar.h: a 0-10 score drawn as a bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_SCORE_BAR (lc_score_bar_get_type ())

G_DECLARE_FINAL_TYPE (LcScoreBar, lc_score_bar, LC, SCORE_BAR, GtkWidget)

GtkWidget *lc_score_bar_new       (void);
int        lc_score_bar_get_score (LcScoreBar *self);
void       lc_score_bar_set_score (LcScoreBar *self,
                                   int         score);

G_END_DECLS
