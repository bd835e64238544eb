/* test-widgets.c: the template widgets on their own, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LcDiaryRow, LcStepPicker and LcIllustrationChoice, each in a window of
 * its own, without the application. (The step picker inside the routine
 * editor, adding to the draft, is in test-window.)
 */

#include "config.h"

#include <sys/resource.h>

#include <adwaita.h>

#include "lc-countdown.h"
#include "lc-diary-row.h"
#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-illustration-choice.h"
#include "lc-routine-library.h"
#include "lc-score-bar.h"
#include "lc-step-picker.h"
#include "lc-test-fit.h"
#include "lc-test-png.h"
#include "lc-test-util.h"

/* The widgets of @type under @widget, in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The visible labels' texts under @widget, joined by "|". */
static char *
visible_labels (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_is_visible (label))
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "", gtk_label_get_label (GTK_LABEL (label)));
    }

  return g_strdup (text->str);
}

static guint
count_visible (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  guint n = 0;

  collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_is_visible (found->pdata[i]))
      n++;

  return n;
}

/* The box of a measure's line: the one whose first child says @what. */
static GtkWidget *
score_line (GtkWidget  *row,
            const char *what)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), what) == 0)
      return gtk_widget_get_parent (labels->pdata[i]);

  g_assert_not_reached ();
}

static GtkWindow *
show_in_window (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 360, 200);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  wait_until (gtk_widget_get_mapped (widget));

  return window;
}

static LcEntryItem *
entry_item (int         heaviness_left,
            int         heaviness_right,
            int         swelling_left,
            int         swelling_right,
            int         ankle_left,
            int         ankle_right,
            LcTags      tags,
            const char *note)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, 3, 14, 7, 30, 0);
  LcEntry *entry = lc_entry_new (g_date_time_to_unix (time));

  entry->heaviness[LC_LEG_LEFT] = heaviness_left;
  entry->heaviness[LC_LEG_RIGHT] = heaviness_right;
  entry->swelling[LC_LEG_LEFT] = swelling_left;
  entry->swelling[LC_LEG_RIGHT] = swelling_right;
  entry->ankle_mm[LC_LEG_LEFT] = ankle_left;
  entry->ankle_mm[LC_LEG_RIGHT] = ankle_right;
  entry->tags = tags;
  entry->note = g_strdup (note);

  return lc_entry_item_new (entry);
}

/* The row shows the entry's values, says them to screen readers, and
 * shows another entry's as well when it is used again. */
static void
test_diary_row (void)
{
  GtkWidget *row = lc_diary_row_new ();
  GtkWindow *window = show_in_window (row);
  g_autoptr(LcEntryItem) both = entry_item (6, 6, 3, 3, 230, 232, LC_TAG_TRAVEL | LC_TAG_EXERCISE,
                                            "Train home");
  g_autoptr(LcEntryItem) legs = entry_item (7, 5, LC_SCORE_NONE, LC_SCORE_NONE, LC_ANKLE_NONE, LC_ANKLE_NONE,
                                            0, NULL);
  g_autofree char *text = NULL;
  LcEntryItem *item = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* The same score for both legs: one bar and the number. */
  g_object_set (row, "item", both, NULL);
  g_object_get (row, "item", &item, NULL);
  g_assert_true (item == both);
  g_clear_object (&item);
  text = visible_labels (row);
  g_assert_cmpstr (text, ==, "07:30|Heaviness|6|Swelling|3|Ankle L 23.0 · R 23.2 cm|"
                             "Travel or flight|Exercise|Train home");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_visible (row, LC_TYPE_SCORE_BAR), ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (score_line (row, "Heaviness")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Heaviness 6 of 10, both legs");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (score_line (row, "Swelling")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Swelling 3 of 10, both legs");

  /* Each leg its own; what is not given is not shown. */
  lc_diary_row_set_item (LC_DIARY_ROW (row), legs);
  g_assert_true (lc_diary_row_get_item (LC_DIARY_ROW (row)) == legs);
  text = visible_labels (row);
  g_assert_cmpstr (text, ==, "07:30|Heaviness|L 7|R 5");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_visible (row, LC_TYPE_SCORE_BAR), ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (score_line (row, "Heaviness")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Heaviness: left 7, right 5 of 10");

  /* And back: the chips of the tags are not doubled. */
  lc_diary_row_set_item (LC_DIARY_ROW (row), both);
  text = visible_labels (row);
  g_assert_cmpstr (text, ==, "07:30|Heaviness|6|Swelling|3|Ankle L 23.0 · R 23.2 cm|"
                             "Travel or flight|Exercise|Train home");

  gtk_window_destroy (window);
  wait_until (window == NULL);
}

static LcRoutineLibrary *
load_builtin (void)
{
  g_auto(GStrv) illustrations = lc_illustration_list_names ();
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new ((const char * const *) illustrations);
  LcRoutineLibrary *library = lc_routine_library_new (loader, "/com/example/LegCare/routines/", NULL, NULL);

  lc_routine_library_load (library);
  return library;
}

static void
step_chosen_cb (LcStepPicker *picker,
                LcStep       *step,
                LcStep      **chosen)
{
  g_assert_null (*chosen);
  *chosen = g_object_ref (step);
}

static GtkListBoxRow *
nth_visible_row (GtkListBox *list,
                 guint       n)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)) && n-- == 0)
      return row;

  return NULL;
}

/* Every built-in step once; a search narrows the list; the step chosen
 * is the step of its row, and the dialog closes. */
static void
test_step_picker (void)
{
  g_autoptr(LcRoutineLibrary) library = load_builtin ();
  GListModel *routines = lc_routine_library_get_routines (library);
  GtkWidget *parent = adw_bin_new ();
  GtkWindow *window = show_in_window (parent);
  LcStepPicker *picker = lc_step_picker_new (routines);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(LcStep) chosen = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n_rows = 0;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpuint (g_list_model_get_n_items (routines), ==, 7);
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (routines, i);

      for (guint j = 0; j < lc_routine_get_n_steps (routine); j++)
        g_hash_table_add (titles, (gpointer) lc_step_get_title (lc_routine_get_step (routine, j)));
    }

  g_signal_connect (picker, "step-chosen", G_CALLBACK (step_chosen_cb), &chosen);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  adw_dialog_present (ADW_DIALOG (picker), parent);
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (picker)), ==, "Add a Built-in Step");
  collect (GTK_WIDGET (picker), GTK_TYPE_LIST_BOX, lists);
  collect (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (lists->len, ==, 1);
  g_assert_cmpuint (entries->len, ==, 1);
  list = lists->pdata[0];

  /* Each title once */
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_hash_table_size (titles));
  g_assert_cmpuint (n_rows, >, 20);

  /* "calf" finds the calf's steps, by title or by the routine's name */
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "calf");
  g_signal_emit_by_name (entries->pdata[0], "search-changed");
  wait_until (nth_visible_row (list, n_rows - 1) == NULL);
  row = nth_visible_row (list, 0);
  g_assert_nonnull (row);
  {
    g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
    g_autofree char *subtitle = g_utf8_casefold (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), -1);

    g_assert_true (strstr (title, "calf") != NULL || strstr (subtitle, "calf") != NULL);
  }

  /* Choosing it */
  {
    g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

    g_signal_emit_by_name (list, "row-activated", row);
    g_assert_nonnull (chosen);
    g_assert_cmpstr (lc_step_get_title (chosen), ==, title);
    wait_until (picker == NULL);
  }

  gtk_window_destroy (window);
  wait_until (window == NULL);
}

/* The thumbnail and the name; the check mark only on the chosen one. */
static void
test_illustration_choice (void)
{
  GtkWidget *choice = lc_illustration_choice_new ();
  GtkWindow *window = show_in_window (choice);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_auto(GStrv) names = lc_illustration_list_names ();
  g_autofree char *text = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_nonnull (names[0]);

  g_object_set (choice,
                "illustration", names[0],
                "label", "Heel raises",
                NULL);
  g_assert_cmpstr (lc_illustration_choice_get_illustration (LC_ILLUSTRATION_CHOICE (choice)), ==, names[0]);
  text = visible_labels (choice);
  g_assert_cmpstr (text, ==, "Heel raises");
  /* The thumbnail is first, then the name, then the check mark */
  g_assert_false (GTK_IS_LABEL (gtk_widget_get_first_child (choice)));
  collect (choice, GTK_TYPE_IMAGE, images);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpfloat (gtk_widget_get_opacity (images->pdata[0]), ==, 0);

  lc_illustration_choice_set_selected (LC_ILLUSTRATION_CHOICE (choice), TRUE);
  g_assert_true (lc_illustration_choice_get_selected (LC_ILLUSTRATION_CHOICE (choice)));
  g_assert_cmpfloat (gtk_widget_get_opacity (images->pdata[0]), ==, 1);

  /* None: no thumbnail */
  lc_illustration_choice_set_illustration (LC_ILLUSTRATION_CHOICE (choice), NULL);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (choice)));

  gtk_window_destroy (window);
  wait_until (window == NULL);
}

static gsize
max_rss_bytes (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return (gsize) usage.ru_maxrss * 1024;
}

/* A PNG of 40 million pixels (a photo a shared routine may hold) checked
 * and shown small is never decoded whole: gdk-pixbuf's PNG loader decoded
 * all 160 MB of it before scaling. In a process of its own, so that the
 * high-water mark is this decode's. */
static void
test_illustration_png_memory (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) png = lc_test_make_large_png (8000, 5000);
      g_autoptr(GError) error = NULL;
      gsize before = max_rss_bytes ();

      g_assert_true (lc_illustration_check_bytes (png, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (max_rss_bytes () - before, <, 32 * 1024 * 1024);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
/* The widths of the colour fills under @node */
static void
collect_fills (GskRenderNode *node,
               GArray        *widths)
{
  graphene_rect_t bounds;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      g_array_append_val (widths, bounds.size.width);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_fills (gsk_container_node_get_child (node, i), widths);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_fills (gsk_rounded_clip_node_get_child (node), widths);
      break;
    case GSK_CLIP_NODE:
      collect_fills (gsk_clip_node_get_child (node), widths);
      break;
    case GSK_TRANSFORM_NODE:
      collect_fills (gsk_transform_node_get_child (node), widths);
      break;
    default:
      break;
    }
}

/* A score bar: its trough as wide as itself, and filled in proportion to
 * the score (nothing at 0, all of it at 10) */
static void
test_score_bar (void)
{
  GtkWidget *bar = lc_score_bar_new ();
  GtkWindow *window;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (bar);
  const int scores[] = { 0, 1, 5, 10 };

  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  /* The app's style sheet, which the app loads (AdwApplication) */
  gtk_css_provider_load_from_resource (style, "/com/example/LegCare/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_set_halign (bar, GTK_ALIGN_START);
  gtk_widget_set_valign (bar, GTK_ALIGN_START);
  window = show_in_window (bar);
  wait_until (gtk_widget_get_width (bar) > 0);
  g_assert_cmpint (gtk_widget_get_width (bar), ==, 48);
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 8);

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (float));

      lc_score_bar_set_score (LC_SCORE_BAR (bar), scores[i]);
      g_assert_cmpint (lc_score_bar_get_score (LC_SCORE_BAR (bar)), ==, scores[i]);
      /* Drawn again */
      lc_test_wait_frames (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, 48, 8);
      node = gtk_snapshot_to_node (snapshot);
      g_assert_nonnull (node);
      collect_fills (node, widths);
      g_assert_cmpuint (widths->len, ==, scores[i] > 0 ? 2 : 1);
      g_assert_cmpfloat_with_epsilon (g_array_index (widths, float, 0), 48, 0.01);
      if (scores[i] > 0)
        g_assert_cmpfloat_with_epsilon (g_array_index (widths, float, 1), 48.f * scores[i] / 10, 0.01);
    }
  gtk_window_destroy (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

/* @widget drawn into a texture of its size, by @window's renderer */
static GdkTexture *
render_widget (GtkWidget *widget,
               GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GBytes *
texture_bytes (GdkTexture *texture)
{
  gsize stride = 4 * gdk_texture_get_width (texture);
  guchar *data = g_malloc (stride * gdk_texture_get_height (texture));

  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * gdk_texture_get_height (texture));
}

/* The player's countdown: as large as a GtkLabel of the same style and
 * text, drawn as it, and laid out again only when its size changes,
 * across every kind of time it shows (a grid of seconds and seeded
 * random ones, up to ten hours) */
static void
test_countdown (void)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("");
  GtkWidget *countdown = lc_countdown_new ();
  GtkWidget *widgets[] = { label, countdown };
  GtkWindow *window;
  int last_width, last_height;
  guint n_same = 0, n_other = 0;

  gtk_css_provider_load_from_resource (style, "/com/example/LegCare/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      gtk_widget_add_css_class (widgets[i], "session-countdown");
      gtk_widget_add_css_class (widgets[i], "numeric");
      g_object_set (widgets[i], "width-chars", 5, "halign", GTK_ALIGN_CENTER, NULL);
      gtk_box_append (GTK_BOX (box), widgets[i]);
    }
  window = show_in_window (box);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &last_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &last_height, NULL, NULL, NULL);

  /* Counting down a minute, an hour and ten, and at random */
  for (guint s = 0; s <= 36000; s += s < 130 ? 1 : s < 3700 ? 59 : 997)
    g_array_append_val (seconds, s);
  for (guint i = 0; i < 100; i++)
    {
      guint s = g_rand_int_range (rand, 0, 100 * 3600);
      g_array_append_val (seconds, s);
    }

  for (guint i = 0; i < seconds->len; i++)
    {
      g_autofree char *text = lc_format_clock (g_array_index (seconds, guint, i));
      guint resizes = lc_countdown_get_n_resizes (LC_COUNTDOWN (countdown));
      int label_width, label_height, width, height;

      gtk_label_set_label (GTK_LABEL (label), text);
      lc_countdown_set_text (LC_COUNTDOWN (countdown), text);
      g_assert_cmpstr (lc_countdown_get_text (LC_COUNTDOWN (countdown)), ==, text);
      lc_test_wait_frames (GTK_WIDGET (window));

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_width, NULL, NULL, NULL);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &label_height, NULL, NULL, NULL);
      gtk_widget_measure (countdown, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      gtk_widget_measure (countdown, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      if (width != label_width || height != label_height)
        g_error ("“%s”: the countdown is %dx%d, a label %dx%d", text, width, height, label_width, label_height);
      /* Its place follows its text: never smaller than it needs */
      g_assert_cmpint (gtk_widget_get_width (countdown), ==, width);
      g_assert_cmpint (gtk_widget_get_height (countdown), ==, height);

      /* A new layout only for a new size */
      if (width == last_width && height == last_height)
        {
          g_assert_cmpuint (lc_countdown_get_n_resizes (LC_COUNTDOWN (countdown)), ==, resizes);
          n_same++;
        }
      else
        {
          g_assert_cmpuint (lc_countdown_get_n_resizes (LC_COUNTDOWN (countdown)), >, resizes);
          n_other++;
        }
      last_width = width;
      last_height = height;

      /* Drawn as the label, pixel for pixel (a few texts: each renders) */
      if (i % 17 == 0)
        {
          g_autoptr(GdkTexture) drawn = render_widget (countdown, GTK_WIDGET (window));
          g_autoptr(GdkTexture) expected = render_widget (label, GTK_WIDGET (window));
          g_autoptr(GBytes) drawn_bytes = texture_bytes (drawn);
          g_autoptr(GBytes) expected_bytes = texture_bytes (expected);

          if (!g_bytes_equal (drawn_bytes, expected_bytes))
            g_error ("“%s”: the countdown is not drawn as a label", text);
        }
    }
  g_test_message ("%u texts of the same size as the one before, %u of another", n_same, n_other);
  /* The usual case, counting down within the hour, keeps its size */
  g_assert_cmpuint (n_same, >, 10 * n_other);

  /* The style changes its size: laid out again, the same as the label */
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_remove_css_class (widgets[i], "session-countdown");
  lc_test_wait_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_height (countdown), ==, gtk_widget_get_height (label));
  g_assert_cmpint (gtk_widget_get_width (countdown), ==, gtk_widget_get_width (label));

  gtk_window_destroy (window);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

int
main (int   argc,
      char *argv[])
{
  lc_test_use_private_home ("legcare-test-widgets");

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run under xvfb-run");
      return 77;
    }

  adw_init ();

  g_test_add_func ("/lc/widgets/diary-row", test_diary_row);
  g_test_add_func ("/lc/widgets/score-bar", test_score_bar);
  g_test_add_func ("/lc/widgets/countdown", test_countdown);
  g_test_add_func ("/lc/widgets/step-picker", test_step_picker);
  g_test_add_func ("/lc/widgets/illustration-choice", test_illustration_choice);
  g_test_add_func ("/lc/widgets/illustration-png-memory", test_illustration_png_memory);

  return g_test_run ();
}
