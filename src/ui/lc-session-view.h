/* lc-session-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-clock.h"
#include "lc-cue-player.h"
#include "lc-diary.h"
#include "lc-session.h"

G_BEGIN_DECLS

#define LC_TYPE_SESSION_VIEW (lc_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LcSessionView, lc_session_view, LC, SESSION_VIEW, AdwNavigationPage)

LcSessionView *lc_session_view_new         (LcRoutine     *routine,
                                            LcDiary       *diary,
                                            LcClock       *clock);
LcSession     *lc_session_view_get_session (LcSessionView *self);
void           lc_session_view_set_cue_player (LcSessionView *self,
                                               LcCuePlayer   *player);

G_END_DECLS
