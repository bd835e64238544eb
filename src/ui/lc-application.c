/* lc-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "lc-application.h"
#include "lc-backups.h"
#include "lc-illustration.h"
#include "lc-paths.h"
#include "lc-picture.h"

#include <errno.h>
#include "lc-preferences-dialog.h"
#include "lc-notifier.h"
#include "lc-run-marker.h"
#include "lc-safety-dialog.h"
#include "lc-widgets.h"
#include "lc-window.h"

struct _LcApplication
{
  AdwApplication  parent_instance;

  GSettings       *settings;
  LcCuePlayer     *cue_player;
  LcRoutineLibrary *routines;
  guint            pictures_source;

  LcDiary         *diary;
  GError          *diary_error;     /* why there is no diary */
  GError          *diary_problem;   /* a diary that was moved aside, to tell once */
  GFile           *offered_backup;  /* its newest backup, while the user is asked */
  guint            backup_source;

  LcNotifier      *notifier;
  gboolean         background_start;  /* --background: no window at first */

  GFile           *run_marker;
  gboolean         view_reset;        /* after a crash: to say once */
  guint            signal_sources[3];
};

#define ROUTINES_RESOURCE "/com/example/LegCare/routines/"

G_DEFINE_FINAL_TYPE (LcApplication, lc_application, ADW_TYPE_APPLICATION)

static GtkWindow *
lc_application_get_window (LcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (lc_window_new (self));

  return window;
}

/* Style follows the color-scheme setting: system, light or dark. */
static void
color_scheme_changed_cb (LcApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint value = (guint) g_settings_get_enum (settings, "color-scheme");

  if (value >= G_N_ELEMENTS (schemes))
    value = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[value]);
}

static void
load_routines (LcApplication *self)
{
  g_auto(GStrv) illustrations = lc_illustration_list_names ();
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new ((const char * const *) illustrations);
  g_autoptr(GFile) routines_dir = lc_paths_get_routines_dir ();
  g_autoptr(GFile) pictures_dir = lc_paths_get_pictures_dir ();

  lc_routine_loader_set_picture_dir (loader, pictures_dir);
  self->routines = lc_routine_library_new (loader, ROUTINES_RESOURCE, routines_dir, pictures_dir);
  lc_routine_library_load (self->routines);
  lc_routine_library_watch (self->routines);
}

/* Half-written files a crash left where Leg Care writes; never one that
 * another write might still be busy with. */
static void
remove_leftovers (LcApplication *self)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();
  g_autoptr(GFile) backups = lc_paths_get_backups_dir ();
  GFile *dirs[] = {
    data_dir, backups, lc_routine_library_get_dir (self->routines),
    lc_routine_library_get_pictures_dir (self->routines),
  };
  gint64 older_than = g_get_real_time () / G_USEC_PER_SEC - 10 * 60;
  guint removed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (dirs[i] != NULL)
      removed += lc_paths_remove_leftovers (dirs[i], older_than);
  if (removed > 0)
    g_message ("Removed %u half-written files left by a crash", removed);
}

/* Once, a little after start-up: the pictures no routine shows any more
 * (lc_routine_library_remove_unused_pictures() says when it keeps them). */
static gboolean
remove_unused_pictures_cb (gpointer user_data)
{
  LcApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 older_than;
  guint n_removed = 0;

  self->pictures_source = 0;

  /* Off the start-up path; a file a write is still busy with is never
   * ten minutes old */
  remove_leftovers (self);

  older_than = g_get_real_time () / G_USEC_PER_SEC - LC_PICTURE_UNUSED_SECONDS;
  if (!lc_routine_library_remove_unused_pictures (self->routines, older_than, &n_removed, &error))
    g_warning ("Removing unused pictures: %s", error->message);
  g_debug ("Removed %u unused pictures", n_removed);

  return G_SOURCE_REMOVE;
}


/* Once a day, on the first use: a backup, after start-up's rush. */
static gboolean
daily_backup_cb (gpointer user_data)
{
  LcApplication *self = user_data;
  g_autoptr(GFile) dir = lc_paths_get_backups_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  self->backup_source = 0;
  if (self->diary != NULL && !lc_backups_ensure_daily (self->diary, dir, now, NULL, &error))
    g_warning ("Daily backup: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
open_diary (LcApplication *self)
{
  g_autoptr(GFile) data_dir = lc_paths_get_user_data_dir ();
  g_autoptr(GFile) file = g_file_get_child (data_dir, "diary.sqlite3");
  g_autoptr(GError) error = NULL;

  self->diary = lc_diary_open (file, &error);

  /* A damaged diary, or one from a newer version, was moved aside: start a
   * new one, and tell the user (once the window is up) with an offer to
   * restore the newest backup. */
  if (self->diary == NULL &&
      (g_error_matches (error, LC_DIARY_ERROR, LC_DIARY_ERROR_CORRUPT) ||
       g_error_matches (error, LC_DIARY_ERROR, LC_DIARY_ERROR_TOO_NEW)))
    {
      self->diary_problem = g_steal_pointer (&error);
      self->diary = lc_diary_open (file, &error);
    }

  /* The window says so in a banner, with Try Again. */
  if (self->diary == NULL)
    {
      g_message ("The diary could not be opened: %s", error->message);
      self->diary_error = g_steal_pointer (&error);
      return;
    }
  if (lc_diary_get_read_only (self->diary) != NULL)
    g_message ("The diary is open for reading only: %s", lc_diary_get_read_only (self->diary)->message);

  self->backup_source = g_timeout_add_seconds (5, daily_backup_cb, self);
}

static void
restore_response_cb (AdwAlertDialog *dialog,
                     GAsyncResult   *result,
                     LcApplication  *self)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  g_autoptr(GFile) backup = g_steal_pointer (&self->offered_backup);

  if (g_str_equal (response, "restore") && backup != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "restore-backup",
                                    g_variant_new_string (g_file_peek_path (backup)));

  g_object_unref (self);
}

/* Tell what happened to a diary that was moved aside, and offer the newest backup. */
static void
tell_diary_problem (LcApplication *self,
                    GtkWindow     *window)
{
  g_autoptr(GError) problem = g_steal_pointer (&self->diary_problem);
  g_autoptr(GFile) dir = lc_paths_get_backups_dir ();
  g_autoptr(GPtrArray) backups = lc_backups_list (dir, NULL);
  g_autoptr(GString) body = g_string_new (problem->message);
  LcBackupInfo *newest = NULL;
  AdwDialog *dialog;

  for (guint i = 0; backups != NULL && i < backups->len && newest == NULL; i++)
    if (((LcBackupInfo *) backups->pdata[i])->n_entries >= 0)
      newest = backups->pdata[i];

  g_string_append (body, "\n\n");
  g_string_append (body, _("A new, empty diary was started."));
  if (newest != NULL)
    {
      g_autofree char *date = g_date_time_format (newest->made, "%x");

      g_string_append_c (body, ' ');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The newest backup, from %s, holds %d entry.",
                                           "The newest backup, from %s, holds %d entries.",
                                           newest->n_entries),
                              date, (int) newest->n_entries);
    }

  dialog = adw_alert_dialog_new (_("The Diary Could Not Be Read"), body->str);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Start Afresh"));
  if (newest != NULL && self->diary != NULL)
    {
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
      g_set_object (&self->offered_backup, newest->file);
    }
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (window), NULL,
                           (GAsyncReadyCallback) restore_response_cb, g_object_ref (self));
}

static void
lc_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows rather than quit outright, so that each saves its state.
   * A window with a dialog open would only try to close the dialog (and the
   * first start's safety notice cannot be closed): close the dialogs first,
   * or the window's state would not be saved. The notice stays unacknowledged. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (ADW_IS_APPLICATION_WINDOW (window))
        {
          AdwDialog *dialog;
          guint n = 0;

          while (n++ < 16 &&
                 (dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL)
            adw_dialog_force_close (dialog);
        }
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
lc_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = lc_application_get_window (self);
  AdwDialog *about;

  about = adw_about_dialog_new_from_appdata ("/com/example/LegCare/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), PACKAGE_VERSION);
  /* Leg Care has no website, online help or issue tracker yet, nor a
   * developer to name: the metainfo's addresses and developer are
   * placeholders (appstreamcli wants a homepage), so About leaves them out
   * rather than show them. Help is offline (F1). Remove these lines when
   * the metainfo has real values. */
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (about), "");
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (about), "");
  adw_about_dialog_set_support_url (ADW_ABOUT_DIALOG (about), "");
  adw_about_dialog_set_issue_url (ADW_ABOUT_DIALOG (about), "");
  /* Translators: replace with your names, one per line, to be credited in About */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about),
                                      _("Health Information"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Leg Care guides self-care and gives general information. "
                                        "It does not diagnose or treat any condition and does not "
                                        "replace advice from a doctor, nurse or physiotherapist."));

  adw_dialog_present (about, GTK_WIDGET (window));
}

static void
lc_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = lc_application_get_window (self);

  LcPreferencesDialog *dialog = lc_preferences_dialog_new (self->diary, self->cue_player, self->notifier,
                                                          self->routines);

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

static void
lc_application_safety_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = lc_application_get_window (self);

  adw_dialog_present (ADW_DIALOG (lc_safety_dialog_new ()), GTK_WIDGET (window));
}

/* The shortcuts window is built when first asked for, not with every window
 * as GtkApplication does with gtk/help-overlay.ui: that keeps start-up fast. */
static void
lc_application_shortcuts_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  LcApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/com/example/LegCare/ui/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, lc_application_get_window (self));
  gtk_window_set_application (shortcuts, GTK_APPLICATION (self));
  gtk_window_present (shortcuts);
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    return;

  /* Closing the desktop's app chooser is the user's choice, not a failure. */
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  /* GTK reports a missing viewer only as "Operation not supported": the
   * log keeps the reason, the user is told which app shows the help. */
  g_message ("Could not open %s: %s", HELP_URL, error->message);
  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    lc_show_error (GTK_WIDGET (window),
                   /* Translators: F1 or Main Menu → Help failed */
                   _("Help Could Not Be Opened"),
                   /* Translators: Yelp is GNOME's help viewer; use the name
                    * its app has in your language (e.g. "Hilfe", "Guida") */
                   _("The help opens in the Help app (Yelp). If it is not installed, install it, then try again."));
}

/* The help pages are installed for the desktop's help viewer (Yelp) by
 * gnome.yelp() in help/meson.build; help:legcare names them, in the
 * user's language where a translation exists. */
static void
lc_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = lc_application_get_window (self);
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (HELP_URL);

  gtk_uri_launcher_launch (launcher, window, NULL, help_launched_cb, g_object_ref (window));
}

/* The main window, on screen, with what it has to tell first. */
static GtkWindow *
present_main_window (LcApplication *self)
{
  GtkWindow *window = lc_application_get_window (self);

  gtk_window_present (window);

  if (self->diary_problem != NULL)
    tell_diary_problem (self, window);

  if (self->view_reset)
    {
      self->view_reset = FALSE;
      lc_window_add_toast (LC_WINDOW (window),
                           /* Translators: a toast at start, after Leg Care crashed or was killed */
                           lc_toast_new_wrapping (_("Leg Care did not close properly, so the last view was not restored")));
    }

  /* First start: the safety notice, acknowledged once. */
  if (!g_settings_get_boolean (self->settings, "safety-acknowledged") &&
      adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL)
    adw_dialog_present (ADW_DIALOG (lc_safety_dialog_new ()), GTK_WIDGET (window));

  return window;
}

/* A reminder's notification, clicked: the window. */
static void
lc_application_reminder_open_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_withdraw (self->notifier, g_variant_get_string (parameter, NULL));
  present_main_window (self);
}

/* A notification's Start: the routine starts as from its page, checks and
 * cautions first; a session or an editor that is open is only brought
 * forward. A routine that is gone: the Routines page. */
static void
start_from_notification (LcApplication *self,
                         const char    *routine_id)
{
  LcRoutine *routine = lc_routine_library_find (self->routines, routine_id);
  GtkWindow *window = present_main_window (self);

  if (routine != NULL)
    lc_window_request_start (LC_WINDOW (window), routine);
  else
    lc_window_set_page (LC_WINDOW (window), "routines");
}

/* Start Now */
static void
lc_application_reminder_start_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_withdraw (self->notifier, LC_REMINDER_ID_ROUTINE);
  start_from_notification (self, g_variant_get_string (parameter, NULL));
}

/* Log Now: a new diary entry. */
static void
lc_application_reminder_log_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window;

  lc_notifier_withdraw (self->notifier, g_variant_get_string (parameter, NULL));
  window = present_main_window (self);
  lc_window_set_page (LC_WINDOW (window), "diary");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
}

/* Later: the same reminder again in half an hour. */
static void
lc_application_reminder_snooze_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_snooze (self->notifier, g_variant_get_string (parameter, NULL));
}

/* A sitting break's Start: the Sitting Break routine, as from its page. */
static void
lc_application_break_start_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_break_answered (self->notifier, LC_BREAK_ANSWER_START);
  start_from_notification (self, LC_ROUTINE_ID_SITTING_BREAK);
}

/* Later: again after ten more minutes of sitting. */
static void
lc_application_break_later_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_break_answered (self->notifier, LC_BREAK_ANSWER_LATER);
}

/* Skip: the next one after a full interval. */
static void
lc_application_break_skip_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  LcApplication *self = user_data;

  lc_notifier_break_answered (self->notifier, LC_BREAK_ANSWER_SKIP);
}

/* app.restore-backup('<path>'): the one way a backup is restored (from
 * the notice of a damaged diary, or from Preferences). The diary as it is
 * is kept as a backup first; the diary tells every page that it changed. */
static void
lc_application_restore_backup_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) backup = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) dir = lc_paths_get_backups_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (self->diary == NULL || lc_backups_restore (self->diary, backup, dir, now, &error))
    return;

  if (window != NULL)
    lc_show_error (GTK_WIDGET (window), _("Backup Not Restored"), error->message);
}

/* Try Again: the diary that could not be opened, or only for reading,
 * opened afresh (the other program closed, space freed, permissions
 * mended); every window shows what came of it. */
static void
lc_application_reopen_diary_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window;

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->diary);
  g_clear_error (&self->diary_error);
  open_diary (self);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LC_IS_WINDOW (l->data))
      lc_window_set_diary (LC_WINDOW (l->data), self->diary, self->diary_error);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (self->diary_problem != NULL && window != NULL)
    tell_diary_problem (self, window);
}

static const GActionEntry app_actions[] = {
  { "quit", lc_application_quit_action },
  { "about", lc_application_about_action },
  { "preferences", lc_application_preferences_action },
  { "safety", lc_application_safety_action },
  { "help", lc_application_help_action },
  { "shortcuts", lc_application_shortcuts_action },
  { "reminder-open", lc_application_reminder_open_action, "s" },
  { "reminder-start", lc_application_reminder_start_action, "s" },
  { "reminder-log", lc_application_reminder_log_action, "s" },
  { "reminder-snooze", lc_application_reminder_snooze_action, "s" },
  { "break-start", lc_application_break_start_action },
  { "break-later", lc_application_break_later_action },
  { "break-skip", lc_application_break_skip_action },
  { "reopen-diary", lc_application_reopen_diary_action },
  { "restore-backup", lc_application_restore_backup_action, "s" },
};

static void
lc_application_activate (GApplication *app)
{
  LcApplication *self = LC_APPLICATION (app);

  /* Started at login for the reminders: no window until one is asked for. */
  if (self->background_start)
    {
      self->background_start = FALSE;
      return;
    }

  present_main_window (self);
}

/* --background: started at login, for the reminders. If Leg Care already
 * runs, there is nothing to do. */
static int
lc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  LcApplication *self = LC_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "background"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (app))
    return 0;

  self->background_start = TRUE;
  return -1;
}

/* A shared routine opened from Files or given on the command line: the
 * window shows what it holds, to add it or not. */
static void
lc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LcApplication *self = LC_APPLICATION (app);
  GtkWindow *window;

  lc_application_activate (app);
  window = lc_application_get_window (self);
  for (int i = 0; i < n_files; i++)
    lc_window_open_shared_routine (LC_WINDOW (window), files[i]);
}

/* Logging out, Ctrl+C in a terminal: a clean end, not a crash, and as
 * Ctrl+Q would end it, each window saving its state. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

/* If the last run crashed or was killed, its saved view may be what made
 * it crash: start on Routines, with the default period, and say so. */
static void
check_last_run (LcApplication *self)
{
  static const char *const view_keys[] = { "last-page", "trends-range" };

  self->run_marker = lc_run_marker_get_default ();
  if (!lc_run_marker_begin (self->run_marker))
    return;

  g_message ("The last run did not end cleanly: not restoring its view");
  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    g_settings_reset (self->settings, view_keys[i]);
  self->view_reset = TRUE;
}

static void
lc_application_startup (GApplication *app)
{
  LcApplication *self = LC_APPLICATION (app);
  const int quit_signals[G_N_ELEMENTS (self->signal_sources)] = { SIGTERM, SIGINT, SIGHUP };

  G_APPLICATION_CLASS (lc_application_parent_class)->startup (app);

  g_set_application_name (_("Leg Care"));
  gtk_window_set_default_icon_name (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_sources[i] = g_unix_signal_add (quit_signals[i], quit_signal_cb, self);

  self->settings = g_settings_new (APP_ID);
  check_last_run (self);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self, "color-scheme", self->settings);

  load_routines (self);
  self->pictures_source = g_timeout_add_seconds (10, remove_unused_pictures_cb, self);
  open_diary (self);

  self->notifier = lc_notifier_new (GTK_APPLICATION (self), self->settings, self->routines, NULL);
  lc_notifier_start (self->notifier);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-entry",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo",
                                         (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.page('routines')",
                                         (const char *[]) { "<Alt>1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.page('diary')",
                                         (const char *[]) { "<Alt>2", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.page('trends')",
                                         (const char *[]) { "<Alt>3", NULL });
}

static void
lc_application_shutdown (GApplication *app)
{
  LcApplication *self = LC_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  if (self->run_marker != NULL)
    lc_run_marker_end (self->run_marker);

  G_APPLICATION_CLASS (lc_application_parent_class)->shutdown (app);
}

static void
lc_application_dispose (GObject *object)
{
  LcApplication *self = LC_APPLICATION (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_object (&self->run_marker);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_handle_id (&self->pictures_source, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->diary);
  g_clear_error (&self->diary_error);
  g_clear_error (&self->diary_problem);
  g_clear_object (&self->offered_backup);
  g_clear_object (&self->routines);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_application_parent_class)->dispose (object);
}

static void
lc_application_class_init (LcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lc_application_dispose;

  app_class->activate = lc_application_activate;
  app_class->startup = lc_application_startup;
  app_class->shutdown = lc_application_shutdown;
  app_class->open = lc_application_open;
  app_class->handle_local_options = lc_application_handle_local_options;
}

static void
lc_application_init (LcApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Start without a window, for reminders"), NULL);
}

LcApplication *
lc_application_new (void)
{
  return g_object_new (LC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/com/example/LegCare",
                       NULL);
}

/**
 * lc_application_get_cue_player:
 * @self: the application
 *
 * The voice of sessions, made on first use (GStreamer starts then, not with
 * the app). It follows the voice settings, speaks the language of the
 * app's translation and looks for recorded clips in the `voice` folders of
 * the user's data folder and the app's.
 *
 * `LEGCARE_AUDIO_SINK`, a gst-launch description, replaces the sound
 * output: for tests, e.g. "fakesink sync=true".
 *
 * Returns: (transfer none): the cue player
 */
LcCuePlayer *
lc_application_get_cue_player (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->settings != NULL, NULL);

  if (self->cue_player == NULL)
    {
      g_autofree char *language = lc_cue_player_default_language ();
      g_autoptr(GFile) user_dir = lc_paths_get_user_data_dir ();
      GFile *folders[] = {
        g_file_get_child (user_dir, "voice"),
        g_file_new_build_filename (PKGDATADIR, "voice", NULL),
      };

      self->cue_player = lc_cue_player_new (g_getenv ("LEGCARE_AUDIO_SINK"));
      lc_cue_player_set_language (self->cue_player, language);
      lc_cue_player_set_voice_folders (self->cue_player, folders, G_N_ELEMENTS (folders));
      g_object_unref (folders[0]);
      g_object_unref (folders[1]);

      g_settings_bind (self->settings, "voice-enabled", self->cue_player, "voice-enabled", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "voice-volume", self->cue_player, "volume", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "voice-rate", self->cue_player, "rate", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "count-repetitions", self->cue_player, "count-repetitions", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "countdown-ticks", self->cue_player, "countdown-ticks", G_SETTINGS_BIND_GET);
    }

  return self->cue_player;
}

/**
 * lc_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the app's settings, valid after startup
 */
GSettings *
lc_application_get_settings (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * lc_application_get_routine_library:
 * @self: the application
 *
 * Returns: (transfer none): the built-in and the user's routines, kept up
 *   to date with the routines folder; valid after startup
 */
LcRoutineLibrary *
lc_application_get_routine_library (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);

  return self->routines;
}

/**
 * lc_application_get_diary:
 *
 * Returns: (transfer none) (nullable): the diary, or %NULL if it could not
 *   be opened (lc_application_get_diary_error() says why)
 */
LcDiary *
lc_application_get_diary (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  return self->diary;
}

const GError *
lc_application_get_diary_error (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  return self->diary_error;
}

/**
 * lc_application_get_notifier:
 *
 * Returns: (transfer none): the reminders of the settings; valid after
 *   startup
 */
LcNotifier *
lc_application_get_notifier (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);
  return self->notifier;
}
