/* lc-diary-page.c: the diary, by day, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-diary-model.h"
#include "lc-diary-page.h"
#include "lc-diary-row.h"
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

/* --- day headings -------------------------------------------------------- */

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

/* What Undo of a deletion needs: the page may be gone by then. */
typedef struct
{
  GWeakRef  page;
  LcEntry  *entry;
} UndoDelete;

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_weak_ref_clear (&undo->page);
  lc_entry_free (undo->entry);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(LcDiaryPage) self = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcEntry) again = NULL;

  if (self == NULL || self->diary == NULL)
    return;

  again = lc_entry_copy (undo->entry);
  again->id = 0;
  if (!lc_diary_add_entry (self->diary, again, &error))
    lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The entry could not be restored: %s"), error->message));
}

static void
delete_requested_cb (LcDiaryPage *self,
                     LcEntry     *entry)
{
  g_autoptr(GError) error = NULL;
  UndoDelete *undo;
  AdwToast *toast;

  if (!lc_diary_delete_entry (self->diary, entry->id, &error))
    {
      lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The entry could not be deleted: %s"), error->message));
      return;
    }

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoDelete, 1);
  g_weak_ref_init (&undo->page, self);
  undo->entry = lc_entry_copy (entry);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_delete_free, 0);
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

  g_type_ensure (LC_TYPE_DIARY_ROW);

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
