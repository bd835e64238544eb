/* lc-trends-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_TYPE_TRENDS_PAGE (lc_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (LcTrendsPage, lc_trends_page, LC, TRENDS_PAGE, AdwBin)

void      lc_trends_page_set_diary    (LcTrendsPage  *self,
                                       LcDiary       *diary,
                                       const GError  *error);
void      lc_trends_page_reload       (LcTrendsPage  *self);
void      lc_trends_page_show         (LcTrendsPage  *self);
guint     lc_trends_page_get_n_reads  (LcTrendsPage  *self);
void      lc_trends_page_set_compact  (LcTrendsPage  *self,
                                       gboolean       compact);
void      lc_trends_page_save_report  (LcTrendsPage  *self,
                                       GFile         *file,
                                       const char    *range);
void      lc_trends_page_save_image   (LcTrendsPage  *self,
                                       GFile         *file);

G_END_DECLS
