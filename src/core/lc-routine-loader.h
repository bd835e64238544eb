/* lc-routine-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-routine.h"
#include "lc-routine-problem.h"

G_BEGIN_DECLS

#define LC_ROUTINE_ERROR (lc_routine_error_quark ())

typedef enum
{
  LC_ROUTINE_ERROR_MALFORMED,
  LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
  LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
  LC_ROUTINE_ERROR_MISSING,
  LC_ROUTINE_ERROR_DUPLICATE,
  LC_ROUTINE_ERROR_INVALID,
  LC_ROUTINE_ERROR_OUT_OF_RANGE,
  LC_ROUTINE_ERROR_UNKNOWN_ILLUSTRATION,
  LC_ROUTINE_ERROR_TOO_LARGE,
  LC_ROUTINE_ERROR_IO,
} LcRoutineError;

/* Limits of the format; docs/routine-format.md explains them. */
#define LC_ROUTINE_MAX_FILE_SIZE  (1024 * 1024)
#define LC_ROUTINE_MAX_SECONDS    (2 * 60 * 60)
#define LC_ROUTINE_MAX_STEPS      50
#define LC_ROUTINE_MAX_NAME_CHARS     60
#define LC_ROUTINE_MAX_SUMMARY_CHARS  200
#define LC_ROUTINE_MAX_TEXT_CHARS     300   /* cautions, instructions, cues */
#define LC_STEP_MAX_TITLE_CHARS       60
#define LC_STEP_MAX_SECONDS           3600
#define LC_STEP_MAX_REPETITIONS       200
#define LC_STEP_MAX_PACE              60
#define LC_STEP_MAX_REST              600
/* A shared routine holds its pictures: at most 8 MiB each, in base64. */
#define LC_ROUTINE_SHARE_MAX_FILE_SIZE (40 * 1024 * 1024)
/* The pixels of all the pictures of a shared routine together: each may
 * have LC_PICTURE_MAX_PIXELS, but fifty such would take gigabytes once
 * decoded for the preview */
#define LC_ROUTINE_SHARE_MAX_PIXELS (160 * 1000 * 1000)

#define LC_TYPE_ROUTINE_LOADER (lc_routine_loader_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineLoader, lc_routine_loader, LC, ROUTINE_LOADER, GObject)

GQuark           lc_routine_error_quark          (void);

LcRoutineLoader *lc_routine_loader_new           (const char * const *illustrations);
LcRoutine       *lc_routine_loader_parse         (LcRoutineLoader    *self,
                                                  const char         *data,
                                                  gsize               length,
                                                  const char         *file_name,
                                                  LcRoutineOrigin     origin,
                                                  GError            **error);
LcRoutine       *lc_routine_loader_parse_shared  (LcRoutineLoader    *self,
                                                  const char         *data,
                                                  gsize               length,
                                                  const char         *file_name,
                                                  GHashTable        **pictures,
                                                  GError            **error);
void             lc_routine_loader_set_picture_dir (LcRoutineLoader  *self,
                                                  GFile              *dir);
LcRoutine       *lc_routine_loader_load_file     (LcRoutineLoader    *self,
                                                  GFile              *file,
                                                  GError            **error);
GFile           *lc_routine_loader_get_picture_dir (LcRoutineLoader *self);

G_END_DECLS
