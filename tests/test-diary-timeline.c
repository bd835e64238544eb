/* test-diary-timeline.c: the Diary page's entries and sessions, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session in the diary shows as a row among the entries, opens with its
 * ratings, which can be corrected, and is deleted with Undo; the filter
 * and Go to Date; the page opens at today.
 */

#include "config.h"

#include "lc-routine.h"

#include <math.h>

#include "lc-application.h"
#include "lc-diary-page.h"
#include "lc-diary-row.h"
#include "lc-entry-dialog.h"
#include "lc-session-dialog.h"
#include "lc-session-row.h"
#include "lc-session-view.h"
#include "lc-widgets.h"
#include "lc-window.h"
#include "lc-test-keys.h"
#include "lc-test-util.h"

static LcApplication *the_app;

typedef struct
{
  LcApplication *app;
  GtkWindow     *window;
  LcDiary       *diary;
  GtkWidget     *page;
  GtkListView   *list;
  GtkStack      *stack;
} Fixture;

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (fixture->page, LC_TYPE_DIARY_PAGE, name));
}

/* What the list view shows: the newest records, more as it scrolls */
static GListModel *
list_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (fixture->list));
}

/* The whole timeline, which the list shows the start of */
static GListModel *
timeline_model (Fixture *fixture)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (fixture->list);

  if (selection == NULL)
    return NULL;

  return gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (selection))));
}

/* The entry rows made under @widget */
static guint
count_rows (GtkWidget *widget)
{
  guint n = LC_IS_DIARY_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static AdwDialog *
visible_dialog (Fixture *fixture)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (fixture->window));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwToggleGroup *
player_toggles (GtkWidget  *player,
                const char *bin)
{
  return ADW_TOGGLE_GROUP (adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (player, LC_TYPE_SESSION_VIEW,
                                                                                     bin))));
}

static gint64
days_ago (int days,
          int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (then), g_date_time_get_month (then),
                                                   g_date_time_get_day_of_month (then), hour, 0, 0);

  return g_date_time_to_unix (at);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  /* The memory backend lives as long as the process: each test starts
   * from the defaults (the window's size among them) */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  /* One application for the whole process, as in real use; each test
   * opens its own window */
  fixture->app = the_app;
  g_settings_set_boolean (lc_application_get_settings (fixture->app), "safety-acknowledged", TRUE);
  fixture->diary = lc_application_get_diary (fixture->app);
  g_assert_nonnull (fixture->diary);

  /* The tests share a home: each starts from an empty diary */
  g_assert_true (lc_diary_begin (fixture->diary, NULL));
  for (;;)
    {
      g_autoptr(GPtrArray) items = lc_diary_list_timeline (fixture->diary, LC_DIARY_FILTER_ALL, 0, 500, NULL, &error);

      g_assert_no_error (error);
      if (items->len == 0)
        break;
      for (guint i = 0; i < items->len; i++)
        if (LC_IS_ENTRY_ITEM (items->pdata[i]))
          g_assert_true (lc_diary_delete_entry (fixture->diary, lc_entry_item_get_entry (items->pdata[i])->id, NULL));
        else if (LC_IS_SESSION_ITEM (items->pdata[i]))
          g_assert_true (lc_diary_delete_session (fixture->diary,
                                                  lc_session_item_get_record (items->pdata[i])->id, NULL));
        else
          {
            LcBreakDayItem *day = items->pdata[i];
            g_autoptr(GPtrArray) breaks = lc_diary_list_sessions (fixture->diary, lc_break_day_item_get_first (day),
                                                                  lc_break_day_item_get_last (day) + 1, NULL);

            for (guint b = 0; b < breaks->len; b++)
              g_assert_true (lc_diary_delete_session (fixture->diary,
                                                      ((LcSessionRecord *) breaks->pdata[b])->id, NULL));
          }
    }
  g_assert_true (lc_diary_commit (fixture->diary, NULL));

  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  fixture->page = lc_window_get_diary_page (LC_WINDOW (fixture->window));
  fixture->list = GTK_LIST_VIEW (page_child (fixture, "list_view"));
  fixture->stack = GTK_STACK (page_child (fixture, "stack"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (fixture->window);
  wait_until (fixture->window == NULL);
}

static void
show_diary (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "diary");
  wait_until (list_model (fixture) != NULL);
}

/* The first row, a session rated @before: opened, its heaviness after
 * corrected to @after and saved, then deleted and brought back with Undo.
 * The diary holds one more record besides. */
static void
correct_delete_undo (Fixture *fixture,
                     gint64   id,
                     int      before,
                     int      after)
{
  g_autoptr(LcSessionRecord) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rated = g_strdup_printf ("Heaviness %d → %d", before, after);
  g_autofree char *name = g_strdup_printf ("%d", after);
  guint n_items = g_list_model_get_n_items (list_model (fixture));
  AdwDialog *dialog;
  AdwToggleGroup *group;

  /* Open it and correct the heaviness after */
  g_signal_emit_by_name (fixture->list, "activate", 0);
  wait_until (LC_IS_SESSION_DIALOG (visible_dialog (fixture)));
  dialog = visible_dialog (fixture);
  group = ADW_TOGGLE_GROUP (find_widget (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                    LC_TYPE_SESSION_DIALOG,
                                                                                    "after_group")),
                                         ADW_TYPE_TOGGLE_GROUP));
  g_assert_nonnull (group);
  adw_toggle_group_set_active_name (group, name);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "session.save", NULL));
  wait_until (dialog == NULL);
  read = lc_diary_get_session (fixture->diary, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->heaviness_before, ==, before);
  g_assert_cmpint (read->heaviness_after, ==, after);
  wait_until (find_label (fixture->page, rated) != NULL);

  /* Delete, then Undo */
  g_signal_emit_by_name (fixture->list, "activate", 0);
  wait_until (LC_IS_SESSION_DIALOG (visible_dialog (fixture)));
  dialog = visible_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "session.delete", NULL));
  wait_until (dialog == NULL);
  g_assert_null (lc_diary_get_session (fixture->diary, id, NULL));
  wait_until (g_list_model_get_n_items (list_model (fixture)) == n_items - 1);
  {
    GtkWidget *undo = NULL;

    wait_until ((undo = find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL && gtk_widget_get_mapped (undo));
    gtk_widget_activate (undo);
  }
  wait_until (g_list_model_get_n_items (list_model (fixture)) == n_items);
  wait_until (find_label (fixture->page, rated) != NULL);
}

/* A session among the entries: its row, its dialog, corrected, deleted, Undo */
static void
test_timeline_session (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LcEntry) entry = lc_entry_new (days_ago (1, 8));
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(LcSessionRecord) read = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GError) error = NULL;

  entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = 5;
  g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
  /* A built-in routine saved under an older name: the row says its name now */
  record->routine_id = g_strdup ("calf-pump-seated");
  record->routine_name = g_strdup ("An Older Name");
  /* Some minutes ago: after the entry, whatever the time of day */
  record->started_at = g_get_real_time () / G_USEC_PER_SEC - 600;
  record->ended_at = record->started_at + 250;
  record->steps_total = 12;
  record->steps_done = 3;
  record->heaviness_before = 6;
  g_assert_true (lc_diary_add_session (fixture->diary, record, &error));
  g_assert_no_error (error);

  show_diary (fixture);
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 2);
  first = g_list_model_get_item (list_model (fixture), 0);
  g_assert_true (LC_IS_SESSION_ITEM (first));
  wait_until (find_label (fixture->page, "Calf Pump at the Desk") != NULL);
  g_assert_null (find_label (fixture->page, "An Older Name"));
  g_assert_nonnull (find_label (fixture->page, "4 min · Stopped after 3 of 12 steps"));
  g_assert_nonnull (find_label (fixture->page, "Heaviness before 6"));
  g_assert_nonnull (find_widget (fixture->page, LC_TYPE_DIARY_ROW));

  correct_delete_undo (fixture, record->id, 6, 2);
  read = lc_diary_get_last_session (fixture->diary, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->heaviness_after, ==, 2);
  g_assert_cmpint (read->started_at, ==, record->started_at);
}

static void
add_break (LcDiary *diary,
           gint64   started_at,
           gint64   seconds)
{
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();

  record->routine_id = g_strdup (LC_ROUTINE_ID_SITTING_BREAK);
  record->routine_name = g_strdup ("Sitting Break");
  record->started_at = started_at;
  record->ended_at = started_at + seconds;
  record->steps_total = 4;
  record->steps_done = 4;
  g_assert_true (lc_diary_add_session (diary, record, NULL));
}

/* A day's sitting breaks are one row: how many, their time, between which
 * times; it opens nothing; the next day's are another row */
static void
test_timeline_breaks (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LcEntry) entry = lc_entry_new (days_ago (1, 8));
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;

  entry->heaviness[LC_LEG_LEFT] = 4;
  g_assert_true (lc_diary_add_entry (fixture->diary, entry, NULL));
  add_break (fixture->diary, days_ago (1, 10), 120);
  add_break (fixture->diary, days_ago (1, 11), 100);
  add_break (fixture->diary, days_ago (1, 15), 120);
  add_break (fixture->diary, days_ago (2, 9), 90);

  show_diary (fixture);
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 3);
  first = g_list_model_get_item (list_model (fixture), 0);
  g_assert_true (LC_IS_BREAK_DAY_ITEM (first));
  g_assert_cmpuint (lc_break_day_item_get_count (LC_BREAK_DAY_ITEM (first)), ==, 3);
  second = g_list_model_get_item (list_model (fixture), 1);
  g_assert_true (LC_IS_ENTRY_ITEM (second));

  wait_until (find_label (fixture->page, "3 breaks · 6 min in all") != NULL);
  g_assert_nonnull (find_label (fixture->page, "10:00–15:00"));
  g_assert_nonnull (find_label (fixture->page, "1 break · 2 min in all"));

  /* It opens nothing; the entry below it opens its dialog */
  g_signal_emit_by_name (fixture->list, "activate", 0);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (visible_dialog (fixture));
  g_signal_emit_by_name (fixture->list, "activate", 1);
  wait_until (LC_IS_ENTRY_DIALOG (visible_dialog (fixture)));
  adw_dialog_force_close (visible_dialog (fixture));
  wait_until (visible_dialog (fixture) == NULL);

  /* Only sessions: the breaks stay, the entry goes */
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (page_child (fixture, "filter_toggles")), "sessions");
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 2);
}

/* A session as the player saves it: rated before, run to the end, rated
 * after, saved; the Diary shows it as a row, which opens, is corrected
 * and is deleted with Undo. */
static void
test_timeline_from_player (Fixture       *fixture,
                           gconstpointer  data)
{
  LcRoutine *routine = lc_routine_library_find (lc_application_get_routine_library (fixture->app),
                                                "calf-pump-seated");
  AdwNavigationView *navigation = ADW_NAVIGATION_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                      LC_TYPE_WINDOW,
                                                                                      "navigation_view"));
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSessionRecord) saved = NULL;
  g_autoptr(LcSessionRecord) read = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *player;

  g_assert_nonnull (routine);
  show_diary (fixture);
  /* Active, as in use: a session that ends unseen is told in a
   * notification, which this bus has no server for */
  wait_until (gtk_window_is_active (fixture->window));
  player = lc_window_start_session (LC_WINDOW (fixture->window), routine, clock);
  wait_until (adw_navigation_view_get_visible_page (navigation) == ADW_NAVIGATION_PAGE (player));
  lc_score_toggles_set (player_toggles (player, "before_bin"), 7);
  lc_clock_advance (clock, (gint64) 60 * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (lc_session_get_state (lc_session_view_get_session (LC_SESSION_VIEW (player))), ==,
                   LC_SESSION_FINISHED);
  lc_score_toggles_set (player_toggles (player, "after_bin"), 3);
  gtk_widget_activate (GTK_WIDGET (gtk_widget_get_template_child (player, LC_TYPE_SESSION_VIEW, "save_button")));
  wait_until (adw_navigation_view_get_visible_page (navigation) != ADW_NAVIGATION_PAGE (player));

  /* Its row, at the top of the Diary */
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 1);
  first = g_list_model_get_item (list_model (fixture), 0);
  g_assert_true (LC_IS_SESSION_ITEM (first));
  saved = lc_session_record_copy (lc_session_item_get_record (LC_SESSION_ITEM (first)));
  g_assert_cmpuint (saved->steps_done, ==, saved->steps_total);
  wait_until (find_label (fixture->page, "Calf Pump at the Desk") != NULL);
  wait_until (find_label (fixture->page, "Heaviness 7 → 3") != NULL);

  /* The diary holds one entry besides, so that deleting leaves a list */
  {
    g_autoptr(LcEntry) entry = lc_entry_new (saved->started_at - 24 * 60 * 60);

    entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = 4;
    g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
    g_assert_no_error (error);
  }
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 2);

  correct_delete_undo (fixture, saved->id, 7, 1);
  read = lc_diary_get_last_session (fixture->diary, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->routine_id, ==, "calf-pump-seated");
  g_assert_cmpint (read->heaviness_before, ==, 7);
  g_assert_cmpint (read->heaviness_after, ==, 1);
  g_assert_cmpint (read->started_at, ==, saved->started_at);
  g_assert_cmpuint (read->steps_done, ==, saved->steps_done);
}

/* The record of the row that has the focus, or 0 */
static gint64
focused_entry_id (Fixture *fixture)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (fixture->window)); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      GObject *item = g_object_get_data (G_OBJECT (w), "lc-diary-item");

      if (item == NULL && child != NULL)
        item = g_object_get_data (G_OBJECT (child), "lc-diary-item");
      if (LC_IS_ENTRY_ITEM (item))
        return lc_entry_item_get_entry (LC_ENTRY_ITEM (item))->id;
    }
  return 0;
}

/* A change keeps the list where it was, far down a long diary, and the
 * focus on its row: after an edit in the dialog opened from the row, and
 * after a record added elsewhere while the list has the focus. */
static void
test_timeline_keeps_place (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->list));
  g_autoptr(GError) error = NULL;
  const guint n = 400;
  const guint target = 250;
  gint64 target_id = 0;
  AdwDialog *dialog;

  g_assert_true (lc_diary_begin (fixture->diary, NULL));
  for (guint i = 0; i < n; i++)
    {
      /* From yesterday back: never in the future, whatever the time */
      g_autoptr(LcEntry) entry = lc_entry_new (days_ago (1 + i / 2, i % 2 == 0 ? 19 : 8));

      entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = (int) (i % 11);
      g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
      g_assert_no_error (error);
      if (i == target)
        target_id = entry->id;
    }
  g_assert_true (lc_diary_commit (fixture->diary, NULL));
  show_diary (fixture);
  wait_until (timeline_model (fixture) != NULL && g_list_model_get_n_items (timeline_model (fixture)) == n);
  /* Laid out, and the page's own move to today done */
  wait_until (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  /* The list starts with the newest records only, not rows for 200 */
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), <, target);
  g_assert_cmpuint (count_rows (GTK_WIDGET (fixture->list)), <, 100);
  /* Scrolled down as a user does, it is given more as it nears the end */
  wait_until ((gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)),
               g_list_model_get_n_items (list_model (fixture)) > target));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->list));
  gtk_list_view_scroll_to (fixture->list, target, GTK_LIST_SCROLL_FOCUS, NULL);
  wait_until (focused_entry_id (fixture) == target_id);
  wait_until (gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_page_size (adjustment));

  /* Edited in the dialog opened from its row */
  g_signal_emit_by_name (fixture->list, "activate", target);
  wait_until (LC_IS_ENTRY_DIALOG (visible_dialog (fixture)));
  dialog = visible_dialog (fixture);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (find_widget (GTK_WIDGET (dialog), ADW_TYPE_TOGGLE_GROUP)),
                                    "9");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (lc_entry_dialog_save (LC_ENTRY_DIALOG (dialog)));
  wait_until (dialog == NULL);
  {
    g_autoptr(LcEntry) read = lc_diary_get_entry (fixture->diary, target_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (read->heaviness[LC_LEG_LEFT], ==, 9);
  }
  wait_until (focused_entry_id (fixture) == target_id);
  wait_until (gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_page_size (adjustment));

  /* A newer record added while the list has the focus: the row moves down
   * one place, and keeps it */
  {
    g_autoptr(LcEntry) entry = lc_entry_new (g_get_real_time () / G_USEC_PER_SEC - 60);

    entry->heaviness[LC_LEG_LEFT] = entry->heaviness[LC_LEG_RIGHT] = 1;
    g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
    g_assert_no_error (error);
  }
  wait_until (g_list_model_get_n_items (timeline_model (fixture)) == n + 1);
  wait_until (focused_entry_id (fixture) == target_id);
  wait_until (gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_page_size (adjustment));
}

/* All, entries, sessions; a filter that finds nothing says so */
static void
test_timeline_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwToggleGroup *filter = ADW_TOGGLE_GROUP (page_child (fixture, "filter_toggles"));
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(LcEntry) entry = lc_entry_new (days_ago (i + 1, 9));

      entry->swelling[LC_LEG_LEFT] = i;
      g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
    }

  show_diary (fixture);
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 3);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "filter_bar")));

  adw_toggle_group_set_active_name (filter, "sessions");
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->stack), ==, "filtered");
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "filter_bar")));

  {
    g_autoptr(LcSessionRecord) record = lc_session_record_new ();

    record->routine_id = g_strdup ("a-routine-of-mine");
    record->routine_name = g_strdup ("My Own Routine");
    record->started_at = days_ago (1, 18);
    record->ended_at = record->started_at + 600;
    record->steps_total = record->steps_done = 4;
    g_assert_true (lc_diary_add_session (fixture->diary, record, &error));
  }
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->stack), ==, "list");
  wait_until (find_label (fixture->page, "My Own Routine") != NULL);
  g_assert_nonnull (find_label (fixture->page, "10 min · Completed"));

  adw_toggle_group_set_active_name (filter, "entries");
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 3);
  adw_toggle_group_set_active_name (filter, "all");
  wait_until (g_list_model_get_n_items (list_model (fixture)) == 4);
}

static GObject *
focused_item (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = focus != NULL ? find_widget (focus, LC_TYPE_DIARY_ROW) : NULL;

  return row != NULL ? G_OBJECT (lc_diary_row_get_item (LC_DIARY_ROW (row))) : NULL;
}

/* A year of entries: Go to Date lands on that day (or the nearest earlier
 * day with any), and the page opens at today again when it is shown again */
static void
test_timeline_dates (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkAdjustment *vadjustment;
  double top;
  g_autoptr(GError) error = NULL;

  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;

  lc_diary_begin (fixture->diary, &error);
  for (int day = 365; day >= 0; day--)
    if (day % 7 != 3)
      for (int hour = 8; hour <= 20; hour += 12)
        {
          g_autoptr(LcEntry) entry = lc_entry_new (days_ago (day, hour));

          if (entry->taken_at > now_s)
            continue;
          entry->heaviness[LC_LEG_LEFT] = day % 11;
          g_assert_true (lc_diary_add_entry (fixture->diary, entry, &error));
          g_array_append_val (times, entry->taken_at);
        }
  g_assert_true (lc_diary_commit (fixture->diary, &error));
  g_assert_no_error (error);

  show_diary (fixture);
  wait_until (timeline_model (fixture) != NULL && g_list_model_get_n_items (timeline_model (fixture)) == times->len);
  /* Where the list starts: today's heading and first row */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->list));
  wait_until (gtk_adjustment_get_upper (vadjustment) > 1000);
  wait_until (gtk_adjustment_get_value (vadjustment) < 1);
  top = gtk_adjustment_get_value (vadjustment);

  for (int day = 1; day <= 365; day += 29)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) target = g_date_time_add_days (now, -day);
      gint64 day_end = days_ago (day - 1, 0);
      gint64 expected = 0;
      GObject *item;

      /* The newest entry before the end of that day */
      for (guint i = 0; i < times->len; i++)
        if (g_array_index (times, gint64, i) < day_end)
          expected = MAX (expected, g_array_index (times, gint64, i));

      lc_diary_page_show_day (LC_DIARY_PAGE (fixture->page), target);
      wait_until ((item = focused_item (fixture)) != NULL && lc_diary_item_get_time (item) == expected);
    }

  /* Scrolled far down; away and back: today at the top */
  wait_until (gtk_adjustment_get_value (vadjustment) > 1000);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "routines");
  wait_until (!gtk_widget_get_mapped (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.page", "s", "diary");
  wait_until (gtk_widget_get_mapped (fixture->page));
  wait_until (fabs (gtk_adjustment_get_value (vadjustment) - top) < 1);
  {
    GObject *item = focused_item (fixture);

    g_assert_true (item == NULL || lc_diary_item_get_time (item) == g_array_index (times, gint64, times->len - 1));
  }
}

/* The diary's New Entry, up with the focus on the heaviness, where a new
 * entry opens, ready for the keyboard */
static AdwDialog *
open_new_entry (Fixture *fixture)
{
  AdwDialog *dialog;
  GtkWidget *heaviness;
  GtkWidget *focus;

  show_diary (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-entry", NULL);
  wait_until (LC_IS_ENTRY_DIALOG (visible_dialog (fixture)));
  dialog = visible_dialog (fixture);
  heaviness = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG, "heaviness_group"));
  wait_until ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL &&
              gtk_widget_is_ancestor (focus, heaviness) &&
              gtk_widget_get_ancestor (focus, ADW_TYPE_TOGGLE_GROUP) != NULL);
  return dialog;
}

/* A new entry opens with the focus on the heaviness, ready for the keyboard */
static void
test_timeline_quick_entry (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwDialog *dialog = open_new_entry (fixture);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  /* A wrong ankle says nothing while it is typed; Save says it, beside the
   * field, marks the field invalid for screen readers and focuses it */
  {
    GtkWidget *measures = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                     "measure_group"));
    GtkWidget *ankle = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                  "ankle_right_row"));
    AdwToggleGroup *toggles = ADW_TOGGLE_GROUP (gtk_widget_get_ancestor (focus, ADW_TYPE_TOGGLE_GROUP));

    adw_toggle_group_set_active_name (toggles, "4");
    gtk_editable_set_text (GTK_EDITABLE (ankle), "5");
    g_assert_false (gtk_widget_has_css_class (measures, "error"));
    g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (ankle), GTK_ACCESSIBLE_STATE_INVALID));
    g_assert_false (lc_entry_dialog_save (LC_ENTRY_DIALOG (dialog)));
    g_assert_true (gtk_widget_has_css_class (measures, "error"));
    g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (ankle), GTK_ACCESSIBLE_STATE_INVALID));
    wait_until ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL &&
                (focus == ankle || gtk_widget_is_ancestor (focus, ankle)));

    /* No day after today can be picked */
    {
      GtkCalendar *calendar = GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                          "calendar"));
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
      g_autoptr(GDateTime) shown = NULL;

      gtk_calendar_select_day (calendar, tomorrow);
      shown = gtk_calendar_get_date (calendar);
      g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
      g_clear_pointer (&shown, g_date_time_unref);
      gtk_calendar_select_day (calendar, yesterday);
      shown = gtk_calendar_get_date (calendar);
      g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (yesterday));
      gtk_calendar_select_day (calendar, now);
    }

    /* Fixed: the error goes at once */
    gtk_editable_set_text (GTK_EDITABLE (ankle), "23,4");
    g_assert_false (gtk_widget_has_css_class (measures, "error"));
    g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (ankle), GTK_ACCESSIBLE_STATE_INVALID));
  }

  /* Other symptoms are behind More; rated, they show in the row */
  {
    GtkWidget *more = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                 "symptoms_button"));
    GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                "symptoms_box"));
    GtkWidget *revealer = gtk_widget_get_parent (box);

    g_assert_false (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
    gtk_widget_activate (more);
    wait_until (gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
    adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (find_widget (box, ADW_TYPE_TOGGLE_GROUP)), "3");
  }

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (lc_entry_dialog_save (LC_ENTRY_DIALOG (dialog)));
  wait_until (dialog == NULL);
  wait_until (lc_diary_count_entries (fixture->diary, NULL) == 1);
  wait_until (find_label (fixture->page, "Aching 3") != NULL);
  {
    g_autoptr(GPtrArray) entries = lc_diary_list_entries (fixture->diary, G_MININT64, G_MAXINT64, NULL);
    const LcEntry *entry = entries->pdata[0];

    g_assert_cmpint (entry->heaviness[LC_LEG_LEFT], ==, 4);
    g_assert_cmpint (entry->ankle_mm[LC_LEG_RIGHT], ==, 234);
    g_assert_cmpint (entry->symptoms[LC_SYMPTOM_ACHING], ==, 3);
    g_assert_cmpint (entry->symptoms[LC_SYMPTOM_ITCHING], ==, LC_SCORE_NONE);
  }
}

/* An entry from the keyboard alone, in five keys: the focus starts on
 * heaviness, 1 then 0 is ten, Tab goes to swelling, 3, Enter saves. */
static void
test_timeline_five_keys (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  AdwDialog *dialog = open_new_entry (fixture);
  GtkWidget *swelling = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LC_TYPE_ENTRY_DIALOG,
                                                                   "swelling_group"));
  GtkWidget *focus;

  g_assert_true (lc_test_press_key (window, GDK_KEY_1));
  g_assert_true (lc_test_press_key (window, GDK_KEY_0));
  g_assert_true (lc_test_press_key (window, GDK_KEY_Tab));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, swelling));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_TOGGLE_GROUP));
  g_assert_true (lc_test_press_key (window, GDK_KEY_3));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (lc_test_press_key (window, GDK_KEY_Return));
  wait_until (dialog == NULL);
  wait_until (lc_diary_count_entries (fixture->diary, NULL) == 1);
  {
    g_autoptr(GPtrArray) entries = lc_diary_list_entries (fixture->diary, G_MININT64, G_MAXINT64, NULL);
    const LcEntry *entry = entries->pdata[0];

    for (LcLeg leg = LC_LEG_LEFT; leg <= LC_LEG_RIGHT; leg++)
      {
        g_assert_cmpint (entry->heaviness[leg], ==, 10);
        g_assert_cmpint (entry->swelling[leg], ==, 3);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  lc_test_use_private_home ("legcare-test-timeline");

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  the_app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (the_app), NULL, &error))
    g_error ("%s", error->message);

  g_test_add ("/lc/diary-timeline/session", Fixture, NULL, fixture_set_up, test_timeline_session, fixture_tear_down);
  g_test_add ("/lc/diary-timeline/breaks", Fixture, NULL, fixture_set_up, test_timeline_breaks, fixture_tear_down);
  g_test_add ("/lc/diary-timeline/from-player", Fixture, NULL, fixture_set_up, test_timeline_from_player,
              fixture_tear_down);
  g_test_add ("/lc/diary-timeline/keeps-place", Fixture, NULL, fixture_set_up, test_timeline_keeps_place,
              fixture_tear_down);
  g_test_add ("/lc/diary-timeline/filter", Fixture, NULL, fixture_set_up, test_timeline_filter, fixture_tear_down);
  g_test_add ("/lc/diary-timeline/quick-entry", Fixture, NULL, fixture_set_up, test_timeline_quick_entry, fixture_tear_down);
  g_test_add ("/lc/diary-timeline/five-keys", Fixture, NULL, fixture_set_up, test_timeline_five_keys, fixture_tear_down);
  g_test_add ("/lc/diary-timeline/dates", Fixture, NULL, fixture_set_up, test_timeline_dates, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
