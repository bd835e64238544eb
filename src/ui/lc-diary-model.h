/* lc-diary-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_TYPE_DIARY_MODEL (lc_diary_model_get_type ())

G_DECLARE_FINAL_TYPE (LcDiaryModel, lc_diary_model, LC, DIARY_MODEL, GObject)

LcDiaryModel *lc_diary_model_new     (LcDiary      *diary);
void          lc_diary_model_reload  (LcDiaryModel *self);
GError       *lc_diary_model_get_error (LcDiaryModel *self);
void          lc_diary_model_set_filter (LcDiaryModel  *self,
                                         LcDiaryFilter  filter);
LcDiaryFilter lc_diary_model_get_filter (LcDiaryModel  *self);
guint         lc_diary_model_find_day (LcDiaryModel *self,
                                       GDateTime    *day);
guint         lc_diary_model_find_item (LcDiaryModel *self,
                                        GObject      *item);

G_END_DECLS
