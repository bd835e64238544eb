/* lc-application.h
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

#define LC_TYPE_APPLICATION (lc_application_get_type ())

G_DECLARE_FINAL_TYPE (LcApplication, lc_application, LC, APPLICATION, AdwApplication)

LcApplication    *lc_application_new                 (void);
GSettings        *lc_application_get_settings        (LcApplication *self);
LcCuePlayer      *lc_application_get_cue_player      (LcApplication *self);
LcRoutineLibrary *lc_application_get_routine_library (LcApplication *self);
LcDiary          *lc_application_get_diary           (LcApplication *self);
const GError     *lc_application_get_diary_error     (LcApplication *self);
LcNotifier       *lc_application_get_notifier        (LcApplication *self);

G_END_DECLS
