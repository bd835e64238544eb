/* lc-test-seed.h: a plausible diary of many weeks, for the Trends page's
 * tests, its screenshots and the chart benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "lc-diary.h"
#include "lc-routine.h"

/* @hour:@minute local time on the day of @day */
static inline GDateTime *
lc_test_seed_time (GDateTime *day,
                   int        hour,
                   int        minute)
{
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

/* Someone with heavy legs after long days standing, who starts doing a
 * routine most days: morning scores low, evening scores higher, the right
 * leg a little worse, slowly better over the weeks; a week away without
 * the diary; ankles and calves measured twice a week, sitting; sessions rated before and
 * after. Entries from @first_days_ago days ago up to @last_days_ago (0 is
 * today, morning entries only so that nothing lies in the future).
 * The same @seed gives the same diary. */
static inline void
lc_test_seed_diary (LcDiary *diary,
                    int      first_days_ago,
                    int      last_days_ago,
                    guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  static const char *const routines[][2] = {
    { "calf-pump-seated", "Calf Pump, Seated" },
    { "leg-elevation", "Leg Elevation" },
    { "lymphatic-massage", "Lymphatic Self-Massage" },
  };

  lc_diary_begin (diary, NULL);
  for (int ago = first_days_ago; ago >= last_days_ago; ago--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -ago);
      /* 0 at the start, 1 at the end: the legs get better */
      double progress = first_days_ago > 0 ? (double) (first_days_ago - ago) / first_days_ago : 1;
      gboolean weekend = g_date_time_get_day_of_week (day) >= 6;
      double base = 4.2 - 2.0 * progress + (weekend ? -0.8 : 0.4);

      /* A week away: no entries */
      if (ago >= 40 && ago < 47)
        continue;

      for (int evening = 0; evening <= 1; evening++)
        {
          g_autoptr(GDateTime) time = lc_test_seed_time (day, evening ? 21 : 7, g_rand_int_range (rand, 0, 50));
          g_autoptr(LcEntry) entry = NULL;
          double level = base + (evening ? 2.2 : -1.2);

          if (g_date_time_compare (time, now) > 0 || g_rand_double (rand) < 0.12)
            continue;

          entry = lc_entry_new (g_date_time_to_unix (time));
          for (int leg = 0; leg < LC_N_LEGS; leg++)
            {
              double h = level + (leg == LC_LEG_RIGHT ? 0.6 : 0) + g_rand_double_range (rand, -1.2, 1.2);
              double s = level - 0.8 + (leg == LC_LEG_RIGHT ? 0.5 : 0) + g_rand_double_range (rand, -1.2, 1.2);

              entry->heaviness[leg] = CLAMP ((int) lround (h), 0, 10);
              entry->swelling[leg] = CLAMP ((int) lround (s), 0, 10);
            }
          if (evening && (g_date_time_get_day_of_week (day) == 2 || g_date_time_get_day_of_week (day) == 5))
            {
              entry->ankle_mm[LC_LEG_LEFT] = 232 + (int) lround (10 * level * 0.25) + g_rand_int_range (rand, -3, 4);
              entry->ankle_mm[LC_LEG_RIGHT] = entry->ankle_mm[LC_LEG_LEFT] + g_rand_int_range (rand, 2, 9);
              entry->calf_mm[LC_LEG_LEFT] = 352 + (int) lround (10 * level * 0.3) + g_rand_int_range (rand, -3, 4);
              entry->calf_mm[LC_LEG_RIGHT] = entry->calf_mm[LC_LEG_LEFT] + g_rand_int_range (rand, 0, 7);
              entry->position = LC_POSITION_SITTING;
            }
          if (evening && !weekend && g_rand_double (rand) < 0.6)
            entry->tags |= LC_TAG_LONG_STANDING;
          if (!evening && g_rand_double (rand) < 0.5 + 0.3 * progress)
            entry->tags |= LC_TAG_COMPRESSION;
          lc_diary_add_entry (diary, entry, NULL);
        }

      /* A session most evenings once the habit sets in */
      if (g_rand_double (rand) < 0.3 + 0.5 * progress)
        {
          guint r = g_rand_int_range (rand, 0, G_N_ELEMENTS (routines));
          g_autoptr(GDateTime) time = lc_test_seed_time (day, 19, 30);
          g_autoptr(LcSessionRecord) record = lc_session_record_new ();
          int before = CLAMP ((int) lround (base + 2 + g_rand_double_range (rand, -1, 1)), 1, 10);

          if (g_date_time_compare (time, now) > 0)
            continue;
          record->routine_id = g_strdup (routines[r][0]);
          record->routine_name = g_strdup (routines[r][1]);
          record->started_at = g_date_time_to_unix (time);
          record->ended_at = record->started_at + 600;
          record->steps_total = 8;
          record->steps_done = g_rand_double (rand) < 0.9 ? 8 : 5;
          record->heaviness_before = before;
          record->heaviness_after = CLAMP (before - g_rand_int_range (rand, 0, r == 1 ? 4 : 3), 0, 10);
          lc_diary_add_session (diary, record, NULL);
        }
    }
  lc_diary_commit (diary, NULL);
}

/* Sitting breaks on about half the days (one to four a day, in working
 * hours) and a leg measurement every fourteen days (three days ago, then
 * every fourteen days back), now and then of one leg only; from
 * @first_days_ago days ago up to @last_days_ago. The same @seed gives the
 * same records. */
static inline void
lc_test_seed_breaks_and_volumes (LcDiary *diary,
                                 int      first_days_ago,
                                 int      last_days_ago,
                                 guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  lc_diary_begin (diary, NULL);
  for (int ago = first_days_ago; ago >= last_days_ago; ago--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -ago);
      int breaks = g_rand_double (rand) < 0.5 ? g_rand_int_range (rand, 1, 5) : 0;

      for (int b = 0; b < breaks; b++)
        {
          g_autoptr(GDateTime) time = lc_test_seed_time (day, 9 + 2 * b, g_rand_int_range (rand, 0, 60));
          g_autoptr(LcSessionRecord) record = lc_session_record_new ();

          if (g_date_time_compare (time, now) > 0)
            break;
          record->routine_id = g_strdup (LC_ROUTINE_ID_SITTING_BREAK);
          record->routine_name = g_strdup ("Sitting Break");
          record->started_at = g_date_time_to_unix (time);
          record->ended_at = record->started_at + 120;
          record->steps_total = 4;
          record->steps_done = g_rand_double (rand) < 0.9 ? 4 : 2;
          lc_diary_add_session (diary, record, NULL);
        }

      if ((ago - 3) % 14 == 0 && ago >= 3)
        {
          g_autoptr(GDateTime) time = lc_test_seed_time (day, 8, 15);
          g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (g_date_time_to_unix (time),
                                                                              LC_LIMB_SPACING_DEFAULT_MM);
          gboolean one_leg = g_rand_double (rand) < 0.15;
          /* A little more in the right leg, a little less as the months go by */
          int drift = g_rand_int_range (rand, -6, 7) - (first_days_ago - ago) / 120;

          measurement->position = LC_POSITION_SITTING;
          for (int leg = 0; leg < (one_leg ? 1 : LC_N_LEGS); leg++)
            for (guint i = 0; i < 6; i++)
              lc_limb_measurement_add (measurement, leg,
                                       CLAMP (220 + 28 * (int) i + drift + (leg == LC_LEG_RIGHT ? 9 : 0)
                                              + g_rand_int_range (rand, -3, 4), 150, 600));
          lc_diary_add_measurement (diary, measurement, NULL);
        }
    }
  lc_diary_commit (diary, NULL);
}
