/* lc-diary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"
#include "lc-routine-library.h"

G_BEGIN_DECLS

#define LC_TYPE_DIARY_PAGE (lc_diary_page_get_type ())

G_DECLARE_FINAL_TYPE (LcDiaryPage, lc_diary_page, LC, DIARY_PAGE, AdwBin)

void lc_diary_page_set_diary    (LcDiaryPage  *self,
                                 LcDiary      *diary,
                                 const GError *error);
void lc_diary_page_new_entry    (LcDiaryPage  *self);
void lc_diary_page_reload       (LcDiaryPage  *self);
void lc_diary_page_set_compact  (LcDiaryPage  *self,
                                 gboolean      compact);
void lc_diary_page_set_library  (LcDiaryPage      *self,
                                 LcRoutineLibrary *library);
void lc_diary_page_show_day     (LcDiaryPage  *self,
                                 GDateTime    *day);

G_END_DECLS
