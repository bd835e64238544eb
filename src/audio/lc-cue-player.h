/* lc-cue-player.h: the sound of a session's cues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_CUE_PLAYER (lc_cue_player_get_type ())

G_DECLARE_FINAL_TYPE (LcCuePlayer, lc_cue_player, LC, CUE_PLAYER, GObject)

LcCuePlayer *lc_cue_player_new              (const char   *sink_description);

void         lc_cue_player_set_language     (LcCuePlayer  *self,
                                             const char   *language);
const char  *lc_cue_player_get_language     (LcCuePlayer  *self);
void         lc_cue_player_set_voice_folders (LcCuePlayer *self,
                                             GFile       **folders,
                                             guint         n_folders);
void         lc_cue_player_set_muted        (LcCuePlayer  *self,
                                             gboolean      muted);
gboolean     lc_cue_player_get_muted        (LcCuePlayer  *self);
const char  *lc_cue_player_get_problem      (LcCuePlayer  *self);
gboolean     lc_cue_player_get_busy         (LcCuePlayer  *self);

void         lc_cue_player_attach           (LcCuePlayer  *self,
                                             LcSession    *session);
void         lc_cue_player_say              (LcCuePlayer  *self,
                                             const char   *text);
gboolean     lc_cue_player_preview          (LcCuePlayer  *self,
                                             const char   *routine_id,
                                             const char   *step_id,
                                             const char   *which,
                                             const char   *text);
void         lc_cue_player_tick             (LcCuePlayer  *self);
void         lc_cue_player_silence          (LcCuePlayer  *self);
void         lc_cue_player_close            (LcCuePlayer  *self);

char        *lc_cue_player_default_language (void);

G_END_DECLS
