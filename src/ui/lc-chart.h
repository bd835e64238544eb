/* lc-chart.h: daily scores and their 7-day mean over a range of days, drawn
 *
 * The data and its words are in core/lc-chart-data.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-chart-data.h"
#include "lc-diary.h"

G_BEGIN_DECLS

/* Colours and line widths, from the style or fixed for paper. */
typedef struct
{
  GdkRGBA  foreground;
  GdkRGBA  grid;
  GdkRGBA  series[LC_N_CHART_SERIES];
  GdkRGBA  session;
  float    line_width;
  float    point_radius;     /* the least; larger where a day has room */
  float    point_alpha;      /* of the daily marks, under the mean's line */
  gboolean legend;           /* the legend and the session ticks */
} LcChartStyle;

void         lc_chart_style_for_paper    (LcChartStyle    *style);

/* Draws a chart without a widget: the report and the PNG export. */
void         lc_chart_draw               (GtkSnapshot        *snapshot,
                                          PangoContext       *pango,
                                          LcChartData        *data,
                                          LcChartKind         kind,
                                          gboolean            combined,
                                          const LcChartStyle *style,
                                          float               width,
                                          float               height,
                                          guint32             active_day);

#define LC_TYPE_CHART (lc_chart_get_type ())

G_DECLARE_FINAL_TYPE (LcChart, lc_chart, LC, CHART, GtkWidget)

GtkWidget   *lc_chart_new                (LcChartKind      kind);
LcChartKind  lc_chart_get_kind           (LcChart         *self);
void         lc_chart_set_kind           (LcChart         *self,
                                          LcChartKind      kind);
LcChartData *lc_chart_get_data           (LcChart         *self);
void         lc_chart_set_data           (LcChart         *self,
                                          LcChartData     *data);
gboolean     lc_chart_get_combined       (LcChart         *self);
gboolean     lc_chart_get_legend         (LcChart         *self);
void         lc_chart_set_legend         (LcChart         *self,
                                          gboolean         legend);
void         lc_chart_set_combined       (LcChart         *self,
                                          gboolean         combined);
guint        lc_chart_get_active_day     (LcChart         *self);
void         lc_chart_set_active_day     (LcChart         *self,
                                          guint            day);
void         lc_chart_get_style          (LcChart         *self,
                                          LcChartStyle    *style);

G_END_DECLS
