/* lc-routine-problem.c: a routine file that could not be loaded, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-routine-problem.h"

struct _LcRoutineProblem
{
  GObject  parent_instance;

  char    *file;
  char    *message;
  GStrv    messages;
};

G_DEFINE_FINAL_TYPE (LcRoutineProblem, lc_routine_problem, G_TYPE_OBJECT)

static void
lc_routine_problem_finalize (GObject *object)
{
  LcRoutineProblem *self = LC_ROUTINE_PROBLEM (object);

  g_free (self->file);
  g_free (self->message);
  g_strfreev (self->messages);

  G_OBJECT_CLASS (lc_routine_problem_parent_class)->finalize (object);
}

static void
lc_routine_problem_class_init (LcRoutineProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_routine_problem_finalize;
}

static void
lc_routine_problem_init (LcRoutineProblem *self)
{
}

LcRoutineProblem *
lc_routine_problem_new (const char *file,
                        const char *message)
{
  LcRoutineProblem *self = g_object_new (LC_TYPE_ROUTINE_PROBLEM, NULL);

  self->file = g_strdup (file);
  self->message = g_strdup (message);
  self->messages = g_strsplit (message, "\n", -1);

  return self;
}

/**
 * lc_routine_problem_get_file:
 *
 * Returns: the file's path
 */
const char *
lc_routine_problem_get_file (LcRoutineProblem *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_PROBLEM (self), NULL);
  return self->file;
}

/**
 * lc_routine_problem_get_message:
 *
 * Returns: what is wrong, with file, line and column, and what to fix:
 *   one problem a line (the loader tells every independent problem)
 */
const char *
lc_routine_problem_get_message (LcRoutineProblem *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_PROBLEM (self), NULL);
  return self->message;
}

/**
 * lc_routine_problem_get_messages:
 *
 * Returns: (transfer none): each problem of the file, in its order
 */
const char * const *
lc_routine_problem_get_messages (LcRoutineProblem *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_PROBLEM (self), NULL);
  return (const char * const *) self->messages;
}
