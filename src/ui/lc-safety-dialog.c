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
 * and from the main menu at any time. */
struct _LcSafetyDialog
{
  AdwDialog  parent_instance;

  GSettings *settings;

  /* Template widgets */
  GtkButton *acknowledge_button;
  GtkLabel  *emergency_heading;
};

G_DEFINE_FINAL_TYPE (LcSafetyDialog, lc_safety_dialog, ADW_TYPE_DIALOG)

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
lc_safety_dialog_class_init (LcSafetyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_safety_dialog_constructed;
  object_class->dispose = lc_safety_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-safety-dialog.ui");
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
