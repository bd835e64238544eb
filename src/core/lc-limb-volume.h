/* lc-limb-volume.h: a leg's volume from tape measurements along it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-entry.h"

G_BEGIN_DECLS

/* A volume change is told from measurement error from this far on, in % of
 * the earlier volume: the smallest real difference for legs measured every
 * 4 or 8 cm is 3.4-3.8 % (Lymphat Res Biol 2022, doi 10.1089/lrb.2022.0032);
 * the larger, so that a change called real is beyond both. */
#define LC_LIMB_VOLUME_REAL_CHANGE_PERCENT 3.8

/* The spacings offered: every 8 cm by default, every 4 cm (they agree,
 * ICC 0.999, in the same study) */
#define LC_LIMB_SPACING_DEFAULT_MM 80
#define LC_LIMB_SPACING_FINE_MM    40

/* At least a segment, at most a leg's length at 4 cm */
#define LC_LIMB_MIN_POINTS 2
#define LC_LIMB_MAX_POINTS 30

/* A tape measure's circumferences on a leg, in mm */
#define LC_LIMB_MIN_CIRCUMFERENCE_MM 100
#define LC_LIMB_MAX_CIRCUMFERENCE_MM 1200

typedef enum
{
  LC_LIMB_CHANGE_WITHIN_ERROR,   /* less than the real change */
  LC_LIMB_CHANGE_LARGER,
  LC_LIMB_CHANGE_SMALLER,
} LcLimbChange;

gboolean     lc_limb_volume_ml        (const guint16 *circumferences_mm,
                                       guint          n_points,
                                       guint          spacing_mm,
                                       double        *volume_ml,
                                       GError       **error);
LcLimbChange lc_limb_volume_change    (double         before_ml,
                                       double         now_ml,
                                       double        *percent);
void         lc_limb_volume_between_legs (double      left_ml,
                                       double         right_ml,
                                       double        *difference_ml,
                                       double        *percent_of_smaller);
gboolean     lc_limb_volume_one_sided_increase (double before_left_ml,
                                       double         before_right_ml,
                                       double         now_left_ml,
                                       double         now_right_ml,
                                       int           *leg);

/* A guided measurement: both legs (or one) from the same start point up */
typedef struct
{
  gint64      id;            /* 0 until stored */
  gint64      taken_at;      /* UTC seconds */
  LcPosition  position;      /* how the legs were placed; NONE if not said */
  guint       spacing_mm;    /* LC_LIMB_SPACING_DEFAULT_MM or _FINE_MM */
  GArray     *points[LC_N_LEGS];  /* guint16 mm from the start up; empty: not measured */
} LcLimbMeasurement;

LcLimbMeasurement *lc_limb_measurement_new      (gint64                    taken_at,
                                                 guint                     spacing_mm);
LcLimbMeasurement *lc_limb_measurement_copy     (const LcLimbMeasurement *measurement);
void               lc_limb_measurement_free     (LcLimbMeasurement       *measurement);
void               lc_limb_measurement_add      (LcLimbMeasurement       *measurement,
                                                 LcLeg                    leg,
                                                 guint16                  circumference_mm);
gboolean           lc_limb_measurement_check    (const LcLimbMeasurement *measurement,
                                                 GError                 **error);
gboolean           lc_limb_measurement_volume   (const LcLimbMeasurement *measurement,
                                                 LcLeg                    leg,
                                                 double                  *volume_ml);
char              *lc_limb_points_to_string     (GArray                  *points);
gboolean           lc_limb_points_from_string   (const char              *text,
                                                 GArray                  *points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcLimbMeasurement, lc_limb_measurement_free)

G_END_DECLS
