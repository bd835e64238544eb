/* lc-score-bar.c: a 0-10 score drawn as a bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget where a GtkLevelBar is four (the bar, its trough and two
 * blocks): the diary shows four in each of its rows, and ten years of
 * entries scroll by. The trough is the widget's CSS background and the
 * filled part is drawn in its CSS colour, so the style sheet sets both
 * (style.css, "scorebar"). Decorative: the number beside it says the
 * score, to screen readers too.
 */

#include "config.h"

#include "lc-entry.h"
#include "lc-score-bar.h"

struct _LcScoreBar
{
  GtkWidget parent_instance;

  int       score;
};

G_DEFINE_FINAL_TYPE (LcScoreBar, lc_score_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_score_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LcScoreBar *self = LC_SCORE_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float filled = (float) width * self->score / LC_SCORE_MAX;
  GskRoundedRect bar;
  GdkRGBA color;

  if (filled <= 0 || height <= 0)
    return;

  /* Rounded as the trough is: fully at the ends */
  gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (0, 0, filled, height), MIN (height, filled) / 2.f);
  gtk_widget_get_color (widget, &color);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  gtk_snapshot_append_color (snapshot, &color, &bar.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
lc_score_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcScoreBar *self = LC_SCORE_BAR (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_score_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcScoreBar *self = LC_SCORE_BAR (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      lc_score_bar_set_score (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_score_bar_class_init (LcScoreBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lc_score_bar_get_property;
  object_class->set_property = lc_score_bar_set_property;

  widget_class->snapshot = lc_score_bar_snapshot;

  properties [PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, 0, LC_SCORE_MAX, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "scorebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lc_score_bar_init (LcScoreBar *self)
{
}

GtkWidget *
lc_score_bar_new (void)
{
  return g_object_new (LC_TYPE_SCORE_BAR, NULL);
}

int
lc_score_bar_get_score (LcScoreBar *self)
{
  g_return_val_if_fail (LC_IS_SCORE_BAR (self), 0);
  return self->score;
}

/**
 * lc_score_bar_set_score:
 * @score: from 0 to %LC_SCORE_MAX
 */
void
lc_score_bar_set_score (LcScoreBar *self,
                        int         score)
{
  g_return_if_fail (LC_IS_SCORE_BAR (self));
  g_return_if_fail (score >= 0 && score <= LC_SCORE_MAX);

  if (self->score == score)
    return;

  self->score = score;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCORE]);
}
