/* lc-entry-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_TYPE_ENTRY_DIALOG (lc_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LcEntryDialog, lc_entry_dialog, LC, ENTRY_DIALOG, AdwDialog)

LcEntryDialog *lc_entry_dialog_new       (LcDiary       *diary,
                                          const LcEntry *entry);
LcEntry       *lc_entry_dialog_get_entry (LcEntryDialog *self,
                                          LcEntryField  *field,
                                          GError       **error);
gboolean       lc_entry_dialog_save      (LcEntryDialog *self);

G_END_DECLS
