/* test-crash-guard.c: a crash never locks the user out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real processes with settings in a key file, as on a desktop: the app is
 * killed (SIGKILL) while it shows Trends for a year; the next start shows
 * Routines, with the default period, and says once that the last view was
 * not restored; after a clean end, or SIGTERM as at logout, the view is
 * restored again; saved state that names no page or period is ignored.
 */

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>

#include "lc-application.h"
#include "lc-run-marker.h"
#include "lc-trends-page.h"
#include "lc-window.h"
#include "lc-test-util.h"

#define NOT_RESTORED "the last view was not restored"

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static void
write_settings (const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autofree char *text = g_strconcat ("[com/example/LegCare]\nsafety-acknowledged=true\n", contents, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gboolean
marker_exists (void)
{
  g_autoptr(GFile) marker = lc_run_marker_get_default ();

  return g_file_query_exists (marker, NULL);
}

/* --- in the started process ------------------------------------------------- */

static void
activated_cb (GApplication *app,
              const char   *phase)
{
  LcWindow *window = LC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GSettings *settings = lc_application_get_settings (LC_APPLICATION (app));
  g_autofree char *range = g_settings_get_string (settings, "trends-range");

  g_assert_nonnull (window);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  if (g_str_equal (phase, "crash"))
    {
      /* On Trends, a year, drawn: then killed */
      g_assert_cmpstr (lc_window_get_page (window), ==, "trends");
      g_assert_cmpstr (range, ==, "year");
      g_assert_true (marker_exists ());
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      raise (SIGKILL);
    }
  else if (g_str_equal (phase, "after-crash"))
    {
      /* Routines, the default period, and a word why */
      g_assert_cmpstr (lc_window_get_page (window), ==, "routines");
      g_assert_cmpstr (range, ==, "month");
      wait_until (has_label (GTK_WIDGET (window), NOT_RESTORED));
      /* It works: Trends opens */
      lc_window_set_page (window, "trends");
      g_assert_cmpstr (lc_window_get_page (window), ==, "trends");
      g_settings_set_string (settings, "trends-range", "year");
    }
  else if (g_str_equal (phase, "after-clean-end"))
    {
      /* The view is restored, and nothing is said */
      g_assert_cmpstr (lc_window_get_page (window), ==, "trends");
      g_assert_cmpstr (range, ==, "year");
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_assert_false (has_label (GTK_WIDGET (window), NOT_RESTORED));
    }
  else if (g_str_equal (phase, "terminated"))
    {
      /* Logging out: SIGTERM ends it as Ctrl+Q would */
      lc_window_set_page (window, "diary");
      g_settings_sync ();
      raise (SIGTERM);
      return;
    }
  else if (g_str_equal (phase, "after-terminated"))
    {
      g_assert_cmpstr (lc_window_get_page (window), ==, "diary");
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_assert_false (has_label (GTK_WIDGET (window), NOT_RESTORED));
    }
  else if (g_str_equal (phase, "invalid-state"))
    {
      /* Names of no page or period (or of an earlier version's period):
       * the defaults */
      g_assert_cmpstr (lc_window_get_page (window), ==, "routines");
      g_assert_cmpstr (range, ==, "month");
      g_assert_false (has_label (GTK_WIDGET (window), NOT_RESTORED));
    }
  else
    g_assert_not_reached ();

  g_settings_sync ();
  g_application_quit (app);
}

static void
run_phase (const char *phase)
{
  g_autoptr(LcApplication) app = lc_application_new ();
  g_autoptr(GError) error = NULL;

  /* The primary instance, not a call to one still on the bus */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), (gpointer) phase);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  /* A clean end */
  g_assert_false (marker_exists ());
}

/* --- the test --------------------------------------------------------------- */

/* The bus lets go of a killed process's name a moment after it died. */
static gboolean
name_has_owner (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  g_assert_nonnull (bus);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", APP_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
  g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
start (const char *phase)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_TEST_PHASE", phase, TRUE);

  g_test_message ("start: %s", phase);
  wait_until (!name_has_owner ());
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 60 * G_USEC_PER_SEC,
                                    G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
}

static void
test_crash_guard (void)
{
  if (g_test_subprocess ())
    {
      run_phase (g_getenv ("LC_TEST_PHASE"));
      return;
    }

  write_settings ("last-page='trends'\ntrends-range='year'\n");
  g_assert_false (marker_exists ());

  start ("crash");
  g_test_trap_assert_failed ();
  g_assert_true (marker_exists ());

  start ("after-crash");
  g_test_trap_assert_passed ();
  g_assert_false (marker_exists ());

  start ("after-clean-end");
  g_test_trap_assert_passed ();

  start ("terminated");
  g_test_trap_assert_passed ();
  g_assert_false (marker_exists ());
  start ("after-terminated");
  g_test_trap_assert_passed ();

  write_settings ("last-page='nowhere'\ntrends-range='2w'\n");
  start ("invalid-state");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* One home for the test and the processes it starts */
  if (g_getenv ("LC_TEST_PHASE") == NULL)
    lc_test_use_private_home ("legcare-test-crash-guard");
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  g_test_add_func ("/lc/crash-guard/killed-on-trends", test_crash_guard);

  return g_test_run ();
}
