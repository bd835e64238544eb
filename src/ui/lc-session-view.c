/* lc-session-view.c: the session player
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the routine with LcSession for a person lying 1-2 m away: the
 * picture, the step and a countdown a fifth of the window's height
 * (LcPlayerStage), the side as a badge, a paused state that can't be
 * missed, the keyboard for everything. During Get Ready it asks, if the
 * person likes, how heavy the legs feel; at the end it asks again and
 * the session is saved to the diary, or discarded. Only what changes is
 * updated each second, and the layout doesn't move between steps: each
 * changing text has the room of the longest it can say.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-application.h"
#include "lc-countdown.h"
#include "lc-cue-player.h"
#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-player-stage.h"
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
  gboolean           shown_mirrored;
  guint              inhibit_cookie;
  LcNotifier        *notifier;        /* told while a session runs */
  gboolean           paused_for_watch; /* What to Watch For paused it */
  gboolean           has_sides;        /* the routine has steps per leg */
  gboolean           has_repetitions;
  AdwToggleGroup    *before_toggles;
  AdwToggleGroup    *after_toggles;

  /* Template widgets */
  GtkButton         *stop_button;
  GtkButton         *fullscreen_button;
  GtkToggleButton   *mute_button;
  GtkButton         *watch_button;
  AdwBanner         *sound_banner;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  LcPlayerStage     *stage;
  GtkStack          *picture_stack;
  AdwBin            *picture_bin;
  AdwBin            *before_bin;
  GtkLabel          *side_label;
  GtkStack          *title_stack;
  GtkLabel          *title_label;
  GtkStack          *instruction_stack;
  GtkLabel          *instruction_label;
  LcCountdown       *time_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *repetition_label;
  GtkStack          *overall_stack;
  GtkLabel          *overall_label;
  GtkStack          *next_stack;
  GtkLabel          *next_label;
  GtkWidget         *paused_box;
  AdwStatusPage     *summary_status;
  AdwBin            *after_bin;
  GtkWidget         *discard_button;
  GtkWidget         *save_button;
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
announce (LcSessionView *self,
          const char    *message)
{
  lc_announce (GTK_WIDGET (self), message);
}

static char *
format_overall (LcSessionView *self,
                int            step,
                guint          n_steps,
                guint          seconds_left)
{
  g_autofree char *left = lc_format_duration (seconds_left);

  if (step >= 0)
    /* Translators: the player's overall progress, e.g. "Step 3 of 9 · 12 min left" */
    return g_strdup_printf (_("Step %d of %u · %s left"), step + 1, n_steps, left);

  return g_strdup_printf (_("%s in all"), left);
}

static void
update_time (LcSessionView *self)
{
  guint remaining = lc_session_get_remaining (self->session);
  guint length = lc_session_get_segment_length (self->session);
  g_autofree char *clock = lc_format_clock (remaining);
  g_autofree char *overall = NULL;
  int step = lc_session_get_step_index (self->session);

  /* Redrawn, not laid out again, while its size stays the same */
  lc_countdown_set_text (self->time_label, clock);
  gtk_progress_bar_set_fraction (self->progress_bar, length > 0 ? 1.0 - (double) remaining / length : 0);

  overall = format_overall (self, step, lc_routine_get_n_steps (lc_session_get_routine (self->session)),
                            lc_session_get_total_remaining (self->session));
  if (g_strcmp0 (gtk_label_get_label (self->overall_label), overall) != 0)
    gtk_label_set_label (self->overall_label, overall);
}

/* A label that is not needed now keeps its room, so nothing moves. */
static void
set_shown (GtkWidget *widget,
           gboolean   shown)
{
  gtk_widget_set_opacity (widget, shown ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
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
      set_shown (GTK_WIDGET (self->repetition_label), TRUE);
    }
  else
    set_shown (GTK_WIDGET (self->repetition_label), FALSE);
}

static const char *
side_text (LcSide side)
{
  return side == LC_SIDE_RIGHT ? _("Right Leg") : _("Left Leg");
}

/* The built-in pictures of a step per leg show the left leg; the right
 * leg's is their mirror image. A picture of the user's own is shown as
 * it is. */
static gboolean
picture_mirrored (LcStep *step,
                  LcSide  side)
{
  return side == LC_SIDE_RIGHT && lc_step_get_sides (step) == LC_SIDES_BOTH && lc_step_get_picture (step) == NULL;
}

static void
show_picture (LcSessionView *self,
              LcStep        *step,
              int            step_index,
              LcSide         side)
{
  gboolean mirrored = picture_mirrored (step, side);
  GtkWidget *illustration;
  GtkWidget *picture;

  if (self->shown_step == step_index && self->shown_mirrored == mirrored)
    return;

  if (self->shown_step != step_index)
    {
      g_autofree char *description = g_strdup_printf (_("Illustration of %s: %s"), lc_step_get_title (step),
                                                      lc_step_get_instruction (step));

      illustration = lc_illustration_new_for_step (step, NULL, description, 640, 480);
      /* The stage gives it what the text leaves: it may shrink to nothing. */
      adw_clamp_set_maximum_size (ADW_CLAMP (illustration), 4096);
      adw_clamp_set_tightening_threshold (ADW_CLAMP (illustration), 4096);
      gtk_widget_set_size_request (adw_clamp_get_child (ADW_CLAMP (illustration)), -1, -1);
      adw_bin_set_child (self->picture_bin, illustration);
      self->shown_step = step_index;
    }

  picture = adw_clamp_get_child (ADW_CLAMP (adw_bin_get_child (self->picture_bin)));
  if (mirrored)
    gtk_widget_add_css_class (picture, "mirrored");
  else
    gtk_widget_remove_css_class (picture, "mirrored");
  self->shown_mirrored = mirrored;
}

static void
segment_changed_cb (LcSessionView *self)
{
  LcRoutine *routine = lc_session_get_routine (self->session);
  const LcSegment *segment = lc_session_get_segment (self->session);
  int step_index = lc_session_get_step_index (self->session);
  LcStep *step = step_index >= 0 ? lc_routine_get_step (routine, step_index) : NULL;
  LcStep *shown = step != NULL ? step : lc_routine_get_step (routine, 0);
  LcSide side = segment != NULL ? segment->side : LC_SIDE_NONE;
  const char *title;
  g_autofree char *first = NULL;
  const char *instruction;

  show_picture (self, shown, MAX (step_index, 0), side);

  if (segment == NULL)
    {
      /* Translators: before the first step; %s is its title */
      first = g_strdup_printf (_("First: %s"), lc_step_get_title (shown));
      title = _("Get Ready");
      instruction = first;
    }
  else if (segment->kind == LC_SEGMENT_REST)
    {
      title = _("Rest");
      instruction = _("Relax and breathe.");
    }
  else if (segment->kind == LC_SEGMENT_SWITCH)
    {
      title = _("Change Legs");
      instruction = lc_step_get_instruction (step);
    }
  else
    {
      title = lc_step_get_title (step);
      instruction = lc_step_get_instruction (step);
    }
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->instruction_label, instruction);

  /* The side, as a badge; the switch already shows the leg to come. */
  if (segment != NULL && segment->kind == LC_SEGMENT_SWITCH)
    side = LC_SIDE_RIGHT;
  if (side != LC_SIDE_NONE)
    {
      g_autofree char *upper = g_utf8_strup (side_text (side), -1);

      gtk_label_set_label (self->side_label, upper);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->side_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      side_text (side), -1);
      if (side == LC_SIDE_RIGHT)
        gtk_widget_add_css_class (GTK_WIDGET (self->side_label), "right");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->side_label), "right");
    }
  set_shown (GTK_WIDGET (self->side_label), side != LC_SIDE_NONE);

  {
    int next = (step_index < 0 ? 0 : step_index + 1);
    g_autofree char *text = NULL;

    if (step_index >= 0 && (guint) next < lc_routine_get_n_steps (routine))
      /* Translators: a preview of the next step; %s is its title */
      text = g_strdup_printf (_("Next: %s"), lc_step_get_title (lc_routine_get_step (routine, next)));
    else if (step_index >= 0)
      text = g_strdup (_("Last step"));
    gtk_label_set_label (self->next_label, text ? text : "");
    set_shown (GTK_WIDGET (self->next_label), text != NULL);
  }

  /* The rating before the session, during Get Ready only; the keyboard
   * focus leaves it for Pause when it goes. */
  if (segment != NULL && lc_score_toggles_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->before_toggles), segment == NULL);
  gtk_stack_set_visible_child_name (self->picture_stack, segment == NULL ? "before" : "picture");
  /* The rating as large as the text, to be read and hit from the sofa */
  lc_player_stage_set_scale_picture (self->stage, segment == NULL);

  update_repetition (self);
  update_time (self);

  /* What the voice says, for screen readers too */
  if (segment != NULL && segment->kind == LC_SEGMENT_SWITCH)
    {
      g_autofree char *message = g_strdup_printf ("%s. %s", _("Change Legs"), side_text (LC_SIDE_RIGHT));

      announce (self, message);
    }
  else
    {
      g_autofree char *message = NULL;

      if (segment != NULL && segment->side != LC_SIDE_NONE)
        message = g_strdup_printf ("%s. %s. %s", title, side_text (segment->side), instruction);
      else
        message = g_strdup_printf ("%s. %s", title, instruction);
      announce (self, message);
    }
}

/* The sitting breaks hold back while a session runs; one with a step done
 * is a break. */
static void
tell_notifier (LcSessionView *self,
               gboolean       running,
               gboolean       moved)
{
  if (running && self->notifier == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
      LcNotifier *notifier = LC_IS_APPLICATION (app) ? lc_application_get_notifier (LC_APPLICATION (app)) : NULL;

      if (notifier == NULL)
        return;
      self->notifier = g_object_ref (notifier);
      lc_notifier_session_started (self->notifier);
    }
  else if (!running && self->notifier != NULL)
    {
      lc_notifier_session_ended (self->notifier, moved);
      g_clear_object (&self->notifier);
    }
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
  gboolean was_paused = gtk_widget_get_visible (self->paused_box);

  gtk_button_set_icon_name (self->pause_button, paused ? "media-playback-start-symbolic"
                                                       : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), paused ? _("Resume (Space)") : _("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume") : _("Pause"), -1);

  /* Paused: the step dimmed, and a large word that says so */
  gtk_widget_set_visible (self->paused_box, paused);
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->stage), "paused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->stage), "paused");
  if (paused && !was_paused)
    announce (self, _("Paused"));
  else if (!paused && was_paused && (state == LC_SESSION_RUNNING || state == LC_SESSION_GET_READY))
    announce (self, _("Resumed"));

  update_inhibit (self, state == LC_SESSION_RUNNING || state == LC_SESSION_GET_READY);
  if (state == LC_SESSION_RUNNING || state == LC_SESSION_GET_READY || state == LC_SESSION_PAUSED)
    tell_notifier (self, TRUE, FALSE);
  update_time (self);
}

static gboolean
is_fullscreen (LcSessionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) && gtk_window_is_fullscreen (GTK_WINDOW (root));
}

static void
set_fullscreen (LcSessionView *self,
                gboolean       fullscreen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root))
    return;

  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (root));
  else
    gtk_window_unfullscreen (GTK_WINDOW (root));
}

static void
fullscreen_changed_cb (LcSessionView *self)
{
  gboolean fullscreen = is_fullscreen (self);

  gtk_button_set_icon_name (self->fullscreen_button, fullscreen ? "view-restore-symbolic"
                                                                : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fullscreen_button),
                               fullscreen ? _("Leave Fullscreen (F11)") : _("Fullscreen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fullscreen_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fullscreen ? _("Leave Fullscreen") : _("Fullscreen"), -1);
}

static void
finished_cb (LcSessionView *self,
             gboolean       completed)
{
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(LcSessionRecord) record = lc_session_create_record (self->session);
  g_autofree char *duration = lc_format_duration ((guint) (record->ended_at - record->started_at));
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  const char *title = completed ? _("Session Complete") : _("Session Stopped");

  update_inhibit (self, FALSE);
  tell_notifier (self, FALSE, record->steps_done > 0);

  adw_status_page_set_title (self->summary_status, title);
  /* Stopping is no failure: a neutral sign, not a warning */
  adw_status_page_set_icon_name (self->summary_status,
                                 completed ? "object-select-symbolic" : "media-playback-stop-symbolic");
  description = g_strdup_printf (
    /* Translators: e.g. "13 min · 9 of 12 steps done · 1 skipped"; the
     * plural follows the number of steps (the third number) */
    g_dngettext (GETTEXT_PACKAGE, "%s · %u of %u step done · %u skipped", "%s · %u of %u steps done · %u skipped",
                 record->steps_total),
    duration, record->steps_done, record->steps_total, record->steps_skipped);
  adw_status_page_set_description (self->summary_status, description);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_visible (self->controls, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_button), FALSE);
  gtk_widget_set_visible (self->paused_box, FALSE);
  adw_banner_set_revealed (self->sound_banner, FALSE);

  message = g_strdup_printf ("%s. %s", title, description);
  announce (self, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->after_toggles));

  /* Nobody looking: say so where they will see it. */
  if (window != NULL && !gtk_window_is_active (window) && gtk_window_get_application (window) != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_notification_set_body (notification, lc_routine_get_name (lc_session_get_routine (self->session)));
      g_application_send_notification (G_APPLICATION (gtk_window_get_application (window)),
                                       "session-finished", notification);
    }
}

/* --- actions ----------------------------------------------------------------- */

static void
begin (LcSessionView *self)
{
  if (lc_session_get_state (self->session) != LC_SESSION_IDLE)
    return;

  self->started = lc_clock_get_time (self->clock);
  gtk_stack_set_visible_child_name (self->stack, "run");
  gtk_widget_set_visible (self->controls, TRUE);
  lc_session_start (self->session);
}

static void
begin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);

  begin (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
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
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);

  set_fullscreen (self, !is_fullscreen (self));
}

static void
leave (LcSessionView *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  update_inhibit (self, FALSE);
  tell_notifier (self, FALSE, FALSE);
  set_fullscreen (self, FALSE);
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
                                 _("Then it can be saved to the diary as a partial session, or discarded."));
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

/* A toast of the window's, seen after the player has gone */
static void
show_window_toast (LcSessionView *self,
                   AdwToast      *toast)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  lc_show_toast (parent != NULL ? parent : GTK_WIDGET (self), toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);
  g_autoptr(LcSessionRecord) record = lc_session_create_record (self->session);
  g_autoptr(GError) error = NULL;

  record->heaviness_before = lc_score_toggles_get (self->before_toggles);
  record->heaviness_after = lc_score_toggles_get (self->after_toggles);

  if (self->diary == NULL)
    {
      show_window_toast (self, adw_toast_new (_("The diary can’t be opened: the session was not saved")));
      leave (self);
      return;
    }

  if (!lc_diary_add_session (self->diary, record, &error))
    {
      /* Stay, so that it can be tried again; the toast above the buttons */
      adw_toast_overlay_add_toast (self->toast_overlay, lc_toast_new_wrapping (error->message));
      return;
    }

  show_window_toast (self, adw_toast_new (_("Session saved to the diary")));
  leave (self);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  leave (LC_SESSION_VIEW (widget));
}

static gboolean
is_running (LcSessionView *self)
{
  LcSessionState state = lc_session_get_state (self->session);

  return state == LC_SESSION_GET_READY || state == LC_SESSION_RUNNING || state == LC_SESSION_PAUSED;
}

/* The player's keys, while it plays and the focus is not in a rating,
 * whose arrows and Space they are; on the summary, Space presses the
 * focused button. */
static gboolean
session_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  const char *action = user_data;

  if (!is_running (LC_SESSION_VIEW (widget)) || lc_score_toggles_has_focus (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, action, NULL);
}

/* Esc leaves fullscreen first; then it stops. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  LcSessionView *self = LC_SESSION_VIEW (widget);

  if (is_fullscreen (self))
    {
      set_fullscreen (self, FALSE);
      return TRUE;
    }

  if (!is_running (self) && lc_session_get_state (self->session) != LC_SESSION_IDLE)
    return FALSE;

  return gtk_widget_activate_action (widget, "session.stop", NULL);
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
  tell_notifier (self, FALSE, FALSE);
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

static void lc_session_view_shown (AdwNavigationPage *page);

/* Taken off the screen (popped, the window closed): the session is over
 * for the sitting breaks, whatever happens to the page after. */
static void
lc_session_view_unroot (GtkWidget *widget)
{
  tell_notifier (LC_SESSION_VIEW (widget), FALSE, FALSE);

  GTK_WIDGET_CLASS (lc_session_view_parent_class)->unroot (widget);
}

static void
lc_session_view_class_init (LcSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->dispose = lc_session_view_dispose;
  object_class->get_property = lc_session_view_get_property;
  object_class->set_property = lc_session_view_set_property;
  page_class->shown = lc_session_view_shown;
  widget_class->unroot = lc_session_view_unroot;

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

  g_type_ensure (LC_TYPE_COUNTDOWN);
  g_type_ensure (LC_TYPE_PLAYER_STAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, mute_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, watch_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, sound_banner);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, stage);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, picture_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, before_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, side_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, title_stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, instruction_stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, time_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, repetition_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, overall_stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, overall_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, next_stack);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, paused_box);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, summary_status);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, after_bin);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, discard_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, save_button);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, controls);
  gtk_widget_class_bind_template_child (widget_class, LcSessionView, pause_button);

  gtk_widget_class_install_action (widget_class, "session.begin", NULL, begin_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "session.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "session.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "session.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "session.fullscreen", NULL, fullscreen_action);
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

/* A key the ratings share: theirs while the focus is in one */
static void
add_session_key (GtkShortcutController *controller,
                 guint                  key,
                 const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                                          gtk_callback_action_new (session_key_cb,
                                                                                   (gpointer) action, NULL)));
}

static void
mapped_cb (LcSessionView *self)
{
  /* One click starts: the player opens on Get Ready. */
  begin (self);
}

/* The focus goes to Pause once the page is in place (the view gives it to
 * the page's first button before), not while it is being pushed: a focus
 * taken then is moved by the window later, and the window holds the page
 * until it does. */
static void
lc_session_view_shown (AdwNavigationPage *page)
{
  LcSessionView *self = LC_SESSION_VIEW (page);

  if (gtk_widget_get_visible (self->controls))
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));

  if (ADW_NAVIGATION_PAGE_CLASS (lc_session_view_parent_class)->shown != NULL)
    ADW_NAVIGATION_PAGE_CLASS (lc_session_view_parent_class)->shown (page);
}

static void
root_changed_cb (LcSessionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (fullscreen_changed_cb), self,
                             G_CONNECT_SWAPPED);
  fullscreen_changed_cb (self);
}

static void
lc_session_view_init (LcSessionView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_step = -1;
  self->before_toggles = lc_score_toggles_new (_("Heaviness before the session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->before_toggles), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("0 is not at all, 10 the worst you can imagine. Keys 0 to 9 choose; 1 then 0 is 10."),
                                  -1);
  adw_bin_set_child (self->before_bin, GTK_WIDGET (self->before_toggles));
  self->after_toggles = lc_score_toggles_new (_("Heaviness after the session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->after_toggles), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("0 is not at all, 10 the worst you can imagine. Keys 0 to 9 choose; 1 then 0 is 10."),
                                  -1);
  adw_bin_set_child (self->after_bin, GTK_WIDGET (self->after_toggles));
  /* While a rating is on screen, the number keys choose. */
  lc_score_toggles_add_keys (self->before_toggles, GTK_WIDGET (self));
  lc_score_toggles_add_keys (self->after_toggles, GTK_WIDGET (self));

  /* The player's keys win over the focused button (Space would press it),
   * but not over a rating's. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "session.toggle-pause");
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "session.next");
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "session.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_r, "session.restart");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_m, "session.mute");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_w, "session.watch");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_F11, "session.fullscreen");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Without a voice there is nothing to mute. */
  gtk_widget_set_visible (GTK_WIDGET (self->mute_button), FALSE);

  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);
}

/* Each text that changes has the room of the longest it can say, so that
 * nothing moves from one step to the next: the labels in @stack beside
 * @shown are measured, never shown. */
static void
reserve_room (GtkStack  *stack,
              GtkLabel  *shown,
              GPtrArray *texts)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (shown));

  for (guint i = 0; i < texts->len; i++)
    {
      GtkWidget *label = gtk_label_new (texts->pdata[i]);

      gtk_label_set_wrap (GTK_LABEL (label), gtk_label_get_wrap (GTK_LABEL (shown)));
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), gtk_label_get_natural_wrap_mode (GTK_LABEL (shown)));
      gtk_label_set_justify (GTK_LABEL (label), gtk_label_get_justify (GTK_LABEL (shown)));
      gtk_widget_set_css_classes (label, (const char **) classes);
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_stack_add_child (stack, label);
    }
  gtk_stack_set_visible_child (stack, GTK_WIDGET (shown));
}

static void
reserve_texts (LcSessionView *self,
               LcRoutine     *routine)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) instructions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) nexts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) overall = g_ptr_array_new_with_free_func (g_free);
  guint n_steps = lc_routine_get_n_steps (routine);
  guint total = 0;

  g_ptr_array_add (titles, g_strdup (_("Get Ready")));
  g_ptr_array_add (titles, g_strdup (_("Rest")));
  g_ptr_array_add (instructions, g_strdup (_("Relax and breathe.")));
  g_ptr_array_add (nexts, g_strdup (_("Last step")));
  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_routine_get_step (routine, i);

      g_ptr_array_add (titles, g_strdup (lc_step_get_title (step)));
      g_ptr_array_add (instructions, g_strdup (lc_step_get_instruction (step)));
      if (i == 0)
        g_ptr_array_add (instructions, g_strdup_printf (_("First: %s"), lc_step_get_title (step)));
      else
        g_ptr_array_add (nexts, g_strdup_printf (_("Next: %s"), lc_step_get_title (step)));
      if (lc_step_get_sides (step) == LC_SIDES_BOTH)
        self->has_sides = TRUE;
      if (lc_step_get_repetitions (step) > 0)
        self->has_repetitions = TRUE;
      total += lc_step_get_total_seconds (step);
    }
  if (self->has_sides)
    g_ptr_array_add (titles, g_strdup (_("Change Legs")));
  /* The longest the overall progress says: the most steps, the most time */
  g_ptr_array_add (overall, format_overall (self, (int) n_steps - 1, n_steps, total + LC_SESSION_DEFAULT_GET_READY));
  g_ptr_array_add (overall, format_overall (self, -1, n_steps, total + LC_SESSION_DEFAULT_GET_READY));

  reserve_room (self->title_stack, self->title_label, titles);
  reserve_room (self->instruction_stack, self->instruction_label, instructions);
  reserve_room (self->next_stack, self->next_label, nexts);
  reserve_room (self->overall_stack, self->overall_label, overall);

  /* The side badge and the repetitions keep their room in routines that
   * have them, and take none in those that don't. */
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), self->has_sides);
  gtk_label_set_label (self->side_label, _("Left Leg"));
  set_shown (GTK_WIDGET (self->side_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->repetition_label), self->has_repetitions);
  gtk_label_set_label (self->repetition_label, "");
  set_shown (GTK_WIDGET (self->repetition_label), FALSE);
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
  reserve_texts (self, routine);
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

/* Only while it runs: why nothing is heard, as long as it lasts. */
static void
show_problem (LcSessionView *self)
{
  const char *problem = lc_cue_player_get_problem (self->cue_player);
  LcSessionState state = lc_session_get_state (self->session);
  g_autofree char *text = NULL;

  if (problem == NULL || state == LC_SESSION_IDLE || state == LC_SESSION_FINISHED ||
      state == LC_SESSION_STOPPED)
    {
      adw_banner_set_revealed (self->sound_banner, FALSE);
      return;
    }

  /* Translators: %s says why, e.g. "No sound output was found" */
  text = g_strdup_printf (_("Voice cues are unavailable: %s"), problem);
  adw_banner_set_title (self->sound_banner, text);
  adw_banner_set_revealed (self->sound_banner, TRUE);
  if (!self->problem_shown)
    announce (self, text);
  self->problem_shown = TRUE;
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
