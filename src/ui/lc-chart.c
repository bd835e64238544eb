/* lc-chart.c: daily scores and their 7-day mean over a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn with GtkSnapshot and GskPath. Whatever the number of days, the
 * values are first reduced to columns of a pixel or a few
 * (lc_trend_chart_grid, lc_trend_reduce), so a frame costs about the same
 * for two weeks as for ten years. The same
 * drawing serves the widget, the PNG export and the report (through
 * gsk_render_node_draw on a cairo PDF surface).
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lc-chart.h"
#include "lc-trend.h"

/* --- data ------------------------------------------------------------------ */

struct _LcChartData
{
  gatomicrefcount ref_count;
  guint32   first_day;
  guint32   last_day;
  guint     n;                  /* diary days, some maybe before first_day */
  guint32  *days;
  double   *value[LC_N_CHART_KINDS][LC_N_CHART_SERIES];
  double   *rolling[LC_N_CHART_KINDS][LC_N_CHART_SERIES];
  double   *sessions;           /* completed sessions per day, NAN for none */
  guint     n_with_value[LC_N_CHART_KINDS];   /* days in range */
};

G_DEFINE_BOXED_TYPE (LcChartData, lc_chart_data, lc_chart_data_ref, lc_chart_data_unref)

static const LcMeasure kind_measures[LC_N_CHART_KINDS][LC_N_LEGS] = {
  { LC_MEASURE_HEAVINESS_LEFT, LC_MEASURE_HEAVINESS_RIGHT },
  { LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT },
  { LC_MEASURE_ANKLE_LEFT, LC_MEASURE_ANKLE_RIGHT },
};

/* The index of @day in the data, or -1 */
static int
find_day (LcChartData *data,
          guint32      day)
{
  guint lo = 0;
  guint hi = data->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (data->days[mid] < day)
        lo = mid + 1;
      else if (data->days[mid] > day)
        hi = mid;
      else
        return (int) mid;
    }

  return -1;
}

/* Both legs as one: the mean of the legs' daily means, or the one given. */
static void
fill_combined (LcChartData          *data,
               const LcDayAggregate *days,
               LcChartKind           kind)
{
  g_autofree LcDayAggregate *copy = g_memdup2 (days, sizeof (LcDayAggregate) * MAX (data->n, 1));
  LcMeasure left = kind_measures[kind][LC_LEG_LEFT];
  LcMeasure right = kind_measures[kind][LC_LEG_RIGHT];

  for (guint i = 0; i < data->n; i++)
    {
      const LcStat *l = &days[i].stats[left];
      const LcStat *r = &days[i].stats[right];
      LcStat *c = &copy[i].stats[left];

      c->count = (l->count > 0 ? 1 : 0) + (r->count > 0 ? 1 : 0);
      if (c->count == 2)
        c->mean = (l->mean + r->mean) / 2;
      else
        c->mean = l->count > 0 ? l->mean : r->mean;
      data->value[kind][LC_CHART_COMBINED][i] = c->count > 0 ? c->mean : NAN;
    }

  lc_trend_rolling_mean (copy, data->n, left, data->rolling[kind][LC_CHART_COMBINED]);
}

/**
 * lc_chart_data_new:
 * @days: (element-type LcDayAggregate): the diary's days in order, from
 *   6 days before @first_day so that the first rolling means are whole
 * @sessions: (element-type LcSessionRecord) (nullable): sessions in the range
 * @tz: the time zone that makes days of the sessions' times
 * @first_day: the first day shown (a day number, see lc_trend_day_number())
 * @last_day: the last day shown
 *
 * Returns: (transfer full): what a chart shows
 */
LcChartData *
lc_chart_data_new (GArray    *days,
                   GPtrArray *sessions,
                   GTimeZone *tz,
                   guint32    first_day,
                   guint32    last_day)
{
  LcChartData *data;
  const LcDayAggregate *aggregates;

  g_return_val_if_fail (days != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  aggregates = (const LcDayAggregate *) (gpointer) days->data;
  data = g_new0 (LcChartData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  data->first_day = first_day;
  data->last_day = last_day;
  data->n = days->len;
  data->days = g_new (guint32, MAX (data->n, 1));
  data->sessions = g_new (double, MAX (data->n, 1));

  for (guint i = 0; i < data->n; i++)
    {
      data->days[i] = lc_trend_aggregate_day (&aggregates[i]);
      data->sessions[i] = NAN;
    }

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    {
      for (int s = 0; s < LC_N_CHART_SERIES; s++)
        {
          data->value[kind][s] = g_new (double, MAX (data->n, 1));
          data->rolling[kind][s] = g_new (double, MAX (data->n, 1));
        }

      for (int leg = 0; leg < LC_N_LEGS; leg++)
        {
          LcMeasure measure = kind_measures[kind][leg];

          for (guint i = 0; i < data->n; i++)
            data->value[kind][leg][i] = aggregates[i].stats[measure].count > 0 ? aggregates[i].stats[measure].mean : NAN;
          lc_trend_rolling_mean (aggregates, data->n, measure, data->rolling[kind][leg]);
        }

      fill_combined (data, aggregates, kind);

      /* Ankles are stored in millimetres and shown in centimetres. */
      if (kind == LC_CHART_ANKLE)
        for (int s = 0; s < LC_N_CHART_SERIES; s++)
          for (guint i = 0; i < data->n; i++)
            {
              data->value[kind][s][i] /= 10.0;
              data->rolling[kind][s][i] /= 10.0;
            }

      for (guint i = 0; i < data->n; i++)
        if (data->days[i] >= first_day && data->days[i] <= last_day && !isnan (data->value[kind][LC_CHART_COMBINED][i]))
          data->n_with_value[kind]++;
    }

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LcSessionRecord *record = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      int index;

      if (!lc_trend_session_completed (record))
        continue;

      utc = g_date_time_new_from_unix_utc (record->started_at);
      local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
      index = local != NULL ? find_day (data, lc_trend_date_time_day (local)) : -1;
      if (index >= 0)
        data->sessions[index] = isnan (data->sessions[index]) ? 1 : data->sessions[index] + 1;
    }

  return data;
}

LcChartData *
lc_chart_data_ref (LcChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);

  return data;
}

void
lc_chart_data_unref (LcChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    for (int s = 0; s < LC_N_CHART_SERIES; s++)
      {
        g_free (data->value[kind][s]);
        g_free (data->rolling[kind][s]);
      }
  g_free (data->days);
  g_free (data->sessions);
  g_free (data);
}

guint32
lc_chart_data_get_first_day (LcChartData *data)
{
  return data->first_day;
}

guint32
lc_chart_data_get_last_day (LcChartData *data)
{
  return data->last_day;
}

/**
 * lc_chart_data_count_days:
 *
 * Returns: the days in the range with a value of @kind (either leg)
 */
guint
lc_chart_data_count_days (LcChartData *data,
                          LcChartKind  kind)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->n_with_value[kind];
}

/**
 * lc_chart_data_get_value:
 * @value: (out) (optional): the day's mean, or NAN
 * @rolling: (out) (optional): the 7-day mean ending that day, or NAN
 *
 * Returns: whether @day has a value of @series
 */
gboolean
lc_chart_data_get_value (LcChartData   *data,
                         LcChartKind    kind,
                         LcChartSeries  series,
                         guint32        day,
                         double        *value,
                         double        *rolling)
{
  int index;

  g_return_val_if_fail (data != NULL, FALSE);

  index = find_day (data, day);
  if (value != NULL)
    *value = index >= 0 ? data->value[kind][series][index] : NAN;
  if (rolling != NULL)
    *rolling = index >= 0 ? data->rolling[kind][series][index] : NAN;

  return index >= 0 && !isnan (data->value[kind][series][index]);
}

/**
 * lc_chart_data_get_sessions:
 *
 * Returns: completed sessions on @day
 */
guint
lc_chart_data_get_sessions (LcChartData *data,
                            guint32      day)
{
  int index;

  g_return_val_if_fail (data != NULL, 0);

  index = find_day (data, day);

  return index >= 0 && !isnan (data->sessions[index]) ? (guint) data->sessions[index] : 0;
}

/* --- words ----------------------------------------------------------------- */

const char *
lc_chart_kind_get_title (LcChartKind kind)
{
  switch (kind)
    {
    case LC_CHART_HEAVINESS:
      return _("Heaviness");
    case LC_CHART_SWELLING:
      return _("Swelling");
    case LC_CHART_ANKLE:
      return _("Ankle Circumference");
    case LC_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The series a chart shows: left and right, or both legs as one */
static inline int
first_series (gboolean combined)
{
  return combined ? LC_CHART_COMBINED : LC_CHART_LEFT;
}

static inline int
last_series (gboolean combined)
{
  return combined ? LC_CHART_COMBINED : LC_CHART_RIGHT;
}

/* "4" or "4.5"; ankles "23.5 cm" */
static char *
format_value (LcChartKind kind,
              double      value)
{
  if (kind == LC_CHART_ANKLE)
    /* TRANSLATORS: an ankle circumference in centimetres */
    return g_strdup_printf (_("%.1f cm"), value);
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.1f", value);
}

static char *
describe_series (LcChartData   *data,
                 LcChartKind    kind,
                 LcChartSeries  series,
                 guint32        day)
{
  double value, rolling;
  g_autofree char *v = NULL;
  g_autofree char *r = NULL;

  if (!lc_chart_data_get_value (data, kind, series, day, &value, &rolling))
    {
      switch (series)
        {
        case LC_CHART_LEFT:
          return g_strdup (_("left leg not measured"));
        case LC_CHART_RIGHT:
          return g_strdup (_("right leg not measured"));
        case LC_CHART_COMBINED:
        case LC_N_CHART_SERIES:
        default:
          return g_strdup (_("not measured"));
        }
    }

  v = format_value (kind, value);
  r = format_value (kind, rolling);
  switch (series)
    {
    case LC_CHART_LEFT:
      /* TRANSLATORS: a day's value of the left leg, then the mean of the 7 days up to it */
      return g_strdup_printf (_("left leg %s (7-day mean %s)"), v, r);
    case LC_CHART_RIGHT:
      return g_strdup_printf (_("right leg %s (7-day mean %s)"), v, r);
    case LC_CHART_COMBINED:
    case LC_N_CHART_SERIES:
    default:
      return g_strdup_printf (_("both legs %s (7-day mean %s)"), v, r);
    }
}

/**
 * lc_chart_describe_day:
 *
 * Returns: (transfer full): the day's values in words, as the page shows
 *   them for the day under the pointer or the keyboard focus
 */
char *
lc_chart_describe_day (LcChartData *data,
                       LcChartKind  kind,
                       gboolean     combined,
                       guint32      day)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date = NULL;
  g_autofree char *values = NULL;
  guint sessions;

  g_return_val_if_fail (data != NULL, NULL);

  time = lc_trend_day_to_local (day);
  /* TRANSLATORS: a day in the chart's details, see strftime(3) */
  date = g_date_time_format (time, C_("chart day", "%A, %-e %B %Y"));
  g_strstrip (date);

  if (!lc_chart_data_get_value (data, kind, LC_CHART_COMBINED, day, NULL, NULL))
    values = g_strdup (_("no entry"));
  else if (combined)
    values = describe_series (data, kind, LC_CHART_COMBINED, day);
  else
    {
      g_autofree char *left = describe_series (data, kind, LC_CHART_LEFT, day);
      g_autofree char *right = describe_series (data, kind, LC_CHART_RIGHT, day);

      /* TRANSLATORS: the left and the right leg's values of a day */
      values = g_strdup_printf (_("%s, %s"), left, right);
    }

  sessions = lc_chart_data_get_sessions (data, day);
  if (sessions > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u session", "%u sessions", sessions), sessions);

      /* TRANSLATORS: a date, the day's values, and its sessions */
      return g_strdup_printf (_("%s: %s · %s"), date, values, count);
    }

  /* TRANSLATORS: a date and the day's values */
  return g_strdup_printf (_("%s: %s"), date, values);
}

/* The rolling mean of the first and the last day in range */
static gboolean
first_last_rolling (LcChartData   *data,
                    LcChartKind    kind,
                    LcChartSeries  series,
                    double        *first,
                    double        *last)
{
  gboolean found = FALSE;

  for (guint i = 0; i < data->n; i++)
    {
      double r = data->rolling[kind][series][i];

      if (data->days[i] < data->first_day || data->days[i] > data->last_day || isnan (r))
        continue;
      if (!found)
        *first = r;
      *last = r;
      found = TRUE;
    }

  return found;
}

/**
 * lc_chart_describe:
 *
 * Returns: (transfer full): the chart in words, its accessible description
 */
char *
lc_chart_describe (LcChartData *data,
                   LcChartKind  kind,
                   gboolean     combined)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GString *text;
  guint n_days;
  guint n_sessions = 0;

  g_return_val_if_fail (data != NULL, NULL);

  from = lc_trend_day_to_local (data->first_day);
  to = lc_trend_day_to_local (data->last_day);
  /* TRANSLATORS: a date in the chart's description, see strftime(3) */
  from_text = g_strstrip (g_date_time_format (from, C_("chart description", "%-e %B %Y")));
  to_text = g_strstrip (g_date_time_format (to, C_("chart description", "%-e %B %Y")));
  n_days = data->n_with_value[kind];

  text = g_string_new (NULL);
  /* TRANSLATORS: the chart's title and its period */
  g_string_append_printf (text, _("%s from %s to %s."), lc_chart_kind_get_title (kind), from_text, to_text);
  g_string_append_c (text, ' ');
  if (n_days == 0)
    {
      g_string_append (text, _("No entries in this period."));
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, ngettext ("%u day with entries.", "%u days with entries.", n_days), n_days);

  for (int s = first_series (combined); s <= last_series (combined); s++)
    {
      double first, last;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (!first_last_rolling (data, kind, s, &first, &last))
        continue;

      a = format_value (kind, first);
      b = format_value (kind, last);
      g_string_append_c (text, ' ');
      switch ((LcChartSeries) s)
        {
        case LC_CHART_LEFT:
          g_string_append_printf (text, _("Left leg: 7-day mean from %s to %s."), a, b);
          break;
        case LC_CHART_RIGHT:
          g_string_append_printf (text, _("Right leg: 7-day mean from %s to %s."), a, b);
          break;
        case LC_CHART_COMBINED:
        case LC_N_CHART_SERIES:
        default:
          g_string_append_printf (text, _("Both legs: 7-day mean from %s to %s."), a, b);
          break;
        }
    }

  for (guint i = 0; i < data->n; i++)
    if (data->days[i] >= data->first_day && data->days[i] <= data->last_day && !isnan (data->sessions[i]))
      n_sessions++;
  if (n_sessions > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u day with a session.", "%u days with a session.", n_sessions),
                              n_sessions);
    }

  return g_string_free (text, FALSE);
}

/* --- drawing --------------------------------------------------------------- */

#define LEGEND_GAP   16.f
#define LEGEND_MARK  14.f
#define PAD           6.f

typedef struct
{
  float    x0, y0, width, height;      /* the plot */
  float    legend_height;
  double   y_min, y_max, y_step;
  guint32  span;                       /* days */
  float    line_height;
} Geometry;

static void
value_range (LcChartData *data,
             LcChartKind  kind,
             gboolean     combined,
             Geometry    *geo)
{
  double lo = INFINITY, hi = -INFINITY;

  if (kind != LC_CHART_ANKLE)
    {
      geo->y_min = 0;
      geo->y_max = LC_SCORE_MAX;
      geo->y_step = geo->height >= 140 ? 2 : 5;
      return;
    }

  for (guint i = 0; i < data->n; i++)
    {
      if (data->days[i] < data->first_day || data->days[i] > data->last_day)
        continue;
      for (int s = first_series (combined); s <= last_series (combined); s++)
        {
          double v = data->value[kind][s][i];

          if (!isnan (v))
            {
              lo = MIN (lo, v);
              hi = MAX (hi, v);
            }
        }
    }

  if (lo > hi)
    {
      lo = 20;
      hi = 25;
    }

  geo->y_min = floor (lo) - 1;
  geo->y_max = ceil (hi) + 1;
  if (geo->y_max - geo->y_min < 4)
    geo->y_max = geo->y_min + 4;
  geo->y_step = geo->y_max - geo->y_min <= 8 ? 1 : geo->y_max - geo->y_min <= 16 ? 2 : 5;
  geo->y_min = floor (geo->y_min / geo->y_step) * geo->y_step;
  geo->y_max = ceil (geo->y_max / geo->y_step) * geo->y_step;
}

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

static void
compute_geometry (PangoContext *pango,
                  LcChartData  *data,
                  LcChartKind   kind,
                  gboolean      combined,
                  float         width,
                  float         height,
                  Geometry     *geo)
{
  float label_width, w;
  char buffer[16];

  text_size (pango, "10", &label_width, &geo->line_height);
  geo->legend_height = legend (NULL, pango, combined, NULL, width);
  geo->y0 = geo->legend_height + PAD + geo->line_height / 2;
  geo->height = height - geo->y0 - geo->line_height - PAD;
  value_range (data, kind, combined, geo);

  /* The widest label on the value axis */
  g_snprintf (buffer, sizeof buffer, "%.0f", geo->y_max);
  text_size (pango, buffer, &w, NULL);
  label_width = MAX (label_width, w);

  geo->x0 = label_width + PAD;
  geo->width = width - geo->x0 - PAD;
  geo->span = data->last_day - data->first_day + 1;
}

static float
x_of_day (const Geometry *geo,
          double          day_offset)
{
  return geo->x0 + (float) ((day_offset + 0.5) * geo->width / geo->span);
}

static float
y_of_value (const Geometry *geo,
            double          value)
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

/* Which days get a label on the time axis */
typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepUnit;

typedef struct
{
  StepUnit unit;
  guint    count;
} Step;

static const Step steps[] = {
  { STEP_DAYS, 1 }, { STEP_DAYS, 2 }, { STEP_DAYS, 7 }, { STEP_DAYS, 14 },
  { STEP_MONTHS, 1 }, { STEP_MONTHS, 2 }, { STEP_MONTHS, 3 }, { STEP_MONTHS, 6 },
  { STEP_YEARS, 1 }, { STEP_YEARS, 2 }, { STEP_YEARS, 5 }, { STEP_YEARS, 10 }, { STEP_YEARS, 25 },
};

static char *
day_label (guint32 day,
           StepUnit unit)
{
  g_autoptr(GDateTime) time = lc_trend_day_to_local (day);

  switch (unit)
    {
    case STEP_DAYS:
      /* TRANSLATORS: a day on the chart's time axis, see strftime(3) */
      return g_strstrip (g_date_time_format (time, C_("chart axis", "%-e %b")));
    case STEP_MONTHS:
      if (g_date_time_get_month (time) == 1)
        return g_date_time_format (time, "%Y");
      /* TRANSLATORS: a month on the chart's time axis, see strftime(3) */
      return g_date_time_format (time, C_("chart axis", "%b"));
    case STEP_YEARS:
    default:
      return g_date_time_format (time, "%Y");
    }
}

static gboolean
is_label_day (guint32  day,
              guint32  first_day,
              const Step *step)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (step->unit)
    {
    case STEP_DAYS:
      /* Weeks start on Mondays; shorter steps count from the first day. */
      if (step->count >= 7)
        return g_date_get_weekday (&date) == G_DATE_MONDAY
               && ((day - 1) / 7) % (step->count / 7) == 0;
      return (day - first_day) % step->count == 0;
    case STEP_MONTHS:
      return g_date_get_day (&date) == 1 && (g_date_get_month (&date) - 1) % step->count == 0;
    case STEP_YEARS:
    default:
      return g_date_get_day (&date) == 1 && g_date_get_month (&date) == 1
             && g_date_get_year (&date) % step->count == 0;
    }
}

static void
draw_time_axis (GtkSnapshot        *snapshot,
                PangoContext       *pango,
                const Geometry     *geo,
                guint32             first_day,
                guint32             last_day,
                const LcChartStyle *style)
{
  float label_width;
  const Step *step = &steps[G_N_ELEMENTS (steps) - 1];
  GskPathBuilder *ticks = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);
  float last_end = -INFINITY;
  float y = geo->y0 + geo->height;

  /* The widest day label decides how many fit. */
  text_size (pango, "28 Sep", &label_width, NULL);
  label_width += 2 * PAD;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double days = steps[i].unit == STEP_DAYS ? steps[i].count
                    : steps[i].unit == STEP_MONTHS ? 30.44 * steps[i].count : 365.25 * steps[i].count;

      if (days * geo->width / geo->span >= label_width)
        {
          step = &steps[i];
          break;
        }
    }

  for (guint32 day = first_day; day <= last_day; day++)
    {
      g_autofree char *text = NULL;
      float x, w;

      if (!is_label_day (day, first_day, step))
        continue;

      x = x_of_day (geo, day - first_day);
      gsk_path_builder_move_to (ticks, x, y);
      gsk_path_builder_line_to (ticks, x, y + 4);

      text = day_label (day, step->unit);
      text_size (pango, text, &w, NULL);
      if (x - w / 2 < last_end + PAD || x + w / 2 > geo->x0 + geo->width + PAD)
        continue;
      draw_text (snapshot, pango, text, x, y + 4, 0.5f, &style->foreground);
      last_end = x + w / 2;
    }

  stroke_path (snapshot, ticks, stroke, &style->grid);
}

static void
draw_value_axis (GtkSnapshot        *snapshot,
                 PangoContext       *pango,
                 const Geometry     *geo,
                 const LcChartStyle *style)
{
  GskPathBuilder *grid = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);

  for (double v = geo->y_min; v <= geo->y_max + 1e-9; v += geo->y_step)
    {
      float y = roundf (y_of_value (geo, v)) + 0.5f;
      char text[16];

      gsk_path_builder_move_to (grid, geo->x0, y);
      gsk_path_builder_line_to (grid, geo->x0 + geo->width, y);
      g_snprintf (text, sizeof text, "%.0f", v);
      draw_text (snapshot, pango, text, geo->x0 - PAD, y - geo->line_height / 2, 1, &style->foreground);
    }

  stroke_path (snapshot, grid, stroke, &style->grid);
}

static void
draw_series (GtkSnapshot        *snapshot,
             LcChartData        *data,
             LcChartKind         kind,
             LcChartSeries       series,
             const Geometry     *geo,
             const LcChartStyle *style,
             const LcChartGrid  *grid)
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
  float column_width;

  gsk_stroke_set_line_cap (range_stroke, GSK_LINE_CAP_ROUND);
  gsk_stroke_set_line_join (line_stroke, GSK_LINE_JOIN_ROUND);
  gsk_stroke_set_line_cap (line_stroke, GSK_LINE_CAP_ROUND);
  if (series == LC_CHART_RIGHT)
    gsk_stroke_set_dash (line_stroke, (float[]) { 6, 4 }, 2);

  /* Daily values: a mark per day; in a dense chart each column's range
   * from its lowest to its highest value. */
  point_color.alpha *= 0.6f;
  values = lc_trend_reduce (data->days, data->value[kind][series], data->n, data->first_day, data->last_day,
                            grid->n_values);
  column_width = geo->width / values->len;
  for (guint c = 0; c < values->len; c++)
    {
      const LcTrendColumn *column = &g_array_index (values, LcTrendColumn, c);
      float x = geo->x0 + (c + 0.5f) * column_width;
      float top, bottom;

      if (column->n == 0)
        continue;
      top = y_of_value (geo, column->max);
      bottom = y_of_value (geo, column->min);
      if (grid->dense)
        gtk_snapshot_append_color (snapshot, &point_color,
                                   &GRAPHENE_RECT_INIT (x - column_width / 2, top - style->point_radius / 2,
                                                        column_width, bottom - top + style->point_radius));
      else if (bottom - top < 0.5f)
        add_mark (points, mark, x, top, style->point_radius);
      else
        {
          gsk_path_builder_move_to (ranges, x, top);
          gsk_path_builder_line_to (ranges, x, bottom);
        }
    }

  /* The rolling mean, broken at gaps */
  means = lc_trend_reduce (data->days, data->rolling[kind][series], data->n, data->first_day, data->last_day,
                           grid->n_mean);
  column_width = geo->width / means->len;
  for (guint c = 0; c < means->len; c++)
    {
      const LcTrendColumn *column = &g_array_index (means, LcTrendColumn, c);
      float x = geo->x0 + (c + 0.5f) * column_width;
      float y;

      if (column->n == 0)
        continue;
      y = y_of_value (geo, column->mean);
      if (previous == NULL || column->first_day - previous->last_day > LC_TREND_GAP_DAYS)
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
draw_sessions (GtkSnapshot        *snapshot,
               LcChartData        *data,
               const Geometry     *geo,
               const LcChartStyle *style,
               const LcChartGrid  *grid)
{
  g_autoptr(GArray) array = lc_trend_reduce (data->days, data->sessions, data->n, data->first_day,
                                             data->last_day, grid->n_sessions);
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

static void
draw_active_day (GtkSnapshot        *snapshot,
                 LcChartData        *data,
                 LcChartKind         kind,
                 gboolean            combined,
                 const Geometry     *geo,
                 const LcChartStyle *style,
                 guint32             day)
{
  GskPathBuilder *rule = gsk_path_builder_new ();
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);
  float x = x_of_day (geo, day - data->first_day);
  GdkRGBA rule_color = style->foreground;

  rule_color.alpha *= 0.4f;
  gsk_path_builder_move_to (rule, roundf (x) + 0.5f, geo->y0);
  gsk_path_builder_line_to (rule, roundf (x) + 0.5f, geo->y0 + geo->height);
  stroke_path (snapshot, rule, stroke, &rule_color);

  for (int s = first_series (combined); s <= last_series (combined); s++)
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
 * ticks on the time axis.
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
  Geometry geo;
  LcChartGrid grid;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (data != NULL);

  compute_geometry (pango, data, kind, combined, width, height, &geo);
  if (geo.width < 20 || geo.height < 20)
    return;

  legend (snapshot, pango, combined, style, width);
  draw_value_axis (snapshot, pango, &geo, style);
  draw_time_axis (snapshot, pango, &geo, data->first_day, data->last_day, style);

  lc_trend_chart_grid (geo.span, geo.width, &grid);
  draw_sessions (snapshot, data, &geo, style, &grid);
  for (int s = first_series (combined); s <= last_series (combined); s++)
    draw_series (snapshot, data, kind, s, &geo, style, &grid);

  if (active_day >= data->first_day && active_day <= data->last_day)
    draw_active_day (snapshot, data, kind, combined, &geo, style, active_day);
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
}

/* --- widget ---------------------------------------------------------------- */

struct _LcChart
{
  GtkWidget     parent_instance;

  LcChartKind   kind;
  LcChartData  *data;
  gboolean      combined;
  guint32       active_day;
  guint32       keyboard_day;       /* the day chosen with the keyboard or a click */
  gboolean      hovering;
};

G_DEFINE_FINAL_TYPE (LcChart, lc_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DATA,
  PROP_COMBINED,
  PROP_ACTIVE_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The right leg's colour: an accent colour far from the user's accent */
static AdwAccentColor
contrasting_accent (AdwAccentColor accent)
{
  switch (accent)
    {
    case ADW_ACCENT_COLOR_ORANGE:
    case ADW_ACCENT_COLOR_YELLOW:
    case ADW_ACCENT_COLOR_RED:
      return ADW_ACCENT_COLOR_BLUE;
    case ADW_ACCENT_COLOR_GREEN:
    case ADW_ACCENT_COLOR_PINK:
      return ADW_ACCENT_COLOR_PURPLE;
    case ADW_ACCENT_COLOR_BLUE:
    case ADW_ACCENT_COLOR_TEAL:
    case ADW_ACCENT_COLOR_PURPLE:
    case ADW_ACCENT_COLOR_SLATE:
    default:
      return ADW_ACCENT_COLOR_ORANGE;
    }
}

/**
 * lc_chart_get_style:
 *
 * The colours of the chart as it is styled now: the text colour, the
 * user's accent colour for the left leg (and both legs), a contrasting
 * accent colour for the right leg; stronger lines in high contrast.
 */
void
lc_chart_get_style (LcChart      *self,
                    LcChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  AdwAccentColor accent = adw_style_manager_get_accent_color (manager);

  gtk_widget_get_color (GTK_WIDGET (self), &style->foreground);
  style->grid = style->foreground;
  style->grid.alpha = high_contrast ? 0.5f : 0.15f;
  adw_accent_color_to_standalone_rgba (accent, dark, &style->series[LC_CHART_LEFT]);
  adw_accent_color_to_standalone_rgba (contrasting_accent (accent), dark, &style->series[LC_CHART_RIGHT]);
  style->series[LC_CHART_COMBINED] = style->series[LC_CHART_LEFT];
  style->session = style->foreground;
  style->session.alpha = high_contrast ? 1.f : 0.6f;
  style->line_width = high_contrast ? 3 : 2;
  style->point_radius = high_contrast ? 3.5f : 2.5f;
}

static void
lc_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LcChart *self = LC_CHART (widget);
  LcChartStyle style;

  if (self->data == NULL)
    return;

  lc_chart_get_style (self, &style);
  lc_chart_draw (snapshot, gtk_widget_get_pango_context (widget), self->data, self->kind, self->combined, &style,
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget), self->active_day);
}

static void
lc_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 180;
      *natural = 220;
    }
}

static void
update_description (LcChart *self)
{
  g_autofree char *text = self->data != NULL ? lc_chart_describe (self->data, self->kind, self->combined) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lc_chart_kind_get_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
}

/* The day with a value nearest to @day within @distance days, or 0 */
static guint32
nearest_day (LcChart *self,
             guint32  day,
             guint32  distance)
{
  for (guint32 d = 0; d <= distance; d++)
    {
      if (day >= self->data->first_day + d
          && lc_chart_data_get_value (self->data, self->kind, LC_CHART_COMBINED, day - d, NULL, NULL))
        return day - d;
      if (day + d <= self->data->last_day
          && lc_chart_data_get_value (self->data, self->kind, LC_CHART_COMBINED, day + d, NULL, NULL))
        return day + d;
    }

  return 0;
}

/* The next day with a value after (@direction 1) or before (-1) @day */
static guint32
next_day (LcChart *self,
          guint32  day,
          int      direction)
{
  LcChartData *data = self->data;

  for (guint i = 0; i < data->n; i++)
    {
      guint index = direction > 0 ? i : data->n - 1 - i;
      guint32 d = data->days[index];

      if (d < data->first_day || d > data->last_day || isnan (data->value[self->kind][LC_CHART_COMBINED][index]))
        continue;
      if ((direction > 0 && d > day) || (direction < 0 && d < day))
        return d;
    }

  return 0;
}

static guint32
day_at (LcChart *self,
        double   x)
{
  Geometry geo;
  double offset;
  guint32 day;

  compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)), self->data, self->kind, self->combined,
                    gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)), &geo);
  if (geo.width <= 0)
    return 0;

  offset = floor ((x - geo.x0) * geo.span / geo.width);
  offset = CLAMP (offset, 0, geo.span - 1);
  day = self->data->first_day + (guint32) offset;

  /* Snap to a day with a value within 12 pixels */
  return nearest_day (self, day, (guint32) ceil (12.0 * geo.span / geo.width));
}

static void set_active (LcChart *self,
                        guint32  day);

static void
motion_cb (LcChart *self,
           double   x,
           double   y)
{
  guint32 day;

  if (self->data == NULL)
    return;

  day = day_at (self, x);
  self->hovering = TRUE;
  set_active (self, day != 0 ? day : self->keyboard_day);
}

static void
leave_cb (LcChart *self)
{
  self->hovering = FALSE;
  set_active (self, self->keyboard_day);
}

static void
pressed_cb (LcChart *self,
            int      n_press,
            double   x,
            double   y)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->data == NULL)
    return;

  lc_chart_set_active_day (self, day_at (self, x));
}

/* A screen reader says the day's values as the keyboard moves.
 * GTK 4.18's test accessibility backend (GTK_A11Y=test) has no announce
 * method and crashes in gtk_accessible_announce(): skip it there. */
static void
announce (LcChart    *self,
          const char *text)
{
  g_autoptr(GtkATContext) context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (self));

  if (context != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (context), "GtkTestATContext") != 0)
    gtk_accessible_announce (GTK_ACCESSIBLE (self), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
choose_day (LcChart *self,
            guint32  day)
{
  g_autofree char *text = NULL;

  if (day == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  lc_chart_set_active_day (self, day);
  text = lc_chart_describe_day (self->data, self->kind, self->combined, day);
  announce (self, text);
}

static gboolean
key_pressed_cb (LcChart         *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  guint32 day;

  if (self->data == NULL || lc_chart_data_count_days (self->data, self->kind) == 0)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  day = self->keyboard_day != 0 ? self->keyboard_day : self->data->last_day + 1;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      choose_day (self, next_day (self, day, -1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      choose_day (self, self->keyboard_day != 0 ? next_day (self, day, 1) : next_day (self, day, -1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
      choose_day (self, next_day (self, day > 6 ? day - 6 : 0, -1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
      choose_day (self, next_day (self, day + 6, 1) != 0 ? next_day (self, day + 6, 1) : next_day (self, day, 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      choose_day (self, next_day (self, 0, 1));
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      choose_day (self, next_day (self, G_MAXUINT32, -1));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Focus from the keyboard shows the newest day at once. */
static void
focus_enter_cb (LcChart *self)
{
  if (self->data != NULL && self->keyboard_day == 0 && !self->hovering)
    {
      lc_chart_set_active_day (self, next_day (self, G_MAXUINT32, -1));
    }
}

static void
style_changed_cb (LcChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lc_chart_realize (GtkWidget *widget)
{
  AdwStyleManager *manager;

  GTK_WIDGET_CLASS (lc_chart_parent_class)->realize (widget);

  manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::accent-color", G_CALLBACK (style_changed_cb), widget,
                           G_CONNECT_SWAPPED);
}

static void
lc_chart_dispose (GObject *object)
{
  LcChart *self = LC_CHART (object);

  g_clear_pointer (&self->data, lc_chart_data_unref);

  G_OBJECT_CLASS (lc_chart_parent_class)->dispose (object);
}

static void
lc_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LcChart *self = LC_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    case PROP_COMBINED:
      g_value_set_boolean (value, self->combined);
      break;
    case PROP_ACTIVE_DAY:
      g_value_set_uint (value, self->active_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LcChart *self = LC_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      lc_chart_set_kind (self, g_value_get_int (value));
      break;
    case PROP_DATA:
      lc_chart_set_data (self, g_value_get_boxed (value));
      break;
    case PROP_COMBINED:
      lc_chart_set_combined (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIVE_DAY:
      lc_chart_set_active_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_chart_class_init (LcChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_chart_dispose;
  object_class->get_property = lc_chart_get_property;
  object_class->set_property = lc_chart_set_property;
  widget_class->snapshot = lc_chart_snapshot;
  widget_class->measure = lc_chart_measure;
  widget_class->realize = lc_chart_realize;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, LC_N_CHART_KINDS - 1, LC_CHART_HEAVINESS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, LC_TYPE_CHART_DATA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMBINED] =
    g_param_spec_boolean ("combined", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The day under the pointer, or else the one chosen with the keyboard */
  properties[PROP_ACTIVE_DAY] =
    g_param_spec_uint ("active-day", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lc_chart_init (LcChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_description (self);
}

GtkWidget *
lc_chart_new (LcChartKind kind)
{
  return g_object_new (LC_TYPE_CHART, "kind", kind, NULL);
}

LcChartKind
lc_chart_get_kind (LcChart *self)
{
  g_return_val_if_fail (LC_IS_CHART (self), LC_CHART_HEAVINESS);

  return self->kind;
}

void
lc_chart_set_kind (LcChart     *self,
                   LcChartKind  kind)
{
  g_return_if_fail (LC_IS_CHART (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

LcChartData *
lc_chart_get_data (LcChart *self)
{
  g_return_val_if_fail (LC_IS_CHART (self), NULL);

  return self->data;
}

/**
 * lc_chart_set_data:
 *
 * Shows @data; a chosen day stays chosen if @data shows it.
 */
void
lc_chart_set_data (LcChart     *self,
                   LcChartData *data)
{
  g_return_if_fail (LC_IS_CHART (self));

  if (self->data == data)
    return;

  g_clear_pointer (&self->data, lc_chart_data_unref);
  self->data = data != NULL ? lc_chart_data_ref (data) : NULL;

  if (data == NULL || self->keyboard_day < data->first_day || self->keyboard_day > data->last_day)
    self->keyboard_day = 0;
  set_active (self, self->keyboard_day);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

gboolean
lc_chart_get_combined (LcChart *self)
{
  g_return_val_if_fail (LC_IS_CHART (self), FALSE);

  return self->combined;
}

void
lc_chart_set_combined (LcChart  *self,
                       gboolean  combined)
{
  g_return_if_fail (LC_IS_CHART (self));

  combined = !!combined;
  if (self->combined == combined)
    return;

  self->combined = combined;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMBINED]);
}

guint
lc_chart_get_active_day (LcChart *self)
{
  g_return_val_if_fail (LC_IS_CHART (self), 0);

  return self->active_day;
}

static void
set_active (LcChart *self,
            guint32  day)
{
  if (self->active_day == day)
    return;

  self->active_day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_DAY]);
}

/**
 * lc_chart_set_active_day:
 * @day: a day number, or 0 for none
 *
 * Chooses @day, as a click or the keyboard does: it is highlighted, and
 * again when the pointer leaves the chart. The charts of a page follow
 * each other through this.
 */
void
lc_chart_set_active_day (LcChart *self,
                         guint    day)
{
  g_return_if_fail (LC_IS_CHART (self));

  self->keyboard_day = day;
  set_active (self, day);
}
