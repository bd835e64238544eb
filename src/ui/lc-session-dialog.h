/* lc-session-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_TYPE_SESSION_DIALOG (lc_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LcSessionDialog, lc_session_dialog, LC, SESSION_DIALOG, AdwDialog)

LcSessionDialog *lc_session_dialog_new (LcDiary               *diary,
                                        const LcSessionRecord *record,
                                        const char            *name);

G_END_DECLS
