/* lc-safety-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-routine.h"

G_BEGIN_DECLS

#define LC_TYPE_SAFETY_DIALOG (lc_safety_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LcSafetyDialog, lc_safety_dialog, LC, SAFETY_DIALOG, AdwDialog)

LcSafetyDialog *lc_safety_dialog_new             (void);
LcSafetyDialog *lc_safety_dialog_new_for_routine (LcRoutine      *routine);
LcRoutine      *lc_safety_dialog_get_routine     (LcSafetyDialog *self);

G_END_DECLS
