/* lc-session-view.c: the session player
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks how heavy the legs feel, runs the routine with LcSession — big
 * picture, big countdown, keyboard control — and at the end asks again and
 * saves the session to the diary. Only what changes is updated each second.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-cue-player.h"
#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-safety-dialog.h"
#include "lc-session-view.h"
#include "lc-widgets.h"

struct _LcSessionView
{
  AdwNavigationPage  parent_instance;

  LcSession         *session;
  LcDiary           *diary;
  LcClock           *clock;
  LcCuePlayer       *cue_player;
  gboolean           problem_shown;
  gint64             started;          /* clock time of Start */
  int                shown_step;
  int                heaviness_before;
  guint              inhibit_cookie;
  gboolean           paused_for_watch; /* What to Watch For paused it */
  AdwToggleGroup    *before_toggles;
  AdwToggleGroup    *after_toggles;

  /* Template widgets */
  GtkButton         *stop_button;
  GtkToggleButton   *mute_button;
  GtkButton         *watch_button;
  GtkStack          *stack;
  AdwBin            *before_bin;
  AdwBin            *picture_bin;
  GtkLabel          *side_label;
  GtkLabel          *title_label;
  GtkLabel          *instruction_label;
  GtkLabel          *time_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *repetition_label;
  GtkLabel          *overall_label;
  GtkLabel          *next_label;
  AdwStatusPage     *summary_status;
  AdwBin            *after_bin;
  GtkWidget         *controls;
  GtkButton         *pause_button;
};

G_DEFINE_FINAL_TYPE (LcSessionView, lc_session_view, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_MUTED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define STOP_CONFIRM_AFTER (30 * G_USEC_PER_SEC)

/* --- what is shown ----------------------------------------------------------- */

static void
update_time (LcSessionView *self)
{
  guint remaining = lc_session_get_remaining (self->session);
  guint length = lc_session_get_segment_length (self->session);
  g_autofree char *clock = lc_format_clock (remaining);
  g_autofree char *left = lc_format_duration (lc_session_get_total_remaining (self->session));
  g_autofree char *overall = NULL;
  int step = lc_session_get_step_index (self->session);

  gtk_label_set_label (self->time_label, clock);
  gtk_progress_bar_set_fraction (self->progress_bar, length > 0 ? 1.0 - (double) remaining / length : 0);

  if (step >= 0)
    /* Translators: the player's overall progress, e.g. "Step 3 of 9 · 12 min left" */
    overall = g_strdup_printf (_("Step %d of %u · %s left"), step + 1,
                               lc_routine_get_n_steps (lc_session_get_routine (self->session)), left);
  else
    overall = g_strdup_printf (_("%s in all"), left);
  gtk_label_set_label (self->overall_label, overall);
}

static void
update_repetition (LcSessionView *self)
{
  const LcSegment *segment = lc_session_get_segment (self->session);

  if (segment != NULL && segment->repetitions > 0)
    {
      /* Translators: e.g. "Rep 4 of 15" */
      g_autofree char *text = g_strdup_printf (_("Rep %u of %u"), lc_session_get_repetition (self->session),
                                               segment->repetitions);

      gtk_label_set_label (self->repetition_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->repetition_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->repetition_label), FALSE);
}

static void
segment_changed_cb (LcSessionView *self)
{
  LcRoutine *routine = lc_session_get_routine (self->session);
  const LcSegment *segment = lc_session_get_segment (self->session);
  int step_index = lc_session_get_step_index (self->session);
  LcStep *step = step_index >= 0 ? lc_routine_get_step (routine, step_index) : NULL;
  LcStep *shown = step != NULL ? step : lc_routine_get_step (routine, 0);
  const char *side = NULL;

  /* The picture is redrawn only when the step changes. */
  if (self->shown_step != MAX (step_index, 0))
    {
      g_autofree char *description = g_strdup_printf (_("Illustration of %s: %s"), lc_step_get_title (shown),
                                                      lc_step_get_instruction (shown));

      adw_bin_set_child (self->picture_bin,
                         lc_illustration_new_for_step (shown, NULL, description, 480, 360));
      self->shown_step = MAX (step_index, 0);
    }

  if (segment == NULL)
    {
      /* Translators: before the first step; %s is its title */
      g_autofree char *first = g_strdup_printf (_("First: %s"), lc_step_get_title (shown));

      gtk_label_set_label (self->title_label, _("Get Ready"));
      gtk_label_set_label (self->instruction_label, first);
    }
  else if (segment->kind == LC_SEGMENT_REST)
    {
      gtk_label_set_label (self->title_label, _("Rest"));
      gtk_label_set_label (self->instruction_label, _("Relax and breathe."));
    }
  else if (segment->kind == LC_SEGMENT_SWITCH)
    {
      gtk_label_set_label (self->title_label, _("Change Legs"));
      gtk_label_set_label (self->instruction_label, lc_step_get_instruction (step));
    }
  else
    {
      gtk_label_set_label (self->title_label, lc_step_get_title (step));
      gtk_label_set_label (self->instruction_label, lc_step_get_instruction (step));
    }

  if (segment != NULL && segment->side == LC_SIDE_LEFT)
    side = _("Left Leg");
  else if (segment != NULL && segment->side == LC_SIDE_RIGHT)
    side = _("Right Leg");
  gtk_label_set_label (self->side_label, side ? side : "");
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), side != NULL);

  {
    int next = (step_index < 0 ? 0 : step_index + 1);
    g_autofree char *text = NULL;

    if (step_index >= 0 && (guint) next < lc_routine_get_n_steps (routine))
      /* Translators: a preview of the next step; %s is its title */
      text = g_strdup_printf (_("Next: %s"), lc_step_get_title (lc_routine_get_step (routine, next)));
    else if (step_index >= 0)
      text = g_strdup (_("Last step"));
    gtk_label_set_label (self->next_label, text ? text : "");
    gtk_widget_set_visible (GTK_WIDGET (self->next_label), text != NULL);
  }

  update_repetition (self);
  update_time (self);
}

/* Keep the screen awake while a session runs, not while it is paused. */
static void
update_inhibit (LcSessionView *self,
                gboolean       running)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkApplication *app = window != NULL ? gtk_window_get_application (window) : NULL;

  if (running && self->inhibit_cookie == 0 && app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, window,
                                                    GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("A guided session is running"));
  else if (!running && self->inhibit_cookie != 0 && app != NULL)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
state_changed_cb (LcSessionView *self)
{
  LcSessionState state = lc_session_get_state (self->session);
  gboolean paused = state == LC_SESSION_PAUSED;

  gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                       : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"), -1);

  update_inhibit (self, state == LC_SESSION_RUNNING || state == LC_SESSION_GET_READY);
  update_time (self);
}

static void
finished_cb (LcSessionView *self,
             gboolean       completed)
{
  g_autofree char *description = NULL;
  g_autoptr(LcSessionRecord) record = lc_session_create_record (self->session);
  g_autofree char *duration = lc_format_duration ((guint) (record->ended_at - record->started_at));
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  update_inhibit (self, FALSE);

  adw_status_page_set_title (self->summary_status, completed ? _("Session Complete") : _("Session Stopped"));
  description = g_strdup_printf (
    /* Translators: e.g. "13 min · 9 of 12 steps done · 1 skipped" */
    _("%s · %u of %u steps done · %u skipped"), duration, record->steps_done, record->steps_total,
    record->steps_skipped);
  adw_status_page_set_description (self->summary_status, description);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_visible (self->controls, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), FALSE);

  /* Nobody looking: say so where they will see it. */
  if (window != NULL && !gtk_window_is_active (window) && gtk_window_get_application (window) != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (completed ? _("Session Complete")
                                                                             : _("Session Stopped"));

      g_notification_set_body (notification, lc_routine_get_name (lc_session_get_routine (self->session)));
      g_application_send_notification (G_APPLICATION (gtk_window_get_application (window)),
                                       "session-finished", notification);
    }
}

/* --- actions ----------------------------------------------------------------- */

static void
begin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);

  if (lc_session_get_state (self->session) != LC_SESSION_IDLE)
    return;

  self->heaviness_before = lc_score_toggles_get (self->before_toggles);
  self->started = lc_clock_get_time (self->clock);
  gtk_stack_set_visible_child_name (self->stack, "run");
  gtk_widget_set_visible (self->controls, TRUE);
  lc_session_start (self->session);
}

static void
toggle_pause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);

  if (lc_session_get_state (self->session) == LC_SESSION_PAUSED)
    lc_session_resume (self->session);
  else
    lc_session_pause (self->session);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_session_next_step (LC_SESSION_VIEW (widget)->session);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lc_session_previous_step (LC_SESSION_VIEW (widget)->session);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lc_session_restart_step (LC_SESSION_VIEW (widget)->session);
}

static void
leave (LcSessionView *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  update_inhibit (self, FALSE);
  if (view != NULL)
    adw_navigation_view_pop (ADW_NAVIGATION_VIEW (view));
}

static void
stop_response_cb (AdwAlertDialog *dialog,
                  GAsyncResult   *result,
                  LcSessionView  *self)
{
  if (g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "stop"))
    lc_session_stop (self->session);
  else if (lc_session_get_state (self->session) == LC_SESSION_PAUSED)
    lc_session_resume (self->session);

  g_object_unref (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);
  LcSessionState state = lc_session_get_state (self->session);
  AdwDialog *dialog;

  if (state == LC_SESSION_IDLE)
    {
      leave (self);
      return;
    }
  if (state == LC_SESSION_FINISHED || state == LC_SESSION_STOPPED)
    return;

  /* In the first half minute, just stop; later, ask first. */
  if (lc_clock_get_time (self->clock) - self->started < STOP_CONFIRM_AFTER)
    {
      lc_session_stop (self->session);
      return;
    }

  lc_session_pause (self->session);
  dialog = adw_alert_dialog_new (_("Stop the Session?"),
                                 _("It is saved to the diary as a partial session."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "continue", _("_Continue"),
                                  "stop", _("_Stop"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "continue");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) stop_response_cb, g_object_ref (self));
}

static void
watch_closed_cb (LcSessionView *self)
{
  if (self->paused_for_watch && lc_session_get_state (self->session) == LC_SESSION_PAUSED)
    lc_session_resume (self->session);
  self->paused_for_watch = FALSE;
}

/* When to stop, the routine's cautions and the warning signs, one tap away.
 * Reading them pauses the session, as a person reading would expect;
 * closing resumes it, unless it was paused before. */
static void
watch_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);
  LcSessionState state = lc_session_get_state (self->session);
  LcSafetyDialog *dialog;

  if (state == LC_SESSION_RUNNING || state == LC_SESSION_GET_READY)
    {
      lc_session_pause (self->session);
      self->paused_for_watch = TRUE;
    }

  dialog = lc_safety_dialog_new_for_routine (lc_session_get_routine (self->session));
  g_signal_connect_object (dialog, "closed", G_CALLBACK (watch_closed_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);
  g_autoptr(LcSessionRecord) record = lc_session_create_record (self->session);
  g_autoptr(GError) error = NULL;

  record->heaviness_before = self->heaviness_before;
  record->heaviness_after = lc_score_toggles_get (self->after_toggles);

  if (self->diary == NULL)
    {
      lc_show_toast (GTK_WIDGET (self), adw_toast_new (_("The diary can’t be opened: the session was not saved")));
      leave (self);
      return;
    }

  if (!lc_diary_add_session (self->diary, record, &error))
    {
      /* Stay, so that it can be tried again. */
      lc_show_toast (GTK_WIDGET (self), adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }

  lc_show_toast (GTK_WIDGET (self), adw_toast_new (_("Session saved to the diary")));
  leave (self);
}

/* --- set-up -------------------------------------------------------------------- */

static void
lc_session_view_dispose (GObject *object)
{
  LcSessionView *self = LC_SESSION_VIEW (object);

  if (self->cue_player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->cue_player, self);
      lc_cue_player_attach (self->cue_player, NULL);
      g_clear_object (&self->cue_player);
    }
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      lc_session_stop (self->session);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_SESSION_VIEW);
  g_clear_object (&self->session);
  g_clear_object (&self->diary);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lc_session_view_parent_class)->dispose (object);
}

static void
lc_session_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcSessionView *self = LC_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      g_value_set_boolean (value, self->cue_player != NULL && lc_cue_player_get_muted (self->cue_player));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_session_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LcSessionView *self = LC_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      if (self->cue_player != NULL)
        lc_cue_player_set_muted (self->cue_player, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_session_view_class_init (LcSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_session_view_dispose;
  object_class->get_property = lc_session_view_get_property;
  object_class->set_property = lc_session_view_set_property;

  /**
   * LcSessionView:muted:
   *
   * Whether the voice is muted: the cue player's, for the M key and the
   * header button.
   */
  properties [PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, mute_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, watch_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, before_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, picture_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, side_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, time_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, repetition_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, overall_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, summary_status);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, after_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, controls);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, pause_button);

  gtk_widget_class_install_action (widget_class, "session.begin", NULL, begin_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.watch", NULL, watch_action);
  gtk_widget_class_install_property_action (widget_class, "session.mute", "muted");
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                                          gtk_named_action_new (action)));
}

static void
lc_session_view_init (LcSessionView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_step = -1;
  self->heaviness_before = LC_SCORE_NONE;
  self->before_toggles = lc_score_toggles_new (_("Heaviness before the session"));
  adw_bin_set_child (self->before_bin, GTK_WIDGET (self->before_toggles));
  self->after_toggles = lc_score_toggles_new (_("Heaviness after the session"));
  adw_bin_set_child (self->after_bin, GTK_WIDGET (self->after_toggles));

  /* The player's keys win over the focused button (Space would press it). */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "session.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "session.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "session.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_r, "session.restart");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_m, "session.mute");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_w, "session.watch");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, "session.stop");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Without a voice there is nothing to mute. */
  gtk_widget_set_visible (GTK_WIDGET (self->mute_button), FALSE);
}

/**
 * lc_session_view_new:
 * @routine: the routine to run
 * @diary: (nullable): where the session is saved
 * @clock: (nullable): the clock; %NULL for the real one
 */
LcSessionView *
lc_session_view_new (LcRoutine *routine,
                     LcDiary   *diary,
                     LcClock   *clock)
{
  LcSessionView *self;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  self = g_object_new (LC_TYPE_SESSION_VIEW, NULL);
  self->clock = clock != NULL ? g_object_ref (clock) : lc_clock_new_real ();
  self->diary = diary != NULL ? g_object_ref (diary) : NULL;
  self->session = lc_session_new (routine, self->clock);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), lc_routine_get_name (routine));
  g_signal_connect_object (self->session, "segment-changed", G_CALLBACK (segment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "tick", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "repetition-changed", G_CALLBACK (update_repetition), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "finished", G_CALLBACK (finished_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* Once per session, and only while it runs: why nothing is heard. */
static void
show_problem (LcSessionView *self)
{
  const char *problem = lc_cue_player_get_problem (self->cue_player);
  LcSessionState state = lc_session_get_state (self->session);
  g_autofree char *text = NULL;
  GtkWidget *label;
  AdwToast *toast;

  if (problem == NULL || self->problem_shown || state == LC_SESSION_IDLE)
    return;

  self->problem_shown = TRUE;
  /* Translators: %s says why, e.g. "No sound output was found" */
  text = g_strdup_printf (_("Voice cues are unavailable: %s"), problem);
  toast = adw_toast_new (text);
  /* The reason must be read whole, also in a narrow window. */
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);
  lc_show_toast (GTK_WIDGET (self), toast);
}

static void
muted_changed_cb (LcSessionView *self)
{
  gboolean muted = lc_cue_player_get_muted (self->cue_player);

  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "audio-volume-muted-symbolic" : "audio-volume-high-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mute_button),
                               muted ? _("Unmute Voice (M)") : _("Mute Voice (M)"));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MUTED]);
}

/**
 * lc_session_view_set_cue_player:
 * @player: the voice of the session
 *
 * From now on the session's cues are heard through @player, which starts
 * rendering the first ones while the page still asks how the legs feel.
 */
void
lc_session_view_set_cue_player (LcSessionView *self,
                                LcCuePlayer   *player)
{
  g_return_if_fail (LC_IS_SESSION_VIEW (self));
  g_return_if_fail (LC_IS_CUE_PLAYER (player));
  g_return_if_fail (self->cue_player == NULL);

  self->cue_player = g_object_ref (player);
  lc_cue_player_attach (player, self->session);
  g_signal_connect_object (player, "notify::muted", G_CALLBACK (muted_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (player, "notify::problem", G_CALLBACK (show_problem), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (show_problem), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->mute_button), TRUE);
  muted_changed_cb (self);
}

LcSession *
lc_session_view_get_session (LcSessionView *self)
{
  g_return_val_if_fail (LC_IS_SESSION_VIEW (self), NULL);
  return self->session;
}
