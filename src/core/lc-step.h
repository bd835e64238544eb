/* lc-step.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Seconds the engine gives to change from the left to the right leg. */
#define LC_STEP_SWITCH_SECONDS 5

typedef enum
{
  LC_SIDES_NONE,
  LC_SIDES_BOTH,
} LcSides;

#define LC_TYPE_STEP (lc_step_get_type ())

G_DECLARE_FINAL_TYPE (LcStep, lc_step, LC, STEP, GObject)

const char *lc_step_get_id            (LcStep *self);
const char *lc_step_get_title         (LcStep *self);
const char *lc_step_get_instruction   (LcStep *self);
const char *lc_step_get_illustration  (LcStep *self);
const char *lc_step_get_picture       (LcStep *self);
const char *lc_step_get_picture_path  (LcStep *self);
const char *lc_step_get_cue           (LcStep *self);
const char *lc_step_get_cue_switch    (LcStep *self);
const char *lc_step_get_cue_halfway   (LcStep *self);
guint       lc_step_get_duration      (LcStep *self);
guint       lc_step_get_repetitions   (LcStep *self);
guint       lc_step_get_pace          (LcStep *self);
LcSides     lc_step_get_sides         (LcStep *self);
guint       lc_step_get_rest          (LcStep *self);
guint       lc_step_get_work_seconds  (LcStep *self);
guint       lc_step_get_total_seconds (LcStep *self);
char       *lc_step_describe_timing   (LcStep *self);

G_END_DECLS
