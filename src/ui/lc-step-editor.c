/* lc-step-editor.c: one step of a routine of the user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Title, instruction, picture (a built-in illustration or a picture file
 * of the user's, copied into the pictures folder), timing and what the
 * voice says. What is wrong is marked on the field as the user types;
 * Done keeps whatever was entered, so that nothing typed is lost: the
 * routine editor shows what still needs fixing.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-illustration.h"
#include "lc-illustration-choice.h"
#include "lc-format.h"
#include "lc-picture.h"
#include "lc-error.h"
#include "lc-step-editor.h"
#include "lc-widgets.h"

struct _LcStepEditor
{
  AdwDialog            parent_instance;

  LcStepDraft         *step;          /* NULL for a new step */
  GFile               *pictures_dir;
  LcCuePlayer         *player;
  char                *routine_id;    /* for the routine's recorded cues */
  GStrv                illustrations;
  char                *picture;       /* the chosen picture's name, or NULL */
  GCancellable        *cancellable;
  gboolean             loading;

  /* Template widgets */
  AdwPreferencesGroup *text_group;
  AdwEntryRow         *title_row;
  AdwPreferencesRow   *instruction_row;
  GtkTextView         *instruction_view;
  AdwPreferencesGroup *picture_group;
  AdwComboRow         *illustration_row;
  AdwActionRow        *picture_row;
  GtkButton           *remove_picture_button;
  AdwPreferencesGroup *timing_group;
  AdwComboRow         *counted_row;
  AdwActionRow        *duration_row;
  GtkSpinButton       *duration_spin;
  AdwActionRow        *repetitions_row;
  GtkSpinButton       *repetitions_spin;
  AdwActionRow        *pace_row;
  GtkSpinButton       *pace_spin;
  AdwSwitchRow        *per_side_row;
  AdwActionRow        *rest_row;
  GtkSpinButton       *rest_spin;
  AdwPreferencesGroup *voice_group;
  AdwEntryRow         *cue_row;
  AdwEntryRow         *cue_switch_row;
  AdwEntryRow         *cue_halfway_row;
  GtkWidget           *thumbnail;
};

G_DEFINE_FINAL_TYPE (LcStepEditor, lc_step_editor, ADW_TYPE_DIALOG)

enum {
  DONE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* An illustration's name for people: what it shows, translated; failing
 * that, from its file name: "calf-stretch-seated" → "Calf stretch seated" */
static char *
illustration_label (const char *name)
{
  const char *translated = lc_illustration_get_label (name);
  char *label;

  if (translated != NULL)
    return g_strdup (translated);

  label = g_strdelimit (g_strdup (name), "-", ' ');
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

/* For the combo row's expression: what it shows and searches by. */
static char *
illustration_item_label (GtkStringObject *item,
                         gpointer         user_data)
{
  return illustration_label (gtk_string_object_get_string (item));
}

static int
compare_illustrations (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  g_autofree char *label_a = illustration_label (*(const char * const *) a);
  g_autofree char *label_b = illustration_label (*(const char * const *) b);

  return g_utf8_collate (label_a, label_b);
}

static char *
empty_to_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The fields as the widgets say. */
static void
get_fields (LcStepEditor *self,
            LcStepFields *fields)
{
  guint selected = adw_combo_row_get_selected (self->illustration_row);

  fields->id = self->step != NULL ? g_strdup (lc_step_draft_get_fields (self->step)->id) : NULL;
  fields->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  fields->instruction = lc_text_view_get_text (self->instruction_view);
  fields->cue = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cue_row)));
  fields->cue_switch = empty_to_null (gtk_editable_get_text (GTK_EDITABLE (self->cue_switch_row)));
  fields->cue_halfway = empty_to_null (gtk_editable_get_text (GTK_EDITABLE (self->cue_halfway_row)));
  fields->picture = g_strdup (self->picture);
  fields->illustration = self->picture == NULL && selected < g_strv_length (self->illustrations) ?
                         g_strdup (self->illustrations[selected]) : NULL;
  fields->counted = adw_combo_row_get_selected (self->counted_row) == 1;
  fields->duration = (guint) gtk_spin_button_get_value (self->duration_spin);
  fields->repetitions = (guint) gtk_spin_button_get_value (self->repetitions_spin);
  fields->pace = (guint) gtk_spin_button_get_value (self->pace_spin);
  fields->per_side = adw_switch_row_get_active (self->per_side_row);
  fields->rest = (guint) gtk_spin_button_get_value (self->rest_spin);
}

static void
update_thumbnail (LcStepEditor *self)
{
  g_autofree char *path = NULL;
  GtkWidget *thumbnail;

  if (self->thumbnail != NULL)
    adw_action_row_remove (self->picture_row, self->thumbnail);
  self->thumbnail = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->remove_picture_button), self->picture != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->illustration_row), self->picture == NULL);
  if (self->picture == NULL)
    {
      adw_action_row_set_subtitle (self->picture_row, _("PNG, JPEG or SVG, up to 8 MiB"));
      return;
    }

  adw_action_row_set_subtitle (self->picture_row, _("Shown instead of the illustration"));
  path = g_build_filename (g_file_peek_path (self->pictures_dir), self->picture, NULL);
  thumbnail = lc_illustration_new_for_file (path, _("Your picture for this step"), 64, 48);
  gtk_widget_set_valign (thumbnail, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (self->picture_row, thumbnail);
  self->thumbnail = thumbnail;
}

static void
mark (GtkWidget  *row,
      const char *message)
{
  GtkWidget *control = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;
  GtkWidget *targets[] = { row, control };

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  /* For screen readers: the field (and its spin button) is invalid, and
   * says why */
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;
      if (message != NULL)
        {
          gtk_accessible_update_state (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          message, -1);
        }
      else
        {
          gtk_accessible_reset_state (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

/* Marks what is wrong, says it in the groups' descriptions, and shows
 * only the rows that apply. */
static void
update (LcStepEditor *self)
{
  LcStepFields fields = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) text_problems = g_string_new (NULL);
  g_autoptr(GString) timing_problems = g_string_new (NULL);
  g_autoptr(GString) voice_problems = g_string_new (NULL);
  g_autoptr(GString) picture_problems = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *timing = NULL;
  struct {
    const char *field;
    GtkWidget  *row;
    GString    *messages;
  } places[] = {
    { "title", GTK_WIDGET (self->title_row), text_problems },
    { "instruction", GTK_WIDGET (self->instruction_row), text_problems },
    { "picture", GTK_WIDGET (self->illustration_row), picture_problems },
    { "duration", GTK_WIDGET (self->duration_row), timing_problems },
    { "repetitions", GTK_WIDGET (self->repetitions_row), timing_problems },
    { "pace", GTK_WIDGET (self->pace_row), timing_problems },
    { "rest", GTK_WIDGET (self->rest_row), timing_problems },
    { "cue", GTK_WIDGET (self->cue_row), voice_problems },
    { "cue-switch", GTK_WIDGET (self->cue_switch_row), voice_problems },
    { "cue-halfway", GTK_WIDGET (self->cue_halfway_row), voice_problems },
  };

  if (self->loading)
    return;

  get_fields (self, &fields);
  problems = lc_step_fields_check (&fields);

  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), !fields.counted);
  gtk_widget_set_visible (GTK_WIDGET (self->repetitions_row), fields.counted);
  gtk_widget_set_visible (GTK_WIDGET (self->pace_row), fields.counted);
  gtk_widget_set_visible (GTK_WIDGET (self->cue_switch_row), fields.per_side);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GString) own = NULL;

      for (guint j = 0; j < problems->len; j++)
        {
          LcDraftProblem *problem = g_ptr_array_index (problems, j);

          if (!g_str_equal (problem->field, places[i].field))
            continue;

          g_string_append_printf (places[i].messages, "%s%s: %s",
                                  places[i].messages->len > 0 ? "\n" : "",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (places[i].row)),
                                  problem->message);
          if (own == NULL)
            own = g_string_new (problem->message);
          else
            g_string_append_printf (own, " %s", problem->message);
        }
      mark (places[i].row, own != NULL ? own->str : NULL);
    }

  adw_preferences_group_set_description (self->text_group, text_problems->len > 0 ? text_problems->str : NULL);
  adw_preferences_group_set_description (self->picture_group, picture_problems->len > 0 ? picture_problems->str : NULL);
  adw_preferences_group_set_description (self->voice_group, voice_problems->len > 0 ? voice_problems->str : NULL);

  /* The timing group says the step's whole time, and what is wrong. */
  total = lc_format_duration (lc_step_fields_get_total_seconds (&fields));
  /* Translators: the whole time a step takes, with both legs and the rest */
  timing = g_strdup_printf (_("Takes %s in all"), total);
  if (timing_problems->len > 0)
    g_string_prepend (timing_problems, "\n");
  g_string_prepend (timing_problems, timing);
  adw_preferences_group_set_description (self->timing_group, timing_problems->str);

  lc_step_fields_clear (&fields);
}

static void
changed_cb (LcStepEditor *self)
{
  update (self);
}

/* The row looks focused while its text is, as an entry row does. */
static void
instruction_focus_cb (LcStepEditor *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->instruction_view)))
    gtk_widget_add_css_class (GTK_WIDGET (self->instruction_row), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->instruction_row), "focused");
}

/* A click on the row's title goes to its text. */
static void
instruction_clicked_cb (LcStepEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->instruction_view));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcStepEditor *self = LC_STEP_EDITOR (widget);
  g_autoptr(LcStepDraft) created = NULL;
  LcStepFields fields = { 0 };

  get_fields (self, &fields);
  if (self->step != NULL)
    lc_step_draft_set_fields (self->step, &fields);
  else
    created = lc_step_draft_new (&fields);
  lc_step_fields_clear (&fields);

  g_signal_emit (self, signals [DONE], 0, self->step != NULL ? self->step : created);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LcStepEditor *self = LC_STEP_EDITOR (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  AdwEntryRow *row = g_str_equal (which, "switch") ? self->cue_switch_row :
                     g_str_equal (which, "halfway") ? self->cue_halfway_row : self->cue_row;
  g_autofree char *text = empty_to_null (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (self->player == NULL || text == NULL)
    return;

  if (!lc_cue_player_preview (self->player, self->routine_id,
                              self->step != NULL ? lc_step_draft_get_fields (self->step)->id : NULL,
                              which, text))
    lc_show_toast (widget, adw_toast_new (_("Spoken cues are off: turn them on in Preferences")));
  else if (lc_cue_player_get_problem (self->player) != NULL)
    lc_show_toast (widget, adw_toast_new (lc_cue_player_get_problem (self->player)));
}

static void
picture_failed (LcStepEditor *self,
                GFile        *file,
                const char   *message)
{
  g_autofree char *name = lc_file_display_name (file);
  /* Translators: the picture's file name, then why it can't be used */
  g_autofree char *body = g_strdup_printf (_("%s: %s"), name, message);

  lc_show_error (GTK_WIDGET (self), _("Picture Can’t Be Used"), body);
}

static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LcStepEditor *self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes == NULL)
    {
      picture_failed (self, file, error->message);
      return;
    }

  /* Checked before anything decodes it; then decoded once at a small
   * size, so that a picture that can't be shown is refused now. */
  if (!lc_picture_check (bytes, NULL, NULL, NULL, &error) ||
      !lc_illustration_check_bytes (bytes, &error))
    {
      picture_failed (self, file, error->message);
      return;
    }

  name = lc_picture_store (bytes, self->pictures_dir, NULL, &error);
  if (name == NULL)
    {
      picture_failed (self, file, error->message);
      return;
    }

  g_set_str (&self->picture, name);
  update_thumbnail (self);
  update (self);
}

static void
picture_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LcStepEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return;

  /* Too large is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      picture_failed (self, file, error->message);
      return;
    }
  if (g_file_info_get_size (info) > LC_PICTURE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is the file's size, e.g. "12.3 MiB" */
      g_autofree char *message = g_strdup_printf (_("The picture is %s; use one of at most 8 MiB, for example a smaller export from your photo app."), size);

      picture_failed (self, file, message);
      return;
    }

  g_file_load_bytes_async (file, self->cancellable, picture_loaded_cb, self);
}

static void
choose_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LcStepEditor *self = LC_STEP_EDITOR (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Choose a Picture"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                        picture_chosen_cb, g_object_ref (self));
}

static void
remove_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LcStepEditor *self = LC_STEP_EDITOR (widget);

  g_clear_pointer (&self->picture, g_free);
  update_thumbnail (self);
  update (self);
}

static void
load_fields (LcStepEditor       *self,
             const LcStepFields *fields)
{
  guint selected = 0;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), fields->title != NULL ? fields->title : "");
  lc_text_view_set_text (self->instruction_view, fields->instruction);
  gtk_editable_set_text (GTK_EDITABLE (self->cue_row), fields->cue != NULL ? fields->cue : "");
  gtk_editable_set_text (GTK_EDITABLE (self->cue_switch_row), fields->cue_switch != NULL ? fields->cue_switch : "");
  gtk_editable_set_text (GTK_EDITABLE (self->cue_halfway_row), fields->cue_halfway != NULL ? fields->cue_halfway : "");
  for (guint i = 0; self->illustrations[i] != NULL; i++)
    if (g_strcmp0 (self->illustrations[i], fields->illustration) == 0)
      selected = i;
  adw_combo_row_set_selected (self->illustration_row, selected);
  g_set_str (&self->picture, fields->picture);
  adw_combo_row_set_selected (self->counted_row, fields->counted ? 1 : 0);
  gtk_spin_button_set_value (self->duration_spin, fields->duration);
  gtk_spin_button_set_value (self->repetitions_spin, fields->repetitions);
  gtk_spin_button_set_value (self->pace_spin, fields->pace);
  adw_switch_row_set_active (self->per_side_row, fields->per_side);
  gtk_spin_button_set_value (self->rest_spin, fields->rest);
  self->loading = FALSE;

  update_thumbnail (self);
  update (self);
}

/* The list of illustrations: a thumbnail beside each name, and a check
 * mark on the chosen one (LcIllustrationChoice). */
static void
setup_illustration_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  gtk_list_item_set_child (item, lc_illustration_choice_new ());
}

static void
illustration_selected_cb (AdwComboRow *row,
                          GParamSpec  *pspec,
                          GtkListItem *item)
{
  LcIllustrationChoice *choice = LC_ILLUSTRATION_CHOICE (gtk_list_item_get_child (item));

  lc_illustration_choice_set_selected (choice, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item));
}

static void
bind_illustration_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *row)
{
  LcIllustrationChoice *choice = LC_ILLUSTRATION_CHOICE (gtk_list_item_get_child (item));
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *label = illustration_label (name);

  lc_illustration_choice_set_illustration (choice, name);
  lc_illustration_choice_set_label (choice, label);
  gtk_list_item_set_accessible_label (item, label);

  g_signal_connect (row, "notify::selected-item", G_CALLBACK (illustration_selected_cb), item);
  illustration_selected_cb (row, NULL, item);
}

static void
unbind_illustration_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        AdwComboRow              *row)
{
  LcIllustrationChoice *choice = LC_ILLUSTRATION_CHOICE (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (row, illustration_selected_cb, item);
  /* Its picture is let go of while the item is not shown */
  lc_illustration_choice_set_illustration (choice, NULL);
}

static void
lc_step_editor_dispose (GObject *object)
{
  LcStepEditor *self = LC_STEP_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_STEP_EDITOR);
  g_clear_object (&self->step);
  g_clear_object (&self->pictures_dir);
  g_clear_object (&self->player);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lc_step_editor_parent_class)->dispose (object);
}

static void
lc_step_editor_finalize (GObject *object)
{
  LcStepEditor *self = LC_STEP_EDITOR (object);

  g_strfreev (self->illustrations);
  g_free (self->picture);
  g_free (self->routine_id);

  G_OBJECT_CLASS (lc_step_editor_parent_class)->finalize (object);
}

static void
lc_step_editor_class_init (LcStepEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_step_editor_dispose;
  object_class->finalize = lc_step_editor_finalize;

  /**
   * LcStepEditor::done:
   * @step: the step, changed or new
   */
  signals [DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LC_TYPE_STEP_DRAFT);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-step-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, text_group);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, instruction_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, instruction_view);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, picture_group);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, illustration_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, picture_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, remove_picture_button);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, timing_group);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, counted_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, repetitions_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, repetitions_spin);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, pace_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, pace_spin);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, per_side_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, rest_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, voice_group);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, cue_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, cue_switch_row);
  gtk_widget_class_bind_template_child (widget_class, LcStepEditor, cue_halfway_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, instruction_focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, instruction_clicked_cb);

  gtk_widget_class_install_action (widget_class, "step.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "step.preview", "s", preview_action);
  gtk_widget_class_install_action (widget_class, "step.choose-picture", NULL, choose_picture_action);
  gtk_widget_class_install_action (widget_class, "step.remove-picture", NULL, remove_picture_action);
}

static void
lc_step_editor_init (LcStepEditor *self)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_entry_rows_name_once (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  lc_text_view_grow_with_text (self->instruction_view);
  /* Those a step may show, in the order of their names in the user's language */
  {
    g_auto(GStrv) all = lc_illustration_list_names ();
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; all[i] != NULL; i++)
      if (lc_illustration_is_for_steps (all[i]))
        g_strv_builder_add (builder, all[i]);
    self->illustrations = g_strv_builder_end (builder);
  }
  g_sort_array (self->illustrations, g_strv_length (self->illustrations), sizeof (char *),
                compare_illustrations, NULL);
  names = gtk_string_list_new ((const char * const *) self->illustrations);

  /* The row shows the name alone, searched by the name too; the list
   * shows the pictures beside the names. */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (illustration_item_label), NULL, NULL);
  adw_combo_row_set_expression (self->illustration_row, expression);
  gtk_expression_unref (expression);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_illustration_cb), NULL);
  /* The row owns the factory, so it outlives the list's items. */
  g_signal_connect (factory, "bind", G_CALLBACK (bind_illustration_cb), self->illustration_row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_illustration_cb), self->illustration_row);
  adw_combo_row_set_list_factory (self->illustration_row, factory);
  adw_combo_row_set_model (self->illustration_row, G_LIST_MODEL (names));
}

/**
 * lc_step_editor_new:
 * @step: (nullable): the step to change, or %NULL for a new step
 * @pictures_dir: where chosen pictures are copied
 * @player: (nullable): the voice, to listen to the cues
 * @routine_id: (nullable): the routine's id, whose recorded cues the
 *   voice uses when there are some
 *
 * Returns: (transfer floating): the dialog; #LcStepEditor::done tells
 *   when the user is done
 */
LcStepEditor *
lc_step_editor_new (LcStepDraft *step,
                    GFile       *pictures_dir,
                    LcCuePlayer *player,
                    const char  *routine_id)
{
  LcStepEditor *self;

  g_return_val_if_fail (step == NULL || LC_IS_STEP_DRAFT (step), NULL);
  g_return_val_if_fail (G_IS_FILE (pictures_dir), NULL);

  self = g_object_new (LC_TYPE_STEP_EDITOR, NULL);
  self->step = step != NULL ? g_object_ref (step) : NULL;
  self->pictures_dir = g_object_ref (pictures_dir);
  self->player = player != NULL ? g_object_ref (player) : NULL;
  self->routine_id = g_strdup (routine_id);

  if (step != NULL)
    {
      load_fields (self, lc_step_draft_get_fields (step));
    }
  else
    {
      LcStepFields fields = {
        .illustration = self->illustrations[0],
        .duration = 30,
        .repetitions = 10,
        .pace = 2,
      };

      adw_dialog_set_title (ADW_DIALOG (self), _("New Step"));
      load_fields (self, &fields);
    }

  return self;
}
