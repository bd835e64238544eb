/* lc-diary-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-entry-item.h"

G_BEGIN_DECLS

#define LC_TYPE_DIARY_ROW (lc_diary_row_get_type ())

G_DECLARE_FINAL_TYPE (LcDiaryRow, lc_diary_row, LC, DIARY_ROW, GtkBox)

GtkWidget   *lc_diary_row_new      (void);
LcEntryItem *lc_diary_row_get_item (LcDiaryRow  *self);
void         lc_diary_row_set_item (LcDiaryRow  *self,
                                    LcEntryItem *item);

char       *lc_diary_row_describe (const LcEntry *entry);

G_END_DECLS
