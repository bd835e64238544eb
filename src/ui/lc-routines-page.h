/* lc-routines-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-routine-library.h"

G_BEGIN_DECLS

#define LC_TYPE_ROUTINES_PAGE (lc_routines_page_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutinesPage, lc_routines_page, LC, ROUTINES_PAGE, AdwBin)

void lc_routines_page_set_library      (LcRoutinesPage   *self,
                                        LcRoutineLibrary *library);
void lc_routines_page_set_last_routine (LcRoutinesPage  *self,
                                        LcRoutine       *routine);
void lc_routines_page_focus_start      (LcRoutinesPage  *self);

G_END_DECLS
