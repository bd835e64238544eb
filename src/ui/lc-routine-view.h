/* lc-routine-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-routine.h"

G_BEGIN_DECLS

#define LC_TYPE_ROUTINE_VIEW (lc_routine_view_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineView, lc_routine_view, LC, ROUTINE_VIEW, AdwNavigationPage)

LcRoutineView *lc_routine_view_new         (LcRoutine     *routine);
LcRoutineView *lc_routine_view_new_preview (LcRoutine     *routine,
                                            GHashTable    *pictures);
LcRoutine     *lc_routine_view_get_routine (LcRoutineView *self);
GHashTable    *lc_routine_view_get_pictures (LcRoutineView *self);
void           lc_routine_view_show_cautions (LcRoutineView *self);

G_END_DECLS
