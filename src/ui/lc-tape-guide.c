/* lc-tape-guide.c: where the tape goes next, on a picture of the leg
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A side view of a leg from the foot to the thigh, standing, drawn to
 * scale in centimetres so that a mark at every measuring height lands
 * where the tape goes: the first at the narrowest point above the ankle
 * bone, then one every spacing up. The point being typed is blue with its
 * height beside it, the ones filled in are solid with a tick, the rest
 * dashed. The leg is drawn in code rather than from an SVG because it
 * grows with the number of points and follows the widget's colour (light,
 * dark, high contrast); the shapes and the blue follow the illustrations'
 * style (DESIGN.md). The left leg is seen from the left, toes to the
 * left; the right one mirrored.
 *
 * For screen readers it is one image whose description names the leg,
 * the point and its height; it changes with the point, not with what is
 * typed.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-tape-guide.h"

#define MAX_POINTS 64

struct _LcTapeGuide
{
  GtkWidget parent_instance;

  guint     n_points;
  guint     spacing_mm;
  LcLeg     leg;
  guint     index;
  guint64   done[LC_N_LEGS];
  char     *description;
  int       natural_height;
};

G_DEFINE_FINAL_TYPE (LcTapeGuide, lc_tape_guide, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NATURAL_HEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  float x;
  float y;
} Point;

/* The outline of a left leg seen from the left, in cm: y up from the
 * narrowest point above the ankle, x forward (toes) negative. From the
 * front of the thigh down the shin, round the foot, up the calf; the top
 * (the thigh, at TOP) is added by leg_outline(). */
static const Point front[] = {
  { -7.4f, 56.f },
  { -6.0f, 46.f },
  { -6.3f, 40.f },  /* the kneecap */
  { -5.0f, 33.f },
  { -4.6f, 24.f },
  { -3.9f, 12.f },
  { -3.3f, 3.f },
  { -3.2f, -1.f },
};

static const Point foot[] = {
  { -3.9f, -5.5f },
  { -7.5f, -7.6f },
  { -13.f, -9.3f },
  { -18.4f, -10.4f },
  { -19.6f, -11.1f },  /* the toes */
  { -18.4f, -11.6f },
  { -6.f, -11.6f },
  { 2.6f, -11.6f },
  { 4.9f, -10.6f },    /* the heel */
  { 5.1f, -8.4f },
  { 3.7f, -5.4f },
};

static const Point back[] = {
  { 3.0f, -1.f },      /* the Achilles tendon */
  { 3.2f, 3.f },
  { 4.6f, 11.f },
  { 6.8f, 21.f },      /* the calf */
  { 7.0f, 27.f },
  { 5.7f, 34.f },
  { 5.2f, 39.f },      /* the back of the knee */
  { 6.2f, 46.f },
  { 7.8f, 56.f },
};

#define SOLE        (-11.6f)
#define TOES        (-19.6f)
#define THIGH_FRONT (-7.8f)
#define THIGH_BACK  (8.2f)
#define OVERHANG    1.4f    /* how far a mark reaches past the skin */
#define MIN_TOP     62.f    /* mid-thigh */
#define ANKLE_BONE_X 0.4f
#define ANKLE_BONE_Y (-4.6f)

/* Screen space, in px */
#define MARGIN      6.f
#define GAP         14.f
#define MAX_SCALE   6.f
#define MIN_HEIGHT  120
#define NAT_HEIGHT  140

typedef struct
{
  float scale;   /* px per cm */
  float x0;      /* where the leg's extent starts, px */
  float y0;
  float top;     /* cm */
  gboolean mirror;
} Layout;

static float
top_cm (LcTapeGuide *self)
{
  float highest = self->n_points > 0 ? (self->n_points - 1) * self->spacing_mm / 10.f : 0;

  return MAX (MIN_TOP, highest + 6.f);
}

static float
screen_x (const Layout *layout,
          float         x)
{
  float left = TOES;
  float right = THIGH_BACK + OVERHANG;

  if (layout->mirror)
    return layout->x0 + (right - x) * layout->scale;
  return layout->x0 + (x - left) * layout->scale;
}

static float
screen_y (const Layout *layout,
          float         y)
{
  return layout->y0 + (layout->top - y) * layout->scale;
}

static graphene_point_t
to_screen (const Layout *layout,
           Point         p)
{
  return GRAPHENE_POINT_INIT (screen_x (layout, p.x), screen_y (layout, p.y));
}

/* The skin's edge at @y (cm), front and back, between the outline's points */
static float
edge_at (const Point *edge,
         guint        n,
         float        y,
         gboolean     descending)
{
  for (guint i = 0; i + 1 < n; i++)
    {
      const Point *a = &edge[descending ? i : n - 1 - i];
      const Point *b = &edge[descending ? i + 1 : n - 2 - i];

      if (y <= a->y && y >= b->y)
        return a->x + (b->x - a->x) * (y - a->y) / (b->y - a->y);
    }
  return descending ? edge[0].x : edge[n - 1].x;
}

static float
front_at (float y)
{
  return edge_at (front, G_N_ELEMENTS (front), y, TRUE);
}

static float
back_at (float y)
{
  return edge_at (back, G_N_ELEMENTS (back), y, FALSE);
}

static char *
height_text (guint height_cm)
{
  /* Translators: on the picture, beside the point being measured: its height above the first, in cm */
  return g_strdup_printf (_("%u cm"), height_cm);
}

static PangoLayout *
label_layout (LcTapeGuide *self,
              const char  *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* The blue label's size: as wide as the widest height, so that the leg
 * doesn't move when the point does */
static void
label_size (LcTapeGuide *self,
            int         *width,
            int         *height)
{
  guint widest = self->n_points > 0 ? (self->n_points - 1) * self->spacing_mm / 10 : 0;
  g_autofree char *text = height_text (MAX (widest, 88));
  g_autoptr(PangoLayout) layout = label_layout (self, text);

  pango_layout_get_pixel_size (layout, width, height);
  *width += 16;
  *height += 6;
}

static void
compute_layout (LcTapeGuide *self,
                Layout      *layout)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int label_width;
  int label_height;
  float extent_x = THIGH_BACK + OVERHANG - TOES;
  float extent_y;
  float used;

  label_size (self, &label_width, &label_height);
  layout->top = top_cm (self);
  layout->mirror = self->leg == LC_LEG_RIGHT;
  extent_y = layout->top - SOLE;
  layout->scale = MIN (MAX_SCALE, MIN ((width - 2 * MARGIN - GAP - label_width) / extent_x,
                                       (height - 2 * MARGIN) / extent_y));
  layout->scale = MAX (layout->scale, 0.5f);
  used = extent_x * layout->scale + GAP + label_width;
  layout->x0 = floorf ((width - used) / 2);
  layout->y0 = floorf ((height - extent_y * layout->scale) / 2);
}

/* A smooth curve through @points (Catmull-Rom as cubic Béziers) */
static void
add_curve (GskPathBuilder *builder,
           const Layout   *layout,
           const Point    *points,
           guint           n,
           gboolean        move)
{
  for (guint i = 0; i < n; i++)
    {
      graphene_point_t p = to_screen (layout, points[i]);

      if (i == 0)
        {
          if (move)
            gsk_path_builder_move_to (builder, p.x, p.y);
          else
            gsk_path_builder_line_to (builder, p.x, p.y);
          continue;
        }
      {
        graphene_point_t p0 = to_screen (layout, points[i >= 2 ? i - 2 : 0]);
        graphene_point_t p1 = to_screen (layout, points[i - 1]);
        graphene_point_t p3 = to_screen (layout, points[i + 1 < n ? i + 1 : i]);

        gsk_path_builder_cubic_to (builder,
                                   p1.x + (p.x - p0.x) / 6, p1.y + (p.y - p0.y) / 6,
                                   p.x - (p3.x - p1.x) / 6, p.y - (p3.y - p1.y) / 6,
                                   p.x, p.y);
      }
    }
}

/* The leg, open at the top where the thigh goes on */
static GskPath *
leg_outline (const Layout *layout)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  Point outline[G_N_ELEMENTS (front) + G_N_ELEMENTS (foot) + G_N_ELEMENTS (back) + 2];
  guint n = 0;

  outline[n++] = (Point) { THIGH_FRONT, layout->top };
  for (guint i = 0; i < G_N_ELEMENTS (front); i++)
    outline[n++] = front[i];
  for (guint i = 0; i < G_N_ELEMENTS (foot); i++)
    outline[n++] = foot[i];
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    outline[n++] = back[i];
  outline[n++] = (Point) { THIGH_BACK, layout->top };

  add_curve (builder, layout, outline, n, TRUE);
  return gsk_path_builder_free_to_path (g_steal_pointer (&builder));
}

static void
append_line (GtkSnapshot           *snapshot,
             float                  x1,
             float                  y1,
             float                  x2,
             float                  y2,
             float                  width,
             const float           *dashes,
             guint                  n_dashes,
             const GdkRGBA         *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  GskStroke *stroke = gsk_stroke_new (width);

  gsk_stroke_set_line_cap (stroke, GSK_LINE_CAP_ROUND);
  if (n_dashes > 0)
    gsk_stroke_set_dash (stroke, dashes, n_dashes);
  gsk_path_builder_move_to (builder, x1, y1);
  gsk_path_builder_line_to (builder, x2, y2);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
  gsk_stroke_free (stroke);
}

/* A small tick: this point is filled in */
static void
append_tick (GtkSnapshot   *snapshot,
             float          x,
             float          y,
             float          size,
             const GdkRGBA *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  GskStroke *stroke = gsk_stroke_new (2.f);

  gsk_stroke_set_line_cap (stroke, GSK_LINE_CAP_ROUND);
  gsk_stroke_set_line_join (stroke, GSK_LINE_JOIN_ROUND);
  gsk_path_builder_move_to (builder, x, y);
  gsk_path_builder_line_to (builder, x + size * 0.35f, y + size * 0.35f);
  gsk_path_builder_line_to (builder, x + size, y - size * 0.45f);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
  gsk_stroke_free (stroke);
}

static void
append_circle (GtkSnapshot   *snapshot,
               float          x,
               float          y,
               float          radius,
               const GdkRGBA *fill,
               const GdkRGBA *line)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  GskStroke *stroke = gsk_stroke_new (1.5f);

  gsk_path_builder_add_circle (builder, &GRAPHENE_POINT_INIT (x, y), radius);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_fill (snapshot, path, GSK_FILL_RULE_WINDING, fill);
  gtk_snapshot_append_stroke (snapshot, path, stroke, line);
  gsk_stroke_free (stroke);
}

static void
lc_tape_guide_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LcTapeGuide *self = LC_TAPE_GUIDE (widget);
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  const float dashes[] = { 4.f, 4.f };
  Layout layout;
  g_autoptr(GskPath) outline = NULL;
  GskStroke *stroke;
  GdkRGBA color;
  GdkRGBA skin;
  GdkRGBA line;
  GdkRGBA pending;
  GdkRGBA done;
  GdkRGBA blue;
  GdkRGBA on_blue = { 1, 1, 1, 1 };
  GdkRGBA bone;
  float label_x;
  int label_width;
  int label_height;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  compute_layout (self, &layout);
  label_size (self, &label_width, &label_height);
  label_x = layout.x0 + (THIGH_BACK + OVERHANG - TOES) * layout.scale + GAP;

  /* Greys from the text colour, so that they read on light, dark and
   * high contrast alike; the blue and the ankle bone's orange as in the
   * illustrations */
  gtk_widget_get_color (widget, &color);
  skin = color;
  skin.alpha = high_contrast ? 0.16f : 0.1f;
  line = color;
  line.alpha = high_contrast ? 1.f : 0.6f;
  pending = color;
  pending.alpha = high_contrast ? 0.9f : 0.5f;
  done = color;
  done.alpha = high_contrast ? 1.f : 0.8f;
  adw_accent_color_to_rgba (ADW_ACCENT_COLOR_BLUE, &blue);
  adw_accent_color_to_rgba (ADW_ACCENT_COLOR_ORANGE, &bone);

  /* The leg */
  outline = leg_outline (&layout);
  gtk_snapshot_append_fill (snapshot, outline, GSK_FILL_RULE_WINDING, &skin);
  stroke = gsk_stroke_new (high_contrast ? 2.5f : 2.f);
  gsk_stroke_set_line_join (stroke, GSK_LINE_JOIN_ROUND);
  gsk_stroke_set_line_cap (stroke, GSK_LINE_CAP_ROUND);
  gtk_snapshot_append_stroke (snapshot, outline, stroke, &line);
  gsk_stroke_free (stroke);

  /* The ankle bone, the landmark the first point is just above */
  append_circle (snapshot, screen_x (&layout, ANKLE_BONE_X), screen_y (&layout, ANKLE_BONE_Y),
                 MAX (3.f, 1.3f * layout.scale), &bone, &line);

  /* A mark at each height, the current one last, on top */
  for (guint i = 0; i < self->n_points; i++)
    {
      float y_cm = i * self->spacing_mm / 10.f;
      float y = screen_y (&layout, y_cm);
      float a = screen_x (&layout, front_at (y_cm) - OVERHANG);
      float b = screen_x (&layout, back_at (y_cm) + OVERHANG);
      gboolean is_done = i < MAX_POINTS && (self->done[self->leg] & (G_GUINT64_CONSTANT (1) << i)) != 0;

      if (i == self->index)
        continue;
      if (is_done)
        {
          append_line (snapshot, a, y, b, y, 2.f, NULL, 0, &done);
          append_tick (snapshot, MAX (a, b) + 3.f, y, 7.f, &done);
        }
      else
        append_line (snapshot, a, y, b, y, high_contrast ? 2.f : 1.5f, dashes, G_N_ELEMENTS (dashes), &pending);
    }

  if (self->index < self->n_points)
    {
      float y_cm = self->index * self->spacing_mm / 10.f;
      float y = screen_y (&layout, y_cm);
      float a = screen_x (&layout, front_at (y_cm) - OVERHANG);
      float b = screen_x (&layout, back_at (y_cm) + OVERHANG);
      g_autofree char *text = height_text (self->index * self->spacing_mm / 10);
      g_autoptr(PangoLayout) pango = label_layout (self, text);
      float label_y;
      GskRoundedRect pill;
      int text_width;
      int text_height;

      /* The tape round the leg, then on to its label */
      append_line (snapshot, MIN (a, b), y, label_x, y, 2.f, NULL, 0, &blue);
      append_line (snapshot, a, y, b, y, MAX (4.f, MIN (8.f, 1.2f * layout.scale)), NULL, 0, &blue);

      label_y = CLAMP (y - label_height / 2.f, 0, gtk_widget_get_height (widget) - label_height);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (label_x, label_y, label_width, label_height),
                                       label_height / 2.f);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &blue, &pill.bounds);
      gtk_snapshot_pop (snapshot);

      pango_layout_get_pixel_size (pango, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label_x + (label_width - text_width) / 2.f,
                                                              label_y + (label_height - text_height) / 2.f));
      gtk_snapshot_append_layout (snapshot, pango, &on_blue);
      gtk_snapshot_restore (snapshot);
    }
}

static void
lc_tape_guide_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LcTapeGuide *self = LC_TAPE_GUIDE (widget);
  int label_width;
  int label_height;

  label_size (self, &label_width, &label_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      float extent = THIGH_BACK + OVERHANG - TOES;
      float scale = MIN (MAX_SCALE, (float) self->natural_height / (top_cm (self) - SOLE));

      *minimum = (int) ceilf (2 * MARGIN + GAP + label_width + extent * 1.f);
      *natural = MAX (*minimum, (int) ceilf (2 * MARGIN + GAP + label_width + extent * scale));
    }
  else
    {
      *minimum = MAX (MIN_HEIGHT, label_height);
      *natural = MAX (MAX (MIN_HEIGHT, self->natural_height), label_height);
    }
}

static void
update_description (LcTapeGuide *self)
{
  g_autofree char *text = NULL;
  guint height = self->index * self->spacing_mm / 10;

  if (self->n_points == 0 || self->index >= self->n_points)
    text = g_strdup ("");
  else if (self->index == 0 && self->leg == LC_LEG_LEFT)
    /* Translators: the picture's description for a screen reader; the tape's point on the leg, counted from 1 */
    text = g_strdup_printf (_("Tape position: left leg, point %u of %u, at the narrowest point above the ankle"),
                            self->index + 1, self->n_points);
  else if (self->index == 0)
    /* Translators: the picture's description for a screen reader; the tape's point on the leg, counted from 1 */
    text = g_strdup_printf (_("Tape position: right leg, point %u of %u, at the narrowest point above the ankle"),
                            self->index + 1, self->n_points);
  else if (self->leg == LC_LEG_LEFT)
    /* Translators: the picture's description for a screen reader: the tape's point (from 1) and its height */
    text = g_strdup_printf (_("Tape position: left leg, point %u of %u, %u cm above the narrowest point of the ankle"),
                            self->index + 1, self->n_points, height);
  else
    /* Translators: the picture's description for a screen reader: the tape's point (from 1) and its height */
    text = g_strdup_printf (_("Tape position: right leg, point %u of %u, %u cm above the narrowest point of the ankle"),
                            self->index + 1, self->n_points, height);

  /* Only when it changes: a description set again is news to some screen
   * readers */
  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
lc_tape_guide_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LcTapeGuide *self = LC_TAPE_GUIDE (object);

  switch (prop_id)
    {
    case PROP_NATURAL_HEIGHT:
      g_value_set_int (value, self->natural_height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_tape_guide_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LcTapeGuide *self = LC_TAPE_GUIDE (object);

  switch (prop_id)
    {
    case PROP_NATURAL_HEIGHT:
      if (self->natural_height != g_value_get_int (value))
        {
          self->natural_height = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_tape_guide_finalize (GObject *object)
{
  LcTapeGuide *self = LC_TAPE_GUIDE (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lc_tape_guide_parent_class)->finalize (object);
}

static void
lc_tape_guide_class_init (LcTapeGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lc_tape_guide_finalize;
  object_class->get_property = lc_tape_guide_get_property;
  object_class->set_property = lc_tape_guide_set_property;

  widget_class->snapshot = lc_tape_guide_snapshot;
  widget_class->measure = lc_tape_guide_measure;

  /**
   * LcTapeGuide:natural-height:
   *
   * The height it asks for when there is room; it takes less down to a
   * small picture, so that it never makes what holds it taller.
   */
  properties [PROP_NATURAL_HEIGHT] =
    g_param_spec_int ("natural-height", NULL, NULL, MIN_HEIGHT, G_MAXINT, NAT_HEIGHT,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tapeguide");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lc_tape_guide_init (LcTapeGuide *self)
{
  self->n_points = 6;
  self->spacing_mm = 80;
  self->leg = LC_LEG_LEFT;
  self->natural_height = NAT_HEIGHT;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Where the tape goes"), -1);
  update_description (self);
}

GtkWidget *
lc_tape_guide_new (void)
{
  return g_object_new (LC_TYPE_TAPE_GUIDE, NULL);
}

/**
 * lc_tape_guide_set_points:
 * @n_points: how many heights, the first at the narrowest point above the ankle
 * @spacing_mm: the distance between them
 *
 * Which points were filled in stays as it was.
 */
void
lc_tape_guide_set_points (LcTapeGuide *self,
                          guint        n_points,
                          guint        spacing_mm)
{
  g_return_if_fail (LC_IS_TAPE_GUIDE (self));
  g_return_if_fail (spacing_mm > 0);

  n_points = MIN (n_points, MAX_POINTS);
  if (self->n_points == n_points && self->spacing_mm == spacing_mm)
    return;

  self->n_points = n_points;
  self->spacing_mm = spacing_mm;
  if (n_points > 0)
    self->index = MIN (self->index, n_points - 1);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lc_tape_guide_get_n_points (LcTapeGuide *self)
{
  g_return_val_if_fail (LC_IS_TAPE_GUIDE (self), 0);

  return self->n_points;
}

guint
lc_tape_guide_get_spacing_mm (LcTapeGuide *self)
{
  g_return_val_if_fail (LC_IS_TAPE_GUIDE (self), 0);

  return self->spacing_mm;
}

/**
 * lc_tape_guide_set_current:
 * @leg: the leg being measured
 * @index: its point, from 0 at the ankle
 *
 * The point highlighted, on @leg's picture.
 */
void
lc_tape_guide_set_current (LcTapeGuide *self,
                           LcLeg        leg,
                           guint        index)
{
  g_return_if_fail (LC_IS_TAPE_GUIDE (self));
  g_return_if_fail (leg < LC_N_LEGS);

  if (self->leg == leg && self->index == index)
    return;

  self->leg = leg;
  self->index = index;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lc_tape_guide_get_current (LcTapeGuide *self,
                           LcLeg       *leg,
                           guint       *index)
{
  g_return_if_fail (LC_IS_TAPE_GUIDE (self));

  if (leg != NULL)
    *leg = self->leg;
  if (index != NULL)
    *index = self->index;
}

/**
 * lc_tape_guide_set_done:
 *
 * Whether point @index of @leg is filled in: drawn solid, with a tick.
 */
void
lc_tape_guide_set_done (LcTapeGuide *self,
                        LcLeg        leg,
                        guint        index,
                        gboolean     done)
{
  guint64 bit;
  guint64 before;

  g_return_if_fail (LC_IS_TAPE_GUIDE (self));
  g_return_if_fail (leg < LC_N_LEGS);

  if (index >= MAX_POINTS)
    return;

  bit = G_GUINT64_CONSTANT (1) << index;
  before = self->done[leg];
  if (done)
    self->done[leg] |= bit;
  else
    self->done[leg] &= ~bit;
  if (self->done[leg] != before && leg == self->leg)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
lc_tape_guide_get_done (LcTapeGuide *self,
                        LcLeg        leg,
                        guint        index)
{
  g_return_val_if_fail (LC_IS_TAPE_GUIDE (self), FALSE);
  g_return_val_if_fail (leg < LC_N_LEGS, FALSE);

  return index < MAX_POINTS && (self->done[leg] & (G_GUINT64_CONSTANT (1) << index)) != 0;
}
