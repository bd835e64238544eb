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

/* An AdwBreakpointBin asks only its own width-request, whatever its
 * content needs: what is in each one shown is measured against the bin. */
static inline void
lc_test_assert_bins_fit (GtkWidget  *widget,
                         const char *what)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (ADW_IS_BREAKPOINT_BIN (child) && adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (child)) != NULL)
        lc_test_assert_fits_width (adw_breakpoint_bin_get_child (ADW_BREAKPOINT_BIN (child)),
                                   gtk_widget_get_width (child), what);
      lc_test_assert_bins_fit (child, what);
    }
}

/* Fail, naming the widgets to blame, when @widget needs more than @width,
 * or what is in a breakpoint bin shown in it more than the bin's width
 * (a page of a stack is measured as it would be shown, whether it is
 * shown or not). @what says what was measured (page, text size,
 * language). */
static inline void
lc_test_assert_fits (GtkWidget  *widget,
                     int         width,
                     const char *what)
{
  lc_test_wait_frames (GTK_WIDGET (gtk_widget_get_root (widget)));
  lc_test_assert_fits_width (widget, width, what);
  lc_test_assert_bins_fit (widget, what);
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
static inline void
lc_test_fits_instead_of_warning (void)
{
  g_test_log_set_fatal_handler (lc_test_fatal_but_too_wide_cb, NULL);
  g_log_set_handler ("Adwaita", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, lc_test_too_wide_log_cb, NULL);
}
