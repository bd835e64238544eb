/* lc-chart-data.h: what a chart of the Trends page and the report shows,
 * and the same in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LC_CHART_HEAVINESS,
  LC_CHART_SWELLING,
  LC_CHART_ANKLE,
  LC_CHART_CALF,
  LC_CHART_BREAKS,
  LC_CHART_VOLUME,
  LC_CHART_VOLUME_DIFFERENCE,
  LC_N_CHART_KINDS, /*< skip >*/
} LcChartKind;

/* Tape measurements, in centimetres, rather than 0-10 scores */
#define LC_CHART_KIND_IS_CIRCUMFERENCE(kind) ((kind) == LC_CHART_ANKLE || (kind) == LC_CHART_CALF)
/* Each leg's volume and the difference between them, in millilitres, from
 * the guided measurements rather than the entries */
#define LC_CHART_KIND_IS_VOLUME(kind) ((kind) == LC_CHART_VOLUME || (kind) == LC_CHART_VOLUME_DIFFERENCE)
/* The 0-10 scores of the entries */
#define LC_CHART_KIND_IS_SCORE(kind) ((kind) == LC_CHART_HEAVINESS || (kind) == LC_CHART_SWELLING)
/* Kinds with one series whatever the legs shown: sitting breaks per day,
 * the right leg's volume less the left's */
#define LC_CHART_KIND_IS_SINGLE(kind) ((kind) == LC_CHART_BREAKS || (kind) == LC_CHART_VOLUME_DIFFERENCE)

/* Series of one kind: left, right and both legs combined */
typedef enum
{
  LC_CHART_LEFT,
  LC_CHART_RIGHT,
  LC_CHART_COMBINED,
  LC_N_CHART_SERIES, /*< skip >*/
} LcChartSeries;

/* The series a chart shows: left and right, or both legs as one */
static inline LcChartSeries
lc_chart_series_first (gboolean combined)
{
  return combined ? LC_CHART_COMBINED : LC_CHART_LEFT;
}

static inline LcChartSeries
lc_chart_series_last (gboolean combined)
{
  return combined ? LC_CHART_COMBINED : LC_CHART_RIGHT;
}

/* The series a chart of @kind shows: one for sitting breaks and the
 * difference between the legs, always each leg's for volume */
static inline LcChartSeries
lc_chart_kind_series_first (LcChartKind kind,
                            gboolean    combined)
{
  if (LC_CHART_KIND_IS_SINGLE (kind))
    return LC_CHART_COMBINED;
  if (kind == LC_CHART_VOLUME)
    return LC_CHART_LEFT;
  return lc_chart_series_first (combined);
}

static inline LcChartSeries
lc_chart_kind_series_last (LcChartKind kind,
                           gboolean    combined)
{
  if (LC_CHART_KIND_IS_SINGLE (kind))
    return LC_CHART_COMBINED;
  if (kind == LC_CHART_VOLUME)
    return LC_CHART_RIGHT;
  return lc_chart_series_last (combined);
}

/* What the charts show: the diary's days over a range, shared by the charts
 * of a page and the report. Immutable once made. */
typedef struct _LcChartData LcChartData;

#define LC_TYPE_CHART_DATA (lc_chart_data_get_type ())

GType          lc_chart_data_get_type            (void) G_GNUC_CONST;
LcChartData   *lc_chart_data_new                 (GArray          *days,
                                                  GPtrArray       *sessions,
                                                  GTimeZone       *tz,
                                                  guint32          first_day,
                                                  guint32          last_day);
LcChartData   *lc_chart_data_new_full            (GArray          *days,
                                                  GPtrArray       *sessions,
                                                  GPtrArray       *measurements,
                                                  GTimeZone       *tz,
                                                  guint32          first_day,
                                                  guint32          last_day);
LcChartData   *lc_chart_data_ref                 (LcChartData     *data);
void           lc_chart_data_unref               (LcChartData     *data);
guint32        lc_chart_data_get_first_day       (LcChartData     *data);
guint32        lc_chart_data_get_last_day        (LcChartData     *data);
guint          lc_chart_data_count_days          (LcChartData     *data,
                                                  LcChartKind      kind);
guint          lc_chart_data_count_session_days  (LcChartData     *data);
gboolean       lc_chart_data_get_value           (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  LcChartSeries    series,
                                                  guint32          day,
                                                  double          *value,
                                                  double          *rolling);
guint          lc_chart_data_get_sessions        (LcChartData     *data,
                                                  guint32          day);

/* The columns behind the drawing, for lc_trend_reduce(): the diary's days
 * (some maybe before the first day shown) and, for each, a value or NAN. */
const guint32 *lc_chart_data_get_days            (LcChartData     *data,
                                                  guint           *n_days);
const double  *lc_chart_data_get_values          (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  LcChartSeries    series);
const double  *lc_chart_data_get_rolling_means   (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  LcChartSeries    series);
const double  *lc_chart_data_get_session_counts  (LcChartData     *data);
gboolean       lc_chart_data_get_volume_baseline (LcChartData     *data,
                                                  LcChartSeries    leg,
                                                  double          *volume_ml);

guint32        lc_chart_data_nearest_day         (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  guint32          day,
                                                  guint32          distance);
guint32        lc_chart_data_next_day            (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  guint32          day,
                                                  int              direction);

/* The value axis: its ends and the step between grid lines */
typedef struct
{
  double min;
  double max;
  double step;
} LcChartAxis;

void           lc_chart_data_value_axis          (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  gboolean         combined,
                                                  double           plot_height,
                                                  LcChartAxis     *axis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcChartData, lc_chart_data_unref)

/* The time axis: which days get a label, and the label */
typedef enum
{
  LC_CHART_STEP_DAYS,
  LC_CHART_STEP_MONTHS,
  LC_CHART_STEP_YEARS,
} LcChartStepUnit;

typedef struct
{
  LcChartStepUnit unit;
  guint           count;
} LcChartTimeStep;

void           lc_chart_time_step                (guint32          span,
                                                  double           plot_width,
                                                  double           label_width,
                                                  LcChartTimeStep *step);
gboolean       lc_chart_is_label_day             (guint32          day,
                                                  guint32          first_day,
                                                  const LcChartTimeStep *step);
char          *lc_chart_day_label                (guint32          day,
                                                  LcChartStepUnit  unit);

/* Words: the accessible description of a chart and of a day in it */
const char    *lc_chart_kind_get_title           (LcChartKind      kind);
char          *lc_chart_describe_day             (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  gboolean         combined,
                                                  guint32          day);
char          *lc_chart_describe                 (LcChartData     *data,
                                                  LcChartKind      kind,
                                                  gboolean         combined);

G_END_DECLS
