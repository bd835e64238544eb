/* lc-report.h: the report for the doctor (PDF) and the charts as an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-chart.h"
#include "lc-diary.h"

G_BEGIN_DECLS

GBytes  *lc_report_create_pdf      (LcDiary        *diary,
                                    GTimeZone      *tz,
                                    guint32         first_day,
                                    guint32         last_day,
                                    const char     *person,
                                    GDateTime      *generated,
                                    GtkPaperSize   *paper,
                                    GError        **error);

void     lc_report_draw_charts     (GtkSnapshot    *snapshot,
                                    PangoContext   *pango,
                                    LcChartData    *data,
                                    gboolean        combined,
                                    const LcChartStyle *style,
                                    float           width,
                                    float          *height);

GBytes  *lc_report_create_png      (LcChartData    *data,
                                    gboolean        combined,
                                    GskRenderer    *renderer,
                                    GError        **error);

G_END_DECLS
