/* lc-safety-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-safety-dialog.h"

/* What the app is and is not, and when to see a doctor instead of doing a
 * routine: signs of a deep vein thrombosis (NHS, "DVT (deep vein
 * thrombosis)"; Gloucestershire Hospitals leaflet), of a skin
 * infection (NHS, "Cellulitis"), a bleeding varicose vein (NICE CG168,
 * 2013, 1.2.1). Shown once at first start, until the user acknowledges it,
 * and from the main menu at any time.
 *
 * With a routine, it is the player's "What to Watch For": when to stop,
 * the routine's own cautions and the same warning signs, in the same
 * words, without what matters only before starting. */
struct _LcSafetyDialog
{
  AdwDialog  parent_instance;

  GSettings *settings;
  LcRoutine *routine;      /* nullable */

  /* Template widgets */
  GtkBox    *content_box;
  GtkLabel  *intro_label;
  GtkLabel  *routine_heading;
  GtkLabel  *routine_label;
  GtkLabel  *ask_heading;
  GtkLabel  *ask_label;
  GtkLabel  *stop_heading;
  GtkLabel  *stop_label;
  GtkButton *acknowledge_button;
  GtkLabel  *emergency_heading;
};

G_DEFINE_FINAL_TYPE (LcSafetyDialog, lc_safety_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
acknowledge_clicked_cb (LcSafetyDialog *self)
{
  if (self->routine == NULL)
    g_settings_set_boolean (self->settings, "safety-acknowledged", TRUE);
  adw_dialog_set_can_close (ADW_DIALOG (self), TRUE);
  adw_dialog_close (ADW_DIALOG (self));
}

/* During a session: when to stop first, then the routine's cautions, then
 * the warning signs; who should ask before starting is past. */
static void
show_for_routine (LcSafetyDialog *self)
{
  const char * const *cautions = lc_routine_get_cautions (self->routine);
  g_autoptr(GString) text = g_string_new (NULL);

  adw_dialog_set_title (ADW_DIALOG (self), _("What to Watch For"));
  adw_dialog_set_can_close (ADW_DIALOG (self), TRUE);
  gtk_button_set_label (self->acknowledge_button, _("_Continue"));

  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ask_heading), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ask_label), FALSE);

  gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->stop_heading), NULL);
  gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->stop_label),
                               GTK_WIDGET (self->stop_heading));
  gtk_widget_set_margin_top (GTK_WIDGET (self->stop_heading), 0);

  for (guint i = 0; cautions[i] != NULL; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", cautions[i]);
  gtk_label_set_label (self->routine_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->routine_heading), cautions[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->routine_label), cautions[0] != NULL);
  gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->routine_heading),
                               GTK_WIDGET (self->stop_label));
  gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->routine_label),
                               GTK_WIDGET (self->routine_heading));
}

static void
lc_safety_dialog_constructed (GObject *object)
{
  LcSafetyDialog *self = LC_SAFETY_DIALOG (object);

  G_OBJECT_CLASS (lc_safety_dialog_parent_class)->constructed (object);

  /* Until it has been acknowledged once, the notice can only be closed with
   * its button, so that nobody skips it by accident. */
  adw_dialog_set_can_close (ADW_DIALOG (self),
                            g_settings_get_boolean (self->settings, "safety-acknowledged"));

  if (self->routine != NULL)
    show_for_routine (self);
}

static void
lc_safety_dialog_dispose (GObject *object)
{
  LcSafetyDialog *self = LC_SAFETY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_SAFETY_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (lc_safety_dialog_parent_class)->dispose (object);
}

static void
lc_safety_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LcSafetyDialog *self = LC_SAFETY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_safety_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LcSafetyDialog *self = LC_SAFETY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_safety_dialog_class_init (LcSafetyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_safety_dialog_constructed;
  object_class->dispose = lc_safety_dialog_dispose;
  object_class->get_property = lc_safety_dialog_get_property;
  object_class->set_property = lc_safety_dialog_set_property;

  /**
   * LcSafetyDialog:routine: (nullable)
   *
   * The routine being played, for What to Watch For; %NULL for the safety
   * notice.
   */
  properties [PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         LC_TYPE_ROUTINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-safety-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, routine_heading);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, routine_label);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, ask_heading);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, ask_label);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, stop_heading);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, stop_label);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, emergency_heading);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_clicked_cb);
}

static void
lc_safety_dialog_init (LcSafetyDialog *self)
{
  g_autofree char *emergency = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: a heading; %s is the emergency number of the user's
   * country ("112", "999", "911") or "your local emergency number" */
  emergency = g_strdup_printf (_("Call %s"), lc_format_emergency_number ());
  gtk_label_set_text (self->emergency_heading, emergency);

  self->settings = g_settings_new (APP_ID);
}

LcSafetyDialog *
lc_safety_dialog_new (void)
{
  return g_object_new (LC_TYPE_SAFETY_DIALOG, NULL);
}

/**
 * lc_safety_dialog_new_for_routine:
 * @routine: the routine being played
 *
 * What to Watch For during a session of @routine: when to stop, its
 * cautions and the warning signs of the safety notice.
 */
LcSafetyDialog *
lc_safety_dialog_new_for_routine (LcRoutine *routine)
{
  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  return g_object_new (LC_TYPE_SAFETY_DIALOG, "routine", routine, NULL);
}

/**
 * lc_safety_dialog_get_routine:
 *
 * Returns: (transfer none) (nullable): the routine of What to Watch For
 */
LcRoutine *
lc_safety_dialog_get_routine (LcSafetyDialog *self)
{
  g_return_val_if_fail (LC_IS_SAFETY_DIALOG (self), NULL);

  return self->routine;
}
