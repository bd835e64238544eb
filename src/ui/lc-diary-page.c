/* lc-diary-page.c: the diary's entries and sessions, by day, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list of entries and sessions (or either alone), paged from SQLite by
 * LcDiaryModel. An entry opens in LcEntryDialog, a session in
 * LcSessionDialog; both delete with Undo. The page opens at today.
 *
 * The list view sees the newest records first and more as it is scrolled
 * near its end (a GtkSliceListModel that grows): a GtkListView keeps a row
 * for up to 200 items around where it shows, whatever its height, so with
 * the whole of a long diary it would make, bind, style and measure 200
 * rows to show the ten that fit. Positions are the same in both models.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-diary-model.h"
#include "lc-diary-page.h"
#include "lc-diary-row.h"
#include "lc-entry-dialog.h"
#include "lc-entry-item.h"
#include "lc-routine-library.h"
#include "lc-session-dialog.h"
#include "lc-session-row.h"
#include "lc-widgets.h"

/* Records the list is given at first, and more each time it nears their
 * end: more than fit in a tall window, far fewer than a list view's 200 */
#define FIRST_ROWS  40
#define MORE_ROWS   40

struct _LcDiaryPage
{
  AdwBin          parent_instance;

  LcDiary        *diary;
  LcRoutineLibrary *library;
  LcDiaryModel   *model;
  GtkSliceListModel *shown;
  guint           more_source;
  guint           midnight_source;
  guint           today_source;

  /* Where the list was before a reload, put back once it has its new
   * size; the record whose row gets the focus back (after a reload with
   * the focus in the list, or after the dialog opened from its row) */
  double          place_value;
  gulong          place_handler;
  gboolean        place_focus;
  GObject        *focus_item;
  guint           focus_position;
  guint           focus_source;

  /* Template widgets */
  GtkWidget      *filter_bar;
  AdwToggleGroup *filter_toggles;
  GtkDropDown    *filter_dropdown;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkStack       *stack;
  AdwStatusPage  *error_status;
  AdwStatusPage  *filtered_status;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (LcDiaryPage, lc_diary_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The filter's names, in the order of the drop-down's items */
static const char * const filter_names[] = { "all", "entries", "sessions" };

static void
update_state (LcDiaryPage *self)
{
  LcDiaryFilter filter = self->model != NULL ? lc_diary_model_get_filter (self->model) : LC_DIARY_FILTER_ALL;
  gboolean empty = self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  gboolean any = !empty;

  /* With a filter on, the diary may hold records the list does not show. */
  if (empty && filter != LC_DIARY_FILTER_ALL && self->diary != NULL)
    any = lc_diary_count_timeline (self->diary, LC_DIARY_FILTER_ALL, G_MININT64, NULL) > 0;

  gtk_widget_set_visible (self->filter_bar, self->diary != NULL && any);
  if (self->diary == NULL)
    gtk_stack_set_visible_child_name (self->stack, "error");
  else if (!any)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (empty)
    {
      adw_status_page_set_title (self->filtered_status,
                                 filter == LC_DIARY_FILTER_SESSIONS ? _("No Sessions") : _("No Entries"));
      adw_status_page_set_description (self->filtered_status,
                                       filter == LC_DIARY_FILTER_SESSIONS
                                       ? _("Sessions you save after a routine are listed here")
                                       : _("Entries you add are listed here"));
      gtk_stack_set_visible_child_name (self->stack, "filtered");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * lc_diary_page_reload:
 *
 * Shows the diary as it is now, after a change made elsewhere.
 */
/* The record a row shows, as bound */
static GObject *
row_item (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "lc-diary-item");
}

/* The record of the row that has the focus, if the list has it */
static GObject *
focused_item (LcDiaryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (row_item (w) != NULL)
        return row_item (w);
      if (child != NULL && row_item (child) != NULL)
        return row_item (child);
    }

  return NULL;
}

/* The list is given the records up to @position and MORE_ROWS after it */
static void
show_up_to (LcDiaryPage *self,
            guint        position)
{
  guint size;

  if (self->shown == NULL)
    return;
  size = MIN (position, G_MAXUINT - MORE_ROWS) + MORE_ROWS;
  if (size > gtk_slice_list_model_get_size (self->shown))
    gtk_slice_list_model_set_size (self->shown, size);
}

/* The focus to the row of @item wherever it is now, or to the row now at
 * focus_position when the record is gone. */
static void
focus_row (LcDiaryPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint position = G_MAXUINT;

  if (n == 0 || gtk_list_view_get_model (self->list_view) == NULL)
    return;
  if (self->focus_item != NULL)
    position = lc_diary_model_find_item (self->model, self->focus_item);
  if (position == G_MAXUINT)
    position = MIN (self->focus_position, n - 1);
  show_up_to (self, position);
  /* The list moves its focus only when it has it */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
}

static void
forget_focus (LcDiaryPage *self)
{
  g_clear_object (&self->focus_item);
  g_clear_handle_id (&self->focus_source, g_source_remove);
}

/* Called as the list, laid out again, sets its range */
static void
restore_place_cb (LcDiaryPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  g_clear_signal_handler (&self->place_handler, adjustment);
  gtk_adjustment_set_value (adjustment, self->place_value);
  if (self->place_focus)
    {
      self->place_focus = FALSE;
      focus_row (self);
      forget_focus (self);
    }
}

/* A reload makes new rows, and the list starts again at the top: where it
 * was, and the row that had the focus, are kept to be put back. */
static void
remember_place (LcDiaryPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  GObject *item = focused_item (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  self->place_value = gtk_adjustment_get_value (adjustment);
  if (item != NULL)
    {
      forget_focus (self);
      self->focus_item = g_object_ref (item);
      self->focus_position = lc_diary_model_find_item (self->model, item);
      self->place_focus = TRUE;
    }
  if (self->place_handler == 0)
    self->place_handler = g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (restore_place_cb), self);
}

void
lc_diary_page_reload (LcDiaryPage *self)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));

  if (self->model != NULL && gtk_list_view_get_model (self->list_view) != NULL)
    remember_place (self);
  if (self->model != NULL)
    lc_diary_model_reload (self->model);
  /* Nothing left to show: no place to go back to */
  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    {
      g_clear_signal_handler (&self->place_handler, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
      self->place_focus = FALSE;
    }
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
  /* A long day's name wraps in a narrow window with large text */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
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
  GObject *item = gtk_list_header_get_item (header);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (lc_diary_item_get_time (item));
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
undo_delete_cb (GtkWidget  *window,
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

  if (!lc_diary_delete_entry (self->diary, entry->id, &error))
    {
      lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The entry could not be deleted: %s"), error->message));
      return;
    }

  undo = g_new0 (UndoDelete, 1);
  g_weak_ref_init (&undo->page, self);
  undo->entry = lc_entry_copy (entry);
  lc_show_undo_toast (GTK_WIDGET (self), _("Entry deleted"), G_CALLBACK (undo_delete_cb), undo, undo_delete_free);
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

/* --- sessions ---------------------------------------------------------------- */

/* A built-in routine's name in the language the user reads now; any other
 * under the name it had when the session was saved. */
static const char *
routine_display_name (LcDiaryPage           *self,
                      const LcSessionRecord *record)
{
  LcRoutine *routine = self->library != NULL ? lc_routine_library_find (self->library, record->routine_id) : NULL;

  if (routine != NULL && lc_routine_get_origin (routine) == LC_ROUTINE_ORIGIN_BUILTIN)
    return lc_routine_get_name (routine);

  return record->routine_name;
}

typedef struct
{
  GWeakRef         page;
  LcSessionRecord *record;
} UndoSessionDelete;

static void
undo_session_delete_free (gpointer  data,
                          GClosure *closure)
{
  UndoSessionDelete *undo = data;

  g_weak_ref_clear (&undo->page);
  lc_session_record_free (undo->record);
  g_free (undo);
}

static void
undo_session_delete_cb (GtkWidget         *window,
                        UndoSessionDelete *undo)
{
  g_autoptr(LcDiaryPage) self = g_weak_ref_get (&undo->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcSessionRecord) again = NULL;

  if (self == NULL || self->diary == NULL)
    return;

  again = lc_session_record_copy (undo->record);
  again->id = 0;
  if (!lc_diary_add_session (self->diary, again, &error))
    lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The session could not be restored: %s"), error->message));
}

static void
session_delete_requested_cb (LcDiaryPage     *self,
                             LcSessionRecord *record)
{
  g_autoptr(GError) error = NULL;
  UndoSessionDelete *undo;

  if (!lc_diary_delete_session (self->diary, record->id, &error))
    {
      lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("The session could not be deleted: %s"), error->message));
      return;
    }

  undo = g_new0 (UndoSessionDelete, 1);
  g_weak_ref_init (&undo->page, self);
  undo->record = lc_session_record_copy (record);
  lc_show_undo_toast (GTK_WIDGET (self), _("Session deleted"), G_CALLBACK (undo_session_delete_cb), undo,
                      undo_session_delete_free);
}

static void
present_session_dialog (LcDiaryPage           *self,
                        const LcSessionRecord *record)
{
  LcSessionDialog *dialog = lc_session_dialog_new (self->diary, record, routine_display_name (self, record));

  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (session_delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static gboolean
focus_row_cb (gpointer user_data)
{
  LcDiaryPage *self = user_data;

  self->focus_source = 0;
  focus_row (self);
  g_clear_object (&self->focus_item);
  return G_SOURCE_REMOVE;
}

/* A dialog opened from a row gives the focus back to it: its row was made
 * anew if the diary changed, so after the dialog has tried its own. */
static void
row_dialog_closed_cb (LcDiaryPage *self)
{
  if (self->focus_item != NULL && self->focus_source == 0)
    self->focus_source = g_idle_add (focus_row_cb, self);
}

static void
row_activated_cb (LcDiaryPage *self,
                  guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  AdwDialog *dialog;

  if (LC_IS_ENTRY_ITEM (item))
    present_dialog (self, lc_entry_item_get_entry (LC_ENTRY_ITEM (item)));
  else if (LC_IS_SESSION_ITEM (item))
    present_session_dialog (self, lc_session_item_get_record (LC_SESSION_ITEM (item)));
  else
    return;

  forget_focus (self);
  self->focus_item = g_steal_pointer (&item);
  self->focus_position = position;
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  if (dialog != NULL)
    g_signal_connect_object (dialog, "closed", G_CALLBACK (row_dialog_closed_cb), self, G_CONNECT_SWAPPED);
}

/* --- rows ------------------------------------------------------------------- */

/* A row's time beside its scores, or above them in a compact page (a
 * narrow window with large text), where both don't fit side by side */
static void
row_set_stacked (GtkWidget *row,
                 gboolean   stacked)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (row), stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (row), stacked ? 4 : 12);
}

/* A list item shows an entry's row or a session's: the child is swapped
 * only when the kind changes, so scrolling reuses rows as before. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             LcDiaryPage              *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *description = NULL;

  if (LC_IS_ENTRY_ITEM (item))
    {
      if (!LC_IS_DIARY_ROW (child))
        {
          child = lc_diary_row_new ();
          gtk_list_item_set_child (list_item, child);
        }
      lc_diary_row_set_item (LC_DIARY_ROW (child), LC_ENTRY_ITEM (item));
      description = lc_diary_row_describe (lc_entry_item_get_entry (LC_ENTRY_ITEM (item)));
    }
  else if (LC_IS_SESSION_ITEM (item))
    {
      const LcSessionRecord *record = lc_session_item_get_record (LC_SESSION_ITEM (item));
      const char *name = routine_display_name (self, record);

      if (!LC_IS_SESSION_ROW (child))
        {
          child = lc_session_row_new ();
          gtk_list_item_set_child (list_item, child);
        }
      lc_session_row_show (LC_SESSION_ROW (child), LC_SESSION_ITEM (item), name);
      description = lc_session_row_describe (record, name);
    }
  else if (LC_IS_BREAK_DAY_ITEM (item))
    {
      if (!LC_IS_SESSION_ROW (child))
        {
          child = lc_session_row_new ();
          gtk_list_item_set_child (list_item, child);
        }
      lc_session_row_show_breaks (LC_SESSION_ROW (child), LC_BREAK_DAY_ITEM (item));
      description = lc_session_row_describe_breaks (LC_BREAK_DAY_ITEM (item));
    }
  /* A day's breaks open nothing: they are counted, not edited one by one */
  gtk_list_item_set_activatable (list_item, !LC_IS_BREAK_DAY_ITEM (item));
  if (child != NULL)
    {
      g_object_set_data_full (G_OBJECT (child), "lc-diary-item", g_object_ref (item), g_object_unref);
      row_set_stacked (child, gtk_widget_get_visible (GTK_WIDGET (self->filter_dropdown)));
    }

  /* What a screen reader says for the row: one sentence, not its parts */
  gtk_list_item_set_accessible_label (list_item, description != NULL ? description : "");
}

/* --- filter and dates ----------------------------------------------------------- */

/* The drop-down chooses through the toggles, which hold the filter */
static void
filter_dropdown_cb (LcDiaryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected < G_N_ELEMENTS (filter_names))
    adw_toggle_group_set_active_name (self->filter_toggles, filter_names[selected]);
}

static void
filter_changed_cb (LcDiaryPage *self)
{
  const char *name = adw_toggle_group_get_active_name (self->filter_toggles);
  LcDiaryFilter filter = LC_DIARY_FILTER_ALL;

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (filter_names); i++)
    if (g_str_equal (name, filter_names[i]) && gtk_drop_down_get_selected (self->filter_dropdown) != i)
      gtk_drop_down_set_selected (self->filter_dropdown, i);

  if (self->model == NULL || name == NULL)
    return;

  if (g_str_equal (name, "entries"))
    filter = LC_DIARY_FILTER_ENTRIES;
  else if (g_str_equal (name, "sessions"))
    filter = LC_DIARY_FILTER_SESSIONS;

  lc_diary_model_set_filter (self->model, filter);
  update_state (self);
}

/**
 * lc_diary_page_show_day:
 * @day: a local date
 *
 * Scrolls the list to @day's records, or to the nearest earlier day that
 * has any.
 */
void
lc_diary_page_show_day (LcDiaryPage *self,
                        GDateTime   *day)
{
  guint n, position;

  g_return_if_fail (LC_IS_DIARY_PAGE (self));
  g_return_if_fail (day != NULL);

  if (self->model == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n == 0)
    return;

  position = lc_diary_model_find_day (self->model, day);
  if (position >= n)
    {
      /* Before the first record: the oldest one is as near as it gets */
      position = n - 1;
      lc_show_toast (GTK_WIDGET (self), adw_toast_new (_("Nothing recorded on or before that day")));
    }
  show_up_to (self, position);
  /* The list moves its focus only when it has it: a keyboard user goes on
   * from the day that was asked for */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
}

static void
day_selected_cb (LcDiaryPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  gtk_menu_button_popdown (self->date_button);
  lc_diary_page_show_day (self, day);
}

static void
date_button_active_cb (LcDiaryPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  /* The calendar opens at today and can't go past it */
  if (!gtk_menu_button_get_active (self->date_button))
    return;
  now = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, now);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

/* --- set-up ------------------------------------------------------------------ */

static gboolean
more_cb (gpointer user_data)
{
  LcDiaryPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  double below = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) -
                 gtk_adjustment_get_page_size (adjustment);

  self->more_source = 0;
  /* Less than a screenful below what is seen, and more in the diary */
  if (self->shown != NULL && below < gtk_adjustment_get_page_size (adjustment) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->shown)) < g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    show_up_to (self, gtk_slice_list_model_get_size (self->shown));

  return G_SOURCE_REMOVE;
}

/* As the list scrolls or changes size; the list grows after the layout
 * that moved it, not in the middle of it. */
static void
adjustment_changed_cb (LcDiaryPage *self)
{
  if (self->more_source == 0 && self->shown != NULL)
    self->more_source = g_idle_add (more_cb, self);
}

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
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static gboolean
scroll_to_today_cb (gpointer user_data)
{
  LcDiaryPage *self = user_data;

  self->today_source = 0;
  if (gtk_list_view_get_model (self->list_view) != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      /* The list's focus goes to the first row, which scrolls it into
       * view; then to the very top, with the day's heading above it. */
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_FOCUS, NULL);
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
    }

  return G_SOURCE_REMOVE;
}

static void
lc_diary_page_map (GtkWidget *widget)
{
  LcDiaryPage *self = LC_DIARY_PAGE (widget);

  GTK_WIDGET_CLASS (lc_diary_page_parent_class)->map (widget);

  attach_model (self);

  /* Coming back to the diary shows today, not where the list was left.
   * After the window has put its focus back, which would scroll the list
   * to the row that had it. */
  if (self->today_source == 0)
    self->today_source = g_idle_add (scroll_to_today_cb, self);
}

static void
lc_diary_page_dispose (GObject *object)
{
  LcDiaryPage *self = LC_DIARY_PAGE (object);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_clear_handle_id (&self->today_source, g_source_remove);
  g_clear_handle_id (&self->more_source, g_source_remove);
  forget_focus (self);
  if (self->list_view != NULL)
    {
      g_clear_signal_handler (&self->place_handler, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
      gtk_list_view_set_model (self->list_view, NULL);
    }
  /* The stack is both AdwBin's child and a template child: let go once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DIARY_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->model);
  g_clear_object (&self->diary);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (lc_diary_page_parent_class)->dispose (object);
}

/**
 * lc_diary_page_set_compact:
 * @compact: whether the page is narrower than its filter's toggles (a
 *   narrow window with large text): a drop-down takes their place, and
 *   each row's time goes above its scores
 */
void
lc_diary_page_set_compact (LcDiaryPage *self,
                           gboolean     compact)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));

  compact = !!compact;
  if (compact == gtk_widget_get_visible (GTK_WIDGET (self->filter_dropdown)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->filter_toggles), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), compact);
  /* The rows shown now (those bound later are set as they are bound) */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (LC_IS_DIARY_ROW (row) || LC_IS_SESSION_ROW (row))
        row_set_stacked (row, compact);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
}

static void
lc_diary_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LcDiaryPage *self = LC_DIARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->filter_dropdown)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diary_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LcDiaryPage *self = LC_DIARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      lc_diary_page_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diary_page_class_init (LcDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_diary_page_dispose;
  object_class->get_property = lc_diary_page_get_property;
  object_class->set_property = lc_diary_page_set_property;

  /**
   * LcDiaryPage:compact:
   *
   * Whether the filter is a drop-down, for a page too narrow for its
   * toggles (set by the window's breakpoint).
   */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = lc_diary_page_map;


  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, filter_toggles);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, filtered_status);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_button_active_cb);
}

static void
lc_diary_page_init (LcDiaryPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_header_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_header_cb), NULL);
  gtk_list_view_set_header_factory (self->list_view, factory);
  g_object_unref (factory);

  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  }

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
  g_clear_object (&self->shown);

  if (diary != NULL)
    {
      self->model = lc_diary_model_new (diary);
      filter_changed_cb (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        attach_model (self);
    }
  else
    adw_status_page_set_description (self->error_status, error != NULL ? error->message : NULL);

  update_state (self);
}

/**
 * lc_diary_page_set_library:
 * @library: the routines, for the names of sessions' built-in routines in
 *   the user's language
 */
void
lc_diary_page_set_library (LcDiaryPage      *self,
                           LcRoutineLibrary *library)
{
  g_return_if_fail (LC_IS_DIARY_PAGE (self));
  g_return_if_fail (library == NULL || LC_IS_ROUTINE_LIBRARY (library));

  g_set_object (&self->library, library);
}
