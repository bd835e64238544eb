/* lc-countdown.h: the player's countdown, redrawn every second without a
 * new layout of the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_COUNTDOWN (lc_countdown_get_type ())

G_DECLARE_FINAL_TYPE (LcCountdown, lc_countdown, LC, COUNTDOWN, GtkWidget)

GtkWidget  *lc_countdown_new         (void);
const char *lc_countdown_get_text    (LcCountdown *self);
void        lc_countdown_set_text    (LcCountdown *self,
                                      const char  *text);
guint       lc_countdown_get_n_resizes (LcCountdown *self);

G_END_DECLS
