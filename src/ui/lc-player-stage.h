/* lc-player-stage.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_PLAYER_STAGE (lc_player_stage_get_type ())

G_DECLARE_FINAL_TYPE (LcPlayerStage, lc_player_stage, LC, PLAYER_STAGE, GtkWidget)

GtkWidget *lc_player_stage_get_picture   (LcPlayerStage *self);
void       lc_player_stage_set_picture   (LcPlayerStage *self,
                                          GtkWidget     *picture);
GtkWidget *lc_player_stage_get_text      (LcPlayerStage *self);
void       lc_player_stage_set_text      (LcPlayerStage *self,
                                          GtkWidget     *text);
GtkWidget *lc_player_stage_get_countdown (LcPlayerStage *self);
void       lc_player_stage_set_countdown (LcPlayerStage *self,
                                          GtkWidget     *countdown);
double     lc_player_stage_get_scale     (LcPlayerStage *self);
double     lc_player_stage_get_picture_scale (LcPlayerStage *self);
gboolean   lc_player_stage_get_scale_picture (LcPlayerStage *self);
void       lc_player_stage_set_scale_picture (LcPlayerStage *self,
                                              gboolean       scale_picture);

G_END_DECLS
