/* lc-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-format.h"
#include "lc-routine-private.h"

G_DEFINE_FINAL_TYPE (LcStep, lc_step, G_TYPE_OBJECT)

static void
lc_step_finalize (GObject *object)
{
  LcStep *self = LC_STEP (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->instruction);
  g_free (self->illustration);
  g_free (self->picture);
  g_free (self->picture_path);
  g_free (self->cue);
  g_free (self->cue_switch);
  g_free (self->cue_halfway);

  G_OBJECT_CLASS (lc_step_parent_class)->finalize (object);
}

static void
lc_step_class_init (LcStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_step_finalize;
}

static void
lc_step_init (LcStep *self)
{
}

const char *
lc_step_get_id (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->id;
}

const char *
lc_step_get_title (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->title;
}

const char *
lc_step_get_instruction (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->instruction;
}

/**
 * lc_step_get_illustration:
 *
 * Returns: (nullable): the name of the step's built-in illustration, or
 *   %NULL for a step with a picture of the user's own
 */
const char *
lc_step_get_illustration (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->illustration;
}

/**
 * lc_step_get_picture:
 *
 * Returns: (nullable): the file name of the user's own picture for the
 *   step (in the pictures folder), or %NULL for a built-in illustration
 */
const char *
lc_step_get_picture (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->picture;
}

/**
 * lc_step_get_picture_path:
 *
 * Returns: (nullable): where the step's own picture is, if the loader
 *   knew the pictures folder
 */
const char *
lc_step_get_picture_path (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->picture_path;
}

const char *
lc_step_get_cue (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->cue;
}

/**
 * lc_step_get_cue_switch:
 *
 * Returns: (nullable): what to say when changing to the right leg
 */
const char *
lc_step_get_cue_switch (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->cue_switch;
}

/**
 * lc_step_get_cue_halfway:
 *
 * Returns: (nullable): what to say half-way through the step (or each side)
 */
const char *
lc_step_get_cue_halfway (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);
  return self->cue_halfway;
}

/**
 * lc_step_get_duration:
 *
 * Returns: the step's time in seconds for a timed step, 0 for a step
 *   counted in repetitions
 */
guint
lc_step_get_duration (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);
  return self->duration;
}

/**
 * lc_step_get_repetitions:
 *
 * Returns: the number of repetitions, 0 for a timed step
 */
guint
lc_step_get_repetitions (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);
  return self->repetitions;
}

/**
 * lc_step_get_pace:
 *
 * Returns: seconds per repetition, 0 for a timed step
 */
guint
lc_step_get_pace (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);
  return self->pace;
}

LcSides
lc_step_get_sides (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), LC_SIDES_NONE);
  return self->sides;
}

/**
 * lc_step_get_rest:
 *
 * Returns: seconds of rest after the step, 0 for none
 */
guint
lc_step_get_rest (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);
  return self->rest;
}

/**
 * lc_step_get_work_seconds:
 *
 * Returns: the time of the step for one side (or for both legs together),
 *   without switch and rest
 */
guint
lc_step_get_work_seconds (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);

  return self->repetitions > 0 ? self->repetitions * self->pace : self->duration;
}

/**
 * lc_step_get_total_seconds:
 *
 * Returns: the whole time of the step: both sides with the switch between
 *   them where the step is done per side, and the rest after it
 */
guint
lc_step_get_total_seconds (LcStep *self)
{
  guint work;

  g_return_val_if_fail (LC_IS_STEP (self), 0);

  work = lc_step_get_work_seconds (self);
  if (self->sides == LC_SIDES_BOTH)
    work = 2 * work + LC_STEP_SWITCH_SECONDS;

  return work + self->rest;
}

/**
 * lc_step_describe_timing:
 *
 * How the step is timed, in words: "15 × 2 s", "30 s, each leg",
 * "4 min, then 10 s rest".
 *
 * Returns: (transfer full): the translated text
 */
char *
lc_step_describe_timing (LcStep *self)
{
  g_autofree char *base = NULL;
  g_autofree char *sided = NULL;

  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  if (self->repetitions > 0)
    /* Translators: repetitions × seconds per repetition, e.g. "15 × 2 s" */
    base = g_strdup_printf (_("%u × %u s"), self->repetitions, self->pace);
  else
    base = lc_format_duration (self->duration);

  if (self->sides == LC_SIDES_BOTH)
    /* Translators: a step done for the left, then for the right leg, e.g. "30 s, each leg" */
    sided = g_strdup_printf (_("%s, each leg"), base);
  else
    sided = g_steal_pointer (&base);

  if (self->rest > 0)
    {
      g_autofree char *rest = lc_format_duration (self->rest);

      /* Translators: a step's time, then the rest after it, e.g. "30 s, then 10 s rest" */
      return g_strdup_printf (_("%s, then %s rest"), sided, rest);
    }

  return g_steal_pointer (&sided);
}
