/* test-sweep.c: every page that draws sizes from data, at every window size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window under Xvfb (a screen large enough for 2560x1440) with
 * diaries of two weeks, fourteen months and ten years (with sitting breaks
 * and leg measurements): Trends at each
 * period and window size, the report and the image of each period, the
 * Diary and the Routines page at each size, and the player at each size.
 * The app must draw every frame and stay alive; dev-env test also runs
 * this under AddressSanitizer, where a write past a buffer aborts.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lc-application.h"
#include "lc-chart.h"
#include "lc-session-view.h"
#include "lc-trend.h"
#include "lc-trends-page.h"
#include "lc-window.h"
#include "lc-test-seed.h"
#include "lc-test-util.h"

static LcApplication *the_app;

/* Window sizes from a phone to a large monitor */
static const struct { int width, height; } sizes[] = {
  { 360, 640 }, { 600, 800 }, { 820, 680 }, { 960, 680 },
  { 1100, 700 }, { 1280, 800 }, { 1600, 900 }, { 2560, 1440 },
};

static const char *const periods[] = { "week", "month", "3-months", "year", "all" };
/* The report's periods: the one shown, and those ending today */
static const char *const report_ranges[] = { "shown", "2w", "3m", "1y", "all" };

typedef struct
{
  LcWindow *window;
  guint     paints;
} Fixture;

static void
after_paint_cb (GdkFrameClock *clock,
                Fixture       *fixture)
{
  fixture->paints++;
}

/* Two whole frames of the window as it is now: the first may still
 * have been laid out at the size before. */
static void
wait_for_paint (Fixture *fixture)
{
  for (guint i = 0; i < 2; i++)
    {
      guint paints = fixture->paints;

      gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
      wait_until (fixture->paints > paints);
    }
}

/* Resize, and wait until the window has its new size and has drawn it.
 * The allocation excludes the client-side decoration's margins. */
static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  wait_until (gtk_widget_get_width (widget) <= width && gtk_widget_get_width (widget) > width - 100);
  wait_for_paint (fixture);
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *object;

  /* The Diary and Trends pages are built when first shown */
  if (g_str_equal (name, "diary_page"))
    return lc_window_get_diary_page (LC_WINDOW (fixture->window));
  if (g_str_equal (name, "trends_page"))
    return lc_window_get_trends_page (LC_WINDOW (fixture->window));
  object = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LC_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
trends_child (GtkWidget  *page,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  GtkWidget *window;

  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  g_application_activate (G_APPLICATION (the_app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  g_assert_true (LC_IS_WINDOW (window));
  fixture->window = LC_WINDOW (window);
  wait_until (gtk_widget_get_mapped (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_until (fixture->window == NULL);
}

/* Sitting breaks and leg volumes: their charts are shown when the period
 * has any, and are then laid out in the window; the volume chart has a day
 * for each measurement lc_test_seed_breaks_and_volumes() made in the
 * period (one every fourteen days from three days ago, back to
 * @seeded_days_ago). Counts in @shown how often each was shown. */
static void
assert_optional_charts (GtkWidget *page,
                        guint32    today,
                        int        seeded_days_ago,
                        guint      shown[3])
{
  static const struct { const char *box, *chart; LcChartKind kind; } charts[] = {
    { "breaks_box", "breaks_chart", LC_CHART_BREAKS },
    { "volume_box", "volume_chart", LC_CHART_VOLUME },
    { "volume_difference_box", "volume_difference_chart", LC_CHART_VOLUME_DIFFERENCE },
  };
  LcChartData *data = lc_chart_get_data (LC_CHART (trends_child (page, "volume_chart")));
  guint measured = 0;

  for (guint32 day = lc_chart_data_get_first_day (data); day <= MIN (lc_chart_data_get_last_day (data), today); day++)
    {
      int ago = (int) (today - day);

      if (ago >= 3 && ago <= seeded_days_ago && (ago - 3) % 14 == 0)
        measured++;
    }
  g_assert_cmpuint (lc_chart_data_count_days (data, LC_CHART_VOLUME), ==, measured);

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      GtkWidget *box = trends_child (page, charts[c].box);
      GtkWidget *chart = trends_child (page, charts[c].chart);
      gboolean any = lc_chart_data_count_days (lc_chart_get_data (LC_CHART (chart)), charts[c].kind) > 0;
      int minimum = 0;

      g_assert_cmpint (gtk_widget_get_visible (box), ==, any);
      if (!any)
        continue;
      shown[c]++;
      g_assert_true (gtk_widget_get_mapped (chart));
      gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (chart), &minimum, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (chart), >, 0);
      g_assert_cmpint (gtk_widget_get_height (chart), >=, minimum);
    }
}

/* The diary grows from two weeks to fourteen months to ten years; at
 * each, Trends at every period and size, the exports, the Diary and the
 * Routines page. */
static void
test_sweep_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  LcDiary *diary = lc_application_get_diary (the_app);
  GSettings *settings = lc_application_get_settings (the_app);
  GtkWidget *page = window_child (fixture, "trends_page");
  GtkWidget *stack = trends_child (page, "stack");
  AdwToggleGroup *ranges = ADW_TOGGLE_GROUP (trends_child (page, "range_toggles"));
  LcChart *heaviness = LC_CHART (trends_child (page, "heaviness_chart"));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("legcare-sweep-XXXXXX", &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint32 today = lc_trend_date_time_day (now);
  /* Days ago: the first day of each diary, and where the previous ended */
  const struct { int first, last; } diaries[] = {
    { 13, 0 }, { 426, 14 }, { 3652, 427 },
  };
  guint shown[3] = { 0, 0, 0 };

  g_assert_no_error (error);

  for (guint d = 0; d < G_N_ELEMENTS (diaries); d++)
    {
      lc_test_seed_diary (diary, diaries[d].first, diaries[d].last, 11 + d);
      lc_test_seed_breaks_and_volumes (diary, diaries[d].first, diaries[d].last, 31 + d);
      lc_window_set_page (fixture->window, "trends");
      lc_trends_page_reload (LC_TRENDS_PAGE (page));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "charts");

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
            {
              g_test_message ("diary of %d days, %dx%d, %s", diaries[d].first + 1, sizes[s].width,
                              sizes[s].height, periods[p]);
              adw_toggle_group_set_active_name (ranges, periods[p]);
              lc_test_assert_setting (settings, "trends-range", periods[p]);
              resize (fixture, sizes[s].width, sizes[s].height);
              g_assert_cmpuint (lc_chart_data_get_first_day (lc_chart_get_data (heaviness)), <=, today);
              g_assert_cmpuint (lc_chart_data_get_last_day (lc_chart_get_data (heaviness)), >=, today);
              g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (heaviness)));
              g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (heaviness)), >, 0);
              wait_for_paint (fixture);
              assert_optional_charts (page, today, diaries[d].first, shown);
              /* The period before, drawn, and back */
              gtk_widget_activate_action (page, "trends.previous", NULL);
              wait_for_paint (fixture);
              gtk_widget_activate_action (page, "trends.next", NULL);
              g_assert_cmpuint (lc_chart_data_get_last_day (lc_chart_get_data (heaviness)), >=, today);
            }

          lc_window_set_page (fixture->window, "diary");
          wait_for_paint (fixture);
          lc_window_set_page (fixture->window, "routines");
          wait_for_paint (fixture);
          lc_window_set_page (fixture->window, "trends");
        }

      /* The report and the image of each period */
      for (guint p = 0; p < G_N_ELEMENTS (report_ranges); p++)
        {
          g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
          g_autofree char *png = g_build_filename (dir, "charts.png", NULL);
          g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
          g_autoptr(GFile) png_file = g_file_new_for_path (png);
          g_autoptr(GdkTexture) texture = NULL;

          g_test_message ("diary of %d days, exports of %s", diaries[d].first + 1, report_ranges[p]);
          adw_toggle_group_set_active_name (ranges, periods[p % G_N_ELEMENTS (periods)]);
          lc_trends_page_save_report (LC_TRENDS_PAGE (page), pdf_file, report_ranges[p]);
          lc_trends_page_save_image (LC_TRENDS_PAGE (page), png_file);
          wait_until (lc_test_file_is_whole (pdf, "%PDF-", "%%EOF\n", 6));
          wait_until (lc_test_file_is_whole (png, "\x89PNG", "IEND\xae\x42\x60\x82", 8));
          texture = gdk_texture_new_from_filename (png, &error);
          g_assert_no_error (error);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, 1000);
          g_assert_cmpint (g_unlink (pdf), ==, 0);
          g_assert_cmpint (g_unlink (png), ==, 0);
        }
    }

  g_rmdir (dir);
  /* Breaks, volume and the difference between the legs, each seen */
  for (guint c = 0; c < G_N_ELEMENTS (shown); c++)
    g_assert_cmpuint (shown[c], >, 0);
}

/* The player at every size, on a step with a picture. */
static void
test_sweep_player (Fixture       *fixture,
                   gconstpointer  data)
{
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (the_app), "calf-pump-seated");
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  GtkWidget *page;

  g_assert_nonnull (routine);
  page = lc_window_start_session (fixture->window, routine, clock);
  wait_until (gtk_widget_get_mapped (page));

  /* How heavy, before; then the first step */
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    resize (fixture, sizes[s].width, sizes[s].height);
  gtk_widget_activate_action (page, "session.begin", NULL);
  lc_clock_advance (clock, 6 * G_USEC_PER_SEC);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_test_message ("player at %dx%d", sizes[s].width, sizes[s].height);
      resize (fixture, sizes[s].width, sizes[s].height);
    }
  g_assert_true (gtk_widget_get_mapped (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lc_test_use_private_home ("legcare-test-sweep");

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  g_test_add ("/lc/sweep/pages", Fixture, NULL, fixture_set_up, test_sweep_pages, fixture_tear_down);
  g_test_add ("/lc/sweep/player", Fixture, NULL, fixture_set_up, test_sweep_player, fixture_tear_down);

  the_app = lc_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  ret = g_test_run ();

  g_object_unref (the_app);
  return ret;
}
