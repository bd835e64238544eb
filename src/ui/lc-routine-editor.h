/* lc-routine-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-cue-player.h"
#include "lc-routine-draft.h"
#include "lc-routine-library.h"

G_BEGIN_DECLS

#define LC_TYPE_ROUTINE_EDITOR (lc_routine_editor_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineEditor, lc_routine_editor, LC, ROUTINE_EDITOR, AdwNavigationPage)

LcRoutineEditor *lc_routine_editor_new       (LcRoutineLibrary *library,
                                              LcCuePlayer      *cue_player,
                                              LcRoutineDraft   *draft,
                                              GFile            *file);
LcRoutineDraft  *lc_routine_editor_get_draft (LcRoutineEditor *self);

G_END_DECLS
