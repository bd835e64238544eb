/* bench-chart.c: a chart frame for two weeks against ten years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes ten years of a diary (three entries a day, both legs, ankles twice
 * a week, a session most days; random but seeded) into a temporary file,
 * reads its daily aggregates and sessions once, as the Trends page does,
 * and makes the chart data for the last two weeks and for all ten years
 * from them. Then it renders the heaviness chart (legs apart) offscreen at
 * 1000x400, frames of the two periods taking turns, and prints the median
 * and 90th percentile per frame of each: "draw" is lc_chart_draw() into a
 * render node, "frame" adds rendering it to a texture and reading the
 * pixels back (so that a GPU renderer has really finished). The goal is a
 * ten-year frame costing at most twice a two-week one. Also printed: the
 * time to read the diary and to make the ten-year chart data, and what a
 * user feels: the CPU time of a move of the pointer over the chart widget
 * in a window (its active day changes, the window paints). Figures
 * only; it fails only when nothing can be rendered. Needs a display
 * (dev-env bench runs it under Xvfb).
 *
 * Usage: bench-chart [FRAMES [cairo]] (default 200 frames, on the GL
 * renderer if it works here; "cairo" asks for the cairo renderer)
 */

#include "config.h"

#include <math.h>
#include <sys/resource.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "lc-chart.h"
#include "lc-trend.h"

#define YEARS   10
#define WIDTH   1000
#define HEIGHT  400
#define WARM_UP 20
#define REPEATS 7

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Sorts @values; returns the median and (optionally) the 90th percentile. */
static double
median (double *values,
        guint   n,
        double *p90)
{
  qsort (values, n, sizeof *values, compare_doubles);
  if (p90 != NULL)
    *p90 = values[(guint) ceil (0.9 * n) - 1];

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int
clamp_score (double value)
{
  return CLAMP ((int) lround (value), 0, LC_SCORE_MAX);
}

/* Ten years up to yesterday: someone whose legs are worse in the evening,
 * in summer and on working days, the right leg a little more. */
static void
fill_diary (LcDiary *diary,
            guint32  first_day,
            guint32  last_day,
            guint   *n_entries,
            guint   *n_sessions)
{
  static const char *const routines[][2] = {
    { "calf-pump-seated", "Calf Pump, Seated" },
    { "leg-elevation", "Leg Elevation" },
    { "lymphatic-massage", "Lymphatic Self-Massage" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250301);
  g_autoptr(GError) error = NULL;

  *n_entries = *n_sessions = 0;
  if (!lc_diary_begin (diary, &error))
    g_error ("%s", error->message);

  for (guint32 day = first_day; day <= last_day; day++)
    {
      GDate date;
      GDateWeekday weekday;
      double base;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      weekday = g_date_get_weekday (&date);
      base = 3.5 + 1.2 * sin (2 * G_PI * (g_date_get_day_of_year (&date) - 100) / 365.25)
             + (weekday >= G_DATE_SATURDAY ? -0.7 : 0.3);

      for (int i = 0; i < 3; i++)
        {
          static const int hours[] = { 7, 13, 21 };
          g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                             g_date_get_day (&date), hours[i],
                                                             g_rand_int_range (rand, 0, 55), 0);
          g_autoptr(LcEntry) entry = lc_entry_new (g_date_time_to_unix (time));
          double level = base + 1.4 * (i - 1);

          for (int leg = 0; leg < LC_N_LEGS; leg++)
            {
              double right = leg == LC_LEG_RIGHT ? 0.5 : 0;

              entry->heaviness[leg] = clamp_score (level + right + g_rand_double_range (rand, -1.5, 1.5));
              entry->swelling[leg] = clamp_score (level - 0.7 + right + g_rand_double_range (rand, -1.5, 1.5));
            }
          if (i == 2 && (weekday == G_DATE_TUESDAY || weekday == G_DATE_FRIDAY))
            {
              entry->ankle_mm[LC_LEG_LEFT] = 228 + (int) lround (2 * level) + g_rand_int_range (rand, -3, 4);
              entry->ankle_mm[LC_LEG_RIGHT] = entry->ankle_mm[LC_LEG_LEFT] + g_rand_int_range (rand, 2, 9);
            }
          if (i == 0 && g_rand_double (rand) < 0.6)
            entry->tags |= LC_TAG_COMPRESSION;
          if (!lc_diary_add_entry (diary, entry, &error))
            g_error ("%s", error->message);
          (*n_entries)++;
        }

      if (g_rand_double (rand) < 0.8)
        {
          guint r = g_rand_int_range (rand, 0, G_N_ELEMENTS (routines));
          g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                             g_date_get_day (&date), 19, 30, 0);
          g_autoptr(LcSessionRecord) record = lc_session_record_new ();
          int before = clamp_score (base + 2 + g_rand_double_range (rand, -1, 1));

          record->routine_id = g_strdup (routines[r][0]);
          record->routine_name = g_strdup (routines[r][1]);
          record->started_at = g_date_time_to_unix (time);
          record->ended_at = record->started_at + 600;
          record->steps_total = 8;
          record->steps_done = g_rand_double (rand) < 0.9 ? 8 : 5;
          record->heaviness_before = before;
          record->heaviness_after = CLAMP (before - g_rand_int_range (rand, 0, 3), 0, LC_SCORE_MAX);
          if (!lc_diary_add_session (diary, record, &error))
            g_error ("%s", error->message);
          (*n_sessions)++;
        }
    }

  if (!lc_diary_commit (diary, &error))
    g_error ("%s", error->message);
}

/* A realized renderer: GL if it works here (and @try_gl), else cairo. */
static GskRenderer *
make_renderer (GdkDisplay *display,
               gboolean    try_gl)
{
  g_autoptr(GskRenderer) gl = try_gl ? gsk_gl_renderer_new () : NULL;
  g_autoptr(GskRenderer) cairo = NULL;
  g_autoptr(GError) error = NULL;

  if (gl != NULL)
    {
      if (gsk_renderer_realize_for_display (gl, display, &error))
        return g_steal_pointer (&gl);
      g_print ("the GL renderer does not work here (%s); using cairo\n", error->message);
      g_clear_error (&error);
    }

  cairo = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize_for_display (cairo, display, &error))
    g_error ("no renderer: %s", error->message);

  return g_steal_pointer (&cairo);
}

typedef struct
{
  const char  *name;
  LcChartData *data;
  double      *draw_ms;
  double      *frame_ms;
} Period;

/* One frame: the chart into a node, the node into a texture, the pixels
 * back. Returns FALSE if nothing was rendered. */
static gboolean
frame (GskRenderer        *renderer,
       PangoContext       *pango,
       const LcChartStyle *style,
       LcChartData        *data,
       guchar             *pixels,
       double             *draw_ms,
       double             *frame_ms)
{
  gint64 start = g_get_monotonic_time ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  lc_chart_draw (snapshot, pango, data, LC_CHART_HEAVINESS, FALSE, style, WIDTH, HEIGHT, 0);
  node = gtk_snapshot_free_to_node (snapshot);
  *draw_ms = ms_since (start);
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  if (texture == NULL || gdk_texture_get_width (texture) != WIDTH || gdk_texture_get_height (texture) != HEIGHT)
    return FALSE;
  gdk_texture_download (texture, pixels, WIDTH * 4);
  *frame_ms = ms_since (start);

  return TRUE;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static void
painted_cb (GdkFrameClock *clock,
            guint         *paints)
{
  (*paints)++;
}

/* The pointer or the arrow keys moving over the chart widget in a window,
 * as the user does: the active day changes and the window paints a frame.
 * Returns the median CPU time of the process per move, in ms (the
 * renderer's threads included), and the 90th percentile in @p90. */
static double
moves (GtkWidget   *window,
       LcChart     *chart,
       LcChartData *data,
       guint        n_moves,
       double      *p90)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_autofree double *ms = g_new (double, n_moves);
  guint32 first = lc_chart_data_get_first_day (data);
  guint32 span = lc_chart_data_get_last_day (data) - first + 1;
  guint paints = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &paints);
  double result;

  lc_chart_set_data (chart, data);
  for (guint i = 0; i < WARM_UP + n_moves; i++)
    {
      guint before = paints;
      double start = cpu_ms ();

      /* Days all over the period, as a pointer crossing it would */
      lc_chart_set_active_day (chart, first + (i * 7919) % span);
      while (paints == before)
        g_main_context_iteration (NULL, TRUE);
      if (i >= WARM_UP)
        ms[i - WARM_UP] = cpu_ms () - start;
    }
  g_signal_handler_disconnect (clock, handler);
  result = median (ms, n_moves, p90);

  return result;
}

/* Whether @pixels (one frame) show anything at all */
static gboolean
drawn (const guchar *pixels)
{
  guint opaque = 0;

  for (guint i = 0; i < WIDTH * HEIGHT; i++)
    if (pixels[4 * i + 3] > 0)
      opaque++;

  return opaque > WIDTH * HEIGHT / 200;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  guint n_frames = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autofree guchar *pixels = NULL;
  GtkWidget *label;
  PangoContext *pango;
  LcChartStyle style;
  Period periods[2];
  guint32 today, first_day;
  guint n_entries, n_sessions;
  double read_days_ms[REPEATS], read_sessions_ms[REPEATS], build_ms[REPEATS], total_ms[REPEATS];
  double draw_median[2], draw_p90[2], frame_median[2], frame_p90[2];
  gint64 start;
  int status = 0;

  if (n_frames == 0)
    n_frames = 200;

  gtk_init ();
  if (gdk_display_get_default () == NULL)
    {
      g_printerr ("bench-chart needs a display: run it under xvfb-run\n");
      return 1;
    }

  dir = g_dir_make_tmp ("legcare-bench-chart-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "diary.sqlite3", NULL);
  file = g_file_new_for_path (path);
  diary = lc_diary_open (file, &error);
  if (diary == NULL)
    g_error ("%s", error->message);

  tz = g_time_zone_new_local ();
  now = g_date_time_new_now (tz);
  today = lc_trend_date_time_day (now);
  first_day = today - (guint32) (YEARS * 365.25);

  start = g_get_monotonic_time ();
  fill_diary (diary, first_day, today - 1, &n_entries, &n_sessions);
  g_print ("diary: %u entries and %u sessions over %u days, written in %.1f s\n",
           n_entries, n_sessions, today - first_day, ms_since (start) / 1000);

  /* Read as the Trends page reads: every day and session up to now */
  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GArray) r_days = NULL;
      g_autoptr(GPtrArray) r_sessions = NULL;
      g_autoptr(LcChartData) data = NULL;
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1, t2;

      r_days = lc_diary_daily_aggregates (diary, 0, g_date_time_to_unix (now) + 1, &error);
      if (r_days == NULL)
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      r_sessions = lc_diary_list_sessions (diary, 0, g_date_time_to_unix (now) + 1, &error);
      if (r_sessions == NULL)
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();
      data = lc_chart_data_new (r_days, r_sessions, tz, first_day, today);

      read_days_ms[r] = (t1 - t0) / 1000.0;
      read_sessions_ms[r] = (t2 - t1) / 1000.0;
      build_ms[r] = ms_since (t2);
      total_ms[r] = ms_since (t0);
      if (r == 0)
        {
          days = g_steal_pointer (&r_days);
          sessions = g_steal_pointer (&r_sessions);
        }
    }
  g_print ("read (median of %d): daily aggregates, %u days: %.2f ms; sessions, %u: %.2f ms\n", REPEATS, days->len,
           median (read_days_ms, REPEATS, NULL), sessions->len, median (read_sessions_ms, REPEATS, NULL));
  g_print ("chart data for %d years (median of %d): %.2f ms from what was read, %.2f ms with the reading\n", YEARS,
           REPEATS, median (build_ms, REPEATS, NULL), median (total_ms, REPEATS, NULL));

  /* Both periods from the same days, as the Trends page makes them */
  periods[0] = (Period) { "2 weeks", lc_chart_data_new (days, sessions, tz, today - 13, today),
                          g_new (double, n_frames), g_new (double, n_frames) };
  periods[1] = (Period) { "10 years", lc_chart_data_new (days, sessions, tz, first_day, today),
                          g_new (double, n_frames), g_new (double, n_frames) };

  renderer = make_renderer (gdk_display_get_default (), argc < 3 || !g_str_equal (argv[2], "cairo"));
  label = g_object_ref_sink (gtk_label_new (NULL));
  pango = gtk_widget_create_pango_context (label);
  lc_chart_style_for_paper (&style);
  pixels = g_malloc (WIDTH * HEIGHT * 4);
  g_print ("renderer: %s; chart: heaviness, legs apart, %dx%d; %u frames of each after %d to warm up\n",
           G_OBJECT_TYPE_NAME (renderer), WIDTH, HEIGHT, n_frames, WARM_UP);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint i = 0; i < WARM_UP; i++)
      {
        double draw_ms, frame_ms;

        if (!frame (renderer, pango, &style, periods[p].data, pixels, &draw_ms, &frame_ms) || !drawn (pixels))
          {
            g_printerr ("the %s chart could not be rendered\n", periods[p].name);
            status = 1;
            goto out;
          }
      }

  /* The periods take turns, so that both see the same machine. */
  for (guint i = 0; i < n_frames; i++)
    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      if (!frame (renderer, pango, &style, periods[p].data, pixels, &periods[p].draw_ms[i], &periods[p].frame_ms[i]))
        {
          g_printerr ("the %s chart could not be rendered\n", periods[p].name);
          status = 1;
          goto out;
        }

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      draw_median[p] = median (periods[p].draw_ms, n_frames, &draw_p90[p]);
      frame_median[p] = median (periods[p].frame_ms, n_frames, &frame_p90[p]);
      g_print ("%-8s  draw %6.3f ms (p90 %6.3f)   frame %6.3f ms (p90 %6.3f)\n", periods[p].name,
               draw_median[p], draw_p90[p], frame_median[p], frame_p90[p]);
    }
  g_print ("draw only, ratio 10y/2w: %.2f\n", draw_median[1] / draw_median[0]);
  g_print ("ratio 10y/2w: %.2f (goal <= 2)\n", frame_median[1] / frame_median[0]);

  /* What the user does: the pointer moving over the chart in a window */
  {
    GtkWidget *window = gtk_window_new ();
    GtkWidget *chart = lc_chart_new (LC_CHART_HEAVINESS);
    double move_median[2], move_p90[2];
    guint n_moves = MIN (n_frames, 100);

    gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
    gtk_window_set_child (GTK_WINDOW (window), chart);
    gtk_window_present (GTK_WINDOW (window));
    while (!gtk_widget_get_mapped (chart))
      g_main_context_iteration (NULL, TRUE);

    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      {
        move_median[p] = moves (window, LC_CHART (chart), periods[p].data, n_moves, &move_p90[p]);
        g_print ("%-8s  a move of the pointer: %6.3f ms CPU (p90 %6.3f)\n", periods[p].name, move_median[p],
                 move_p90[p]);
      }
    g_print ("a move of the pointer, ratio 10y/2w: %.2f (goal <= 2)\n", move_median[1] / move_median[0]);
    gtk_window_destroy (GTK_WINDOW (window));
  }

out:
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      lc_chart_data_unref (periods[p].data);
      g_free (periods[p].draw_ms);
      g_free (periods[p].frame_ms);
    }
  g_object_unref (pango);
  g_object_unref (label);
  gsk_renderer_unrealize (renderer);
  g_clear_object (&diary);
  remove_dir (dir);

  return status;
}
