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

  adw_toggle_group_set_homogeneous (toggles, TRUE);
  adw_toggle_group_set_can_shrink (toggles, TRUE);
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
