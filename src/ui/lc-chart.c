/* lc-chart.c: daily scores and their 7-day mean over a range of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget: its style, the pointer and the keyboard. What it shows and
 * says is LcChartData (core/lc-chart-data.c); the drawing is in
 * lc-chart-draw.c, shared with the PNG export and the report.
 */

#include "config.h"

#include <math.h>

#include "lc-chart.h"
#include "lc-chart-private.h"
#include "lc-widgets.h"
#include "lc-enum-types.h"
#include "lc-trend.h"

struct _LcChart
{
  GtkWidget     parent_instance;

  LcChartKind   kind;
  LcChartData  *data;
  gboolean      combined;
  gboolean      legend;
  guint32       active_day;
  guint32       keyboard_day;       /* the day chosen with the keyboard or a click */
  gboolean      hovering;

  /* All but the active day, drawn again only when something it shows
   * changes: not when the pointer or the arrow keys move */
  GskRenderNode  *static_node;
  LcChartGeometry static_geo;
  LcChartStyle    static_style;
  int             static_width;
  int             static_height;
  guint           static_font;
};

G_DEFINE_FINAL_TYPE (LcChart, lc_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DATA,
  PROP_COMBINED,
  PROP_ACTIVE_DAY,
  PROP_LEGEND,
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
  /* High contrast: every mark at full strength */
  style->point_alpha = high_contrast ? 1.f : 0.6f;
  style->legend = self->legend;
}

static gboolean
style_equal (const LcChartStyle *a,
             const LcChartStyle *b)
{
  if (!gdk_rgba_equal (&a->foreground, &b->foreground) || !gdk_rgba_equal (&a->grid, &b->grid) ||
      !gdk_rgba_equal (&a->session, &b->session))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (a->series); i++)
    if (!gdk_rgba_equal (&a->series[i], &b->series[i]))
      return FALSE;

  return a->line_width == b->line_width && a->point_radius == b->point_radius &&
         a->point_alpha == b->point_alpha && a->legend == b->legend;
}

/* The font and its size (the text-scaling setting) */
static guint
font_key (PangoContext *pango)
{
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  double resolution = pango_cairo_context_get_resolution (pango);

  return (font != NULL ? pango_font_description_hash (font) : 0) ^ (guint) (resolution * 1024);
}

static void
lc_chart_invalidate (LcChart *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
lc_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LcChart *self = LC_CHART (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint font = font_key (pango);
  LcChartStyle style;

  if (self->data == NULL)
    return;

  lc_chart_get_style (self, &style);
  if (self->static_node != NULL &&
      (width != self->static_width || height != self->static_height || font != self->static_font ||
       !style_equal (&style, &self->static_style)))
    g_clear_pointer (&self->static_node, gsk_render_node_unref);

  if (self->static_node == NULL)
    {
      GtkSnapshot *static_snapshot = gtk_snapshot_new ();

      if (!lc_chart_draw_static (static_snapshot, pango, self->data, self->kind, self->combined, &style, width,
                                 height, &self->static_geo))
        {
          g_object_unref (static_snapshot);
          return;
        }
      self->static_node = gtk_snapshot_free_to_node (static_snapshot);
      self->static_width = width;
      self->static_height = height;
      self->static_font = font;
      self->static_style = style;
      if (self->static_node == NULL)
        return;
    }

  gtk_snapshot_append_node (snapshot, self->static_node);
  lc_chart_draw_highlight (snapshot, self->data, self->kind, self->combined, &style, &self->static_geo,
                           self->active_day);
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

/* The next day with a value after (@direction 1) or before (-1) @day */
static guint32
next_day (LcChart *self,
          guint32  day,
          int      direction)
{
  return lc_chart_data_next_day (self->data, self->kind, day, direction);
}

static guint32
day_at (LcChart *self,
        double   x)
{
  LcChartGeometry geo;
  double offset;
  guint32 day;

  lc_chart_compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                             self->data, self->kind, self->combined, self->legend,
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)),
                             &geo);
  if (geo.width <= 0)
    return 0;

  offset = floor ((x - geo.x0) * geo.span / geo.width);
  offset = CLAMP (offset, 0, geo.span - 1);
  day = lc_chart_data_get_first_day (self->data) + (guint32) offset;

  /* Snap to a day with a value within 12 pixels */
  return lc_chart_data_nearest_day (self->data, self->kind, day, (guint32) ceil (12.0 * geo.span / geo.width));
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

/* The day's values beside it: at the pointer, or for the keyboard at the
 * chosen day, near the top of the plot */
static gboolean
query_tooltip_cb (LcChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  LcChartGeometry geo;
  g_autofree char *text = NULL;
  guint32 day;
  float day_x;

  if (self->data == NULL)
    return FALSE;
  day = keyboard_mode ? self->keyboard_day : day_at (self, x);
  if (day == 0)
    return FALSE;

  lc_chart_compute_geometry (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                             self->data, self->kind, self->combined, self->legend,
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)),
                             &geo);
  if (geo.width <= 0)
    return FALSE;

  text = lc_chart_describe_day (self->data, self->kind, self->combined, day);
  day_x = geo.x0 + ((day - lc_chart_data_get_first_day (self->data)) + 0.5f) * geo.width / geo.span;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) day_x - 4, keyboard_mode ? (int) geo.y0 : y - 4, 8, 8 });
  return TRUE;
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
  /* A screen reader says the day's values as the keyboard moves. */
  lc_announce (GTK_WIDGET (self), text);
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

  day = self->keyboard_day != 0 ? self->keyboard_day : lc_chart_data_get_last_day (self->data) + 1;
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
  g_clear_pointer (&self->static_node, gsk_render_node_unref);

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
      g_value_set_enum (value, self->kind);
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
    case PROP_LEGEND:
      g_value_set_boolean (value, self->legend);
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
      lc_chart_set_kind (self, g_value_get_enum (value));
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
    case PROP_LEGEND:
      lc_chart_set_legend (self, g_value_get_boolean (value));
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
    g_param_spec_enum ("kind", NULL, NULL, LC_TYPE_CHART_KIND, LC_CHART_HEAVINESS,
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
  /* The legend and the session ticks: a page of charts shows them once */
  properties[PROP_LEGEND] =
    g_param_spec_boolean ("legend", NULL, NULL, TRUE,
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

  self->legend = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

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
  lc_chart_invalidate (self);
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

  if (data == NULL || self->keyboard_day < lc_chart_data_get_first_day (data)
      || self->keyboard_day > lc_chart_data_get_last_day (data))
    self->keyboard_day = 0;
  set_active (self, self->keyboard_day);

  update_description (self);
  lc_chart_invalidate (self);
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
  lc_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMBINED]);
}

gboolean
lc_chart_get_legend (LcChart *self)
{
  g_return_val_if_fail (LC_IS_CHART (self), TRUE);

  return self->legend;
}

/**
 * lc_chart_set_legend:
 * @legend: whether to draw the legend and the session ticks
 */
void
lc_chart_set_legend (LcChart  *self,
                     gboolean  legend)
{
  g_return_if_fail (LC_IS_CHART (self));

  legend = !!legend;
  if (self->legend == legend)
    return;

  self->legend = legend;
  lc_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGEND]);
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
