/* lc-safety-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-safety-dialog.h"

/* What the app is and is not, and when to see a doctor instead of doing a
 * routine (shared/CONTENT.md, section 4). Shown once at first start, until
 * the user acknowledges it, and from the main menu at any time. */
struct _LcSafetyDialog
{
  AdwDialog  parent_instance;

  GSettings *settings;

  /* Template widgets */
  GtkButton *acknowledge_button;
};

G_DEFINE_FINAL_TYPE (LcSafetyDialog, lc_safety_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
acknowledge_clicked_cb (LcSafetyDialog *self)
{
  g_settings_set_boolean (self->settings, "safety-acknowledged", TRUE);
  adw_dialog_set_can_close (ADW_DIALOG (self), TRUE);
  adw_dialog_close (ADW_DIALOG (self));
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
}

static void
lc_safety_dialog_dispose (GObject *object)
{
  LcSafetyDialog *self = LC_SAFETY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_SAFETY_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_safety_dialog_parent_class)->dispose (object);
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
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
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
  object_class->set_property = lc_safety_dialog_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-safety-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSafetyDialog, acknowledge_button);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_clicked_cb);
}

static void
lc_safety_dialog_init (LcSafetyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LcSafetyDialog *
lc_safety_dialog_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LC_TYPE_SAFETY_DIALOG,
                       "settings", settings,
                       NULL);
}
