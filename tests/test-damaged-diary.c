/* test-damaged-diary.c: starting with a damaged diary, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app finds a diary that is not a database: it moves it aside, starts
 * a new one, says so, and restores the newest backup when asked. It finds
 * a folder where the diary should be: it moves nothing, says so in a
 * banner, and opens the diary once the cause is gone and the user asks it
 * to try again.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lc-application.h"
#include "lc-backups.h"
#include "lc-diary-page.h"
#include "lc-window.h"
#include "lc-test-util.h"

static void
test_damaged_diary_restore (void)
{
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "legcare", NULL);
  g_autofree char *diary_path = g_build_filename (data, "diary.sqlite3", NULL);
  g_autofree char *backups_path = g_build_filename (data, "backups", NULL);
  g_autoptr(GFile) backups = g_file_new_for_path (backups_path);
  g_autoptr(LcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWindow *window;
  AdwDialog *dialog;
  const char *name;
  gboolean moved = FALSE;

  /* Yesterday's backup with three entries, then a diary that is garbage. */
  {
    g_autofree char *good_path = g_build_filename (data, "good.sqlite3", NULL);
    g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
    g_autoptr(LcDiary) good = lc_diary_open (good_file, &error);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

    g_assert_no_error (error);
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(LcEntry) entry = lc_entry_new (1773131400 + i * 3600);

        entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = i;
        g_assert_true (lc_diary_add_entry (good, entry, &error));
      }
    g_assert_true (lc_backups_ensure_daily (good, backups, yesterday, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (diary_path, "a shopping list, not a diary", -1, NULL));

  app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (lc_application_get_settings (app), "safety-acknowledged", TRUE);

  /* A new, empty diary, and the damaged one kept aside. */
  g_assert_nonnull (lc_application_get_diary (app));
  g_assert_cmpint (lc_diary_count_entries (lc_application_get_diary (app), NULL), ==, 0);
  dir = g_dir_open (data, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    moved |= g_str_has_prefix (name, "diary.sqlite3.damaged-");
  g_assert_true (moved);

  /* The user is told, with the offer of the newest backup. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  wait_until (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "The Diary Could Not Be Read");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "holds 3 entries"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "restore"));

  g_signal_emit_by_name (dialog, "response", "restore");
  wait_until (lc_diary_count_entries (lc_application_get_diary (app), NULL) == 3);

  gtk_window_destroy (window);
}

static void
remove_diary (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void
try_again (void)
{
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "legcare", NULL);
  g_autofree char *diary_path = g_build_filename (data, "diary.sqlite3", NULL);
  g_autoptr(GFile) diary_file = g_file_new_for_path (diary_path);
  g_autoptr(LcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWindow *window;
  AdwBanner *banner;
  GtkWidget *new_entry;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  remove_diary (diary_path);
  g_assert_cmpint (g_mkdir (diary_path, 0700), ==, 0);

  app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (lc_application_get_settings (app), "safety-acknowledged", TRUE);

  /* No diary, nothing moved, and the banner says why */
  g_assert_null (lc_application_get_diary (app));
  g_assert_true (g_file_test (diary_path, G_FILE_TEST_IS_DIR));
  dir = g_dir_open (data, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "diary.sqlite3.damaged-"));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  banner = ADW_BANNER (gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW, "diary_banner"));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "can’t be opened"));
  {
    GtkWidget *diary_page = lc_window_get_diary_page (LC_WINDOW (window));
    AdwStatusPage *status = ADW_STATUS_PAGE (gtk_widget_get_template_child (diary_page, LC_TYPE_DIARY_PAGE,
                                                                            "error_status"));

    g_assert_nonnull (strstr (adw_status_page_get_description (status), "is a folder"));
  }
  /* No new entries offered */
  new_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW, "new_entry_button"));
  wait_until (!gtk_widget_get_sensitive (new_entry));
  /* …nor leg measurements (there is nowhere to keep them) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.measure-volume", NULL);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* The folder moved away, the diary put back: Try Again */
  g_assert_cmpint (g_rmdir (diary_path), ==, 0);
  {
    g_autoptr(LcDiary) diary = lc_diary_open (diary_file, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 3; i++)
      {
        g_autoptr(LcEntry) entry = lc_entry_new (1773131400 + i * 3600);

        entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = i;
        g_assert_true (lc_diary_add_entry (diary, entry, &error));
      }
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "reopen-diary", NULL);
  g_assert_nonnull (lc_application_get_diary (app));
  g_assert_cmpint (lc_diary_count_entries (lc_application_get_diary (app), NULL), ==, 3);
  g_assert_false (adw_banner_get_revealed (banner));
  wait_until (gtk_widget_get_sensitive (new_entry));

  gtk_window_destroy (window);
}

/* An application of its own: one process registers one. */
static void
test_damaged_diary_try_again (void)
{
  if (g_test_subprocess ())
    {
      try_again ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  lc_test_use_private_home ("legcare-test-damaged");

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  g_test_add_func ("/lc/damaged-diary/restore", test_damaged_diary_restore);
  g_test_add_func ("/lc/damaged-diary/try-again", test_damaged_diary_try_again);

  return g_test_run ();
}
