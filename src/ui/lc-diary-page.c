/* lc-diary-page.c: the diary, by day, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-diary-model.h"
#include "lc-diary-page.h"
#include "lc-entry-dialog.h"
#include "lc-entry-item.h"
#include "lc-widgets.h"

struct _LcDiaryPage
{
  AdwBin          parent_instance;

  LcDiary        *diary;
  LcDiaryModel   *model;
  guint           midnight_source;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *error_status;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (LcDiaryPage, lc_diary_page, ADW_TYPE_BIN)

static void
update_state (LcDiaryPage *self)
{
  if (self->diary == NULL)
    gtk_stack_set_visible_child_name (self->stack, "error");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * lc_diary_page_reload:
 *
 * Shows the diary as it is now, after a change made elsewhere.
 */
void
lc_diary_page_reload (LcDiaryPage *self)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));

  if (self->model != NULL)
    lc_diary_model_reload (self->model);
  update_state (self);
}

/* "Today" and "Yesterday" move on at midnight. */
static gboolean midnight_cb (gpointer user_data);

static void
schedule_midnight (LcDiaryPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                         g_date_time_get_month (tomorrow),
                                                         g_date_time_get_day_of_month (tomorrow), 0, 0, 1);
  GTimeSpan wait = g_date_time_difference (midnight, now);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  self->midnight_source = g_timeout_add_seconds ((guint) MAX (wait / G_USEC_PER_SEC, 1), midnight_cb, self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  LcDiaryPage *self = user_data;

  self->midnight_source = 0;
  lc_diary_page_reload (self);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

/* --- rows ------------------------------------------------------------------- */

static GtkWidget *
score_widget (const char *what,
              const int  *scores)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (what);
  gboolean same = scores[LC_LEG_LEFT] == scores[LC_LEG_RIGHT];
  g_autofree char *accessible = NULL;

  /* Both measures' labels take the width of the longer, so the bars line up. */
  gtk_label_set_width_chars (GTK_LABEL (label), MAX (g_utf8_strlen (_("Heaviness"), -1),
                                                     g_utf8_strlen (_("Swelling"), -1)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  for (guint leg = 0; leg < (same ? 1u : LC_N_LEGS); leg++)
    {
      GtkWidget *bar;
      g_autofree char *number = NULL;

      if (scores[leg] == LC_SCORE_NONE)
        continue;

      bar = gtk_level_bar_new_for_interval (0, LC_SCORE_MAX);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), scores[leg]);
      gtk_widget_set_size_request (bar, 48, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), bar);

      if (same)
        number = g_strdup_printf ("%d", scores[leg]);
      else
        /* Translators: a score of the left (L) or right (R) leg in the diary list */
        number = g_strdup_printf (leg == LC_LEG_LEFT ? _("L %d") : _("R %d"), scores[leg]);
      label = gtk_label_new (number);
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (scores[LC_LEG_LEFT] == LC_SCORE_NONE && scores[LC_LEG_RIGHT] == LC_SCORE_NONE)
    {
      gtk_widget_set_visible (box, FALSE);
      return box;
    }

  if (same)
    /* Translators: for screen readers, e.g. "Heaviness 6 of 10, both legs" */
    accessible = g_strdup_printf (_("%s %d of 10, both legs"), what, scores[LC_LEG_LEFT]);
  else
    /* Translators: for screen readers, e.g. "Heaviness: left 6, right 4 of 10" */
    accessible = g_strdup_printf (_("%s: left %d, right %d of 10"), what,
                                  scores[LC_LEG_LEFT], scores[LC_LEG_RIGHT]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible, -1);

  return box;
}

static char *
format_ankles (const LcEntry *entry)
{
  const int *mm = entry->ankle_mm;

  if (mm[LC_LEG_LEFT] == LC_ANKLE_NONE && mm[LC_LEG_RIGHT] == LC_ANKLE_NONE)
    return NULL;
  if (mm[LC_LEG_RIGHT] == LC_ANKLE_NONE)
    /* Translators: ankle circumference of the left leg */
    return g_strdup_printf (_("Ankle L %.1f cm"), mm[LC_LEG_LEFT] / 10.0);
  if (mm[LC_LEG_LEFT] == LC_ANKLE_NONE)
    return g_strdup_printf (_("Ankle R %.1f cm"), mm[LC_LEG_RIGHT] / 10.0);

  /* Translators: ankle circumference of the left and the right leg */
  return g_strdup_printf (_("Ankle L %.1f · R %.1f cm"), mm[LC_LEG_LEFT] / 10.0, mm[LC_LEG_RIGHT] / 10.0);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* One line per measure: two legs' bars side by side must fit 360 px. */
  GtkWidget *scores = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *extra = adw_wrap_box_new ();
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_set_margin_top (row, 10);
  gtk_widget_set_margin_bottom (row, 10);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (time, "heading");
  gtk_widget_add_css_class (time, "numeric");
  gtk_box_append (GTK_BOX (row), time);

  gtk_widget_set_hexpand (details, TRUE);
  /* Ankle and tags wrap in narrow windows */
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (extra), 6);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (extra), 4);
  gtk_box_append (GTK_BOX (details), scores);
  gtk_box_append (GTK_BOX (details), extra);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (details), note);
  gtk_box_append (GTK_BOX (row), details);

  g_object_set_data (G_OBJECT (row), "time", time);
  g_object_set_data (G_OBJECT (row), "scores", scores);
  g_object_set_data (G_OBJECT (row), "extra", extra);
  g_object_set_data (G_OBJECT (row), "note", note);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  LcEntryItem *entry_item = gtk_list_item_get_item (item);
  const LcEntry *entry = lc_entry_item_get_entry (entry_item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *scores = g_object_get_data (G_OBJECT (row), "scores");
  GtkWidget *extra = g_object_get_data (G_OBJECT (row), "extra");
  GtkWidget *note = g_object_get_data (G_OBJECT (row), "note");
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->taken_at);
  g_autofree char *time_text = g_date_time_format (time, "%H:%M");
  g_autofree char *ankles = format_ankles (entry);

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "time"), time_text);

  remove_children (scores);
  gtk_box_append (GTK_BOX (scores), score_widget (_("Heaviness"), entry->heaviness));
  gtk_box_append (GTK_BOX (scores), score_widget (_("Swelling"), entry->swelling));

  {
    GtkWidget *old;

    while ((old = gtk_widget_get_first_child (extra)) != NULL)
      adw_wrap_box_remove (ADW_WRAP_BOX (extra), old);
  }
  if (ankles != NULL)
    {
      GtkWidget *label = gtk_label_new (ankles);

      gtk_widget_add_css_class (label, "caption");
      adw_wrap_box_append (ADW_WRAP_BOX (extra), label);
    }
  for (guint i = 0; i < LC_N_TAGS; i++)
    if (entry->tags & (1 << i))
      {
        GtkWidget *chip = gtk_label_new (lc_tag_get_label (1 << i));

        gtk_widget_add_css_class (chip, "caption");
        gtk_widget_add_css_class (chip, "tag-chip");
        adw_wrap_box_append (ADW_WRAP_BOX (extra), chip);
      }
  gtk_widget_set_visible (extra, gtk_widget_get_first_child (extra) != NULL);

  gtk_label_set_label (GTK_LABEL (note), entry->note ? entry->note : "");
  gtk_widget_set_visible (note, entry->note != NULL && *entry->note != '\0');
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header)
{
  LcEntryItem *item = gtk_list_header_get_item (header);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (lc_entry_item_get_entry (item)->taken_at);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *text = NULL;

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    text = g_strdup (_("Today"));
  else if (g_date_time_get_year (time) == g_date_time_get_year (yesterday) &&
           g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (yesterday))
    text = g_strdup (_("Yesterday"));
  else
    /* Translators: a day heading in the diary; see g_date_time_format() */
    text = g_date_time_format (time, _("%A, %-e %B %Y"));

  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), g_strstrip (text));
}

/* --- add, edit, delete ------------------------------------------------------ */

static void
undo_delete_cb (AdwToast *toast,
                LcEntry  *entry)
{
  LcDiaryPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;
  g_autoptr(LcEntry) again = lc_entry_copy (entry);

  again->id = 0;
  if (!lc_diary_add_entry (self->diary, again, &error))
    lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The entry could not be restored: %s"), error->message));
}

static void
delete_requested_cb (LcDiaryPage *self,
                     LcEntry     *entry)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!lc_diary_delete_entry (self->diary, entry->id, &error))
    {
      lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The entry could not be deleted: %s"), error->message));
      return;
    }

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         lc_entry_copy (entry), (GClosureNotify) lc_entry_free, 0);
  lc_show_toast (GTK_WIDGET (self), toast);
}

static void
present_dialog (LcDiaryPage   *self,
                const LcEntry *entry)
{
  LcEntryDialog *dialog = lc_entry_dialog_new (self->diary, entry);

  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/**
 * lc_diary_page_new_entry:
 *
 * Opens the dialog for a new entry, now.
 */
void
lc_diary_page_new_entry (LcDiaryPage *self)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));

  if (self->diary != NULL)
    present_dialog (self, NULL);
}

static void
row_activated_cb (LcDiaryPage *self,
                  guint        position)
{
  g_autoptr(LcEntryItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    present_dialog (self, lc_entry_item_get_entry (item));
}

/* --- set-up ------------------------------------------------------------------ */

/* The list gets its entries when it is first shown: a list view makes
 * rows for up to 200 items around its anchor, also on a hidden page,
 * which would slow down every start with a long diary. */
static void
attach_model (LcDiaryPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->model == NULL || gtk_list_view_get_model (self->list_view) != NULL)
    return;

  /* As the diary is now: it may have changed while the page was hidden. */
  lc_diary_model_reload (self->model);
  update_state (self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
lc_diary_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_diary_page_parent_class)->map (widget);

  attach_model (LC_DIARY_PAGE (widget));
}

static void
lc_diary_page_dispose (GObject *object)
{
  LcDiaryPage *self = LC_DIARY_PAGE (object);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  /* The stack is both AdwBin's child and a template child: let go once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DIARY_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->diary);

  G_OBJECT_CLASS (lc_diary_page_parent_class)->dispose (object);
}

static void
lc_diary_page_class_init (LcDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_diary_page_dispose;

  widget_class->map = lc_diary_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
lc_diary_page_init (LcDiaryPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_header_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_header_cb), NULL);
  gtk_list_view_set_header_factory (self->list_view, factory);
  g_object_unref (factory);

  update_state (self);
  schedule_midnight (self);
}

/**
 * lc_diary_page_set_diary:
 * @diary: (nullable): the diary, or %NULL if it could not be opened
 * @error: (nullable): why it could not be opened
 */
void
lc_diary_page_set_diary (LcDiaryPage  *self,
                         LcDiary      *diary,
                         const GError *error)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));

  /* The page follows the diary's changes, wherever they are made */
  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);
  if (diary != NULL)
    g_signal_connect_object (diary, "changed", G_CALLBACK (lc_diary_page_reload), self, G_CONNECT_SWAPPED);
  g_clear_object (&self->model);
  gtk_list_view_set_model (self->list_view, NULL);

  if (diary != NULL)
    {
      self->model = lc_diary_model_new (diary);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        attach_model (self);
    }
  else
    adw_status_page_set_description (self->error_status, error != NULL ? error->message : NULL);

  update_state (self);
}
