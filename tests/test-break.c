/* test-break.c: when the sitting breaks come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduler on a fake clock, with an activity source the test sets by
 * hand: intervals, idle stretches, coming back, Later and Skip, sessions,
 * Do Not Disturb, active hours across midnight and the days the clocks
 * change, suspends and restarts; then seeded random days checked against
 * the rules that hold whatever happens.
 */

#include "config.h"

#include "lc-break.h"
#include "lc-reminder.h"

#define MINUTE_US G_GINT64_CONSTANT (60000000)

typedef struct
{
  LcClock          *clock;
  GTimeZone        *tz;
  LcActivity       *activity;
  LcBreakScheduler *scheduler;
  GArray           *due;        /* gint64: wall-clock µs of each "due" */
  GArray           *withdrawn;  /* likewise for "withdrawn" */
  guint             n_state_changed;
  guint             n_state_asked;  /* by a handler asking for the state */
} Fixture;

static gint64
local_us (Fixture *f,
          int      year,
          int      month,
          int      day,
          int      hour,
          int      minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (f->tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);

  return g_date_time_to_unix_usec (time);
}

static void
due_cb (LcBreakScheduler *scheduler,
        Fixture          *f)
{
  gint64 now = lc_clock_get_real_time (f->clock);

  g_assert_true (lc_break_scheduler_get_pending (scheduler));
  g_array_append_val (f->due, now);
}

static void
withdrawn_cb (LcBreakScheduler *scheduler,
              Fixture          *f)
{
  gint64 now = lc_clock_get_real_time (f->clock);

  g_assert_false (lc_break_scheduler_get_pending (scheduler));
  g_array_append_val (f->withdrawn, now);
}

static void
state_changed_cb (LcBreakScheduler *scheduler,
                  Fixture          *f)
{
  f->n_state_changed++;
}

static void
connect_scheduler (Fixture *f)
{
  g_signal_connect (f->scheduler, "due", G_CALLBACK (due_cb), f);
  g_signal_connect (f->scheduler, "withdrawn", G_CALLBACK (withdrawn_cb), f);
  g_signal_connect (f->scheduler, "state-changed", G_CALLBACK (state_changed_cb), f);
}

static LcBreakRules
all_day (void)
{
  LcBreakRules rules = {
    .enabled = TRUE,
    .interval_minutes = 45,
    .start_minute = 0,
    .end_minute = 0,
    .weekdays = LC_WEEKDAYS_ALL,
    .only_while_active = TRUE,
  };

  return rules;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  LcBreakRules rules = all_day ();

  f->clock = lc_clock_new_fake ();
  f->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (f->tz);
  /* Monday 2 March 2026, 10:00 */
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 3, 2, 10, 0));
  f->activity = lc_activity_new_manual ();
  lc_activity_set_available (f->activity, TRUE);
  f->due = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->withdrawn = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->scheduler = lc_break_scheduler_new (f->clock, f->tz, f->activity);
  connect_scheduler (f);
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  lc_break_scheduler_start (f->scheduler);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->scheduler);
  g_clear_object (&f->activity);
  g_assert_cmpuint (lc_clock_get_n_timeouts (f->clock), ==, 0);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_clear_pointer (&f->due, g_array_unref);
  g_clear_pointer (&f->withdrawn, g_array_unref);
}

static void
advance_minutes (Fixture *f,
                 double   minutes)
{
  lc_clock_advance (f->clock, (gint64) (minutes * MINUTE_US));
}

/* To @target in steps of at most 7 minutes, as the timeouts would not */
static void
advance_to (Fixture *f,
            gint64   target)
{
  gint64 now;

  while ((now = lc_clock_get_real_time (f->clock)) < target)
    lc_clock_advance (f->clock, MIN (target - now, 7 * MINUTE_US));
}

static gint64
due_at (Fixture *f,
        guint    i)
{
  g_assert_cmpuint (i, <, f->due->len);

  return g_array_index (f->due, gint64, i);
}

/* --- the interval ------------------------------------------------------------ */

static void
test_interval (Fixture       *f,
               gconstpointer  data)
{
  gint64 start = lc_clock_get_real_time (f->clock);

  g_assert_true (lc_break_scheduler_get_uses_activity (f->scheduler));

  advance_minutes (f, 45 - 1.0 / 60);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1.0 / 60);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpint (due_at (f, 0), ==, start + 45 * MINUTE_US);

  /* Ignored, and sitting on: the same prompt again an interval later,
   * never in between. */
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
  g_assert_true (lc_break_scheduler_get_pending (f->scheduler));
  g_assert_cmpuint (f->withdrawn->len, ==, 0);
}

static void
test_intervals_clamped (Fixture       *f,
                        gconstpointer  data)
{
  static const struct { guint asked; guint used; } cases[] = {
    { 0, 30 }, { 10, 30 }, { 30, 30 }, { 31, 31 }, { 60, 60 }, { 90, 90 }, { 91, 90 }, { 1000, 90 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcBreakRules rules = all_day ();
      LcBreakRules used;
      gint64 start;

      rules.interval_minutes = cases[i].asked;
      lc_break_scheduler_skip (f->scheduler);
      lc_break_scheduler_set_rules (f->scheduler, &rules);
      lc_break_scheduler_get_rules (f->scheduler, &used);
      g_assert_cmpuint (used.interval_minutes, ==, cases[i].used);

      g_array_set_size (f->due, 0);
      start = lc_clock_get_real_time (f->clock);
      advance_minutes (f, cases[i].used + 0.5);
      g_assert_cmpuint (f->due->len, ==, 1);
      g_assert_cmpint (due_at (f, 0), ==, start + cases[i].used * MINUTE_US);
    }
}

/* A shorter interval applies to the count under way, a longer one too. */
static void
test_interval_changed (Fixture       *f,
                       gconstpointer  data)
{
  LcBreakRules rules = all_day ();
  gint64 start = lc_clock_get_real_time (f->clock);

  advance_minutes (f, 35);
  rules.interval_minutes = 30;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpint (due_at (f, 0), ==, start + 35 * MINUTE_US);

  lc_break_scheduler_skip (f->scheduler);
  advance_minutes (f, 20);
  rules.interval_minutes = 60;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  advance_minutes (f, 39);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
}

static void
test_off (Fixture       *f,
          gconstpointer  data)
{
  LcBreakRules rules = all_day ();

  advance_minutes (f, 30);
  rules.enabled = FALSE;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  g_assert_cmpuint (lc_clock_get_n_timeouts (f->clock), ==, 0);
  advance_minutes (f, 300);
  g_assert_cmpuint (f->due->len, ==, 0);

  /* On again: from then, not from before */
  rules.enabled = TRUE;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);

  /* Off with a prompt out: withdrawn */
  rules.enabled = FALSE;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
}

/* --- idle stretches ------------------------------------------------------------- */

static void
test_idle_is_a_break (Fixture       *f,
                      gconstpointer  data)
{
  gint64 back;

  /* 40 minutes, then away: the source says so after 5 minutes */
  advance_minutes (f, 40);
  lc_activity_set_idle (f->activity, TRUE);
  g_assert_cmpint (lc_break_scheduler_get_sitting (f->scheduler), ==, 0);
  advance_minutes (f, 30);
  g_assert_cmpuint (f->due->len, ==, 0);

  /* Back: no prompt at once; a full interval from now */
  lc_activity_set_idle (f->activity, FALSE);
  back = lc_clock_get_real_time (f->clock);
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpint (due_at (f, 0), ==, back + 45 * MINUTE_US);
}

/* Away with the prompt out: it is withdrawn, and not sent on coming back. */
static void
test_idle_withdraws (Fixture       *f,
                     gconstpointer  data)
{
  advance_minutes (f, 45);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 3);
  lc_activity_set_idle (f->activity, TRUE);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  advance_minutes (f, 2);
  lc_activity_set_idle (f->activity, FALSE);
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
}

/* "Count only while I use the computer" off: away counts as sitting. */
static void
test_idle_ignored_when_asked (Fixture       *f,
                              gconstpointer  data)
{
  LcBreakRules rules = all_day ();

  rules.only_while_active = FALSE;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  g_assert_false (lc_break_scheduler_get_uses_activity (f->scheduler));
  advance_minutes (f, 20);
  lc_activity_set_idle (f->activity, TRUE);
  advance_minutes (f, 20);
  lc_activity_set_idle (f->activity, FALSE);
  advance_minutes (f, 5);
  g_assert_cmpuint (f->due->len, ==, 1);
}

/* No idle monitor: wall-clock time, and the source coming later is used. */
static void
test_no_activity_source (Fixture       *f,
                         gconstpointer  data)
{
  lc_activity_set_available (f->activity, FALSE);
  g_assert_false (lc_break_scheduler_get_uses_activity (f->scheduler));
  lc_break_scheduler_skip (f->scheduler);
  /* Idle is not believed from a source that cannot tell */
  lc_activity_set_idle (f->activity, TRUE);
  advance_minutes (f, 45);
  g_assert_cmpuint (f->due->len, ==, 1);

  lc_activity_set_available (f->activity, TRUE);
  g_assert_true (lc_break_scheduler_get_uses_activity (f->scheduler));
  lc_activity_set_idle (f->activity, TRUE);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
}

/* A scheduler with no source at all counts wall-clock time. */
static void
test_null_activity (void)
{
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(LcBreakScheduler) scheduler = lc_break_scheduler_new (clock, tz, NULL);
  LcBreakRules rules = all_day ();
  guint n_due = 0;

  lc_clock_set_real_time (clock, G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC);
  g_signal_connect_swapped (scheduler, "due", G_CALLBACK (g_atomic_int_inc), &n_due);
  lc_break_scheduler_set_rules (scheduler, &rules);
  lc_break_scheduler_start (scheduler);
  g_assert_false (lc_break_scheduler_get_uses_activity (scheduler));
  lc_clock_advance (clock, 90 * MINUTE_US);
  g_assert_cmpuint (n_due, ==, 2);
}

/* --- answers --------------------------------------------------------------- */

static void
test_later (Fixture       *f,
            gconstpointer  data)
{
  advance_minutes (f, 45);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  lc_break_scheduler_later (f->scheduler);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  g_assert_cmpint (lc_break_scheduler_get_remaining (f->scheduler), ==, LC_BREAK_LATER_MINUTES * MINUTE_US);
  advance_minutes (f, LC_BREAK_LATER_MINUTES - 1);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
  g_assert_cmpint (due_at (f, 1) - due_at (f, 0), ==, (1 + LC_BREAK_LATER_MINUTES) * MINUTE_US);

  /* After a Later's prompt, the interval again */
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 2);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 3);
}

static void
test_skip (Fixture       *f,
           gconstpointer  data)
{
  advance_minutes (f, 50);
  g_assert_cmpuint (f->due->len, ==, 1);
  lc_break_scheduler_skip (f->scheduler);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
}

/* A session running: nothing counts, nothing comes; done, it is a break. */
static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  advance_minutes (f, 30);
  lc_break_scheduler_set_busy (f->scheduler, TRUE);
  advance_minutes (f, 60);
  g_assert_cmpuint (f->due->len, ==, 0);
  /* Stopped without a step: back to counting where it was */
  lc_break_scheduler_set_busy (f->scheduler, FALSE);
  advance_minutes (f, 14);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);

  /* Started (from the prompt or the window) and done: answered, the
   * prompt withdrawn, and a fresh count */
  g_assert_cmpuint (f->withdrawn->len, ==, 0);
  lc_break_scheduler_set_busy (f->scheduler, TRUE);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  advance_minutes (f, 2);
  lc_break_scheduler_break_taken (f->scheduler);
  lc_break_scheduler_set_busy (f->scheduler, FALSE);
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
}

static void
test_do_not_disturb (Fixture       *f,
                     gconstpointer  data)
{
  gint64 unmuted;

  advance_minutes (f, 20);
  lc_break_scheduler_set_muted (f->scheduler, TRUE);
  advance_minutes (f, 40);
  g_assert_cmpuint (f->due->len, ==, 0);
  lc_break_scheduler_set_muted (f->scheduler, FALSE);
  unmuted = lc_clock_get_real_time (f->clock);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpint (due_at (f, 0), ==, unmuted);
  /* Only one, however long it waited */
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);
}

/* --- active hours ---------------------------------------------------------------- */

static void
set_hours (Fixture *f,
           int      start_hour,
           int      start_minute,
           int      end_hour,
           int      end_minute,
           guint8   weekdays)
{
  LcBreakRules rules = all_day ();

  rules.start_minute = start_hour * 60 + start_minute;
  rules.end_minute = end_hour * 60 + end_minute;
  rules.weekdays = weekdays;
  lc_break_scheduler_set_rules (f->scheduler, &rules);
}

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  guint8 weekdays = LC_WEEKDAY_BIT (G_DATE_MONDAY) | LC_WEEKDAY_BIT (G_DATE_TUESDAY) |
                    LC_WEEKDAY_BIT (G_DATE_WEDNESDAY) | LC_WEEKDAY_BIT (G_DATE_THURSDAY) |
                    LC_WEEKDAY_BIT (G_DATE_FRIDAY);

  /* Friday 6 March 2026, 08:30, hours 09:00-17:00 on weekdays */
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 3, 6, 8, 30));
  lc_break_scheduler_skip (f->scheduler);
  set_hours (f, 9, 0, 17, 0, weekdays);

  /* Counted from 09:00, not 08:30 */
  advance_minutes (f, 60 + 14);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpint (due_at (f, 0), ==, local_us (f, 2026, 3, 6, 9, 45));

  /* … every 45 minutes; the one at 16:30 is withdrawn at 17:00 */
  advance_to (f, local_us (f, 2026, 3, 6, 17, 0));
  g_assert_cmpuint (f->due->len, ==, 10);
  g_assert_cmpint (due_at (f, 9), ==, local_us (f, 2026, 3, 6, 16, 30));
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  g_assert_cmpint (g_array_index (f->withdrawn, gint64, 0), ==, local_us (f, 2026, 3, 6, 17, 0));

  /* Nothing over the weekend; Monday 09:45 the first */
  advance_to (f, local_us (f, 2026, 3, 9, 9, 44));
  g_assert_cmpuint (f->due->len, ==, 10);
  advance_minutes (f, 2);
  g_assert_cmpuint (f->due->len, ==, 11);
  g_assert_cmpint (due_at (f, 10), ==, local_us (f, 2026, 3, 9, 9, 45));
}

/* Outside the active hours nothing is counted: a state-changed handler
 * that asks for the state while time goes on (as the app's notifier does,
 * to save it) gets it, instead of a restart that asks again forever. */
static void
state_asked_cb (LcBreakScheduler *scheduler,
                Fixture          *f)
{
  g_autoptr(GVariant) state = NULL;

  g_assert_cmpuint (++f->n_state_asked, <, 10);
  lc_clock_advance (f->clock, 1);
  state = lc_break_scheduler_get_state (scheduler);
}

static void
test_hours_state_asked (Fixture       *f,
                        gconstpointer  data)
{
  gint64 now;
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) state = NULL;
  gint64 sitting = -1;

  /* Friday 6 March 2026, 20:00, hours 09:00-17:00; a count of ten minutes
   * saved a minute ago is restarted, once */
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 3, 6, 20, 0));
  set_hours (f, 9, 0, 17, 0, LC_WEEKDAYS_ALL);
  now = lc_clock_get_real_time (f->clock);
  g_signal_connect (f->scheduler, "state-changed", G_CALLBACK (state_asked_cb), f);
  saved = g_variant_ref_sink (g_variant_new ("(xxbbx)", 10 * MINUTE_US, 45 * MINUTE_US, FALSE, FALSE,
                                             now - MINUTE_US));
  lc_break_scheduler_set_state (f->scheduler, saved);
  g_assert_cmpuint (f->n_state_asked, ==, 1);

  /* and nothing is counted after */
  advance_minutes (f, 30);
  lc_clock_advance (f->clock, 1);
  state = lc_break_scheduler_get_state (f->scheduler);
  g_variant_get_child (state, 0, "x", &sitting);
  g_assert_cmpint (sitting, ==, 0);
  g_assert_cmpuint (f->n_state_asked, ==, 1);
  g_signal_handlers_disconnect_by_func (f->scheduler, state_asked_cb, f);
}

/* Hours across midnight belong to the day they start on. */
static void
test_hours_across_midnight (Fixture       *f,
                            gconstpointer  data)
{
  /* Saturday only, 22:00 to 02:00 */
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 3, 7, 21, 0));
  lc_break_scheduler_skip (f->scheduler);
  set_hours (f, 22, 0, 2, 0, LC_WEEKDAY_BIT (G_DATE_SATURDAY));

  advance_to (f, local_us (f, 2026, 3, 8, 23, 0));

  /* 22:45, 23:30, 00:15, 01:00, 01:45, and none on Sunday night */
  g_assert_cmpuint (f->due->len, ==, 5);
  g_assert_cmpint (due_at (f, 0), ==, local_us (f, 2026, 3, 7, 22, 45));
  g_assert_cmpint (due_at (f, 2), ==, local_us (f, 2026, 3, 8, 0, 15));
  g_assert_cmpint (due_at (f, 4), ==, local_us (f, 2026, 3, 8, 1, 45));
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  g_assert_cmpint (g_array_index (f->withdrawn, gint64, 0), ==, local_us (f, 2026, 3, 8, 2, 0));
}

/* The days the clocks change: the count is in real minutes, the hours in
 * local time. */
static void
test_hours_dst (Fixture       *f,
                gconstpointer  data)
{
  /* Sunday 29 March 2026, Europe/Berlin: 02:00 becomes 03:00. Hours
   * 01:00-04:00 are two real hours that day. */
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 3, 29, 0, 30));
  lc_break_scheduler_skip (f->scheduler);
  set_hours (f, 1, 0, 4, 0, LC_WEEKDAYS_ALL);
  advance_to (f, local_us (f, 2026, 3, 29, 5, 0));
  g_assert_cmpuint (f->due->len, ==, 2);
  g_assert_cmpint (due_at (f, 0), ==, local_us (f, 2026, 3, 29, 1, 45));
  /* 45 real minutes on: 03:30 summer time */
  g_assert_cmpint (due_at (f, 1), ==, local_us (f, 2026, 3, 29, 3, 30));
  g_assert_cmpint (due_at (f, 1) - due_at (f, 0), ==, 45 * MINUTE_US);

  /* Sunday 25 October 2026: 03:00 becomes 02:00 again; four real hours */
  g_array_set_size (f->due, 0);
  lc_clock_set_real_time (f->clock, local_us (f, 2026, 10, 25, 0, 30));
  lc_break_scheduler_skip (f->scheduler);
  set_hours (f, 1, 0, 4, 0, LC_WEEKDAYS_ALL);
  g_array_set_size (f->withdrawn, 0);
  advance_to (f, local_us (f, 2026, 10, 25, 5, 0));
  g_assert_cmpuint (f->due->len, ==, 5);
  for (guint i = 1; i < f->due->len; i++)
    g_assert_cmpint (due_at (f, i) - due_at (f, i - 1), ==, 45 * MINUTE_US);
}

/* --- suspend, restart ----------------------------------------------------------- */

static void
test_suspend (Fixture       *f,
              gconstpointer  data)
{
  gint64 woke;

  /* A short suspend is not a break */
  advance_minutes (f, 20);
  lc_clock_jump_real_time (f->clock, 4 * MINUTE_US);
  advance_minutes (f, 25);
  g_assert_cmpuint (f->due->len, ==, 1);

  /* A long one is, and withdraws the prompt. Nothing wakes the scheduler
   * on resume: it notices at its next timeout (here the one that would
   * have brought the prompt again), or at the next change of activity. */
  lc_clock_jump_real_time (f->clock, 30 * MINUTE_US);
  advance_minutes (f, 45);
  woke = lc_clock_get_real_time (f->clock);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  advance_minutes (f, 45);
  g_assert_cmpuint (f->due->len, ==, 2);
  g_assert_cmpint (due_at (f, 1), ==, woke + 45 * MINUTE_US);

  /* Noticed at once when the idle monitor says something */
  lc_clock_jump_real_time (f->clock, 30 * MINUTE_US);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  lc_activity_set_idle (f->activity, TRUE);
  lc_activity_set_idle (f->activity, FALSE);
  g_assert_cmpuint (f->withdrawn->len, ==, 2);

  /* The clock set back: start again, no prompt */
  advance_minutes (f, 30);
  lc_clock_jump_real_time (f->clock, -60 * MINUTE_US);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);
  g_assert_cmpint (lc_break_scheduler_get_sitting (f->scheduler), <=, MINUTE_US);
}

/* A new scheduler from the state of the old one, @gap_minutes after */
static void
restart_with (Fixture  *f,
              double    gap_minutes,
              gboolean  busy,
              gboolean  muted)
{
  g_autoptr(GVariant) state = lc_break_scheduler_get_state (f->scheduler);
  LcBreakRules rules;

  lc_break_scheduler_get_rules (f->scheduler, &rules);
  g_clear_object (&f->scheduler);
  lc_clock_jump_real_time (f->clock, (gint64) (gap_minutes * MINUTE_US));

  f->scheduler = lc_break_scheduler_new (f->clock, f->tz, f->activity);
  connect_scheduler (f);
  lc_break_scheduler_set_rules (f->scheduler, &rules);
  lc_break_scheduler_set_state (f->scheduler, state);
  lc_break_scheduler_set_busy (f->scheduler, busy);
  lc_break_scheduler_set_muted (f->scheduler, muted);
  lc_break_scheduler_start (f->scheduler);
}

static void
restart (Fixture *f,
         double   gap_minutes)
{
  restart_with (f, gap_minutes, FALSE, FALSE);
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  /* Quit and back within a minute: the count goes on */
  advance_minutes (f, 30);
  restart (f, 1);
  advance_minutes (f, 14);
  g_assert_cmpuint (f->due->len, ==, 0);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);

  /* With the prompt out: not sent again */
  restart (f, 1);
  g_assert_cmpuint (f->due->len, ==, 1);
  g_assert_true (lc_break_scheduler_get_pending (f->scheduler));

  /* Not running for ten minutes: a break, the prompt withdrawn */
  restart (f, 10);
  g_assert_cmpuint (f->withdrawn->len, ==, 1);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  advance_minutes (f, 44);
  g_assert_cmpuint (f->due->len, ==, 1);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 2);

  /* A Later survives a restart */
  lc_break_scheduler_later (f->scheduler);
  advance_minutes (f, 5);
  restart (f, 0.5);
  advance_minutes (f, 4);
  g_assert_cmpuint (f->due->len, ==, 2);
  advance_minutes (f, 1);
  g_assert_cmpuint (f->due->len, ==, 3);
}

static void
test_bad_state (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new ("(xx)", (gint64) 1, (gint64) 2));
  g_autoptr(GVariant) huge = g_variant_ref_sink (g_variant_new ("(xxbbx)", G_MAXINT64, G_MAXINT64, FALSE, TRUE,
                                                                lc_clock_get_real_time (f->clock)));
  g_autoptr(GVariant) future = g_variant_ref_sink (g_variant_new ("(xxbbx)", (gint64) 0, (gint64) 0, TRUE, FALSE,
                                                                  G_MAXINT64));

  advance_minutes (f, 10);
  lc_break_scheduler_set_state (f->scheduler, wrong);
  g_assert_cmpint (lc_break_scheduler_get_sitting (f->scheduler), ==, 10 * MINUTE_US);
  lc_break_scheduler_set_state (f->scheduler, NULL);

  /* Out of range: clamped, and due at most a Later past the longest interval */
  lc_break_scheduler_set_state (f->scheduler, huge);
  g_assert_cmpint (lc_break_scheduler_get_remaining (f->scheduler), <=,
                   (LC_BREAK_INTERVAL_MAX_MINUTES + LC_BREAK_LATER_MINUTES) * MINUTE_US);

  /* Saved "in the future" (the clock was set back): a fresh count */
  lc_break_scheduler_set_state (f->scheduler, future);
  g_assert_false (lc_break_scheduler_get_pending (f->scheduler));
  g_assert_cmpint (lc_break_scheduler_get_remaining (f->scheduler), ==, 45 * MINUTE_US);
}

/* --- random days ------------------------------------------------------------------ */

/* Whatever happens, in seeded random days of sitting, walking away,
 * sessions, Do Not Disturb, answers and restarts:
 * - a prompt comes only within the hours, never while idle, busy or muted;
 * - never sooner than a full interval after coming back from idle;
 * - two prompts are at least a Later apart;
 * - at most one is pending: "due" while pending is the same prompt again,
 *   at least an interval after the one before. */
static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = NULL;
  LcBreakRules rules = all_day ();

  g_test_message ("seed %u", seed);
  rand = g_rand_new_with_seed (seed);

  for (guint run = 0; run < 40; run++)
    {
      gint64 back_from_idle = G_MININT64 / 2;
      gint64 last_due = G_MININT64 / 2;
      gboolean idle = FALSE;
      gboolean busy = FALSE;
      gboolean muted = FALSE;

      rules.interval_minutes = g_rand_int_range (rand, 30, 91);
      rules.start_minute = g_rand_int_range (rand, 0, 1440);
      rules.end_minute = g_rand_boolean (rand) ? rules.start_minute : g_rand_int_range (rand, 0, 1440);
      rules.weekdays = g_rand_int_range (rand, 1, 128);
      lc_activity_set_idle (f->activity, FALSE);
      lc_break_scheduler_set_busy (f->scheduler, FALSE);
      lc_break_scheduler_set_muted (f->scheduler, FALSE);
      lc_break_scheduler_set_rules (f->scheduler, &rules);

      for (guint event = 0; event < 200; event++)
        {
          guint n_due = f->due->len;
          int what = g_rand_int_range (rand, 0, 12);
          double minutes = g_rand_double_range (rand, 0, 50);
          gint64 before = lc_clock_get_real_time (f->clock);

          switch (what)
            {
            case 0:
              idle = !idle;
              lc_activity_set_idle (f->activity, idle);
              if (!idle)
                back_from_idle = lc_clock_get_real_time (f->clock);
              break;
            case 1:
              busy = !busy;
              lc_break_scheduler_set_busy (f->scheduler, busy);
              break;
            case 2:
              muted = !muted;
              lc_break_scheduler_set_muted (f->scheduler, muted);
              break;
            case 3:
              lc_break_scheduler_later (f->scheduler);
              break;
            case 4:
              lc_break_scheduler_skip (f->scheduler);
              break;
            case 5:
              restart_with (f, g_rand_double_range (rand, 0, 8), busy, muted);
              break;
            default:
              advance_minutes (f, minutes);
            }

          for (guint i = n_due; i < f->due->len; i++)
            {
              gint64 at = due_at (f, i);
              g_autoptr(GDateTime) when = g_date_time_new_from_unix_local_usec (at);

              g_assert_false (idle);
              g_assert_false (busy);
              g_assert_false (muted && what != 2);
              g_assert_cmpint (at, >=, before);
              g_assert_cmpint (at - back_from_idle, >=, rules.interval_minutes * MINUTE_US);
              g_assert_cmpint (at - last_due, >=, LC_BREAK_LATER_MINUTES * MINUTE_US);
              last_due = at;
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/break/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("interval", test_interval);
  ADD ("intervals-clamped", test_intervals_clamped);
  ADD ("interval-changed", test_interval_changed);
  ADD ("off", test_off);
  ADD ("idle-is-a-break", test_idle_is_a_break);
  ADD ("idle-withdraws", test_idle_withdraws);
  ADD ("idle-ignored-when-asked", test_idle_ignored_when_asked);
  ADD ("no-activity-source", test_no_activity_source);
  ADD ("later", test_later);
  ADD ("skip", test_skip);
  ADD ("session", test_session);
  ADD ("do-not-disturb", test_do_not_disturb);
  ADD ("hours", test_hours);
  ADD ("hours-state-asked", test_hours_state_asked);
  ADD ("hours-across-midnight", test_hours_across_midnight);
  ADD ("hours-dst", test_hours_dst);
  ADD ("suspend", test_suspend);
  ADD ("restart", test_restart);
  ADD ("bad-state", test_bad_state);
  ADD ("random", test_random);
#undef ADD
  g_test_add_func ("/break/null-activity", test_null_activity);

  return g_test_run ();
}
