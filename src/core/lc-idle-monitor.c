/* lc-idle-monitor.c: whether the user is at the computer, from GNOME's idle monitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell (Mutter) owns org.gnome.Mutter.IdleMonitor on the session
 * bus and knows when the last keyboard or pointer event was. Instead of
 * asking it for the idle time every so often, the monitor leaves watches
 * there and waits for WatchFired, so nothing runs while nothing happens:
 *
 * - an idle watch for the threshold (AddIdleWatch), which fires whenever an
 *   idle stretch reaches the threshold, once a stretch, until it is removed;
 * - once that has fired, a user-active watch (AddUserActiveWatch), which
 *   fires at the next input and is then gone.
 *
 * Mutter holds idle watches back while an application inhibits idleness
 * (a video playing, say): that counts as being at the computer.
 *
 * Mutter sends WatchFired to the connection that added the watch only, and
 * drops a connection's watches when it leaves the bus. Watch ids are
 * Mutter's, counted across all its clients, so a WatchFired counts only
 * from the name's current owner and for an id this monitor was given.
 *
 * Where nobody owns the name (another desktop, no session bus, a sandbox
 * that may not talk to it) "available" stays FALSE: what to do then is for
 * the caller to decide. The name is watched, not auto-started, and followed
 * as it comes and goes; each appearance starts again with fresh watches.
 *
 * A reply can come after the monitor is gone, or after the owner it was
 * meant for has gone. Calls that only fetch something are cancelled in
 * dispose. A call that adds a watch is not (its reply would be lost with
 * the watch still in Mutter): its reply carries a weak reference and the
 * owner it was for, and a watch that nobody wants any more is removed.
 */

#include "config.h"

#include "lc-idle-monitor.h"

#define IDLE_MONITOR_NAME "org.gnome.Mutter.IdleMonitor"
#define IDLE_MONITOR_PATH "/org/gnome/Mutter/IdleMonitor/Core"
#define IDLE_MONITOR_INTERFACE "org.gnome.Mutter.IdleMonitor"

struct _LcIdleMonitor
{
  LcActivity       parent_instance;

  GDBusConnection *connection;
  GCancellable    *cancellable;       /* g_bus_get() and GetIdletime */
  guint            name_watch_id;

  /* While the name has an owner */
  char            *owner;             /* its unique name */
  guint            generation;        /* one per owner, to tell late replies */
  guint            watch_fired_id;    /* the signal subscription */
  gboolean         watching;          /* an idle watch is (or was just) in place */
  gboolean         away;              /* idle, as the watches tell */
  guint            idle_watch;        /* watch ids in Mutter, 0 for none */
  guint            active_watch;
  guint            idle_request;      /* the AddIdleWatch awaited, 0 for none */
  guint            active_request;    /* the AddUserActiveWatch awaited */
  guint            last_request;
};

/* What a reply needs to know whether anybody still wants it */
typedef struct
{
  GWeakRef  self;
  char     *owner;
  guint     generation;
  guint     request;
} Call;

static void add_active_watch (LcIdleMonitor *self);

G_DEFINE_FINAL_TYPE (LcIdleMonitor, lc_idle_monitor, LC_TYPE_ACTIVITY)

static Call *
call_new (LcIdleMonitor *self,
          guint          request)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->self, self);
  call->owner = g_strdup (self->owner);
  call->generation = self->generation;
  call->request = request;

  return call;
}

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->self);
  g_free (call->owner);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

/* The monitor, if it is alive and still talks to the owner @call went to */
static LcIdleMonitor *
call_get_monitor (Call *call)
{
  LcIdleMonitor *self = g_weak_ref_get (&call->self);

  if (self != NULL && (self->owner == NULL || self->generation != call->generation))
    g_clear_object (&self);

  return self;
}

static guint
next_request (LcIdleMonitor *self)
{
  if (++self->last_request == 0)
    self->last_request = 1;

  return self->last_request;
}

/* Errors that mean the owner has left the bus. The name watcher says so
 * too, so they are not worth a warning. */
static gboolean
is_owner_gone (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static void
report_failure (const char   *method,
                const GError *error)
{
  if (is_owner_gone (error))
    g_debug ("%s.%s: %s", IDLE_MONITOR_INTERFACE, method, error->message);
  else
    g_warning ("%s.%s failed: %s", IDLE_MONITOR_INTERFACE, method, error->message);
}

/* Fire and forget: nothing to do if it fails, the watch dies with the
 * owner or with this connection anyway. */
static void
remove_watch (GDBusConnection *connection,
              const char      *owner,
              guint            id)
{
  if (id == 0 || owner == NULL || connection == NULL || g_dbus_connection_is_closed (connection))
    return;

  g_dbus_connection_call (connection, owner, IDLE_MONITOR_PATH, IDLE_MONITOR_INTERFACE,
                          "RemoveWatch", g_variant_new ("(u)", id), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

/* Removes the watches in Mutter and forgets them and what they told; the
 * caller notifies with update(). */
static void
drop_watches (LcIdleMonitor *self)
{
  remove_watch (self->connection, self->owner, self->idle_watch);
  remove_watch (self->connection, self->owner, self->active_watch);
  self->idle_watch = 0;
  self->active_watch = 0;
  self->idle_request = 0;
  self->active_request = 0;
  self->watching = FALSE;
  self->away = FALSE;
}

static void
update (LcIdleMonitor *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  lc_activity_set_available (LC_ACTIVITY (self), self->watching);
  lc_activity_set_idle (LC_ACTIVITY (self), self->away);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The threshold was reached: idle until the next input, which the
 * user-active watch tells. */
static void
went_away (LcIdleMonitor *self)
{
  self->away = TRUE;
  if (self->active_watch == 0 && self->active_request == 0)
    add_active_watch (self);
  update (self);
}

static void
add_idle_watch_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(LcIdleMonitor) self = call_get_monitor (call);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean wanted;
  guint id;

  wanted = self != NULL && self->idle_request == call->request;
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!wanted)
        {
          g_debug ("%s.AddIdleWatch, no longer wanted: %s", IDLE_MONITOR_INTERFACE, error->message);
          return;
        }

      /* Without an idle watch there is nothing to tell */
      report_failure ("AddIdleWatch", error);
      drop_watches (self);
      update (self);
      return;
    }

  g_variant_get (reply, "(u)", &id);
  if (!wanted)
    {
      remove_watch (G_DBUS_CONNECTION (source), call->owner, id);
      return;
    }

  self->idle_request = 0;
  self->idle_watch = id;
  self->watching = TRUE;
  update (self);
}

static void
add_idle_watch (LcIdleMonitor *self)
{
  guint threshold_ms = lc_activity_get_idle_threshold (LC_ACTIVITY (self));

  self->idle_request = next_request (self);
  g_dbus_connection_call (self->connection, self->owner, IDLE_MONITOR_PATH, IDLE_MONITOR_INTERFACE,
                          "AddIdleWatch", g_variant_new ("(t)", (guint64) threshold_ms),
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          NULL, add_idle_watch_cb, call_new (self, self->idle_request));
}

static void
add_active_watch_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(LcIdleMonitor) self = call_get_monitor (call);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean wanted;
  guint id;

  wanted = self != NULL && self->active_request == call->request;
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!wanted)
        {
          g_debug ("%s.AddUserActiveWatch, no longer wanted: %s",
                   IDLE_MONITOR_INTERFACE, error->message);
          return;
        }

      /* Nothing would tell when the user is back: better not idle than
       * idle for ever. */
      report_failure ("AddUserActiveWatch", error);
      self->active_request = 0;
      self->away = FALSE;
      update (self);
      return;
    }

  g_variant_get (reply, "(u)", &id);
  if (!wanted)
    {
      remove_watch (G_DBUS_CONNECTION (source), call->owner, id);
      return;
    }

  self->active_request = 0;
  self->active_watch = id;
}

static void
add_active_watch (LcIdleMonitor *self)
{
  self->active_request = next_request (self);
  g_dbus_connection_call (self->connection, self->owner, IDLE_MONITOR_PATH, IDLE_MONITOR_INTERFACE,
                          "AddUserActiveWatch", NULL,
                          G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          NULL, add_active_watch_cb, call_new (self, self->active_request));
}

static void
get_idletime_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(LcIdleMonitor) self = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint64 idle_ms;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = call_get_monitor (call);
  if (self == NULL)
    return;

  /* Not fatal: the idle watch tells when the user has been away long enough. */
  if (reply == NULL)
    {
      g_debug ("%s.GetIdletime failed: %s", IDLE_MONITOR_INTERFACE, error->message);
      return;
    }

  g_variant_get (reply, "(t)", &idle_ms);
  if (idle_ms >= lc_activity_get_idle_threshold (LC_ACTIVITY (self)))
    went_away (self);
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  g_autoptr(LcIdleMonitor) self = g_object_ref (user_data);
  guint id;

  /* The subscription is for the owner already; this is for the bus's word. */
  if (g_strcmp0 (sender, self->owner) != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;

  g_variant_get (parameters, "(u)", &id);
  if (id != 0 && id == self->idle_watch)
    {
      went_away (self);
    }
  else if (id != 0 && id == self->active_watch)
    {
      /* One-shot: Mutter has removed it */
      self->active_watch = 0;
      self->away = FALSE;
      update (self);
    }
  else
    {
      g_debug ("%s.WatchFired for watch %u, not one of ours", IDLE_MONITOR_INTERFACE, id);
    }
}

static void
owner_gone (LcIdleMonitor *self)
{
  if (self->owner == NULL)
    return;

  /* Harmless if the owner has left; if it only gave up the name, its
   * watches would otherwise stay with it. */
  drop_watches (self);
  if (self->watch_fired_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->watch_fired_id);
  self->watch_fired_id = 0;
  g_clear_pointer (&self->owner, g_free);
  self->generation++;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *name_owner,
                  gpointer         user_data)
{
  g_autoptr(LcIdleMonitor) self = g_object_ref (user_data);

  owner_gone (self);
  self->owner = g_strdup (name_owner);
  self->generation++;

  self->watch_fired_id =
    g_dbus_connection_signal_subscribe (connection, self->owner, IDLE_MONITOR_INTERFACE,
                                        "WatchFired", IDLE_MONITOR_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, watch_fired_cb, self, NULL);

  /* Whether the user is away already, for an idle monitor that fires an
   * idle watch only when a stretch reaches it. (Mutter also fires one
   * added late at once, unless idleness is inhibited; GetIdletime does not
   * look at inhibitors.) */
  g_dbus_connection_call (connection, self->owner, IDLE_MONITOR_PATH, IDLE_MONITOR_INTERFACE,
                          "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_idletime_cb, call_new (self, 0));
  add_idle_watch (self);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  g_autoptr(LcIdleMonitor) self = g_object_ref (user_data);

  if (self->owner == NULL)
    g_debug ("%s is not on the bus: cannot tell when the user is away", name);

  owner_gone (self);
  update (self);
}

static void
watch_name (LcIdleMonitor *self)
{
  self->name_watch_id =
    g_bus_watch_name_on_connection (self->connection, IDLE_MONITOR_NAME,
                                    G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    name_appeared_cb, name_vanished_cb, self, NULL);
}

static void
bus_got_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  LcIdleMonitor *self;

  connection = g_bus_get_finish (result, &error);
  if (connection == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled, so not disposed */
  self = LC_IDLE_MONITOR (user_data);
  if (connection == NULL)
    {
      g_debug ("No session bus, cannot tell when the user is away: %s", error->message);
      return;
    }

  self->connection = g_steal_pointer (&connection);
  watch_name (self);
}

static void
lc_idle_monitor_threshold_changed (LcActivity *activity,
                                   guint       threshold_ms)
{
  LcIdleMonitor *self = LC_IDLE_MONITOR (activity);

  /* Without an owner, the next one gets the new threshold */
  if (self->owner == NULL)
    return;

  /* The reply to an AddIdleWatch still under way is no longer awaited, so
   * its watch is removed when it comes. */
  remove_watch (self->connection, self->owner, self->idle_watch);
  self->idle_watch = 0;
  add_idle_watch (self);
}

static void
lc_idle_monitor_dispose (GObject *object)
{
  LcIdleMonitor *self = LC_IDLE_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->name_watch_id != 0)
    g_bus_unwatch_name (self->name_watch_id);
  self->name_watch_id = 0;
  owner_gone (self);
  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lc_idle_monitor_parent_class)->dispose (object);
}

static void
lc_idle_monitor_class_init (LcIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LcActivityClass *activity_class = LC_ACTIVITY_CLASS (klass);

  object_class->dispose = lc_idle_monitor_dispose;
  activity_class->threshold_changed = lc_idle_monitor_threshold_changed;
}

static void
lc_idle_monitor_init (LcIdleMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * lc_idle_monitor_new:
 * @connection: (nullable): the session bus, or %NULL to get it (asynchronously)
 *
 * Watches GNOME's idle monitor (org.gnome.Mutter.IdleMonitor) on
 * @connection. "available" turns %TRUE once it is there and watched, and
 * stays %FALSE while nobody owns the name: then the caller needs another
 * way of knowing whether the user is at the computer.
 *
 * Returns: (transfer full): a new #LcActivity
 */
LcActivity *
lc_idle_monitor_new (GDBusConnection *connection)
{
  LcIdleMonitor *self;

  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);

  self = g_object_new (LC_TYPE_IDLE_MONITOR, NULL);
  if (connection != NULL)
    {
      self->connection = g_object_ref (connection);
      watch_name (self);
    }
  else
    {
      g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_got_cb, self);
    }

  return LC_ACTIVITY (self);
}
