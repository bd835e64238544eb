/* lc-test-fit.h: does a window's content fit a given width?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window whose content needs more than the width it is given is wider
 * than the screen (a phone, a tiled half of a small laptop): what is past
 * the edge can't be seen. GTK doesn't shrink such a window, it warns
 * nothing; so the tests ask the window's own minimum width, and on
 * failure say which widgets make it that wide.
 */

#pragma once

#include <stdio.h>

#include <adwaita.h>

#include "lc-test-util.h"

static inline int
lc_test_min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* The chain of widgets that make @widget as wide as it is: at each level
 * the widest visible child (and how many more are within 48 px of it),
 * down to a leaf. */
static inline void
lc_test_describe_width (GtkWidget *widget,
                        GString   *out,
                        guint      depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;
  guint close = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min;

      if (!gtk_widget_get_visible (child))
        continue;
      child_min = lc_test_min_width (child);
      if (child_min > widest_min)
        {
          widest = child;
          widest_min = child_min;
        }
    }
  if (widest == NULL || depth > 40)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != widest && gtk_widget_get_visible (child) && lc_test_min_width (child) >= widest_min - 48)
      close++;

  g_string_append_printf (out, "%*s%s", (int) depth * 2, "", G_OBJECT_TYPE_NAME (widest));
  if (GTK_IS_LABEL (widest))
    g_string_append_printf (out, " \"%s\"", gtk_label_get_label (GTK_LABEL (widest)));
  else if (gtk_widget_get_css_classes (widest)[0] != NULL)
    g_string_append_printf (out, " .%s", gtk_widget_get_css_classes (widest)[0]);
  g_string_append_printf (out, ": %d", widest_min);
  if (close > 0)
    g_string_append_printf (out, " (and %u more as wide)", close);
  g_string_append_c (out, '\n');
  lc_test_describe_width (widest, out, depth + 1);
}

/* Two frames of @window as it is now: styles (a new text size) and the
 * layout are brought up to date only when a frame is drawn. */
static inline void
lc_test_wait_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  for (guint i = 0; i < 2; i++)
    {
      gint64 counter = gdk_frame_clock_get_frame_counter (clock);

      gtk_widget_queue_draw (window);
      wait_until (gdk_frame_clock_get_frame_counter (clock) > counter);
    }
}

/* Why @widget doesn't fit @width (the widgets to blame), or %NULL */
static inline char *
lc_test_why_too_wide (GtkWidget *widget,
                      int        width)
{
  int min = lc_test_min_width (widget);
  GString *out;

  if (min <= width)
    return NULL;
  out = g_string_new (NULL);
  g_string_append_printf (out, "needs %d px, more than the %d px it has (%s):\n", min, width, G_OBJECT_TYPE_NAME (widget));
  lc_test_describe_width (widget, out, 1);
  return g_string_free (out, FALSE);
}

static inline void
lc_test_assert_fits_width (GtkWidget  *widget,
                           int         width,
                           const char *what)
{
  g_autofree char *why = lc_test_why_too_wide (widget, width);

  if (why != NULL)
    g_error ("%s %s", what, why);
}

static inline gboolean
lc_test_has_bin_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && (ADW_IS_BREAKPOINT_BIN (child) || lc_test_has_bin_inside (child)))
      return TRUE;
  return FALSE;
}

/* An AdwBreakpointBin asks only its own width-request, whatever its
 * content needs: what is in each one shown is measured against the bin
 * (the innermost ones: a bin's width-request counts in what holds it). */
static inline void
lc_test_assert_bins_fit (GtkWidget  *widget,
                         const char *what)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (ADW_IS_BREAKPOINT_BIN (child) && adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (child)) != NULL &&
          !lc_test_has_bin_inside (adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (child))))
        lc_test_assert_fits_width (adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (child)),
                                   gtk_widget_get_width (child), what);
      lc_test_assert_bins_fit (child, what);
    }
}

/* Fail when a label shown in @widget is cut short with "…": what can't
 * be read. Not a header bar's title (GNOME cuts a long title short), the
 * bottom view switcher's page names (libadwaita's, under their icons), a
 * text field's placeholder (a hint, as in every GNOME search field) nor a
 * preview of a set number of lines (single-line-mode or lines, such as a
 * diary note's first words or a routine's summary in the list), which are
 * whole elsewhere. */
static inline void
lc_test_assert_nothing_ellipsized (GtkWidget  *widget,
                                   const char *what)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) &&
          gtk_label_get_ellipsize (GTK_LABEL (child)) != PANGO_ELLIPSIZE_NONE &&
          !gtk_label_get_single_line_mode (GTK_LABEL (child)) &&
          gtk_label_get_lines (GTK_LABEL (child)) <= 0 &&
          gtk_widget_get_ancestor (child, ADW_TYPE_HEADER_BAR) == NULL &&
          gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_SWITCHER_BAR) == NULL &&
          !GTK_IS_TEXT (gtk_widget_get_parent (child)) &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
        {
          g_autoptr(GString) chain = g_string_new (NULL);

          for (GtkWidget *w = child; w != NULL; w = gtk_widget_get_parent (w))
            g_string_append_printf (chain, "%s%s", w == child ? "" : " < ", G_OBJECT_TYPE_NAME (w));
          g_error ("%s: “%s” is cut short (%s)", what, gtk_label_get_text (GTK_LABEL (child)), chain->str);
        }
      lc_test_assert_nothing_ellipsized (child, what);
    }
}

/* Fail, naming the widgets to blame, when @widget needs more than @width,
 * or what is in a breakpoint bin shown in it more than the bin's width
 * (a page of a stack is measured as it would be shown, whether it is
 * shown or not), or when a label shown in it is cut short. @what says what was measured (page, text size,
 * language). */
static inline void
lc_test_assert_fits (GtkWidget  *widget,
                     int         width,
                     const char *what)
{
  lc_test_wait_frames (GTK_WIDGET (gtk_widget_get_root (widget)));
  lc_test_assert_fits_width (widget, width, what);
  lc_test_assert_bins_fit (widget, what);
  lc_test_assert_nothing_ellipsized (widget, what);
}

/* Whether @message is libadwaita's measuring of an alert's one-line
 * heading for a narrower width than it needs, which libadwaita before
 * 1.10 does whenever the heading is too long for one line, and then shows
 * its wrapping copy (fixed upstream in commit 34d32f5e, "alert/message-dialog:
 * Fix warning with long heading"): not the app's to fix */
static inline gboolean
lc_test_is_alert_heading_warning (const char *message)
{
  gpointer label = NULL;
  GtkWidget *alert;

  if (adw_get_major_version () > 1 || adw_get_minor_version () >= 10 ||
      sscanf (message, "Trying to measure GtkLabel %p for width of", &label) != 1 || !GTK_IS_LABEL (label) ||
      gtk_label_get_wrap (label))
    return FALSE;
  alert = gtk_widget_get_ancestor (label, ADW_TYPE_ALERT_DIALOG);

  return alert != NULL &&
         g_strcmp0 (gtk_label_get_label (label), adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert))) == 0;
}

static gboolean lc_test_fits_active;

/* GTK's warnings are structured: a writer sees them, not a handler */
static inline GLogWriterOutput
lc_test_fits_writer (GLogLevelFlags   level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         data)
{
  if (lc_test_fits_active)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          lc_test_is_alert_heading_warning (fields[i].value))
        return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, data);
}

static inline gboolean
lc_test_fatal_but_too_wide_cb (const char     *domain,
                               GLogLevelFlags  level,
                               const char     *message,
                               gpointer        data)
{
  return strstr (message, " exceeds ") == NULL;
}

static inline void
lc_test_too_wide_log_cb (const char     *domain,
                         GLogLevelFlags  level,
                         const char     *message,
                         gpointer        data)
{
  if (strstr (message, " exceeds ") == NULL)
    g_log_default_handler (domain, level, message, data);
}

/* libadwaita's warning that a window's content is wider than the window
 * names only the outermost widget; lc_test_assert_fits() says which page
 * and which widgets. For a test that asks it, that warning is left to
 * it: neither fatal nor printed. */
static guint lc_test_too_wide_handler;

static inline void
lc_test_fits_instead_of_warning (void)
{
  static gsize writer_set;

  if (g_once_init_enter (&writer_set))
    {
      g_log_set_writer_func (lc_test_fits_writer, NULL, NULL);
      g_once_init_leave (&writer_set, 1);
    }
  lc_test_fits_active = TRUE;
  g_test_log_set_fatal_handler (lc_test_fatal_but_too_wide_cb, NULL);
  lc_test_too_wide_handler = g_log_set_handler ("Adwaita", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL,
                                                lc_test_too_wide_log_cb, NULL);
}

/* And back: the warning is fatal again for the tests that follow */
static inline void
lc_test_fits_done (void)
{
  lc_test_fits_active = FALSE;
  g_test_log_set_fatal_handler (NULL, NULL);
  if (lc_test_too_wide_handler != 0)
    g_log_remove_handler ("Adwaita", lc_test_too_wide_handler);
  lc_test_too_wide_handler = 0;
}

/* The same for a dialog: what is in its breakpoint bin against the bin's
 * width (the dialog's own least width is libadwaita's: 360 px for
 * Preferences, a little more than a 360 px window's content here, where
 * the window's frame takes a few pixels). */
static inline void
lc_test_assert_dialog_fits (AdwDialog  *dialog,
                            const char *what)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (dialog)));
  GtkWidget *child = adw_dialog_get_child (dialog);
  graphene_rect_t bounds;
  int least = 0;

  /* Where it settles: a sheet may take a frame or two to its width, and
   * is wider than the window until then */
  for (guint f = 0; f < 10; f++)
    {
      int before = gtk_widget_get_width (child);

      lc_test_wait_frames (window);
      if (gtk_widget_get_width (child) == before)
        break;
    }
  lc_test_assert_bins_fit (GTK_WIDGET (dialog), what);
  lc_test_assert_nothing_ellipsized (GTK_WIDGET (dialog), what);

  /* Inside the window, or as wide as the least it asks for (360 px for
   * libadwaita's About and Preferences: a phone's screen, a little more
   * than a 360 px window's content here, where its frame takes a few) */
  gtk_widget_get_size_request (GTK_WIDGET (dialog), &least, NULL);
  if (ADW_IS_PREFERENCES_DIALOG (dialog) || ADW_IS_ABOUT_DIALOG (dialog))
    least = MAX (least, 360);
  g_assert_true (gtk_widget_compute_bounds (child, window, &bounds));
  if (bounds.size.width > MAX (least, gtk_widget_get_width (window)) + 0.5 ||
      (bounds.size.width <= gtk_widget_get_width (window) &&
       (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5)))
    {
      g_autofree char *why = lc_test_why_too_wide (child, gtk_widget_get_width (window));

      g_error ("%s the dialog is at x %.0f, %.0f px wide, in a window %d px wide: %s", what, bounds.origin.x,
               bounds.size.width, gtk_widget_get_width (window), why != NULL ? why : "");
    }
}
