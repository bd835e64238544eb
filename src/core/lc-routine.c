/* lc-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-routine-private.h"

G_DEFINE_FINAL_TYPE (LcRoutine, lc_routine, G_TYPE_OBJECT)

static const struct {
  const char *name;
  const char *label;
} categories[] = {
  [LC_CATEGORY_MASSAGE] = { "massage", N_("Massage") },
  [LC_CATEGORY_ELEVATION] = { "elevation", N_("Elevation") },
  [LC_CATEGORY_STRETCHING] = { "stretching", N_("Stretching and Exercise") },
  [LC_CATEGORY_MIXED] = { "mixed", N_("Mixed") },
};

static void
lc_routine_finalize (GObject *object)
{
  LcRoutine *self = LC_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_strfreev (self->cautions);
  g_free (self->cautions_digest);
  g_strfreev (self->missing_illustrations);
  g_free (self->illustration);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self->source);

  G_OBJECT_CLASS (lc_routine_parent_class)->finalize (object);
}

static void
lc_routine_class_init (LcRoutineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_routine_finalize;
}

static void
lc_routine_init (LcRoutine *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

const char *
lc_routine_get_id (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
lc_routine_get_name (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
lc_routine_get_summary (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  return self->summary;
}

LcCategory
lc_routine_get_category (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), LC_CATEGORY_MIXED);
  return self->category;
}

/**
 * lc_routine_get_cautions:
 *
 * Returns: (transfer none): who should not do the routine, or when to
 *   stop; possibly empty, never %NULL
 */
/**
 * lc_routine_get_missing_illustrations:
 *
 * The illustrations the routine's steps name that this version of Leg
 * Care does not have (a routine from a newer version): those steps show a
 * placeholder.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): their
 *   names, or %NULL if none is missing
 */
const char * const *
lc_routine_get_missing_illustrations (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);

  return (const char * const *) self->missing_illustrations;
}

const char * const *
lc_routine_get_cautions (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  return (const char * const *) self->cautions;
}

/**
 * lc_routine_get_cautions_digest:
 *
 * A digest of the routine's cautions as written in its file (the English
 * of a built-in routine, before translation): it changes when a caution
 * is added, removed or reworded, not with the language the app speaks.
 *
 * Returns: (nullable): a SHA-256 in hexadecimal, or %NULL if the routine
 *   has no cautions
 */
const char *
lc_routine_get_cautions_digest (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);

  return self->cautions_digest;
}

/**
 * lc_routine_get_cautions_acknowledged:
 * @acknowledged: a dictionary (`a{ss}`): routine id → the digest of the
 *   cautions the user acknowledged
 *
 * Whether the user has acknowledged the routine's cautions as they are
 * now. A routine without cautions needs no acknowledgement.
 */
gboolean
lc_routine_get_cautions_acknowledged (LcRoutine *self,
                                      GVariant  *acknowledged)
{
  const char *digest = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (acknowledged != NULL, FALSE);
  g_return_val_if_fail (g_variant_is_of_type (acknowledged, G_VARIANT_TYPE ("a{ss}")), FALSE);

  if (self->cautions_digest == NULL)
    return TRUE;

  return g_variant_lookup (acknowledged, self->id, "&s", &digest) &&
         g_str_equal (digest, self->cautions_digest);
}

/**
 * lc_routine_get_cautions_changed:
 * @acknowledged: as for lc_routine_get_cautions_acknowledged()
 *
 * Whether the user acknowledged other cautions of this routine before:
 * they have changed since.
 */
gboolean
lc_routine_get_cautions_changed (LcRoutine *self,
                                 GVariant  *acknowledged)
{
  const char *digest = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (acknowledged != NULL, FALSE);

  return g_variant_lookup (acknowledged, self->id, "&s", &digest) &&
         g_strcmp0 (digest, self->cautions_digest) != 0;
}

/**
 * lc_routine_acknowledge_cautions:
 * @acknowledged: as for lc_routine_get_cautions_acknowledged()
 *
 * Returns: (transfer floating): @acknowledged with this routine's cautions
 *   as they are now
 */
GVariant *
lc_routine_acknowledge_cautions (LcRoutine *self,
                                 GVariant  *acknowledged)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *id;
  const char *digest;

  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (acknowledged != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (acknowledged, G_VARIANT_TYPE ("a{ss}")), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, acknowledged);
  while (g_variant_iter_next (&iter, "{&s&s}", &id, &digest))
    if (!g_str_equal (id, self->id))
      g_variant_builder_add (&builder, "{ss}", id, digest);
  if (self->cautions_digest != NULL)
    g_variant_builder_add (&builder, "{ss}", self->id, self->cautions_digest);

  return g_variant_builder_end (&builder);
}

/**
 * lc_routine_get_illustration:
 *
 * Returns: the illustration that stands for the routine: its own, or its
 *   first step's
 */
const char *
lc_routine_get_illustration (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);

  if (self->illustration != NULL)
    return self->illustration;

  return self->steps->len > 0 ? lc_step_get_illustration (g_ptr_array_index (self->steps, 0)) : NULL;
}

/**
 * lc_routine_get_illustration_step:
 *
 * Returns: (transfer none): the first step that shows the routine's
 *   illustration, to describe the picture in words
 */
LcStep *
lc_routine_get_illustration_step (LcRoutine *self)
{
  const char *illustration;

  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);

  illustration = lc_routine_get_illustration (self);
  for (guint i = 0; i < self->steps->len; i++)
    {
      LcStep *step = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (lc_step_get_illustration (step), illustration) == 0)
        return step;
    }

  return self->steps->len > 0 ? g_ptr_array_index (self->steps, 0) : NULL;
}

guint
lc_routine_get_n_steps (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), 0);
  return self->steps->len;
}

/**
 * lc_routine_get_step:
 *
 * Returns: (transfer none): the step at @index
 */
LcStep *
lc_routine_get_step (LcRoutine *self,
                     guint      index)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

/**
 * lc_routine_get_duration:
 *
 * The estimated time of the whole routine: the sum of its steps' times,
 * with both sides, the switches and the rests.
 *
 * Returns: seconds
 */
guint
lc_routine_get_duration (LcRoutine *self)
{
  guint total = 0;

  g_return_val_if_fail (LC_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    total += lc_step_get_total_seconds (g_ptr_array_index (self->steps, i));

  return total;
}

LcRoutineOrigin
lc_routine_get_origin (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), LC_ROUTINE_ORIGIN_BUILTIN);
  return self->origin;
}

/**
 * lc_routine_get_source:
 *
 * Returns: where the routine was read from: a resource path for a
 *   built-in routine, a file path for a user's
 */
const char *
lc_routine_get_source (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);
  return self->source;
}

/**
 * lc_routine_get_overrides_builtin:
 *
 * Returns: whether this is a user's routine that replaces the built-in
 *   routine with the same id
 */
gboolean
lc_routine_get_overrides_builtin (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), FALSE);
  return self->overrides_builtin;
}

static void
append_segment (GArray        *segments,
                LcSegmentKind  kind,
                LcSide         side,
                guint          step_index,
                guint          seconds,
                LcStep        *step)
{
  LcSegment segment = {
    .kind = kind,
    .side = side,
    .step_index = step_index,
    .seconds = seconds,
    .repetitions = kind == LC_SEGMENT_WORK ? step->repetitions : 0,
    .pace = kind == LC_SEGMENT_WORK ? step->pace : 0,
  };

  g_array_append_val (segments, segment);
}

/**
 * lc_routine_expand:
 *
 * The routine as the session engine runs it: each step becomes one work
 * segment, or, when done per side, a left segment, a switch and a right
 * segment; a step's rest follows as a segment of its own.
 *
 * Returns: (transfer full) (element-type LcSegment): the segments in order
 */
GArray *
lc_routine_expand (LcRoutine *self)
{
  GArray *segments;

  g_return_val_if_fail (LC_IS_ROUTINE (self), NULL);

  segments = g_array_new (FALSE, FALSE, sizeof (LcSegment));

  for (guint i = 0; i < self->steps->len; i++)
    {
      LcStep *step = g_ptr_array_index (self->steps, i);
      guint work = lc_step_get_work_seconds (step);

      if (step->sides == LC_SIDES_BOTH)
        {
          append_segment (segments, LC_SEGMENT_WORK, LC_SIDE_LEFT, i, work, step);
          append_segment (segments, LC_SEGMENT_SWITCH, LC_SIDE_RIGHT, i, LC_STEP_SWITCH_SECONDS, step);
          append_segment (segments, LC_SEGMENT_WORK, LC_SIDE_RIGHT, i, work, step);
        }
      else
        append_segment (segments, LC_SEGMENT_WORK, LC_SIDE_NONE, i, work, step);

      if (step->rest > 0)
        append_segment (segments, LC_SEGMENT_REST, LC_SIDE_NONE, i, step->rest, step);
    }

  return segments;
}

/**
 * lc_routine_includes_massage:
 *
 * Whether the routine has lymphatic massage in it: massage routines and
 * mixed ones (a mixed routine may have a few strokes).
 */
gboolean
lc_routine_includes_massage (LcRoutine *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), FALSE);

  return self->category == LC_CATEGORY_MASSAGE || self->category == LC_CATEGORY_MIXED;
}

/**
 * lc_routine_check_start:
 * @answer: what the user said about lymph node treatment
 *
 * The built-in massage moves fluid toward the groin. After lymph nodes in
 * the groin or pelvis were removed or irradiated, the fluid must go another
 * way that a lymphoedema therapist teaches (St Margaret's Hospice, "Simple
 * lymphatic drainage"; MD Anderson Cancer Center; UHN Toronto): the
 * question is asked before the first routine with massage, and the built-in
 * massage does not start for those who answer yes. A user's own routine
 * (a copy of the built-in one, or any routine with massage) is theirs and
 * may be what their therapist prescribed, but it must not start silently:
 * the user confirms that it is their therapist's sequence. "Not sure" is
 * treated as yes, the cautious reading.
 */
LcStartCheck
lc_routine_check_start (LcRoutine     *self,
                        LcLymphAnswer  answer)
{
  g_return_val_if_fail (LC_IS_ROUTINE (self), LC_START_OK);

  if (!lc_routine_includes_massage (self))
    return LC_START_OK;

  switch (answer)
    {
    case LC_LYMPH_ANSWER_UNKNOWN:
      return LC_START_ASK_LYMPH;

    case LC_LYMPH_ANSWER_YES:
    case LC_LYMPH_ANSWER_UNSURE:
      return self->origin == LC_ROUTINE_ORIGIN_BUILTIN ? LC_START_REFUSED : LC_START_CONFIRM;

    case LC_LYMPH_ANSWER_NO:
    default:
      return LC_START_OK;
    }
}

const char *
lc_category_to_string (LcCategory category)
{
  g_return_val_if_fail (category <= LC_CATEGORY_MIXED, NULL);
  return categories[category].name;
}

gboolean
lc_category_from_string (const char *text,
                         LcCategory *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (text, categories[i].name) == 0)
      {
        *category = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * lc_category_get_label:
 *
 * Returns: the category's name for people, translated
 */
const char *
lc_category_get_label (LcCategory category)
{
  g_return_val_if_fail (category <= LC_CATEGORY_MIXED, NULL);
  return _(categories[category].label);
}
