/* lc-preferences-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-cue-player.h"
#include "lc-diary.h"
#include "lc-notifier.h"
#include "lc-routine-library.h"

G_BEGIN_DECLS

#define LC_TYPE_PREFERENCES_DIALOG (lc_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LcPreferencesDialog, lc_preferences_dialog, LC, PREFERENCES_DIALOG, AdwPreferencesDialog)

LcPreferencesDialog *lc_preferences_dialog_new (LcDiary          *diary,
                                                LcCuePlayer      *cue_player,
                                                LcNotifier       *notifier,
                                                LcRoutineLibrary *library);

G_END_DECLS
