/* test-idle-monitor.c: LcIdleMonitor against a stand-in for GNOME's idle monitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts its own dbus-daemon (GTestDBus). The stand-in owns
 * org.gnome.Mutter.IdleMonitor on a connection of its own, so its unique
 * name is not the monitor's, and behaves as Mutter's meta-idle-monitor
 * does: an idle watch fires once an idle stretch reaches its interval, once
 * a stretch, until removed (and, if the user is idle for that long already
 * when it is added, at once); a user-active watch fires at the next input
 * and is gone; WatchFired goes to the connection that added the watch only.
 * The test says when the user goes idle and comes back, and counts the
 * calls.
 *
 * Nothing sleeps: the tests iterate the main context until what they wait
 * for happens, and fail if it doesn't within a generous time. To tell that
 * something did not happen, settle() makes round trips to the stand-in
 * through the monitor's connection, so that everything the monitor sent
 * before has been handled and everything it had to answer has been.
 */

#include "config.h"

#include "lc-idle-monitor.h"
#include "lc-test-util.h"

#define NAME "org.gnome.Mutter.IdleMonitor"
#define PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define INTERFACE "org.gnome.Mutter.IdleMonitor"
#define SYNC_PATH "/com/example/LegCare/Test"
#define SYNC_INTERFACE "com.example.LegCare.Test"
#define TIMEOUT_S 20
#define DEFAULT_THRESHOLD_MS 300000

/* The interface as data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml
 * in Mutter has it, and a method for settle() */
static const char introspection_xml[] =
  "<node>"
  "  <interface name='" INTERFACE "'>"
  "    <method name='GetIdletime'>"
  "      <arg name='idletime' direction='out' type='t'/>"
  "    </method>"
  "    <method name='AddIdleWatch'>"
  "      <arg name='interval' direction='in' type='t'/>"
  "      <arg name='id' direction='out' type='u'/>"
  "    </method>"
  "    <method name='AddUserActiveWatch'>"
  "      <arg name='id' direction='out' type='u'/>"
  "    </method>"
  "    <method name='RemoveWatch'>"
  "      <arg name='id' direction='in' type='u'/>"
  "    </method>"
  "    <method name='ResetIdletime'/>"
  "    <signal name='WatchFired'>"
  "      <arg name='id' type='u'/>"
  "    </signal>"
  "  </interface>"
  "  <interface name='" SYNC_INTERFACE "'>"
  "    <method name='Sync'/>"
  "  </interface>"
  "</node>";

/* --- waiting ------------------------------------------------------------------- */

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterate the main context until @condition holds; fail after TIMEOUT_S. */
#define wait_for(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint timeout_id_ = g_timeout_add_seconds ((guint) (TIMEOUT_S * lc_test_slowdown ()), \
                                               timed_out_cb, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!timed_out_) \
      g_source_remove (timeout_id_); \
    if (!(condition)) \
      g_error ("line %d: timed out waiting for: %s", __LINE__, #condition); \
  } G_STMT_END

/* Run what is ready now, without waiting for more */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GDBusConnection *
connection_new (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnectionFlags flags = G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus), flags,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

/* --- the stand-in -------------------------------------------------------------- */

typedef struct
{
  guint    id;
  guint64  interval_ms;    /* 0 for a user-active watch */
  char    *sender;
  gboolean fired;          /* idle watches: in this idle stretch */
} Watch;

typedef struct
{
  GDBusConnection *connection;
  GDBusNodeInfo   *node;
  guint            object_id;
  guint            sync_id;
  guint            own_id;
  gboolean         owned;

  guint64          idle_ms;
  GHashTable      *watches;        /* id → Watch */
  gboolean         fire_at_once;   /* as Mutter: an idle watch added late fires */
  gboolean         hold;           /* keep the calls to answer later */
  GPtrArray       *held;           /* GDBusMethodInvocation */
  const char      *fail;           /* methods to answer with an error */

  guint            n_get_idletime;
  guint            n_add_idle;
  guint            n_add_active;
  guint            n_remove;
  guint64          last_interval_ms;
  guint            last_removed;
} Fake;

/* Mutter counts watch ids across all its clients */
static guint last_watch_id;

static void
watch_free (Watch *watch)
{
  g_free (watch->sender);
  g_free (watch);
}

static void
fake_fire (Fake  *fake,
           Watch *watch)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (fake->connection, watch->sender, PATH, INTERFACE, "WatchFired",
                                 g_variant_new ("(u)", watch->id), &error);
  g_assert_no_error (error);
}

static void
fake_answer (Fake                  *fake,
             GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  Watch *watch;

  if (fake->fail != NULL && strstr (fake->fail, method) != NULL)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "The stand-in fails %s", method);
      return;
    }

  if (g_str_equal (method, "GetIdletime"))
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", fake->idle_ms));
    }
  else if (g_str_equal (method, "AddIdleWatch") || g_str_equal (method, "AddUserActiveWatch"))
    {
      watch = g_new0 (Watch, 1);
      watch->id = ++last_watch_id;
      watch->sender = g_strdup (g_dbus_method_invocation_get_sender (invocation));
      if (g_str_equal (method, "AddIdleWatch"))
        {
          g_variant_get (parameters, "(t)", &watch->interval_ms);
          fake->last_interval_ms = watch->interval_ms;
        }
      g_hash_table_insert (fake->watches, GUINT_TO_POINTER (watch->id), watch);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", watch->id));

      if (watch->interval_ms != 0 && fake->fire_at_once && fake->idle_ms >= watch->interval_ms)
        {
          watch->fired = TRUE;
          fake_fire (fake, watch);
        }
    }
  else if (g_str_equal (method, "RemoveWatch"))
    {
      g_variant_get (parameters, "(u)", &fake->last_removed);
      g_hash_table_remove (fake->watches, GUINT_TO_POINTER (fake->last_removed));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static void
fake_method_call_cb (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  Fake *fake = user_data;

  if (g_str_equal (interface_name, SYNC_INTERFACE))
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  if (g_str_equal (method_name, "GetIdletime"))
    fake->n_get_idletime++;
  else if (g_str_equal (method_name, "AddIdleWatch"))
    fake->n_add_idle++;
  else if (g_str_equal (method_name, "AddUserActiveWatch"))
    fake->n_add_active++;
  else if (g_str_equal (method_name, "RemoveWatch"))
    fake->n_remove++;

  if (fake->hold)
    g_ptr_array_add (fake->held, g_object_ref (invocation));
  else
    fake_answer (fake, invocation);
}

static const GDBusInterfaceVTable fake_vtable = { fake_method_call_cb, NULL, NULL, { NULL } };

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Fake *fake = user_data;

  fake->owned = TRUE;
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  Fake *fake = user_data;

  fake->owned = FALSE;
}

static void
fake_own (Fake *fake)
{
  g_assert_cmpuint (fake->own_id, ==, 0);

  fake->own_id = g_bus_own_name_on_connection (fake->connection, NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                               name_acquired_cb, name_lost_cb, fake, NULL);
  wait_for (fake->owned);
}

static void
fake_unown (Fake *fake)
{
  g_bus_unown_name (fake->own_id);
  fake->own_id = 0;
  fake->owned = FALSE;
}

static Fake *
fake_new (GTestDBus *bus,
          gboolean   own)
{
  g_autoptr(GError) error = NULL;
  Fake *fake = g_new0 (Fake, 1);

  fake->connection = connection_new (bus);
  fake->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
  fake->held = g_ptr_array_new_with_free_func (g_object_unref);
  fake->node = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);

  fake->object_id = g_dbus_connection_register_object (fake->connection, PATH,
                                                       fake->node->interfaces[0],
                                                       &fake_vtable, fake, NULL, &error);
  g_assert_no_error (error);
  fake->sync_id = g_dbus_connection_register_object (fake->connection, SYNC_PATH,
                                                     fake->node->interfaces[1],
                                                     &fake_vtable, fake, NULL, &error);
  g_assert_no_error (error);

  if (own)
    fake_own (fake);

  return fake;
}

static void
fake_free (Fake *fake)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (fake->held->len, ==, 0);

  if (fake->own_id != 0)
    fake_unown (fake);
  g_dbus_connection_unregister_object (fake->connection, fake->object_id);
  g_dbus_connection_unregister_object (fake->connection, fake->sync_id);
  g_dbus_connection_close_sync (fake->connection, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (fake->connection);
  g_dbus_node_info_unref (fake->node);
  g_hash_table_unref (fake->watches);
  g_ptr_array_unref (fake->held);
  g_free (fake);
}

/* Answer the first @n calls held, in order */
static void
fake_release_some (Fake  *fake,
                   guint  n)
{
  g_autoptr(GPtrArray) held = NULL;

  g_assert_cmpuint (n, <=, fake->held->len);
  held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (held, g_ptr_array_steal_index (fake->held, 0));
  for (guint i = 0; i < held->len; i++)
    fake_answer (fake, held->pdata[i]);
}

/* Answer the calls held so far, in order, and the next ones at once */
static void
fake_release (Fake *fake)
{
  fake->hold = FALSE;
  fake_release_some (fake, fake->held->len);
}

/* The user has not touched anything for @idle_ms */
static void
fake_user_idle (Fake    *fake,
                guint64  idle_ms)
{
  GHashTableIter iter;
  Watch *watch;

  fake->idle_ms = idle_ms;
  g_hash_table_iter_init (&iter, fake->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    {
      if (watch->interval_ms != 0 && !watch->fired && watch->interval_ms <= idle_ms)
        {
          watch->fired = TRUE;
          fake_fire (fake, watch);
        }
    }
}

/* The user moved the pointer. (A user-active watch asked for after this
 * fires at the next input: settle() first.) */
static void
fake_user_active (Fake *fake)
{
  GHashTableIter iter;
  Watch *watch;

  fake->idle_ms = 0;
  g_hash_table_iter_init (&iter, fake->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    {
      watch->fired = FALSE;
      if (watch->interval_ms == 0)
        {
          fake_fire (fake, watch);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* How many watches @sender has: idle ones (@active FALSE) or user-active */
static guint
fake_count_watches (Fake       *fake,
                    const char *sender,
                    gboolean    active)
{
  GHashTableIter iter;
  Watch *watch;
  guint n = 0;

  g_hash_table_iter_init (&iter, fake->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (g_str_equal (watch->sender, sender) && (watch->interval_ms == 0) == active)
      n++;

  return n;
}

/* The one idle watch of @sender */
static Watch *
fake_idle_watch (Fake       *fake,
                 const char *sender)
{
  GHashTableIter iter;
  Watch *watch;
  Watch *found = NULL;

  g_hash_table_iter_init (&iter, fake->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    {
      if (g_str_equal (watch->sender, sender) && watch->interval_ms != 0)
        {
          g_assert_null (found);
          found = watch;
        }
    }
  g_assert_nonnull (found);

  return found;
}

/* --- the fixture ------------------------------------------------------------ */

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *client;        /* the monitor's */
  Fake            *fake;
  LcActivity      *monitor;
  guint            n_watch_fired; /* every WatchFired the client received */
  guint            watch_fired_id;
} Fixture;

static void
count_watch_fired_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  Fixture *f = user_data;

  f->n_watch_fired++;
}

static void
fixture_set_up (Fixture  *f,
                gboolean  with_fake)
{
  memset (f, 0, sizeof *f);

  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->client = connection_new (f->bus);
  f->watch_fired_id = g_dbus_connection_signal_subscribe (f->client, NULL, INTERFACE, "WatchFired",
                                                          PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                          count_watch_fired_cb, f, NULL);
  if (with_fake)
    f->fake = fake_new (f->bus, TRUE);
}

static void
fixture_tear_down (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->monitor != NULL)
    g_assert_finalize_object (f->monitor);
  if (f->fake != NULL)
    fake_free (f->fake);
  g_dbus_connection_signal_unsubscribe (f->client, f->watch_fired_id);
  g_dbus_connection_close_sync (f->client, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (f->client);
  /* What the connections leave to idle callbacks */
  drain ();
  g_test_dbus_down (f->bus);
  g_object_unref (f->bus);
}

static const char *
client_name (Fixture *f)
{
  return g_dbus_connection_get_unique_name (f->client);
}

static void
sync_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Round trips through the monitor's connection: the stand-in has handled
 * every call the monitor made before, the monitor every reply and signal
 * sent before, and so on for the calls those made in turn. Without a
 * stand-in, a round trip to the bus. */
static void
settle (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      gboolean done = FALSE;

      drain ();
      if (f->fake != NULL)
        g_dbus_connection_call (f->client, g_dbus_connection_get_unique_name (f->fake->connection),
                                SYNC_PATH, SYNC_INTERFACE, "Sync", NULL, NULL,
                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, sync_cb, &done);
      else
        g_dbus_connection_call (f->client, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                "org.freedesktop.DBus", "GetId", NULL, NULL,
                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, sync_cb, &done);
      wait_for (done);
    }
  drain ();
}

static void
start_monitor (Fixture *f)
{
  f->monitor = lc_idle_monitor_new (f->client);
  g_assert_true (LC_IS_IDLE_MONITOR (f->monitor));
}

static gboolean
is_available (Fixture *f)
{
  return lc_activity_get_available (f->monitor);
}

static gboolean
is_idle (Fixture *f)
{
  return lc_activity_get_idle (f->monitor);
}

/* --- tests -------------------------------------------------------------------- */

/* Nobody owns the name: available stays FALSE, for the caller to fall back;
 * when Mutter comes, it is watched with the threshold set meanwhile. */
static void
test_absent (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, FALSE);
  start_monitor (f);
  settle (f);
  g_assert_false (is_available (f));
  g_assert_false (is_idle (f));

  lc_activity_set_idle_threshold (f->monitor, 2000);
  settle (f);
  g_assert_false (is_available (f));

  f->fake = fake_new (f->bus, TRUE);
  wait_for (is_available (f));
  settle (f);
  g_assert_cmpuint (f->fake->n_add_idle, ==, 1);
  g_assert_cmpuint (f->fake->last_interval_ms, ==, 2000);
  g_assert_cmpuint (f->fake->n_remove, ==, 0);
  g_assert_false (is_idle (f));

  fixture_tear_down (f);
}

static void
test_present (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->idle_ms = 1000;
  start_monitor (f);
  wait_for (is_available (f));
  settle (f);

  g_assert_cmpuint (f->fake->n_add_idle, ==, 1);
  g_assert_cmpuint (f->fake->last_interval_ms, ==, DEFAULT_THRESHOLD_MS);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), FALSE), ==, 1);
  g_assert_cmpuint (f->fake->n_get_idletime, <=, 1);
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);
  g_assert_cmpuint (f->fake->n_remove, ==, 0);
  g_assert_false (is_idle (f));

  fixture_tear_down (f);
}

/* Idle watch → idle and a user-active watch; active watch → not idle; and
 * again, with the same idle watch, which Mutter fires once a stretch. */
static void
test_cycles (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  lc_activity_set_idle_threshold (f->monitor, 60000);
  wait_for (is_available (f));
  settle (f);
  g_assert_cmpuint (f->fake->last_interval_ms, ==, 60000);

  /* Not long enough */
  fake_user_idle (f->fake, 59999);
  settle (f);
  g_assert_false (is_idle (f));

  for (guint cycle = 1; cycle <= 3; cycle++)
    {
      fake_user_idle (f->fake, 60000);
      wait_for (is_idle (f));
      settle (f);
      g_assert_cmpuint (f->fake->n_add_active, ==, cycle);
      g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 1);

      /* Still idle later on: the idle watch has fired for this stretch */
      fake_user_idle (f->fake, 600000);
      settle (f);
      g_assert_true (is_idle (f));
      g_assert_cmpuint (f->fake->n_add_active, ==, cycle);

      fake_user_active (f->fake);
      wait_for (!is_idle (f));
      settle (f);
      g_assert_true (is_available (f));
      g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 0);
    }

  g_assert_cmpuint (f->fake->n_add_idle, ==, 1);
  g_assert_cmpuint (f->fake->n_get_idletime, ==, 1);
  g_assert_cmpuint (f->fake->n_remove, ==, 0);

  fixture_tear_down (f);
}

/* Idle for longer than the threshold already: idle at once, from
 * GetIdletime, with a stand-in that does not fire late idle watches */
static void
test_idle_at_start (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->idle_ms = DEFAULT_THRESHOLD_MS;
  start_monitor (f);
  wait_for (is_available (f));
  wait_for (is_idle (f));
  settle (f);
  g_assert_cmpuint (f->n_watch_fired, ==, 0);
  g_assert_cmpuint (f->fake->n_add_active, ==, 1);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 1);

  fake_user_active (f->fake);
  wait_for (!is_idle (f));

  fixture_tear_down (f);
}

/* The same as Mutter does it: the new idle watch fires at once too. One
 * user-active watch all the same. */
static void
test_idle_at_start_fired (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->fire_at_once = TRUE;
  f->fake->idle_ms = 2 * DEFAULT_THRESHOLD_MS;
  start_monitor (f);
  wait_for (is_idle (f));
  settle (f);
  g_assert_cmpuint (f->n_watch_fired, ==, 1);
  g_assert_true (is_available (f));
  g_assert_cmpuint (f->fake->n_add_active, ==, 1);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 1);

  fake_user_active (f->fake);
  wait_for (!is_idle (f));
  settle (f);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 0);

  fixture_tear_down (f);
}

static void
test_threshold_changed (void)
{
  Fixture fixture;
  Fixture *f = &fixture;
  guint old_id;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  settle (f);
  old_id = fake_idle_watch (f->fake, client_name (f))->id;

  lc_activity_set_idle_threshold (f->monitor, 120000);
  settle (f);
  g_assert_true (is_available (f));
  g_assert_cmpuint (f->fake->n_remove, ==, 1);
  g_assert_cmpuint (f->fake->last_removed, ==, old_id);
  g_assert_cmpuint (f->fake->n_add_idle, ==, 2);
  g_assert_cmpuint (f->fake->last_interval_ms, ==, 120000);
  g_assert_cmpuint (fake_idle_watch (f->fake, client_name (f))->interval_ms, ==, 120000);

  /* The old id means nothing any more */
  fake_fire (f->fake, &(Watch) { .id = old_id, .sender = (char *) client_name (f) });
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);

  fake_user_idle (f->fake, 120000);
  wait_for (is_idle (f));

  fixture_tear_down (f);
}

/* The threshold changes while the first AddIdleWatch is under way: only
 * the new watch stays. */
static void
test_threshold_changed_while_adding (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->hold = TRUE;
  start_monitor (f);
  wait_for (f->fake->n_add_idle == 1);
  lc_activity_set_idle_threshold (f->monitor, 30000);
  wait_for (f->fake->n_add_idle == 2);
  g_assert_false (is_available (f));

  fake_release (f->fake);
  wait_for (is_available (f));
  settle (f);
  g_assert_cmpuint (f->fake->n_remove, ==, 1);
  g_assert_cmpuint (fake_idle_watch (f->fake, client_name (f))->interval_ms, ==, 30000);

  fake_user_idle (f->fake, 30000);
  wait_for (is_idle (f));

  fixture_tear_down (f);
}

/* Mutter gives up the name (and takes it again): not available, not idle;
 * then watched again from the start. */
static void
test_name_released (void)
{
  Fixture fixture;
  Fixture *f = &fixture;
  guint old_id;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));
  settle (f);
  old_id = fake_idle_watch (f->fake, client_name (f))->id;

  fake_unown (f->fake);
  wait_for (!is_available (f));
  g_assert_false (is_idle (f));
  settle (f);
  /* It kept its connection, so it was told to drop the watches */
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), FALSE), ==, 0);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 0);

  f->fake->idle_ms = 0;
  fake_own (f->fake);
  wait_for (is_available (f));
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_idle, ==, 2);
  g_assert_cmpuint (f->fake->n_get_idletime, ==, 2);
  g_assert_cmpuint (fake_idle_watch (f->fake, client_name (f))->id, !=, old_id);

  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));
  settle (f);
  fake_user_active (f->fake);
  wait_for (!is_idle (f));

  fixture_tear_down (f);
}

/* Mutter leaves the bus and another one comes */
static void
test_service_restarted (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));

  g_clear_pointer (&f->fake, fake_free);
  wait_for (!is_available (f));
  g_assert_false (is_idle (f));

  f->fake = fake_new (f->bus, TRUE);
  wait_for (is_available (f));
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_idle, ==, 1);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), FALSE), ==, 1);

  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));

  fixture_tear_down (f);
}

/* WatchFired from somebody else, even with the idle watch's id, and from
 * Mutter with an id that is not the monitor's */
static void
test_foreign_signals (void)
{
  Fixture fixture;
  Fixture *f = &fixture;
  g_autoptr(GDBusConnection) impostor = NULL;
  g_autoptr(GError) error = NULL;
  guint id;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  settle (f);
  id = fake_idle_watch (f->fake, client_name (f))->id;

  impostor = connection_new (f->bus);
  g_dbus_connection_emit_signal (impostor, client_name (f), PATH, INTERFACE, "WatchFired",
                                 g_variant_new ("(u)", id), &error);
  g_assert_no_error (error);
  wait_for (f->n_watch_fired == 1);
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);

  fake_fire (f->fake, &(Watch) { .id = id + 1000, .sender = (char *) client_name (f) });
  wait_for (f->n_watch_fired == 2);
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);

  /* The real one still counts */
  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));

  g_dbus_connection_close_sync (impostor, NULL, &error);
  g_assert_no_error (error);
  fixture_tear_down (f);
}

/* Calls that fail: no idle watch, not available; no user-active watch,
 * not idle (nothing would say when the user is back); no idle time, no
 * matter. */
static void
test_service_errors (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->fail = "GetIdletime AddIdleWatch";
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "*AddIdleWatch failed*stand-in*");
  start_monitor (f);
  wait_for (f->fake->n_add_idle == 1);
  settle (f);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (f->fake->n_get_idletime, ==, 1);
  g_assert_false (is_available (f));

  /* A new threshold is a new try */
  f->fake->fail = NULL;
  lc_activity_set_idle_threshold (f->monitor, 10000);
  wait_for (is_available (f));

  f->fake->fail = "AddUserActiveWatch";
  g_test_expect_message ("legcare-core", G_LOG_LEVEL_WARNING, "*AddUserActiveWatch failed*");
  fake_user_idle (f->fake, 10000);
  wait_for (f->fake->n_add_active == 1);
  settle (f);
  g_test_assert_expected_messages ();
  g_assert_false (is_idle (f));
  g_assert_true (is_available (f));

  /* The next stretch tries again */
  f->fake->fail = NULL;
  fake_user_active (f->fake);
  fake_user_idle (f->fake, 10000);
  wait_for (is_idle (f));
  settle (f);
  fake_user_active (f->fake);
  wait_for (!is_idle (f));

  fixture_tear_down (f);
}

/* Disposed while idle: both watches are removed */
static void
test_dispose_removes_watches (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));
  settle (f);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), FALSE), ==, 1);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), TRUE), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&f->monitor));
  settle (f);
  g_assert_cmpuint (f->fake->n_remove, ==, 2);
  g_assert_cmpuint (g_hash_table_size (f->fake->watches), ==, 0);

  fixture_tear_down (f);
}

/* Disposed before Mutter answers: the replies come to nobody, and the
 * watch they add is removed. (Under AddressSanitizer, a reply that touched
 * the monitor would be a use after free.) */
static void
test_late_replies (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->hold = TRUE;
  f->fake->idle_ms = 2 * DEFAULT_THRESHOLD_MS;
  start_monitor (f);
  wait_for (f->fake->held->len == 2);
  g_assert_cmpuint (f->fake->n_get_idletime, ==, 1);
  g_assert_cmpuint (f->fake->n_add_idle, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&f->monitor));
  fake_release (f->fake);
  settle (f);
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);
  g_assert_cmpuint (f->fake->n_remove, ==, 1);
  g_assert_cmpuint (g_hash_table_size (f->fake->watches), ==, 0);

  fixture_tear_down (f);
}

/* Mutter gives up the name and takes it again before answering: what it
 * says to the monitor that asked before counts for nothing, and the watch
 * it adds then is removed. */
static void
test_stale_replies (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  f->fake->hold = TRUE;
  start_monitor (f);
  wait_for (f->fake->held->len == 2);
  fake_unown (f->fake);
  fake_own (f->fake);
  /* Asked again: so it has seen the name go and come */
  wait_for (f->fake->held->len == 4);

  /* Idle, says the answer to the first GetIdletime; no longer when the
   * second is answered */
  f->fake->hold = FALSE;
  f->fake->idle_ms = 2 * DEFAULT_THRESHOLD_MS;
  fake_release_some (f->fake, 2);
  f->fake->idle_ms = 0;
  fake_release (f->fake);
  wait_for (is_available (f));
  settle (f);
  g_assert_false (is_idle (f));
  g_assert_cmpuint (f->fake->n_add_idle, ==, 2);
  g_assert_cmpuint (f->fake->n_add_active, ==, 0);
  g_assert_cmpuint (f->fake->n_remove, ==, 1);
  g_assert_cmpuint (fake_count_watches (f->fake, client_name (f), FALSE), ==, 1);

  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));

  fixture_tear_down (f);
}

/* A user-active watch asked for just before the monitor goes */
static void
test_late_active_reply (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  start_monitor (f);
  wait_for (is_available (f));
  settle (f);

  f->fake->hold = TRUE;
  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (f->fake->n_add_active == 1);
  g_assert_finalize_object (g_steal_pointer (&f->monitor));
  fake_release (f->fake);
  settle (f);
  g_assert_cmpuint (g_hash_table_size (f->fake->watches), ==, 0);

  fixture_tear_down (f);
}

/* No connection given: the session bus, which GTestDBus has set */
static void
test_session_bus (void)
{
  Fixture fixture;
  Fixture *f = &fixture;
  g_autoptr(GDBusConnection) session = NULL;
  const char *sender;

  fixture_set_up (f, TRUE);
  f->monitor = lc_idle_monitor_new (NULL);
  wait_for (is_available (f));
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_assert_nonnull (session);
  sender = g_dbus_connection_get_unique_name (session);
  g_assert_cmpuint (fake_count_watches (f->fake, sender, FALSE), ==, 1);
  g_clear_object (&session);

  fake_user_idle (f->fake, DEFAULT_THRESHOLD_MS);
  wait_for (is_idle (f));

  fixture_tear_down (f);
}

/* Disposed before the session bus is there */
static void
test_session_bus_disposed_early (void)
{
  Fixture fixture;
  Fixture *f = &fixture;

  fixture_set_up (f, TRUE);
  g_assert_finalize_object (lc_idle_monitor_new (NULL));
  settle (f);
  g_assert_cmpuint (f->fake->n_add_idle, ==, 0);

  fixture_tear_down (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/idle-monitor/absent", test_absent);
  g_test_add_func ("/lc/idle-monitor/present", test_present);
  g_test_add_func ("/lc/idle-monitor/cycles", test_cycles);
  g_test_add_func ("/lc/idle-monitor/idle-at-start", test_idle_at_start);
  g_test_add_func ("/lc/idle-monitor/idle-at-start-fired", test_idle_at_start_fired);
  g_test_add_func ("/lc/idle-monitor/threshold-changed", test_threshold_changed);
  g_test_add_func ("/lc/idle-monitor/threshold-changed-while-adding",
                   test_threshold_changed_while_adding);
  g_test_add_func ("/lc/idle-monitor/name-released", test_name_released);
  g_test_add_func ("/lc/idle-monitor/service-restarted", test_service_restarted);
  g_test_add_func ("/lc/idle-monitor/foreign-signals", test_foreign_signals);
  g_test_add_func ("/lc/idle-monitor/service-errors", test_service_errors);
  g_test_add_func ("/lc/idle-monitor/dispose-removes-watches", test_dispose_removes_watches);
  g_test_add_func ("/lc/idle-monitor/late-replies", test_late_replies);
  g_test_add_func ("/lc/idle-monitor/late-active-reply", test_late_active_reply);
  g_test_add_func ("/lc/idle-monitor/stale-replies", test_stale_replies);
  g_test_add_func ("/lc/idle-monitor/session-bus", test_session_bus);
  g_test_add_func ("/lc/idle-monitor/session-bus-disposed-early", test_session_bus_disposed_early);

  return g_test_run ();
}
