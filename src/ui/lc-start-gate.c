/* lc-start-gate.c: what is asked before a routine starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two things stand between Start and the player, wherever Start is
 * pressed (a routine's page, the ▶ of its row in the list, Repeat Last
 * Session, a reminder's Start Now):
 *
 * - The routine's cautions, read and acknowledged once on its page. What
 *   is stored is a digest of the cautions as written in the routine's file
 *   (cautions-acknowledged, by routine id; see lc_routine_get_cautions_digest()):
 *   they are shown again when they change, not when the language does.
 *   The caller checks lc_start_gate_get_acknowledged() and shows the page.
 * - The lymph node question, before the first massage, and what follows
 *   from its answer (lc_routine_check_start() decides): the built-in
 *   massage refused after node treatment, the user's own massage confirmed
 *   as their therapist's sequence each time. lc_start_gate_check_async()
 *   asks, in alerts over @parent, and says whether the routine may start.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-start-gate.h"

static GSettings *
get_settings (void)
{
  return g_settings_new (APP_ID);
}

/**
 * lc_start_gate_get_acknowledged:
 *
 * Returns: whether the user acknowledged @routine's cautions as they are
 *   now (always, for a routine without cautions)
 */
gboolean
lc_start_gate_get_acknowledged (LcRoutine *routine)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) acknowledged = g_settings_get_value (settings, "cautions-acknowledged");

  g_return_val_if_fail (LC_IS_ROUTINE (routine), FALSE);

  return lc_routine_get_cautions_acknowledged (routine, acknowledged);
}

/**
 * lc_start_gate_get_changed:
 *
 * Returns: whether the user acknowledged other cautions of @routine
 *   before, which have changed since
 */
gboolean
lc_start_gate_get_changed (LcRoutine *routine)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) acknowledged = g_settings_get_value (settings, "cautions-acknowledged");

  g_return_val_if_fail (LC_IS_ROUTINE (routine), FALSE);

  return lc_routine_get_cautions_changed (routine, acknowledged);
}

/**
 * lc_start_gate_acknowledge:
 *
 * Stores that the user has read @routine's cautions as they are now.
 */
void
lc_start_gate_acknowledge (LcRoutine *routine)
{
  g_autoptr(GSettings) settings = get_settings ();
  g_autoptr(GVariant) acknowledged = g_settings_get_value (settings, "cautions-acknowledged");

  g_return_if_fail (LC_IS_ROUTINE (routine));

  g_settings_set_value (settings, "cautions-acknowledged",
                        lc_routine_acknowledge_cautions (routine, acknowledged));
}

/* --- the lymph node gate ---------------------------------------------------- */

static void check (GTask *task);

static LcRoutine *
task_routine (GTask *task)
{
  return g_task_get_task_data (task);
}

static GtkWidget *
task_parent (GTask *task)
{
  return g_task_get_source_object (task);
}

static gboolean
answer_is_unsure (void)
{
  g_autoptr(GSettings) settings = get_settings ();

  return g_settings_get_enum (settings, "lymph-node-treatment") == LC_LYMPH_ANSWER_UNSURE;
}

static void
lymph_response_cb (AdwAlertDialog *dialog,
                   GAsyncResult   *result,
                   gpointer        user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *response = adw_alert_dialog_choose_finish (dialog, result);

  /* The responses are the setting's nicks; anything else (Escape, Cancel)
   * leaves the question unanswered. */
  if (g_str_equal (response, "yes") || g_str_equal (response, "no") || g_str_equal (response, "unsure"))
    {
      g_autoptr(GSettings) settings = get_settings ();

      g_settings_set_string (settings, "lymph-node-treatment", response);
      check (g_steal_pointer (&task));
    }
  else
    g_task_return_boolean (task, FALSE);
}

/* A safety question: no default answer (Enter chooses nothing), answers that
 * say what they mean, Escape closes without answering. */
static void
ask_lymph_question (GTask *task)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Lymph Node Treatment"),
                                 _("Have lymph nodes in your groin or pelvis been removed, or treated "
                                   "with radiotherapy?\n\n"
                                   "The massage in Leg Care moves fluid toward the groin. After such "
                                   "treatment the fluid has to be guided another way, which your "
                                   "lymphoedema therapist can teach you."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  /* Translators: an answer to "Have lymph nodes in your groin or
                                   * pelvis been removed, or treated with radiotherapy?" Short: the
                                   * answers are buttons as wide as a phone's screen, and are cut
                                   * short at a large text size when longer */
                                  "unsure", _("Not _Sure"),
                                  /* Translators: an answer to "Have lymph nodes in your groin or
                                   * pelvis been removed, or treated with radiotherapy?" */
                                  "yes", _("_Treated"),
                                  /* Translators: an answer to "Have lymph nodes in your groin or
                                   * pelvis been removed, or treated with radiotherapy?" */
                                  "no", _("_Not Treated"),
                                  NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), NULL);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), task_parent (task), NULL,
                           (GAsyncReadyCallback) lymph_response_cb, task);
}

static void
explain_refusal (GTask *task)
{
  AdwDialog *dialog;

  if (answer_is_unsure ())
    dialog = adw_alert_dialog_new (_("Ask Your Therapist First"),
                                   _("If lymph nodes in your groin or pelvis may have been removed or "
                                     "treated with radiotherapy, ask your doctor or lymphoedema therapist "
                                     "before you massage your legs. Until then this massage does not "
                                     "start. The elevation and exercise routines are not affected.\n\n"
                                     "When you know the answer, change it in Preferences."));
  else
    dialog = adw_alert_dialog_new (_("Ask Your Therapist First"),
                                   _("After lymph node treatment in the groin or pelvis, the direction "
                                     "of the massage must come from your lymphoedema therapist, "
                                     "so this massage does not start. The elevation and exercise "
                                     "routines are not affected.\n\n"
                                     "If your answer was a mistake, change it in Preferences."));
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_OK"));
  adw_dialog_present (dialog, task_parent (task));
  g_task_return_boolean (task, FALSE);
  g_object_unref (task);
}

static void
confirm_response_cb (AdwAlertDialog *dialog,
                     GAsyncResult   *result,
                     gpointer        user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "confirm"));
}

/* A routine of the user's with massage in it, after "yes" or "not sure": it
 * may be the sequence their therapist gave them (St Margaret's Hospice,
 * "Simple lymphatic drainage"; MD Anderson Cancer Center; UHN Toronto), or
 * a copy of the built-in one, which moves fluid toward the groin. Asked
 * every time: it starts only on a clear "yes, it is". */
static void
confirm_therapist_sequence (GTask *task)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwDialog *dialog;

  g_string_append (body, _("Follow the directions your lymphoedema therapist gave you. After lymph node "
                           "treatment in the groin or pelvis, massage must guide the fluid the way your "
                           "therapist showed you, and a copy of the built-in massage moves it toward the "
                           "groin. Start this routine only if it is the sequence your therapist gave you."));
  if (answer_is_unsure ())
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("You are not sure whether your lymph nodes were treated: ask your doctor "
                               "or lymphoedema therapist before you massage your legs."));
    }

  dialog = adw_alert_dialog_new (_("Your Therapist’s Sequence?"), body->str);
  adw_alert_dialog_set_body_use_markup (ADW_ALERT_DIALOG (dialog), FALSE);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "confirm", _("_Yes, It Is"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "confirm", ADW_RESPONSE_SUGGESTED);
  /* Enter must not confirm by accident */
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), task_parent (task), NULL,
                           (GAsyncReadyCallback) confirm_response_cb, task);
}

/* Takes @task */
static void
check (GTask *task)
{
  g_autoptr(GSettings) settings = get_settings ();
  LcLymphAnswer answer = g_settings_get_enum (settings, "lymph-node-treatment");

  switch (lc_routine_check_start (task_routine (task), answer))
    {
    case LC_START_ASK_LYMPH:
      ask_lymph_question (task);
      break;

    case LC_START_REFUSED:
      explain_refusal (task);
      break;

    case LC_START_CONFIRM:
      confirm_therapist_sequence (task);
      break;

    case LC_START_OK:
    default:
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      break;
    }
}

/**
 * lc_start_gate_check_async:
 * @routine: the routine to start
 * @parent: where the questions are shown
 *
 * Asks what must be asked before @routine starts (the lymph node question,
 * and what follows from its answer); the cautions are the caller's.
 * Without a question, @callback runs from the main loop at once.
 */
void
lc_start_gate_check_async (LcRoutine           *routine,
                           GtkWidget           *parent,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LC_IS_ROUTINE (routine));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, lc_start_gate_check_async);
  g_task_set_task_data (task, g_object_ref (routine), g_object_unref);
  check (task);
}

/**
 * lc_start_gate_check_finish:
 *
 * Returns: whether the routine may start
 */
gboolean
lc_start_gate_check_finish (GtkWidget    *parent,
                            GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}
