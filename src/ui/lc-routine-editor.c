/* lc-routine-editor.c: make a routine of your own, or change one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works on an LcRoutineDraft. What is wrong is marked next to the field
 * (once the user tried to save, or from the start for a routine that was
 * fine); Save writes only what the loader accepts, and a save that fails
 * keeps the page open with everything as it was. Steps come from the
 * built-in routines or are made from scratch; they are reordered by drag
 * and drop or Alt+Up/Down, removed with Undo.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-routine-editor.h"
#include "lc-step-editor.h"
#include "lc-step-picker.h"
#include "lc-widgets.h"

struct _LcRoutineEditor
{
  AdwNavigationPage    parent_instance;

  LcRoutineLibrary    *library;
  LcCuePlayer         *cue_player;     /* for the step editor's Listen */
  GCancellable        *cancellable;    /* a save under way */
  char                *saving;         /* the draft as it is being saved */
  LcRoutineDraft      *draft;
  GFile               *file;           /* NULL until a new routine is saved */
  char                *baseline;       /* the draft as it was, to tell changes */
  gboolean             show_problems;
  gboolean             loading;
  GPtrArray           *caution_views;  /* the text view of each caution's row, in order */
  char                *cautions_description;

  LcStepDraft         *removed_step;   /* for Undo */
  guint                removed_position;

  /* Template widgets */
  AdwBanner           *error_banner;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *routine_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *summary_row;
  AdwComboRow         *category_row;
  AdwPreferencesGroup *cautions_group;
  AdwPreferencesGroup *steps_group;
  GtkListBox          *steps_list;
};

G_DEFINE_FINAL_TYPE (LcRoutineEditor, lc_routine_editor, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CUE_PLAYER,
  PROP_DRAFT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GPtrArray *
problems_for (GPtrArray  *problems,
              int         step,
              const char *field)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < problems->len; i++)
    {
      LcDraftProblem *problem = g_ptr_array_index (problems, i);

      if (problem->step == step && (field == NULL || g_str_equal (problem->field, field)))
        g_ptr_array_add (found, problem);
    }

  return found;
}

static GtkWidget *
caution_row (LcRoutineEditor *self,
             guint            index)
{
  return gtk_widget_get_ancestor (g_ptr_array_index (self->caution_views, index), GTK_TYPE_LIST_BOX_ROW);
}

/* The step a row of the steps list shows: the list is bound to the
 * draft's steps, so a row's index is its step's. */
static LcStepDraft *
row_get_step (LcRoutineEditor *self,
              GtkWidget       *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index < 0 || gtk_widget_get_parent (row) != GTK_WIDGET (self->steps_list))
    return NULL;
  return g_list_model_get_item (lc_routine_draft_get_steps (self->draft), (guint) index);
}

static void
mark (GtkWidget *widget,
      gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
update_step_row (GtkWidget   *row,
                 LcStepDraft *step,
                 GPtrArray   *problems,
                 int          index,
                 gboolean     show)
{
  const LcStepFields *f = lc_step_draft_get_fields (step);
  g_autoptr(GPtrArray) found = problems_for (problems, index, NULL);
  g_autofree char *title = g_markup_printf_escaped ("%d. %s", index + 1,
                                                    f->title != NULL && *f->title != '\0' ? f->title : _("Untitled Step"));
  g_autofree char *total = lc_format_duration (lc_step_fields_get_total_seconds (f));
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append (subtitle, total);
  if (f->per_side)
    /* Translators: after a step's time in the editor's list */
    g_string_append_printf (subtitle, " · %s", _("each leg"));

  if (show && found->len > 0)
    {
      LcDraftProblem *problem = g_ptr_array_index (found, 0);
      g_autofree char *escaped = g_markup_escape_text (problem->message, -1);

      /* Translators: a step's problem in the list, e.g. "Fix: Required (cue)" */
      g_string_append_printf (subtitle, "\n%s", escaped);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  mark (row, show && found->len > 0);
}

/* Everything that depends on the draft as a whole. */
static void
update (LcRoutineEditor *self)
{
  g_autoptr(GPtrArray) problems = lc_routine_draft_check (self->draft);
  g_autoptr(GPtrArray) name = problems_for (problems, -1, "name");
  g_autoptr(GPtrArray) summary = problems_for (problems, -1, "summary");
  g_autoptr(GPtrArray) steps = problems_for (problems, -1, "steps");
  g_autoptr(GString) routine_text = g_string_new (NULL);
  g_autoptr(GString) cautions_text = g_string_new (self->cautions_description);
  g_autoptr(GString) steps_text = g_string_new (NULL);
  g_autofree char *xml = lc_routine_draft_to_xml (self->draft);
  g_autofree char *total = lc_format_duration (lc_routine_draft_get_duration (self->draft));
  gboolean show = self->show_problems;
  GtkListBoxRow *row;

  mark (GTK_WIDGET (self->name_row), show && name->len > 0);
  mark (GTK_WIDGET (self->summary_row), show && summary->len > 0);
  if (show && name->len > 0)
    g_string_append_printf (routine_text, "%s: %s", _("Name"), ((LcDraftProblem *) name->pdata[0])->message);
  if (show && summary->len > 0)
    g_string_append_printf (routine_text, "%s%s: %s", routine_text->len > 0 ? "\n" : "",
                            _("What It Is For"), ((LcDraftProblem *) summary->pdata[0])->message);
  adw_preferences_group_set_description (self->routine_group, routine_text->len > 0 ? routine_text->str : NULL);

  for (guint i = 0; i < self->caution_views->len; i++)
    mark (caution_row (self, i), FALSE);
  for (guint i = 0; i < problems->len; i++)
    {
      LcDraftProblem *problem = g_ptr_array_index (problems, i);

      if (show && problem->item >= 0 && (guint) problem->item < self->caution_views->len)
        {
          mark (caution_row (self, problem->item), TRUE);
          g_string_append_printf (cautions_text, "\n%s: %s", _("Caution"), problem->message);
        }
    }
  adw_preferences_group_set_description (self->cautions_group, cautions_text->str);

  /* Translators: the routine's total time, live in the editor */
  g_string_append_printf (steps_text, _("Takes %s in all"), total);
  if (show && steps->len > 0)
    g_string_append_printf (steps_text, "\n%s", ((LcDraftProblem *) steps->pdata[0])->message);
  adw_preferences_group_set_description (self->steps_group, steps_text->str);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->steps_list, i)) != NULL; i++)
    {
      g_autoptr(LcStepDraft) step = row_get_step (self, GTK_WIDGET (row));

      if (step != NULL)
        update_step_row (GTK_WIDGET (row), step, problems, i, show);
    }

  adw_navigation_page_set_can_pop (ADW_NAVIGATION_PAGE (self), g_strcmp0 (xml, self->baseline) == 0);
}

static void
draft_changed_cb (LcRoutineEditor *self)
{
  update (self);
}

static void
name_changed_cb (LcRoutineEditor *self)
{
  if (!self->loading && self->draft != NULL)
    lc_routine_draft_set_name (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
summary_changed_cb (LcRoutineEditor *self)
{
  if (!self->loading && self->draft != NULL)
    lc_routine_draft_set_summary (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->summary_row)));
}

static void
category_changed_cb (LcRoutineEditor *self)
{
  if (!self->loading && self->draft != NULL)
    lc_routine_draft_set_category (self->draft, adw_combo_row_get_selected (self->category_row));
}

/* --- Cautions ------------------------------------------------------------------- */

static void
cautions_changed (LcRoutineEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) cautions = NULL;

  for (guint i = 0; i < self->caution_views->len; i++)
    g_strv_builder_take (builder, lc_text_view_get_text (g_ptr_array_index (self->caution_views, i)));
  cautions = g_strv_builder_end (builder);
  lc_routine_draft_set_cautions (self->draft, (const char * const *) cautions);
  update (self);
}

static void
remove_caution_cb (GtkButton       *button,
                   LcRoutineEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->caution_views->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (self->caution_views, i), row))
      g_ptr_array_remove_index (self->caution_views, i);
  adw_preferences_group_remove (self->cautions_group, row);
  cautions_changed (self);
}

/* The row looks focused while its text is, as an entry row does. */
static void
caution_focus_cb (GtkWidget  *view,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  if (gtk_widget_has_focus (view))
    gtk_widget_add_css_class (row, "focused");
  else
    gtk_widget_remove_css_class (row, "focused");
}

/* A click on the row's title goes to its text. */
static void
caution_clicked_cb (GtkGestureClick *click,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkWidget       *view)
{
  gtk_widget_grab_focus (view);
}

/* A caution takes a few sentences: a text view that wraps and grows, in
 * a row styled like an entry row (see style.css), with its Remove button.
 * Returns the text view. */
static GtkWidget *
add_caution_row (LcRoutineEditor *self,
                 const char      *text)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkGesture *click = gtk_gesture_click_new ();

  /* Translators: the title of a caution's text field in the editor */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Caution"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "text-row");

  title = gtk_label_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "subtitle");
  gtk_box_append (GTK_BOX (fields), title);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_hexpand (view, TRUE);
  lc_text_view_grow_with_text (GTK_TEXT_VIEW (view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  lc_text_view_set_text (GTK_TEXT_VIEW (view), text);
  g_signal_connect (view, "notify::has-focus", G_CALLBACK (caution_focus_cb), row);
  gtk_box_append (GTK_BOX (fields), view);
  gtk_box_append (GTK_BOX (box), fields);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Caution"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_caution_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_signal_connect (click, "released", G_CALLBACK (caution_clicked_cb), view);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (cautions_changed), self);

  adw_preferences_group_add (self->cautions_group, row);
  g_ptr_array_add (self->caution_views, view);
  return view;
}

static void
add_caution_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  GtkWidget *view = add_caution_row (self, "");

  cautions_changed (self);
  gtk_widget_grab_focus (view);
}

/* --- Steps ------------------------------------------------------------------------ */

static guint
step_position (LcRoutineEditor *self,
               LcStepDraft     *step)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (lc_routine_draft_get_steps (self->draft)), step, &position);
  return position;
}

static void
focus_step (LcRoutineEditor *self,
            guint            position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, (int) position);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_step (LcRoutineEditor *self,
           guint            from,
           guint            to)
{
  guint n = g_list_model_get_n_items (lc_routine_draft_get_steps (self->draft));

  if (from >= n || to >= n || from == to)
    return;

  lc_routine_draft_move_step (self->draft, from, to);
  focus_step (self, to);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  guint n = g_list_model_get_n_items (lc_routine_draft_get_steps (self->draft));

  if (self->removed_step == NULL)
    return;

  lc_routine_draft_insert_step (self->draft, MIN (self->removed_position, n), self->removed_step);
  focus_step (self, MIN (self->removed_position, n));
  g_clear_object (&self->removed_step);
}

static void
remove_step (LcRoutineEditor *self,
             guint            position)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_clear_object (&self->removed_step);
  self->removed_step = lc_routine_draft_remove_step (self->draft, position);
  self->removed_position = position;
  if (self->removed_step == NULL)
    return;

  /* Translators: a toast after a step was removed in the editor */
  title = g_strdup_printf (_("“%s” removed"), lc_step_draft_get_fields (self->removed_step)->title);
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "editor.undo-remove");
  lc_show_toast (GTK_WIDGET (self), toast);

  focus_step (self, MIN (position, g_list_model_get_n_items (lc_routine_draft_get_steps (self->draft)) - 1));
}

static void
remove_step_clicked_cb (GtkButton       *button,
                        LcRoutineEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  remove_step (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (gtk_widget_get_ancestor (row, LC_TYPE_ROUTINE_EDITOR));
  g_autoptr(LcStepDraft) step = row_get_step (self, row);

  return gdk_content_provider_new_typed (LC_TYPE_STEP_DRAFT, step);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (gtk_widget_get_ancestor (row, LC_TYPE_ROUTINE_EDITOR));
  LcStepDraft *dropped = g_value_get_object (value);
  guint from = step_position (self, dropped);
  guint to = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (from == G_MAXUINT)
    return FALSE;

  move_step (self, from, to);
  return TRUE;
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  LcRoutineEditor *self = user_data;
  LcStepDraft *step = item;
  const LcStepFields *f = lc_step_draft_get_fields (step);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *picture;
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (LC_TYPE_STEP_DRAFT, GDK_ACTION_MOVE);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to move; or Alt+Up and Alt+Down"), -1);
  gtk_widget_set_tooltip_text (handle, _("Drag to move (Alt+Up, Alt+Down)"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);

  if (f->picture != NULL)
    {
      g_autofree char *path = g_build_filename (g_file_peek_path (lc_routine_library_get_pictures_dir (self->library)),
                                                f->picture, NULL);

      picture = lc_illustration_new_for_file (path, NULL, 64, 48);
    }
  else
    picture = lc_illustration_new (f->illustration != NULL ? f->illustration : "", NULL, 64, 48);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Step"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_step_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
steps_changed_cb (LcRoutineEditor *self)
{
  /* The rows were made again; their numbers and marks follow. */
  update (self);
}

/* The position of the step whose row has the focus */
static gboolean
focused_step (LcRoutineEditor *self,
              guint           *position)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->steps_list))
    return FALSE;

  *position = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return TRUE;
}

static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  int direction = g_variant_get_int32 (parameter);
  guint position;

  if (!focused_step (self, &position))
    return;
  if (direction < 0 && position == 0)
    return;

  move_step (self, position, direction < 0 ? position - 1 : position + 1);
}

static void
remove_focused_step_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  guint position;

  if (focused_step (self, &position))
    remove_step (self, position);
}

static void
step_done_cb (LcRoutineEditor *self,
              LcStepDraft     *step)
{
  GListModel *steps = lc_routine_draft_get_steps (self->draft);
  guint n = g_list_model_get_n_items (steps);

  if (step_position (self, step) == G_MAXUINT)
    {
      lc_routine_draft_insert_step (self->draft, n, step);
      focus_step (self, n);
    }
  else
    {
      /* The row shows the step's new picture too. */
      guint position = step_position (self, step);

      g_list_model_items_changed (steps, position, 1, 1);
      focus_step (self, position);
    }
}

static void
open_step_editor (LcRoutineEditor *self,
                  LcStepDraft     *step)
{
  LcStepEditor *dialog = lc_step_editor_new (step, lc_routine_library_get_pictures_dir (self->library),
                                             self->cue_player, lc_routine_draft_get_id (self->draft));

  g_signal_connect_object (dialog, "done", G_CALLBACK (step_done_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
step_activated_cb (LcRoutineEditor *self,
                   GtkListBoxRow   *row)
{
  g_autoptr(LcStepDraft) step = row_get_step (self, GTK_WIDGET (row));

  if (step != NULL)
    open_step_editor (self, step);
}

static void
new_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_step_editor (LC_ROUTINE_EDITOR (widget), NULL);
}

/* --- The built-in steps ------------------------------------------------------------- */

static void
builtin_step_chosen_cb (LcRoutineEditor *self,
                        LcStep          *step)
{
  g_autoptr(LcStepDraft) draft = lc_step_draft_new_from_step (step);
  guint n = g_list_model_get_n_items (lc_routine_draft_get_steps (self->draft));
  /* Translators: a toast after a built-in step was added in the editor */
  g_autofree char *title = g_strdup_printf (_("“%s” added"), lc_step_get_title (step));
  AdwToast *toast = adw_toast_new (title);

  lc_routine_draft_insert_step (self->draft, n, draft);
  adw_toast_set_use_markup (toast, FALSE);
  lc_show_toast (GTK_WIDGET (self), toast);
  focus_step (self, n);
}

static void
add_builtin_step_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  GListModel *routines = lc_routine_library_get_routines (self->library);
  LcStepPicker *picker = lc_step_picker_new (routines);

  g_signal_connect_object (picker, "step-chosen", G_CALLBACK (builtin_step_chosen_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (picker), widget);
}

/* --- Save and Cancel ------------------------------------------------------------------ */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LcRoutineEditor *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = lc_routine_library_save_finish (LC_ROUTINE_LIBRARY (source), result, &error);
  LcRoutine *routine;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LC_ROUTINE_EDITOR (user_data);
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);

  if (id == NULL)
    {
      /* Not saved: everything stays as it is, and the banner says why. */
      g_autofree char *title = g_strdup_printf (_("Not saved: %s"), error->message);

      if (self->file == NULL)
        lc_routine_draft_set_id (self->draft, "");
      g_clear_pointer (&self->saving, g_free);
      adw_banner_set_title (self->error_banner, title);
      adw_banner_set_revealed (self->error_banner, TRUE);
      return;
    }

  adw_banner_set_revealed (self->error_banner, FALSE);
  g_free (self->baseline);
  self->baseline = g_steal_pointer (&self->saving);
  /* A new routine is saved to the same file from now on */
  routine = lc_routine_library_find (self->library, id);
  if (self->file == NULL && routine != NULL)
    self->file = lc_routine_library_get_file_for_edit (self->library, routine);
  update (self);

  g_signal_emit (self, signals [SAVED], 0, id);
}

/* Save with a problem: the focus goes to the first marked field, where a
 * keyboard user fixes it and a screen reader says what is wrong. */
static void
focus_problem (LcRoutineEditor *self,
               LcDraftProblem  *problem)
{
  GtkWidget *target = NULL;

  if (problem->step >= 0)
    target = GTK_WIDGET (gtk_list_box_get_row_at_index (self->steps_list, problem->step));
  else if (g_strcmp0 (problem->field, "name") == 0)
    target = GTK_WIDGET (self->name_row);
  else if (g_strcmp0 (problem->field, "summary") == 0)
    target = GTK_WIDGET (self->summary_row);
  else if (g_strcmp0 (problem->field, "cautions") == 0 && problem->item >= 0 &&
           (guint) problem->item < self->caution_views->len)
    target = g_ptr_array_index (self->caution_views, problem->item);
  else if (g_strcmp0 (problem->field, "steps") == 0)
    target = GTK_WIDGET (gtk_list_box_get_row_at_index (self->steps_list, 0));

  if (target != NULL)
    gtk_widget_grab_focus (target);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  g_autoptr(GPtrArray) problems = lc_routine_draft_check (self->draft);

  if (self->cancellable != NULL)
    return;

  if (problems->len > 0)
    {
      self->show_problems = TRUE;
      update (self);
      focus_problem (self, g_ptr_array_index (problems, 0));
      lc_show_toast (widget, adw_toast_new (_("Fix the marked fields to save the routine")));
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "editor.save", FALSE);
  lc_routine_library_save_async (self->library, self->draft, self->file, self->cancellable, saved_cb, self);
  /* With its id, which a new routine has now */
  g_free (self->saving);
  self->saving = lc_routine_draft_to_xml (self->draft);
}

static void
leave (LcRoutineEditor *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  if (view != NULL)
    adw_navigation_view_pop (ADW_NAVIGATION_VIEW (view));
}

static void
discard_response_cb (AdwAlertDialog  *dialog,
                     GAsyncResult    *result,
                     LcRoutineEditor *self)
{
  if (g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "discard"))
    leave (self);
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (widget);
  AdwDialog *dialog;

  if (adw_navigation_page_get_can_pop (ADW_NAVIGATION_PAGE (self)))
    {
      leave (self);
      return;
    }

  dialog = adw_alert_dialog_new (_("Discard Changes?"),
                                 _("The changes to this routine have not been saved."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL,
                           (GAsyncReadyCallback) discard_response_cb, g_object_ref (self));
}

/* --- The page ---------------------------------------------------------------------------- */

static void
lc_routine_editor_dispose (GObject *object)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ROUTINE_EDITOR);
  g_clear_object (&self->library);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->draft);
  g_clear_object (&self->file);
  g_clear_object (&self->removed_step);

  G_OBJECT_CLASS (lc_routine_editor_parent_class)->dispose (object);
}

static void
lc_routine_editor_finalize (GObject *object)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (object);

  g_free (self->baseline);
  g_free (self->saving);
  g_free (self->cautions_description);
  g_ptr_array_unref (self->caution_views);

  G_OBJECT_CLASS (lc_routine_editor_parent_class)->finalize (object);
}

static void
lc_routine_editor_constructed (GObject *object)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (object);
  const char * const *cautions;
  g_autoptr(GPtrArray) problems = NULL;

  G_OBJECT_CLASS (lc_routine_editor_parent_class)->constructed (object);

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self->library));
  if (self->draft == NULL)
    self->draft = lc_routine_draft_new ();

  self->baseline = lc_routine_draft_to_xml (self->draft);
  if (self->file == NULL)
    adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), _("New Routine"));

  /* A routine that was fine shows its problems as they appear; a new,
   * empty one only once the user tries to save it. */
  problems = lc_routine_draft_check (self->draft);
  self->show_problems = problems->len == 0;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), lc_routine_draft_get_name (self->draft));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), lc_routine_draft_get_summary (self->draft));
  adw_combo_row_set_selected (self->category_row, lc_routine_draft_get_category (self->draft));
  cautions = lc_routine_draft_get_cautions (self->draft);
  for (guint i = 0; cautions[i] != NULL; i++)
    add_caution_row (self, cautions[i]);
  self->loading = FALSE;

  gtk_list_box_bind_model (self->steps_list, lc_routine_draft_get_steps (self->draft),
                           create_step_row, self, NULL);
  g_signal_connect_object (lc_routine_draft_get_steps (self->draft), "items-changed",
                           G_CALLBACK (steps_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->draft, "changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
lc_routine_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_CUE_PLAYER:
      self->cue_player = g_value_dup_object (value);
      break;

    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_routine_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LcRoutineEditor *self = LC_ROUTINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_CUE_PLAYER:
      g_value_set_object (value, self->cue_player);
      break;

    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_routine_editor_class_init (LcRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_routine_editor_constructed;
  object_class->dispose = lc_routine_editor_dispose;
  object_class->finalize = lc_routine_editor_finalize;
  object_class->get_property = lc_routine_editor_get_property;
  object_class->set_property = lc_routine_editor_set_property;

  /**
   * LcRoutineEditor:library:
   *
   * Where the routine is saved, and the routines whose steps can be added.
   */
  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, LC_TYPE_ROUTINE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LcRoutineEditor:cue-player:
   *
   * Speaks a step's cue when the step editor's Listen is pressed; may be
   * %NULL (no sound).
   */
  properties [PROP_CUE_PLAYER] =
    g_param_spec_object ("cue-player", NULL, NULL, LC_TYPE_CUE_PLAYER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LcRoutineEditor:draft:
   *
   * The routine being edited.
   */
  properties [PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, LC_TYPE_ROUTINE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LcRoutineEditor:file:
   *
   * The file the routine is saved to; %NULL for a new routine, whose id
   * and file are made from its name when it is first saved.
   */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcRoutineEditor::saved:
   * @id: the saved routine's id
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, error_banner);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, routine_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, cautions_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, steps_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineEditor, steps_list);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-caution", NULL, add_caution_action);
  gtk_widget_class_install_action (widget_class, "editor.add-builtin-step", NULL, add_builtin_step_action);
  gtk_widget_class_install_action (widget_class, "editor.new-step", NULL, new_step_action);
  gtk_widget_class_install_action (widget_class, "editor.move-step", "i", move_step_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-step", NULL, remove_focused_step_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-remove", NULL, undo_remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "editor.remove-step", NULL);
}

static void
lc_routine_editor_init (LcRoutineEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_entry_rows_name_once (GTK_WIDGET (self));

  self->caution_views = g_ptr_array_new ();
  /* What the group says, before any caution's problem */
  self->cautions_description = g_strdup (adw_preferences_group_get_description (self->cautions_group));
  for (LcCategory c = LC_CATEGORY_MASSAGE; c <= LC_CATEGORY_MIXED; c++)
    gtk_string_list_append (categories, lc_category_get_label (c));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
}

/**
 * lc_routine_editor_new:
 * @library: where the routine is saved
 * @cue_player: (nullable): speaks cues for the step editor's Listen
 * @draft: the routine to edit
 * @file: (nullable): the file to save it to
 *   (lc_routine_library_get_file_for_edit()); %NULL for a new routine,
 *   whose id and file are made from its name when it is first saved
 *
 * Returns: (transfer floating): the editor page
 */
LcRoutineEditor *
lc_routine_editor_new (LcRoutineLibrary *library,
                       LcCuePlayer      *cue_player,
                       LcRoutineDraft   *draft,
                       GFile            *file)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (library), NULL);
  g_return_val_if_fail (cue_player == NULL || LC_IS_CUE_PLAYER (cue_player), NULL);
  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (draft), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (LC_TYPE_ROUTINE_EDITOR,
                       "library", library,
                       "cue-player", cue_player,
                       "draft", draft,
                       "file", file,
                       NULL);
}

/**
 * lc_routine_editor_get_draft:
 *
 * Returns: (transfer none): the routine being edited
 */
LcRoutineDraft *
lc_routine_editor_get_draft (LcRoutineEditor *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_EDITOR (self), NULL);
  return self->draft;
}
