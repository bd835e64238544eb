/* lc-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-application.h"
#include "lc-csv.h"
#include "lc-diary-page.h"
#include "lc-error.h"
#include "lc-paths.h"
#include "lc-routine-editor.h"
#include "lc-routine-share.h"
#include "lc-trends-page.h"
#include "lc-routine-view.h"
#include "lc-session-view.h"
#include "lc-routines-page.h"
#include "lc-start-gate.h"
#include "lc-widgets.h"
#include "lc-volume-dialog.h"
#include "lc-window.h"

struct _LcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwBanner            *diary_banner;
  LcDiary              *diary;      /* whose changes the window follows */
  AdwNavigationView    *navigation_view;
  AdwHeaderBar         *header_bar;
  LcRoutinesPage       *routines_page;
  AdwBin               *diary_bin;
  GtkWidget            *new_entry_button;
  GtkWidget            *new_routine_button;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwBin               *trends_bin;

  /* Built when first shown (or asked for): NULL until then */
  LcDiaryPage          *diary_page;
  LcTrendsPage         *trends_page;
  GError               *diary_error;  /* why the diary could not be opened */
  gboolean              diary_compact;
  gboolean              trends_compact;

  LcRoutineLibrary     *library;
  LcRoutineRemoval     *removed;    /* the routine to bring back with Undo */
  LcClock              *clock;      /* of the sessions; NULL for the real one */
};

G_DEFINE_FINAL_TYPE (LcWindow, lc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DIARY_COMPACT,
  PROP_TRENDS_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void lc_window_new_routine    (LcWindow  *self);
static void lc_window_edit_routine   (LcWindow  *self,
                                      LcRoutine *routine,
                                      gboolean   duplicate);
static void lc_window_export_routine (LcWindow  *self,
                                      LcRoutine *routine);
static void lc_window_remove_routine (LcWindow  *self,
                                      LcRoutine *routine);
static gboolean window_gone (LcWindow *self);
static void undo_remove_routine_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter);
static void undo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter);

static void
lc_window_save_state (LcWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The default size is the unmaximized size, which is what to restore. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_apply (self->settings);
}

static void
lc_window_restore_state (LcWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Offer the routine of the latest session again on the Routines page. */
static void
update_last_session (LcWindow *self)
{
  g_autoptr(LcSessionRecord) last = self->diary != NULL ? lc_diary_get_last_session (self->diary, NULL) : NULL;
  LcRoutine *routine = NULL;

  if (last != NULL)
    routine = lc_routine_library_find (self->library, last->routine_id);

  lc_routines_page_set_last_routine (self->routines_page, routine);
}

/* A session saved, or the diary restored: the Routines page offers the
 * latest session's routine again. The pages follow the diary themselves. */
static void
diary_changed_cb (LcWindow *self,
                  guint     what)
{
  if (what & (LC_DIARY_CHANGE_SESSIONS | LC_DIARY_CHANGE_RESTORED))
    update_last_session (self);
}

/* Started: straight to the player's Get Ready. */
static void
begin_session (LcWindow  *self,
               LcRoutine *routine)
{
  GtkWidget *page = lc_window_start_session (self, routine, self->clock);

  /* A player that asks something before Get Ready begins at once: the
   * questions were asked before. (No-op for a player that begins itself.) */
  if (lc_session_get_state (lc_session_view_get_session (LC_SESSION_VIEW (page))) == LC_SESSION_IDLE)
    gtk_widget_activate_action (page, "session.begin", NULL);
}

/* ▶ on a routine's row or on Repeat Last Session */
static void
start_requested_cb (LcWindow  *self,
                    LcRoutine *routine)
{
  lc_window_request_start (self, routine);
}

/* Start on a routine's page, its cautions acknowledged and its questions
 * answered */
static void
routine_start_cb (LcWindow  *self,
                  LcRoutine *routine)
{
  begin_session (self, routine);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);

  lc_window_set_page (self, "diary");
  lc_diary_page_new_entry (LC_DIARY_PAGE (lc_window_get_diary_page (self)));
}

static void
volume_saved_cb (LcWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Measurement saved to the diary")));
}

/* A guided measurement of the legs' volume */
static void
measure_volume_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  LcVolumeDialog *dialog = lc_volume_dialog_new (self->diary);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (volume_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* win.edit-routine('<id>') and the others: what a routine's page asks of
 * the window, by the routine's id */
static void
routine_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  LcRoutine *routine = lc_routine_library_find (self->library, g_variant_get_string (parameter, NULL));

  if (routine == NULL)
    return;

  if (g_str_equal (action_name, "win.edit-routine"))
    lc_window_edit_routine (self, routine, FALSE);
  else if (g_str_equal (action_name, "win.duplicate-routine"))
    lc_window_edit_routine (self, routine, TRUE);
  else if (g_str_equal (action_name, "win.export-routine"))
    lc_window_export_routine (self, routine);
  else if (g_str_equal (action_name, "win.remove-routine"))
    lc_window_remove_routine (self, routine);
}

static void
new_routine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lc_window_new_routine (LC_WINDOW (widget));
}

static GListModel *
csv_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

/* An export reads the diary through a connection of its own and writes
 * the file in a thread, so that the window never waits for it (fifty
 * years of diary take a moment). */
static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  GFile *diary_file = g_object_get_data (G_OBJECT (task), "diary-file");
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  diary = lc_diary_open (diary_file, &error);
  if (diary != NULL)
    csv = lc_csv_export (diary, &length, &error);
  if (csv == NULL ||
      !g_file_replace_contents (file, csv, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LcWindow *self = LC_WINDOW (source);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-diary", TRUE);
  /* The window was closed meanwhile: the file is written, or not */
  if (self->toast_overlay == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    lc_show_error (GTK_WIDGET (self), _("The Diary Could Not Be Exported"), error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Diary exported")));
}

/**
 * lc_window_export_diary:
 * @file: where to write
 *
 * Writes the whole diary to @file as CSV, in the background; a toast says
 * when it is done, an error dialog why it could not be.
 */
void
lc_window_export_diary (LcWindow *self,
                        GFile    *file)
{
  LcDiary *diary;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  diary = lc_application_get_diary (LC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (diary == NULL)
    {
      lc_show_error (GTK_WIDGET (self), _("The Diary Can’t Be Opened"), NULL);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-diary", FALSE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, lc_window_export_diary);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "diary-file", g_object_ref (lc_diary_get_file (diary)), g_object_unref);
  g_task_run_in_thread (task, export_in_thread);
}

static void
export_chosen_cb (GtkFileDialog *dialog,
                  GAsyncResult  *result,
                  LcWindow      *self)
{
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (dialog, result, NULL);

  if (file != NULL)
    lc_window_export_diary (self, file);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = csv_filters ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "leg-care-diary-%Y-%m-%d.csv");

  gtk_file_dialog_set_title (dialog, _("Export Diary"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, (GAsyncReadyCallback) export_chosen_cb,
                        g_object_ref (self));
}

static void
show_import_error (LcWindow     *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = lc_file_display_name (file);
  /* Translators: %s is the file's name, then what is wrong and where */
  g_autofree char *body = g_strdup_printf (_("Nothing was imported from “%s”: %s"), name, error->message);

  lc_show_error (GTK_WIDGET (self), _("The File Could Not Be Imported"), body);
}

/* An import runs in a thread of its own, with a diary connection of its
 * own, so that a large file never freezes the window; it reads the file
 * a piece at a time as it stores the records, so that its memory does not
 * grow with the file; a dialog shows how far it is if it takes more than
 * a moment, and can stop it. */
typedef struct
{
  LcWindow   *self;
  GFile      *file;
  GFile      *diary_file;
  guint64     size;
  guint       added;
  guint       skipped;
  int         permille;      /* atomic: how far */
  int         cancelled;     /* atomic */
  AdwDialog  *dialog;        /* main thread only */
  GtkWidget  *bar;
  guint       progress_source;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->progress_source, g_source_remove);
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_clear_object (&job->diary_file);
  g_free (job);
}

static gboolean
import_progress_func (double   fraction,
                      gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
  return !g_atomic_int_get (&job->cancelled);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(LcDiary) diary = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* A file that can't be read is told as such (a G_IO_ERROR) */
  stream = g_file_read (job->file, cancellable, &error);
  if (stream != NULL)
    diary = lc_diary_open (job->diary_file, &error);
  if (stream == NULL || diary == NULL ||
      !lc_csv_import_stream (diary, G_INPUT_STREAM (stream), job->size, import_progress_func, job,
                             cancellable, &job->added, &job->skipped, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_cancel_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  ImportJob      *job)
{
  g_atomic_int_set (&job->cancelled, TRUE);
}

/* After a moment: the dialog; then its bar follows the import. */
static gboolean
import_progress_cb (gpointer user_data)
{
  ImportJob *job = user_data;

  if (job->dialog == NULL)
    {
      g_autofree char *name = lc_file_display_name (job->file);

      job->bar = gtk_progress_bar_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Import progress"), -1);
      job->dialog = adw_alert_dialog_new (_("Importing…"), name);
      adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (job->dialog), job->bar);
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (job->dialog), "cancel", _("_Stop"));
      adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (job->dialog), "cancel");
      g_signal_connect (job->dialog, "response", G_CALLBACK (import_cancel_cb), job);
      g_object_add_weak_pointer (G_OBJECT (job->dialog), (gpointer *) &job->dialog);
      adw_dialog_present (job->dialog, GTK_WIDGET (job->self));
    }
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (job->bar), g_atomic_int_get (&job->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  LcWindow *self = job->self;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&job->progress_source, g_source_remove);
  if (job->dialog != NULL)
    {
      AdwDialog *dialog = job->dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &job->dialog);
      job->dialog = NULL;
      g_signal_handlers_disconnect_by_data (dialog, job);
      adw_dialog_force_close (dialog);
    }

  /* The window was closed meanwhile: the diary has the records, nothing
   * is left to show them. */
  if (self->toast_overlay == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (error->domain == G_IO_ERROR)
        {
          g_autofree char *body = lc_describe_read_error (job->file, error);

          lc_show_error (GTK_WIDGET (self), _("The File Could Not Be Read"), body);
        }
      else if (!g_error_matches (error, LC_CSV_ERROR, LC_CSV_ERROR_CANCELLED))
        show_import_error (self, job->file, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import stopped: nothing was added")));
    }
  else
    {
      g_autofree char *added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record added",
                                                                   "%u records added", job->added), job->added);
      g_autofree char *skipped_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already there",
                                                                     "%u already there", job->skipped), job->skipped);
      g_autofree char *title = g_strdup_printf ("%s, %s", added_text, skipped_text);

      /* Added through a connection of its own: the diary tells its pages */
      if (self->diary != NULL)
        lc_diary_notify_changed (self->diary, LC_DIARY_CHANGE_ENTRIES | LC_DIARY_CHANGE_SESSIONS);
      lc_window_set_page (self, "diary");
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-diary", TRUE);
}

/**
 * lc_window_import_diary:
 * @file: a diary export (CSV)
 *
 * Adds the records of @file to the diary, all or none, in the background:
 * a dialog shows how far it is (and can stop it) if it takes more than a
 * moment; then the Diary shows them.
 */
void
lc_window_import_diary (LcWindow *self,
                        GFile    *file)
{
  LcDiary *diary;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  diary = lc_application_get_diary (LC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  /* A huge file is refused before it is read at all. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && !lc_csv_check_size (g_file_info_get_size (info), &error))
    {
      show_import_error (self, file, error);
      return;
    }
  if (diary == NULL)
    {
      lc_show_error (GTK_WIDGET (self), _("The Diary Can’t Be Opened"), NULL);
      return;
    }
  if (lc_diary_get_read_only (diary) != NULL)
    {
      show_import_error (self, file, lc_diary_get_read_only (diary));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->diary_file = g_object_ref (lc_diary_get_file (diary));
  job->size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;
  job->progress_source = g_timeout_add (300, import_progress_cb, job);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-diary", FALSE);
  task = g_task_new (NULL, NULL, import_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_in_thread);
}

static void
import_chosen_cb (GtkFileDialog *dialog,
                  GAsyncResult  *result,
                  LcWindow      *self)
{
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file != NULL)
    lc_window_import_diary (self, file);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = csv_filters ();

  gtk_file_dialog_set_title (dialog, _("Import Diary"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, (GAsyncReadyCallback) import_chosen_cb,
                        g_object_ref (self));
}

/* The Diary and Trends pages are built when first shown. Before the stack
 * shows one, where it can: a stack moves the focus into the page it shows
 * if the focus was in the one it leaves, before it says it changed. */
static void
ensure_page (LcWindow   *self,
             const char *name)
{
  if (g_strcmp0 (name, "diary") == 0)
    lc_window_get_diary_page (self);
  else if (g_strcmp0 (name, "trends") == 0)
    lc_window_get_trends_page (self);
}

static void
page_changed_cb (LcWindow *self)
{
  /* The + of the diary shows with the diary. */
  gtk_widget_set_visible (self->new_entry_button,
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "diary") == 0);
  /* …and the routines' with the routines. */
  gtk_widget_set_visible (self->new_routine_button,
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "routines") == 0);
  /* Built when first shown (the view switcher shows a page directly);
   * Trends are read from the diary when they are looked at, if it changed */
  ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "trends") == 0)
    lc_trends_page_show (LC_TRENDS_PAGE (lc_window_get_trends_page (self)));
}

/* win.page('diary'): Alt+1..3 and the view switcher's pages. A routine's
 * page holds nothing and is left for the asked one, as the switcher would
 * be there to press; a session or the editor is not left by a key (it
 * would stop the session or drop the edits), so the key does nothing
 * there. */
static void
page_action_change_state_cb (GSimpleAction *action,
                             GVariant      *value,
                             LcWindow      *self)
{
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->navigation_view);
  const char *name = g_variant_get_string (value, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return;

  if (visible != NULL && LC_IS_ROUTINE_VIEW (visible))
    adw_navigation_view_pop_to_tag (self->navigation_view, "main");
  else if (visible != NULL && g_strcmp0 (adw_navigation_page_get_tag (visible), "main") != 0)
    return;

  ensure_page (self, name);
  adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
page_state_cb (LcWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "page");
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (action != NULL && name != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

/* Text large for the window (Text Size 2.0 at 360 px): what can't wrap,
 * such as the eleven score choices in one line, is set smaller in the
 * style sheet (window.narrow-text) */
static void
narrow_text_cb (LcWindow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "narrow-text");
}

static void
wide_text_cb (LcWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow-text");
}

static void
routine_activated_cb (LcWindow  *self,
                      LcRoutine *routine)
{
  lc_window_show_routine (self, routine);
}

/* For the start-up benchmark (tests/bench): tell when the first frame is drawn. */
static void
first_frame_drawn_cb (GdkFrameClock *clock,
                      LcWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_drawn_cb, self);
  g_print ("first-frame\n");
  fflush (stdout);
}

static void
lc_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_window_parent_class)->realize (widget);

  /* Not GTK's first focusable widget, which on the Routines page can be
   * the search field, whose cursor would blink (and the window redraw)
   * for the first seconds; typing there still searches */
  if (gtk_root_get_focus (GTK_ROOT (widget)) == NULL &&
      g_strcmp0 (lc_window_get_page (LC_WINDOW (widget)), "routines") == 0)
    lc_routines_page_focus_start (LC_WINDOW (widget)->routines_page);

  if (g_getenv ("LEGCARE_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_drawn_cb), widget, 0);
}

static gboolean
lc_window_close_request (GtkWindow *window)
{
  lc_window_save_state (LC_WINDOW (window));

  return GTK_WINDOW_CLASS (lc_window_parent_class)->close_request (window);
}

static void
lc_window_constructed (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  G_OBJECT_CLASS (lc_window_parent_class)->constructed (object);

  lc_window_restore_state (self);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
lc_window_dispose (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  /* The binding would outlive the stack if something else holds it. */
  if (self->stack != NULL)
    g_settings_unbind (self->stack, "visible-child-name");
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_WINDOW);
  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_clear_object (&self->diary);
  g_clear_error (&self->diary_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->removed, lc_routine_removal_free);
  g_clear_object (&self->library);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lc_window_parent_class)->dispose (object);
}

static void
lc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LcWindow *self = LC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DIARY_COMPACT:
      g_value_set_boolean (value, self->diary_compact);
      break;
    case PROP_TRENDS_COMPACT:
      g_value_set_boolean (value, self->trends_compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LcWindow *self = LC_WINDOW (object);
  gboolean compact = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_DIARY_COMPACT:
      if (self->diary_compact == compact)
        return;
      self->diary_compact = compact;
      if (self->diary_page != NULL)
        lc_diary_page_set_compact (self->diary_page, compact);
      break;
    case PROP_TRENDS_COMPACT:
      if (self->trends_compact == compact)
        return;
      self->trends_compact = compact;
      if (self->trends_page != NULL)
        lc_trends_page_set_compact (self->trends_page, compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
lc_window_class_init (LcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lc_window_constructed;
  object_class->dispose = lc_window_dispose;
  object_class->get_property = lc_window_get_property;
  object_class->set_property = lc_window_set_property;

  /* What the breakpoints set, for pages that may not be built yet:
   * the Diary's and Trends' narrow layouts */
  properties[PROP_DIARY_COMPACT] =
    g_param_spec_boolean ("diary-compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRENDS_COMPACT] =
    g_param_spec_boolean ("trends-compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->realize = lc_window_realize;

  window_class->close_request = lc_window_close_request;

  g_type_ensure (LC_TYPE_ROUTINES_PAGE);
  g_type_ensure (LC_TYPE_DIARY_PAGE);
  g_type_ensure (LC_TYPE_TRENDS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, diary_banner);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, routines_page);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, diary_bin);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, new_entry_button);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, new_routine_button);

  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.measure-volume", NULL, measure_volume_action);
  gtk_widget_class_install_action (widget_class, "win.new-routine", NULL, new_routine_action);
  gtk_widget_class_install_action (widget_class, "win.edit-routine", "s", routine_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-routine", "s", routine_action);
  gtk_widget_class_install_action (widget_class, "win.export-routine", "s", routine_action);
  gtk_widget_class_install_action (widget_class, "win.remove-routine", "s", routine_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove-routine", NULL, undo_remove_routine_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export-diary", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import-diary", NULL, import_action);
  gtk_widget_class_bind_template_callback (widget_class, routine_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, wide_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_requested_cb);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, stack);
  /* Not used here, but the ui tests reach them with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child (widget_class, LcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, trends_bin);
}

static void
lc_window_init (LcWindow *self)
{
  g_autoptr(GSimpleAction) page_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until something can be undone, Ctrl+Z is the text fields' */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);

  self->settings = g_settings_new (APP_ID);

  /* win.page('diary') shows a page; Alt+1..3 are bound to it. */
  page_action = g_simple_action_new_stateful ("page", G_VARIANT_TYPE_STRING,
                                              g_variant_new_string (adw_view_stack_get_visible_child_name (self->stack)));
  g_signal_connect_object (page_action, "change-state", G_CALLBACK (page_action_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (page_action));

  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (page_state_cb), self,
                           G_CONNECT_SWAPPED);
}

LcWindow *
lc_window_new (LcApplication *application)
{
  LcWindow *self;

  g_return_val_if_fail (LC_IS_APPLICATION (application), NULL);

  self = g_object_new (LC_TYPE_WINDOW,
                       "application", application,
                       NULL);
  self->library = g_object_ref (lc_application_get_routine_library (application));
  lc_routines_page_set_library (self->routines_page, self->library);
  if (self->diary_page != NULL)
    lc_diary_page_set_library (self->diary_page, self->library);
  lc_window_set_diary (self, lc_application_get_diary (application), lc_application_get_diary_error (application));
  page_changed_cb (self);

  return self;
}

/**
 * lc_window_get_page:
 * @self: the window
 *
 * Returns: the name of the visible page: "routines", "diary" or "trends"
 */
const char *
lc_window_get_page (LcWindow *self)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lc_window_set_page (LcWindow   *self,
                    const char *page)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  ensure_page (self, page);
  adw_view_stack_set_visible_child_name (self->stack, page);
}

/**
 * lc_window_set_diary:
 * @diary: (nullable): the diary, or %NULL if it could not be opened
 * @error: (nullable): why it could not be opened
 *
 * Shows @diary on every page. A diary that could not be opened, or only
 * for reading, is said in a banner with Try Again; new entries are then
 * not offered.
 */
void
lc_window_set_diary (LcWindow     *self,
                     LcDiary      *diary,
                     const GError *error)
{
  const GError *problem;

  g_return_if_fail (LC_IS_WINDOW (self));

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);
  if (diary != NULL)
    g_signal_connect_object (diary, "changed", G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  update_last_session (self);

  g_clear_error (&self->diary_error);
  if (error != NULL)
    self->diary_error = g_error_copy (error);
  if (self->diary_page != NULL)
    lc_diary_page_set_diary (self->diary_page, diary, error);
  if (self->trends_page != NULL)
    lc_trends_page_set_diary (self->trends_page, diary, error);

  /* Read only: the banner is the only place that says why. No diary: the
   * Diary and Trends pages say why; the banner, on every page, says that. */
  problem = diary != NULL ? lc_diary_get_read_only (diary) : error;
  if (diary == NULL)
    adw_banner_set_title (self->diary_banner, _("The diary can’t be opened: the Diary page says why"));
  else if (problem != NULL)
    adw_banner_set_title (self->diary_banner, problem->message);
  adw_banner_set_revealed (self->diary_banner, diary == NULL || problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entry", diary != NULL && problem == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.measure-volume", diary != NULL && problem == NULL);
  /* A split button greys out only the half with the action: all of it */
  gtk_widget_set_sensitive (self->new_entry_button, diary != NULL && problem == NULL);
}

/**
 * lc_window_get_diary_page:
 * @self: the window
 *
 * The Diary page is built when it is first shown, to start faster; this
 * builds it if it was not yet.
 *
 * Returns: (transfer none): the #LcDiaryPage
 */
GtkWidget *
lc_window_get_diary_page (LcWindow *self)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);

  if (self->diary_page == NULL)
    {
      self->diary_page = g_object_new (LC_TYPE_DIARY_PAGE, "compact", self->diary_compact, NULL);
      if (self->library != NULL)
        lc_diary_page_set_library (self->diary_page, self->library);
      lc_diary_page_set_diary (self->diary_page, self->diary, self->diary_error);
      adw_bin_set_child (self->diary_bin, GTK_WIDGET (self->diary_page));
    }

  return GTK_WIDGET (self->diary_page);
}

/**
 * lc_window_get_trends_page:
 * @self: the window
 *
 * Like lc_window_get_diary_page(), for the Trends page.
 *
 * Returns: (transfer none): the #LcTrendsPage
 */
GtkWidget *
lc_window_get_trends_page (LcWindow *self)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);

  if (self->trends_page == NULL)
    {
      self->trends_page = g_object_new (LC_TYPE_TRENDS_PAGE, "compact", self->trends_compact, NULL);
      lc_trends_page_set_diary (self->trends_page, self->diary, self->diary_error);
      adw_bin_set_child (self->trends_bin, GTK_WIDGET (self->trends_page));
    }

  return GTK_WIDGET (self->trends_page);
}

/**
 * lc_window_add_toast:
 * @toast: (transfer full): what to say
 *
 * Shows @toast in the window.
 */
void
lc_window_add_toast (LcWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AdwNavigationPage *
new_routine_view (LcWindow  *self,
                  LcRoutine *routine)
{
  LcRoutineView *view = lc_routine_view_new (routine);

  g_signal_connect_object (view, "start", G_CALLBACK (routine_start_cb), self, G_CONNECT_SWAPPED);
  return ADW_NAVIGATION_PAGE (view);
}

/**
 * lc_window_show_routine:
 * @self: the window
 * @routine: a routine
 *
 * Opens the routine's page, with its steps and the Start button.
 */
void
lc_window_show_routine (LcWindow  *self,
                        LcRoutine *routine)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));

  adw_navigation_view_push (self->navigation_view, new_routine_view (self, routine));
}

/* Whether a session or an editor is open: a request to start leaves it be. */
static gboolean
busy (LcWindow *self)
{
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->navigation_view);

  return LC_IS_SESSION_VIEW (visible) || LC_IS_ROUTINE_EDITOR (visible);
}

static void
gate_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LcRoutine) routine = user_data;
  LcWindow *self = LC_WINDOW (source);

  if (!lc_start_gate_check_finish (GTK_WIDGET (self), result) || window_gone (self) || busy (self))
    return;

  begin_session (self, routine);
}

/**
 * lc_window_request_start:
 * @self: the window
 * @routine: a routine
 *
 * Starts @routine in one step, as the ▶ of its row does: once its cautions
 * have been acknowledged, the lymph node question (if it is still to be
 * asked) and then the player, at Get Ready. Until then, its page with the
 * cautions in view, focused on their button. A session or an editor that is
 * open stays as it is.
 *
 * Returns: whether the routine is started or its page shown
 */
gboolean
lc_window_request_start (LcWindow  *self,
                         LcRoutine *routine)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (LC_IS_ROUTINE (routine), FALSE);

  if (busy (self))
    return FALSE;

  lc_window_set_page (self, "routines");

  if (!lc_start_gate_get_acknowledged (routine))
    {
      AdwNavigationPage *pages[2];

      /* Replaced at once, not popped and pushed: the routine's page may be
       * the one that is up, and would be on its way out with the same tag. */
      pages[0] = adw_navigation_view_find_page (self->navigation_view, "main");
      pages[1] = new_routine_view (self, routine);
      adw_navigation_view_replace (self->navigation_view, pages, 2);
      lc_routine_view_show_cautions (LC_ROUTINE_VIEW (pages[1]));
      return TRUE;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "main");
  lc_start_gate_check_async (routine, GTK_WIDGET (self), gate_checked_cb, g_object_ref (routine));
  return TRUE;
}

/**
 * lc_window_set_clock:
 * @clock: (nullable): the clock of the sessions started from now on; %NULL
 *   for the real one (tests use a fake one)
 */
void
lc_window_set_clock (LcWindow *self,
                     LcClock  *clock)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (clock == NULL || LC_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

/**
 * lc_window_start_session:
 * @clock: (nullable): the clock for the session; %NULL for the real one
 *
 * Opens the player for @routine.
 *
 * Returns: (transfer none): the player's page
 */
GtkWidget *
lc_window_start_session (LcWindow  *self,
                         LcRoutine *routine,
                         LcClock   *clock)
{
  LcApplication *app;
  LcSessionView *page;

  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  app = LC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  page = lc_session_view_new (routine, lc_application_get_diary (app), clock);
  lc_session_view_set_cue_player (LC_SESSION_VIEW (page), lc_application_get_cue_player (app));

  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (page));

  return GTK_WIDGET (page);
}

/* --- The user's own routines --------------------------------------------------- */

/* A file operation finished after the window was closed */
static gboolean
window_gone (LcWindow *self)
{
  return self->library == NULL;
}

/* Back to the list, then to the routine's page, as it is now. */
static void
show_routine_by_id (LcWindow   *self,
                    const char *id)
{
  LcRoutine *routine = id != NULL ? lc_routine_library_find (self->library, id) : NULL;
  AdwNavigationPage *pages[2];

  /* Replaced at once: the page that is left may still be on its way out
   * with the routine's tag otherwise. */
  pages[0] = adw_navigation_view_find_page (self->navigation_view, "main");
  if (routine == NULL)
    {
      adw_navigation_view_replace (self->navigation_view, pages, 1);
      return;
    }

  pages[1] = new_routine_view (self, routine);
  adw_navigation_view_replace (self->navigation_view, pages, 2);
}

static void
routine_saved_cb (LcWindow        *self,
                  const char      *id,
                  LcRoutineEditor *editor)
{
  show_routine_by_id (self, id);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Routine saved")));
}

static void
push_editor (LcWindow       *self,
             LcRoutineDraft *draft,
             GFile          *file)
{
  LcApplication *app = LC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  LcRoutineEditor *editor = lc_routine_editor_new (self->library, lc_application_get_cue_player (app),
                                                   draft, file);

  g_signal_connect_object (editor, "saved", G_CALLBACK (routine_saved_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (editor));
}

/* lc_window_new_routine:
 *
 * Opens the editor on an empty routine.
 */
static void
lc_window_new_routine (LcWindow *self)
{
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new ();

  g_return_if_fail (LC_IS_WINDOW (self));

  push_editor (self, draft, NULL);
}

/* lc_window_edit_routine:
 * @routine: a routine
 * @duplicate: %TRUE for a new routine that starts as a copy of @routine
 *
 * Opens the editor: on the user's own routine, on a copy, or, for a
 * built-in routine, on the user's version of it, which replaces it (and
 * which "Reset to Built-in" removes again).
 */
static void
lc_window_edit_routine (LcWindow  *self,
                        LcRoutine *routine,
                        gboolean   duplicate)
{
  g_autoptr(LcRoutineDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));

  draft = lc_routine_draft_new_from_routine (routine);
  if (duplicate)
    {
      /* Translators: the name of a copy of a routine, e.g. "Evening Routine (Copy)" */
      g_autofree char *name = g_strdup_printf (_("%s (Copy)"), lc_routine_get_name (routine));

      lc_routine_draft_set_name (draft, name);
      lc_routine_draft_set_id (draft, "");
    }
  else
    file = lc_routine_library_get_file_for_edit (self->library, routine);

  push_editor (self, draft, file);
}

static void
routine_exported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (window_gone (self))
    return;
  if (!lc_routine_library_export_finish (LC_ROUTINE_LIBRARY (source), result, &error))
    lc_show_error (GTK_WIDGET (self), _("Routine Not Exported"), error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Routine exported")));
}

typedef struct
{
  LcWindow  *window;
  LcRoutine *routine;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->routine);
  g_free (data);
}

static void
routine_export_chosen_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL && !window_gone (data->window))
    lc_routine_library_export_async (data->window->library, data->routine, file, NULL,
                                     routine_exported_cb, g_object_ref (data->window));
  export_data_free (data);
}

/* lc_window_export_routine:
 *
 * Saves @routine as one file to give to someone (a .legcare-routine with
 * its pictures), where the user chooses.
 */
static void
lc_window_export_routine (LcWindow  *self,
                          LcRoutine *routine)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  ExportData *data;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));

  gtk_file_filter_set_name (filter, _("Leg Care routines"));
  gtk_file_filter_add_mime_type (filter, LC_ROUTINE_SHARE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, LC_ROUTINE_SHARE_SUFFIX + 1);
  g_list_store_append (filters, filter);

  name = g_strconcat (lc_routine_get_name (routine), LC_ROUTINE_SHARE_SUFFIX, NULL);
  g_strdelimit (name, "/\\", '-');
  gtk_file_dialog_set_title (dialog, _("Export Routine"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->routine = g_object_ref (routine);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, routine_export_chosen_cb, data);
}

typedef struct
{
  LcWindow         *window;
  char             *name;
  gboolean          reset;    /* remove: the user's version of a built-in routine */
  LcRoutineRemoval *removal;  /* restore */
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_object_unref (data->window);
  g_free (data->name);
  g_clear_pointer (&data->removal, lc_routine_removal_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void
routine_restored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!lc_routine_library_restore_finish (LC_ROUTINE_LIBRARY (source), result, &error))
    {
      if (!window_gone (data->window))
        lc_show_error (GTK_WIDGET (data->window), _("Routine Not Restored"), error->message);
    }
  else if (!window_gone (data->window))
    show_routine_by_id (data->window, lc_routine_removal_get_id (data->removal));
}

static void
undo_remove_routine_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LcWindow *self = LC_WINDOW (widget);
  RemoveData *data;

  if (self->removed == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->window = g_object_ref (self);
  data->removal = g_steal_pointer (&self->removed);
  lc_routine_library_restore_async (self->library, data->removal, NULL, routine_restored_cb, data);
}

/* Undo (the toast's, or Ctrl+Z) of a removal */
static void
undo_remove_routine_cb (GtkWidget *window,
                        gpointer   data)
{
  gtk_widget_activate_action (window, "win.undo-remove-routine", NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (!lc_undo (widget))
    gtk_widget_error_bell (widget);
}

static void
routine_removed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  LcWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutineRemoval) removal = NULL;
  g_autofree char *title = NULL;

  removal = lc_routine_library_remove_finish (LC_ROUTINE_LIBRARY (source), result, &error);
  if (window_gone (self))
    return;
  if (removal == NULL)
    {
      lc_show_error (GTK_WIDGET (self), data->reset ? _("Routine Not Reset") : _("Routine Not Deleted"),
                     error->message);
      return;
    }

  title = data->reset ?
          /* Translators: a toast; the built-in routine is back */
          g_strdup_printf (_("Built-in “%s” is back"), data->name) :
          /* Translators: a toast after a routine was deleted */
          g_strdup_printf (_("“%s” deleted"), data->name);

  show_routine_by_id (self, data->reset ? lc_routine_removal_get_id (removal) : NULL);

  g_clear_pointer (&self->removed, lc_routine_removal_free);
  self->removed = g_steal_pointer (&removal);

  lc_show_undo_toast (GTK_WIDGET (self->toast_overlay), title, G_CALLBACK (undo_remove_routine_cb), NULL, NULL);
}

/* lc_window_remove_routine:
 *
 * Deletes the user's own routine, or their version of a built-in one (the
 * built-in one is back), with Undo.
 */
static void
lc_window_remove_routine (LcWindow  *self,
                          LcRoutine *routine)
{
  RemoveData *data;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));
  g_return_if_fail (lc_routine_get_origin (routine) == LC_ROUTINE_ORIGIN_USER);

  data = g_new0 (RemoveData, 1);
  data->window = g_object_ref (self);
  data->name = g_strdup (lc_routine_get_name (routine));
  data->reset = lc_routine_get_overrides_builtin (routine);
  lc_routine_library_remove_async (self->library, routine, NULL, routine_removed_cb, data);
}

static void
routine_installed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = lc_routine_library_install_finish (LC_ROUTINE_LIBRARY (source), result, &error);

  if (window_gone (self))
    return;
  if (id == NULL)
    {
      lc_show_error (GTK_WIDGET (self), _("Routine Not Added"), error->message);
      return;
    }

  show_routine_by_id (self, id);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Added to your routines")));
}

static void
add_shared_cb (LcWindow      *self,
               LcRoutine     *routine,
               LcRoutineView *view)
{
  GHashTable *pictures = lc_routine_view_get_pictures (view);

  g_return_if_fail (pictures != NULL);

  lc_routine_library_install_async (self->library, routine, pictures, NULL, routine_installed_cb,
                                    g_object_ref (self));
}

/**
 * lc_window_open_shared_routine:
 * @file: a shared routine (.legcare-routine)
 *
 * Shows what the file holds, with "Add to My Routines"; or, if the file is
 * refused, says why. Nothing is written until the user adds it.
 */
void
lc_window_open_shared_routine (LcWindow *self,
                               GFile    *file)
{
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  LcRoutineView *view;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  routine = lc_routine_share_read (lc_routine_library_get_loader (self->library), file, &pictures, &error);
  if (routine == NULL)
    {
      /* Translators: %s says what is wrong with the file (it starts with its name) */
      g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was added to your routines."), error->message);

      /* The file's name is in the body: a long heading can't wrap. */
      lc_show_error (GTK_WIDGET (self), _("Routine Can’t Be Opened"), body);
      return;
    }

  adw_navigation_view_pop_to_tag (self->navigation_view, "main");
  view = lc_routine_view_new_preview (routine, pictures);
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (view), "preview");
  g_signal_connect_object (view, "add", G_CALLBACK (add_shared_cb), self, G_CONNECT_SWAPPED);
  adw_navigation_view_push (self->navigation_view, ADW_NAVIGATION_PAGE (view));
}
