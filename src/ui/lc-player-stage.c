/* lc-player-stage.c: the player's picture and text, sized to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player is read from 1-2 m away, so its text grows with the window:
 * the text column is laid out at its own size and drawn scaled by one
 * factor, chosen so that the countdown is a fifth of the window's height
 * (times the text-scaling setting), and less when the text would not fit.
 * The picture takes what is left: above the text in a tall window, beside
 * it in a wide one. The picture shrinks first; the text never is cut off.
 * Scaling the whole column (not its fonts) needs no second layout pass,
 * and the column keeps its proportions at every size. Controls in the
 * picture's place (the rating at Get Ready) may grow the same way, as far
 * as they fit there.
 */

#include "config.h"

#include "lc-player-stage.h"

struct _LcPlayerStage
{
  GtkWidget  parent_instance;

  GtkWidget *picture;
  GtkWidget *text;
  GtkWidget *countdown;

  /* The last layout, kept while the size doesn't change */
  int        last_width;
  int        last_height;
  double     last_target;
  double     scale;
  double     picture_scale;

  guint      scale_picture : 1;
};

G_DEFINE_FINAL_TYPE (LcPlayerStage, lc_player_stage, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PICTURE,
  PROP_TEXT,
  PROP_COUNTDOWN,
  PROP_SCALE_PICTURE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define COUNTDOWN_SHARE 0.2     /* of the window's height */
#define MIN_SCALE       0.6     /* at the usual text size */
#define MAX_SCALE       6.0
#define SPACING         12
#define WIDE_SHARE      0.6    /* the text's share of a wide stage */

static gboolean
is_wide (int width,
         int height)
{
  return width > 1.25 * height;
}

/* The width the text column is laid out at, for @scale */
static int
text_width (int    width,
            int    height,
            double scale)
{
  double share = is_wide (width, height) ? WIDE_SHARE : 1.0;

  return MAX (1, (int) ((width * share) / scale));
}

/* Whether the text fits at @scale, with the picture's least size beside
 * or above it */
static gboolean
text_fits (LcPlayerStage *self,
           int            width,
           int            height,
           double         scale)
{
  int design_width = text_width (width, height, scale);
  int min_width, min_height;
  int picture_width = 0, picture_height = 0;

  gtk_widget_measure (self->text, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > design_width)
    return FALSE;
  gtk_widget_measure (self->text, GTK_ORIENTATION_VERTICAL, design_width, &min_height, NULL, NULL, NULL);

  if (self->picture == NULL)
    return min_height * scale <= height;

  if (is_wide (width, height))
    {
      int left = width - (int) (design_width * scale + 0.5) - SPACING;

      gtk_widget_measure (self->picture, GTK_ORIENTATION_HORIZONTAL, -1, &picture_width, NULL, NULL, NULL);
      if (picture_width > left)
        return FALSE;
      gtk_widget_measure (self->picture, GTK_ORIENTATION_VERTICAL, MAX (left, 0), &picture_height, NULL, NULL, NULL);
      return min_height * scale <= height && picture_height <= height;
    }

  gtk_widget_measure (self->picture, GTK_ORIENTATION_VERTICAL, width, &picture_height, NULL, NULL, NULL);
  return min_height * scale + SPACING + picture_height <= height;
}

/* The text-scaling setting (GNOME's Large Text is 1.25) */
static double
text_scale (LcPlayerStage *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? CLAMP (dpi / (96.0 * 1024), 0.5, 3.0) : 1.0;
}

/* The least the text is drawn at: at a larger text size, as small as it
 * would be drawn at the usual size, so that the countdown (which can't
 * wrap) still fits a phone-sized window at Text Size 2.0. The largest
 * scale that fits is used, so the text is this small only where nothing
 * larger fits. */
static double
min_scale (LcPlayerStage *self)
{
  return MIN_SCALE / MAX (text_scale (self), 1.0);
}

/* The scale that makes the countdown a fifth of the window's height */
static double
target_scale (LcPlayerStage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int window_height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;
  int countdown_height = 0;

  if (self->countdown == NULL)
    return 1.0;

  window_height = MAX (window_height, gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_measure (self->countdown, GTK_ORIENTATION_VERTICAL, -1, NULL, &countdown_height, NULL, NULL);
  if (countdown_height <= 0)
    return 1.0;

  return CLAMP (COUNTDOWN_SHARE * window_height * text_scale (self) / countdown_height, 1.0, MAX_SCALE);
}

static void
lc_player_stage_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LcPlayerStage *self = LC_PLAYER_STAGE (widget);
  int text_min = 0, text_nat = 0, picture_min = 0, picture_nat = 0;

  if (self->text != NULL && orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (self->text, orientation, -1, &text_min, &text_nat, NULL, NULL);
  else if (self->text != NULL)
    {
      int width = 0;

      /* At its natural width: its least height is that of one line a text */
      gtk_widget_measure (self->text, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (self->text, orientation, width, &text_min, &text_nat, NULL, NULL);
    }
  if (self->picture != NULL)
    gtk_widget_measure (self->picture, orientation, -1, &picture_min, &picture_nat, NULL, NULL);

  /* The text may be drawn smaller than its own size; the picture may go
   * in height, but not below its own least width (the rating in its
   * place at Get Ready can't shrink). */
  *minimum = (int) (text_min * min_scale (self) + 0.5);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MAX (*minimum, picture_min);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (text_nat, picture_nat);
  else
    *natural = text_nat + SPACING + picture_nat;
  *natural = MAX (*natural, *minimum);
}

static GtkSizeRequestMode
lc_player_stage_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
lc_player_stage_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LcPlayerStage *self = LC_PLAYER_STAGE (widget);
  gboolean wide = is_wide (width, height);
  double target;
  double scale;
  int design_width, design_height = 0, text_height;
  int picture_width, picture_height;
  GskTransform *transform;

  if (self->text == NULL)
    return;

  target = target_scale (self);

  /* The same size: the same scale, if the text still fits. */
  if (width == self->last_width && height == self->last_height && target == self->last_target &&
      text_fits (self, width, height, self->scale))
    scale = self->scale;
  else
    {
      double least = min_scale (self);

      scale = target;
      while (scale > least && !text_fits (self, width, height, scale))
        scale = MAX (scale * 0.95, least);
    }
  self->last_width = width;
  self->last_height = height;
  self->last_target = target;
  self->scale = scale;

  design_width = text_width (width, height, scale);
  gtk_widget_measure (self->text, GTK_ORIENTATION_VERTICAL, design_width, NULL, &design_height, NULL, NULL);
  design_height = MIN (design_height, (int) (height / scale));
  text_height = (int) (design_height * scale + 0.5);

  if (wide)
    {
      int text_x = width - (int) (design_width * scale + 0.5);

      transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (text_x, (height - text_height) / 2));
      picture_width = MAX (0, text_x - SPACING);
      picture_height = height;
    }
  else
    {
      transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, height - text_height));
      picture_width = width;
      picture_height = MAX (0, height - text_height - SPACING);
    }
  transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (self->text, design_width, design_height, -1, transform);

  self->picture_scale = 1.0;
  if (self->picture != NULL && self->scale_picture)
    {
      double picture_scale = scale;

      /* Drawn as large as the text, or as fits, never smaller than its own
       * size */
      while (picture_scale > 1.0)
        {
          int min_width, min_height;
          int scaled_width = (int) (picture_width / picture_scale);

          gtk_widget_measure (self->picture, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
          if (min_width <= scaled_width)
            {
              gtk_widget_measure (self->picture, GTK_ORIENTATION_VERTICAL, scaled_width, &min_height, NULL, NULL,
                                  NULL);
              if (min_height * picture_scale <= picture_height)
                break;
            }
          picture_scale = MAX (picture_scale * 0.95, 1.0);
        }
      self->picture_scale = picture_scale;
    }

  if (self->picture != NULL && self->picture_scale > 1.0)
    {
      double s = self->picture_scale;

      gtk_widget_allocate (self->picture, (int) (picture_width / s), (int) (picture_height / s), -1,
                           gsk_transform_scale (NULL, s, s));
    }
  else if (self->picture != NULL)
    {
      int min_width, min_height;

      /* The picture only gets what is left, even below its own minimum. */
      gtk_widget_measure (self->picture, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (self->picture, GTK_ORIENTATION_VERTICAL, MAX (picture_width, min_width),
                          &min_height, NULL, NULL, NULL);
      gtk_widget_allocate (self->picture, MAX (picture_width, min_width), MAX (picture_height, min_height), -1,
                           NULL);
    }
}

static void
set_child (LcPlayerStage  *self,
           GtkWidget     **slot,
           GtkWidget      *child,
           guint           prop)
{
  if (*slot == child)
    return;

  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = child;
  if (child != NULL)
    {
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      /* The text is drawn over the picture's space in no case; order them. */
      if (self->picture != NULL && self->text != NULL)
        gtk_widget_insert_before (self->picture, GTK_WIDGET (self), self->text);
    }
  self->last_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static void
lc_player_stage_dispose (GObject *object)
{
  LcPlayerStage *self = LC_PLAYER_STAGE (object);

  g_clear_pointer (&self->picture, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  g_clear_weak_pointer (&self->countdown);

  G_OBJECT_CLASS (lc_player_stage_parent_class)->dispose (object);
}

static void
lc_player_stage_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcPlayerStage *self = LC_PLAYER_STAGE (object);

  switch (prop_id)
    {
    case PROP_PICTURE:
      g_value_set_object (value, self->picture);
      break;
    case PROP_TEXT:
      g_value_set_object (value, self->text);
      break;
    case PROP_COUNTDOWN:
      g_value_set_object (value, self->countdown);
      break;
    case PROP_SCALE_PICTURE:
      g_value_set_boolean (value, self->scale_picture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_player_stage_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LcPlayerStage *self = LC_PLAYER_STAGE (object);

  switch (prop_id)
    {
    case PROP_PICTURE:
      lc_player_stage_set_picture (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      lc_player_stage_set_text (self, g_value_get_object (value));
      break;
    case PROP_COUNTDOWN:
      lc_player_stage_set_countdown (self, g_value_get_object (value));
      break;
    case PROP_SCALE_PICTURE:
      lc_player_stage_set_scale_picture (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_player_stage_class_init (LcPlayerStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_player_stage_dispose;
  object_class->get_property = lc_player_stage_get_property;
  object_class->set_property = lc_player_stage_set_property;

  widget_class->measure = lc_player_stage_measure;
  widget_class->get_request_mode = lc_player_stage_get_request_mode;
  widget_class->size_allocate = lc_player_stage_size_allocate;

  properties [PROP_PICTURE] =
    g_param_spec_object ("picture", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties [PROP_TEXT] =
    g_param_spec_object ("text", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  /**
   * LcPlayerStage:countdown:
   *
   * A widget inside the text whose height is a fifth of the window's.
   */
  properties [PROP_COUNTDOWN] =
    g_param_spec_object ("countdown", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  /**
   * LcPlayerStage:scale-picture:
   *
   * Whether what is in the picture's place grows with the text, as far as
   * it fits there: for controls, which would be small beside the text in
   * a large window. A picture is drawn at its size instead, so stays sharp.
   */
  properties [PROP_SCALE_PICTURE] =
    g_param_spec_boolean ("scale-picture", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "player-stage");
}

static void
lc_player_stage_init (LcPlayerStage *self)
{
  self->scale = 1.0;
  self->picture_scale = 1.0;
  self->last_width = -1;
}

GtkWidget *
lc_player_stage_get_picture (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), NULL);
  return self->picture;
}

void
lc_player_stage_set_picture (LcPlayerStage *self,
                             GtkWidget     *picture)
{
  g_return_if_fail (LC_IS_PLAYER_STAGE (self));
  g_return_if_fail (picture == NULL || GTK_IS_WIDGET (picture));

  set_child (self, &self->picture, picture, PROP_PICTURE);
}

GtkWidget *
lc_player_stage_get_text (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), NULL);
  return self->text;
}

void
lc_player_stage_set_text (LcPlayerStage *self,
                          GtkWidget     *text)
{
  g_return_if_fail (LC_IS_PLAYER_STAGE (self));
  g_return_if_fail (text == NULL || GTK_IS_WIDGET (text));

  set_child (self, &self->text, text, PROP_TEXT);
}

GtkWidget *
lc_player_stage_get_countdown (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), NULL);
  return self->countdown;
}

void
lc_player_stage_set_countdown (LcPlayerStage *self,
                               GtkWidget     *countdown)
{
  g_return_if_fail (LC_IS_PLAYER_STAGE (self));
  g_return_if_fail (countdown == NULL || GTK_IS_WIDGET (countdown));

  if (self->countdown == countdown)
    return;

  g_set_weak_pointer (&self->countdown, countdown);
  self->last_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTDOWN]);
}

/**
 * lc_player_stage_get_scale:
 *
 * Returns: how much larger than its own size the text is drawn
 */
double
lc_player_stage_get_scale (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), 1.0);
  return self->scale;
}

/**
 * lc_player_stage_get_picture_scale:
 *
 * Returns: how much larger than its own size what is in the picture's
 *   place is drawn (1.0 unless #LcPlayerStage:scale-picture is set)
 */
double
lc_player_stage_get_picture_scale (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), 1.0);
  return self->picture_scale;
}

gboolean
lc_player_stage_get_scale_picture (LcPlayerStage *self)
{
  g_return_val_if_fail (LC_IS_PLAYER_STAGE (self), FALSE);
  return self->scale_picture;
}

void
lc_player_stage_set_scale_picture (LcPlayerStage *self,
                                   gboolean       scale_picture)
{
  g_return_if_fail (LC_IS_PLAYER_STAGE (self));

  scale_picture = !!scale_picture;
  if (self->scale_picture == scale_picture)
    return;

  self->scale_picture = scale_picture;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCALE_PICTURE]);
}
