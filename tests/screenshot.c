/* screenshot.c: PNGs of the real application window, for the README and
 * the metainfo. Run by build-aux/dev-env screenshots, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: screenshot OUTDIR [SUFFIX]
 * Writes OUTDIR/NAME[-SUFFIX].png for each view below, in the language of
 * the environment (LANGUAGE).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lc-application.h"
#include "lc-routine.h"
#include "lc-chart.h"
#include "lc-limb-volume.h"
#include "lc-test-seed.h"
#include "lc-trend.h"
#include "lc-trends-page.h"
#include "lc-routine-view.h"
#include "lc-session-view.h"
#include "lc-start-gate.h"
#include "lc-routine-editor.h"
#include "lc-routine-share.h"
#include "lc-widgets.h"
#include "lc-preferences-dialog.h"
#include "lc-window.h"

typedef struct
{
  const char *name;
  const char *page;
  int         width;
  int         height;
  const char *style;     /* the color-scheme setting */
  const char *action;    /* an app action that opens a dialog, or NULL; "trends.*" one
                          * of the Trends page's; with session,
                          * "watch" opens What to Watch For; with routine, "start"
                          * starts it as its row's ▶ does (its cautions, not read yet);
                          * "ask": the same, its cautions read (the lymph node question) */
  const char *routine;   /* a routine whose page to open, or NULL */
  gboolean    steps;     /* scroll the routine's page to its steps */
  gboolean    seed;      /* fill the diary with sample entries first */
  const char *session;   /* a routine to play, or NULL */
  guint       seconds;   /* how far into the session */
  gboolean    no_sound;  /* play it without a sound output */
  const char *trends;    /* "months": add 3 months to the diary; "hover": show a day's
                          * values; "warning": add an entry with a warning sign;
                          * "period:KIND": show that kind of period, with 18 months more;
                          * "volume": add measurements and show their chart over 3 months;
                          * "breaks": show the sitting breaks' chart */
  const char *editor;    /* with routine: "duplicate" edits a copy of it, "step" also opens
                          * its first step, "shared" previews it as an opened shared file */
  const char *problem;   /* "crash": the toast after an unclean end; "locked": the diary is
                          * held by another program */
} Shot;

/* Sizes of the window's content. Flathub asks for at most 1000x700. */
static const Shot shots[] = {
  { "main", "routines", 1000, 700, "light", NULL, NULL },
  { "routine", "routines", 1000, 700, "light", NULL, "leg-elevation" },
  { "routine-dark", "routines", 1000, 700, "dark", NULL, "lymphatic-massage" },
  { "narrow-routines-dark", "routines", 360, 720, "dark", NULL, NULL },
  { "narrow-routine", "routines", 360, 720, "light", NULL, "calf-pump-seated" },
  { "narrow-routine-cautions", "routines", 360, 720, "light", "start", "lymphatic-massage" },
  { "routine-cautions-dark", "routines", 1000, 700, "dark", "start", "evening-routine" },
  { "narrow-lymph-question", "routines", 360, 720, "light", "ask", "lymphatic-massage" },
  { "lymph-question-dark", "routines", 1000, 700, "dark", "ask", "lymphatic-massage" },
  { "safety", "routines", 1000, 700, "light", "safety", NULL },
  { "narrow-dark", "diary", 360, 720, "dark", NULL, NULL },
  { "trends-empty-dark", "trends", 1000, 700, "dark", NULL, NULL },
  { "preferences", "routines", 1000, 700, "light", "preferences", NULL },
  /* A day's sitting breaks as one row; their card on Trends */
  { "diary-breaks", "diary", 1000, 700, "light", NULL, NULL, FALSE, FALSE },
  { "narrow-diary-breaks-dark", "diary", 360, 720, "dark", NULL, NULL, FALSE, FALSE },
  { "trends-breaks", "trends", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "months" },
  { "trends-breaks-chart-dark", "trends", 1000, 700, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "breaks" },
  { "narrow-trends-breaks-chart", "trends", 360, 720, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "breaks" },
  /* Leg volumes over four weeks: the chart with its bands, the difference */
  { "trends-volume", "trends", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "volume" },
  { "narrow-trends-volume-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "volume" },
  /* A leg measurement, half the left leg typed in */
  { "volume", "diary", 1000, 700, "light", "volume", NULL },
  { "narrow-volume-dark", "diary", 360, 720, "dark", "volume", NULL },
  { "volume-dark", "diary", 1000, 700, "dark", "volume", NULL },
  { "narrow-volume", "diary", 360, 720, "light", "volume", NULL },
  /* The Reminders page at its sitting breaks, turned on */
  { "preferences-breaks", "routines", 1000, 700, "light", "preferences-breaks", NULL },
  { "narrow-preferences-breaks-dark", "routines", 360, 720, "dark", "preferences-breaks", NULL },
  { "narrow-safety", "routines", 360, 720, "light", "safety", NULL },
  { "about-dark", "routines", 1000, 700, "dark", "about", NULL },
  { "routine-steps", "routines", 1000, 700, "light", NULL, "lymphatic-massage", TRUE },
  { "narrow-routine-steps-dark", "routines", 360, 720, "dark", NULL, "leg-stretching", TRUE },
  { "diary", "diary", 1000, 700, "light", NULL, NULL, FALSE, TRUE },
  { "narrow-diary-dark", "diary", 360, 720, "dark", NULL, NULL, FALSE, FALSE },
  { "diary-wide", "diary", 1280, 800, "light", NULL, NULL, FALSE, FALSE },
  { "diary-wide-dark", "diary", 1280, 800, "dark", NULL, NULL, FALSE, FALSE },
  { "narrow-diary", "diary", 360, 720, "light", NULL, NULL, FALSE, FALSE },
  { "entry", "diary", 1000, 700, "light", "new-entry", NULL, FALSE, FALSE },
  { "narrow-entry-dark", "diary", 360, 720, "dark", "new-entry", NULL, FALSE, FALSE },
  { "measure-guide", "diary", 1000, 700, "light", "measure-guide", NULL, FALSE, FALSE },
  { "narrow-measure-guide-dark", "diary", 360, 720, "dark", "measure-guide", NULL, FALSE, FALSE },
  { "session", "routines", 1000, 700, "light", NULL, NULL, FALSE, FALSE, "calf-pump-seated", 12 },
  { "session-dark", "routines", 1000, 700, "dark", NULL, NULL, FALSE, FALSE, "leg-stretching", 47 },
  { "narrow-session-dark", "routines", 360, 720, "dark", NULL, NULL, FALSE, FALSE, "lymphatic-massage", 95 },
  { "narrow-session", "routines", 360, 720, "light", NULL, NULL, FALSE, FALSE, "leg-elevation", 120 },
  { "session-watch", "routines", 1000, 700, "light", "watch", NULL, FALSE, FALSE, "calf-pump-seated", 12 },
  { "narrow-session-watch-dark", "routines", 360, 720, "dark", "watch", NULL, FALSE, FALSE, "leg-elevation", 120 },
  { "narrow-session-no-sound", "routines", 360, 720, "light", NULL, NULL, FALSE, FALSE, "calf-pump-seated", 8, TRUE },
  /* The player from a phone to a large monitor, from 2 m away */
  { "player-360x640", "routines", 360, 640, "light", NULL, NULL, FALSE, FALSE, "lymphatic-massage", 300 },
  { "player-1000x700", "routines", 1000, 700, "light", NULL, NULL, FALSE, FALSE, "lymphatic-massage", 300 },
  { "player-1400x1000", "routines", 1400, 1000, "light", NULL, NULL, FALSE, FALSE, "calf-pump-seated", 12 },
  { "player-2560x1440", "routines", 2560, 1440, "light", NULL, NULL, FALSE, FALSE, "lymphatic-massage", 300 },
  { "player-360x640-dark", "routines", 360, 640, "dark", NULL, NULL, FALSE, FALSE, "leg-stretching", 2 },
  { "player-1000x700-dark", "routines", 1000, 700, "dark", NULL, NULL, FALSE, FALSE, "leg-stretching", 47 },
  { "player-1400x1000-dark", "routines", 1400, 1000, "dark", NULL, NULL, FALSE, FALSE, "evening-routine", 200 },
  { "player-2560x1440-dark", "routines", 2560, 1440, "dark", NULL, NULL, FALSE, FALSE, "calf-pump-seated", 2 },
  { "trends", "trends", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "months" },
  { "trends-dark", "trends", 1000, 700, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "hover" },
  { "narrow-trends", "trends", 360, 720, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "hover" },
  { "narrow-trends-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "bottom" },
  { "trends-bottom", "trends", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "bottom" },
  { "trends-warning", "trends", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "warning" },
  /* Each kind of period, wide and on a phone */
  { "trends-period-week", "trends", 1280, 800, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:week" },
  { "narrow-trends-period-week-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:week" },
  { "trends-period-month", "trends", 1280, 800, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:month" },
  { "narrow-trends-period-month-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:month" },
  { "trends-period-3-months", "trends", 1280, 800, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:3-months" },
  { "narrow-trends-period-3-months-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:3-months" },
  { "trends-period-year", "trends", 1280, 800, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:year" },
  { "narrow-trends-period-year-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:year" },
  { "trends-period-all", "trends", 1280, 800, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:all" },
  { "narrow-trends-period-all-dark", "trends", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, "period:all" },
  { "narrow-trends-warning-dark", "trends", 360, 720, "dark", NULL, NULL },
  /* The report's questions: the period shown, or one ending today; a name */
  { "report-dialog", "trends", 1000, 700, "light", "trends.report", NULL, FALSE, FALSE, NULL, 0, FALSE, "period:month" },
  { "narrow-report-dialog-dark", "trends", 360, 720, "dark", "trends.report", NULL, FALSE, FALSE, NULL, 0, FALSE,
    "period:month" },
  { "editor", "routines", 1000, 700, "light", NULL, "leg-stretching", FALSE, FALSE, NULL, 0, FALSE, NULL, "duplicate" },
  { "narrow-editor-dark", "routines", 360, 720, "dark", NULL, "calf-pump-seated", FALSE, FALSE, NULL, 0, FALSE, NULL, "duplicate" },
  { "step-editor", "routines", 1000, 700, "light", NULL, "calf-pump-seated", FALSE, FALSE, NULL, 0, FALSE, NULL, "step" },
  { "narrow-step-editor-dark", "routines", 360, 720, "dark", NULL, "leg-stretching", FALSE, FALSE, NULL, 0, FALSE, NULL, "step" },
  { "shared", "routines", 1000, 700, "light", NULL, "evening-routine", FALSE, FALSE, NULL, 0, FALSE, NULL, "shared" },
  { "narrow-crash-toast", "routines", 360, 720, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, NULL, NULL, "crash" },
  { "narrow-diary-locked-dark", "diary", 360, 720, "dark", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, NULL, NULL, "locked" },
  { "diary-locked", "diary", 1000, 700, "light", NULL, NULL, FALSE, FALSE, NULL, 0, FALSE, NULL, NULL, "locked" },
};

/* What the app shows after a crash, or with a diary another program holds
 * (the same words as lc-application.c and lc-diary.c) */
static void
show_problem (LcWindow   *window,
              const char *problem)
{
  if (g_str_equal (problem, "crash"))
    lc_window_add_toast (window,
                         lc_toast_new_wrapping (_("Leg Care did not close properly, so the last view was not restored")));
  else
    {
      g_autoptr(GError) error = g_error_new_literal (LC_DIARY_ERROR, LC_DIARY_ERROR_BUSY,
                                                     _("The diary is in use by another program. Close the other "
                                                       "program, then try again. Nothing was changed."));

      lc_window_set_diary (window, NULL, error);
    }
}

/* An entry today whose calves differ by 7 cm (3.6 cm in the day's means) */
static void
add_warning (LcDiary *diary)
{
  g_autoptr(LcEntry) entry = lc_entry_new (g_get_real_time () / G_USEC_PER_SEC - 60);

  entry->heaviness[LC_LEG_LEFT] = 3;
  entry->heaviness[LC_LEG_RIGHT] = 6;
  entry->swelling[LC_LEG_LEFT] = 2;
  entry->swelling[LC_LEG_RIGHT] = 6;
  entry->calf_mm[LC_LEG_LEFT] = 329;
  entry->calf_mm[LC_LEG_RIGHT] = 401;
  entry->position = LC_POSITION_SITTING;
  lc_diary_add_entry (diary, entry, NULL);
}

/* Sitting breaks on the last three weeks' weekdays, 2 to 7 a day, once */
static void
add_breaks (LcDiary *diary)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  static gboolean added;

  if (added)
    return;
  added = TRUE;

  lc_diary_begin (diary, NULL);
  for (int ago = 21; ago >= 1; ago--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -ago);
      int n = g_rand_int_range (rand, 2, 8);

      if (g_date_time_get_day_of_week (day) >= 6)
        continue;
      for (int i = 0; i < n; i++)
        {
          g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                             g_date_time_get_day_of_month (day), 9 + i, 40, 0);
          g_autoptr(LcSessionRecord) record = lc_session_record_new ();

          record->routine_id = g_strdup (LC_ROUTINE_ID_SITTING_BREAK);
          record->routine_name = g_strdup ("Sitting Break");
          record->started_at = g_date_time_to_unix (time);
          record->ended_at = record->started_at + 100 + g_rand_int_range (rand, 0, 40);
          record->steps_total = 4;
          record->steps_done = 4;
          lc_diary_add_session (diary, record, NULL);
        }
    }
  lc_diary_commit (diary, NULL);
}

static void spin (guint ms);

/* The editor on a copy of @routine, its first step's dialog, or @routine
 * as a shared file just opened */
static void
show_editor (LcWindow   *window,
             LcRoutine  *routine,
             const char *what)
{
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW,
                                                                                "navigation_view"));

  if (g_str_equal (what, "shared"))
    {
      g_autoptr(GBytes) bytes = lc_routine_share_write (routine, NULL);
      g_autofree char *dir = g_dir_make_tmp ("legcare-shot-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "Evening.legcare-routine", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      lc_window_open_shared_routine (window, file);
      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-routine", "s", lc_routine_get_id (routine));
  if (g_str_equal (what, "step"))
    {
      AdwNavigationPage *editor = adw_navigation_view_get_visible_page (view);
      GtkListBox *steps = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (editor), LC_TYPE_ROUTINE_EDITOR,
                                                                       "steps_list"));

      spin (300);
      g_signal_emit_by_name (steps, "row-activated", gtk_list_box_get_row_at_index (steps, 0));
    }
}

/* The end of the Trends page: observations and the report */
static void
scroll_trends_to_end (GtkWindow *window)
{
  GtkWidget *page = lc_window_get_trends_page (LC_WINDOW (window));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE,
                                                                                    "scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  spin (200);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* Scrolled to a chart (@name_box, @name_chart), with a day of it shown */
static void
show_chart (GtkWindow  *window,
            const char *name)
{
  GtkWidget *page = lc_window_get_trends_page (LC_WINDOW (window));
  g_autofree char *box_name = g_strconcat (name, "_box", NULL);
  g_autofree char *chart_name = g_strconcat (name, "_chart", NULL);
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE, box_name));
  LcChart *chart = LC_CHART (gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE, chart_name));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE,
                                                                                    "scroller"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -3);
  graphene_point_t point;

  spin (200);
  lc_chart_set_active_day (chart, lc_trend_date_time_day (day));
  if (gtk_widget_compute_point (box, gtk_scrolled_window_get_child (scroller), &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 12);
}

/* Guided measurements once a week for four weeks, the left leg a little
 * fuller each time (6 points, 8 cm apart), once */
static void
add_measurements (LcDiary *diary)
{
  static const guint16 left[] = { 220, 240, 300, 350, 370, 350 };
  static const guint16 right[] = { 218, 236, 296, 346, 366, 348 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  static gboolean added;

  if (added)
    return;
  added = TRUE;

  for (int week = 4; week >= 0; week--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -7 * week - 3);
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day), 8, 30, 0);
      g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (g_date_time_to_unix (time),
                                                                           LC_LIMB_SPACING_DEFAULT_MM);

      measurement->position = LC_POSITION_LYING;
      for (guint i = 0; i < G_N_ELEMENTS (left); i++)
        {
          /* A few millimetres more each week on the left, some noise on the right */
          lc_limb_measurement_add (measurement, LC_LEG_LEFT, left[i] + (4 - week) * (i >= 2 ? 5 : 2));
          lc_limb_measurement_add (measurement, LC_LEG_RIGHT, right[i] + (week % 2) * 2);
        }
      lc_diary_add_measurement (diary, measurement, NULL);
    }
}

/* The chart's details for a day ten days ago */
static void
show_day (GtkWindow *window)
{
  GtkWidget *page = lc_window_get_trends_page (LC_WINDOW (window));
  LcChart *chart = LC_CHART (gtk_widget_get_template_child (page, LC_TYPE_TRENDS_PAGE, "heaviness_chart"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -10);

  lc_chart_set_active_day (chart, lc_trend_date_time_day (day));
}

/* A few days of a plausible diary, morning and evening, ending today. */
static void
seed_diary (LcDiary *diary)
{
  static const struct {
    int days_ago, hour, minute;
    int heaviness[2], swelling[2], ankle[2];
    LcTags tags;
    const char *note;
  } samples[] = {
    { 3, 7, 40, { 2, 2 }, { 1, 1 }, { 228, 231 }, 0, NULL },
    { 3, 21, 10, { 6, 5 }, { 4, 4 }, { 241, 243 }, LC_TAG_LONG_STANDING | LC_TAG_HOT_WEATHER, "Long shift at the shop" },
    { 2, 7, 55, { 3, 3 }, { 2, 2 }, { 0, 0 }, LC_TAG_COMPRESSION, NULL },
    { 2, 20, 30, { 4, 4 }, { 3, 3 }, { 236, 238 }, LC_TAG_COMPRESSION | LC_TAG_EXERCISE, "Evening walk, legs up afterwards" },
    { 1, 8, 5, { 2, 2 }, { 1, 2 }, { 0, 0 }, 0, NULL },
    { 1, 21, 45, { 7, 5 }, { 5, 4 }, { 245, 240 }, LC_TAG_TRAVEL | LC_TAG_LONG_SITTING, "Train home, four hours" },
    { 0, 7, 30, { 3, 3 }, { 2, 2 }, { 230, 232 }, 0, NULL },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -samples[i].days_ago);
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         samples[i].hour, samples[i].minute, 0);
      g_autoptr(LcEntry) entry = lc_entry_new (MIN (g_date_time_to_unix (time), g_date_time_to_unix (now)));

      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        {
          entry->heaviness[leg] = samples[i].heaviness[leg];
          entry->swelling[leg] = samples[i].swelling[leg];
          entry->ankle_mm[leg] = samples[i].ankle[leg];
        }
      entry->tags = samples[i].tags;
      entry->note = g_strdup (samples[i].note);
      lc_diary_add_entry (diary, entry, NULL);
    }

  /* Sessions: one done to the end and rated, one stopped early */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, i == 0 ? -1 : 0);
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         i == 0 ? 21 : 7, i == 0 ? 50 : 35, 0);
      g_autoptr(LcSessionRecord) record = lc_session_record_new ();

      record->routine_id = g_strdup (i == 0 ? "leg-elevation" : "calf-pump-seated");
      record->routine_name = g_strdup (i == 0 ? "Leg Elevation" : "Calf Pump at the Desk");
      record->started_at = MIN (g_date_time_to_unix (time), g_date_time_to_unix (now) - 300);
      record->ended_at = record->started_at + (i == 0 ? 1090 : 140);
      record->steps_total = i == 0 ? 10 : 12;
      record->steps_done = i == 0 ? 10 : 4;
      record->heaviness_before = i == 0 ? 6 : 3;
      record->heaviness_after = i == 0 ? 4 : LC_SCORE_NONE;
      lc_diary_add_session (diary, record, NULL);
    }
}

/* Without a compositor GTK draws a thin frame inside the window's size. */
#define FRAME 10

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Scroll the visible routine page so that its steps show. */
static void
scroll_to_steps (GtkWindow *window)
{
  AdwNavigationView *navigation = ADW_NAVIGATION_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW, "navigation_view"));
  GtkWidget *view = GTK_WIDGET (adw_navigation_view_get_visible_page (navigation));
  GtkWidget *steps = GTK_WIDGET (gtk_widget_get_template_child (view, LC_TYPE_ROUTINE_VIEW, "steps_group"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (steps, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  spin (300);
  if (gtk_widget_compute_point (steps, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              point.y - 12);
}

static gboolean
save_png (GtkWidget   *window,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
matches_any (const char *globs,
             const char *name)
{
  g_auto(GStrv) patterns = g_strsplit (globs, ":", -1);

  for (guint i = 0; patterns[i] != NULL; i++)
    if (g_pattern_match_simple (patterns[i], name))
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean seeded_long = FALSE;
  g_autoptr(LcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  const char *outdir;
  const char *suffix;

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTDIR [SUFFIX]\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  suffix = argc > 2 ? argv[2] : NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Screenshots show the settled state, not an animation half-way. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",    /* what a GNOME session sets */
                "gtk-decoration-layout", "appmenu:close", /* GNOME's window buttons */
                NULL);
  /* LC_SCREENSHOT_TEXT_SCALE=2: the Text Size of GNOME's Accessibility
   * settings, which GTK reads as the font resolution. High contrast comes
   * from libadwaita's own ADW_DEBUG_HIGH_CONTRAST=1. */
  if (g_getenv ("LC_SCREENSHOT_TEXT_SCALE") != NULL)
    {
      double scale = g_ascii_strtod (g_getenv ("LC_SCREENSHOT_TEXT_SCALE"), NULL);

      if (scale >= 0.5 && scale <= 4)
        g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1024 * scale), NULL);
    }
  g_settings_set_boolean (lc_application_get_settings (app), "safety-acknowledged", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      const Shot *shot = &shots[i];
      g_autofree char *name = suffix ? g_strdup_printf ("%s-%s.png", shot->name, suffix)
                                     : g_strdup_printf ("%s.png", shot->name);
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      const char *only = g_getenv ("LC_SCREENSHOTS");
      GtkWindow *window;

      /* LC_SCREENSHOTS=narrow-routine*: only those (globs of their names,
       * separated by ":"), and those that fill the diary, which the later
       * ones show */
      if (only != NULL && !shot->seed && !matches_any (only, shot->name))
        continue;

      g_settings_set_string (lc_application_get_settings (app), "color-scheme", shot->style);
      g_settings_set_int (lc_application_get_settings (app), "window-width", shot->width + FRAME);
      g_settings_set_int (lc_application_get_settings (app), "window-height", shot->height + FRAME);

      if (shot->seed)
        seed_diary (lc_application_get_diary (app));
      if (g_strcmp0 (shot->trends, "months") == 0 || g_strcmp0 (shot->trends, "breaks") == 0)
        lc_test_seed_diary (lc_application_get_diary (app), 95, 4, 7);
      /* The periods' shots: the months before those, back over a year and
       * a half, once */
      if (shot->trends != NULL && g_str_has_prefix (shot->trends, "period:") && !seeded_long)
        {
          lc_test_seed_diary (lc_application_get_diary (app), 560, 96, 9);
          seeded_long = TRUE;
        }
      g_settings_set_string (lc_application_get_settings (app), "trends-range",
                             shot->trends != NULL && g_str_has_prefix (shot->trends, "period:")
                             ? shot->trends + strlen ("period:")
                             : g_strcmp0 (shot->trends, "volume") == 0 ? "3-months" : "month");
      if (g_strcmp0 (shot->trends, "warning") == 0)
        add_warning (lc_application_get_diary (app));
      if (g_strcmp0 (shot->trends, "volume") == 0)
        {
          lc_test_seed_diary (lc_application_get_diary (app), 95, 4, 7);
          add_measurements (lc_application_get_diary (app));
        }
      /* The sitting breaks' shots, and all after them */
      if (strstr (shot->name, "breaks") != NULL && !g_str_has_prefix (shot->name, "preferences") &&
          !strstr (shot->name, "preferences"))
        add_breaks (lc_application_get_diary (app));

      window = GTK_WINDOW (lc_window_new (app));
      lc_window_set_page (LC_WINDOW (window), shot->page);
      gtk_window_present (window);
      spin (300);
      if (g_strcmp0 (shot->action, "volume") == 0)
        {
          /* Half the left leg typed in, the focus in the next field:
           * the picture shows the points done, the one being typed and
           * the ones still to come */
          const char *values[] = { "22", "24", "30", NULL };
          GtkWidget *dialog;
          guint n = 0;

          gtk_widget_activate_action (GTK_WIDGET (window), "win.measure-volume", NULL);
          spin (300);
          dialog = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
          /* The first rows in order are the left leg's */
          for (GtkWidget *w = gtk_widget_get_first_child (dialog); w != NULL && n < G_N_ELEMENTS (values);)
            {
              if (ADW_IS_ENTRY_ROW (w) && values[n] == NULL)
                gtk_widget_grab_focus (w);
              if (ADW_IS_ENTRY_ROW (w) && values[n] != NULL)
                gtk_editable_set_text (GTK_EDITABLE (w), values[n]);
              if (ADW_IS_ENTRY_ROW (w))
                n++;
              if (!ADW_IS_ENTRY_ROW (w) && gtk_widget_get_first_child (w) != NULL)
                w = gtk_widget_get_first_child (w);
              else
                {
                  while (w != dialog && gtk_widget_get_next_sibling (w) == NULL)
                    w = gtk_widget_get_parent (w);
                  w = w != dialog ? gtk_widget_get_next_sibling (w) : NULL;
                }
            }
        }
      else if (g_strcmp0 (shot->action, "preferences-breaks") == 0)
        {
          AdwDialog *dialog;
          GtkWidget *row;

          g_settings_set_boolean (lc_application_get_settings (app), "sitting-break-enabled", TRUE);
          g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
          spin (300);
          dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
          adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "reminders");
          row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_PREFERENCES_DIALOG,
                                                           "break_row"));
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          spin (300);
          /* Scrolled to its last row */
          {
            GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
            GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

            gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          }
        }
      else if (shot->action != NULL && g_action_group_has_action (G_ACTION_GROUP (app), shot->action))
        g_action_group_activate_action (G_ACTION_GROUP (app), shot->action, NULL);
      else if (shot->action != NULL && g_str_has_prefix (shot->action, "trends."))
        gtk_widget_activate_action (lc_window_get_trends_page (LC_WINDOW (window)),
                                    shot->action, NULL);
      else if (shot->action != NULL && shot->session == NULL && shot->routine == NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.new-entry", NULL);
          /* The guide, over the entry dialog it is opened from */
          if (g_str_equal (shot->action, "measure-guide"))
            {
              spin (300);
              gtk_widget_activate_action (GTK_WIDGET (adw_application_window_get_visible_dialog (
                                            ADW_APPLICATION_WINDOW (window))), "entry.measure-guide", NULL);
            }
        }
      if (shot->routine != NULL)
        {
          LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (app),
                                                       shot->routine);

          if (routine == NULL)
            {
              g_printerr ("%s: no routine %s\n", name, shot->routine);
              return 1;
            }
          /* Its cautions read, as a user sees it after the first time;
           * "start" shows them as the first time. */
          g_settings_reset (lc_application_get_settings (app), "cautions-acknowledged");
          if (g_strcmp0 (shot->action, "start") == 0)
            lc_window_request_start (LC_WINDOW (window), routine);
          else if (g_strcmp0 (shot->action, "ask") == 0)
            {
              lc_start_gate_acknowledge (routine);
              lc_window_request_start (LC_WINDOW (window), routine);
            }
          else
            {
              lc_start_gate_acknowledge (routine);
              lc_window_show_routine (LC_WINDOW (window), routine);
            }
          if (shot->editor != NULL)
            show_editor (LC_WINDOW (window), routine, shot->editor);
        }
      if (shot->steps)
        scroll_to_steps (window);
      if (shot->problem != NULL)
        show_problem (LC_WINDOW (window), shot->problem);
      if (g_strcmp0 (shot->trends, "hover") == 0)
        show_day (window);
      if (g_strcmp0 (shot->trends, "bottom") == 0)
        scroll_trends_to_end (window);
      if (g_strcmp0 (shot->trends, "volume") == 0 || g_strcmp0 (shot->trends, "breaks") == 0)
        show_chart (window, shot->trends);
      if (shot->session != NULL)
        {
          LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (app), shot->session);
          g_autoptr(LcClock) clock = lc_clock_new_fake ();
          g_autoptr(LcCuePlayer) no_sound = NULL;
          GtkWidget *page;

          if (shot->no_sound)
            {
              GObject *view = gtk_widget_get_template_child (GTK_WIDGET (window), LC_TYPE_WINDOW, "navigation_view");

              no_sound = lc_cue_player_new ("pulsesink server=unix:/nonexistent/legcare-screenshot");
              page = GTK_WIDGET (lc_session_view_new (routine, NULL, clock));
              lc_session_view_set_cue_player (LC_SESSION_VIEW (page), no_sound);
              adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), ADW_NAVIGATION_PAGE (page));
            }
          else
            page = lc_window_start_session (LC_WINDOW (window), routine, clock);

          spin (300);
          gtk_widget_activate_action (page, "session.begin", NULL);
          lc_clock_advance (clock, (gint64) shot->seconds * G_USEC_PER_SEC);
          if (g_strcmp0 (shot->action, "watch") == 0)
            gtk_widget_activate_action (page, "session.watch", NULL);
          if (no_sound != NULL)
            spin (1500);
          /* The step's picture is drawn in a thread: time for it */
          spin (800);
        }
      spin (700);

      if (!save_png (GTK_WIDGET (window), path, &error))
        {
          g_printerr ("%s: %s\n", name, error->message);
          return 1;
        }
      g_print ("%s (%dx%d)\n", path, gtk_widget_get_width (GTK_WIDGET (window)),
               gtk_widget_get_height (GTK_WIDGET (window)));

      gtk_window_destroy (window);
      spin (100);
    }

  return 0;
}
