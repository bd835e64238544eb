/* lc-routine-problem.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LC_TYPE_ROUTINE_PROBLEM (lc_routine_problem_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineProblem, lc_routine_problem, LC, ROUTINE_PROBLEM, GObject)

LcRoutineProblem *lc_routine_problem_new         (const char       *file,
                                                  const char       *message);
const char       *lc_routine_problem_get_file    (LcRoutineProblem *self);
const char       *lc_routine_problem_get_message (LcRoutineProblem *self);
const char * const *lc_routine_problem_get_messages (LcRoutineProblem *self);

G_END_DECLS
