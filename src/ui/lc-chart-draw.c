/* lc-chart-draw.c: drawing a chart of LcChartData with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with GtkSnapshot and GskPath. Whatever the number of days, the
 * values are first reduced to columns of a pixel or a few
 * (lc_trend_chart_grid, lc_trend_reduce), so a frame costs about the same
 * for two weeks as for ten years. The same drawing serves the widget, the
 * PNG export and the report (through gsk_render_node_draw on a cairo PDF
 * surface). What is drawn (values, means, axes, labels) is decided in
 * core/lc-chart-data.c.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lc-chart.h"
#include "lc-chart-private.h"
#include "lc-format.h"
#include "lc-limb-volume.h"
#include "lc-trend.h"

#define LEGEND_GAP   16.f
#define LEGEND_MARK  14.f
#define PAD           6.f

static PangoLayout *
make_layout (PangoContext *pango,
             const char   *text)
{
  PangoLayout *layout = pango_layout_new (pango);

  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
text_size (PangoContext *pango,
           const char   *text,
           float        *width,
           float        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (pango, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

typedef enum
{
  MARK_CIRCLE,
  MARK_DIAMOND,
  MARK_LINE,
  MARK_SESSION,
} Mark;

typedef struct
{
  Mark           mark;
  LcChartSeries  series;
  const char    *label;
} LegendItem;

static guint
legend_items (gboolean    combined,
              LegendItem *items)
{
  guint n = 0;

  if (combined)
    items[n++] = (LegendItem) { MARK_CIRCLE, LC_CHART_COMBINED, _("Both legs") };
  else
    {
      items[n++] = (LegendItem) { MARK_CIRCLE, LC_CHART_LEFT, _("Left leg") };
      items[n++] = (LegendItem) { MARK_DIAMOND, LC_CHART_RIGHT, _("Right leg") };
    }
  items[n++] = (LegendItem) { MARK_LINE, combined ? LC_CHART_COMBINED : LC_CHART_LEFT, _("7-day mean") };
  items[n++] = (LegendItem) { MARK_SESSION, LC_CHART_LEFT, _("Session done") };

  return n;
}

/* Lays the legend out in lines; returns its height and, with @snapshot,
 * draws it. */
static float
legend (GtkSnapshot        *snapshot,
        PangoContext       *pango,
        gboolean            combined,
        const LcChartStyle *style,
        float               width);

/* Where the plot is in a chart of @width × @height, and its axes */
void
lc_chart_compute_geometry (PangoContext    *pango,
                           LcChartData     *data,
                           LcChartKind      kind,
                           gboolean         combined,
                           gboolean         with_legend,
                           float            width,
                           float            height,
                           LcChartGeometry *geo)
{
  LcChartAxis axis;
  float label_width;

  text_size (pango, "10", &label_width, &geo->line_height);
  geo->legend_height = with_legend ? legend (NULL, pango, combined, NULL, width) : 0;
  geo->y0 = geo->legend_height + PAD + geo->line_height / 2;
  geo->height = height - geo->y0 - geo->line_height - PAD;
  lc_chart_data_value_axis (data, kind, combined, geo->height, &axis);
  geo->y_min = axis.min;
  geo->y_max = axis.max;
  geo->y_step = axis.step;

  /* The widest label on the value axis: its top or its bottom */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *label = lc_format_signed (i == 0 ? geo->y_max : geo->y_min, 0, FALSE);
      float w;

      text_size (pango, label, &w, NULL);
      label_width = MAX (label_width, w);
    }

  geo->x0 = label_width + PAD;
  geo->width = width - geo->x0 - PAD;
  geo->span = lc_chart_data_get_last_day (data) - lc_chart_data_get_first_day (data) + 1;
}

static float
x_of_day (const LcChartGeometry *geo,
          double                 day_offset)
{
  return geo->x0 + (float) ((day_offset + 0.5) * geo->width / geo->span);
}

static float
y_of_value (const LcChartGeometry *geo,
            double                 value)
{
  return geo->y0 + geo->height - (float) ((value - geo->y_min) / (geo->y_max - geo->y_min) * geo->height);
}

static void
add_mark (GskPathBuilder *builder,
          Mark            mark,
          float           x,
          float           y,
          float           r)
{
  switch (mark)
    {
    case MARK_CIRCLE:
      gsk_path_builder_add_circle (builder, &GRAPHENE_POINT_INIT (x, y), r);
      break;
    case MARK_DIAMOND:
      r *= 1.25f;
      gsk_path_builder_move_to (builder, x, y - r);
      gsk_path_builder_line_to (builder, x + r, y);
      gsk_path_builder_line_to (builder, x, y + r);
      gsk_path_builder_line_to (builder, x - r, y);
      gsk_path_builder_close (builder);
      break;
    case MARK_SESSION:
      gsk_path_builder_add_rounded_rect (builder,
                                         &GSK_ROUNDED_RECT_INIT (x - 1.5f, y - 3 * r, 3, 3 * r));
      break;
    case MARK_LINE:
    default:
      gsk_path_builder_add_rect (builder, &GRAPHENE_RECT_INIT (x - r * 2, y - 1, r * 4, 2));
      break;
    }
}

static void
fill_path (GtkSnapshot    *snapshot,
           GskPathBuilder *builder,
           const GdkRGBA  *color)
{
  g_autoptr(GskPath) path = gsk_path_builder_free_to_path (builder);

  if (!gsk_path_is_empty (path))
    gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, color);
}

static void
stroke_path (GtkSnapshot     *snapshot,
             GskPathBuilder  *builder,
             const GskStroke *stroke,
             const GdkRGBA   *color)
{
  g_autoptr(GskPath) path = gsk_path_builder_free_to_path (builder);

  if (!gsk_path_is_empty (path))
    gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoContext  *pango,
           const char    *text,
           float          x,
           float          y,
           float          align,   /* 0 left, 0.5 centre, 1 right of @x */
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = make_layout (pango, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x - align * w), roundf (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static float
legend (GtkSnapshot        *snapshot,
        PangoContext       *pango,
        gboolean            combined,
        const LcChartStyle *style,
        float               width)
{
  LegendItem items[4];
  guint n = legend_items (combined, items);
  float x = 0, y = 0, line_height = 0;

  for (guint i = 0; i < n; i++)
    {
      float w, h;

      text_size (pango, items[i].label, &w, &h);
      line_height = MAX (line_height, h);
      w += LEGEND_MARK + 4;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += h + 2;
        }

      if (snapshot != NULL)
        {
          GskPathBuilder *builder = gsk_path_builder_new ();
          GdkRGBA color = items[i].mark == MARK_SESSION ? style->session : style->series[items[i].series];

          add_mark (builder, items[i].mark, x + LEGEND_MARK / 2, y + h / 2 + (items[i].mark == MARK_SESSION ? 3 : 0),
                    style->point_radius);
          fill_path (snapshot, builder, &color);
          draw_text (snapshot, pango, items[i].label, x + LEGEND_MARK + 4, y, 0, &style->foreground);
        }
      x += w + LEGEND_GAP;
    }

  return y + line_height;
}

static void
draw_time_axis (GtkSnapshot           *snapshot,
                PangoContext          *pango,
                const LcChartGeometry *geo,
                guint32                first_day,
                guint32                last_day,
                const LcChartStyle    *style)
{
  float label_width;
  LcChartTimeStep step;
  GskPathBuilder *ticks = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);
  float last_end = -INFINITY;
  float y = geo->y0 + geo->height;

  /* The widest day label decides how many fit. */
  text_size (pango, "28 Sep", &label_width, NULL);
  label_width += 2 * PAD;
  lc_chart_time_step (geo->span, geo->width, label_width, &step);

  for (guint32 day = first_day; day <= last_day; day++)
    {
      g_autofree char *text = NULL;
      float x, w;

      if (!lc_chart_is_label_day (day, first_day, &step))
        continue;

      x = x_of_day (geo, day - first_day);
      gsk_path_builder_move_to (ticks, x, y);
      gsk_path_builder_line_to (ticks, x, y + 4);

      text = lc_chart_day_label (day, step.unit);
      text_size (pango, text, &w, NULL);
      if (x - w / 2 < last_end + PAD || x + w / 2 > geo->x0 + geo->width + PAD)
        continue;
      draw_text (snapshot, pango, text, x, y + 4, 0.5f, &style->foreground);
      last_end = x + w / 2;
    }

  stroke_path (snapshot, ticks, stroke, &style->grid);
}

static void
draw_value_axis (GtkSnapshot           *snapshot,
                 PangoContext          *pango,
                 const LcChartGeometry *geo,
                 const LcChartStyle    *style)
{
  GskPathBuilder *grid = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);

  for (double v = geo->y_min; v <= geo->y_max + 1e-9; v += geo->y_step)
    {
      float y = roundf (y_of_value (geo, v)) + 0.5f;
      /* "−200" with a true minus, as the tables have */
      g_autofree char *text = lc_format_signed (v, 0, FALSE);

      gsk_path_builder_move_to (grid, geo->x0, y);
      gsk_path_builder_line_to (grid, geo->x0 + geo->width, y);
      draw_text (snapshot, pango, text, geo->x0 - PAD, y - geo->line_height / 2, 1, &style->foreground);
    }

  stroke_path (snapshot, grid, stroke, &style->grid);
}

static void
draw_series (GtkSnapshot           *snapshot,
             LcChartData           *data,
             LcChartKind            kind,
             LcChartSeries          series,
             const LcChartGeometry *geo,
             const LcChartStyle    *style,
             const LcChartGrid     *grid)
{
  GskPathBuilder *points = gsk_path_builder_new ();
  GskPathBuilder *ranges = gsk_path_builder_new ();
  GskPathBuilder *line = gsk_path_builder_new ();
  g_autoptr(GskStroke) range_stroke = gsk_stroke_new (style->point_radius * 1.5f);
  g_autoptr(GskStroke) line_stroke = gsk_stroke_new (style->line_width);
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) means = NULL;
  Mark mark = series == LC_CHART_RIGHT ? MARK_DIAMOND : MARK_CIRCLE;
  GdkRGBA point_color = style->series[series];
  const LcTrendColumn *previous = NULL;
  const guint32 *days;
  guint n_days;
  float column_width;
  float radius = style->point_radius;
  float offset = 0;

  gsk_stroke_set_line_cap (range_stroke, GSK_LINE_CAP_ROUND);
  gsk_stroke_set_line_join (line_stroke, GSK_LINE_JOIN_ROUND);
  gsk_stroke_set_line_cap (line_stroke, GSK_LINE_CAP_ROUND);
  if (series == LC_CHART_RIGHT)
    gsk_stroke_set_dash (line_stroke, (float[]) { 6, 4 }, 2);

  /* Daily values: a mark per day; in a dense chart each column's range
   * from its lowest to its highest value; over a long span each week's. */
  point_color.alpha *= style->point_alpha;
  days = lc_chart_data_get_days (data, &n_days);
  values = lc_trend_reduce (days, lc_chart_data_get_values (data, kind, series), n_days,
                            lc_chart_data_get_first_day (data), lc_chart_data_get_last_day (data), grid->n_values);
  column_width = geo->width / values->len;
  if (!grid->dense && !grid->weekly)
    {
      /* Marks as large as a day's room allows, up to twice the least */
      radius = CLAMP (column_width / 5, style->point_radius, 2 * style->point_radius);
      /* The legs side by side where there is room, so that equal values
       * don't hide each other */
      if (series != LC_CHART_COMBINED && column_width >= 5 * radius)
        offset = (series == LC_CHART_LEFT ? -1.2f : 1.2f) * radius;
      gsk_stroke_set_line_width (range_stroke, radius * 1.5f);
    }
  for (guint c = 0; c < values->len; c++)
    {
      const LcTrendColumn *column = &g_array_index (values, LcTrendColumn, c);
      float x = geo->x0 + (c + 0.5f) * column_width;
      float top, bottom;

      if (column->n == 0)
        continue;
      top = y_of_value (geo, column->max);
      bottom = y_of_value (geo, column->min);
      if (grid->weekly)
        {
          /* The week's range as a light band, its mean as a bar across
           * it (colour nodes: a year of path marks would cost a frame
           * twice a fortnight's); the legs side by side */
          float band = MAX (2.f, column_width * (series == LC_CHART_COMBINED ? 0.6f : 0.3f));
          float bx = x + (series == LC_CHART_COMBINED ? 0 : (series == LC_CHART_LEFT ? -0.5f : 0.5f) * band);
          GdkRGBA band_color = point_color;

          band_color.alpha *= 0.45f;
          gtk_snapshot_append_color (snapshot, &band_color,
                                     &GRAPHENE_RECT_INIT (bx - band / 2, top, band, MAX (bottom - top, 1.f)));
          gtk_snapshot_append_color (snapshot, &style->series[series],
                                     &GRAPHENE_RECT_INIT (bx - band / 2, y_of_value (geo, column->mean) - 1, band, 2));
        }
      else if (grid->dense)
        gtk_snapshot_append_color (snapshot, &point_color,
                                   &GRAPHENE_RECT_INIT (x - column_width / 2, top - style->point_radius / 2,
                                                        column_width, bottom - top + style->point_radius));
      else if (bottom - top < 0.5f)
        add_mark (points, mark, x + offset, top, radius);
      else
        {
          gsk_path_builder_move_to (ranges, x + offset, top);
          gsk_path_builder_line_to (ranges, x + offset, bottom);
        }
    }

  /* The rolling mean, broken at gaps */
  means = lc_trend_reduce (days, lc_chart_data_get_rolling_means (data, kind, series), n_days,
                           lc_chart_data_get_first_day (data), lc_chart_data_get_last_day (data), grid->n_mean);
  column_width = geo->width / means->len;
  for (guint c = 0; c < means->len; c++)
    {
      const LcTrendColumn *column = &g_array_index (means, LcTrendColumn, c);
      float x = geo->x0 + (c + 0.5f) * column_width;
      float y;

      if (column->n == 0)
        continue;
      y = y_of_value (geo, column->mean);
      /* Measurements of volume are weeks apart: one line through them */
      if (previous == NULL || (column->first_day - previous->last_day > LC_TREND_GAP_DAYS
                               && !LC_CHART_KIND_IS_VOLUME (kind)))
        gsk_path_builder_move_to (line, x, y);
      else
        gsk_path_builder_line_to (line, x, y);
      previous = column;
    }

  fill_path (snapshot, points, &point_color);
  stroke_path (snapshot, ranges, range_stroke, &point_color);
  stroke_path (snapshot, line, line_stroke, &style->series[series]);
}

static void
draw_sessions (GtkSnapshot           *snapshot,
               LcChartData           *data,
               const LcChartGeometry *geo,
               const LcChartStyle    *style,
               const LcChartGrid     *grid)
{
  guint n_days;
  const guint32 *days = lc_chart_data_get_days (data, &n_days);
  g_autoptr(GArray) array = lc_trend_reduce (days, lc_chart_data_get_session_counts (data), n_days,
                                             lc_chart_data_get_first_day (data), lc_chart_data_get_last_day (data),
                                             grid->n_sessions);
  const LcTrendColumn *columns = (const LcTrendColumn *) (gconstpointer) array->data;
  float column_width = geo->width / array->len;
  float height = 3 * style->point_radius;

  /* Plain rectangles: there may be a thousand of them. */
  for (guint c = 0; c < array->len; c++)
    {
      guint end = c;
      float x;

      if (columns[c].n == 0)
        continue;
      /* Days next to each other in a dense chart make one bar. */
      while (column_width < 3 && end + 1 < array->len && columns[end + 1].n > 0)
        end++;
      x = geo->x0 + (c + 0.5f) * column_width - 1.5f;
      gtk_snapshot_append_color (snapshot, &style->session,
                                 &GRAPHENE_RECT_INIT (x, geo->y0 + geo->height - height,
                                                      (end - c) * column_width + 3, height));
      c = end;
    }
}

/* Sitting breaks per day as bars from zero (a column's mean over its days
 * with breaks when a column holds several days) */
static void
draw_bars (GtkSnapshot           *snapshot,
           LcChartData           *data,
           LcChartKind            kind,
           const LcChartGeometry *geo,
           const LcChartStyle    *style,
           const LcChartGrid     *grid)
{
  guint n_days;
  const guint32 *days = lc_chart_data_get_days (data, &n_days);
  g_autoptr(GArray) array = lc_trend_reduce (days, lc_chart_data_get_values (data, kind, LC_CHART_COMBINED), n_days,
                                             lc_chart_data_get_first_day (data), lc_chart_data_get_last_day (data),
                                             grid->n_values);
  const LcTrendColumn *columns = (const LcTrendColumn *) (gconstpointer) array->data;
  float column_width = geo->width / array->len;
  float bar = MAX (1.f, MIN (column_width * 0.6f, 24.f));
  float bottom = y_of_value (geo, 0);

  for (guint c = 0; c < array->len; c++)
    {
      float x, top;

      if (columns[c].n == 0)
        continue;
      x = geo->x0 + (c + 0.5f) * column_width;
      top = y_of_value (geo, columns[c].mean);
      gtk_snapshot_append_color (snapshot, &style->series[LC_CHART_COMBINED],
                                 &GRAPHENE_RECT_INIT (x - bar / 2, top, bar, MAX (bottom - top, 1.f)));
    }
}

/* Each leg's first volume, with the smallest real difference either side
 * (Lymphat Res Biol 2022, doi 10.1089/lrb.2022.0032) as a light band:
 * changes inside it are measurement error */
static void
draw_volume_bands (GtkSnapshot           *snapshot,
                   LcChartData           *data,
                   const LcChartGeometry *geo,
                   const LcChartStyle    *style)
{
  for (int s = LC_CHART_LEFT; s <= LC_CHART_RIGHT; s++)
    {
      double baseline;
      float top, bottom;
      GdkRGBA color = style->series[s];
      GskPathBuilder *edge = gsk_path_builder_new ();
      g_autoptr(GskStroke) stroke = gsk_stroke_new (1);

      if (!lc_chart_data_get_volume_baseline (data, s, &baseline))
        {
          gsk_path_builder_unref (edge);
          continue;
        }
      top = y_of_value (geo, MIN (geo->y_max, baseline * (1 + LC_LIMB_VOLUME_REAL_CHANGE_PERCENT / 100)));
      bottom = y_of_value (geo, MAX (geo->y_min, baseline * (1 - LC_LIMB_VOLUME_REAL_CHANGE_PERCENT / 100)));
      color.alpha *= 0.12f;
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (geo->x0, top, geo->width, bottom - top));
      /* The edges, dashed on the right leg's as its line is */
      color = style->series[s];
      color.alpha *= 0.5f;
      if (s == LC_CHART_RIGHT)
        gsk_stroke_set_dash (stroke, (float[]) { 6, 4 }, 2);
      gsk_path_builder_move_to (edge, geo->x0, roundf (top) + 0.5f);
      gsk_path_builder_line_to (edge, geo->x0 + geo->width, roundf (top) + 0.5f);
      gsk_path_builder_move_to (edge, geo->x0, roundf (bottom) + 0.5f);
      gsk_path_builder_line_to (edge, geo->x0 + geo->width, roundf (bottom) + 0.5f);
      stroke_path (snapshot, edge, stroke, &color);
    }
}

static void
draw_active_day (GtkSnapshot           *snapshot,
                 LcChartData           *data,
                 LcChartKind            kind,
                 gboolean               combined,
                 const LcChartGeometry *geo,
                 const LcChartStyle    *style,
                 guint32                day)
{
  GskPathBuilder *rule = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);
  float x = x_of_day (geo, day - lc_chart_data_get_first_day (data));
  GdkRGBA rule_color = style->foreground;

  rule_color.alpha *= 0.4f;
  gsk_path_builder_move_to (rule, roundf (x) + 0.5f, geo->y0);
  gsk_path_builder_line_to (rule, roundf (x) + 0.5f, geo->y0 + geo->height);
  stroke_path (snapshot, rule, stroke, &rule_color);

  for (int s = lc_chart_kind_series_first (kind, combined); s <= (int) lc_chart_kind_series_last (kind, combined); s++)
    {
      GskPathBuilder *mark = gsk_path_builder_new ();
      double value;

      if (!lc_chart_data_get_value (data, kind, s, day, &value, NULL))
        {
          gsk_path_builder_unref (mark);
          continue;
        }
      add_mark (mark, s == LC_CHART_RIGHT ? MARK_DIAMOND : MARK_CIRCLE, x, y_of_value (geo, value),
                style->point_radius * 1.8f);
      fill_path (snapshot, mark, &style->series[s]);
    }
}

/**
 * lc_chart_draw:
 * @snapshot: where to draw, from (0, 0)
 * @pango: the context for text
 * @active_day: a day to highlight, or 0
 *
 * Draws the chart of @kind: a legend, the value and time axes, each day's
 * value as a mark, the 7-day mean as a line and days with sessions as
 * ticks on the time axis. Without the style's legend, neither the legend
 * nor the sessions: charts under one that has them.
 */
void
lc_chart_draw (GtkSnapshot        *snapshot,
               PangoContext       *pango,
               LcChartData        *data,
               LcChartKind         kind,
               gboolean            combined,
               const LcChartStyle *style,
               float               width,
               float               height,
               guint32             active_day)
{
  LcChartGeometry geo;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (data != NULL);

  if (lc_chart_draw_static (snapshot, pango, data, kind, combined, style, width, height, &geo))
    lc_chart_draw_highlight (snapshot, data, kind, combined, style, &geo, active_day);
}

/* lc_chart_draw_static:
 * @geo: (out): where the plot is, for lc_chart_draw_highlight()
 *
 * What lc_chart_draw() draws but the active day: what doesn't change
 * while the pointer or the arrow keys move over the chart, which the
 * widget keeps (lc-chart.c).
 *
 * Returns: whether there was room to draw the chart
 */
gboolean
lc_chart_draw_static (GtkSnapshot        *snapshot,
                      PangoContext       *pango,
                      LcChartData        *data,
                      LcChartKind         kind,
                      gboolean            combined,
                      const LcChartStyle *style,
                      float               width,
                      float               height,
                      LcChartGeometry    *geo)
{
  LcChartGrid grid;
  guint32 first_day, last_day;

  first_day = lc_chart_data_get_first_day (data);
  last_day = lc_chart_data_get_last_day (data);
  lc_chart_compute_geometry (pango, data, kind, combined, style->legend, width, height, geo);
  if (geo->width < 20 || geo->height < 20)
    return FALSE;

  if (style->legend)
    legend (snapshot, pango, combined, style, width);
  draw_value_axis (snapshot, pango, geo, style);
  draw_time_axis (snapshot, pango, geo, first_day, last_day, style);

  lc_trend_chart_grid (geo->span, geo->width, &grid);
  if (style->legend)
    draw_sessions (snapshot, data, geo, style, &grid);
  if (kind == LC_CHART_BREAKS)
    {
      draw_bars (snapshot, data, kind, geo, style, &grid);
      return TRUE;
    }
  if (kind == LC_CHART_VOLUME)
    draw_volume_bands (snapshot, data, geo, style);
  for (int s = lc_chart_kind_series_first (kind, combined); s <= (int) lc_chart_kind_series_last (kind, combined); s++)
    draw_series (snapshot, data, kind, s, geo, style, &grid);

  return TRUE;
}

/* lc_chart_draw_highlight:
 * @geo: from lc_chart_draw_static()
 * @active_day: a day to highlight, or 0 for none
 *
 * The active day over what lc_chart_draw_static() drew.
 */
void
lc_chart_draw_highlight (GtkSnapshot           *snapshot,
                         LcChartData           *data,
                         LcChartKind            kind,
                         gboolean               combined,
                         const LcChartStyle    *style,
                         const LcChartGeometry *geo,
                         guint32                active_day)
{
  if (active_day >= lc_chart_data_get_first_day (data) && active_day <= lc_chart_data_get_last_day (data))
    draw_active_day (snapshot, data, kind, combined, geo, style, active_day);
}

/**
 * lc_chart_style_for_paper:
 *
 * Colours for a white page: the default blue accent and orange.
 */
void
lc_chart_style_for_paper (LcChartStyle *style)
{
  gdk_rgba_parse (&style->foreground, "#1e1e1e");
  style->grid = style->foreground;
  style->grid.alpha = 0.18f;
  adw_accent_color_to_standalone_rgba (ADW_ACCENT_COLOR_BLUE, FALSE, &style->series[LC_CHART_LEFT]);
  adw_accent_color_to_standalone_rgba (ADW_ACCENT_COLOR_ORANGE, FALSE, &style->series[LC_CHART_RIGHT]);
  style->series[LC_CHART_COMBINED] = style->series[LC_CHART_LEFT];
  style->session = style->foreground;
  style->session.alpha = 0.6f;
  style->line_width = 2;
  style->point_radius = 2.5f;
  style->point_alpha = 0.6f;
  style->legend = TRUE;
}
