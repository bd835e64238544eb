/* lc-routine-private.h: the fields the loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-routine.h"

G_BEGIN_DECLS

struct _LcStep
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *instruction;
  char     *illustration;    /* a built-in illustration, or NULL… */
  char     *picture;         /* …the name of the user's own picture */
  char     *picture_path;    /* where it is, once the loader found it */
  char     *cue;
  char     *cue_switch;
  char     *cue_halfway;
  guint     duration;
  guint     repetitions;
  guint     pace;
  LcSides   sides;
  guint     rest;
};

struct _LcRoutine
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  char            *summary;
  LcCategory       category;
  GStrv            cautions;
  char            *cautions_digest;  /* of their source text; NULL without cautions */
  char            *illustration;
  GPtrArray       *steps;
  LcRoutineOrigin  origin;
  char            *source;
  gboolean         overrides_builtin;
  GStrv            missing_illustrations;  /* named by steps, not in this version */
};

char     *lc_routine_normalize_text (const char *text);
gboolean  lc_routine_id_is_valid    (const char *id);

G_END_DECLS
