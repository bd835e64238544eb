/* lc-routine-draft.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-routine.h"
#include "lc-routine-loader.h"

G_BEGIN_DECLS

/* A step as the editor changes it: everything the file says, nothing
 * checked yet. Exactly one of illustration and picture is set. */
typedef struct
{
  char     *id;
  char     *title;
  char     *instruction;
  char     *cue;
  char     *cue_switch;     /* nullable */
  char     *cue_halfway;    /* nullable */
  char     *illustration;   /* a built-in illustration… */
  char     *picture;        /* …or the name of the user's own picture */
  gboolean  counted;        /* repetitions × pace, else duration */
  guint     duration;
  guint     repetitions;
  guint     pace;
  gboolean  per_side;
  guint     rest;
} LcStepFields;

void   lc_step_fields_copy              (LcStepFields       *dest,
                                         const LcStepFields *src);
void   lc_step_fields_clear             (LcStepFields       *fields);
guint  lc_step_fields_get_total_seconds (const LcStepFields *fields);
GPtrArray *lc_step_fields_check         (const LcStepFields *fields);

/* What is wrong with a draft, and where: the routine (step -1) or a step,
 * and which field ("name", "summary", "cautions", "steps", "title",
 * "instruction", "cue", "cue-switch", "cue-halfway", "picture", "duration",
 * "repetitions", "pace", "rest"), and for "cautions" which one. */
typedef struct
{
  int   step;
  char *field;
  char *message;
  int   item;      /* which caution, for "cautions"; else -1 */
} LcDraftProblem;

#define LC_TYPE_DRAFT_PROBLEM (lc_draft_problem_get_type ())

GType           lc_draft_problem_get_type (void) G_GNUC_CONST;
LcDraftProblem *lc_draft_problem_copy     (const LcDraftProblem *problem);
void            lc_draft_problem_free     (LcDraftProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcDraftProblem, lc_draft_problem_free)

#define LC_TYPE_STEP_DRAFT (lc_step_draft_get_type ())

G_DECLARE_FINAL_TYPE (LcStepDraft, lc_step_draft, LC, STEP_DRAFT, GObject)

LcStepDraft        *lc_step_draft_new               (const LcStepFields *fields);
LcStepDraft        *lc_step_draft_new_from_step     (LcStep             *step);
const LcStepFields *lc_step_draft_get_fields        (LcStepDraft        *self);
void                lc_step_draft_set_fields        (LcStepDraft        *self,
                                                     const LcStepFields *fields);
guint               lc_step_draft_get_total_seconds (LcStepDraft        *self);

#define LC_TYPE_ROUTINE_DRAFT (lc_routine_draft_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineDraft, lc_routine_draft, LC, ROUTINE_DRAFT, GObject)

LcRoutineDraft     *lc_routine_draft_new              (void);
LcRoutineDraft     *lc_routine_draft_new_from_routine (LcRoutine      *routine);
const char         *lc_routine_draft_get_id           (LcRoutineDraft *self);
void                lc_routine_draft_set_id           (LcRoutineDraft *self,
                                                       const char     *id);
const char         *lc_routine_draft_get_name         (LcRoutineDraft *self);
void                lc_routine_draft_set_name         (LcRoutineDraft *self,
                                                       const char     *name);
const char         *lc_routine_draft_get_illustration (LcRoutineDraft *self);
const char         *lc_routine_draft_get_summary      (LcRoutineDraft *self);
void                lc_routine_draft_set_summary      (LcRoutineDraft *self,
                                                       const char     *summary);
LcCategory          lc_routine_draft_get_category     (LcRoutineDraft *self);
void                lc_routine_draft_set_category     (LcRoutineDraft *self,
                                                       LcCategory      category);
const char * const *lc_routine_draft_get_cautions     (LcRoutineDraft *self);
void                lc_routine_draft_set_cautions     (LcRoutineDraft     *self,
                                                       const char * const *cautions);
GListModel         *lc_routine_draft_get_steps        (LcRoutineDraft *self);
void                lc_routine_draft_insert_step      (LcRoutineDraft *self,
                                                       guint           position,
                                                       LcStepDraft    *step);
LcStepDraft        *lc_routine_draft_remove_step      (LcRoutineDraft *self,
                                                       guint           position);
void                lc_routine_draft_move_step        (LcRoutineDraft *self,
                                                       guint           from,
                                                       guint           to);
guint               lc_routine_draft_get_duration     (LcRoutineDraft *self);
GPtrArray          *lc_routine_draft_check            (LcRoutineDraft *self);
void                lc_routine_draft_append_xml       (LcRoutineDraft *self,
                                                       GString        *out,
                                                       const char     *indent);
char               *lc_routine_draft_to_xml           (LcRoutineDraft *self);
char               *lc_routine_draft_make_id          (const char      *name,
                                                       GListModel      *routines);
GFile              *lc_routine_draft_claim_file       (LcRoutineDraft  *self,
                                                       const char      *base,
                                                       GListModel      *routines,
                                                       GFile           *dir);
gboolean            lc_routine_draft_save             (LcRoutineDraft  *self,
                                                       LcRoutineLoader *loader,
                                                       GFile           *file,
                                                       GError         **error);
gboolean            lc_routine_write_checked          (LcRoutineLoader *loader,
                                                       const char      *xml,
                                                       GFile           *file,
                                                       GError         **error);

G_END_DECLS
