/* lc-routine-share.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-routine.h"
#include "lc-routine-loader.h"

G_BEGIN_DECLS

#define LC_ROUTINE_SHARE_SUFFIX ".legcare-routine"
#define LC_ROUTINE_SHARE_MIME_TYPE "application/x-legcare-routine"

GBytes    *lc_routine_share_write     (LcRoutine        *routine,
                                       GError          **error);
LcRoutine *lc_routine_share_read      (LcRoutineLoader  *loader,
                                       GFile            *file,
                                       GHashTable      **pictures,
                                       GError          **error);
GFile     *lc_routine_share_install   (LcRoutine        *routine,
                                       GHashTable       *pictures,
                                       LcRoutineLoader  *loader,
                                       GListModel       *routines,
                                       GFile            *routines_dir,
                                       GFile            *pictures_dir,
                                       GError          **error);

G_END_DECLS
