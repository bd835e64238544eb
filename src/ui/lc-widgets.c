/* lc-widgets.c: small pieces of UI that several pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-entry.h"
#include "lc-widgets.h"

/**
 * lc_score_toggles_new:
 * @accessible_label: what is rated, for screen readers
 *
 * A row of eleven choices, 0 to 10, none chosen, that fits a 360 px window.
 *
 * Returns: (transfer floating): the toggles
 */
AdwToggleGroup *
lc_score_toggles_new (const char *accessible_label)
{
  AdwToggleGroup *toggles = ADW_TOGGLE_GROUP (adw_toggle_group_new ());

  /* Each as wide as its number, never "…" for 10: the extra room of a
   * wide window goes evenly to all */
  adw_toggle_group_set_homogeneous (toggles, FALSE);
  adw_toggle_group_set_can_shrink (toggles, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (toggles), "scores");
  for (int score = 0; score <= LC_SCORE_MAX; score++)
    {
      AdwToggle *toggle = adw_toggle_new ();
      char name[4];

      g_snprintf (name, sizeof name, "%d", score);
      adw_toggle_set_name (toggle, name);
      adw_toggle_set_label (toggle, name);
      adw_toggle_group_add (toggles, toggle);
    }
  adw_toggle_group_set_active (toggles, GTK_INVALID_LIST_POSITION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggles), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);

  return toggles;
}

/**
 * lc_score_toggles_get:
 *
 * Returns: the chosen score, or %LC_SCORE_NONE
 */
int
lc_score_toggles_get (AdwToggleGroup *toggles)
{
  const char *name = adw_toggle_group_get_active_name (toggles);

  return name != NULL ? atoi (name) : LC_SCORE_NONE;
}

void
lc_score_toggles_set (AdwToggleGroup *toggles,
                      int             score)
{
  char name[4];

  if (score == LC_SCORE_NONE)
    {
      adw_toggle_group_set_active (toggles, GTK_INVALID_LIST_POSITION);
      return;
    }

  g_snprintf (name, sizeof name, "%d", score);
  adw_toggle_group_set_active_name (toggles, name);
}

/* Number keys for a score: 0-9, and 1 then 0 within a second for 10 */
#define TEN_WITHIN_MS 1000

typedef struct
{
  GWeakRef toggles;
  guint32  one_time;      /* when 1 was pressed, if it was the last key */
  gboolean one_pending;
} ScoreKeys;

static void
score_keys_free (gpointer  data,
                 GClosure *closure)
{
  ScoreKeys *keys = data;

  g_weak_ref_clear (&keys->toggles);
  g_free (keys);
}

/* Keys typed into a text field are the field's. */
static gboolean
focus_takes_text (GtkWidget *scope)
{
  GtkRoot *root = gtk_widget_get_root (scope);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

/* Whether the keyboard focus is in @widget (a child of it) */
static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

static gboolean
score_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      ScoreKeys             *keys)
{
  g_autoptr(AdwToggleGroup) toggles = g_weak_ref_get (&keys->toggles);
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller));
  int digit;
  int score;

  /* The arrows move the choice, as in a group of radio buttons, while the
   * focus is in the toggles (GTK's own directional focus depends on where
   * the buttons happen to be drawn). */
  if ((keyval == GDK_KEY_Left || keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Left ||
       keyval == GDK_KEY_KP_Right || keyval == GDK_KEY_Home || keyval == GDK_KEY_End) &&
      toggles != NULL && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK)) == 0)
    {
      gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (toggles)) == GTK_TEXT_DIR_RTL;
      int now = lc_score_toggles_get (toggles);
      int step = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) != rtl ? 1 : -1;

      if (!focus_is_in (GTK_WIDGET (toggles)))
        return GDK_EVENT_PROPAGATE;

      if (keyval == GDK_KEY_Home)
        score = 0;
      else if (keyval == GDK_KEY_End)
        score = LC_SCORE_MAX;
      else if (now == LC_SCORE_NONE)
        score = step > 0 ? 0 : LC_SCORE_MAX;
      else
        score = CLAMP (now + step, 0, LC_SCORE_MAX);
      lc_score_toggles_set (toggles, score);
      /* The focus follows the choice. */
      gtk_widget_grab_focus (GTK_WIDGET (toggles));
      keys->one_pending = FALSE;
      return GDK_EVENT_STOP;
    }

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = (int) (keyval - GDK_KEY_KP_0);
  else
    return GDK_EVENT_PROPAGATE;

  if (toggles == NULL || !gtk_widget_is_drawable (GTK_WIDGET (toggles)) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (toggles)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      focus_takes_text (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))))
    return GDK_EVENT_PROPAGATE;

  /* A key sent without an event (an accessibility tool) has no time. */
  if (time == GDK_CURRENT_TIME)
    time = (guint32) (g_get_monotonic_time () / 1000);

  if (digit == 0 && keys->one_pending && time - keys->one_time <= TEN_WITHIN_MS)
    score = 10;
  else
    score = digit;
  keys->one_pending = digit == 1;
  keys->one_time = time;

  lc_score_toggles_set (toggles, score);
  /* In the toggles, the focus follows the choice, as with the arrows: a
   * screen reader then says the number chosen. */
  if (focus_is_in (GTK_WIDGET (toggles)))
    gtk_widget_grab_focus (GTK_WIDGET (toggles));
  return GDK_EVENT_STOP;
}

/**
 * lc_score_toggles_add_keys:
 * @toggles: score toggles from lc_score_toggles_new()
 * @scope: the widget whose keys choose a score: a page, a dialog
 *
 * While @toggles is on screen and sensitive, the number keys typed anywhere in @scope
 * choose a score: 0 to 9, and 1 then 0 within a second for 10. Keys typed
 * into a text field stay the field's. While the focus is in @toggles, the
 * arrows move the choice (Home: 0, End: 10), and Tab leaves them.
 */
void
lc_score_toggles_add_keys (AdwToggleGroup *toggles,
                           GtkWidget      *scope)
{
  GtkEventController *controller;
  ScoreKeys *keys;

  g_return_if_fail (ADW_IS_TOGGLE_GROUP (toggles));
  g_return_if_fail (GTK_IS_WIDGET (scope));

  keys = g_new0 (ScoreKeys, 1);
  g_weak_ref_init (&keys->toggles, toggles);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "lc-score-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (score_key_pressed_cb), keys,
                         score_keys_free, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (scope, controller);
}

/**
 * lc_score_toggles_has_focus:
 * @widget: a widget in a window
 *
 * Returns: whether the keyboard focus of @widget's window is in score
 *   toggles, where the arrows and Space are theirs
 */
gboolean
lc_score_toggles_has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *group = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_TOGGLE_GROUP) : NULL;

  return group != NULL && gtk_widget_has_css_class (group, "scores");
}

/**
 * lc_announce:
 * @widget: the widget the message is about
 * @message: what a screen reader says, politely (after what it is saying)
 *
 * For a change that moves no focus, such as Alt+Left's period. GTK 4.18's
 * test accessibility backend (GTK_A11Y=test, in the ui tests) has no
 * announce method and crashes in gtk_accessible_announce(): nothing is
 * said there.
 */
void
lc_announce (GtkWidget  *widget,
             const char *message)
{
  g_autoptr(GtkATContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (widget));
  if (context != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (context), "GtkTestATContext") != 0)
    gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

/**
 * lc_show_toast:
 * @widget: a widget in the window
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window's toast overlay.
 */
void
lc_show_toast (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

#define UNDO_KEY "lc-undo"

static void
update_undo_action (GtkWidget *window)
{
  gtk_widget_action_set_enabled (window, "win.undo", g_object_get_data (G_OBJECT (window), UNDO_KEY) != NULL);
}

/**
 * lc_show_undo_toast:
 * @widget: a widget in the window
 * @title: what was done, e.g. "Entry deleted"
 * @undo: (scope notified): what Undo does: `void undo (GtkWidget *window, gpointer data)`
 * @data: for @undo
 * @destroy: frees @data, once @undo is run or replaced
 *
 * Tells what was done, with Undo. The toast's button and Ctrl+Z
 * (win.undo) run @undo once: Ctrl+Z also after the toast is gone, for a
 * keyboard user the toast's seconds are short. The next change with an
 * Undo replaces this one.
 */
void
lc_show_undo_toast (GtkWidget      *widget,
                    const char     *title,
                    GCallback       undo,
                    gpointer        data,
                    GClosureNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast = adw_toast_new (title);
  GClosure *closure = g_cclosure_new (undo, data, destroy);

  g_closure_set_marshal (closure, g_cclosure_marshal_VOID__VOID);
  g_closure_sink (g_closure_ref (closure));
  if (GTK_IS_WINDOW (root))
    {
      g_object_set_data_full (G_OBJECT (root), UNDO_KEY, closure, (GDestroyNotify) g_closure_unref);
      update_undo_action (GTK_WIDGET (root));
    }
  else
    g_closure_unref (closure);

  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "win.undo");
  lc_show_toast (widget, toast);
}

/**
 * lc_undo:
 * @window: the window (win.undo)
 *
 * Runs the Undo that lc_show_undo_toast() offered last, once.
 *
 * Returns: whether there was one
 */
gboolean
lc_undo (GtkWidget *window)
{
  GClosure *closure = g_object_steal_data (G_OBJECT (window), UNDO_KEY);
  GValue instance = G_VALUE_INIT;

  update_undo_action (window);
  if (closure == NULL)
    return FALSE;

  g_value_init (&instance, G_TYPE_OBJECT);
  g_value_set_object (&instance, window);
  g_closure_invoke (closure, NULL, 1, &instance, NULL);
  g_value_unset (&instance);
  g_closure_unref (closure);
  return TRUE;
}

/**
 * lc_show_error:
 * @widget: a widget in the window
 * @heading: what failed
 * @body: (nullable): why, and what to do
 *
 * Tells about a failure in a dialog with one button.
 */
void
lc_show_error (GtkWidget  *widget,
               const char *heading,
               const char *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_OK"));
  adw_dialog_present (dialog, widget);
}

/* A text view outside a scrolled window lays its text out for its width
 * while being allocated, too late to ask for the height the text needs:
 * its first height is 0, and it doesn't grow when the window narrows.
 * Its vertical adjustment knows the height; a resize on the next frame
 * asks for it. */
typedef struct
{
  GWeakRef view;
  guint    tick;          /* a resize is waiting for the next frame */
} Grow;

static Grow *
grow_ref (Grow *grow)
{
  return g_rc_box_acquire (grow);
}

static void
grow_clear (gpointer data)
{
  Grow *grow = data;

  g_weak_ref_clear (&grow->view);
}

static void
grow_unref (gpointer data)
{
  g_rc_box_release_full (data, grow_clear);
}

static void
grow_closure_unref (gpointer  data,
                    GClosure *closure)
{
  grow_unref (data);
}

static gboolean
view_resize_cb (GtkWidget     *view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
view_resized_cb (gpointer data)
{
  Grow *grow = data;

  grow->tick = 0;
  grow_unref (grow);
}

static void
view_upper_cb (GtkAdjustment *adjustment,
               GParamSpec    *pspec,
               Grow          *grow)
{
  g_autoptr(GtkWidget) view = g_weak_ref_get (&grow->view);

  if (view == NULL || grow->tick != 0 ||
      (int) gtk_adjustment_get_upper (adjustment) == gtk_widget_get_height (view))
    return;

  grow->tick = gtk_widget_add_tick_callback (view, view_resize_cb, grow_ref (grow), view_resized_cb);
}

/**
 * lc_text_view_grow_with_text:
 *
 * Makes a text view that is not in a scrolled window as tall as its text,
 * also when the width changes.
 */
void
lc_text_view_grow_with_text (GtkTextView *view)
{
  Grow *grow = g_rc_box_new0 (Grow);

  g_weak_ref_init (&grow->view, view);
  g_signal_connect_data (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "notify::upper",
                         G_CALLBACK (view_upper_cb), grow, grow_closure_unref, G_CONNECT_DEFAULT);
}

/**
 * lc_text_view_get_text:
 *
 * Returns: (transfer full): all of the text view's text
 */
char *
lc_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * lc_text_view_set_text:
 * @text: (nullable): the text; %NULL for none
 *
 * Sets the text as loaded text: Undo stops there and never empties the
 * field.
 */
void
lc_text_view_set_text (GtkTextView *view,
                       const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

/**
 * lc_toast_new_wrapping:
 * @title: what to say
 *
 * A toast whose title wraps instead of being cut short, for a sentence
 * that must be read whole in a narrow window and in every language.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
lc_toast_new_wrapping (const char *title)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);

  return toast;
}

/**
 * lc_time_spin_output:
 *
 * An #GtkSpinButton::output handler for hours and minutes: two digits, as
 * a clock shows them ("07", "05"). Every time picker of the app uses it.
 *
 * Returns: %TRUE, the text is set
 */
gboolean
lc_time_spin_output (GtkSpinButton *spin,
                     gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* --- search as you type ------------------------------------------------------ */

static gboolean
is_enter (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
}

/* Enter on a row or a button of the page activates it: the search entry's
 * key capture would otherwise take it (it forwards every key but arrows,
 * Tab and Space to its text, where Enter is "activate"). Ctrl+F focuses
 * the search. */
static gboolean
enter_pressed_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkSearchEntry        *entry)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus;

  /* Ctrl+F: to the search, before the key capture sends it there as text */
  if ((keyval == GDK_KEY_f || keyval == GDK_KEY_F) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == GDK_CONTROL_MASK)
    return gtk_widget_grab_focus (GTK_WIDGET (entry)) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if (!is_enter (keyval) || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)))
    return GDK_EVENT_PROPAGATE;

  return gtk_widget_activate (focus) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* Enter in the search entry opens the first result shown */
static void
search_activate_cb (GtkSearchEntry *entry,
                    GtkListBox     *results)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, i);

      if (row == NULL)
        return;
      if (gtk_widget_get_visible (GTK_WIDGET (row)) && gtk_widget_get_child_visible (GTK_WIDGET (row)) &&
          gtk_list_box_row_get_activatable (row))
        {
          g_signal_emit_by_name (results, "row-activated", row);
          return;
        }
    }
}

/**
 * lc_search_capture_keys:
 * @entry: the search entry of @widget
 * @widget: a page or a dialog's content, with @entry in it
 * @results: the list that @entry filters
 *
 * Search as GNOME apps do: typing anywhere in @widget goes to @entry
 * (gtk_search_entry_set_key_capture_widget()), Ctrl+F focuses it, and
 * Enter in it opens the first result shown; Enter on a row or a button of
 * @widget still activates it.
 */
void
lc_search_capture_keys (GtkSearchEntry *entry,
                        GtkWidget      *widget,
                        GtkListBox     *results)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_LIST_BOX (results));

  /* Before the key capture's own controller, which runs in the same phase */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (enter_pressed_cb), entry, 0);
  gtk_widget_add_controller (widget, keys);
  gtk_search_entry_set_key_capture_widget (entry, widget);
  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activate_cb), results, 0);
}

/* --- entry rows ------------------------------------------------------------------ */

static void
name_once (AdwEntryRow *row)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

/**
 * lc_entry_rows_name_once:
 * @widget: a dialog or a row
 *
 * Every #AdwEntryRow in @widget (or @widget itself) gets its title as its
 * accessible name, said once: libadwaita 1.7 labels the row by its title
 * and the text inside it, which screen readers say as "Note Note".
 */
void
lc_entry_rows_name_once (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_ENTRY_ROW (widget))
    {
      name_once (ADW_ENTRY_ROW (widget));
      g_signal_connect (widget, "notify::title", G_CALLBACK (name_once), NULL);
      return;
    }

  /* A dialog holds its child elsewhere until it is presented */
  if (ADW_IS_DIALOG (widget) && adw_dialog_get_child (ADW_DIALOG (widget)) != NULL)
    {
      lc_entry_rows_name_once (adw_dialog_get_child (ADW_DIALOG (widget)));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lc_entry_rows_name_once (child);
}

static void
dropdown_selected_cb (GtkDropDown    *dropdown,
                      GParamSpec     *pspec,
                      AdwToggleGroup *toggles)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != adw_toggle_group_get_active (toggles))
    adw_toggle_group_set_active (toggles, selected);
}

static void
toggles_active_cb (AdwToggleGroup *toggles,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  guint active = adw_toggle_group_get_active (toggles);

  if (active != GTK_INVALID_LIST_POSITION && active != gtk_drop_down_get_selected (dropdown))
    gtk_drop_down_set_selected (dropdown, active);
}

/**
 * lc_toggles_dropdown_new:
 * @toggles: toggles with labels, one active
 * @accessible_label: what is chosen, for screen readers
 *
 * A drop-down with the choices of @toggles, which stays in step with them
 * both ways: for a narrow window with large text, where the toggles'
 * labels would be cut short. It is placed after @toggles and hidden; show
 * one or the other.
 *
 * Returns: (transfer none): the drop-down
 */
GtkDropDown *
lc_toggles_dropdown_new (AdwToggleGroup *toggles,
                         const char     *accessible_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  g_return_val_if_fail (ADW_IS_TOGGLE_GROUP (toggles), NULL);

  for (guint i = 0; i < adw_toggle_group_get_n_toggles (toggles); i++)
    gtk_string_list_append (labels, adw_toggle_get_label (adw_toggle_group_get_toggle (toggles, i)));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_widget_set_visible (dropdown, FALSE);
  gtk_widget_set_halign (dropdown, gtk_widget_get_halign (GTK_WIDGET (toggles)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), adw_toggle_group_get_active (toggles));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), toggles, 0);
  g_signal_connect_object (toggles, "notify::active", G_CALLBACK (toggles_active_cb), dropdown, 0);
  gtk_widget_insert_after (dropdown, gtk_widget_get_parent (GTK_WIDGET (toggles)), GTK_WIDGET (toggles));

  return GTK_DROP_DOWN (dropdown);
}
