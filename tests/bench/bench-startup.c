/* bench-startup.c: Leg Care's start-up time and memory against a bare
 * libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each run, the program under test is started with
 * LEGCARE_REPORT_FIRST_FRAME=1, which makes it print "first-frame" once its
 * first frame has been drawn. The time from exec to that line is the
 * start-up time, the CPU time the process used by then (all its threads,
 * from /proc) the start-up CPU; the resident memory (VmRSS) is read 3 s
 * later. The CPU time varies less than the wall-clock time on a machine
 * that is busy with other work. The floor is
 * this program itself started with --bare-window: an AdwApplicationWindow
 * with a header bar and a status page, reporting its first frame the same
 * way. Runs of the two alternate; the medians are printed with their ratio.
 *
 * The shader cache (Mesa's, on disk) is warm: one unmeasured run of each
 * comes first. With --cold-shader-cache, it is off for every run, as on
 * the first start after an update of the graphics driver or of GTK.
 *
 * With --large-diary, the diary holds ten years of entries (two a day)
 * and sessions, as a long-time user's would. With --page, the app opens on
 * that page (its last-page setting), such as "diary": the first frame is
 * then the Diary's first rows.
 *
 * Usage: bench-startup --app PATH [--runs N] [--large-diary] [--page PAGE]
 *                      [--cold-shader-cache]
 * (needs a display)
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "lc-test-seed.h"

#define SETTLE_SECONDS 3

typedef struct
{
  double startup_ms;
  double cpu_ms;
  double rss_mib;
} Sample;

/* --- the bare window --------------------------------------------------- */

static void
bare_first_frame_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, bare_first_frame_cb, user_data);
  g_print ("first-frame\n");
  fflush (stdout);
}

static void
bare_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bare_first_frame_cb), NULL);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare Window");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "applications-system-symbolic");
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  g_signal_connect (window, "realize", G_CALLBACK (bare_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("com.example.LegCare.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* --- measuring ---------------------------------------------------------- */

static double
read_rss_mib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  line = strstr (contents, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* The CPU time of all the process's threads so far, in ms: the sum of
 * their run times from /proc/PID/task/TID/schedstat, in nanoseconds
 * (/proc/PID/stat counts in clock ticks, 10 ms, too coarse for a start-up
 * of 200 ms). A thread that has already ended is not counted; GTK's and
 * Mesa's threads live on. */
static double
read_cpu_ms (GPid pid)
{
  g_autofree char *tasks = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) dir = g_dir_open (tasks, 0, NULL);
  const char *tid;
  double total_ns = 0;

  if (dir == NULL)
    return -1;
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tasks, tid, "schedstat", NULL);
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL))
        total_ns += g_ascii_strtod (contents, NULL);
    }

  return total_ns / 1e6;
}

static gboolean
measure (char       **argv,
         char       **envp,
         Sample      *sample,
         GError     **error)
{
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  gboolean seen = FALSE;
  GPid pid;
  int out_fd;
  gint64 start;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, error))
    return FALSE;

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      seen = g_str_has_prefix (line, "first-frame");
      g_clear_pointer (&line, g_free);
      if (seen)
        break;
    }

  if (seen)
    {
      sample->startup_ms = (g_get_monotonic_time () - start) / 1000.0;
      sample->cpu_ms = read_cpu_ms (pid);
      g_usleep (SETTLE_SECONDS * G_USEC_PER_SEC);
      sample->rss_mib = read_rss_mib (pid);
    }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  if (!seen)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s exited without drawing a frame", argv[0]);
      return FALSE;
    }

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const Sample *samples,
        guint         n,
        gsize         offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = *(const double *) ((const char *) &samples[i] + offset);
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* A private home for the runs: no settings from a real user, and the
 * safety notice already acknowledged, as on an ordinary start. */
static char **
make_env (const char *home,
          const char *page)
{
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  char **envp = g_get_environ ();

  g_autofree char *settings = g_strdup_printf ("[com/example/LegCare]\nsafety-acknowledged=true\n%s%s%s",
                                               page != NULL ? "last-page='" : "", page != NULL ? page : "",
                                               page != NULL ? "'\n" : "");

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

/* Ten years of diary where the app will look for it */
static gboolean
seed_large_diary (const char  *home,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (home, "data", "legcare", "diary.sqlite3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LcDiary) diary = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }
  diary = lc_diary_open (file, error);
  if (diary == NULL)
    return FALSE;
  if (lc_diary_count_entries (diary, NULL) == 0)
    lc_test_seed_diary (diary, 3652, 1, 7);
  g_print ("diary: %" G_GINT64_FORMAT " entries\n", lc_diary_count_entries (diary, NULL));

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_path = NULL;
  g_autofree char *page = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *home = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree Sample *app = NULL;
  g_autofree Sample *bare = NULL;
  gboolean bare_window = FALSE;
  gboolean large_diary = FALSE;
  gboolean cold = FALSE;
  int runs = 5;
  GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app_path, "The legcare binary to measure", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each program (default 5)", "N" },
    { "large-diary", 0, 0, G_OPTION_ARG_NONE, &large_diary, "Ten years in the diary", NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "The page to open on (routines, diary, trends)", "PAGE" },
    { "cold-shader-cache", 0, 0, G_OPTION_ARG_NONE, &cold, "Mesa's shader cache off", NULL },
    { "bare-window", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &bare_window, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- measure Leg Care's start-up");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (bare_window)
    return run_bare_window ();

  if (app_path == NULL || runs < 1)
    {
      g_printerr ("Usage: bench-startup --app PATH [--runs N] [--large-diary] [--page PAGE] [--cold-shader-cache]\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display; run it under xvfb-run\n");
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  home = g_dir_make_tmp ("legcare-bench-XXXXXX", &error);
  if (home == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  envp = make_env (home, page);
  if (cold)
    envp = g_environ_setenv (envp, "MESA_SHADER_CACHE_DISABLE", "true", TRUE);
  if (large_diary && !seed_large_diary (home, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  app = g_new0 (Sample, runs);
  bare = g_new0 (Sample, runs);

  g_print ("Start-up to first frame (wall and CPU time) and resident memory %d s later, %d runs each, "
           "%s shader cache%s%s%s\n",
           SETTLE_SECONDS, runs, cold ? "cold" : "warm", large_diary ? ", ten years in the diary" : "",
           page != NULL ? ", on the page " : "", page != NULL ? page : "");
  g_print ("%-6s %10s %10s %10s %10s %10s %10s\n", "run", "app ms", "CPU ms", "MiB",
           "bare ms", "CPU ms", "MiB");

  /* One unmeasured run of each first, so that both start with warm caches. */
  for (int i = -1; i < runs; i++)
    {
      char *app_argv[] = { app_path, NULL };
      char *bare_argv[] = { self_path, (char *) "--bare-window", NULL };
      Sample a, b;

      if (!measure (app_argv, envp, &a, &error) || !measure (bare_argv, envp, &b, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i < 0)
        continue;

      app[i] = a;
      bare[i] = b;
      g_print ("%-6d %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f\n", i + 1,
               a.startup_ms, a.cpu_ms, a.rss_mib, b.startup_ms, b.cpu_ms, b.rss_mib);
    }

  {
    double app_ms = median (app, runs, G_STRUCT_OFFSET (Sample, startup_ms));
    double bare_ms = median (bare, runs, G_STRUCT_OFFSET (Sample, startup_ms));
    double app_cpu = median (app, runs, G_STRUCT_OFFSET (Sample, cpu_ms));
    double bare_cpu = median (bare, runs, G_STRUCT_OFFSET (Sample, cpu_ms));
    double app_mib = median (app, runs, G_STRUCT_OFFSET (Sample, rss_mib));
    double bare_mib = median (bare, runs, G_STRUCT_OFFSET (Sample, rss_mib));

    g_print ("%-6s %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f\n", "median",
             app_ms, app_cpu, app_mib, bare_ms, bare_cpu, bare_mib);
    g_print ("app/bare: start-up %.2f, CPU %.2f, memory %.2f (%+.1f MiB)\n",
             app_ms / bare_ms, app_cpu / bare_cpu, app_mib / bare_mib, app_mib - bare_mib);
  }

  return 0;
}
