/* lc-illustration-choice.c: a built-in illustration in the step editor's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thumbnail beside the illustration's name, and a check mark on the
 * chosen one, as a combo row's own list has.
 */

#include "config.h"

#include "lc-illustration.h"
#include "lc-illustration-choice.h"

/* The same size in every row, whether its name takes one line or two */
#define THUMBNAIL_WIDTH  48
#define THUMBNAIL_HEIGHT 36

struct _LcIllustrationChoice
{
  GtkBox      parent_instance;

  char       *illustration;
  gboolean    selected;
  GtkWidget  *thumbnail;

  /* Template widgets */
  GtkLabel   *label;
  GtkWidget  *check;
};

G_DEFINE_FINAL_TYPE (LcIllustrationChoice, lc_illustration_choice, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ILLUSTRATION,
  PROP_LABEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_illustration_choice_dispose (GObject *object)
{
  LcIllustrationChoice *self = LC_ILLUSTRATION_CHOICE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ILLUSTRATION_CHOICE);
  /* A child of the box, which lets go of it */
  self->thumbnail = NULL;

  G_OBJECT_CLASS (lc_illustration_choice_parent_class)->dispose (object);
}

static void
lc_illustration_choice_finalize (GObject *object)
{
  LcIllustrationChoice *self = LC_ILLUSTRATION_CHOICE (object);

  g_free (self->illustration);

  G_OBJECT_CLASS (lc_illustration_choice_parent_class)->finalize (object);
}

static void
lc_illustration_choice_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LcIllustrationChoice *self = LC_ILLUSTRATION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      g_value_set_string (value, self->illustration);
      break;

    case PROP_LABEL:
      g_value_set_string (value, lc_illustration_choice_get_label (self));
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_illustration_choice_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LcIllustrationChoice *self = LC_ILLUSTRATION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      lc_illustration_choice_set_illustration (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      lc_illustration_choice_set_label (self, g_value_get_string (value));
      break;

    case PROP_SELECTED:
      lc_illustration_choice_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_illustration_choice_class_init (LcIllustrationChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_illustration_choice_dispose;
  object_class->finalize = lc_illustration_choice_finalize;
  object_class->get_property = lc_illustration_choice_get_property;
  object_class->set_property = lc_illustration_choice_set_property;

  /**
   * LcIllustrationChoice:illustration:
   *
   * The built-in illustration's name (its file name without .svg), or
   * %NULL for none.
   */
  properties [PROP_ILLUSTRATION] =
    g_param_spec_string ("illustration", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * LcIllustrationChoice:label:
   *
   * What the illustration shows, for people.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * LcIllustrationChoice:selected:
   *
   * Whether this is the chosen illustration: it has a check mark.
   */
  properties [PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-illustration-choice.ui");
  gtk_widget_class_bind_template_child (widget_class, LcIllustrationChoice, label);
  gtk_widget_class_bind_template_child (widget_class, LcIllustrationChoice, check);
}

static void
lc_illustration_choice_init (LcIllustrationChoice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The name says it all: the row is read as the name. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
lc_illustration_choice_new (void)
{
  return g_object_new (LC_TYPE_ILLUSTRATION_CHOICE, NULL);
}

const char *
lc_illustration_choice_get_illustration (LcIllustrationChoice *self)
{
  g_return_val_if_fail (LC_IS_ILLUSTRATION_CHOICE (self), NULL);

  return self->illustration;
}

/**
 * lc_illustration_choice_set_illustration:
 * @name: (nullable): a built-in illustration's name; %NULL for none
 */
void
lc_illustration_choice_set_illustration (LcIllustrationChoice *self,
                                         const char           *name)
{
  g_return_if_fail (LC_IS_ILLUSTRATION_CHOICE (self));

  if (!g_set_str (&self->illustration, name))
    return;

  if (self->thumbnail != NULL)
    gtk_box_remove (GTK_BOX (self), g_steal_pointer (&self->thumbnail));
  if (name != NULL)
    {
      /* The thumbnail has no text of its own: the label names it. */
      self->thumbnail = lc_illustration_new (name, NULL, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
      gtk_widget_set_size_request (self->thumbnail, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
      gtk_widget_set_valign (self->thumbnail, GTK_ALIGN_CENTER);
      gtk_box_prepend (GTK_BOX (self), self->thumbnail);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ILLUSTRATION]);
}

const char *
lc_illustration_choice_get_label (LcIllustrationChoice *self)
{
  g_return_val_if_fail (LC_IS_ILLUSTRATION_CHOICE (self), NULL);

  return gtk_label_get_label (self->label);
}

void
lc_illustration_choice_set_label (LcIllustrationChoice *self,
                                  const char           *label)
{
  g_return_if_fail (LC_IS_ILLUSTRATION_CHOICE (self));

  if (g_strcmp0 (label, gtk_label_get_label (self->label)) == 0)
    return;

  gtk_label_set_label (self->label, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

gboolean
lc_illustration_choice_get_selected (LcIllustrationChoice *self)
{
  g_return_val_if_fail (LC_IS_ILLUSTRATION_CHOICE (self), FALSE);

  return self->selected;
}

void
lc_illustration_choice_set_selected (LcIllustrationChoice *self,
                                     gboolean              selected)
{
  g_return_if_fail (LC_IS_ILLUSTRATION_CHOICE (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  /* Hidden by its opacity, so every row keeps the mark's width. */
  gtk_widget_set_opacity (self->check, selected ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}
