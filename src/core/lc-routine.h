/* lc-routine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-step.h"

G_BEGIN_DECLS

typedef enum
{
  LC_CATEGORY_MASSAGE,
  LC_CATEGORY_ELEVATION,
  LC_CATEGORY_STRETCHING,
  LC_CATEGORY_MIXED,
} LcCategory;

typedef enum
{
  LC_ROUTINE_ORIGIN_BUILTIN,
  LC_ROUTINE_ORIGIN_USER,
} LcRoutineOrigin;

/* One stretch of time in a routine run: a step (for one side), the switch
 * between the sides, or the rest after a step. */
typedef enum
{
  LC_SEGMENT_WORK,
  LC_SEGMENT_SWITCH,
  LC_SEGMENT_REST,
} LcSegmentKind;

typedef enum
{
  LC_SIDE_NONE,
  LC_SIDE_LEFT,
  LC_SIDE_RIGHT,
} LcSide;

typedef struct
{
  LcSegmentKind  kind;
  LcSide         side;
  guint          step_index;
  guint          seconds;
  guint          repetitions;   /* 0 for timed steps, switches and rests */
  guint          pace;
} LcSegment;

/* The answer to "have you had lymph nodes in the groin or pelvis removed or
 * treated with radiotherapy?" (after that, drainage goes another way, taught
 * by a specialist: St Margaret's Hospice, "Simple lymphatic drainage";
 * MD Anderson Cancer Center; UHN Toronto), as stored in the
 * lymph-node-treatment setting. */
typedef enum
{
  LC_LYMPH_ANSWER_UNKNOWN,
  LC_LYMPH_ANSWER_NO,
  LC_LYMPH_ANSWER_YES,
  LC_LYMPH_ANSWER_UNSURE,   /* treated as yes, with advice to ask */
} LcLymphAnswer;

typedef enum
{
  LC_START_OK,
  LC_START_ASK_LYMPH,     /* ask the question first */
  LC_START_REFUSED,       /* built-in massage after node treatment: not for this user */
  LC_START_CONFIRM,       /* own massage after node treatment: confirm it is the therapist's */
} LcStartCheck;

/* The built-in routine the sitting breaks offer; its sessions are counted
 * as breaks (the diary lists them a day to a row, Trends counts them) */
#define LC_ROUTINE_ID_SITTING_BREAK "sitting-break"

#define LC_TYPE_ROUTINE (lc_routine_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutine, lc_routine, LC, ROUTINE, GObject)

const char          *lc_routine_get_id            (LcRoutine *self);
const char          *lc_routine_get_name          (LcRoutine *self);
const char          *lc_routine_get_summary       (LcRoutine *self);
LcCategory           lc_routine_get_category      (LcRoutine *self);
const char * const  *lc_routine_get_cautions      (LcRoutine *self);
const char          *lc_routine_get_cautions_digest (LcRoutine *self);
gboolean             lc_routine_get_cautions_acknowledged (LcRoutine *self,
                                                           GVariant  *acknowledged);
gboolean             lc_routine_get_cautions_changed (LcRoutine *self,
                                                      GVariant  *acknowledged);
GVariant            *lc_routine_acknowledge_cautions (LcRoutine *self,
                                                      GVariant  *acknowledged);
const char * const  *lc_routine_get_missing_illustrations (LcRoutine *self);
const char          *lc_routine_get_illustration  (LcRoutine *self);
LcStep              *lc_routine_get_illustration_step (LcRoutine *self);
guint                lc_routine_get_n_steps       (LcRoutine *self);
LcStep              *lc_routine_get_step          (LcRoutine *self,
                                                   guint      index);
guint                lc_routine_get_duration      (LcRoutine *self);
LcRoutineOrigin      lc_routine_get_origin        (LcRoutine *self);
const char          *lc_routine_get_source        (LcRoutine *self);
gboolean             lc_routine_get_overrides_builtin (LcRoutine *self);
GArray              *lc_routine_expand            (LcRoutine *self);
gboolean             lc_routine_includes_massage  (LcRoutine *self);
LcStartCheck         lc_routine_check_start       (LcRoutine    *self,
                                                   LcLymphAnswer answer);

const char          *lc_category_to_string        (LcCategory category);
gboolean             lc_category_from_string      (const char *text,
                                                   LcCategory *category);
const char          *lc_category_get_label        (LcCategory category);

G_END_DECLS
