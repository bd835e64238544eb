/* test-reminders.c: reminders as notifications, end to end under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's reminders run on a fake clock. A notification server on the
 * test's own D-Bus (org.freedesktop.Notifications, which GLib's
 * notifications use outside a sandbox) records what is sent and clicks the
 * buttons as a person would. There is no xdg-desktop-portal on that bus.
 */

#include "config.h"

#include <string.h>

#include "lc-application.h"
#include "lc-period.h"
#include "lc-entry-dialog.h"
#include "lc-preferences-dialog.h"
#include "lc-notifier.h"
#include "lc-routine-view.h"
#include "lc-session-view.h"
#include "lc-start-gate.h"
#include "lc-window.h"
#include "lc-test-util.h"

#define MINUTE_US G_GINT64_CONSTANT (60000000)

static LcApplication *the_app;

/* --- a notification server ----------------------------------------------------- */

typedef struct
{
  GDBusConnection *connection;
  guint            registration;
  guint            owner;
  gboolean         named;
  GPtrArray       *summaries;
  GPtrArray       *bodies;
  GPtrArray       *actions;      /* GStrv: action, label, action, label … */
  GArray          *urgencies;    /* guint8: each notification's "urgency" hint */
  guint32          last_id;
  guint            n_closed;
} Server;

static Server server;

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary;
      const char *body;
      g_auto(GStrv) actions = NULL;
      g_autoptr(GVariant) hints = NULL;
      guint8 urgency = 1;   /* normal, when not given */

      g_variant_get (parameters, "(&su&s&s&s^as@a{sv}i)", NULL, NULL, NULL, &summary, &body, &actions,
                     &hints, NULL);
      g_variant_lookup (hints, "urgency", "y", &urgency);
      g_array_append_val (server.urgencies, urgency);
      g_ptr_array_add (server.summaries, g_strdup (summary));
      g_ptr_array_add (server.bodies, g_strdup (body));
      g_ptr_array_add (server.actions, g_steal_pointer (&actions));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server.last_id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      server.n_closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "legcare", "1", "1.2"));
}

static void
server_name_acquired (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  server.named = TRUE;
}

static void
server_start (void)
{
  static const GDBusInterfaceVTable vtable = { server_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  server.connection = g_dbus_connection_new_for_address_sync (address,
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  server.registration = g_dbus_connection_register_object (server.connection, "/org/freedesktop/Notifications",
                                                           info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  server.owner = g_bus_own_name_on_connection (server.connection, "org.freedesktop.Notifications",
                                               G_BUS_NAME_OWNER_FLAGS_NONE, server_name_acquired,
                                               NULL, NULL, NULL);
  server.summaries = g_ptr_array_new_with_free_func (g_free);
  server.bodies = g_ptr_array_new_with_free_func (g_free);
  server.actions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  server.urgencies = g_array_new (FALSE, FALSE, sizeof (guint8));
  wait_until (server.named);
}

static void
server_stop (void)
{
  g_bus_unown_name (server.owner);
  g_dbus_connection_unregister_object (server.connection, server.registration);
  g_clear_object (&server.connection);
  g_clear_pointer (&server.summaries, g_ptr_array_unref);
  g_clear_pointer (&server.bodies, g_ptr_array_unref);
  g_clear_pointer (&server.actions, g_ptr_array_unref);
  g_clear_pointer (&server.urgencies, g_array_unref);
}

/* The latest notification's button (or "default" for a click on it). */
static void
server_click (const char *action)
{
  g_assert_true (g_strv_contains (server.actions->pdata[server.actions->len - 1], action));
  g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", server.last_id, action), NULL);
}

static const char *
last_summary (void)
{
  return server.summaries->len > 0 ? server.summaries->pdata[server.summaries->len - 1] : NULL;
}

/* --- an idle monitor, as GNOME Shell's --------------------------------------------- */

/* org.gnome.Mutter.IdleMonitor on the test's bus: idle watches that fire
 * when the test says the user went away, user-active watches (once) when
 * the test says they came back; each to the connection that added it. */
typedef struct
{
  guint     registration;
  guint     owner;
  gboolean  named;
  guint32   next_id;
  guint32   idle_watch;      /* the app's idle watch, 0 for none */
  guint64   idle_interval;
  guint32   active_watch;
  char     *client;          /* who added them */
  guint     n_get_idletime;
  guint     n_calls;
} Mutter;

static Mutter mutter;

static const char mutter_xml[] =
  "<node>"
  "  <interface name='org.gnome.Mutter.IdleMonitor'>"
  "    <method name='GetIdletime'><arg type='t' direction='out'/></method>"
  "    <method name='AddIdleWatch'><arg type='t' direction='in'/><arg type='u' direction='out'/></method>"
  "    <method name='AddUserActiveWatch'><arg type='u' direction='out'/></method>"
  "    <method name='RemoveWatch'><arg type='u' direction='in'/></method>"
  "    <signal name='WatchFired'><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static void
mutter_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  mutter.n_calls++;
  g_free (mutter.client);
  mutter.client = g_strdup (sender);

  if (g_str_equal (method_name, "GetIdletime"))
    {
      mutter.n_get_idletime++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", (guint64) 0));
    }
  else if (g_str_equal (method_name, "AddIdleWatch"))
    {
      g_variant_get (parameters, "(t)", &mutter.idle_interval);
      mutter.idle_watch = ++mutter.next_id;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", mutter.idle_watch));
    }
  else if (g_str_equal (method_name, "AddUserActiveWatch"))
    {
      mutter.active_watch = ++mutter.next_id;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", mutter.active_watch));
    }
  else
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      if (id == mutter.idle_watch)
        mutter.idle_watch = 0;
      if (id == mutter.active_watch)
        mutter.active_watch = 0;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
mutter_name_acquired (GDBusConnection *connection,
                      const char      *name,
                      gpointer         user_data)
{
  mutter.named = TRUE;
}

static void
mutter_start (void)
{
  static const GDBusInterfaceVTable vtable = { mutter_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (mutter_xml, NULL);
  g_autoptr(GError) error = NULL;

  memset (&mutter, 0, sizeof mutter);
  mutter.registration = g_dbus_connection_register_object (server.connection, "/org/gnome/Mutter/IdleMonitor/Core",
                                                           info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  mutter.owner = g_bus_own_name_on_connection (server.connection, "org.gnome.Mutter.IdleMonitor",
                                               G_BUS_NAME_OWNER_FLAGS_NONE, mutter_name_acquired, NULL, NULL, NULL);
  wait_until (mutter.named);
}

static void
mutter_stop (void)
{
  g_bus_unown_name (mutter.owner);
  g_dbus_connection_unregister_object (server.connection, mutter.registration);
  g_clear_pointer (&mutter.client, g_free);
}

/* The user left keyboard and mouse alone for the idle watch's interval */
static void
mutter_user_away (void)
{
  g_assert_cmpuint (mutter.idle_watch, !=, 0);
  g_dbus_connection_emit_signal (server.connection, mutter.client, "/org/gnome/Mutter/IdleMonitor/Core",
                                 "org.gnome.Mutter.IdleMonitor", "WatchFired",
                                 g_variant_new ("(u)", mutter.idle_watch), NULL);
}

static void
mutter_user_back (void)
{
  guint32 id = mutter.active_watch;

  g_assert_cmpuint (id, !=, 0);
  mutter.active_watch = 0;
  g_dbus_connection_emit_signal (server.connection, mutter.client, "/org/gnome/Mutter/IdleMonitor/Core",
                                 "org.gnome.Mutter.IdleMonitor", "WatchFired", g_variant_new ("(u)", id), NULL);
}

/* --- helpers --------------------------------------------------------------------- */

static void
spin_main_loop (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
setting_is (GSettings  *settings,
            const char *key,
            const char *value)
{
  g_autofree char *current = g_settings_get_string (settings, key);

  return g_str_equal (current, value);
}

static void
reset_settings (void)
{
  GSettings *settings = lc_application_get_settings (the_app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  wait_until (!lc_notifier_any_enabled (lc_application_get_notifier (the_app)));
}

/* A fake clock at a local time (the tests run in UTC). */
static LcClock *
clock_at (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second)
{
  LcClock *clock = lc_clock_new_fake ();
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, second);

  lc_clock_set_real_time (clock, g_date_time_to_unix_usec (time));
  return clock;
}

static void
notified_cb (LcNotifier    *reminders,
             const char    *id,
             GNotification *notification,
             GPtrArray     *ids)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (ids, g_strdup (id));
}

typedef struct
{
  LcNotifier *reminders;
  LcClock     *clock;
  GPtrArray   *notified;    /* notification ids, as sent */
  gulong       handler;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  reset_settings ();

  /* Monday 4 March 2030, 07:59 */
  fixture->clock = clock_at (2030, 3, 4, 7, 59, 0);
  fixture->reminders = lc_application_get_notifier (the_app);
  fixture->notified = g_ptr_array_new_with_free_func (g_free);
  fixture->handler = g_signal_connect (fixture->reminders, "notified", G_CALLBACK (notified_cb),
                                       fixture->notified);
  lc_notifier_set_clock (fixture->reminders, fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (the_app))) != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      gtk_window_destroy (window);
      wait_until (window == NULL);
    }

  g_signal_handler_disconnect (fixture->reminders, fixture->handler);
  reset_settings ();
  lc_notifier_set_clock (fixture->reminders, NULL);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->notified, g_ptr_array_unref);
}

static guint
next_minute (LcNotifier  *reminders,
             const char **id)
{
  g_autoptr(GDateTime) next = lc_notifier_get_next (reminders, id);

  g_assert_nonnull (next);
  return (guint) (g_date_time_get_hour (next) * 60 + g_date_time_get_minute (next));
}

static AdwDialog *
visible_dialog (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (the_app));

  return window != NULL ? adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) : NULL;
}

/* --- tests ----------------------------------------------------------------------- */

/* The morning diary reminder: due, snoozed, logged; the app holds itself
 * only while it is on. */
static void
test_reminders_diary (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  const char *id = NULL;
  guint n_closed;
  AdwDialog *dialog;
  GtkWindow *window;

  g_assert_false (lc_notifier_any_enabled (fixture->reminders));
  g_assert_false (lc_notifier_get_holding (fixture->reminders));
  g_assert_null (lc_notifier_get_next (fixture->reminders, NULL));

  g_settings_set_boolean (settings, "diary-reminder-morning-enabled", TRUE);
  wait_until (lc_notifier_any_enabled (fixture->reminders));
  g_assert_true (lc_notifier_get_holding (fixture->reminders));
  g_assert_cmpuint (next_minute (fixture->reminders, &id), ==, 8 * 60);
  g_assert_cmpstr (id, ==, LC_REMINDER_ID_DIARY_MORNING);

  /* Not a second early. */
  lc_clock_advance (fixture->clock, MINUTE_US - G_USEC_PER_SEC);
  spin_main_loop (100);
  g_assert_cmpuint (fixture->notified->len, ==, 0);
  g_assert_cmpuint (server.summaries->len, ==, 0);

  lc_clock_advance (fixture->clock, G_USEC_PER_SEC);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  g_assert_cmpstr (fixture->notified->pdata[0], ==, "reminder-diary-morning");
  wait_until (server.summaries->len == 1);
  g_assert_cmpstr (last_summary (), ==, "How Do Your Legs Feel?");
  g_assert_true (g_strv_contains (server.actions->pdata[0], "app.reminder-log::diary-morning"));
  g_assert_true (g_strv_contains (server.actions->pdata[0], "app.reminder-snooze::diary-morning"));
  g_assert_true (g_strv_contains (server.actions->pdata[0], "default"));

  /* Later: back in 30 minutes, not in 29. */
  server_click ("app.reminder-snooze::diary-morning");
  wait_until (next_minute (fixture->reminders, NULL) == 8 * 60 + 30);
  lc_clock_advance (fixture->clock, 29 * MINUTE_US);
  spin_main_loop (100);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 2);
  g_assert_cmpstr (fixture->notified->pdata[1], ==, "reminder-diary-morning");
  wait_until (server.summaries->len == 2);
  g_assert_cmpstr (last_summary (), ==, "How Do Your Legs Feel?");

  /* Log Now: the window, with a new entry; the notification goes away
   * (once GLib has the server's id for it). */
  spin_main_loop (100);
  n_closed = server.n_closed;
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "reminder-log", g_variant_new_string ("diary-morning"));
  window = gtk_application_get_active_window (GTK_APPLICATION (the_app));
  g_assert_true (LC_IS_WINDOW (window));
  wait_until (LC_IS_ENTRY_DIALOG (visible_dialog ()));
  g_assert_cmpstr (lc_window_get_page (LC_WINDOW (window)), ==, "diary");
  wait_until (server.n_closed == n_closed + 1);

  dialog = visible_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (adw_dialog_close (dialog));
  wait_until (dialog == NULL);

  /* Off: no reminder, and the app no longer holds itself. */
  g_settings_set_boolean (settings, "diary-reminder-morning-enabled", FALSE);
  wait_until (!lc_notifier_any_enabled (fixture->reminders));
  g_assert_false (lc_notifier_get_holding (fixture->reminders));
  lc_clock_advance (fixture->clock, 24 * 60 * MINUTE_US);
  spin_main_loop (100);
  g_assert_cmpuint (fixture->notified->len, ==, 2);
  g_assert_cmpuint (server.summaries->len, ==, 2);
}

/* The routine reminder, on Mondays: Start Now starts the routine. */
static void
test_reminders_routine (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (the_app), "calf-pump-seated");
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) next = NULL;
  AdwNavigationView *navigation;
  AdwNavigationPage *page;
  GtkWidget *session;
  GtkWindow *window;
  guint n_sent = server.summaries->len;

  g_assert_nonnull (routine);
  title = g_strdup_printf ("Time for %s", lc_routine_get_name (routine));

  g_settings_set_uint (settings, "routine-reminder-time", 8 * 60);
  g_settings_set_uint (settings, "routine-reminder-days", LC_WEEKDAY_BIT (G_DATE_MONDAY));
  g_settings_set_string (settings, "routine-reminder-routine", "calf-pump-seated");
  g_assert_false (lc_notifier_any_enabled (fixture->reminders));
  g_settings_set_boolean (settings, "routine-reminder-enabled", TRUE);
  wait_until (lc_notifier_any_enabled (fixture->reminders));
  g_assert_true (lc_notifier_get_holding (fixture->reminders));

  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  g_assert_cmpstr (fixture->notified->pdata[0], ==, "reminder-routine");
  wait_until (server.summaries->len == n_sent + 1);
  g_assert_cmpstr (last_summary (), ==, title);

  /* Mondays only: next week. */
  next = lc_notifier_get_next (fixture->reminders, NULL);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_get_day_of_week (next), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (next), ==, 11);

  server_click ("app.reminder-start::calf-pump-seated");
  wait_until (gtk_application_get_active_window (GTK_APPLICATION (the_app)) != NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (the_app));
  navigation = ADW_NAVIGATION_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW,
                                                                   "navigation_view"));
  wait_until (LC_IS_ROUTINE_VIEW (adw_navigation_view_get_visible_page (navigation)));
  page = adw_navigation_view_get_visible_page (navigation);
  g_assert_true (lc_routine_view_get_routine (LC_ROUTINE_VIEW (page)) == routine);
  g_assert_cmpstr (lc_window_get_page (LC_WINDOW (window)), ==, "routines");

  /* …with its cautions in view, not acknowledged yet: the focus on their
   * button, no dialog. */
  {
    GtkWidget *acknowledge = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), LC_TYPE_ROUTINE_VIEW,
                                                                        "acknowledge_button"));

    wait_until (gtk_root_get_focus (gtk_widget_get_root (acknowledge)) == acknowledge);
    g_assert_null (visible_dialog ());
  }

  /* Acknowledged: Start Now starts it, at once. */
  lc_start_gate_acknowledge (routine);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "reminder-start",
                                  g_variant_new_string ("calf-pump-seated"));
  wait_until (LC_IS_SESSION_VIEW (adw_navigation_view_get_visible_page (navigation)));
  session = GTK_WIDGET (adw_navigation_view_get_visible_page (navigation));
  g_assert_true (lc_session_get_routine (lc_session_view_get_session (LC_SESSION_VIEW (session))) == routine);
  g_assert_null (visible_dialog ());

  /* During a session, Start Now leaves the session as it is. */
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "reminder-start",
                                  g_variant_new_string ("calf-pump-seated"));
  spin_main_loop (200);
  g_assert_true (adw_navigation_view_get_visible_page (navigation) == ADW_NAVIGATION_PAGE (session));
  g_assert_null (visible_dialog ());
  g_assert_true (adw_navigation_view_pop (navigation));
}

/* No portal on the test's bus: the answer is "unavailable", and
 * Preferences says what that means. Preferences changes the reminders. */
static void
test_reminders_preferences (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  GtkWindow *window;
  AdwDialog *dialog;
  AdwActionRow *background_row;
  AdwActionRow *next_row;
  GtkSpinButton *hour;
  GtkWidget *days;
  GtkWidget *sunday;
  g_autofree char *routine = NULL;

  g_application_activate (G_APPLICATION (the_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (the_app));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (setting_is (settings, "background-permission", "unknown"));

  g_settings_set_boolean (settings, "diary-reminder-evening-enabled", TRUE);
  wait_until (setting_is (settings, "background-permission", "unavailable"));

  g_action_group_activate_action (G_ACTION_GROUP (the_app), "preferences", NULL);
  dialog = visible_dialog ();
  g_assert_true (LC_IS_PREFERENCES_DIALOG (dialog));
#define CHILD(name) gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_PREFERENCES_DIALOG, name)
  background_row = ADW_ACTION_ROW (CHILD ("background_row"));
  next_row = ADW_ACTION_ROW (CHILD ("next_row"));
  hour = GTK_SPIN_BUTTON (CHILD ("routine_hour"));
  days = GTK_WIDGET (CHILD ("days_box"));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (background_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (background_row), "could not ask"));
  g_settings_set_string (settings, "background-permission", "refused");
  wait_until (strstr (adw_action_row_get_subtitle (background_row), "not allowed") != NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (background_row)));
  g_settings_set_string (settings, "background-permission", "granted");
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (background_row)));

  /* The evening reminder, today at 20:00. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (next_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (next_row), ==, "20:00");
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (CHILD ("evening_row"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (CHILD ("evening_hour"))), ==, 20);

  /* The evening reminder off; the routine reminder on, with a routine, at
   * 07:00, not on Sundays. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (CHILD ("evening_row")), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "diary-reminder-evening-enabled"));
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (next_row)));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (CHILD ("routine_row")), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "routine-reminder-enabled"));
  routine = g_settings_get_string (settings, "routine-reminder-routine");
  g_assert_nonnull (lc_routine_library_find (lc_application_get_routine_library (the_app), routine));
  gtk_spin_button_set_value (hour, 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "routine-reminder-time"), ==, 7 * 60);
  /* The days in the locale's order of the week; Sunday found by its name
   * (1 January 2024 was a Monday) */
  {
    g_autoptr(GDateTime) first = g_date_time_new_local (2024, 1, lc_period_locale_first_weekday (), 12, 0, 0);
    g_autoptr(GDateTime) seventh = g_date_time_new_local (2024, 1, 7, 12, 0, 0);
    g_autofree char *first_name = g_date_time_format (first, "%A");
    g_autofree char *sunday_name = g_date_time_format (seventh, "%A");
    guint n = 0;

    g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (GTK_WIDGET (days))), ==, first_name);
    sunday = NULL;
    for (GtkWidget *day = gtk_widget_get_first_child (GTK_WIDGET (days)); day != NULL;
         day = gtk_widget_get_next_sibling (day), n++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (day), sunday_name) == 0)
        sunday = day;
    g_assert_cmpuint (n, ==, 7);
  }
  g_assert_true (GTK_IS_TOGGLE_BUTTON (sunday));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sunday)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sunday), FALSE);
  g_assert_cmpuint (g_settings_get_uint (settings, "routine-reminder-days"), ==, LC_WEEKDAYS_ALL & ~LC_WEEKDAY_BIT (G_DATE_SUNDAY));
  wait_until (g_strcmp0 (adw_action_row_get_subtitle (next_row), "Tomorrow, 07:00") == 0);

  /* Sitting breaks: on, after an hour, from 08:30 to 17:00, Saturdays too.
   * No idle monitor on the test's bus: all the time within the hours
   * counts, and the row says so. */
  {
    AdwExpanderRow *break_row = ADW_EXPANDER_ROW (CHILD ("break_row"));
    GtkWidget *active_row = GTK_WIDGET (CHILD ("break_active_row"));
    GtkWidget *break_days = GTK_WIDGET (CHILD ("break_days_box"));
    g_autoptr(GDateTime) sixth = g_date_time_new_local (2024, 1, 6, 12, 0, 0);
    g_autofree char *saturday_name = g_date_time_format (sixth, "%A");
    GtkWidget *saturday = NULL;

    g_assert_false (adw_expander_row_get_enable_expansion (break_row));
    adw_expander_row_set_enable_expansion (break_row, TRUE);
    g_assert_true (g_settings_get_boolean (settings, "sitting-break-enabled"));
    wait_until (lc_notifier_get_breaks_enabled (lc_application_get_notifier (the_app)));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (CHILD ("break_interval"))), ==, 45);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_interval")), 60);
    g_assert_cmpuint (g_settings_get_uint (settings, "sitting-break-interval"), ==, 60);
    /* Out of the range: the range's end */
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_interval")), 10);
    g_assert_cmpuint (g_settings_get_uint (settings, "sitting-break-interval"), ==, 30);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_interval")), 60);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_start_hour")), 8);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_start_minute")), 30);
    g_assert_cmpuint (g_settings_get_uint (settings, "sitting-break-start"), ==, 8 * 60 + 30);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (CHILD ("break_end_hour"))), ==, 18);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (CHILD ("break_end_hour")), 17);
    g_assert_cmpuint (g_settings_get_uint (settings, "sitting-break-end"), ==, 17 * 60);

    for (GtkWidget *day = gtk_widget_get_first_child (break_days); day != NULL; day = gtk_widget_get_next_sibling (day))
      if (g_strcmp0 (gtk_widget_get_tooltip_text (day), saturday_name) == 0)
        saturday = day;
    g_assert_true (GTK_IS_TOGGLE_BUTTON (saturday));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (saturday)));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (saturday), TRUE);
    g_assert_cmpuint (g_settings_get_uint (settings, "sitting-break-days"), ==,
                      31 | LC_WEEKDAY_BIT (G_DATE_SATURDAY));
    /* …and the routine reminder's days are their own */
    g_assert_cmpuint (g_settings_get_uint (settings, "routine-reminder-days"), ==,
                      LC_WEEKDAYS_ALL & ~LC_WEEKDAY_BIT (G_DATE_SUNDAY));

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (active_row)), "does not tell"));

    /* A change from elsewhere shows */
    g_settings_set_uint (settings, "sitting-break-interval", 75);
    wait_until (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (CHILD ("break_interval"))) == 75);
  }
#undef CHILD

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (adw_dialog_close (dialog));
  wait_until (dialog == NULL);
}

/* Leg Care was not running for two days: the next start tells of the
 * reminder that was missed, once. */
static void
test_reminders_restart (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  g_autoptr(LcClock) later = lc_clock_new_fake ();
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GVariant) state = NULL;
  LcNotifier *second;
  guint n_sent = server.summaries->len;

  g_settings_set_boolean (settings, "diary-reminder-morning-enabled", TRUE);
  wait_until (lc_notifier_any_enabled (fixture->reminders));
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  wait_until (server.summaries->len == n_sent + 1);
  g_assert_cmpstr (last_summary (), ==, "How Do Your Legs Feel?");
  state = g_settings_get_value (settings, "reminder-state");
  g_assert_true (g_variant_lookup (state, LC_REMINDER_ID_DIARY_MORNING, "(xx)", NULL, NULL));
  n_sent = server.summaries->len;

  /* Wednesday 10:00: the 08:00 reminder was missed. */
  lc_clock_set_real_time (later, lc_clock_get_real_time (fixture->clock) + (2 * 24 * 60 + 2 * 60) * MINUTE_US);
  second = lc_notifier_new (GTK_APPLICATION (the_app), lc_application_get_settings (the_app),
                            lc_application_get_routine_library (the_app), later);
  g_signal_connect (second, "notified", G_CALLBACK (notified_cb), notified);
  g_assert_cmpuint (notified->len, ==, 0);
  lc_notifier_start (second);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (notified->pdata[0], ==, "reminder-diary-morning");
  wait_until (server.summaries->len >= n_sent + 1);
  g_assert_cmpstr (last_summary (), ==, "Missed Reminder: How Do Your Legs Feel?");
  g_assert_nonnull (strstr (server.bodies->pdata[server.bodies->len - 1], "08:00"));

  /* Once. */
  lc_clock_advance (later, 60 * MINUTE_US);
  spin_main_loop (200);
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpuint (server.summaries->len, ==, n_sent + 1);

  g_assert_finalize_object (second);
}

/* --- --background ---------------------------------------------------------------- */

typedef struct
{
  guint    n_windows;
  gboolean timed_out;
  gboolean held;
} RunResult;

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 RunResult      *result)
{
  result->n_windows++;
}

static gboolean
stop_cb (gpointer user_data)
{
  GApplication *app = user_data;
  RunResult *result = g_object_get_data (G_OBJECT (app), "result");

  result->timed_out = TRUE;
  result->held = lc_notifier_get_holding (lc_application_get_notifier (LC_APPLICATION (app)));
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

/* In a subprocess: its own settings and its own, non-unique app. */
static void
run_app (gboolean   background,
         gboolean   reminder,
         RunResult *result)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LcApplication) app = lc_application_new ();
  char *argv[] = { (char *) "legcare", (char *) "--background", NULL };

  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  g_settings_set_boolean (settings, "diary-reminder-morning-enabled", reminder);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "result", result);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), result);
  /* 2 s (times the sanitizers' slowdown): "at once" is well within it,
   * "runs on" well beyond it */
  g_timeout_add ((guint) (2000 * lc_test_slowdown ()), stop_cb, app);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), background ? 2 : 1, argv), ==, 0);
}

/* With a reminder on, --background runs on without a window. */
static void
test_reminders_background_held (void)
{
  if (g_test_subprocess ())
    {
      RunResult result = { 0 };

      run_app (TRUE, TRUE, &result);
      g_assert_true (result.timed_out);
      g_assert_true (result.held);
      g_assert_cmpuint (result.n_windows, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* With none, it has nothing to do and ends at once. */
static void
test_reminders_background_alone (void)
{
  if (g_test_subprocess ())
    {
      RunResult result = { 0 };

      run_app (TRUE, FALSE, &result);
      g_assert_false (result.timed_out);
      g_assert_cmpuint (result.n_windows, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Without --background, the window comes. */
static void
test_reminders_background_without (void)
{
  if (g_test_subprocess ())
    {
      RunResult result = { 0 };

      run_app (FALSE, TRUE, &result);
      g_assert_true (result.timed_out);
      g_assert_cmpuint (result.n_windows, >=, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The sitting break: after the interval of time at the computer, with
 * Start, Later and Skip; walking away takes it back; a session holds it
 * back; Do Not Disturb postpones it. */
static void
test_reminders_sitting_break (Fixture       *fixture,
                              gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  g_autoptr(LcActivity) activity = lc_activity_new_manual ();
  g_autoptr(GSettings) desktop = g_settings_new ("org.gnome.desktop.notifications");
  g_autoptr(GVariant) state = NULL;
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (the_app),
                                                LC_ROUTINE_ID_SITTING_BREAK);
  guint n_sent = server.summaries->len;
  guint n_closed;
  gboolean pending;
  AdwNavigationView *navigation;
  GtkWidget *session;
  GtkWindow *window;

  g_assert_nonnull (routine);
  lc_activity_set_available (activity, TRUE);
  lc_notifier_set_activity (fixture->reminders, activity);
  g_assert_true (lc_notifier_get_activity_available (fixture->reminders));

  g_settings_set_uint (settings, "sitting-break-interval", 30);
  g_settings_set_uint (settings, "sitting-break-start", 0);
  g_settings_set_uint (settings, "sitting-break-end", 0);
  g_settings_set_uint (settings, "sitting-break-days", LC_WEEKDAYS_ALL);
  g_assert_false (lc_notifier_any_enabled (fixture->reminders));
  g_settings_set_boolean (settings, "sitting-break-enabled", TRUE);
  wait_until (lc_notifier_get_breaks_enabled (fixture->reminders));
  g_assert_true (lc_notifier_any_enabled (fixture->reminders));
  g_assert_true (lc_notifier_get_holding (fixture->reminders));

  /* Thirty minutes of sitting */
  lc_clock_advance (fixture->clock, 29 * MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 0);
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  g_assert_cmpstr (fixture->notified->pdata[0], ==, LC_NOTIFICATION_ID_BREAK);
  wait_until (server.summaries->len == n_sent + 1);
  g_assert_cmpstr (last_summary (), ==, "Time to Move Your Legs");
  g_assert_nonnull (strstr (server.bodies->pdata[server.bodies->len - 1], "30 minutes"));
  g_assert_true (g_strv_contains (server.actions->pdata[server.actions->len - 1], "app.break-skip"));
  /* Not critical: GNOME Shell holds other banners back while the screen is
   * in fullscreen (a presentation, a film), which is how breaks wait for
   * the end of one (no app may see other apps' windows on Wayland) */
  g_assert_cmpuint (g_array_index (server.urgencies, guint8, server.urgencies->len - 1), <, 2);

  /* Kept across a restart: a prompt is out */
  state = g_settings_get_value (settings, "sitting-break-state");
  g_variant_get_child (state, 2, "b", &pending);
  g_assert_true (pending);

  /* Later: ten more minutes */
  n_closed = server.n_closed;
  server_click ("app.break-later");
  wait_until (server.n_closed > n_closed);
  lc_clock_advance (fixture->clock, 9 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 1);
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 2);
  wait_until (server.summaries->len == n_sent + 2);

  /* Five minutes away: a break taken, the prompt taken back (once the app
   * knows the server's id for it) */
  spin_main_loop (100);
  n_closed = server.n_closed;
  lc_activity_set_idle (activity, TRUE);
  wait_until (server.n_closed > n_closed);
  lc_clock_advance (fixture->clock, 20 * MINUTE_US);
  lc_activity_set_idle (activity, FALSE);
  lc_clock_advance (fixture->clock, 29 * MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 2);

  /* Do Not Disturb: it waits, and comes when notifications do */
  g_settings_set_boolean (desktop, "show-banners", FALSE);
  lc_clock_advance (fixture->clock, 20 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 2);
  g_settings_set_boolean (desktop, "show-banners", TRUE);
  wait_until (fixture->notified->len == 3);
  wait_until (server.summaries->len == n_sent + 3);

  /* Start: the Sitting Break routine, from its page (its cautions not yet
   * acknowledged), then at once */
  server_click ("app.break-start");
  wait_until (gtk_application_get_active_window (GTK_APPLICATION (the_app)) != NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (the_app));
  navigation = ADW_NAVIGATION_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW,
                                                                   "navigation_view"));
  wait_until (LC_IS_ROUTINE_VIEW (adw_navigation_view_get_visible_page (navigation)));
  g_assert_true (lc_routine_view_get_routine (LC_ROUTINE_VIEW (adw_navigation_view_get_visible_page (navigation))) ==
                 routine);
  lc_start_gate_acknowledge (routine);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "break-start", NULL);
  wait_until (LC_IS_SESSION_VIEW (adw_navigation_view_get_visible_page (navigation)));

  /* While it runs, no prompt however long */
  wait_until (lc_break_scheduler_get_remaining (lc_notifier_get_breaks (fixture->reminders)) > 0 &&
              !lc_break_scheduler_get_pending (lc_notifier_get_breaks (fixture->reminders)));
  lc_clock_advance (fixture->clock, 60 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 3);

  /* Left without a step done: not a break; the count goes on from where
   * the session found it (the 20 minutes since the last prompt) */
  session = GTK_WIDGET (adw_navigation_view_get_visible_page (navigation));
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &session);
  g_assert_true (adw_navigation_view_pop (navigation));
  wait_until (session == NULL || gtk_widget_get_root (session) == NULL);
  if (session != NULL)
    g_object_remove_weak_pointer (G_OBJECT (session), (gpointer *) &session);
  lc_clock_advance (fixture->clock, 9 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 3);
  lc_clock_advance (fixture->clock, 21 * MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 4);

  /* Skip: a full interval */
  wait_until (server.summaries->len == n_sent + 4);
  spin_main_loop (100);
  n_closed = server.n_closed;
  server_click ("app.break-skip");
  wait_until (server.n_closed > n_closed);
  lc_clock_advance (fixture->clock, 29 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 4);
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 5);

  /* Some other session started while the prompt is out (from the window,
   * not from the notification): the notification is taken back */
  wait_until (server.summaries->len == n_sent + 5);
  spin_main_loop (100);
  n_closed = server.n_closed;
  lc_notifier_session_started (fixture->reminders);
  wait_until (server.n_closed > n_closed);
  lc_notifier_session_ended (fixture->reminders, TRUE);
  g_assert_false (lc_break_scheduler_get_pending (lc_notifier_get_breaks (fixture->reminders)));

  /* Off: nothing more, and no hold */
  g_settings_set_boolean (settings, "sitting-break-enabled", FALSE);
  wait_until (!lc_notifier_any_enabled (fixture->reminders));
  lc_clock_advance (fixture->clock, 120 * MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 5);
}

/* With GNOME's idle monitor (a stand-in on the test's bus): the app asks
 * for an idle watch of five minutes only once breaks are on, never polls,
 * and five minutes away are a break; off again, the watch is removed. */
static void
test_reminders_sitting_break_idle_monitor (Fixture       *fixture,
                                           gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  guint calls;

  mutter_start ();
  spin_main_loop (100);
  g_assert_cmpuint (mutter.n_calls, ==, 0);

  g_settings_set_uint (settings, "sitting-break-interval", 45);
  g_settings_set_uint (settings, "sitting-break-start", 0);
  g_settings_set_uint (settings, "sitting-break-end", 0);
  g_settings_set_uint (settings, "sitting-break-days", LC_WEEKDAYS_ALL);
  g_settings_set_boolean (settings, "sitting-break-enabled", TRUE);
  wait_until (lc_notifier_get_activity_available (fixture->reminders));
  g_assert_cmpuint (mutter.idle_interval, ==, 5 * 60 * 1000);
  g_assert_cmpuint (mutter.n_get_idletime, <=, 1);
  g_assert_true (lc_break_scheduler_get_uses_activity (lc_notifier_get_breaks (fixture->reminders)));

  /* 40 minutes at the keyboard, then away: a break, so 45 more minutes
   * after coming back, and none at once */
  lc_clock_advance (fixture->clock, 40 * MINUTE_US);
  mutter_user_away ();
  wait_until (lc_activity_get_idle (lc_notifier_get_activity (fixture->reminders)) && mutter.active_watch != 0);
  g_assert_cmpint (lc_break_scheduler_get_sitting (lc_notifier_get_breaks (fixture->reminders)), ==, 0);
  lc_clock_advance (fixture->clock, 30 * MINUTE_US);
  mutter_user_back ();
  wait_until (!lc_activity_get_idle (lc_notifier_get_activity (fixture->reminders)));
  g_assert_cmpint (lc_break_scheduler_get_remaining (lc_notifier_get_breaks (fixture->reminders)), ==,
                   45 * MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 0);
  lc_clock_advance (fixture->clock, 44 * MINUTE_US);
  spin_main_loop (50);
  g_assert_cmpuint (fixture->notified->len, ==, 0);
  lc_clock_advance (fixture->clock, MINUTE_US);
  g_assert_cmpuint (fixture->notified->len, ==, 1);

  /* Nothing polled all that time */
  g_assert_cmpuint (mutter.n_get_idletime, <=, 1);

  /* Off: the watch goes */
  calls = mutter.n_calls;
  g_settings_set_boolean (settings, "sitting-break-enabled", FALSE);
  wait_until (mutter.idle_watch == 0);
  g_assert_cmpuint (mutter.n_calls, >, calls);
  mutter_stop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lc_test_use_private_home ("legcare-test-reminders");
  /* Reminders come at local times: make them the same everywhere. The
   * week starts on Sunday, as in the United States, so that the weekday
   * toggles' order is the locale's, not Monday's (if the locale is here) */
  g_setenv ("TZ", "UTC", TRUE);
  g_unsetenv ("LC_ALL");
  g_setenv ("LC_TIME", "en_US.UTF-8", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

#define ADD(path, func) \
  g_test_add ("/lc/reminders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("diary", test_reminders_diary);
  ADD ("routine", test_reminders_routine);
  ADD ("preferences", test_reminders_preferences);
  ADD ("restart", test_reminders_restart);
  ADD ("sitting-break-idle-monitor", test_reminders_sitting_break_idle_monitor);
  ADD ("sitting-break", test_reminders_sitting_break);

#undef ADD

  g_test_add_func ("/lc/reminders/background/held", test_reminders_background_held);
  g_test_add_func ("/lc/reminders/background/alone", test_reminders_background_alone);
  g_test_add_func ("/lc/reminders/background/without", test_reminders_background_without);

  if (g_test_subprocess ())
    return g_test_run ();

  server_start ();
  the_app = lc_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  ret = g_test_run ();

  g_object_unref (the_app);
  server_stop ();
  return ret;
}
