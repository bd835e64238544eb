/* lc-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lc-application.h"
#include "lc-backups.h"
#include "lc-paths.h"
#include "lc-window.h"
#include "lc-preferences-dialog.h"

struct _LcPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToggleGroup       *style_toggles;
  AdwSwitchRow         *lymph_row;
  AdwActionRow         *data_row;
  AdwActionRow         *voice_problem_row;
  AdwSwitchRow         *voice_row;
  AdwActionRow         *volume_row;
  GtkScale             *volume_scale;
  AdwActionRow         *rate_row;
  GtkScale             *rate_scale;
  AdwSwitchRow         *count_row;
  AdwSwitchRow         *ticks_row;
};

G_DEFINE_FINAL_TYPE (LcPreferencesDialog, lc_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static GFile *
backups_dir (void)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();

  return g_file_get_child (data_dir, "backups");
}

static LcDiary *
get_diary (void)
{
  GApplication *app = g_application_get_default ();

  return LC_IS_APPLICATION (app) ? lc_application_get_diary (LC_APPLICATION (app)) : NULL;
}

static char *
describe_backup (LcBackupInfo *info)
{
  /* Translators: date and time of a backup; see g_date_time_format() */
  return g_date_time_format (info->made, info->before_restore ? _("%x, %H:%M") : "%x");
}

static void
restore_response_cb (AdwAlertDialog      *alert,
                     GAsyncResult        *result,
                     LcPreferencesDialog *self)
{
  const char *response = adw_alert_dialog_choose_finish (alert, result);
  GFile *backup = g_object_get_data (G_OBJECT (alert), "backup");
  LcDiary *diary = get_diary ();

  if (g_str_equal (response, "restore") && diary != NULL)
    {
      g_autoptr(GFile) dir = backups_dir ();
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GError) error = NULL;

      if (lc_backups_restore (diary, backup, dir, now, &error))
        {
          GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));

          if (LC_IS_WINDOW (window))
            lc_window_reload_diary (LC_WINDOW (window));
          adw_preferences_dialog_pop_subpage (ADW_PREFERENCES_DIALOG (self));
          adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                            adw_toast_new (_("Backup restored")));
        }
      else
        {
          AdwDialog *failed = adw_alert_dialog_new (_("The Backup Could Not Be Restored"), error->message);

          adw_alert_dialog_add_response (ADW_ALERT_DIALOG (failed), "close", _("_OK"));
          adw_dialog_present (failed, GTK_WIDGET (self));
        }
    }

  g_object_unref (self);
}

static void
restore_clicked_cb (GtkButton           *button,
                    LcPreferencesDialog *self)
{
  LcBackupInfo *info = g_object_get_data (G_OBJECT (button), "info");
  g_autofree char *date = describe_backup (info);
  g_autofree char *body = NULL;
  AdwDialog *alert;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The diary will hold the %d entry of the backup from %s. "
                                       "The diary as it is now is kept as a backup first.",
                                       "The diary will hold the %d entries of the backup from %s. "
                                       "The diary as it is now is kept as a backup first.",
                                       info->n_entries),
                          (int) info->n_entries, date);
  alert = adw_alert_dialog_new (_("Restore This Backup?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data_full (G_OBJECT (alert), "backup", g_object_ref (info->file), g_object_unref);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) restore_response_cb, g_object_ref (self));
}

static void
restore_activated_cb (LcPreferencesDialog *self)
{
  g_autoptr(GFile) dir = backups_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = lc_backups_list (dir, &error);
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  AdwNavigationPage *subpage;

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), page);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-save-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Backups Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       error != NULL ? error->message
                                                     : _("The first backup is made a few seconds after the diary is opened."));
      adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), status);
    }

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      LcBackupInfo *info = g_steal_pointer (&backups->pdata[i]);
      g_autofree char *date = describe_backup (info);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (info->n_entries < 0)
        subtitle = g_strdup (_("Can’t be read"));
      else if (info->before_restore)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry, saved before a restore",
                                                 "%d entries, saved before a restore", info->n_entries),
                                    (int) info->n_entries);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry",
                                                 "%d entries", info->n_entries),
                                    (int) info->n_entries);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (info->n_entries >= 0)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (button), "info", info, (GDestroyNotify) lc_backup_info_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        lc_backup_info_free (info);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  subpage = adw_navigation_page_new (view, _("Restore from a Backup"));
  adw_preferences_dialog_push_subpage (ADW_PREFERENCES_DIALOG (self), subpage);
}

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

static LcCuePlayer *
get_cue_player (void)
{
  GApplication *app = g_application_get_default ();

  return LC_IS_APPLICATION (app) ? lc_application_get_cue_player (LC_APPLICATION (app)) : NULL;
}

static void
voice_problem_cb (LcPreferencesDialog *self)
{
  LcCuePlayer *player = get_cue_player ();
  const char *problem = player != NULL ? lc_cue_player_get_problem (player) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->voice_problem_row), problem != NULL);
  if (problem != NULL)
    adw_action_row_set_subtitle (self->voice_problem_row, problem);
}

static void
sample_activated_cb (LcPreferencesDialog *self)
{
  LcCuePlayer *player = get_cue_player ();

  if (player == NULL)
    return;

  if (!adw_switch_row_get_active (self->voice_row))
    {
      lc_cue_player_tick (player);
      return;
    }
  lc_cue_player_say (player, _("Heel raises. Lift both heels, then lower them slowly."));
}

static gboolean
rate_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
rate_set_mapping (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) round (g_value_get_double (value)));
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

  g_settings_bind (self->settings, "voice-enabled", self->voice_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "voice-volume", gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "voice-rate",
                                gtk_range_get_adjustment (GTK_RANGE (self->rate_scale)), "value",
                                G_SETTINGS_BIND_DEFAULT, rate_get_mapping, rate_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "count-repetitions", self->count_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "countdown-ticks", self->ticks_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->voice_row, "active", self->rate_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->voice_row, "active", self->count_row, "sensitive", G_BINDING_SYNC_CREATE);

  if (get_cue_player () != NULL)
    {
      g_signal_connect_object (get_cue_player (), "notify::problem", G_CALLBACK (voice_problem_cb),
                               self, G_CONNECT_SWAPPED);
      voice_problem_cb (self);
    }

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
  if (self->voice_row != NULL)
    {
      g_settings_unbind (self->voice_row, "active");
      g_settings_unbind (gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value");
      g_settings_unbind (gtk_range_get_adjustment (GTK_RANGE (self->rate_scale)), "value");
      g_settings_unbind (self->count_row, "active");
      g_settings_unbind (self->ticks_row, "active");
    }
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
  gtk_widget_class_bind_template_callback (widget_class, restore_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, data_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, voice_problem_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, voice_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, volume_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, volume_scale);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, rate_scale);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, ticks_row);
  gtk_widget_class_bind_template_callback (widget_class, sample_activated_cb);
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
