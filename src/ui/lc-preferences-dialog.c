/* lc-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lc-backups.h"
#include "lc-paths.h"
#include "lc-notifier.h"
#include "lc-period.h"
#include "lc-preferences-dialog.h"
#include "lc-widgets.h"

struct _LcPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  LcDiary              *diary;       /* nullable: it could not be opened */
  LcCuePlayer          *cue_player;  /* nullable: no sound */
  LcNotifier           *notifier;    /* nullable: no reminders */
  LcRoutineLibrary     *library;     /* nullable: the routines to remind of */

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwComboRow          *lymph_row;
  AdwActionRow         *data_row;
  AdwActionRow         *voice_problem_row;
  AdwSwitchRow         *voice_row;
  AdwActionRow         *volume_row;
  GtkScale             *volume_scale;
  AdwActionRow         *rate_row;
  GtkScale             *rate_scale;
  AdwSwitchRow         *count_row;
  AdwSwitchRow         *ticks_row;

  AdwActionRow         *background_row;
  AdwActionRow         *next_row;
  AdwExpanderRow       *routine_row;
  AdwComboRow          *routine_combo;
  GtkStringList        *routine_names;
  AdwWrapBox           *days_box;
  GtkSpinButton        *routine_hour;
  GtkSpinButton        *routine_minute;
  AdwExpanderRow       *morning_row;
  GtkSpinButton        *morning_hour;
  GtkSpinButton        *morning_minute;
  AdwExpanderRow       *evening_row;
  GtkSpinButton        *evening_hour;
  GtkSpinButton        *evening_minute;
  AdwExpanderRow       *break_row;
  GtkSpinButton        *break_interval;
  GtkSpinButton        *break_start_hour;
  GtkSpinButton        *break_start_minute;
  GtkSpinButton        *break_end_hour;
  GtkSpinButton        *break_end_minute;
  AdwWrapBox           *break_days_box;
  AdwSwitchRow         *break_active_row;

  GtkToggleButton      *day_toggles[7];   /* Monday first, as LC_WEEKDAY_BIT() */
  GtkToggleButton      *break_day_toggles[7];
  GPtrArray            *routine_ids;      /* of the combo's rows */
  GPtrArray            *backups;          /* LcBackupInfo, of the backups list's rows */
  GFile                *chosen_backup;    /* to restore once the user confirms */
  gboolean              updating;         /* showing the settings, not changing them */
};

G_DEFINE_FINAL_TYPE (LcPreferencesDialog, lc_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

enum {
  PROP_0,
  PROP_DIARY,
  PROP_CUE_PLAYER,
  PROP_NOTIFIER,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
describe_backup (LcBackupInfo *info)
{
  /* Translators: date and time of a backup; see g_date_time_format() */
  return g_date_time_format (info->made, info->before_restore || info->moved_aside ? _("%x, %H:%M") : "%x");
}

static void
restore_response_cb (AdwAlertDialog      *alert,
                     GAsyncResult        *result,
                     LcPreferencesDialog *self)
{
  const char *response = adw_alert_dialog_choose_finish (alert, result);
  g_autoptr(GFile) backup = g_steal_pointer (&self->chosen_backup);

  /* The application restores it, or says why not; the diary then tells
   * this dialog (diary_changed_cb) and every page. */
  if (g_str_equal (response, "restore") && backup != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.restore-backup", "s", g_file_peek_path (backup));

  g_object_unref (self);
}

/* A backup restored: back from the list, and say so */
static void
diary_changed_cb (LcPreferencesDialog *self,
                  guint                what)
{
  if (!(what & LC_DIARY_CHANGE_RESTORED))
    return;

  adw_preferences_dialog_pop_subpage (ADW_PREFERENCES_DIALOG (self));
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self), adw_toast_new (_("Backup restored")));
}

/* prefs.restore-backup(u): the n-th backup of the list, once confirmed */
static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  LcBackupInfo *info;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  AdwDialog *alert;

  if (self->backups == NULL || index >= self->backups->len)
    return;

  info = g_ptr_array_index (self->backups, index);
  date = describe_backup (info);
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
  g_set_object (&self->chosen_backup, info->file);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) restore_response_cb, g_object_ref (self));
}

static void
restore_activated_cb (LcPreferencesDialog *self)
{
  g_autoptr(GFile) dir = lc_paths_get_backups_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = lc_backups_list (dir, &error);
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  AdwNavigationPage *subpage;

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), page);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The rows' buttons say which by their index here */
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_backup_info_free);

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

      if (info->moved_aside && info->n_entries < 0)
        subtitle = g_strdup (_("The diary set aside at start; it can’t be read"));
      else if (info->moved_aside)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry, the diary set aside at start",
                                                 "%d entries, the diary set aside at start", info->n_entries),
                                    (int) info->n_entries);
      else if (info->n_entries < 0)
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
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore-backup");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", self->backups->len);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      g_ptr_array_add (self->backups, info);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  subpage = adw_navigation_page_new (view, _("Restore from a Backup"));
  adw_preferences_dialog_push_subpage (ADW_PREFERENCES_DIALOG (self), subpage);
}

/* A combo row's items are in the order of an enum setting's nicks (@user_data,
 * NULL-terminated): the lymph node answer (not answered yet, no, yes, not
 * sure, so that it shows each answer as it is) and the style. */
static const char * const lymph_answers[] = { "unknown", "no", "yes", "unsure", NULL };
static const char * const color_schemes[] = { "default", "light", "dark", NULL };

static gboolean
nick_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
nick_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static void
voice_problem_cb (LcPreferencesDialog *self)
{
  LcCuePlayer *player = self->cue_player;
  const char *problem = player != NULL ? lc_cue_player_get_problem (player) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->voice_problem_row), problem != NULL);
  if (problem != NULL)
    adw_action_row_set_subtitle (self->voice_problem_row, problem);
}

static void
sample_activated_cb (LcPreferencesDialog *self)
{
  LcCuePlayer *player = self->cue_player;

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

/* --- Reminders ---------------------------------------------------------------- */

typedef struct
{
  const char *key;
  gsize       hour_offset;
  gsize       minute_offset;
} TimeKey;

static const TimeKey time_keys[] = {
  { "routine-reminder-time", G_STRUCT_OFFSET (LcPreferencesDialog, routine_hour),
    G_STRUCT_OFFSET (LcPreferencesDialog, routine_minute) },
  { "diary-reminder-morning-time", G_STRUCT_OFFSET (LcPreferencesDialog, morning_hour),
    G_STRUCT_OFFSET (LcPreferencesDialog, morning_minute) },
  { "diary-reminder-evening-time", G_STRUCT_OFFSET (LcPreferencesDialog, evening_hour),
    G_STRUCT_OFFSET (LcPreferencesDialog, evening_minute) },
  { "sitting-break-start", G_STRUCT_OFFSET (LcPreferencesDialog, break_start_hour),
    G_STRUCT_OFFSET (LcPreferencesDialog, break_start_minute) },
  { "sitting-break-end", G_STRUCT_OFFSET (LcPreferencesDialog, break_end_hour),
    G_STRUCT_OFFSET (LcPreferencesDialog, break_end_minute) },
};

#define TIME_SPIN(self, offset) (G_STRUCT_MEMBER (GtkSpinButton *, (self), (offset)))

static void
time_spin_changed_cb (LcPreferencesDialog *self,
                      GtkSpinButton       *spin)
{
  if (self->updating)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (time_keys); i++)
    {
      GtkSpinButton *hour = TIME_SPIN (self, time_keys[i].hour_offset);
      GtkSpinButton *minute = TIME_SPIN (self, time_keys[i].minute_offset);

      if (spin == hour || spin == minute)
        g_settings_set_uint (self->settings, time_keys[i].key,
                             (guint) (gtk_spin_button_get_value_as_int (hour) * 60 +
                                      gtk_spin_button_get_value_as_int (minute)));
    }
}

static guint
days_of (GtkToggleButton **toggles)
{
  guint days = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (toggles[i]))
      days |= LC_WEEKDAY_BIT (i + 1);

  return days;
}

static void
show_days (GtkToggleButton **toggles,
           guint             days)
{
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (toggles[i], (days & LC_WEEKDAY_BIT (i + 1)) != 0);
}

static void
day_toggled_cb (LcPreferencesDialog *self,
                GtkToggleButton     *toggle)
{
  if (self->updating)
    return;

  if (g_object_get_data (G_OBJECT (toggle), "break-day") != NULL)
    g_settings_set_uint (self->settings, "sitting-break-days", days_of (self->break_day_toggles));
  else
    g_settings_set_uint (self->settings, "routine-reminder-days", days_of (self->day_toggles));
}

static void
routine_selected_cb (LcPreferencesDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->routine_combo);

  if (self->updating || self->routine_ids == NULL || selected >= self->routine_ids->len)
    return;

  g_settings_set_string (self->settings, "routine-reminder-routine", self->routine_ids->pdata[selected]);
}

/* The routines by name; one that is gone stays chosen until another is. */
static void
fill_routines (LcPreferencesDialog *self)
{
  GListModel *routines = self->library != NULL ? lc_routine_library_get_routines (self->library) : NULL;
  g_autofree char *chosen = g_settings_get_string (self->settings, "routine-reminder-routine");
  guint n = routines != NULL ? g_list_model_get_n_items (routines) : 0;
  guint selected = 0;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  self->updating = TRUE;

  g_clear_pointer (&self->routine_ids, g_ptr_array_unref);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_object (&self->chosen_backup);
  self->routine_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (routines, i);

      if (g_str_equal (lc_routine_get_id (routine), chosen))
        selected = i;
      g_ptr_array_add (self->routine_ids, g_strdup (lc_routine_get_id (routine)));
      g_strv_builder_add (names, lc_routine_get_name (routine));
    }

  strv = g_strv_builder_end (names);
  gtk_string_list_splice (self->routine_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->routine_names)),
                          (const char * const *) strv);
  adw_combo_row_set_selected (self->routine_combo, selected);

  self->updating = FALSE;
}

static void
select_routine (LcPreferencesDialog *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "routine-reminder-routine");
  guint index;

  if (self->routine_ids != NULL &&
      g_ptr_array_find_with_equal_func (self->routine_ids, chosen, g_str_equal, &index))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->routine_combo, index);
      self->updating = FALSE;
    }
}

static void
show_reminder_settings (LcPreferencesDialog *self)
{
  guint days = g_settings_get_uint (self->settings, "routine-reminder-days");

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (time_keys); i++)
    {
      guint minutes = g_settings_get_uint (self->settings, time_keys[i].key);

      gtk_spin_button_set_value (TIME_SPIN (self, time_keys[i].hour_offset), minutes / 60);
      gtk_spin_button_set_value (TIME_SPIN (self, time_keys[i].minute_offset), minutes % 60);
    }

  show_days (self->day_toggles, days);
  show_days (self->break_day_toggles, g_settings_get_uint (self->settings, "sitting-break-days"));
  gtk_spin_button_set_value (self->break_interval, g_settings_get_uint (self->settings, "sitting-break-interval"));

  self->updating = FALSE;
}

/* When the reminders come, and whether they come with the window closed. */
static void
show_reminders_state (LcPreferencesDialog *self)
{
  LcNotifier *reminders = self->notifier;
  g_autofree char *next = reminders != NULL ? lc_notifier_describe_next (reminders) : NULL;
  g_autofree char *permission = g_settings_get_string (self->settings, "background-permission");
  gboolean enabled = reminders != NULL && lc_notifier_any_enabled (reminders);
  gboolean refused = g_str_equal (permission, "refused");
  gboolean unavailable = g_str_equal (permission, "unavailable");

  gtk_widget_set_visible (GTK_WIDGET (self->next_row), next != NULL);
  if (next != NULL)
    adw_action_row_set_subtitle (self->next_row, next);

  gtk_widget_set_visible (GTK_WIDGET (self->background_row), enabled && (refused || unavailable));
  if (refused)
    adw_action_row_set_subtitle (self->background_row,
                                 _("Leg Care is not allowed to run in the background. To get reminders "
                                   "with its window closed, open GNOME Settings, then Apps → Leg Care, "
                                   "and turn on Run in Background."));
  else if (unavailable)
    adw_action_row_set_subtitle (self->background_row,
                                 _("Leg Care could not ask to run in the background, so keep it open "
                                   "to get reminders. Where GNOME Settings has Apps → Leg Care → Run "
                                   "in Background, turn it on."));
}

static void
reminder_settings_changed_cb (LcPreferencesDialog *self,
                              const char          *key)
{
  if (g_str_equal (key, "background-permission"))
    show_reminders_state (self);
  else if (g_str_equal (key, "routine-reminder-routine"))
    select_routine (self);
  else if (g_str_has_suffix (key, "-time") || g_str_equal (key, "routine-reminder-days") ||
           g_str_equal (key, "sitting-break-start") || g_str_equal (key, "sitting-break-end") ||
           g_str_equal (key, "sitting-break-days") || g_str_equal (key, "sitting-break-interval"))
    show_reminder_settings (self);
}

/* Turned on with no routine chosen yet: the one the list shows. */
static void
routine_enabled_cb (LcPreferencesDialog *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "routine-reminder-routine");

  if (adw_expander_row_get_enable_expansion (self->routine_row) && chosen[0] == '\0')
    routine_selected_cb (self);
}

static void
try_again_clicked_cb (LcPreferencesDialog *self)
{
  LcNotifier *reminders = self->notifier;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (reminders != NULL)
    lc_notifier_request_background (reminders, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

/* Weekday toggles, named as the locale names them and in its order of the
 * week (Sunday first in the United States, Monday first in Italy and
 * Germany); day_toggles[] stays Monday first. */
static void
create_day_toggles (LcPreferencesDialog  *self,
                    AdwWrapBox           *box,
                    GtkToggleButton     **toggles,
                    gboolean              for_breaks)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1, 12, 0, 0);
  GDateWeekday first = lc_period_locale_first_weekday ();

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, (int) i);
      g_autofree char *abbreviation = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbreviation);

      gtk_widget_add_css_class (toggle, "circular");
      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (for_breaks)
        g_object_set_data (G_OBJECT (toggle), "break-day", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (day_toggled_cb), self, G_CONNECT_SWAPPED);
      toggles[i] = GTK_TOGGLE_BUTTON (toggle);
    }

  for (guint k = 0; k < 7; k++)
    adw_wrap_box_append (box, GTK_WIDGET (toggles[(first - 1 + k) % 7]));
}

static void
break_interval_changed_cb (LcPreferencesDialog *self)
{
  if (!self->updating)
    g_settings_set_uint (self->settings, "sitting-break-interval",
                         (guint) gtk_spin_button_get_value_as_int (self->break_interval));
}

/* Whether time away can count as a break here */
static void
show_breaks_state (LcPreferencesDialog *self)
{
  gboolean available = self->notifier != NULL && lc_notifier_get_activity_available (self->notifier);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->break_active_row),
                               available ? _("Five minutes away from the keyboard and mouse count as a break")
                                         : _("This desktop does not tell Leg Care when you are away, so all "
                                             "the time within your hours counts"));
  /* Still sensitive: the text must stay readable, and the choice holds
   * for a session on a desktop that can tell */
}

static void
setup_reminders (LcPreferencesDialog *self)
{
  LcNotifier *reminders = self->notifier;

  create_day_toggles (self, self->days_box, self->day_toggles, FALSE);
  create_day_toggles (self, self->break_days_box, self->break_day_toggles, TRUE);
  fill_routines (self);
  show_reminder_settings (self);

  g_settings_bind (self->settings, "routine-reminder-enabled", self->routine_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "diary-reminder-morning-enabled", self->morning_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "diary-reminder-evening-enabled", self->evening_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sitting-break-enabled", self->break_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sitting-break-only-active", self->break_active_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->break_interval, "value-changed", G_CALLBACK (break_interval_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->routine_row, "notify::enable-expansion", G_CALLBACK (routine_enabled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (reminder_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->library != NULL)
    g_signal_connect_object (lc_routine_library_get_routines (self->library), "items-changed", G_CALLBACK (fill_routines), self, G_CONNECT_SWAPPED);
  if (reminders != NULL)
    {
      g_signal_connect_object (reminders, "changed", G_CALLBACK (show_reminders_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reminders, "changed", G_CALLBACK (show_breaks_state), self, G_CONNECT_SWAPPED);
    }
  show_reminders_state (self);
  show_breaks_state (self);
}

static void
lc_preferences_dialog_constructed (GObject *object)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (object);
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();
  g_autofree char *data_path = g_file_get_path (data_dir);

  G_OBJECT_CLASS (lc_preferences_dialog_parent_class)->constructed (object);

  if (self->diary != NULL)
    g_signal_connect_object (self->diary, "changed", G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_get_mapping, nick_set_mapping,
                                (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "lymph-node-treatment", self->lymph_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_get_mapping, nick_set_mapping,
                                (gpointer) lymph_answers, NULL);

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

  setup_reminders (self);

  if (self->cue_player != NULL)
    {
      g_signal_connect_object (self->cue_player, "notify::problem", G_CALLBACK (voice_problem_cb),
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

  if (self->style_row != NULL)
    g_settings_unbind (self->style_row, "selected");
  if (self->lymph_row != NULL)
    g_settings_unbind (self->lymph_row, "selected");
  if (self->voice_row != NULL)
    {
      g_settings_unbind (self->voice_row, "active");
      g_settings_unbind (gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value");
      g_settings_unbind (gtk_range_get_adjustment (GTK_RANGE (self->rate_scale)), "value");
      g_settings_unbind (self->count_row, "active");
      g_settings_unbind (self->ticks_row, "active");
    }
  if (self->routine_row != NULL)
    {
      g_settings_unbind (self->routine_row, "enable-expansion");
      g_settings_unbind (self->morning_row, "enable-expansion");
      g_settings_unbind (self->evening_row, "enable-expansion");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->diary);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->notifier);
  g_clear_object (&self->library);
  g_clear_pointer (&self->routine_ids, g_ptr_array_unref);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_object (&self->chosen_backup);

  G_OBJECT_CLASS (lc_preferences_dialog_parent_class)->dispose (object);
}

static void
lc_preferences_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      self->diary = g_value_dup_object (value);
      break;

    case PROP_CUE_PLAYER:
      self->cue_player = g_value_dup_object (value);
      break;

    case PROP_NOTIFIER:
      self->notifier = g_value_dup_object (value);
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_preferences_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LcPreferencesDialog *self = LC_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      g_value_set_object (value, self->diary);
      break;

    case PROP_CUE_PLAYER:
      g_value_set_object (value, self->cue_player);
      break;

    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_preferences_dialog_class_init (LcPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_preferences_dialog_constructed;
  object_class->dispose = lc_preferences_dialog_dispose;
  object_class->get_property = lc_preferences_dialog_get_property;
  object_class->set_property = lc_preferences_dialog_set_property;

  /**
   * LcPreferencesDialog:diary:
   *
   * The diary whose backups are offered; %NULL if it could not be opened.
   */
  properties [PROP_DIARY] =
    g_param_spec_object ("diary", NULL, NULL, LC_TYPE_DIARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LcPreferencesDialog:cue-player:
   *
   * Plays the sample cue and says why there is no voice.
   */
  properties [PROP_CUE_PLAYER] =
    g_param_spec_object ("cue-player", NULL, NULL, LC_TYPE_CUE_PLAYER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LcPreferencesDialog:notifier:
   *
   * Says when the next reminder comes and whether it may come with the
   * window closed.
   */
  properties [PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, NULL, LC_TYPE_NOTIFIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LcPreferencesDialog:library:
   *
   * The routines a reminder can be for.
   */
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, LC_TYPE_ROUTINE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, lymph_row);
  gtk_widget_class_bind_template_callback (widget_class, restore_activated_cb);
  /* Not used here, but the ui tests reach it with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "restore_row", FALSE, 0);
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
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, next_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, routine_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, routine_combo);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, routine_names);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, days_box);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, routine_hour);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, routine_minute);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, morning_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, morning_hour);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, morning_minute);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, evening_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, evening_hour);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, evening_minute);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_row);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_interval);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_start_hour);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_start_minute);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_end_hour);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_end_minute);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_days_box);
  gtk_widget_class_bind_template_child (widget_class, LcPreferencesDialog, break_active_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "time_spin_output_cb", G_CALLBACK (lc_time_spin_output));
  gtk_widget_class_bind_template_callback (widget_class, time_spin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, routine_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, try_again_clicked_cb);

  gtk_widget_class_install_action (widget_class, "prefs.restore-backup", "u", restore_backup_action);
}

static void
lc_preferences_dialog_init (LcPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

/**
 * lc_preferences_dialog_new:
 * @diary: (nullable): the diary, %NULL if it could not be opened
 * @cue_player: (nullable): the voice
 * @notifier: (nullable): sends the reminders
 * @library: (nullable): the routines
 *
 * Returns: (transfer floating): the dialog
 */
LcPreferencesDialog *
lc_preferences_dialog_new (LcDiary          *diary,
                           LcCuePlayer      *cue_player,
                           LcNotifier       *notifier,
                           LcRoutineLibrary *library)
{
  return g_object_new (LC_TYPE_PREFERENCES_DIALOG,
                       "diary", diary,
                       "cue-player", cue_player,
                       "notifier", notifier,
                       "library", library,
                       NULL);
}
