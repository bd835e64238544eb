/* test-limb-volume.c: a leg's volume from tape measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The truncated-cone sum against shapes worked by hand, the % rules at
 * their limits, and measurements that make no leg refused with a reason.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-diary.h"
#include "lc-error.h"
#include "lc-limb-volume.h"

#define EPS 1e-9

static double
volume (const guint16 *mm,
        guint          n,
        guint          spacing)
{
  g_autoptr(GError) error = NULL;
  double ml = -1;

  g_assert_true (lc_limb_volume_ml (mm, n, spacing, &ml, &error));
  g_assert_no_error (error);
  return ml;
}

/* Shapes whose volume is known */
static void
test_limb_volume_shapes (void)
{
  /* A cylinder 30 cm around and 16 cm tall: h C² / (4π) = 16 · 900 / (4π) */
  const guint16 cylinder[] = { 300, 300, 300 };
  /* One frustum, 20 cm around at the bottom and 40 at the top, 4 cm tall:
   * 4 (400 + 800 + 1600) / (12π) = 11200 / (12π) */
  const guint16 frustum[] = { 200, 400 };
  /* A lower leg every 8 cm from the ankle: 22 24 30 35 37 35 33 36 cm.
   * C1² + C1·C2 + C2² of each stretch, by hand:
   *   22-24: 484 + 528 + 576 = 1588     24-30: 576 + 720 + 900 = 2196
   *   30-35: 900 + 1050 + 1225 = 3175   35-37: 1225 + 1295 + 1369 = 3889
   *   37-35: 3889                       35-33: 1225 + 1155 + 1089 = 3469
   *   33-36: 1089 + 1188 + 1296 = 3573  sum 21779
   * so 8 · 21779 / (12π) mL, about 4622 mL */
  const guint16 leg[] = { 220, 240, 300, 350, 370, 350, 330, 360 };

  g_assert_cmpfloat_with_epsilon (volume (cylinder, 3, 80), 16 * 900 / (4 * G_PI), EPS);
  g_assert_cmpfloat_with_epsilon (volume (frustum, 2, 40), 11200 / (12 * G_PI), EPS);
  g_assert_cmpfloat_with_epsilon (volume (leg, 8, 80), 8 * 21779 / (12 * G_PI), EPS);
  g_assert_cmpfloat_with_epsilon (volume (leg, 8, 80), 4621.7, 0.1);
}

/* Where the circumference grows evenly, the frustums are exact: every
 * 4 cm and every 8 cm give the same volume; a leg that bulges between two
 * tapes 8 cm apart is missed by the coarser one */
static void
test_limb_volume_spacings (void)
{
  const guint16 every8[] = { 220, 260, 300 };
  const guint16 every4[] = { 220, 240, 260, 280, 300 };
  const guint16 bulge4[] = { 220, 240, 290, 280, 300 };

  g_assert_cmpfloat_with_epsilon (volume (every8, 3, 80), volume (every4, 5, 40), 1e-6);
  g_assert_cmpfloat (volume (bulge4, 5, 40), >, volume (every8, 3, 80));
}

static void
test_limb_volume_refused (void)
{
  guint16 points[LC_LIMB_MAX_POINTS + 1];
  const struct { guint n; guint spacing; guint bad_at; guint16 bad; const char *says; } cases[] = {
    { 1, 80, 0, 0, "2 to 30 measurements" },
    { 0, 80, 0, 0, "not 0" },
    { LC_LIMB_MAX_POINTS + 1, 80, 0, 0, "not 31" },
    { 5, 0, 0, 0, "distance" },
    { 5, 80, 3, 99, "Measurement 3 is 9.9 cm" },
    { 5, 80, 5, 1201, "Measurement 5 is 120.1 cm" },
    { 5, 80, 1, 0, "Measurement 1 is 0.0 cm" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      double ml = 123;

      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        points[i] = 300;
      if (cases[c].bad_at > 0)
        points[cases[c].bad_at - 1] = cases[c].bad;

      g_assert_false (lc_limb_volume_ml (points, cases[c].n, cases[c].spacing, &ml, &error));
      g_assert_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[c].says));
      g_assert_cmpfloat (ml, ==, 0);
    }

  /* The limits themselves are legs */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = i % 2 ? LC_LIMB_MIN_CIRCUMFERENCE_MM : LC_LIMB_MAX_CIRCUMFERENCE_MM;
  g_assert_cmpfloat (volume (points, LC_LIMB_MAX_POINTS, 40), >, 0);
  g_assert_cmpfloat (volume (points, LC_LIMB_MIN_POINTS, 80), >, 0);
}

/* The real change at its limit, as shown to one decimal */
static void
test_limb_volume_change (void)
{
  const struct { double now; LcLimbChange change; } cases[] = {
    { 1000, LC_LIMB_CHANGE_WITHIN_ERROR },
    { 1037.4, LC_LIMB_CHANGE_WITHIN_ERROR },   /* 3.74 %, shown 3.7 */
    { 1037.5, LC_LIMB_CHANGE_LARGER },         /* 3.75 %, shown 3.8 */
    { 1038, LC_LIMB_CHANGE_LARGER },
    { 1200, LC_LIMB_CHANGE_LARGER },
    { 962.6, LC_LIMB_CHANGE_WITHIN_ERROR },    /* -3.74 % */
    { 962.0, LC_LIMB_CHANGE_SMALLER },         /* -3.8 % */
    { 500, LC_LIMB_CHANGE_SMALLER },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double percent = NAN;

      g_assert_cmpint (lc_limb_volume_change (1000, cases[c].now, &percent), ==, cases[c].change);
      g_assert_cmpfloat_with_epsilon (percent, (cases[c].now - 1000) / 10, 1e-9);
    }
}

static void
test_limb_volume_legs (void)
{
  double difference = NAN;
  double percent = NAN;
  int leg = -1;

  lc_limb_volume_between_legs (4000, 4200, &difference, &percent);
  g_assert_cmpfloat_with_epsilon (difference, 200, EPS);
  g_assert_cmpfloat_with_epsilon (percent, 5, EPS);
  lc_limb_volume_between_legs (4200, 4000, &difference, &percent);
  g_assert_cmpfloat_with_epsilon (difference, -200, EPS);
  g_assert_cmpfloat_with_epsilon (percent, 5, EPS);

  /* One leg beyond the real change, the other not: a review */
  g_assert_true (lc_limb_volume_one_sided_increase (4000, 4000, 4200, 4040, &leg));
  g_assert_cmpint (leg, ==, 0);
  g_assert_true (lc_limb_volume_one_sided_increase (4000, 4000, 3990, 4160, &leg));
  g_assert_cmpint (leg, ==, 1);
  /* Both, or neither, or one smaller: not one-sided swelling */
  g_assert_false (lc_limb_volume_one_sided_increase (4000, 4000, 4200, 4200, NULL));
  g_assert_false (lc_limb_volume_one_sided_increase (4000, 4000, 4100, 4040, NULL));
  g_assert_false (lc_limb_volume_one_sided_increase (4000, 4000, 3800, 4000, NULL));
}

/* Seeded random legs: the sum of frustums lies between the cylinders of
 * the thinnest and of the thickest point, and adding a point in the middle
 * of each stretch at the mean of its ends changes little */
static void
test_limb_volume_random (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_test_message ("seed %u", seed);
  for (guint run = 0; run < 1000; run++)
    {
      guint n = g_rand_int_range (rand, LC_LIMB_MIN_POINTS, LC_LIMB_MAX_POINTS / 2 + 1);
      guint16 points[LC_LIMB_MAX_POINTS];
      guint16 finer[LC_LIMB_MAX_POINTS];
      guint16 low = G_MAXUINT16;
      guint16 high = 0;
      double height;
      double ml;

      for (guint i = 0; i < n; i++)
        {
          points[i] = (guint16) g_rand_int_range (rand, 60, 600) * 2;
          low = MIN (low, points[i]);
          high = MAX (high, points[i]);
        }
      height = (n - 1) * 8.0;
      ml = volume (points, n, 80);
      g_assert_cmpfloat (ml, >=, height * (low / 10.0) * (low / 10.0) / (4 * G_PI) - 1e-6);
      g_assert_cmpfloat (ml, <=, height * (high / 10.0) * (high / 10.0) / (4 * G_PI) + 1e-6);

      for (guint i = 0; i < n; i++)
        {
          finer[2 * i] = points[i];
          if (i + 1 < n)
            finer[2 * i + 1] = (guint16) ((points[i] + points[i + 1]) / 2);
        }
      /* Midpoints on the straight line: the same volume (the even sums
       * keep the midpoints whole) */
      g_assert_cmpfloat_with_epsilon (volume (finer, 2 * n - 1, 40), ml, 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lc/limb-volume/shapes", test_limb_volume_shapes);
  g_test_add_func ("/lc/limb-volume/spacings", test_limb_volume_spacings);
  g_test_add_func ("/lc/limb-volume/refused", test_limb_volume_refused);
  g_test_add_func ("/lc/limb-volume/change", test_limb_volume_change);
  g_test_add_func ("/lc/limb-volume/legs", test_limb_volume_legs);
  g_test_add_func ("/lc/limb-volume/random", test_limb_volume_random);

  return g_test_run ();
}
