/* lc-break.c: when to offer a break from sitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long still sitting swells the feet and lower legs; moving them reduces it
 * (Winkel & Jørgensen 1986, Ergonomics 29:313). No trial has compared break
 * intervals for leg symptoms, so the interval is the user's, 30 to 90
 * minutes: a convention, not a dose.
 *
 * The scheduler counts sitting time: the time within the active hours
 * during which the user is at the computer. With an LcActivity that can
 * tell (GNOME's idle monitor), an idle stretch of LC_BREAK_IDLE_MINUTES is
 * a break taken: the count starts again at zero, so coming back to the desk
 * never brings a prompt at once. Without one, it counts wall-clock time
 * within the active hours. A suspend (the wall clock moves on while the
 * monotonic clock does not) or the app not running for as long is a break
 * too, and leaving the active hours ends the count.
 *
 * When the count reaches the interval, "due" is emitted, once: the prompt
 * is pending until it is answered (Later, Skip, a session) or no longer
 * needed ("withdrawn": the user walked away, the hours ended). Sitting on
 * through a pending prompt brings it again after another interval, as the
 * same prompt. Nothing is due while a session runs ("busy") or while
 * notifications are muted (Do Not Disturb): then it waits.
 *
 * Nothing polls: one LcClock timeout, for when the count will reach the
 * interval or the hours begin or end, at most an hour ahead so that a
 * changed wall clock or time zone is noticed.
 */

#include "config.h"

#include "lc-break.h"
#include "lc-reminder.h"

#define MINUTE_US G_GINT64_CONSTANT (60000000)
#define HOUR_US   (60 * MINUTE_US)

struct _LcBreakScheduler
{
  GObject       parent_instance;

  LcClock      *clock;
  GTimeZone    *tz;
  LcActivity   *activity;     /* nullable */
  LcBreakRules  rules;

  gboolean      started;
  guint         timeout_id;

  /* What the last update saw, to count the time since */
  gint64        last_real;
  gint64        last_mono;
  gboolean      idle;         /* the activity's idle, as of the last update */
  gboolean      available;    /* the activity's available, likewise */

  gint64        sitting;      /* µs counted */
  gint64        due_sitting;  /* the count at which the prompt is due */
  gboolean      snoozed;      /* due_sitting is a Later's, not the interval */
  gboolean      pending;      /* a prompt is out, unanswered */
  gboolean      busy;
  gboolean      muted;
};

G_DEFINE_FINAL_TYPE (LcBreakScheduler, lc_break_scheduler, G_TYPE_OBJECT)

enum {
  DUE,
  WITHDRAWN,
  STATE_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void evaluate (LcBreakScheduler *self);

static gint64
interval_us (LcBreakScheduler *self)
{
  return (gint64) self->rules.interval_minutes * MINUTE_US;
}

static GDateTime *
date_time_from_unix (gint64     unix_us,
                     GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc_usec (unix_us);

  return utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
}

/* The active hours that hold @now_real, from @start to @end (unix µs), or
 * FALSE and when the next ones begin (@start; G_MAXINT64 if never). The
 * hours are two daily times, so the reminders' slots give them, with their
 * handling of the days the clocks change. */
static gboolean
find_hours (LcBreakScheduler *self,
            gint64            now_real,
            gint64           *start,
            gint64           *end)
{
  g_autoptr(LcReminder) opens = lc_reminder_new ("break-start", LC_REMINDER_DIARY, NULL,
                                                 self->rules.weekdays, self->rules.start_minute);
  g_autoptr(LcReminder) closes = lc_reminder_new ("break-end", LC_REMINDER_DIARY, NULL,
                                                  LC_WEEKDAYS_ALL, self->rules.end_minute);
  g_autoptr(GDateTime) now = date_time_from_unix (now_real, self->tz);
  g_autoptr(GDateTime) opened = NULL;
  g_autoptr(GDateTime) closing = NULL;
  g_autoptr(GDateTime) next = NULL;

  *start = G_MAXINT64;
  *end = G_MAXINT64;
  if (now == NULL)
    return FALSE;

  opened = lc_reminder_last_slot (opens, now, self->tz);
  if (opened != NULL)
    closing = lc_reminder_next_slot (closes, opened, self->tz);
  if (closing != NULL && g_date_time_compare (now, closing) < 0)
    {
      *start = g_date_time_to_unix_usec (opened);
      *end = g_date_time_to_unix_usec (closing);
      return TRUE;
    }

  next = lc_reminder_next_slot (opens, now, self->tz);
  if (next != NULL)
    *start = g_date_time_to_unix_usec (next);

  return FALSE;
}

static gboolean
uses_activity (LcBreakScheduler *self)
{
  return self->rules.only_while_active && self->available;
}

/* Whether the time since the last update counts as sitting, by the state
 * of then. */
static gboolean
counting (LcBreakScheduler *self)
{
  return self->rules.enabled && !self->busy && !(uses_activity (self) && self->idle);
}

static void
emit_state_changed (LcBreakScheduler *self)
{
  g_signal_emit (self, signals [STATE_CHANGED], 0);
}

/* A break was taken (or the hours ended): count from zero, and the prompt
 * is not needed any more. */
static void
restart_count (LcBreakScheduler *self,
               const char       *why)
{
  gboolean was_pending = self->pending;

  g_debug ("Sitting count restarts: %s", why);

  self->sitting = 0;
  self->due_sitting = interval_us (self);
  self->snoozed = FALSE;
  self->pending = FALSE;

  if (was_pending)
    g_signal_emit (self, signals [WITHDRAWN], 0);
  emit_state_changed (self);
}

/* Brings the count up to now. */
static void
update (LcBreakScheduler *self)
{
  gint64 now_real = lc_clock_get_real_time (self->clock);
  gint64 now_mono = lc_clock_get_time (self->clock);
  gint64 d_real = now_real - self->last_real;
  gint64 d_mono = now_mono - self->last_mono;
  gint64 start;
  gint64 end;

  self->last_real = now_real;
  self->last_mono = now_mono;

  if (!self->rules.enabled)
    return;

  /* Nothing counts outside the active hours. (Counting first and then
   * restarting made each update a restart, and a state-changed handler
   * that asks for the state, as the notifier does, asked again and again.) */
  if (!find_hours (self, now_real, &start, &end))
    {
      if (self->sitting > 0 || self->pending || self->snoozed)
        restart_count (self, "outside the active hours");
      return;
    }

  /* The wall clock went back, or on by a break's length more than the
   * monotonic one: the computer slept, or the app did not run. */
  if (d_real < 0 || d_real - d_mono >= LC_BREAK_IDLE_MINUTES * MINUTE_US)
    {
      if (self->sitting > 0 || self->pending || self->snoozed)
        restart_count (self, d_real < 0 ? "the clock went back" : "suspended or not running");
    }
  else if (counting (self))
    self->sitting += MAX (d_mono, 0);

  /* Only the time since the hours began */
  self->sitting = MIN (self->sitting, now_real - start);
}

static gboolean
timeout_cb (gpointer user_data)
{
  LcBreakScheduler *self = LC_BREAK_SCHEDULER (user_data);

  self->timeout_id = 0;
  evaluate (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (LcBreakScheduler *self,
          gboolean          in_hours,
          gint64            start,
          gint64            end)
{
  gint64 now_real = self->last_real;
  gint64 delay = HOUR_US;

  if (self->timeout_id != 0)
    lc_clock_remove_timeout (self->clock, self->timeout_id);
  self->timeout_id = 0;

  if (!self->started || !self->rules.enabled)
    return;

  if (in_hours)
    {
      delay = MIN (delay, end - now_real);
      if (counting (self) && self->sitting < self->due_sitting)
        delay = MIN (delay, self->due_sitting - self->sitting);
    }
  else if (start != G_MAXINT64)
    delay = MIN (delay, start - now_real);

  self->timeout_id = lc_clock_add_timeout (self->clock, MAX (delay, 1000), timeout_cb, self);
}

static void
evaluate (LcBreakScheduler *self)
{
  gboolean in_hours;
  gint64 start;
  gint64 end;

  if (!self->started)
    return;

  update (self);
  in_hours = find_hours (self, self->last_real, &start, &end);

  if (self->rules.enabled && in_hours && counting (self) && !self->muted &&
      self->sitting >= self->due_sitting)
    {
      g_debug ("A sitting break is due after %" G_GINT64_FORMAT " s", self->sitting / G_USEC_PER_SEC);

      /* Sitting on through it brings the same prompt again, an interval on. */
      self->pending = TRUE;
      self->sitting = 0;
      self->due_sitting = interval_us (self);
      self->snoozed = FALSE;
      g_signal_emit (self, signals [DUE], 0);
      emit_state_changed (self);
    }

  schedule (self, in_hours, start, end);
}

static void
activity_changed_cb (LcBreakScheduler *self,
                     GParamSpec       *pspec,
                     LcActivity       *activity)
{
  gboolean idle = lc_activity_get_idle (activity);
  gboolean available = lc_activity_get_available (activity);
  gboolean went_idle = idle && !self->idle;

  if (idle == self->idle && available == self->available)
    return;

  /* The time until now counts by the activity of before. */
  if (self->started)
    update (self);
  self->idle = idle;
  self->available = available;

  if (went_idle && self->rules.only_while_active && self->rules.enabled &&
      (self->sitting > 0 || self->pending || self->snoozed))
    restart_count (self, "idle");

  evaluate (self);
}

static void
lc_break_scheduler_dispose (GObject *object)
{
  LcBreakScheduler *self = LC_BREAK_SCHEDULER (object);

  lc_break_scheduler_stop (self);
  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);
  g_clear_object (&self->activity);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lc_break_scheduler_parent_class)->dispose (object);
}

static void
lc_break_scheduler_finalize (GObject *object)
{
  LcBreakScheduler *self = LC_BREAK_SCHEDULER (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (lc_break_scheduler_parent_class)->finalize (object);
}

static void
lc_break_scheduler_class_init (LcBreakSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_break_scheduler_dispose;
  object_class->finalize = lc_break_scheduler_finalize;

  /**
   * LcBreakScheduler::due:
   *
   * Time for a break: prompt the user. Until the prompt is answered or
   * withdrawn, it is pending; if the user sits on for another interval,
   * this comes again, for the same prompt.
   */
  signals [DUE] =
    g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LcBreakScheduler::withdrawn:
   *
   * The pending prompt is not needed any more: the user took a break
   * (walked away, did a session) or the active hours ended.
   */
  signals [WITHDRAWN] =
    g_signal_new ("withdrawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LcBreakScheduler::state-changed:
   *
   * What lc_break_scheduler_get_state() returns has changed in a way worth
   * keeping: a prompt, an answer, a break, a restart of the count.
   */
  signals [STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lc_break_scheduler_init (LcBreakScheduler *self)
{
  self->rules.enabled = FALSE;
  self->rules.interval_minutes = LC_BREAK_INTERVAL_DEFAULT_MINUTES;
  self->rules.start_minute = 0;
  self->rules.end_minute = 0;
  self->rules.weekdays = LC_WEEKDAYS_ALL;
  self->rules.only_while_active = TRUE;
  self->due_sitting = interval_us (self);
}

/**
 * lc_break_scheduler_new:
 * @clock: where the time comes from
 * @tz: the local time zone, for the active hours
 * @activity: (nullable): whether the user is at the computer; %NULL to
 *   count wall-clock time
 *
 * Returns: (transfer full): a scheduler, off until it is given rules that
 *   enable it and started
 */
LcBreakScheduler *
lc_break_scheduler_new (LcClock    *clock,
                        GTimeZone  *tz,
                        LcActivity *activity)
{
  LcBreakScheduler *self;

  g_return_val_if_fail (LC_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (activity == NULL || LC_IS_ACTIVITY (activity), NULL);

  self = g_object_new (LC_TYPE_BREAK_SCHEDULER, NULL);
  self->clock = g_object_ref (clock);
  self->tz = g_time_zone_ref (tz);
  self->last_real = lc_clock_get_real_time (clock);
  self->last_mono = lc_clock_get_time (clock);

  if (activity != NULL)
    {
      self->activity = g_object_ref (activity);
      lc_activity_set_idle_threshold (activity, LC_BREAK_IDLE_MINUTES * 60 * 1000);
      self->idle = lc_activity_get_idle (activity);
      self->available = lc_activity_get_available (activity);
      g_signal_connect_object (activity, "notify::idle", G_CALLBACK (activity_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (activity, "notify::available", G_CALLBACK (activity_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  return self;
}

/**
 * lc_break_scheduler_set_rules:
 * @rules: whether, how often and when; the interval is clamped to
 *   30..90 minutes, the minutes to a day
 *
 * A changed interval applies to the count under way (unless the user
 * chose Later); turning the breaks off forgets the count.
 */
void
lc_break_scheduler_set_rules (LcBreakScheduler   *self,
                              const LcBreakRules *rules)
{
  gboolean was_enabled;

  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));
  g_return_if_fail (rules != NULL);

  if (self->started)
    update (self);

  was_enabled = self->rules.enabled;
  self->rules = *rules;
  self->rules.enabled = !!rules->enabled;
  self->rules.only_while_active = !!rules->only_while_active;
  self->rules.interval_minutes = CLAMP (rules->interval_minutes, LC_BREAK_INTERVAL_MIN_MINUTES,
                                        LC_BREAK_INTERVAL_MAX_MINUTES);
  self->rules.start_minute = MIN (rules->start_minute, LC_REMINDER_MINUTES_PER_DAY - 1);
  self->rules.end_minute = MIN (rules->end_minute, LC_REMINDER_MINUTES_PER_DAY - 1);
  self->rules.weekdays = rules->weekdays & LC_WEEKDAYS_ALL;

  if (!self->snoozed)
    self->due_sitting = interval_us (self);
  if (was_enabled && !self->rules.enabled)
    restart_count (self, "turned off");
  else if (!was_enabled && self->rules.enabled && self->started)
    {
      /* Turned on: from now on */
      self->sitting = 0;
      emit_state_changed (self);
    }

  evaluate (self);
}

/**
 * lc_break_scheduler_get_rules:
 * @rules: (out caller-allocates): the rules in use, as clamped
 */
void
lc_break_scheduler_get_rules (LcBreakScheduler *self,
                              LcBreakRules     *rules)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));
  g_return_if_fail (rules != NULL);

  *rules = self->rules;
}

/**
 * lc_break_scheduler_start:
 *
 * Counts from the state it was given (lc_break_scheduler_set_state()),
 * and prompts when a break is due.
 */
void
lc_break_scheduler_start (LcBreakScheduler *self)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (self->started)
    return;

  self->started = TRUE;
  evaluate (self);
}

/**
 * lc_break_scheduler_stop:
 *
 * Counts up to now and stops; lc_break_scheduler_get_state() then tells
 * where it stopped.
 */
void
lc_break_scheduler_stop (LcBreakScheduler *self)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (!self->started)
    return;

  update (self);
  self->started = FALSE;
  if (self->timeout_id != 0)
    lc_clock_remove_timeout (self->clock, self->timeout_id);
  self->timeout_id = 0;
}

/**
 * lc_break_scheduler_set_busy:
 * @busy: whether a session is running
 *
 * While a session runs, nothing counts and nothing is due, and the
 * pending prompt is answered (the user is moving) and withdrawn. What happens after
 * is the caller's: lc_break_scheduler_break_taken() for a session done.
 */
void
lc_break_scheduler_set_busy (LcBreakScheduler *self,
                             gboolean          busy)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  if (self->started)
    update (self);
  self->busy = busy;
  /* A session started some other way than from the prompt (the window, a
   * reminder) answers it too: the notification must not stay behind. */
  if (busy && self->pending)
    {
      self->pending = FALSE;
      g_signal_emit (self, signals [WITHDRAWN], 0);
      emit_state_changed (self);
    }

  evaluate (self);
}

/**
 * lc_break_scheduler_set_muted:
 * @muted: whether notifications are muted (Do Not Disturb)
 *
 * While muted, a break that falls due waits, and comes when they are not.
 */
void
lc_break_scheduler_set_muted (LcBreakScheduler *self,
                              gboolean          muted)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  if (self->started)
    update (self);
  self->muted = muted;

  evaluate (self);
}

/**
 * lc_break_scheduler_later:
 *
 * The prompt's Later: it comes again after %LC_BREAK_LATER_MINUTES more
 * minutes of sitting. Nothing if no prompt is out (an old notification's
 * button, after a break was taken).
 */
void
lc_break_scheduler_later (LcBreakScheduler *self)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (self->started)
    update (self);
  if (!self->pending)
    return;
  self->pending = FALSE;
  self->due_sitting = self->sitting + LC_BREAK_LATER_MINUTES * MINUTE_US;
  self->snoozed = TRUE;
  emit_state_changed (self);

  evaluate (self);
}

/**
 * lc_break_scheduler_skip:
 *
 * The prompt's Skip: no break now; the next one after a full interval.
 */
void
lc_break_scheduler_skip (LcBreakScheduler *self)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (self->started)
    update (self);
  self->pending = FALSE;
  self->sitting = 0;
  self->due_sitting = interval_us (self);
  self->snoozed = FALSE;
  emit_state_changed (self);

  evaluate (self);
}

/**
 * lc_break_scheduler_break_taken:
 *
 * The user moved (a session done): count from zero.
 */
void
lc_break_scheduler_break_taken (LcBreakScheduler *self)
{
  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (self->started)
    update (self);
  restart_count (self, "a session");

  evaluate (self);
}

/**
 * lc_break_scheduler_get_sitting:
 *
 * Returns: the sitting time counted towards the next prompt, in µs
 */
gint64
lc_break_scheduler_get_sitting (LcBreakScheduler *self)
{
  g_return_val_if_fail (LC_IS_BREAK_SCHEDULER (self), 0);

  if (self->started)
    update (self);

  return self->sitting;
}

/**
 * lc_break_scheduler_get_remaining:
 *
 * Returns: how much more sitting brings the prompt, in µs
 */
gint64
lc_break_scheduler_get_remaining (LcBreakScheduler *self)
{
  g_return_val_if_fail (LC_IS_BREAK_SCHEDULER (self), 0);

  if (self->started)
    update (self);

  return MAX (self->due_sitting - self->sitting, 0);
}

/**
 * lc_break_scheduler_get_pending:
 *
 * Returns: whether a prompt is out, unanswered
 */
gboolean
lc_break_scheduler_get_pending (LcBreakScheduler *self)
{
  g_return_val_if_fail (LC_IS_BREAK_SCHEDULER (self), FALSE);

  return self->pending;
}

/**
 * lc_break_scheduler_get_uses_activity:
 *
 * Returns: whether only the time at the computer counts (the rules ask
 *   for it and the activity source can tell); otherwise wall-clock time
 *   within the active hours does
 */
gboolean
lc_break_scheduler_get_uses_activity (LcBreakScheduler *self)
{
  g_return_val_if_fail (LC_IS_BREAK_SCHEDULER (self), FALSE);

  return uses_activity (self);
}

/**
 * lc_break_scheduler_get_state:
 *
 * Returns: (transfer full): the count and the prompt, for
 *   lc_break_scheduler_set_state() after a restart; of type (xxbbx):
 *   sitting µs, the count the prompt is due at, pending, snoozed, and the
 *   wall-clock time they were true at
 */
GVariant *
lc_break_scheduler_get_state (LcBreakScheduler *self)
{
  g_return_val_if_fail (LC_IS_BREAK_SCHEDULER (self), NULL);

  if (self->started)
    update (self);

  return g_variant_ref_sink (g_variant_new ("(xxbbx)", self->sitting, self->due_sitting, self->pending,
                                            self->snoozed, self->last_real));
}

/**
 * lc_break_scheduler_set_state:
 * @state: (nullable): from lc_break_scheduler_get_state(), e.g. of a
 *   run before; %NULL or of another type for none
 *
 * Goes on from @state: a prompt that was out stays out (it is not sent
 * twice); if as long as a break has passed since, the count starts
 * again (and that prompt is withdrawn). Values out of range are clamped.
 */
void
lc_break_scheduler_set_state (LcBreakScheduler *self,
                              GVariant         *state)
{
  gint64 sitting;
  gint64 due_sitting;
  gboolean pending;
  gboolean snoozed;
  gint64 saved_real;

  g_return_if_fail (LC_IS_BREAK_SCHEDULER (self));

  if (state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE ("(xxbbx)")))
    return;

  g_variant_get (state, "(xxbbx)", &sitting, &due_sitting, &pending, &snoozed, &saved_real);

  self->sitting = CLAMP (sitting, 0, LC_BREAK_INTERVAL_MAX_MINUTES * MINUTE_US);
  self->due_sitting = CLAMP (due_sitting, 0, (LC_BREAK_INTERVAL_MAX_MINUTES + LC_BREAK_LATER_MINUTES) * MINUTE_US);
  self->snoozed = snoozed;
  self->pending = pending;
  if (!self->snoozed)
    self->due_sitting = interval_us (self);

  /* The time since counts as not monotonic: the app was not running. */
  self->last_real = saved_real;
  self->last_mono = lc_clock_get_time (self->clock);

  evaluate (self);
}
