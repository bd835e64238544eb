/* lc-tape-guide.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-entry.h"

G_BEGIN_DECLS

#define LC_TYPE_TAPE_GUIDE (lc_tape_guide_get_type ())

G_DECLARE_FINAL_TYPE (LcTapeGuide, lc_tape_guide, LC, TAPE_GUIDE, GtkWidget)

GtkWidget *lc_tape_guide_new         (void);
void       lc_tape_guide_set_points  (LcTapeGuide *self,
                                      guint        n_points,
                                      guint        spacing_mm);
guint      lc_tape_guide_get_n_points (LcTapeGuide *self);
guint      lc_tape_guide_get_spacing_mm (LcTapeGuide *self);
void       lc_tape_guide_set_current (LcTapeGuide *self,
                                      LcLeg        leg,
                                      guint        index);
void       lc_tape_guide_get_current (LcTapeGuide *self,
                                      LcLeg       *leg,
                                      guint       *index);
void       lc_tape_guide_set_done    (LcTapeGuide *self,
                                      LcLeg        leg,
                                      guint        index,
                                      gboolean     done);
gboolean   lc_tape_guide_get_done    (LcTapeGuide *self,
                                      LcLeg        leg,
                                      guint        index);

G_END_DECLS
