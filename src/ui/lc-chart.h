/* lc-chart.h: daily scores and their 7-day mean over a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-diary.h"

G_BEGIN_DECLS

typedef enum
{
  LC_CHART_HEAVINESS,
  LC_CHART_SWELLING,
  LC_CHART_ANKLE,
  LC_N_CHART_KINDS,
} LcChartKind;

/* Series of one kind: left, right and both legs combined */
typedef enum
{
  LC_CHART_LEFT,
  LC_CHART_RIGHT,
  LC_CHART_COMBINED,
  LC_N_CHART_SERIES,
} LcChartSeries;

/* What the charts show: the diary's days over a range, shared by the charts
 * of a page and the report. Immutable once made. */
typedef struct _LcChartData LcChartData;

#define LC_TYPE_CHART_DATA (lc_chart_data_get_type ())

GType        lc_chart_data_get_type      (void) G_GNUC_CONST;
LcChartData *lc_chart_data_new           (GArray          *days,
                                          GPtrArray       *sessions,
                                          GTimeZone       *tz,
                                          guint32          first_day,
                                          guint32          last_day);
LcChartData *lc_chart_data_ref           (LcChartData     *data);
void         lc_chart_data_unref         (LcChartData     *data);
guint32      lc_chart_data_get_first_day (LcChartData     *data);
guint32      lc_chart_data_get_last_day  (LcChartData     *data);
guint        lc_chart_data_count_days    (LcChartData     *data,
                                          LcChartKind      kind);
gboolean     lc_chart_data_get_value     (LcChartData     *data,
                                          LcChartKind      kind,
                                          LcChartSeries    series,
                                          guint32          day,
                                          double          *value,
                                          double          *rolling);
guint        lc_chart_data_get_sessions  (LcChartData     *data,
                                          guint32          day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcChartData, lc_chart_data_unref)

/* Colours and line widths, from the style or fixed for paper. */
typedef struct
{
  GdkRGBA  foreground;
  GdkRGBA  grid;
  GdkRGBA  series[LC_N_CHART_SERIES];
  GdkRGBA  session;
  float    line_width;
  float    point_radius;
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

char        *lc_chart_describe_day       (LcChartData     *data,
                                          LcChartKind      kind,
                                          gboolean         combined,
                                          guint32          day);
char        *lc_chart_describe           (LcChartData     *data,
                                          LcChartKind      kind,
                                          gboolean         combined);
const char  *lc_chart_kind_get_title     (LcChartKind      kind);

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
void         lc_chart_set_combined       (LcChart         *self,
                                          gboolean         combined);
guint        lc_chart_get_active_day     (LcChart         *self);
void         lc_chart_set_active_day     (LcChart         *self,
                                          guint            day);
void         lc_chart_get_style          (LcChart         *self,
                                          LcChartStyle    *style);

G_END_DECLS
