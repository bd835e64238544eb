/* lc-countdown.c: the player's countdown, redrawn every second without a
 * new layout of the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkLabel asks for a new size whenever its text changes, and the
 * window then measures and places everything from the label up: in the
 * player, its whole text column and the stage that scales it, every
 * second of a session. The countdown's text changes every second but
 * almost never its size: its digits are tabular (the "numeric" style
 * class) and it is as wide as @width-chars characters at least. So this
 * widget draws its text itself and asks for a new size only when the
 * size the text needs changes ("10:00" to "9:59" may), and otherwise
 * only for a redraw. It is drawn as a centred GtkLabel with the same
 * style would be: its font, colour and text attributes come from the
 * style sheet (style.css, .session-countdown).
 */

#include "config.h"

#include <math.h>

#include "lc-countdown.h"

struct _LcCountdown
{
  GtkWidget    parent_instance;

  char        *text;
  int          width_chars;
  PangoLayout *layout;      /* made again when the style changes */
  int          char_width;  /* of the layout's font; 0 until asked */
  int          width;       /* the size asked for, with this text */
  int          height;
  guint        n_resizes;
};

G_DEFINE_FINAL_TYPE (LcCountdown, lc_countdown, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The text laid out with the widget's font and the style's text
 * attributes (font features, line height), as a GtkLabel's is */
static PangoLayout *
get_layout (LcCountdown *self)
{
  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  return self->layout;
}

/* The width of one character, as a GtkLabel counts its width-chars:
 * looked up once per font, not at every new text */
static int
char_width (LcCountdown *self)
{
  if (self->char_width == 0)
    {
      PangoContext *context = pango_layout_get_context (get_layout (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, pango_context_get_font_description (context),
                                                             pango_context_get_language (context));
      int width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                       pango_font_metrics_get_approximate_digit_width (metrics));

      pango_font_metrics_unref (metrics);
      self->char_width = PANGO_PIXELS_CEIL (width);
    }

  return self->char_width;
}

static void
needed_size (LcCountdown *self,
             int         *width,
             int         *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (get_layout (self), NULL, &logical);
  *width = MAX (logical.width, self->width_chars > 0 ? self->width_chars * char_width (self) : 0);
  *height = logical.height;
}

static void
queue_resize (LcCountdown *self)
{
  self->n_resizes++;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The style changed (the font, the text scale, the direction): laid
 * out anew */
static void
invalidate (LcCountdown *self)
{
  g_clear_object (&self->layout);
  self->char_width = 0;
  queue_resize (self);
}

static void
lc_countdown_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  LcCountdown *self = LC_COUNTDOWN (widget);

  needed_size (self, &self->width, &self->height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->width;
  else
    {
      *minimum = *natural = self->height;
      *minimum_baseline = *natural_baseline = PANGO_PIXELS (pango_layout_get_baseline (get_layout (self)));
    }
}

static void
lc_countdown_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LcCountdown *self = LC_COUNTDOWN (widget);
  PangoLayout *layout = get_layout (self);
  PangoRectangle logical;
  GdkRGBA color;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_widget_get_color (widget, &color);

  /* Centred on whole pixels, where a GtkLabel puts its text */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (floorf ((gtk_widget_get_width (widget) - logical.width) / 2.f) - logical.x,
                                                floorf ((gtk_widget_get_height (widget) - logical.height) / 2.f)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
lc_countdown_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (lc_countdown_parent_class)->css_changed (widget, change);

  invalidate (LC_COUNTDOWN (widget));
}

static void
lc_countdown_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  invalidate (LC_COUNTDOWN (widget));
}

static void
lc_countdown_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (lc_countdown_parent_class)->system_setting_changed (widget, setting);

  /* Fonts, their hinting or the resolution (the text scale) */
  invalidate (LC_COUNTDOWN (widget));
}

static void
lc_countdown_finalize (GObject *object)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (lc_countdown_parent_class)->finalize (object);
}

static void
lc_countdown_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_countdown_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      lc_countdown_set_text (self, g_value_get_string (value));
      break;
    case PROP_WIDTH_CHARS:
      if (self->width_chars != g_value_get_int (value))
        {
          self->width_chars = g_value_get_int (value);
          queue_resize (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_countdown_class_init (LcCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lc_countdown_finalize;
  object_class->get_property = lc_countdown_get_property;
  object_class->set_property = lc_countdown_set_property;

  widget_class->measure = lc_countdown_measure;
  widget_class->snapshot = lc_countdown_snapshot;
  widget_class->css_changed = lc_countdown_css_changed;
  widget_class->direction_changed = lc_countdown_direction_changed;
  widget_class->system_setting_changed = lc_countdown_system_setting_changed;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  /**
   * LcCountdown:width-chars:
   *
   * The least width, in characters, as #GtkLabel:width-chars: wide enough
   * for the usual texts, the countdown keeps its size as it counts.
   */
  properties [PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, 0, 100, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  /* Read as a label is: its text is its name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
lc_countdown_init (LcCountdown *self)
{
  self->text = g_strdup ("");
}

GtkWidget *
lc_countdown_new (void)
{
  return g_object_new (LC_TYPE_COUNTDOWN, NULL);
}

const char *
lc_countdown_get_text (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), NULL);
  return self->text;
}

/**
 * lc_countdown_set_text:
 * @text: (nullable): what the countdown says, such as "4:59"
 *
 * Redraws the countdown; lays out the page again only if the new text
 * needs another size than the last.
 */
void
lc_countdown_set_text (LcCountdown *self,
                       const char  *text)
{
  int width, height;

  g_return_if_fail (LC_IS_COUNTDOWN (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);

  needed_size (self, &width, &height);
  if (width == self->width && height == self->height)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    queue_resize (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/**
 * lc_countdown_get_n_resizes:
 *
 * For tests and benchmarks: how often the countdown has asked for a new
 * size (a layout of the page around it) since it was made.
 *
 * Returns: the count
 */
guint
lc_countdown_get_n_resizes (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), 0);
  return self->n_resizes;
}
