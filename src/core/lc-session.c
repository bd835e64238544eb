/* lc-session.c: running a routine, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A state machine over the routine's segments (lc_routine_expand()): an
 * optional get-ready countdown, then each step — per side with a switch
 * between, repetitions counted at the step's pace — and its rest.
 *
 * Time comes from LcClock. The current segment's start is remembered in
 * clock time and moved forward by the length of each pause, so the elapsed
 * time is always "now - start": no drift from counting timeouts. The
 * engine wakes up only when something can change (a whole second, a
 * repetition, half-way), at most once a second, and never while paused.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-enum-types.h"
#include "lc-session.h"

#define US G_USEC_PER_SEC

struct _LcSession
{
  GObject         parent_instance;

  LcRoutine      *routine;
  LcClock        *clock;
  GArray         *segments;
  guint           get_ready;

  LcSessionState  state;
  LcSessionState  state_before_pause;
  int             index;            /* segment; -1 for the get-ready countdown */
  gint64          segment_start;    /* clock time, moved on by pauses */
  gint64          paused_at;
  guint           timeout_id;

  guint           last_remaining;
  guint           last_repetition;
  gboolean        halfway_done;

  gboolean       *step_done;
  gboolean       *step_skipped;
  gint64          started_wall;
  gint64          ended_wall;
};

G_DEFINE_FINAL_TYPE (LcSession, lc_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SEGMENT_CHANGED,
  STEP_CHANGED,
  TICK,
  REPETITION_CHANGED,
  SIDE_SWITCHED,
  HALFWAY,
  CUE,
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update (LcSession *self);

static const LcSegment *
segment_at (LcSession *self,
            int        index)
{
  if (index < 0 || (guint) index >= self->segments->len)
    return NULL;

  return &g_array_index (self->segments, LcSegment, index);
}

static gint64
segment_length_us (LcSession *self)
{
  const LcSegment *segment = segment_at (self, self->index);

  return (gint64) (segment != NULL ? segment->seconds : self->get_ready) * US;
}

static void
set_state (LcSession      *self,
           LcSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

static void
cue (LcSession  *self,
     LcCueKind   kind,
     const char *text,
     guint       value)
{
  g_signal_emit (self, signals [CUE], 0, kind, text, value);
}

static void
cancel_timeout (LcSession *self)
{
  if (self->timeout_id != 0)
    lc_clock_remove_timeout (self->clock, self->timeout_id);
  self->timeout_id = 0;
}

/* The cue that entering segment @index speaks (-1: the get-ready countdown,
 * the number of segments: the end); %FALSE if it speaks none. */
static gboolean
segment_cue (LcSession   *self,
             int          index,
             LcCueKind   *kind,
             const char **text,
             LcStep     **step_out)
{
  const LcSegment *previous = segment_at (self, index - 1);
  const LcSegment *segment = segment_at (self, index);
  LcStep *step;

  if (step_out != NULL)
    *step_out = NULL;
  if (index < 0)
    {
      *kind = LC_CUE_GET_READY;
      *text = _("Get ready.");
      return TRUE;
    }
  if (segment == NULL)
    {
      *kind = LC_CUE_FINISHED;
      *text = _("Well done. Session complete.");
      return TRUE;
    }

  step = lc_routine_get_step (self->routine, segment->step_index);
  if (step_out != NULL)
    *step_out = step;
  switch (segment->kind)
    {
    case LC_SEGMENT_WORK:
      /* The right side after a switch was announced by the switch. */
      if (segment->side == LC_SIDE_RIGHT && previous != NULL && previous->kind == LC_SEGMENT_SWITCH)
        return FALSE;
      *kind = LC_CUE_STEP;
      *text = lc_step_get_cue (step);
      return TRUE;

    case LC_SEGMENT_SWITCH:
      *kind = LC_CUE_SWITCH;
      *text = lc_step_get_cue_switch (step) ? lc_step_get_cue_switch (step) : _("Now the right leg.");
      return TRUE;

    case LC_SEGMENT_REST:
    default:
      *kind = LC_CUE_REST;
      *text = _("Rest.");
      return TRUE;
    }
}

/* Begin segment @index at clock time @start, and say so. */
static void
enter_segment (LcSession *self,
               int        index,
               gint64     start)
{
  const LcSegment *previous = segment_at (self, self->index);
  const LcSegment *segment = segment_at (self, index);
  LcCueKind kind;
  const char *text;

  self->index = index;
  self->segment_start = start;
  self->last_remaining = G_MAXUINT;
  self->last_repetition = 0;
  self->halfway_done = FALSE;

  g_signal_emit (self, signals [SEGMENT_CHANGED], 0);

  if (segment != NULL && (previous == NULL || previous->step_index != segment->step_index))
    g_signal_emit (self, signals [STEP_CHANGED], 0, (int) segment->step_index);
  if (segment != NULL && segment->kind == LC_SEGMENT_SWITCH)
    g_signal_emit (self, signals [SIDE_SWITCHED], 0);

  if (segment_cue (self, index, &kind, &text, NULL))
    cue (self, kind, text, kind == LC_CUE_REST ? segment->seconds : kind == LC_CUE_GET_READY ? self->get_ready : 0);
}

static void
finish (LcSession *self,
        gboolean   completed)
{
  cancel_timeout (self);
  self->ended_wall = g_get_real_time () / US;
  set_state (self, completed ? LC_SESSION_FINISHED : LC_SESSION_STOPPED);

  if (completed)
    {
      LcCueKind kind;
      const char *text;

      segment_cue (self, (int) self->segments->len, &kind, &text, NULL);
      cue (self, kind, text, 0);
    }
  g_signal_emit (self, signals [FINISHED], 0, completed);
}

/* A segment ran to its end: the last work of a step completes the step. */
static void
complete_segment (LcSession *self)
{
  const LcSegment *segment = segment_at (self, self->index);
  const LcSegment *next = segment_at (self, self->index + 1);

  if (segment == NULL || segment->kind != LC_SEGMENT_WORK)
    return;

  if (next == NULL || next->step_index != segment->step_index || next->kind == LC_SEGMENT_REST)
    self->step_done[segment->step_index] = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  LcSession *self = user_data;

  self->timeout_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static void
update (LcSession *self)
{
  const LcSegment *segment;
  gint64 now;
  gint64 length;
  gint64 elapsed;
  gint64 wake;
  guint remaining;

  if (self->state != LC_SESSION_RUNNING && self->state != LC_SESSION_GET_READY)
    return;

  cancel_timeout (self);
  now = lc_clock_get_time (self->clock);

  /* Pass every segment that has ended, carrying the time over exactly. */
  for (;;)
    {
      length = segment_length_us (self);
      elapsed = now - self->segment_start;
      if (elapsed < length)
        break;

      complete_segment (self);
      if ((guint) (self->index + 1) >= self->segments->len)
        {
          finish (self, TRUE);
          return;
        }

      set_state (self, LC_SESSION_RUNNING);
      enter_segment (self, self->index + 1, self->segment_start + length);
    }

  segment = segment_at (self, self->index);

  remaining = (guint) ((length - elapsed + US - 1) / US);
  if (remaining != self->last_remaining)
    {
      self->last_remaining = remaining;
      g_signal_emit (self, signals [TICK], 0, remaining);
      if (segment != NULL && segment->kind == LC_SEGMENT_WORK && remaining <= 3 && segment->seconds > 3)
        cue (self, LC_CUE_COUNTDOWN, NULL, remaining);
    }

  if (segment != NULL && segment->repetitions > 0)
    {
      guint repetition = MIN ((guint) (elapsed / ((gint64) segment->pace * US)) + 1, segment->repetitions);

      if (repetition != self->last_repetition)
        {
          self->last_repetition = repetition;
          g_signal_emit (self, signals [REPETITION_CHANGED], 0, repetition, segment->repetitions);
          cue (self, LC_CUE_REPETITION, NULL, repetition);
        }
    }

  if (segment != NULL && segment->kind == LC_SEGMENT_WORK && !self->halfway_done && 2 * elapsed >= length)
    {
      LcStep *step = lc_routine_get_step (self->routine, segment->step_index);

      self->halfway_done = TRUE;
      if (lc_step_get_cue_halfway (step) != NULL)
        {
          g_signal_emit (self, signals [HALFWAY], 0);
          cue (self, LC_CUE_HALFWAY, lc_step_get_cue_halfway (step), 0);
        }
    }

  /* Wake at the next whole second of the segment (when the countdown,
   * repetitions and the end can change), or half-way if that comes first. */
  wake = (elapsed / US + 1) * US;
  if (segment != NULL && segment->kind == LC_SEGMENT_WORK && !self->halfway_done)
    wake = MIN (wake, (length + 1) / 2);
  self->timeout_id = lc_clock_add_timeout (self->clock, self->segment_start + wake - now, timeout_cb, self);
}

/* --- controls ---------------------------------------------------------------- */

/**
 * lc_session_start:
 *
 * Starts the get-ready countdown, or the first step if there is none.
 */
void
lc_session_start (LcSession *self)
{
  gint64 now;

  g_return_if_fail (LC_IS_SESSION (self));
  g_return_if_fail (self->state == LC_SESSION_IDLE);

  now = lc_clock_get_time (self->clock);
  self->started_wall = g_get_real_time () / US;

  if (self->get_ready > 0)
    {
      set_state (self, LC_SESSION_GET_READY);
      enter_segment (self, -1, now);
    }
  else
    {
      set_state (self, LC_SESSION_RUNNING);
      enter_segment (self, 0, now);
    }

  update (self);
}

void
lc_session_pause (LcSession *self)
{
  g_return_if_fail (LC_IS_SESSION (self));

  if (self->state != LC_SESSION_RUNNING && self->state != LC_SESSION_GET_READY)
    return;

  cancel_timeout (self);
  self->paused_at = lc_clock_get_time (self->clock);
  self->state_before_pause = self->state;
  set_state (self, LC_SESSION_PAUSED);
}

void
lc_session_resume (LcSession *self)
{
  g_return_if_fail (LC_IS_SESSION (self));

  if (self->state != LC_SESSION_PAUSED)
    return;

  /* The pause does not count: the segment started that much later. */
  self->segment_start += lc_clock_get_time (self->clock) - self->paused_at;
  set_state (self, self->state_before_pause);
  update (self);
}

static gboolean
is_active (LcSession *self)
{
  return self->state == LC_SESSION_RUNNING || self->state == LC_SESSION_GET_READY ||
         self->state == LC_SESSION_PAUSED;
}

/* Go to the start of step @step, keeping a pause a pause. */
static void
go_to_step (LcSession *self,
            guint      step)
{
  gint64 now = lc_clock_get_time (self->clock);

  for (guint i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, LcSegment, i).step_index == step)
      {
        self->step_done[step] = FALSE;
        self->step_skipped[step] = FALSE;
        enter_segment (self, i, now);
        break;
      }

  if (self->state == LC_SESSION_PAUSED)
    {
      self->paused_at = now;
      self->state_before_pause = LC_SESSION_RUNNING;
      return;
    }

  set_state (self, LC_SESSION_RUNNING);
  update (self);
}

int
lc_session_get_step_index (LcSession *self)
{
  const LcSegment *segment;

  g_return_val_if_fail (LC_IS_SESSION (self), -1);

  segment = segment_at (self, self->index);
  return segment != NULL ? (int) segment->step_index : -1;
}

/**
 * lc_session_next_step:
 *
 * Skips the rest of the current step (counted as skipped unless its work
 * was done); after the last step the session is finished.
 */
void
lc_session_next_step (LcSession *self)
{
  int step;

  g_return_if_fail (LC_IS_SESSION (self));

  if (!is_active (self))
    return;

  step = lc_session_get_step_index (self);
  if (step >= 0 && !self->step_done[step])
    self->step_skipped[step] = TRUE;

  if ((guint) (step + 1) >= lc_routine_get_n_steps (self->routine))
    finish (self, TRUE);
  else
    go_to_step (self, step + 1);
}

/**
 * lc_session_previous_step:
 *
 * Goes back to the previous step; at the first step, starts it again.
 */
void
lc_session_previous_step (LcSession *self)
{
  int step;

  g_return_if_fail (LC_IS_SESSION (self));

  if (!is_active (self))
    return;

  step = lc_session_get_step_index (self);
  go_to_step (self, step > 0 ? step - 1 : 0);
}

void
lc_session_restart_step (LcSession *self)
{
  int step;

  g_return_if_fail (LC_IS_SESSION (self));

  if (!is_active (self))
    return;

  step = lc_session_get_step_index (self);
  go_to_step (self, MAX (step, 0));
}

/**
 * lc_session_stop:
 *
 * Ends the session before its end; lc_session_create_record() then
 * describes a partial session.
 */
void
lc_session_stop (LcSession *self)
{
  g_return_if_fail (LC_IS_SESSION (self));

  if (!is_active (self))
    return;

  finish (self, FALSE);
}

/* --- state ---------------------------------------------------------------- */

LcSessionState
lc_session_get_state (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), LC_SESSION_IDLE);
  return self->state;
}

LcRoutine *
lc_session_get_routine (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), NULL);
  return self->routine;
}

/**
 * lc_session_get_segment:
 *
 * Returns: (nullable): the current segment; %NULL before the first step
 *   (during the get-ready countdown)
 */
const LcSegment *
lc_session_get_segment (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), NULL);
  return segment_at (self, self->index);
}

static gint64
elapsed_us (LcSession *self)
{
  gint64 now;

  if (self->state == LC_SESSION_PAUSED)
    now = self->paused_at;
  else
    now = lc_clock_get_time (self->clock);

  return CLAMP (now - self->segment_start, 0, segment_length_us (self));
}

/**
 * lc_session_get_remaining:
 *
 * Returns: whole seconds left in the current segment (or countdown),
 *   rounded up, as a countdown shows them
 */
guint
lc_session_get_remaining (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), 0);

  if (!is_active (self))
    return 0;

  return (guint) ((segment_length_us (self) - elapsed_us (self) + US - 1) / US);
}

guint
lc_session_get_segment_length (LcSession *self)
{
  g_return_val_if_fail (LC_IS_SESSION (self), 0);
  return (guint) (segment_length_us (self) / US);
}

/**
 * lc_session_get_repetition:
 *
 * Returns: the current repetition, from 1; 0 for a timed segment
 */
guint
lc_session_get_repetition (LcSession *self)
{
  const LcSegment *segment;

  g_return_val_if_fail (LC_IS_SESSION (self), 0);

  segment = segment_at (self, self->index);
  if (segment == NULL || segment->repetitions == 0 || !is_active (self))
    return 0;

  return MIN ((guint) (elapsed_us (self) / ((gint64) segment->pace * US)) + 1, segment->repetitions);
}

/**
 * lc_session_get_total_remaining:
 *
 * Returns: seconds left in the whole session, this segment included
 */
guint
lc_session_get_total_remaining (LcSession *self)
{
  guint total;

  g_return_val_if_fail (LC_IS_SESSION (self), 0);

  if (!is_active (self))
    return 0;

  total = lc_session_get_remaining (self);
  for (guint i = (guint) (self->index + 1); i < self->segments->len; i++)
    total += g_array_index (self->segments, LcSegment, i).seconds;

  return total;
}

/**
 * lc_session_peek_cue:
 * @offset: which segment from the current one: 0 for this one, 1 for the
 *   next, and so on
 * @kind: (out): what kind of cue
 * @text: (out) (transfer none): its words
 * @step: (out) (transfer none) (optional) (nullable): the step it belongs to
 *
 * The cue that the session will emit when it enters a segment, so that the
 * sound of cues can be prepared before they are due. Past the last segment
 * is the session's end.
 *
 * Returns: %TRUE if entering that segment emits a cue
 */
gboolean
lc_session_peek_cue (LcSession   *self,
                     guint        offset,
                     LcCueKind   *kind,
                     const char **text,
                     LcStep     **step)
{
  g_return_val_if_fail (LC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (kind != NULL && text != NULL, FALSE);

  if ((gint64) self->index + offset > (gint64) self->segments->len)
    return FALSE;

  return segment_cue (self, self->index + (int) offset, kind, text, step);
}

guint
lc_session_get_steps_done (LcSession *self)
{
  guint n = 0;

  g_return_val_if_fail (LC_IS_SESSION (self), 0);

  for (guint i = 0; i < lc_routine_get_n_steps (self->routine); i++)
    n += self->step_done[i] ? 1 : 0;

  return n;
}

guint
lc_session_get_steps_skipped (LcSession *self)
{
  guint n = 0;

  g_return_val_if_fail (LC_IS_SESSION (self), 0);

  for (guint i = 0; i < lc_routine_get_n_steps (self->routine); i++)
    n += self->step_skipped[i] ? 1 : 0;

  return n;
}

/**
 * lc_session_create_record:
 *
 * Returns: (transfer full): the session for the diary, without the
 *   heaviness ratings (the player asks for those)
 */
LcSessionRecord *
lc_session_create_record (LcSession *self)
{
  LcSessionRecord *record;

  g_return_val_if_fail (LC_IS_SESSION (self), NULL);

  record = lc_session_record_new ();
  record->routine_id = g_strdup (lc_routine_get_id (self->routine));
  record->routine_name = g_strdup (lc_routine_get_name (self->routine));
  record->started_at = self->started_wall;
  record->ended_at = self->ended_wall != 0 ? self->ended_wall : g_get_real_time () / US;
  record->ended_at = MAX (record->ended_at, record->started_at);
  record->steps_total = lc_routine_get_n_steps (self->routine);
  record->steps_done = lc_session_get_steps_done (self);
  record->steps_skipped = lc_session_get_steps_skipped (self);

  return record;
}

/* --- GObject ----------------------------------------------------------------- */

static void
lc_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LcSession *self = LC_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_session_dispose (GObject *object)
{
  LcSession *self = LC_SESSION (object);

  if (self->clock != NULL)
    cancel_timeout (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lc_session_parent_class)->dispose (object);
}

static void
lc_session_finalize (GObject *object)
{
  LcSession *self = LC_SESSION (object);

  g_clear_object (&self->routine);
  g_clear_pointer (&self->segments, g_array_unref);
  g_free (self->step_done);
  g_free (self->step_skipped);

  G_OBJECT_CLASS (lc_session_parent_class)->finalize (object);
}

static void
lc_session_class_init (LcSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lc_session_get_property;
  object_class->dispose = lc_session_dispose;
  object_class->finalize = lc_session_finalize;

  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LC_TYPE_SESSION_STATE, LC_SESSION_IDLE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SEGMENT_CHANGED] =
    g_signal_new ("segment-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals [TICK] =
    g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals [REPETITION_CHANGED] =
    g_signal_new ("repetition-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals [SIDE_SWITCHED] =
    g_signal_new ("side-switched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [HALFWAY] =
    g_signal_new ("halfway", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LcSession::cue:
   * @kind: an #LcCueKind
   * @text: (nullable): what to say, translated
   * @value: a number that goes with it (a repetition, seconds left)
   */
  signals [CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, LC_TYPE_CUE_KIND, G_TYPE_STRING, G_TYPE_UINT);
  /**
   * LcSession::finished:
   * @completed: %FALSE if the session was stopped before its end
   */
  signals [FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
lc_session_init (LcSession *self)
{
  self->index = -1;
  self->get_ready = LC_SESSION_DEFAULT_GET_READY;
}

/**
 * lc_session_new:
 * @routine: the routine to run
 * @clock: where time comes from
 */
LcSession *
lc_session_new (LcRoutine *routine,
                LcClock   *clock)
{
  LcSession *self;
  guint n_steps;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (LC_IS_CLOCK (clock), NULL);

  self = g_object_new (LC_TYPE_SESSION, NULL);
  self->routine = g_object_ref (routine);
  self->clock = g_object_ref (clock);
  self->segments = lc_routine_expand (routine);
  n_steps = lc_routine_get_n_steps (routine);
  self->step_done = g_new0 (gboolean, n_steps);
  self->step_skipped = g_new0 (gboolean, n_steps);

  return self;
}

/**
 * lc_session_set_get_ready:
 * @seconds: the countdown before the first step; 0 for none
 */
void
lc_session_set_get_ready (LcSession *self,
                          guint      seconds)
{
  g_return_if_fail (LC_IS_SESSION (self));
  g_return_if_fail (self->state == LC_SESSION_IDLE);

  self->get_ready = seconds;
}
