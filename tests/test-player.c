/* test-player.c: the session player in the real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-player LANG (en, it or de; run under a display). A session
 * run with the keyboard alone, the ratings chosen with the number keys;
 * Stop then Discard or Save; and at each window size from a phone to a
 * large monitor, in each language, no label of the player cut off and a
 * countdown of at least 15% of the window's height. Keys are delivered as
 * GTK delivers them: the capture phase from the window down to the focus,
 * then back up, to the key and shortcut controllers on the way.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "lc-application.h"
#include "lc-countdown.h"
#include "lc-session-view.h"
#include "lc-trend.h"
#include "lc-widgets.h"
#include "lc-window.h"
#include "lc-test-keys.h"
#include "lc-test-util.h"

static LcApplication *the_app;
static const char *language = "en";

typedef struct
{
  LcWindow *window;
  guint     paints;
} Fixture;

static const struct { int width, height; } sizes[] = {
  { 360, 640 }, { 1000, 700 }, { 1400, 1000 }, { 2560, 1440 },
};

static void
after_paint_cb (GdkFrameClock *clock,
                Fixture       *fixture)
{
  fixture->paints++;
}

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

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  gint64 deadline = g_get_monotonic_time () + (gint64) (10 * G_USEC_PER_SEC * lc_test_slowdown ());

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  while (!(gtk_widget_get_width (widget) <= width && gtk_widget_get_width (widget) > width - 100 &&
           gtk_widget_get_height (widget) <= height && gtk_widget_get_height (widget) > height - 100))
    {
      if (g_get_monotonic_time () > deadline)
        {
          int min_width, min_height;

          gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
          gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
          g_error ("the window is %dx%d, not %dx%d (it needs %dx%d)", gtk_widget_get_width (widget),
                   gtk_widget_get_height (widget), width, height, min_width, min_height);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  wait_for_paint (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = lc_application_get_settings (the_app);
  GtkWidget *window;

  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  g_application_activate (G_APPLICATION (the_app));
  /* The player checked where it settles, not half-way through sliding in
   * (a label was once found 5 px past the edge of a 360 px window) */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
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

static GtkWidget *
part (GtkWidget  *page,
      const char *name)
{
  GObject *object = gtk_widget_get_template_child (page, LC_TYPE_SESSION_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
label_text (GtkWidget  *page,
            const char *name)
{
  GtkWidget *widget = part (page, name);

  if (LC_IS_COUNTDOWN (widget))
    return lc_countdown_get_text (LC_COUNTDOWN (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

static AdwToggleGroup *
toggles (GtkWidget  *page,
         const char *bin)
{
  return ADW_TOGGLE_GROUP (adw_bin_get_child (ADW_BIN (part (page, bin))));
}

static int
score (GtkWidget  *page,
       const char *bin)
{
  const char *name = adw_toggle_group_get_active_name (toggles (page, bin));

  return name != NULL ? atoi (name) : LC_SCORE_NONE;
}

static GtkWidget *
focus (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static AdwNavigationView *
navigation (Fixture *fixture)
{
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LC_TYPE_WINDOW, "navigation_view");

  g_assert_nonnull (view);
  return ADW_NAVIGATION_VIEW (view);
}

/* --- keys, as GTK delivers them ---------------------------------------------- */

static gboolean
press (Fixture *fixture,
       guint    keyval)
{
  return lc_test_press_key (GTK_WINDOW (fixture->window), keyval);
}

/* Tab until the focus is on @widget or inside it. */
static void
tab_to (Fixture   *fixture,
        GtkWidget *widget)
{
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *now = focus (fixture);

      if (now != NULL && (now == widget || gtk_widget_is_ancestor (now, widget)))
        return;
      press (fixture, GDK_KEY_Tab);
    }
  g_error ("Tab never reached %s", G_OBJECT_TYPE_NAME (widget));
}

static gboolean
focus_in (Fixture   *fixture,
          GtkWidget *widget)
{
  GtkWidget *now = focus (fixture);

  return now != NULL && (now == widget || gtk_widget_is_ancestor (now, widget));
}

/* Active, as in use: a session that ends in a window nobody looks at is
 * told in a notification, which this bus has no server for. (Not for the
 * sizes: under Xvfb a window waited for so no longer takes new sizes.) */
static void
wait_active (Fixture *fixture)
{
  wait_until (gtk_window_is_active (GTK_WINDOW (fixture->window)));
}

static GtkWidget *
start (Fixture    *fixture,
       const char *routine_id,
       LcClock    *clock,
       gboolean    active)
{
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (the_app), routine_id);
  GtkWidget *page;

  g_assert_nonnull (routine);
  if (active)
    wait_active (fixture);
  page = lc_window_start_session (fixture->window, routine, clock);
  wait_until (gtk_widget_get_mapped (page));
  wait_until (adw_navigation_view_get_visible_page (navigation (fixture)) == ADW_NAVIGATION_PAGE (page));
  return page;
}

static void
wait_gone (Fixture   *fixture,
           GtkWidget *page)
{
  /* Compared as pointers: without animations the page is gone at once */
  wait_until ((gpointer) adw_navigation_view_get_visible_page (navigation (fixture)) != (gpointer) page);
}

/* --- tests ------------------------------------------------------------------- */

/* A whole session without the pointer: the rating during Get Ready with
 * the number keys (1 then 0 is ten), the arrows within it, the player's
 * keys, Stop asked with Escape, the rating after, Save. */
static void
test_player_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  LcDiary *diary = lc_application_get_diary (the_app);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 count = lc_diary_count_sessions (diary, NULL);
  GtkWidget *page = start (fixture, "calf-pump-seated", clock, TRUE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  GtkWidget *before = GTK_WIDGET (toggles (page, "before_bin"));
  AdwDialog *dialog;

  /* Straight to Get Ready, the focus on Pause, the rating on screen */
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_GET_READY);
  wait_until (focus (fixture) == part (page, "pause_button"));
  g_assert_true (gtk_widget_is_drawable (before));
  g_assert_cmpint (score (page, "before_bin"), ==, LC_SCORE_NONE);

  g_assert_true (press (fixture, GDK_KEY_6));
  g_assert_cmpint (score (page, "before_bin"), ==, 6);
  g_assert_true (press (fixture, GDK_KEY_1));
  g_assert_cmpint (score (page, "before_bin"), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_0));
  g_assert_cmpint (score (page, "before_bin"), ==, 10);
  g_assert_true (press (fixture, GDK_KEY_KP_3));
  g_assert_cmpint (score (page, "before_bin"), ==, 3);
  /* 1, then 0 more than a second later: zero */
  g_assert_true (press (fixture, GDK_KEY_1));
  g_usleep (1100 * 1000);
  g_assert_true (press (fixture, GDK_KEY_0));
  g_assert_cmpint (score (page, "before_bin"), ==, 0);

  /* Tab into the rating: the arrows and Space are its own there */
  tab_to (fixture, before);
  g_assert_true (press (fixture, GDK_KEY_7));
  g_assert_cmpint (score (page, "before_bin"), ==, 7);
  /* The arrows move the choice, not the session; Space is not Pause */
  g_assert_true (press (fixture, GDK_KEY_Right));
  g_assert_cmpint (score (page, "before_bin"), ==, 8);
  g_assert_true (focus_in (fixture, before));
  g_assert_true (press (fixture, GDK_KEY_Left));
  g_assert_true (press (fixture, GDK_KEY_Left));
  g_assert_cmpint (score (page, "before_bin"), ==, 6);
  g_assert_true (press (fixture, GDK_KEY_End));
  g_assert_cmpint (score (page, "before_bin"), ==, 10);
  g_assert_cmpint (lc_session_get_step_index (session), ==, -1);
  press (fixture, GDK_KEY_space);
  /* (a button pressed with Space is clicked a moment later) */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_GET_READY);
  g_assert_cmpint (score (page, "before_bin"), ==, 10);
  g_assert_true (press (fixture, GDK_KEY_5));
  g_assert_cmpint (score (page, "before_bin"), ==, 5);

  /* The first step: the rating goes, the focus back to Pause */
  lc_clock_advance (clock, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 0);
  g_assert_false (gtk_widget_is_drawable (before));
  g_assert_true (focus (fixture) == part (page, "pause_button"));
  /* Digits do nothing now */
  g_assert_false (press (fixture, GDK_KEY_2));
  g_assert_cmpint (score (page, "before_bin"), ==, 5);

  /* Right, Left; Space pauses, with the step dimmed and a large word */
  g_assert_true (press (fixture, GDK_KEY_Right));
  g_assert_cmpint (lc_session_get_step_index (session), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_Left));
  g_assert_cmpint (lc_session_get_step_index (session), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_space));
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_PAUSED);
  g_assert_true (gtk_widget_get_visible (part (page, "paused_box")));
  g_assert_true (gtk_widget_has_css_class (part (page, "stage"), "paused"));
  g_assert_true (press (fixture, GDK_KEY_space));
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  g_assert_false (gtk_widget_get_visible (part (page, "paused_box")));
  g_assert_false (gtk_widget_has_css_class (part (page, "stage"), "paused"));

  /* After the first half minute Escape asks; Escape again goes on. */
  lc_clock_advance (clock, 40 * G_USEC_PER_SEC);
  g_assert_true (press (fixture, GDK_KEY_Escape));
  wait_until (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (
    ADW_APPLICATION_WINDOW (fixture->window))));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Stop the Session?");
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_PAUSED);
  wait_until (focus_in (fixture, GTK_WIDGET (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (fixture, GDK_KEY_Escape);
  wait_until (dialog == NULL);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);

  /* Escape, then Tab to Stop and Space */
  g_assert_true (press (fixture, GDK_KEY_Escape));
  wait_until (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (
    ADW_APPLICATION_WINDOW (fixture->window))));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  wait_until (focus_in (fixture, GTK_WIDGET (dialog)));
  for (guint i = 0; i < 10; i++)
    {
      GtkWidget *now = focus (fixture);

      if (GTK_IS_BUTTON (now) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (now)), "_Stop") == 0)
        break;
      press (fixture, GDK_KEY_Tab);
    }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus (fixture))), ==, "_Stop");
  press (fixture, GDK_KEY_space);
  wait_until (lc_session_get_state (session) == LC_SESSION_STOPPED);

  /* The summary: Stopped, the focus in the rating after, number keys */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (page, "stack"))), ==, "summary");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (part (page, "summary_status"))), ==,
                   "Session Stopped");
  wait_until (focus_in (fixture, GTK_WIDGET (toggles (page, "after_bin"))));
  g_assert_true (press (fixture, GDK_KEY_1));
  g_assert_true (press (fixture, GDK_KEY_0));
  g_assert_cmpint (score (page, "after_bin"), ==, 10);
  g_assert_true (press (fixture, GDK_KEY_2));
  g_assert_cmpint (score (page, "after_bin"), ==, 2);
  /* The before rating is not on screen: its keys don't touch it */
  g_assert_cmpint (score (page, "before_bin"), ==, 5);

  tab_to (fixture, part (page, "save_button"));
  press (fixture, GDK_KEY_space);
  wait_gone (fixture, page);

  g_assert_cmpint (lc_diary_count_sessions (diary, NULL), ==, count + 1);
  sessions = lc_diary_list_sessions (diary, 0, G_MAXINT64, NULL);
  {
    LcSessionRecord *record = sessions->pdata[sessions->len - 1];

    g_assert_cmpstr (record->routine_id, ==, "calf-pump-seated");
    g_assert_cmpint (record->heaviness_before, ==, 5);
    g_assert_cmpint (record->heaviness_after, ==, 2);
    g_assert_cmpuint (record->steps_done, ==, 1);
  }
}

/* Stopped in the first half minute: no question; Discard keeps the diary
 * as it was. */
static void
test_player_stop_discard (Fixture       *fixture,
                          gconstpointer  data)
{
  LcDiary *diary = lc_application_get_diary (the_app);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(GPtrArray) before = lc_diary_list_sessions (diary, 0, G_MAXINT64, NULL);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *page = start (fixture, "calf-pump-seated", clock, TRUE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  AdwStatusPage *summary = ADW_STATUS_PAGE (part (page, "summary_status"));

  lc_clock_advance (clock, 10 * G_USEC_PER_SEC);
  gtk_widget_activate_action (page, "session.stop", NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window)));
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_STOPPED);
  g_assert_cmpstr (adw_status_page_get_title (summary), ==, "Session Stopped");
  g_assert_cmpstr (adw_status_page_get_icon_name (summary), ==, "media-playback-stop-symbolic");
  g_assert_true (gtk_widget_get_mapped (part (page, "discard_button")));
  g_assert_true (gtk_widget_get_mapped (part (page, "save_button")));
  g_assert_false (gtk_widget_get_visible (part (page, "stop_button")));

  gtk_widget_activate (part (page, "discard_button"));
  wait_gone (fixture, page);
  after = lc_diary_list_sessions (diary, 0, G_MAXINT64, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* Stopped after a step, confirmed: Save records a partial session, which
 * counts; a session stopped before any step is saved but counts nowhere. */
static void
test_player_stop_save (Fixture       *fixture,
                       gconstpointer  data)
{
  LcDiary *diary = lc_application_get_diary (the_app);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 count = lc_diary_count_sessions (diary, NULL);
  GtkWidget *page = start (fixture, "calf-pump-seated", clock, TRUE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  AdwDialog *dialog;

  lc_clock_advance (clock, (5 + 31) * G_USEC_PER_SEC);
  gtk_widget_activate_action (page, "session.stop", NULL);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "stop");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_dialog_close (dialog);
  wait_until (lc_session_get_state (session) == LC_SESSION_STOPPED);
  wait_until (dialog == NULL);
  gtk_widget_activate (part (page, "save_button"));
  wait_gone (fixture, page);

  g_assert_cmpint (lc_diary_count_sessions (diary, NULL), ==, count + 1);
  sessions = lc_diary_list_sessions (diary, 0, G_MAXINT64, NULL);
  {
    LcSessionRecord *record = sessions->pdata[sessions->len - 1];

    g_assert_cmpuint (record->steps_done, ==, 1);
    g_assert_cmpuint (record->steps_total, ==, 6);
    g_assert_cmpint (record->heaviness_before, ==, LC_SCORE_NONE);
    g_assert_cmpint (record->heaviness_after, ==, LC_SCORE_NONE);
    g_assert_false (lc_trend_session_completed (record));
    g_assert_true (lc_trend_session_counts (record));
  }

  /* Stopped during Get Ready, rated, saved: kept, but not counted */
  {
    g_autoptr(GArray) effects_before = lc_trend_routine_effects (sessions);
    g_autoptr(GArray) effects = NULL;
    LcSessionRecord *record;

    g_clear_pointer (&sessions, g_ptr_array_unref);
    page = start (fixture, "calf-pump-seated", clock, TRUE);
    lc_score_toggles_set (toggles (page, "before_bin"), 8);
    gtk_widget_activate_action (page, "session.stop", NULL);
    lc_score_toggles_set (toggles (page, "after_bin"), 2);
    gtk_widget_activate (part (page, "save_button"));
    wait_gone (fixture, page);
    g_assert_cmpint (lc_diary_count_sessions (diary, NULL), ==, count + 2);
    sessions = lc_diary_list_sessions (diary, 0, G_MAXINT64, NULL);
    record = sessions->pdata[sessions->len - 1];
    g_assert_cmpuint (record->steps_done, ==, 0);
    g_assert_cmpint (record->heaviness_before, ==, 8);
    g_assert_false (lc_trend_session_counts (record));

    effects = lc_trend_routine_effects (sessions);
    g_assert_cmpuint (effects->len, ==, effects_before->len);
    for (guint i = 0; i < effects->len; i++)
      {
        g_assert_cmpuint (g_array_index (effects, LcRoutineEffect, i).n, ==,
                          g_array_index (effects_before, LcRoutineEffect, i).n);
        g_assert_cmpfloat (g_array_index (effects, LcRoutineEffect, i).mean_before, ==,
                           g_array_index (effects_before, LcRoutineEffect, i).mean_before);
      }
  }
}

/* To the end: Completed, and the neutral summary offers Save and Discard. */
static void
test_player_completed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  GtkWidget *page = start (fixture, "calf-pump-seated", clock, TRUE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  AdwStatusPage *summary = ADW_STATUS_PAGE (part (page, "summary_status"));

  lc_clock_advance (clock, (gint64) 60 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);
  g_assert_cmpstr (adw_status_page_get_title (summary), ==, "Session Complete");
  g_assert_cmpstr (adw_status_page_get_icon_name (summary), ==, "object-select-symbolic");
  gtk_widget_activate (part (page, "discard_button"));
  wait_gone (fixture, page);
}

/* Reduced motion (GNOME's Reduce Animation, GTK's gtk-enable-animations):
 * the player's views change at once, and fade into each other only when
 * animations are on */
static void
test_player_reduced_motion (Fixture       *fixture,
                            gconstpointer  data)
{
  for (guint animations = 0; animations < 2; animations++)
    {
      g_autoptr(LcClock) clock = lc_clock_new_fake ();
      GtkWidget *page;
      GtkStack *stack;

      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", (gboolean) animations, NULL);
      page = start (fixture, "calf-pump-seated", clock, TRUE);
      stack = GTK_STACK (part (page, "stack"));
      wait_until (!gtk_stack_get_transition_running (stack));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "run");
      lc_clock_advance (clock, (gint64) 60 * 60 * G_USEC_PER_SEC);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, "run");
      g_assert_cmpint (gtk_stack_get_transition_running (stack), ==, animations);
      wait_until (!gtk_stack_get_transition_running (stack));
      gtk_widget_activate (part (page, "discard_button"));
      wait_gone (fixture, page);
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* The side as a badge, and the right leg's picture mirrored */
static void
test_player_sides (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  GtkWidget *page = start (fixture, "calf-pump-seated", clock, TRUE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  GtkWidget *side = part (page, "side_label");
  GtkWidget *picture;
  g_autofree char *left = g_utf8_strup (_("Left Leg"), -1);

  lc_clock_advance (clock, 5 * G_USEC_PER_SEC);
  g_assert_cmpfloat (gtk_widget_get_opacity (side), ==, 0);
  while (lc_session_get_segment (session)->side != LC_SIDE_LEFT)
    lc_session_next_step (session);
  g_assert_cmpfloat (gtk_widget_get_opacity (side), ==, 1);
  g_assert_cmpstr (label_text (page, "side_label"), ==, left);
  picture = adw_clamp_get_child (ADW_CLAMP (adw_bin_get_child (ADW_BIN (part (page, "picture_bin")))));
  g_assert_false (gtk_widget_has_css_class (picture, "mirrored"));

  while (lc_session_get_segment (session)->side != LC_SIDE_RIGHT ||
         lc_session_get_segment (session)->kind != LC_SEGMENT_WORK)
    lc_clock_advance (clock, G_USEC_PER_SEC);
  g_assert_true (gtk_widget_has_css_class (side, "right"));
  picture = adw_clamp_get_child (ADW_CLAMP (adw_bin_get_child (ADW_BIN (part (page, "picture_bin")))));
  g_assert_true (gtk_widget_has_css_class (picture, "mirrored"));

  gtk_widget_activate_action (page, "session.stop", NULL);
  gtk_widget_activate_action (page, "session.discard", NULL);
  wait_gone (fixture, page);
}

/* Every label of the player whole and inside the window */
static void
check_labels (GtkWidget  *widget,
              GtkWidget  *window,
              const char *where)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c))
        continue;
      if ((GTK_IS_LABEL (c) && gtk_label_get_label (GTK_LABEL (c))[0] != '\0') || LC_IS_COUNTDOWN (c))
        {
          const char *text = GTK_IS_LABEL (c) ? gtk_label_get_label (GTK_LABEL (c))
                                              : lc_countdown_get_text (LC_COUNTDOWN (c));
          graphene_rect_t own;
          int width, height;
          int min_width, min_height;
          graphene_rect_t bounds;

          /* Its size with padding and margins, as measured; the width and
           * height of a widget leave its padding out */
          g_assert_true (gtk_widget_compute_bounds (c, c, &own));
          width = (int) (own.size.width + 0.5) + gtk_widget_get_margin_start (c) + gtk_widget_get_margin_end (c);
          height = (int) (own.size.height + 0.5) + gtk_widget_get_margin_top (c) + gtk_widget_get_margin_bottom (c);
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
          if (width < min_width || height < min_height)
            g_error ("%s: label “%s” is %dx%d, needs %dx%d", where, text, width, height, min_width, min_height);
          if (GTK_IS_LABEL (c) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (c))))
            g_error ("%s: label “%s” is ellipsized", where, text);
          g_assert_true (gtk_widget_compute_bounds (c, window, &bounds));
          if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
              bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5 ||
              bounds.origin.y + bounds.size.height > gtk_widget_get_height (window) + 0.5)
            g_error ("%s: label “%s” at %.0f,%.0f %.0fx%.0f is outside the window", where, text,
                     bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
        }
      check_labels (c, window, where);
    }
}

static void
check_player (Fixture    *fixture,
              GtkWidget  *page,
              const char *state)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %dx%d, %s", language, sizes[s].width, sizes[s].height,
                                                state);

      g_test_message ("%s", where);
      resize (fixture, sizes[s].width, sizes[s].height);
      check_labels (page, window, where);

      /* The rating before the session: targets of 44 px or more, and
       * from the sofa (a window of 1000 px or higher) 6% of the window's
       * height */
      if (gtk_widget_get_mapped (part (page, "before_bin")))
        {
          int height = gtk_widget_get_height (window);
          double least = height >= 1000 ? 0.06 * height : 44;

          g_assert_true (gtk_widget_compute_bounds (part (page, "before_bin"), window, &bounds));
          g_test_message ("the rating: %.0f px high", bounds.size.height);
          if (bounds.size.height < least)
            g_error ("%s: the rating is %.0f px high, less than %.0f", where, bounds.size.height, least);
        }

      /* The countdown: a fifth of the window's height, at least 15% */
      if (gtk_widget_get_mapped (part (page, "time_label")))
        {
          g_assert_true (gtk_widget_compute_bounds (part (page, "time_label"), window, &bounds));
          g_test_message ("the countdown: %.0f px, %.0f%%", bounds.size.height,
                          100 * bounds.size.height / gtk_widget_get_height (window));
          if (bounds.size.height < 0.15 * gtk_widget_get_height (window))
            g_error ("%s: the countdown is %.0f px high in a window of %d", where, bounds.size.height,
                     gtk_widget_get_height (window));
        }
    }
}

/* At each size, in the language of the run: Get Ready with its rating, a
 * step per leg, paused, the longest German step, and the summary. */
static void
test_player_sizes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  GtkWidget *page = start (fixture, "lymphatic-massage", clock, FALSE);
  LcSession *session = lc_session_view_get_session (LC_SESSION_VIEW (page));
  GtkWidget *stage = part (page, "stage");
  int y_before = -1;

  check_player (fixture, page, "get ready");
  lc_clock_advance (clock, 5 * G_USEC_PER_SEC);
  for (guint i = 0; i < lc_routine_get_n_steps (lc_session_get_routine (session)); i++)
    {
      graphene_rect_t bounds;

      /* The countdown stays where it is from step to step */
      resize (fixture, 1000, 700);
      g_assert_true (gtk_widget_compute_bounds (part (page, "time_label"), stage, &bounds));
      if (y_before >= 0)
        g_assert_cmpint ((int) bounds.origin.y, ==, y_before);
      y_before = (int) bounds.origin.y;
      if (lc_session_get_segment (session)->side != LC_SIDE_NONE)
        break;
      lc_session_next_step (session);
    }
  check_player (fixture, page, "a step per leg");
  lc_session_pause (session);
  check_player (fixture, page, "paused");
  lc_session_resume (session);
  lc_session_stop (session);
  check_player (fixture, page, "summary");

  gtk_widget_activate_action (page, "session.discard", NULL);
  wait_gone (fixture, page);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lc_test_use_private_home ("legcare-test-player");
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    language = argv[1];

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  if (!g_str_equal (language, "en"))
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *locale = lc_test_locale_of (language);

      g_setenv ("LANGUAGE", language, TRUE);
      g_setenv ("LC_ALL", locale, TRUE);
      if (setlocale (LC_ALL, "") == NULL)
        {
          g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
          if (setlocale (LC_ALL, "") == NULL)
            {
              g_test_skip ("no UTF-8 locale besides C is installed");
              return 77;
            }
        }
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add ("/lc/player/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* The words of the English run; the sizes in every language */
  if (g_str_equal (language, "en"))
    {
      ADD ("keyboard", test_player_keyboard);
      ADD ("stop-discard", test_player_stop_discard);
      ADD ("stop-save", test_player_stop_save);
      ADD ("completed", test_player_completed);
      ADD ("reduced-motion", test_player_reduced_motion);
      ADD ("sides", test_player_sides);
    }
  ADD ("sizes", test_player_sizes);

#undef ADD

  the_app = lc_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  ret = g_test_run ();

  g_object_unref (the_app);
  return ret;
}
