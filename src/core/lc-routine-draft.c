/* lc-routine-draft.c: a routine as the editor changes it, and its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor works on a draft: plain fields that may be wrong while the
 * user types. lc_routine_draft_check() says what is wrong, field by field,
 * with the limits the loader applies; lc_routine_draft_save() writes the
 * routine file only once the loader itself accepts what would be written,
 * so that a saved routine always loads.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-picture.h"
#include "lc-paths.h"
#include "lc-routine-draft.h"
#include "lc-routine-private.h"

/* --- LcStepFields ---------------------------------------------------------- */

void
lc_step_fields_copy (LcStepFields       *dest,
                     const LcStepFields *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->title = g_strdup (src->title);
  dest->instruction = g_strdup (src->instruction);
  dest->cue = g_strdup (src->cue);
  dest->cue_switch = g_strdup (src->cue_switch);
  dest->cue_halfway = g_strdup (src->cue_halfway);
  dest->illustration = g_strdup (src->illustration);
  dest->picture = g_strdup (src->picture);
}

void
lc_step_fields_clear (LcStepFields *fields)
{
  g_return_if_fail (fields != NULL);

  g_clear_pointer (&fields->id, g_free);
  g_clear_pointer (&fields->title, g_free);
  g_clear_pointer (&fields->instruction, g_free);
  g_clear_pointer (&fields->cue, g_free);
  g_clear_pointer (&fields->cue_switch, g_free);
  g_clear_pointer (&fields->cue_halfway, g_free);
  g_clear_pointer (&fields->illustration, g_free);
  g_clear_pointer (&fields->picture, g_free);
}

/**
 * lc_step_fields_get_total_seconds:
 *
 * Returns: the step's whole time, as lc_step_get_total_seconds() counts it
 */
guint
lc_step_fields_get_total_seconds (const LcStepFields *fields)
{
  guint64 work;

  g_return_val_if_fail (fields != NULL, 0);

  work = fields->counted ? (guint64) fields->repetitions * fields->pace : fields->duration;
  if (fields->per_side)
    work = 2 * work + LC_STEP_SWITCH_SECONDS;

  return (guint) MIN (work + fields->rest, G_MAXUINT);
}

/* --- LcDraftProblem --------------------------------------------------------- */

LcDraftProblem *
lc_draft_problem_copy (const LcDraftProblem *problem)
{
  LcDraftProblem *copy = g_new (LcDraftProblem, 1);

  copy->step = problem->step;
  copy->item = problem->item;
  copy->field = g_strdup (problem->field);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
lc_draft_problem_free (LcDraftProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

G_DEFINE_BOXED_TYPE (LcDraftProblem, lc_draft_problem, lc_draft_problem_copy, lc_draft_problem_free)

/* --- LcStepDraft ------------------------------------------------------------ */

struct _LcStepDraft
{
  GObject       parent_instance;

  LcStepFields  fields;
};

G_DEFINE_FINAL_TYPE (LcStepDraft, lc_step_draft, G_TYPE_OBJECT)

enum {
  STEP_CHANGED,
  N_STEP_SIGNALS
};

static guint step_signals[N_STEP_SIGNALS];

static void
lc_step_draft_finalize (GObject *object)
{
  LcStepDraft *self = LC_STEP_DRAFT (object);

  lc_step_fields_clear (&self->fields);

  G_OBJECT_CLASS (lc_step_draft_parent_class)->finalize (object);
}

static void
lc_step_draft_class_init (LcStepDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_step_draft_finalize;

  /**
   * LcStepDraft::changed:
   *
   * The step's fields were replaced.
   */
  step_signals[STEP_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lc_step_draft_init (LcStepDraft *self)
{
}

/**
 * lc_step_draft_new:
 * @fields: the step's fields, copied
 *
 * Returns: (transfer full): a new step draft
 */
LcStepDraft *
lc_step_draft_new (const LcStepFields *fields)
{
  LcStepDraft *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (LC_TYPE_STEP_DRAFT, NULL);
  lc_step_fields_copy (&self->fields, fields);
  return self;
}

/**
 * lc_step_draft_new_from_step:
 * @step: a loaded step, e.g. a built-in one
 *
 * Returns: (transfer full): a draft with the step's text (as shown, that
 *   is translated), illustration and timing
 */
LcStepDraft *
lc_step_draft_new_from_step (LcStep *step)
{
  LcStepFields fields = { 0 };

  g_return_val_if_fail (LC_IS_STEP (step), NULL);

  fields.id = (char *) lc_step_get_id (step);
  fields.title = (char *) lc_step_get_title (step);
  fields.instruction = (char *) lc_step_get_instruction (step);
  fields.cue = (char *) lc_step_get_cue (step);
  fields.cue_switch = (char *) lc_step_get_cue_switch (step);
  fields.cue_halfway = (char *) lc_step_get_cue_halfway (step);
  fields.illustration = (char *) lc_step_get_illustration (step);
  fields.picture = (char *) lc_step_get_picture (step);
  fields.counted = lc_step_get_repetitions (step) > 0;
  fields.duration = fields.counted ? 30 : lc_step_get_duration (step);
  fields.repetitions = fields.counted ? lc_step_get_repetitions (step) : 10;
  fields.pace = fields.counted ? lc_step_get_pace (step) : 2;
  fields.per_side = lc_step_get_sides (step) == LC_SIDES_BOTH;
  fields.rest = lc_step_get_rest (step);

  return lc_step_draft_new (&fields);
}

const LcStepFields *
lc_step_draft_get_fields (LcStepDraft *self)
{
  g_return_val_if_fail (LC_IS_STEP_DRAFT (self), NULL);
  return &self->fields;
}

/**
 * lc_step_draft_set_fields:
 * @fields: the new fields, copied
 *
 * Replaces the step's fields and emits #LcStepDraft::changed.
 */
void
lc_step_draft_set_fields (LcStepDraft        *self,
                          const LcStepFields *fields)
{
  LcStepFields old;

  g_return_if_fail (LC_IS_STEP_DRAFT (self));
  g_return_if_fail (fields != NULL);

  /* @fields may point into self->fields */
  old = self->fields;
  lc_step_fields_copy (&self->fields, fields);
  lc_step_fields_clear (&old);

  g_signal_emit (self, step_signals[STEP_CHANGED], 0);
}

guint
lc_step_draft_get_total_seconds (LcStepDraft *self)
{
  g_return_val_if_fail (LC_IS_STEP_DRAFT (self), 0);
  return lc_step_fields_get_total_seconds (&self->fields);
}

/* --- LcRoutineDraft ---------------------------------------------------------- */

struct _LcRoutineDraft
{
  GObject      parent_instance;

  char        *id;
  char        *name;
  char        *summary;
  LcCategory   category;
  GStrv        cautions;
  char        *illustration;
  GListStore  *steps;
};

G_DEFINE_FINAL_TYPE (LcRoutineDraft, lc_routine_draft, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (LcRoutineDraft *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
lc_routine_draft_finalize (GObject *object)
{
  LcRoutineDraft *self = LC_ROUTINE_DRAFT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_strfreev (self->cautions);
  g_free (self->illustration);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (lc_routine_draft_parent_class)->finalize (object);
}

static void
lc_routine_draft_class_init (LcRoutineDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_routine_draft_finalize;

  /**
   * LcRoutineDraft::changed:
   *
   * Something in the routine or in one of its steps changed, or steps
   * were added, removed or moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
step_changed_cb (LcRoutineDraft *self)
{
  emit_changed (self);
}

static void
steps_changed_cb (LcRoutineDraft *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  /* Added steps report their changes; removed ones are disconnected by
   * lc_routine_draft_remove_step() before they leave. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(LcStepDraft) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      g_signal_handlers_disconnect_by_func (step, step_changed_cb, self);
      g_signal_connect_object (step, "changed", G_CALLBACK (step_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (removed > 0 || added > 0)
    emit_changed (self);
}

static void
lc_routine_draft_init (LcRoutineDraft *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->summary = g_strdup ("");
  self->category = LC_CATEGORY_STRETCHING;
  self->cautions = g_new0 (char *, 1);
  self->steps = g_list_store_new (LC_TYPE_STEP_DRAFT);
  g_signal_connect_object (self->steps, "items-changed", G_CALLBACK (steps_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * lc_routine_draft_new:
 *
 * Returns: (transfer full): an empty routine, without an id
 */
LcRoutineDraft *
lc_routine_draft_new (void)
{
  return g_object_new (LC_TYPE_ROUTINE_DRAFT, NULL);
}

/**
 * lc_routine_draft_new_from_routine:
 * @routine: a loaded routine
 *
 * Returns: (transfer full): a draft of @routine, with its id
 */
LcRoutineDraft *
lc_routine_draft_new_from_routine (LcRoutine *routine)
{
  LcRoutineDraft *self;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  self = lc_routine_draft_new ();
  g_set_str (&self->id, lc_routine_get_id (routine));
  g_set_str (&self->name, lc_routine_get_name (routine));
  g_set_str (&self->summary, lc_routine_get_summary (routine));
  self->category = lc_routine_get_category (routine);
  g_strfreev (self->cautions);
  self->cautions = g_strdupv ((char **) lc_routine_get_cautions (routine));
  self->illustration = g_strdup (routine->illustration);

  for (guint i = 0; i < lc_routine_get_n_steps (routine); i++)
    {
      g_autoptr(LcStepDraft) step = lc_step_draft_new_from_step (lc_routine_get_step (routine, i));

      g_list_store_append (self->steps, step);
    }

  return self;
}

#define DEFINE_STRING_FIELD(field)                                      \
  const char *                                                          \
  lc_routine_draft_get_##field (LcRoutineDraft *self)                   \
  {                                                                     \
    g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);            \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  lc_routine_draft_set_##field (LcRoutineDraft *self,                   \
                                const char     *value)                  \
  {                                                                     \
    g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));                      \
    if (g_set_str (&self->field, value != NULL ? value : ""))           \
      emit_changed (self);                                              \
  }

DEFINE_STRING_FIELD (id)
DEFINE_STRING_FIELD (name)
DEFINE_STRING_FIELD (summary)

#undef DEFINE_STRING_FIELD

LcCategory
lc_routine_draft_get_category (LcRoutineDraft *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), LC_CATEGORY_STRETCHING);
  return self->category;
}

void
lc_routine_draft_set_category (LcRoutineDraft *self,
                               LcCategory      category)
{
  g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));
  g_return_if_fail (category <= LC_CATEGORY_MIXED);

  if (self->category == category)
    return;
  self->category = category;
  emit_changed (self);
}

const char * const *
lc_routine_draft_get_cautions (LcRoutineDraft *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);
  return (const char * const *) self->cautions;
}

void
lc_routine_draft_set_cautions (LcRoutineDraft     *self,
                               const char * const *cautions)
{
  g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));

  if (g_strv_equal ((const char * const *) self->cautions, cautions != NULL ? cautions : (const char *[]) { NULL }))
    return;
  g_strfreev (self->cautions);
  self->cautions = cautions != NULL ? g_strdupv ((char **) cautions) : g_new0 (char *, 1);
  emit_changed (self);
}

/**
 * lc_routine_draft_get_steps:
 *
 * Returns: (transfer none): the steps (#LcStepDraft), in order
 */
GListModel *
lc_routine_draft_get_steps (LcRoutineDraft *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);
  return G_LIST_MODEL (self->steps);
}

/**
 * lc_routine_draft_get_illustration:
 *
 * Returns: (nullable): the routine's own illustration, for its card
 */
const char *
lc_routine_draft_get_illustration (LcRoutineDraft *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);
  return self->illustration;
}

static gboolean
step_id_taken (LcRoutineDraft *self,
               const char     *id,
               LcStepDraft    *except)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcStepDraft) other = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      if (other != except && g_strcmp0 (other->fields.id, id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Lowercase ASCII letters, digits and single dashes, from any text; at
 * most @max characters, or NULL if nothing is left. */
static char *
make_slug (const char *text,
           gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return NULL;
    }

  return g_string_free (slug, FALSE);
}

/* A valid id from @base (at most @max characters; @fallback if it has no
 * letters), with "-2", "-3"… until @taken says it is free. */
static char *
unique_id (const char *base,
           const char *fallback,
           gsize       max,
           gboolean  (*taken) (const char *id, gpointer data),
           gpointer    data)
{
  g_autofree char *slug = make_slug (base, max);
  g_autofree char *stem = NULL;
  char *id;

  if (slug == NULL)
    stem = g_strdup (fallback);
  else if (!g_ascii_isalpha (slug[0]))
    stem = g_strconcat (fallback, "-", slug, NULL);
  else
    stem = g_steal_pointer (&slug);

  id = g_strdup (stem);
  for (guint n = 2; taken (id, data); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%.58s-%u", stem, n);
    }

  return id;
}

typedef struct
{
  LcRoutineDraft *self;
  LcStepDraft    *except;
} StepIdData;

static gboolean
step_id_taken_cb (const char *id,
                  gpointer    user_data)
{
  StepIdData *data = user_data;

  return step_id_taken (data->self, id, data->except);
}

/**
 * lc_routine_draft_insert_step:
 * @position: where, at most the number of steps
 * @step: the step; if its id is empty or another step has it, it gets
 *   a new one made from its title
 */
void
lc_routine_draft_insert_step (LcRoutineDraft *self,
                              guint           position,
                              LcStepDraft    *step)
{
  g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));
  g_return_if_fail (LC_IS_STEP_DRAFT (step));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->steps)));

  if (step->fields.id == NULL || *step->fields.id == '\0' || step_id_taken (self, step->fields.id, step))
    {
      StepIdData data = { self, step };
      char *id = unique_id (step->fields.title, "step", 48, step_id_taken_cb, &data);

      g_free (step->fields.id);
      step->fields.id = id;
    }

  g_list_store_insert (self->steps, position, step);
}

/**
 * lc_routine_draft_remove_step:
 *
 * Returns: (transfer full): the removed step, e.g. to put it back
 */
LcStepDraft *
lc_routine_draft_remove_step (LcRoutineDraft *self,
                              guint           position)
{
  LcStepDraft *step;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  g_return_val_if_fail (step != NULL, NULL);

  g_signal_handlers_disconnect_by_func (step, step_changed_cb, self);
  g_list_store_remove (self->steps, position);
  return step;
}

/**
 * lc_routine_draft_move_step:
 * @from: the step's position
 * @to: its new position
 */
void
lc_routine_draft_move_step (LcRoutineDraft *self,
                            guint           from,
                            guint           to)
{
  g_autoptr(LcStepDraft) step = NULL;
  guint n;

  g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  /* One splice per side, so that views see a remove and an insert */
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

/**
 * lc_routine_draft_get_duration:
 *
 * Returns: the routine's estimated time in seconds, as
 *   lc_routine_get_duration() counts it
 */
guint
lc_routine_draft_get_duration (LcRoutineDraft *self)
{
  guint64 total = 0;
  guint n;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcStepDraft) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      total += lc_step_draft_get_total_seconds (step);
    }

  return (guint) MIN (total, G_MAXUINT);
}

/* --- Checking ---------------------------------------------------------------- */

static LcDraftProblem *
add_problem (GPtrArray  *problems,
             int         step,
             const char *field,
             char       *message)
{
  LcDraftProblem *problem = g_new (LcDraftProblem, 1);

  problem->step = step;
  problem->field = g_strdup (field);
  problem->message = message;
  problem->item = -1;
  g_ptr_array_add (problems, problem);
  return problem;
}

/* Text as the loader will read it: trimmed, runs of white space as one.
 * Returns the problem added, if any. */
static LcDraftProblem *
check_text (GPtrArray  *problems,
            int         step,
            const char *field,
            const char *text,
            gboolean    required,
            guint       max_chars)
{
  g_autofree char *normal = lc_routine_normalize_text (text != NULL ? text : "");
  glong length = g_utf8_strlen (normal, -1);

  if (*normal == '\0' && required)
    return add_problem (problems, step, field, g_strdup (_("Required")));
  if (length > (glong) max_chars)
    return add_problem (problems, step, field,
                        /* Translators: below a text field that is too long */
                        g_strdup_printf (_("%ld characters; at most %u"), length, max_chars));
  return NULL;
}

static void
check_number (GPtrArray  *problems,
              int         step,
              const char *field,
              guint       value,
              guint       min,
              guint       max)
{
  if (value < min || value > max)
    add_problem (problems, step, field,
                 /* Translators: below a number that is out of range */
                 g_strdup_printf (_("From %u to %u"), min, max));
}

static void
check_step (GPtrArray          *problems,
            int                 index,
            const LcStepFields *f)
{
  check_text (problems, index, "title", f->title, TRUE, LC_STEP_MAX_TITLE_CHARS);
  check_text (problems, index, "instruction", f->instruction, TRUE, LC_ROUTINE_MAX_TEXT_CHARS);
  check_text (problems, index, "cue", f->cue, TRUE, LC_ROUTINE_MAX_TEXT_CHARS);
  if (f->per_side)
    check_text (problems, index, "cue-switch", f->cue_switch, FALSE, LC_ROUTINE_MAX_TEXT_CHARS);
  check_text (problems, index, "cue-halfway", f->cue_halfway, FALSE, LC_ROUTINE_MAX_TEXT_CHARS);

  if ((f->illustration == NULL) == (f->picture == NULL))
    add_problem (problems, index, "picture", g_strdup (_("Choose an illustration or a picture")));
  else if (f->picture != NULL && !lc_picture_name_is_valid (f->picture))
    add_problem (problems, index, "picture", g_strdup (_("Choose the picture again")));

  if (f->counted)
    {
      check_number (problems, index, "repetitions", f->repetitions, 1, LC_STEP_MAX_REPETITIONS);
      check_number (problems, index, "pace", f->pace, 1, LC_STEP_MAX_PACE);
      if ((guint64) f->repetitions * f->pace > LC_STEP_MAX_SECONDS)
        add_problem (problems, index, "repetitions",
                     g_strdup (_("At most an hour: use fewer repetitions")));
    }
  else
    check_number (problems, index, "duration", f->duration, 1, LC_STEP_MAX_SECONDS);

  check_number (problems, index, "rest", f->rest, 0, LC_STEP_MAX_REST);
}

/**
 * lc_step_fields_check:
 *
 * Returns: (transfer full) (element-type LcDraftProblem): what is wrong
 *   with the step on its own (step index 0); empty if nothing
 */
GPtrArray *
lc_step_fields_check (const LcStepFields *fields)
{
  GPtrArray *problems;

  g_return_val_if_fail (fields != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_draft_problem_free);
  check_step (problems, 0, fields);
  return problems;
}

/**
 * lc_routine_draft_check:
 *
 * Checks the draft with the loader's limits, field by field.
 *
 * Returns: (transfer full) (element-type LcDraftProblem): what is wrong;
 *   empty if the draft can be saved
 */
GPtrArray *
lc_routine_draft_check (LcRoutineDraft *self)
{
  GPtrArray *problems;
  guint n;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_draft_problem_free);

  check_text (problems, -1, "name", self->name, TRUE, LC_ROUTINE_MAX_NAME_CHARS);
  check_text (problems, -1, "summary", self->summary, TRUE, LC_ROUTINE_MAX_SUMMARY_CHARS);
  for (guint i = 0; self->cautions[i] != NULL; i++)
    {
      LcDraftProblem *problem = check_text (problems, -1, "cautions", self->cautions[i], TRUE,
                                            LC_ROUTINE_MAX_TEXT_CHARS);

      if (problem != NULL)
        problem->item = (int) i;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  if (n == 0)
    add_problem (problems, -1, "steps", g_strdup (_("Add at least one step")));
  else if (n > LC_ROUTINE_MAX_STEPS)
    add_problem (problems, -1, "steps",
                 g_strdup_printf (_("At most %d steps: split the routine in two"), LC_ROUTINE_MAX_STEPS));
  else if (lc_routine_draft_get_duration (self) > LC_ROUTINE_MAX_SECONDS)
    add_problem (problems, -1, "steps", g_strdup (_("At most 2 hours: shorten or remove steps")));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcStepDraft) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      check_step (problems, (int) i, &step->fields);
    }

  return problems;
}

/* --- Ids -------------------------------------------------------------------------- */

static gboolean
routine_id_taken_cb (const char *id,
                     gpointer    user_data)
{
  GListModel *routines = user_data;
  guint n = routines != NULL ? g_list_model_get_n_items (routines) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (routines, i);

      if (g_strcmp0 (lc_routine_get_id (routine), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * lc_routine_draft_make_id:
 * @name: the routine's name
 * @routines: (nullable): the routines (#LcRoutine) whose ids are taken
 *
 * Returns: (transfer full): an id for a new routine, made from its name
 */
char *
lc_routine_draft_make_id (const char *name,
                          GListModel *routines)
{
  g_return_val_if_fail (routines == NULL || G_IS_LIST_MODEL (routines), NULL);

  return unique_id (name, "routine", 48, routine_id_taken_cb, routines);
}

typedef struct
{
  GListModel *routines;
  GFile      *dir;
} ClaimData;

/* Taken: by a loaded routine, or by a file of that name (which may be one
 * the loader refused). */
static gboolean
file_id_taken_cb (const char *id,
                  gpointer    user_data)
{
  ClaimData *data = user_data;
  g_autofree char *name = g_strconcat (id, ".xml", NULL);
  g_autoptr(GFile) file = g_file_get_child (data->dir, name);

  return routine_id_taken_cb (id, data->routines) || g_file_query_exists (file, NULL);
}

/**
 * lc_routine_draft_claim_file:
 * @base: what to make the id from: the routine's name (shortened to 48
 *   characters), or an id (kept whole)
 * @routines: (nullable): the routines (#LcRoutine) whose ids are taken
 * @dir: the routines folder, whose files' names are taken
 *
 * Gives the draft an id that no routine and no file in @dir has, made
 * from @base, and says where to save it.
 *
 * Returns: (transfer full): the file for the routine, `ID.xml` in @dir
 */
GFile *
lc_routine_draft_claim_file (LcRoutineDraft *self,
                             const char     *base,
                             GListModel     *routines,
                             GFile          *dir)
{
  ClaimData data = { routines, dir };
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);
  g_return_val_if_fail (routines == NULL || G_IS_LIST_MODEL (routines), NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  /* An id is kept whole; a name is shortened as lc_routine_draft_make_id() does */
  id = unique_id (base, "routine", lc_routine_id_is_valid (base) ? 64 : 48, file_id_taken_cb, &data);
  lc_routine_draft_set_id (self, id);
  name = g_strconcat (id, ".xml", NULL);
  return g_file_get_child (dir, name);
}
