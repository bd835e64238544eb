/* lc-step-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-cue-player.h"
#include "lc-routine-draft.h"

G_BEGIN_DECLS

#define LC_TYPE_STEP_EDITOR (lc_step_editor_get_type ())

G_DECLARE_FINAL_TYPE (LcStepEditor, lc_step_editor, LC, STEP_EDITOR, AdwDialog)

LcStepEditor *lc_step_editor_new (LcStepDraft *step,
                                  GFile       *pictures_dir,
                                  LcCuePlayer *player,
                                  const char  *routine_id);

G_END_DECLS
