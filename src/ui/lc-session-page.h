/* lc-session-page.h
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

#define LC_TYPE_SESSION_PAGE (lc_session_page_get_type ())

G_DECLARE_FINAL_TYPE (LcSessionPage, lc_session_page, LC, SESSION_PAGE, AdwNavigationPage)

LcSessionPage *lc_session_page_new         (LcRoutine     *routine,
                                            LcDiary       *diary,
                                            LcClock       *clock);
LcSession     *lc_session_page_get_session (LcSessionPage *self);
void           lc_session_page_set_cue_player (LcSessionPage *self,
                                               LcCuePlayer   *player);

G_END_DECLS
