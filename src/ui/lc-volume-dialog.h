/* lc-volume-dialog.h: a guided measurement of the legs' volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_TYPE_VOLUME_DIALOG (lc_volume_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LcVolumeDialog, lc_volume_dialog, LC, VOLUME_DIALOG, AdwDialog)

LcVolumeDialog *lc_volume_dialog_new (LcDiary *diary);

G_END_DECLS
