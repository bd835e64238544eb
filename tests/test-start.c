/* test-start.c: starting a routine, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application in a private home, as test-window.c runs it: the ▶
 * of a routine's row starts it in one activation once its cautions have
 * been acknowledged on its page; they are asked again when they change;
 * the lymph node question before the first massage; Repeat Last Session.
 * Sessions run on a fake clock, so Get Ready holds still while looked at.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lc-application.h"
#include "lc-paths.h"
#include "lc-routine-view.h"
#include "lc-routines-page.h"
#include "lc-safety-dialog.h"
#include "lc-session-view.h"
#include "lc-start-gate.h"
#include "lc-window.h"
#include "lc-test-util.h"

static LcApplication *the_app;

typedef struct
{
  LcApplication     *app;
  LcWindow          *window;
  LcClock           *clock;
  AdwNavigationView *navigation;
  LcRoutinesPage    *routines_page;
} Fixture;

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LC_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->routines_page), LC_TYPE_ROUTINES_PAGE,
                                                   name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
view_child (AdwNavigationPage *view,
            const char        *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (view), LC_TYPE_ROUTINE_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static AdwDialog *
visible_dialog (Fixture *fixture)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
}

static AdwNavigationPage *
visible_page (Fixture *fixture)
{
  return adw_navigation_view_get_visible_page (fixture->navigation);
}

static gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && gtk_root_get_focus (root) == widget;
}

/* Press a button as a person would: once it is on screen. GtkButton emits
 * "clicked" from a short timeout, so callers wait for the effect. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  wait_until (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static void
close_dialog (AdwDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (adw_dialog_close (dialog));
  wait_until (dialog == NULL);
}

/* Answer @dialog with @response, as its button does. */
static void
respond (AdwDialog  *dialog,
         const char *response)
{
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), response));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (dialog, "response", response);
  if (dialog != NULL)
    adw_dialog_force_close (dialog);
  wait_until (dialog == NULL);
}

/* Back to the list, and wait until the page that is left has gone: a page
 * of the same routine can't be pushed while it is on its way out. */
static void
back_to_list (Fixture *fixture)
{
  AdwNavigationPage *main_page = adw_navigation_view_find_page (fixture->navigation, "main");
  AdwNavigationPage *left = visible_page (fixture);

  g_object_add_weak_pointer (G_OBJECT (left), (gpointer *) &left);
  adw_navigation_view_pop_to_page (fixture->navigation, main_page);
  wait_until (visible_page (fixture) == main_page);
  wait_until (left == NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  AdwDialog *dialog;

  /* Each test from the defaults, as on a first start */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  fixture->app = the_app;
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = LC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (LC_IS_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));

  fixture->clock = lc_clock_new_fake ();
  lc_window_set_clock (fixture->window, fixture->clock);
  fixture->navigation = ADW_NAVIGATION_VIEW (window_child (fixture, "navigation_view"));
  fixture->routines_page = LC_ROUTINES_PAGE (window_child (fixture, "routines_page"));

  /* The safety notice of the first start, acknowledged */
  dialog = visible_dialog (fixture);
  g_assert_true (LC_IS_SAFETY_DIALOG (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_SAFETY_DIALOG,
                                                    "acknowledge_button")));
  wait_until (dialog == NULL);
  lc_window_set_page (fixture->window, "routines");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      wait_until (fixture->window == NULL);
    }
  g_clear_object (&fixture->clock);
}

/* The row of the routine @id in the Routines list (no search, no category) */
static GtkListBoxRow *
routine_row (Fixture    *fixture,
             const char *id)
{
  GListModel *routines = lc_routine_library_get_routines (lc_application_get_routine_library (fixture->app));
  GtkListBox *list = GTK_LIST_BOX (page_child (fixture, "routine_list"));

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (routines, i);

      if (g_str_equal (lc_routine_get_id (routine), id))
        return gtk_list_box_get_row_at_index (list, (int) i);
    }

  g_assert_not_reached ();
}

static GtkWidget *
find_start_button (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), "routines.start") == 0)
        return c;
      found = find_start_button (c);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The ▶ of the routine @id's row, on screen */
static GtkWidget *
start_button (Fixture    *fixture,
              const char *id)
{
  GtkWidget *button;

  wait_until (gtk_widget_get_mapped (GTK_WIDGET (routine_row (fixture, id))));
  button = find_start_button (GTK_WIDGET (routine_row (fixture, id)));
  g_assert_nonnull (button);
  return button;
}

/* The player is up, at Get Ready, for @id */
static LcSession *
assert_get_ready (Fixture    *fixture,
                  const char *id)
{
  LcSession *session;

  wait_until (LC_IS_SESSION_VIEW (visible_page (fixture)));
  session = lc_session_view_get_session (LC_SESSION_VIEW (visible_page (fixture)));
  g_assert_cmpstr (lc_routine_get_id (lc_session_get_routine (session)), ==, id);
  /* On the fake clock, Get Ready lasts until the test moves the clock */
  wait_until (lc_session_get_state (session) == LC_SESSION_GET_READY);
  g_assert_null (visible_dialog (fixture));

  return session;
}

/* Stop the session and back to the list */
static void
leave_player (Fixture *fixture)
{
  lc_session_stop (lc_session_view_get_session (LC_SESSION_VIEW (visible_page (fixture))));
  back_to_list (fixture);
}

/* The routine's page is up, for @id, its cautions to be read and the focus
 * on their button */
static AdwNavigationPage *
assert_cautions_shown (Fixture    *fixture,
                       const char *id)
{
  AdwNavigationPage *view;
  GtkWidget *acknowledge;

  wait_until (LC_IS_ROUTINE_VIEW (visible_page (fixture)));
  view = visible_page (fixture);
  g_assert_cmpstr (lc_routine_get_id (lc_routine_view_get_routine (LC_ROUTINE_VIEW (view))), ==, id);
  g_assert_null (visible_dialog (fixture));
  acknowledge = view_child (view, "acknowledge_button");
  wait_until (gtk_widget_get_mapped (acknowledge));
  wait_until (has_focus (acknowledge));
  g_assert_false (gtk_widget_get_visible (view_child (view, "acknowledged_label")));

  return view;
}

/* Acknowledge the cautions on the routine's page, with its button */
static void
acknowledge (Fixture           *fixture,
             AdwNavigationPage *view)
{
  LcRoutine *routine = lc_routine_view_get_routine (LC_ROUTINE_VIEW (view));
  GtkWidget *button = view_child (view, "acknowledge_button");

  click (button);
  wait_until (lc_start_gate_get_acknowledged (routine));
  wait_until (!gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_get_visible (view_child (view, "acknowledged_label")));
  /* Start is next */
  wait_until (has_focus (view_child (view, "start_button")));
}

static void
test_start_from_row (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *id = "calf-pump-seated";
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (fixture->app), id);
  GtkListBox *list = GTK_LIST_BOX (page_child (fixture, "routine_list"));
  GtkWidget *button = start_button (fixture, id);
  AdwNavigationPage *view;
  LcSession *session;

  g_assert_nonnull (routine);
  g_assert_nonnull (lc_routine_get_cautions (routine)[0]);

  /* Each row's ▶ says what it starts. */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "media-playback-start-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Start Calf Pump at the Desk");
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focus_on_click (button));

  /* The keyboard: Tab from the row reaches its ▶; Enter on the row opens
   * the routine's page, as a click does. */
  gtk_widget_grab_focus (GTK_WIDGET (routine_row (fixture, id)));
  g_assert_true (has_focus (GTK_WIDGET (routine_row (fixture, id))));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (has_focus (button));
  gtk_widget_grab_focus (GTK_WIDGET (routine_row (fixture, id)));
  g_signal_emit_by_name (list, "activate-cursor-row");
  wait_until (LC_IS_ROUTINE_VIEW (visible_page (fixture)));
  g_assert_true (lc_routine_view_get_routine (LC_ROUTINE_VIEW (visible_page (fixture))) == routine);
  g_assert_false (LC_IS_SESSION_VIEW (visible_page (fixture)));
  back_to_list (fixture);

  /* Start on the page, cautions not read: the page shows their button, with
   * the focus, instead of starting. */
  {
    AdwNavigationPage *page;
    GtkWidget *acknowledge_button;
    GtkWidget *scrolled;
    GtkAdjustment *adjustment;
    graphene_point_t point;

    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 500);
    gtk_widget_grab_focus (GTK_WIDGET (routine_row (fixture, "lymphatic-massage")));
    g_signal_emit_by_name (list, "activate-cursor-row");
    wait_until (LC_IS_ROUTINE_VIEW (visible_page (fixture)));
    page = visible_page (fixture);
    acknowledge_button = view_child (page, "acknowledge_button");
    scrolled = gtk_widget_get_ancestor (acknowledge_button, GTK_TYPE_SCROLLED_WINDOW);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    wait_until (gtk_widget_get_mapped (acknowledge_button) && gtk_adjustment_get_page_size (adjustment) > 0);
    g_assert_true (gtk_widget_compute_point (acknowledge_button, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
    /* Below the fold at first */
    g_assert_cmpfloat (point.y, >, gtk_adjustment_get_page_size (adjustment));
    gtk_widget_activate_action (GTK_WIDGET (page), "routine.start", NULL);
    wait_until (has_focus (acknowledge_button));
    wait_until (gtk_widget_compute_point (acknowledge_button, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point) &&
                point.y >= 0 && point.y + gtk_widget_get_height (acknowledge_button) <= gtk_adjustment_get_page_size (adjustment));
    g_assert_false (LC_IS_SESSION_VIEW (visible_page (fixture)));
    back_to_list (fixture);
  }

  /* The first time: its page, with the cautions to read in view, the focus
   * on their button; no alert, no session. */
  click (start_button (fixture, id));
  view = assert_cautions_shown (fixture, id);
  g_assert_nonnull (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (view_child (view, "cautions_group"))));
  acknowledge (fixture, view);

  /* Read: Start on the page goes straight to Get Ready. */
  gtk_widget_activate_action (GTK_WIDGET (view), "routine.start", NULL);
  assert_get_ready (fixture, id);
  leave_player (fixture);

  /* From now on the ▶ of its row: one activation, straight to Get Ready,
   * which holds on the fake clock until it runs. */
  click (start_button (fixture, id));
  session = assert_get_ready (fixture, id);
  lc_clock_advance (fixture->clock, (LC_SESSION_DEFAULT_GET_READY - 1) * G_USEC_PER_SEC);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_GET_READY);
  lc_clock_advance (fixture->clock, 1 * G_USEC_PER_SEC);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  leave_player (fixture);

  /* A routine's acknowledgement is its own. */
  click (start_button (fixture, "leg-elevation"));
  view = assert_cautions_shown (fixture, "leg-elevation");
  back_to_list (fixture);

  /* Acknowledged for a new window, too (it is a setting). */
  g_assert_true (lc_start_gate_get_acknowledged (routine));
}

#define MY_PUMP(caution) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<routine id=\"my-pump\" version=\"1\">\n" \
  "  <name>My Pump</name>\n" \
  "  <summary>Heel raises at the desk</summary>\n" \
  "  <category>stretching</category>\n" \
  "  <caution>" caution "</caution>\n" \
  "  <step id=\"heel-raises\" illustration=\"heel-raises\" repetitions=\"10\" pace=\"2\">\n" \
  "    <title>Heel Raises</title>\n" \
  "    <instruction>Keep your toes on the floor and lift both heels, then lower them.</instruction>\n" \
  "    <cue>Heel raises.</cue>\n" \
  "  </step>\n" \
  "</routine>\n"

/* The user's routine as the library has it after @previous, once reloaded;
 * its caution reads @caution */
static LcRoutine *
wait_for_reload (Fixture    *fixture,
                 LcRoutine  *previous,
                 const char *caution)
{
  LcRoutineLibrary *library = lc_application_get_routine_library (fixture->app);
  LcRoutine *routine;

  wait_until (lc_routine_library_find (library, "my-pump") != NULL &&
              lc_routine_library_find (library, "my-pump") != previous);
  routine = lc_routine_library_find (library, "my-pump");
  g_assert_cmpstr (lc_routine_get_cautions (routine)[0], ==, caution);
  return routine;
}

/* A routine file whose caution is edited: its cautions are to be read
 * again; one whose text is only laid out anew is not. */
static void
test_start_cautions_changed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) dir = lc_paths_get_routines_dir ();
  g_autoptr(LcRoutine) previous = NULL;
  AdwNavigationPage *view;
  LcRoutine *routine;
  const char *cautions_description;

  g_assert_true (g_file_make_directory_with_parents (dir, NULL, NULL) || g_file_query_exists (dir, NULL));
  lc_test_write_file (dir, "my-pump.xml", MY_PUMP ("Stop if your calf hurts."));
  routine = wait_for_reload (fixture, NULL, "Stop if your calf hurts.");

  /* Acknowledged once; then one activation */
  click (start_button (fixture, "my-pump"));
  view = assert_cautions_shown (fixture, "my-pump");
  acknowledge (fixture, view);
  back_to_list (fixture);
  click (start_button (fixture, "my-pump"));
  assert_get_ready (fixture, "my-pump");
  leave_player (fixture);

  /* The same caution laid out on several lines: the same caution */
  previous = g_object_ref (routine);
  lc_test_write_file (dir, "my-pump.xml", MY_PUMP ("\n    Stop if your\n    calf   hurts.\n  "));
  routine = wait_for_reload (fixture, previous, "Stop if your calf hurts.");
  g_assert_true (lc_start_gate_get_acknowledged (routine));

  /* Edited: asked again, and said to have changed */
  g_set_object (&previous, routine);
  lc_test_write_file (dir, "my-pump.xml", MY_PUMP ("Stop if your calf hurts or your foot goes numb."));
  routine = wait_for_reload (fixture, previous, "Stop if your calf hurts or your foot goes numb.");
  g_assert_false (lc_start_gate_get_acknowledged (routine));
  g_assert_true (lc_start_gate_get_changed (routine));
  click (start_button (fixture, "my-pump"));
  view = assert_cautions_shown (fixture, "my-pump");
  cautions_description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (view_child (view, "cautions_group")));
  g_assert_nonnull (strstr (cautions_description, "changed"));
  acknowledge (fixture, view);
  cautions_description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (view_child (view, "cautions_group")));
  g_assert_true (cautions_description == NULL || *cautions_description == '\0');
  g_assert_false (lc_start_gate_get_changed (routine));
  back_to_list (fixture);
  click (start_button (fixture, "my-pump"));
  assert_get_ready (fixture, "my-pump");
  leave_player (fixture);

  /* The next test starts with the built-in routines only. */
  {
    g_autoptr(GFile) file = g_file_get_child (dir, "my-pump.xml");

    g_assert_true (g_file_delete (file, NULL, NULL));
    wait_until (lc_routine_library_find (lc_application_get_routine_library (fixture->app), "my-pump") == NULL);
  }
}

/* The lymph node question, before the first massage: answers that say what
 * they mean, none of them the default; Escape closes it unanswered. */
static void
test_start_lymph_question (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id = "lymphatic-massage";
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (fixture->app), id);
  GSettings *settings = lc_application_get_settings (fixture->app);
  const char *answers[][2] = {
    { "yes", "_Treated" },
    { "no", "_Not Treated" },
    { "unsure", "Not _Sure" },
  };
  AdwDialog *dialog;
  AdwAlertDialog *alert;

  lc_start_gate_acknowledge (routine);
  lc_test_assert_setting (settings, "lymph-node-treatment", "unknown");

  click (start_button (fixture, id));
  wait_until (visible_dialog (fixture) != NULL);
  dialog = visible_dialog (fixture);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  alert = ADW_ALERT_DIALOG (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_heading (alert), ==, "Lymph Node Treatment");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (alert), "Have lymph nodes in your groin or pelvis"));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_assert_true (adw_alert_dialog_has_response (alert, answers[i][0]));
      g_assert_cmpstr (adw_alert_dialog_get_response_label (alert, answers[i][0]), ==, answers[i][1]);
      /* None is pushed on the user */
      g_assert_cmpint (adw_alert_dialog_get_response_appearance (alert, answers[i][0]), ==, ADW_RESPONSE_DEFAULT);
    }
  /* No default: Enter answers nothing. Escape closes without an answer. */
  g_assert_null (adw_alert_dialog_get_default_response (alert));
  g_assert_cmpstr (adw_alert_dialog_get_close_response (alert), ==, "cancel");
  close_dialog (dialog);
  lc_test_assert_setting (settings, "lymph-node-treatment", "unknown");
  g_assert_false (LC_IS_SESSION_VIEW (visible_page (fixture)));

  /* Answered: stored, and on to Get Ready */
  click (start_button (fixture, id));
  wait_until (visible_dialog (fixture) != NULL);
  respond (visible_dialog (fixture), "no");
  lc_test_assert_setting (settings, "lymph-node-treatment", "no");
  assert_get_ready (fixture, id);
  leave_player (fixture);

  /* Asked once: the next start is one activation. */
  click (start_button (fixture, id));
  assert_get_ready (fixture, id);
  leave_player (fixture);

  /* After treatment the built-in massage does not start, and says why. */
  g_settings_set_string (settings, "lymph-node-treatment", "yes");
  click (start_button (fixture, id));
  wait_until (visible_dialog (fixture) != NULL);
  dialog = visible_dialog (fixture);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Ask Your Therapist First");
  close_dialog (dialog);
  g_assert_false (LC_IS_SESSION_VIEW (visible_page (fixture)));
}

/* Repeat Last Session: its ▶, or the row itself, starts it at once. */
static void
test_start_repeat_last (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *id = "calf-pump-seated";
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (fixture->app), id);
  LcDiary *diary = lc_application_get_diary (fixture->app);
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *repeat_list = page_child (fixture, "repeat_list");
  GtkWidget *repeat_row = page_child (fixture, "repeat_row");
  GtkWidget *repeat_button = page_child (fixture, "repeat_button");

  record->routine_id = g_strdup (id);
  record->routine_name = g_strdup (lc_routine_get_name (routine));
  record->started_at = g_get_real_time () / G_USEC_PER_SEC - 3600;
  record->ended_at = record->started_at + 300;
  record->steps_total = lc_routine_get_n_steps (routine);
  record->steps_done = record->steps_total;
  g_assert_true (lc_diary_add_session (diary, record, &error));
  g_assert_no_error (error);
  wait_until (gtk_widget_get_visible (repeat_list));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (repeat_row)), ==, "Calf Pump at the Desk");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (repeat_button), ==, "Start Calf Pump at the Desk");

  /* Not acknowledged yet: the cautions first, as from its row */
  click (repeat_button);
  acknowledge (fixture, assert_cautions_shown (fixture, id));
  back_to_list (fixture);

  /* Then one activation: its ▶… */
  click (repeat_button);
  assert_get_ready (fixture, id);
  leave_player (fixture);

  /* …or the row itself */
  wait_until (gtk_widget_get_mapped (repeat_row));
  g_signal_emit_by_name (repeat_list, "row-activated", repeat_row);
  assert_get_ready (fixture, id);
  leave_player (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lc_test_use_private_home ("legcare-test-start");

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

#define ADD(path, func) \
  g_test_add ("/lc/start/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("from-row", test_start_from_row);
  ADD ("cautions-changed", test_start_cautions_changed);
  ADD ("lymph-question", test_start_lymph_question);
  ADD ("repeat-last", test_start_repeat_last);

#undef ADD

  the_app = lc_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  ret = g_test_run ();

  g_object_unref (the_app);
  return ret;
}
