/* lc-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-paths.h"
#include "lc-preferences-dialog.h"

struct _LcPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToggleGroup       *style_toggles;
  AdwSwitchRow         *lymph_row;
  AdwActionRow         *data_row;
};

G_DEFINE_FINAL_TYPE (LcPreferencesDialog, lc_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The setting has three values (not asked yet, no, yes); the switch shows yes. */
static gboolean
lymph_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "yes"));
  return TRUE;
}

static GVariant *
lymph_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "yes" : "no");
}

static void
lc_preferences_dialog_constructed (GObject *object)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (object);
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();
  g_autofree char *data_path = g_file_get_path (data_dir);

  G_OBJECT_CLASS (lc_preferences_dialog_parent_class)->constructed (object);

  /* Toggle names are the enum's nicks: default, light, dark. */
  g_settings_bind (self->settings, "color-scheme", self->style_toggles, "active-name",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind_with_mapping (self->settings, "lymph-node-treatment", self->lymph_row, "active",
                                G_SETTINGS_BIND_DEFAULT, lymph_get_mapping, lymph_set_mapping,
                                NULL, NULL);

  /* Shown as people know it: ~/.local/share/legcare */
  if (g_str_has_prefix (data_path, g_get_home_dir ()) &&
      data_path[strlen (g_get_home_dir ())] == G_DIR_SEPARATOR)
    {
      g_autofree char *short_path = g_strconcat ("~", data_path + strlen (g_get_home_dir ()), NULL);

      adw_action_row_set_subtitle (self->data_row, short_path);
    }
  else
    adw_action_row_set_subtitle (self->data_row, data_path);
}

static void
lc_preferences_dialog_dispose (GObject *object)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (object);

  if (self->style_toggles != NULL)
    g_settings_unbind (self->style_toggles, "active-name");
  if (self->lymph_row != NULL)
    g_settings_unbind (self->lymph_row, "active");
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_preferences_dialog_parent_class)->dispose (object);
}

static void
lc_preferences_dialog_class_init (LcPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_preferences_dialog_constructed;
  object_class->dispose = lc_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, style_toggles);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, lymph_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, data_row);
}

static void
lc_preferences_dialog_init (LcPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

LcPreferencesDialog *
lc_preferences_dialog_new (void)
{
  return g_object_new (LC_TYPE_PREFERENCES_DIALOG, NULL);
}
