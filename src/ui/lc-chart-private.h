/* lc-chart-private.h: what the chart widget and its drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-chart.h"

G_BEGIN_DECLS

/* Where the plot is in a chart, and its value axis */
typedef struct
{
  float    x0, y0, width, height;      /* the plot */
  float    legend_height;
  double   y_min, y_max, y_step;
  guint32  span;                       /* days */
  float    line_height;
} LcChartGeometry;

void lc_chart_compute_geometry (PangoContext    *pango,
                                LcChartData     *data,
                                LcChartKind      kind,
                                gboolean         combined,
                                gboolean         legend,
                                float            width,
                                float            height,
                                LcChartGeometry *geo);
gboolean lc_chart_draw_static   (GtkSnapshot           *snapshot,
                                 PangoContext          *pango,
                                 LcChartData           *data,
                                 LcChartKind            kind,
                                 gboolean               combined,
                                 const LcChartStyle    *style,
                                 float                  width,
                                 float                  height,
                                 LcChartGeometry       *geo);
void     lc_chart_draw_highlight (GtkSnapshot           *snapshot,
                                  LcChartData           *data,
                                  LcChartKind            kind,
                                  gboolean               combined,
                                  const LcChartStyle    *style,
                                  const LcChartGeometry *geo,
                                  guint32                active_day);

G_END_DECLS
