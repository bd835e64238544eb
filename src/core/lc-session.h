/* lc-session.h: running a routine, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-clock.h"
#include "lc-entry.h"
#include "lc-routine.h"

G_BEGIN_DECLS

typedef enum
{
  LC_SESSION_IDLE,        /* not started */
  LC_SESSION_GET_READY,   /* the countdown before the first step */
  LC_SESSION_RUNNING,
  LC_SESSION_PAUSED,
  LC_SESSION_FINISHED,    /* every step done or skipped */
  LC_SESSION_STOPPED,     /* stopped before the end */
} LcSessionState;

/* What the voice should say or sound; the audio layer decides how. */
typedef enum
{
  LC_CUE_GET_READY,
  LC_CUE_STEP,            /* the step's own cue */
  LC_CUE_SWITCH,          /* change to the right leg */
  LC_CUE_HALFWAY,
  LC_CUE_REST,
  LC_CUE_REPETITION,      /* value: the repetition's number */
  LC_CUE_COUNTDOWN,       /* value: seconds left, 3, 2, 1 */
  LC_CUE_FINISHED,
} LcCueKind;

#define LC_SESSION_DEFAULT_GET_READY 5

#define LC_TYPE_SESSION (lc_session_get_type ())

G_DECLARE_FINAL_TYPE (LcSession, lc_session, LC, SESSION, GObject)

LcSession       *lc_session_new                 (LcRoutine *routine,
                                                 LcClock   *clock);
void             lc_session_set_get_ready       (LcSession *self,
                                                 guint      seconds);
LcRoutine       *lc_session_get_routine         (LcSession *self);
LcSessionState   lc_session_get_state           (LcSession *self);

void             lc_session_start               (LcSession *self);
void             lc_session_pause               (LcSession *self);
void             lc_session_resume              (LcSession *self);
void             lc_session_next_step           (LcSession *self);
void             lc_session_previous_step       (LcSession *self);
void             lc_session_restart_step        (LcSession *self);
void             lc_session_stop                (LcSession *self);

int              lc_session_get_step_index      (LcSession *self);
const LcSegment *lc_session_get_segment         (LcSession *self);
guint            lc_session_get_remaining       (LcSession *self);
guint            lc_session_get_segment_length  (LcSession *self);
guint            lc_session_get_repetition      (LcSession *self);
guint            lc_session_get_total_remaining (LcSession *self);
gboolean         lc_session_peek_cue            (LcSession   *self,
                                                 guint        offset,
                                                 LcCueKind   *kind,
                                                 const char **text,
                                                 LcStep     **step);
guint            lc_session_get_steps_done      (LcSession *self);
guint            lc_session_get_steps_skipped   (LcSession *self);
LcSessionRecord *lc_session_create_record       (LcSession *self);

G_END_DECLS
