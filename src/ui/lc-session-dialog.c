/* lc-session-dialog.c: a session from the diary, its ratings corrected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the player recorded (the routine, when, how long, how far) is shown
 * as it is; the heaviness the user rated before and after can be changed
 * or taken back. Deleting asks the page, which offers Undo.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-session-dialog.h"
#include "lc-session-row.h"
#include "lc-widgets.h"

struct _LcSessionDialog
{
  AdwDialog            parent_instance;

  LcDiary             *diary;
  LcSessionRecord     *record;

  AdwToggleGroup      *before;
  AdwToggleGroup      *after;

  /* Template widgets */
  AdwActionRow        *routine_row;
  AdwActionRow        *started_row;
  AdwActionRow        *result_row;
  AdwPreferencesGroup *before_group;
  AdwPreferencesGroup *after_group;
  GtkWidget           *before_clear;
  GtkWidget           *after_clear;
};

G_DEFINE_FINAL_TYPE (LcSessionDialog, lc_session_dialog, ADW_TYPE_DIALOG)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_clear_actions (LcSessionDialog *self)
{
  /* "Not Rated" is offered only where there is a rating to take back */
  gtk_widget_set_visible (self->before_clear, lc_score_toggles_get (self->before) != LC_SCORE_NONE);
  gtk_widget_set_visible (self->after_clear, lc_score_toggles_get (self->after) != LC_SCORE_NONE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcSessionDialog *self = LC_SESSION_DIALOG (widget);
  g_autoptr(LcSessionRecord) changed = lc_session_record_copy (self->record);
  g_autoptr(GError) error = NULL;

  changed->heaviness_before = lc_score_toggles_get (self->before);
  changed->heaviness_after = lc_score_toggles_get (self->after);

  if (changed->heaviness_before == self->record->heaviness_before &&
      changed->heaviness_after == self->record->heaviness_after)
    {
      adw_dialog_close (ADW_DIALOG (self));
      return;
    }

  if (!lc_diary_update_session_ratings (self->diary, changed, &error))
    {
      lc_show_error (GTK_WIDGET (self), _("Ratings Not Saved"), error->message);
      return;
    }

  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LcSessionDialog *self = LC_SESSION_DIALOG (widget);
  gboolean before = g_str_equal (g_variant_get_string (parameter, NULL), "before");

  lc_score_toggles_set (before ? self->before : self->after, LC_SCORE_NONE);
  update_clear_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (before ? self->before : self->after));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcSessionDialog *self = LC_SESSION_DIALOG (widget);
  g_autoptr(LcSessionRecord) record = lc_session_record_copy (self->record);

  /* Closing may finalize the dialog: tell the page first */
  g_signal_emit (self, signals [DELETE_REQUESTED], 0, record);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
lc_session_dialog_dispose (GObject *object)
{
  LcSessionDialog *self = LC_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_SESSION_DIALOG);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->record, lc_session_record_free);

  G_OBJECT_CLASS (lc_session_dialog_parent_class)->dispose (object);
}

static void
lc_session_dialog_class_init (LcSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_session_dialog_dispose;

  /**
   * LcSessionDialog::delete-requested:
   * @record: the session to delete, as stored
   */
  signals [DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_SESSION_RECORD | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, routine_row);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, before_group);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, after_group);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, before_clear);
  gtk_widget_class_bind_template_child (widget_class, LcSessionDialog, after_clear);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "session.clear", "s", clear_action);
  gtk_widget_class_install_action (widget_class, "session.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
}

static void
lc_session_dialog_init (LcSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->before = lc_score_toggles_new (_("Heaviness before the session"));
  self->after = lc_score_toggles_new (_("Heaviness after the session"));
  adw_preferences_group_add (self->before_group, GTK_WIDGET (self->before));
  adw_preferences_group_add (self->before_group, self->before_clear);
  adw_preferences_group_add (self->after_group, GTK_WIDGET (self->after));
  adw_preferences_group_add (self->after_group, self->after_clear);
  g_signal_connect_object (self->before, "notify::active", G_CALLBACK (update_clear_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->after, "notify::active", G_CALLBACK (update_clear_actions), self,
                           G_CONNECT_SWAPPED);
}

/**
 * lc_session_dialog_new:
 * @diary: where the session is stored
 * @record: the session, as stored
 * @name: the routine's name as the user reads it now
 *
 * Returns: (transfer floating): the dialog
 */
LcSessionDialog *
lc_session_dialog_new (LcDiary               *diary,
                       const LcSessionRecord *record,
                       const char            *name)
{
  LcSessionDialog *self;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *started_text = NULL;
  g_autofree char *result = NULL;

  g_return_val_if_fail (LC_IS_DIARY (diary), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (LC_TYPE_SESSION_DIALOG, NULL);
  self->diary = g_object_ref (diary);
  self->record = lc_session_record_copy (record);

  started = g_date_time_new_from_unix_local (record->started_at);
  /* Translators: when a session started; see g_date_time_format() */
  started_text = g_date_time_format (started, _("%A, %-e %B %Y, %H:%M"));
  result = lc_session_describe_result (record);

  adw_action_row_set_subtitle (self->routine_row, name);
  adw_action_row_set_subtitle (self->started_row, started_text);
  adw_action_row_set_subtitle (self->result_row, result);
  lc_score_toggles_set (self->before, record->heaviness_before);
  lc_score_toggles_set (self->after, record->heaviness_after);
  update_clear_actions (self);

  return self;
}
