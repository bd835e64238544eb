/* lc-measure-guide.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LC_TYPE_MEASURE_GUIDE (lc_measure_guide_get_type ())

G_DECLARE_FINAL_TYPE (LcMeasureGuide, lc_measure_guide, LC, MEASURE_GUIDE, AdwDialog)

AdwDialog *lc_measure_guide_new (void);

G_END_DECLS
