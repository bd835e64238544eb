/* lc-limb-volume.c: a leg's volume from tape measurements along it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lymphoedema services follow a leg by its volume, worked out from
 * circumferences taken at equal steps along it: each stretch between two
 * tapes is a truncated cone, of volume h (C1² + C1·C2 + C2²) / (12π) with
 * the circumferences C and the height h in cm and the volume in mL, and the
 * leg is their sum (Lymphat Res Biol 2022, doi 10.1089/lrb.2022.0032).
 *
 * What a number means is said with care. A change smaller than the smallest
 * real difference is measurement error. Thresholds between the legs (2 cm,
 * 200 mL, 10 %) come from arms after breast cancer; there are none for legs
 * (Ancukiewicz et al. 2012, Breast Cancer Res Treat 135:145), so no number
 * here is a diagnosis: only a change against the person's own earlier
 * measurement, beyond measurement error, on one side, suggests a review.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "lc-diary.h"
#include "lc-error.h"
#include "lc-limb-volume.h"

/**
 * lc_limb_volume_ml:
 * @circumferences_mm: (array length=n_points): from the start point up,
 *   each @spacing_mm above the one before
 * @n_points: how many, LC_LIMB_MIN_POINTS to LC_LIMB_MAX_POINTS
 * @spacing_mm: the distance between two points, more than 0
 * @volume_ml: (out): the volume between the first and the last point
 *
 * Returns: whether the measurements make a leg; if not, @error says which
 *   value is wrong (LC_DIARY_ERROR_INVALID)
 */
gboolean
lc_limb_volume_ml (const guint16  *circumferences_mm,
                   guint           n_points,
                   guint           spacing_mm,
                   double         *volume_ml,
                   GError        **error)
{
  double h = spacing_mm / 10.0;
  double sum = 0;

  g_return_val_if_fail (volume_ml != NULL, FALSE);
  g_return_val_if_fail (circumferences_mm != NULL || n_points == 0, FALSE);

  *volume_ml = 0;

  if (n_points < LC_LIMB_MIN_POINTS || n_points > LC_LIMB_MAX_POINTS)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                    _("A leg needs %d to %d measurements along it, not %u"),
                    LC_LIMB_MIN_POINTS, LC_LIMB_MAX_POINTS, n_points);
      return FALSE;
    }
  if (spacing_mm == 0)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                    _("The measurements need a distance between them"));
      return FALSE;
    }

  for (guint i = 0; i < n_points; i++)
    if (circumferences_mm[i] < LC_LIMB_MIN_CIRCUMFERENCE_MM || circumferences_mm[i] > LC_LIMB_MAX_CIRCUMFERENCE_MM)
      {
        lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                      /* Translators: the number of a measurement along the leg (1 is the lowest), its
                       * value in cm, then the range allowed in cm */
                      _("Measurement %u is %.1f cm; a leg measures between %.0f and %.0f cm around"),
                      i + 1, circumferences_mm[i] / 10.0, LC_LIMB_MIN_CIRCUMFERENCE_MM / 10.0,
                      LC_LIMB_MAX_CIRCUMFERENCE_MM / 10.0);
        return FALSE;
      }

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double c1 = circumferences_mm[i] / 10.0;
      double c2 = circumferences_mm[i + 1] / 10.0;

      sum += h * (c1 * c1 + c1 * c2 + c2 * c2) / (12 * G_PI);
    }

  *volume_ml = sum;
  return TRUE;
}

/**
 * lc_limb_volume_change:
 * @before_ml: the earlier volume, more than 0
 * @now_ml: the later one
 * @percent: (out) (optional): the change in % of @before_ml
 *
 * Returns: whether the volume changed by LC_LIMB_VOLUME_REAL_CHANGE_PERCENT
 *   or more, and which way
 */
LcLimbChange
lc_limb_volume_change (double  before_ml,
                       double  now_ml,
                       double *percent)
{
  double change;

  g_return_val_if_fail (before_ml > 0, LC_LIMB_CHANGE_WITHIN_ERROR);

  change = (now_ml - before_ml) / before_ml * 100;
  if (percent != NULL)
    *percent = change;

  /* As shown, to one decimal: the words agree with the number beside them */
  change = round (change * 10) / 10;
  if (change >= LC_LIMB_VOLUME_REAL_CHANGE_PERCENT)
    return LC_LIMB_CHANGE_LARGER;
  if (change <= -LC_LIMB_VOLUME_REAL_CHANGE_PERCENT)
    return LC_LIMB_CHANGE_SMALLER;
  return LC_LIMB_CHANGE_WITHIN_ERROR;
}

/**
 * lc_limb_volume_between_legs:
 * @difference_ml: (out) (optional): right minus left
 * @percent_of_smaller: (out) (optional): the difference, unsigned, in % of
 *   the smaller leg
 *
 * The difference between the legs, for showing only: for legs no
 * threshold of it is known to mean anything.
 */
void
lc_limb_volume_between_legs (double  left_ml,
                             double  right_ml,
                             double *difference_ml,
                             double *percent_of_smaller)
{
  double smaller = MIN (left_ml, right_ml);

  if (difference_ml != NULL)
    *difference_ml = right_ml - left_ml;
  if (percent_of_smaller != NULL)
    *percent_of_smaller = smaller > 0 ? fabs (right_ml - left_ml) / smaller * 100 : 0;
}

/**
 * lc_limb_volume_one_sided_increase:
 * @leg: (out) (optional): 0 the left, 1 the right, when %TRUE
 *
 * Whether one leg grew beyond measurement error since the earlier
 * measurement and the other did not: a new one-sided swelling, worth a
 * review (with pain, warmth or redness, urgent advice: the safety texts
 * say so).
 *
 * Returns: whether exactly one leg is larger by the real change
 */
gboolean
lc_limb_volume_one_sided_increase (double  before_left_ml,
                                   double  before_right_ml,
                                   double  now_left_ml,
                                   double  now_right_ml,
                                   int    *leg)
{
  gboolean left;
  gboolean right;

  g_return_val_if_fail (before_left_ml > 0 && before_right_ml > 0, FALSE);

  left = lc_limb_volume_change (before_left_ml, now_left_ml, NULL) == LC_LIMB_CHANGE_LARGER;
  right = lc_limb_volume_change (before_right_ml, now_right_ml, NULL) == LC_LIMB_CHANGE_LARGER;
  if (left == right)
    return FALSE;

  if (leg != NULL)
    *leg = left ? 0 : 1;
  return TRUE;
}

/* --- measurements ------------------------------------------------------------ */

/**
 * lc_limb_measurement_new:
 * @taken_at: when, UTC seconds
 * @spacing_mm: the distance between the points
 *
 * Returns: (transfer full): a measurement with no points yet
 */
LcLimbMeasurement *
lc_limb_measurement_new (gint64 taken_at,
                         guint  spacing_mm)
{
  LcLimbMeasurement *measurement = g_new0 (LcLimbMeasurement, 1);

  measurement->taken_at = taken_at;
  measurement->spacing_mm = spacing_mm;
  measurement->position = LC_POSITION_NONE;
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    measurement->points[leg] = g_array_new (FALSE, FALSE, sizeof (guint16));

  return measurement;
}

LcLimbMeasurement *
lc_limb_measurement_copy (const LcLimbMeasurement *measurement)
{
  LcLimbMeasurement *copy;

  g_return_val_if_fail (measurement != NULL, NULL);

  copy = lc_limb_measurement_new (measurement->taken_at, measurement->spacing_mm);
  copy->id = measurement->id;
  copy->position = measurement->position;
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    g_array_append_vals (copy->points[leg], measurement->points[leg]->data, measurement->points[leg]->len);

  return copy;
}

void
lc_limb_measurement_free (LcLimbMeasurement *measurement)
{
  if (measurement == NULL)
    return;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    g_array_unref (measurement->points[leg]);
  g_free (measurement);
}

/**
 * lc_limb_measurement_add:
 *
 * The next point up on @leg.
 */
void
lc_limb_measurement_add (LcLimbMeasurement *measurement,
                         LcLeg              leg,
                         guint16            circumference_mm)
{
  g_return_if_fail (measurement != NULL);
  g_return_if_fail (leg < LC_N_LEGS);

  g_array_append_val (measurement->points[leg], circumference_mm);
}

/**
 * lc_limb_measurement_check:
 *
 * Whether the measurement can be stored: 4 or 8 cm apart, at least one
 * leg measured, each measured leg a leg (lc_limb_volume_ml()).
 *
 * Returns: %TRUE, or %FALSE with @error (LC_DIARY_ERROR_INVALID) saying why
 */
gboolean
lc_limb_measurement_check (const LcLimbMeasurement  *measurement,
                           GError                  **error)
{
  gboolean any = FALSE;

  g_return_val_if_fail (measurement != NULL, FALSE);

  if (measurement->spacing_mm != LC_LIMB_SPACING_DEFAULT_MM && measurement->spacing_mm != LC_LIMB_SPACING_FINE_MM)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                    _("The measurements are %.1f cm apart; they can be 4 or 8 cm apart"),
                    measurement->spacing_mm / 10.0);
      return FALSE;
    }
  if (measurement->position != LC_POSITION_NONE && measurement->position != LC_POSITION_SITTING &&
      measurement->position != LC_POSITION_LYING)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID, _("The position is not one Leg Care knows"));
      return FALSE;
    }

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      GArray *points = measurement->points[leg];
      double ml;

      if (points->len == 0)
        continue;
      any = TRUE;
      if (!lc_limb_volume_ml ((const guint16 *) points->data, points->len, measurement->spacing_mm, &ml, error))
        return FALSE;
    }

  if (!any)
    {
      lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID, _("Neither leg was measured"));
      return FALSE;
    }

  return TRUE;
}

/**
 * lc_limb_measurement_volume:
 * @volume_ml: (out): the leg's volume
 *
 * Returns: whether @leg was measured (and makes a leg)
 */
gboolean
lc_limb_measurement_volume (const LcLimbMeasurement *measurement,
                            LcLeg                    leg,
                            double                  *volume_ml)
{
  GArray *points;

  g_return_val_if_fail (measurement != NULL, FALSE);
  g_return_val_if_fail (leg < LC_N_LEGS, FALSE);
  g_return_val_if_fail (volume_ml != NULL, FALSE);

  points = measurement->points[leg];
  *volume_ml = 0;
  return points->len > 0 &&
         lc_limb_volume_ml ((const guint16 *) points->data, points->len, measurement->spacing_mm, volume_ml, NULL);
}

/**
 * lc_limb_points_to_string:
 * @points: (element-type guint16): circumferences in mm
 *
 * Returns: (transfer full): them as "225,240,300", "" for none: how the
 *   diary and its CSV files hold them
 */
char *
lc_limb_points_to_string (GArray *points)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (points != NULL, NULL);

  for (guint i = 0; i < points->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? "," : "", g_array_index (points, guint16, i));

  return g_string_free (text, FALSE);
}

/**
 * lc_limb_points_from_string:
 * @text: as lc_limb_points_to_string() writes them
 * @points: (element-type guint16): where they go, emptied first
 *
 * Returns: whether @text is whole numbers of mm between commas (or empty);
 *   their ranges are lc_limb_measurement_check()'s to judge
 */
gboolean
lc_limb_points_from_string (const char *text,
                            GArray     *points)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (points != NULL, FALSE);

  g_array_set_size (points, 0);
  if (text[0] == '\0')
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;
      guint16 mm;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT16, &value, NULL))
        {
          g_array_set_size (points, 0);
          return FALSE;
        }
      mm = (guint16) value;
      g_array_append_val (points, mm);
    }

  return TRUE;
}
