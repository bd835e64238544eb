/* lc-step-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-routine.h"

G_BEGIN_DECLS

#define LC_TYPE_STEP_PICKER (lc_step_picker_get_type ())

G_DECLARE_FINAL_TYPE (LcStepPicker, lc_step_picker, LC, STEP_PICKER, AdwDialog)

LcStepPicker *lc_step_picker_new (GListModel *routines);

G_END_DECLS
