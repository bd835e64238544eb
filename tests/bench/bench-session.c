/* bench-session.c: CPU time of a running session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs, one after the other and for the same time (60 s by default): a
 * bare libadwaita window with a big label that counts down every second,
 * as a clock app's timer does; then Leg Care's player on a real clock. It
 * prints the process's CPU time (user + system) spent in each, after the
 * player's first two seconds (the first picture and the page's transition
 * are start-up, not running). Needs a
 * display (dev-env bench runs it under Xvfb). Under with-pulse.sh the
 * voice goes to a real (private) PulseAudio server, whose CPU time over
 * each part is printed too (it plays the cues of the session).
 */

#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "lc-application.h"
#include "lc-window.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The sound server's CPU time, in seconds, if with-pulse.sh started one */
static double
server_cpu_seconds (void)
{
  const char *pid = g_getenv ("LEGCARE_BENCH_SERVER_PID");
  g_autofree char *path = pid != NULL ? g_strdup_printf ("/proc/%s/stat", pid) : NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (path == NULL || !g_file_get_contents (path, &contents, NULL, NULL) ||
      (end = strrchr (contents, ')')) == NULL)
    return -1;
  /* After "pid (comm)", utime and stime are fields 14 and 15 */
  fields = g_strsplit (end + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

static gboolean
stop_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Run the main loop for @seconds, however quiet it is. */
static void
run_for (guint seconds)
{
  gboolean done = FALSE;

  g_timeout_add_seconds (seconds, stop_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
painted_cb (GdkFrameClock *clock,
            guint         *paints)
{
  (*paints)++;
}

/* Counts the frames @window paints from now on, into @paints */
static void
count_paints (GtkWidget *window,
              guint     *paints)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  *paints = 0;
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), paints);
}

static gboolean
count_down_cb (gpointer user_data)
{
  GtkLabel *label = user_data;
  int left = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "left")) - 1;
  g_autofree char *text = g_strdup_printf ("%d:%02d", left / 60, left % 60);

  g_object_set_data (G_OBJECT (label), "left", GINT_TO_POINTER (left));
  gtk_label_set_label (label, text);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("legcare-bench-session-XXXXXX", NULL);
  guint seconds = argc > 1 ? (guint) atoi (argv[1]) : 60;
  g_autoptr(LcApplication) app = NULL;
  double timer_cpu;
  double session_cpu;
  double timer_server = 0;
  double session_server = 0;
  double server_start;
  guint timer_paints;
  guint session_paints;
  double start;

  if (seconds == 0)
    seconds = 60;
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;
  g_settings_set_boolean (lc_application_get_settings (app), "safety-acknowledged", TRUE);

  /* The floor: a timer label in a bare window. */
  {
    GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
    GtkWidget *label = gtk_label_new ("1:00");
    guint id;

    gtk_widget_add_css_class (label, "title-1");
    g_object_set_data (G_OBJECT (label), "left", GINT_TO_POINTER (seconds));
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), label);
    gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
    gtk_window_present (GTK_WINDOW (window));
    run_for (1);

    start = cpu_seconds ();
    server_start = server_cpu_seconds ();
    count_paints (window, &timer_paints);
    id = g_timeout_add_seconds (1, count_down_cb, label);
    run_for (seconds);
    timer_cpu = cpu_seconds () - start;
    timer_server = server_cpu_seconds () - server_start;
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), painted_cb, &timer_paints);
    g_source_remove (id);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Leg Care's player, on the real clock. */
  {
    LcWindow *window = lc_window_new (app);
    LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (app), "leg-elevation");
    GtkWidget *page;

    gtk_window_present (GTK_WINDOW (window));
    page = lc_window_start_session (window, routine, NULL);
    run_for (1);
    gtk_widget_activate_action (page, "session.begin", NULL);
    /* Not counted: the first picture and the page's transition. */
    run_for (2);

    start = cpu_seconds ();
    server_start = server_cpu_seconds ();
    count_paints (GTK_WIDGET (window), &session_paints);
    run_for (seconds);
    session_cpu = cpu_seconds () - start;
    session_server = server_cpu_seconds () - server_start;
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), painted_cb,
                                          &session_paints);
    gtk_window_destroy (GTK_WINDOW (window));
  }

  g_print ("CPU time over %u s: timer label %.2f s, Leg Care player %.2f s (%.1f×)\n",
           seconds, timer_cpu, session_cpu, timer_cpu > 0 ? session_cpu / timer_cpu : 0);
  g_print ("frames painted: timer label %u, Leg Care player %u\n", timer_paints, session_paints);
  if (server_cpu_seconds () >= 0)
    g_print ("the sound server's CPU time meanwhile: %.2f s and %.2f s; player and server together %.1f× the timer\n",
             timer_server, session_server,
             timer_cpu > 0 ? (session_cpu + session_server) / (timer_cpu + timer_server) : 0);

  return 0;
}
