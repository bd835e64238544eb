/* bench-idle.c: what an idle Leg Care costs with sitting breaks on, against
 * the same with them off and a bare libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sitting breaks count the time at the computer. Done by polling the idle
 * time, that would wake the app every few seconds all day; done as it is,
 * with GNOME's idle monitor's watches (LcIdleMonitor), the app sleeps until
 * the monitor or its one timeout wakes it. This measures that: each program
 * is started with its window open and left alone for --minutes (10 by
 * default) after its first frame and a settling time, and the CPU time and
 * the number of times its threads were scheduled (the third field of
 * /proc/PID/task/TID/schedstat, which counts every wake-up that ran) are
 * taken over that time.
 *
 * This program owns a stand-in org.gnome.Mutter.IdleMonitor on the session
 * bus (run it under dbus-run-session) that answers as Mutter does and never
 * fires: the user is busy at the keyboard, the case where polling would
 * cost the most. It counts the calls it gets; a client that polled
 * GetIdletime would show here.
 *
 * The three runs: bench-startup's bare window (the floor), Leg Care with
 * sitting breaks off, and with them on (every 30 minutes, all day, counting
 * only time at the computer).
 *
 * Usage: bench-idle --app PATH [--minutes M]   (needs a display)
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define SETTLE_SECONDS 5

typedef struct
{
  double cpu_ms;
  double slices;
} Usage;

/* --- the stand-in idle monitor ------------------------------------------- */

static const char monitor_xml[] =
  "<node>"
  "  <interface name='org.gnome.Mutter.IdleMonitor'>"
  "    <method name='GetIdletime'><arg type='t' direction='out'/></method>"
  "    <method name='AddIdleWatch'><arg type='t' direction='in'/><arg type='u' direction='out'/></method>"
  "    <method name='AddUserActiveWatch'><arg type='u' direction='out'/></method>"
  "    <method name='RemoveWatch'><arg type='u' direction='in'/></method>"
  "    <signal name='WatchFired'><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static guint n_calls;
static guint n_get_idletime;
static guint32 next_watch = 1;

static void
monitor_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  n_calls++;

  if (g_str_equal (method_name, "GetIdletime"))
    {
      n_get_idletime++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(t)", (guint64) 0));
    }
  else if (g_str_equal (method_name, "AddIdleWatch") || g_str_equal (method_name, "AddUserActiveWatch"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", next_watch++));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
own_idle_monitor (GDBusConnection *bus)
{
  static const GDBusInterfaceVTable vtable = { monitor_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (monitor_xml, NULL);
  g_autoptr(GError) error = NULL;

  if (g_dbus_connection_register_object (bus, "/org/gnome/Mutter/IdleMonitor/Core", info->interfaces[0],
                                         &vtable, NULL, NULL, &error) == 0)
    g_error ("The stand-in idle monitor: %s", error->message);
  g_bus_own_name_on_connection (bus, "org.gnome.Mutter.IdleMonitor", G_BUS_NAME_OWNER_FLAGS_NONE,
                                NULL, NULL, NULL, NULL);
}

/* --- a program, left alone ------------------------------------------------ */

/* CPU time (ms) and times scheduled of each of the process's threads so
 * far, by thread id */
static GHashTable *
read_usage (GPid pid)
{
  g_autofree char *tasks = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) dir = g_dir_open (tasks, 0, NULL);
  GHashTable *usage;
  const char *tid;

  if (dir == NULL)
    return NULL;

  usage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tasks, tid, "schedstat", NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) fields = NULL;
      Usage *thread;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      fields = g_strsplit (g_strstrip (contents), " ", -1);
      if (g_strv_length (fields) < 3)
        continue;
      thread = g_new (Usage, 1);
      thread->cpu_ms = g_ascii_strtod (fields[0], NULL) / 1e6;
      thread->slices = g_ascii_strtod (fields[2], NULL);
      g_hash_table_insert (usage, g_strdup (tid), thread);
    }

  return usage;
}

/* What the threads alive at the end did since @before (a thread born since
 * counts in full; one that ended since is lost: GTK's and GLib's threads
 * live as long as the app) */
static void
usage_since (GHashTable *before,
             GHashTable *after,
             Usage      *usage)
{
  GHashTableIter iter;
  gpointer tid;
  gpointer value;

  usage->cpu_ms = 0;
  usage->slices = 0;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &tid, &value))
    {
      Usage *now = value;
      Usage *then = g_hash_table_lookup (before, tid);

      usage->cpu_ms += now->cpu_ms - (then != NULL ? then->cpu_ms : 0);
      usage->slices += now->slices - (then != NULL ? then->slices : 0);
    }
}

static char **
make_env (const char *home,
          gboolean    breaks)
{
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *settings = g_strdup_printf ("[com/example/LegCare]\n"
                                               "safety-acknowledged=true\n"
                                               "background-permission='granted'\n"
                                               "sitting-break-enabled=%s\n"
                                               "sitting-break-interval=uint32 30\n"
                                               "sitting-break-start=uint32 0\n"
                                               "sitting-break-end=uint32 0\n"
                                               "sitting-break-days=uint32 127\n",
                                               breaks ? "true" : "false");
  char **envp = g_get_environ ();

  g_mkdir_with_parents (keyfile_dir, 0700);
  g_file_set_contents (keyfile, settings, -1, NULL);

  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "LEGCARE_REPORT_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);

  return envp;
}

typedef struct
{
  GMainLoop *loop;
  gboolean   seen;
} Waiting;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Waiting *waiting = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, NULL);

  if (line != NULL && g_str_has_prefix (line, "first-frame"))
    waiting->seen = TRUE;
  if (line == NULL || waiting->seen)
    g_main_loop_quit (waiting->loop);
  else
    g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL,
                                         line_read_cb, waiting);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop (for the stand-in) for @seconds */
static void
wait_seconds (guint seconds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_seconds (seconds, quit_cb, loop);
  g_main_loop_run (loop);
}

static gboolean
measure (char       **argv,
         char       **envp,
         guint        minutes,
         Usage       *usage,
         GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiting waiting = { loop, FALSE };
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  guint timeout;
  GPid pid;

  g_subprocess_launcher_set_environ (launcher, envp);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, error);
  if (process == NULL)
    return FALSE;
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, line_read_cb, &waiting);
  timeout = g_timeout_add_seconds (60, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout);
  if (!waiting.seen)
    {
      g_subprocess_force_exit (process);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s showed no first frame", argv[0]);
      return FALSE;
    }

  wait_seconds (SETTLE_SECONDS);
  before = read_usage (pid);
  wait_seconds (minutes * 60);
  after = read_usage (pid);
  if (before == NULL || after == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s ended while it was measured", argv[0]);
      return FALSE;
    }
  usage_since (before, after, usage);

  kill (pid, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- an idle Leg Care with sitting breaks");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *app = NULL;
  g_autofree char *dir = g_path_get_dirname (argv[0]);
  g_autofree char *startup = g_build_filename (dir, "bench-startup", NULL);
  int minutes = 10;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "Leg Care's executable", "PATH" },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, "How long each is left alone (10)", "M" },
    { NULL }
  };
  const char *names[] = { "bare window", "Leg Care, breaks off", "Leg Care, breaks on" };
  Usage usage[3];
  guint calls_before;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || app == NULL || minutes < 1)
    {
      g_printerr ("Usage: bench-idle --app PATH [--minutes M]\n");
      return 2;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_printerr ("No session bus (run under dbus-run-session): %s\n", error->message);
      return 1;
    }
  own_idle_monitor (bus);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *home = g_dir_make_tmp ("legcare-bench-idle-XXXXXX", &error);
      g_auto(GStrv) envp = NULL;
      char *bare_argv[] = { startup, (char *) "--bare-window", NULL };
      char *app_argv[] = { app, NULL };

      if (home == NULL)
        {
          g_printerr ("No folder for the app's home: %s\n", error->message);
          return 1;
        }
      envp = make_env (home, i == 2);
      calls_before = n_calls;
      g_print ("%s: %d min...\n", names[i], minutes);
      if (!measure (i == 0 ? bare_argv : app_argv, envp, (guint) minutes, &usage[i], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("  idle monitor calls: %u\n", n_calls - calls_before);
    }

  g_print ("\nOver %d min left alone (per minute):\n", minutes);
  g_print ("%-22s %12s %14s %10s\n", "", "CPU ms/min", "wake-ups/min", "CPU x bare");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_print ("%-22s %12.1f %14.1f %10.2f\n", names[i], usage[i].cpu_ms / minutes, usage[i].slices / minutes,
             usage[0].cpu_ms > 0 ? usage[i].cpu_ms / usage[0].cpu_ms : 0);
  g_print ("GetIdletime calls in all: %u (a poller would make one every few seconds)\n", n_get_idletime);
  g_print ("Breaks on / off: CPU %.2fx, wake-ups %.2fx\n",
           usage[1].cpu_ms > 0 ? usage[2].cpu_ms / usage[1].cpu_ms : 0,
           usage[1].slices > 0 ? usage[2].slices / usage[1].slices : 0);

  return 0;
}
