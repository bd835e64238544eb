/* test-reminder.c: reminder slots and the scheduler on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are in Europe/Rome: CET (UTC+1) in winter, CEST (UTC+2) from
 * 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC. The unix times were worked
 * out by hand from that, e.g. 2026-01-05 18:00 CET = 17:00 UTC =
 * 20458 days × 86400 + 17 × 3600 = 1767632400.
 */

#include "config.h"

#include "lc-reminder.h"

#define S G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * S)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

#define MONDAY_BIT LC_WEEKDAY_BIT (G_DATE_MONDAY)
#define WEDNESDAY_BIT LC_WEEKDAY_BIT (G_DATE_WEDNESDAY)
#define FRIDAY_BIT LC_WEEKDAY_BIT (G_DATE_FRIDAY)
#define SUNDAY_BIT LC_WEEKDAY_BIT (G_DATE_SUNDAY)

/* 2026-01-05 is a Monday. */
#define MON_0105_1800 G_GINT64_CONSTANT (1767632400)

static GTimeZone *
rome (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Rome");

  g_assert_nonnull (tz);
  return tz;
}

static GDate *
day_new (int year,
         int month,
         int day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* For times that happen once. */
static GDateTime *
local (GTimeZone *tz,
       int        year,
       int        month,
       int        day,
       int        hour,
       int        minute)
{
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static char *
format (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%a %Y-%m-%d %H:%M:%S %Z") : g_strdup ("(none)");
}

#define assert_time(time, expected) \
  G_STMT_START { \
    g_autofree char *got_ = format (time); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static LcReminder *
routine_at (guint8 weekdays,
            int    hour,
            int    minute)
{
  return lc_reminder_new ("routine", LC_REMINDER_ROUTINE, "calf-pump", weekdays, (guint16) (hour * 60 + minute));
}

/* --- the scheduler, with a log of what it says ----------------------------- */

typedef struct
{
  LcClock             *clock;
  GTimeZone           *tz;
  LcReminderScheduler *scheduler;
  GPtrArray           *log;
  guint                n_state_changed;
} Fixture;

static void
due_cb (LcReminderScheduler *scheduler,
        LcReminder          *reminder,
        gint64               slot,
        gboolean             missed,
        gboolean             snoozed,
        Fixture             *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc_usec (lc_clock_get_real_time (fixture->clock));
  g_autoptr(GDateTime) now_local = g_date_time_to_timezone (now, fixture->tz);
  g_autofree char *now_text = g_date_time_format (now_local, "%m-%d %H:%M:%S %Z");

  g_ptr_array_add (fixture->log, g_strdup_printf ("%s: %s %" G_GINT64_FORMAT "%s%s", now_text, reminder->id,
                                                  slot, missed ? " missed" : "", snoozed ? " snoozed" : ""));
}

static void
state_changed_cb (LcReminderScheduler *scheduler,
                  Fixture             *fixture)
{
  fixture->n_state_changed++;
}

static void
connect (Fixture *fixture)
{
  g_signal_connect (fixture->scheduler, "due", G_CALLBACK (due_cb), fixture);
  g_signal_connect (fixture->scheduler, "state-changed", G_CALLBACK (state_changed_cb), fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->clock = lc_clock_new_fake ();
  fixture->tz = rome ();
  fixture->scheduler = lc_reminder_scheduler_new (fixture->clock, fixture->tz);
  fixture->log = g_ptr_array_new_with_free_func (g_free);
  connect (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_assert_cmpuint (lc_clock_get_n_timeouts (fixture->clock), ==, 0);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  g_clear_pointer (&fixture->log, g_ptr_array_unref);
}

/* A new scheduler on the same clock, as after quitting and starting again. */
static void
restart (Fixture  *fixture,
         GVariant *state)
{
  g_clear_object (&fixture->scheduler);
  g_assert_cmpuint (lc_clock_get_n_timeouts (fixture->clock), ==, 0);
  fixture->scheduler = lc_reminder_scheduler_new (fixture->clock, fixture->tz);
  connect (fixture);
  if (state != NULL)
    lc_reminder_scheduler_set_state (fixture->scheduler, state);
}

static void
set_now (Fixture *fixture,
         int      year,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr(GDateTime) time = local (fixture->tz, year, month, day, hour, minute);

  lc_clock_set_real_time (fixture->clock, g_date_time_to_unix_usec (time));
}

/* Sets the reminders; takes @first and the others, up to NULL. */
static void
set_reminders (Fixture    *fixture,
               LcReminder *first,
               ...)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_reminder_free);
  va_list args;

  va_start (args, first);
  for (LcReminder *reminder = first; reminder != NULL; reminder = va_arg (args, LcReminder *))
    g_ptr_array_add (reminders, reminder);
  va_end (args);

  lc_reminder_scheduler_set_reminders (fixture->scheduler, reminders);
}

static void
assert_log (Fixture     *fixture,
            const char **expected)
{
  guint n = g_strv_length ((GStrv) expected);

  for (guint i = 0; i < MAX (n, fixture->log->len); i++)
    {
      const char *got = i < fixture->log->len ? fixture->log->pdata[i] : "(nothing)";
      const char *want = i < n ? expected[i] : "(nothing)";

      if (g_strcmp0 (got, want) != 0)
        g_error ("event %u: got “%s”, expected “%s”", i, got, want);
    }
}

/* --- slots ------------------------------------------------------------------- */

static void
test_reminder_boxed (void)
{
  g_autoptr(LcReminder) reminder = routine_at (MONDAY_BIT | FRIDAY_BIT, 18, 30);
  g_autoptr(LcReminder) diary = lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60);
  g_autoptr(LcReminder) copy = NULL;

  g_assert_cmpstr (reminder->id, ==, "routine");
  g_assert_cmpint (reminder->kind, ==, LC_REMINDER_ROUTINE);
  g_assert_cmpstr (reminder->routine_id, ==, "calf-pump");
  g_assert_true (reminder->enabled);
  g_assert_cmpuint (reminder->weekdays, ==, 0x11);
  g_assert_cmpuint (reminder->minute, ==, 1110);
  g_assert_null (diary->routine_id);

  copy = g_boxed_copy (LC_TYPE_REMINDER, reminder);
  g_assert_true (copy != reminder);
  g_assert_true (copy->id != reminder->id);
  g_assert_cmpstr (copy->id, ==, "routine");
  g_assert_cmpstr (copy->routine_id, ==, "calf-pump");
  g_assert_cmpuint (copy->weekdays, ==, reminder->weekdays);
  g_assert_cmpuint (copy->minute, ==, reminder->minute);
}

static void
test_reminder_slot_on (void)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(LcReminder) reminder = routine_at (MONDAY_BIT | WEDNESDAY_BIT | FRIDAY_BIT, 18, 0);
  static const struct {
    int         day;
    const char *slot;
  } week[] = {
    { 5, "Mon 2026-01-05 18:00:00 CET" },
    { 6, "(none)" },
    { 7, "Wed 2026-01-07 18:00:00 CET" },
    { 8, "(none)" },
    { 9, "Fri 2026-01-09 18:00:00 CET" },
    { 10, "(none)" },
    { 11, "(none)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (week); i++)
    {
      g_autoptr(GDate) day = day_new (2026, 1, week[i].day);
      g_autoptr(GDateTime) slot = lc_reminder_slot_on (reminder, day, tz);

      assert_time (slot, week[i].slot);
    }

  /* The exact instant, and every day for LC_WEEKDAYS_ALL. */
  {
    g_autoptr(GDate) monday = day_new (2026, 1, 5);
    g_autoptr(GDate) sunday = day_new (2026, 1, 11);
    g_autoptr(GDateTime) slot = lc_reminder_slot_on (reminder, monday, tz);
    g_autoptr(GDateTime) any_sunday = NULL;

    g_assert_cmpint (g_date_time_to_unix (slot), ==, MON_0105_1800);

    reminder->weekdays = LC_WEEKDAYS_ALL;
    any_sunday = lc_reminder_slot_on (reminder, sunday, tz);
    g_assert_cmpint (g_date_time_to_unix (any_sunday), ==, MON_0105_1800 + 6 * 86400);

    /* Midnight and the last minute of the day. */
    g_clear_pointer (&slot, g_date_time_unref);
    reminder->minute = 0;
    slot = lc_reminder_slot_on (reminder, monday, tz);
    g_assert_cmpint (g_date_time_to_unix (slot), ==, MON_0105_1800 - 18 * 3600);
    g_clear_pointer (&slot, g_date_time_unref);
    reminder->minute = 1439;
    slot = lc_reminder_slot_on (reminder, monday, tz);
    g_assert_cmpint (g_date_time_to_unix (slot), ==, MON_0105_1800 + 5 * 3600 + 59 * 60);
  }
}

static void
test_reminder_next_last (void)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(LcReminder) reminder = routine_at (MONDAY_BIT | WEDNESDAY_BIT | FRIDAY_BIT, 18, 0);
  g_autoptr(LcReminder) sundays = routine_at (SUNDAY_BIT, 7, 15);
  g_autoptr(GDateTime) friday_slot = local (tz, 2026, 1, 9, 18, 0);
  g_autoptr(GDateTime) friday_before = g_date_time_add (friday_slot, -1);
  g_autoptr(GDateTime) saturday = local (tz, 2026, 1, 10, 12, 0);
  g_autoptr(GDateTime) monday = local (tz, 2026, 1, 12, 17, 59);
  g_autoptr(GDateTime) monday_slot = local (tz, 2026, 1, 12, 18, 0);
  g_autoptr(GDateTime) time = NULL;

  /* Strictly after: at the slot itself, the next one, over the weekend. */
  time = lc_reminder_next_slot (reminder, friday_slot, tz);
  assert_time (time, "Mon 2026-01-12 18:00:00 CET");
  g_clear_pointer (&time, g_date_time_unref);
  time = lc_reminder_next_slot (reminder, friday_before, tz);
  assert_time (time, "Fri 2026-01-09 18:00:00 CET");
  g_clear_pointer (&time, g_date_time_unref);
  time = lc_reminder_next_slot (reminder, saturday, tz);
  assert_time (time, "Mon 2026-01-12 18:00:00 CET");
  g_clear_pointer (&time, g_date_time_unref);

  /* Once a week: from a Sunday just after its slot, to the next Sunday. */
  {
    g_autoptr(GDateTime) after = local (tz, 2026, 1, 11, 7, 16);

    time = lc_reminder_next_slot (sundays, after, tz);
    assert_time (time, "Sun 2026-01-18 07:15:00 CET");
    g_clear_pointer (&time, g_date_time_unref);
    time = lc_reminder_last_slot (sundays, after, tz);
    assert_time (time, "Sun 2026-01-11 07:15:00 CET");
    g_clear_pointer (&time, g_date_time_unref);
  }

  /* At or before: the slot itself counts. */
  time = lc_reminder_last_slot (reminder, monday_slot, tz);
  assert_time (time, "Mon 2026-01-12 18:00:00 CET");
  g_clear_pointer (&time, g_date_time_unref);
  time = lc_reminder_last_slot (reminder, monday, tz);
  assert_time (time, "Fri 2026-01-09 18:00:00 CET");
  g_clear_pointer (&time, g_date_time_unref);

  /* Disabled, or no days: none. */
  reminder->enabled = FALSE;
  g_assert_null (lc_reminder_next_slot (reminder, saturday, tz));
  g_assert_null (lc_reminder_last_slot (reminder, saturday, tz));
  reminder->enabled = TRUE;
  reminder->weekdays = 0;
  g_assert_null (lc_reminder_next_slot (reminder, saturday, tz));
  g_assert_null (lc_reminder_last_slot (reminder, saturday, tz));
}

static void
test_reminder_dst_spring (void)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(LcReminder) night = routine_at (LC_WEEKDAYS_ALL, 2, 30);
  g_autoptr(LcReminder) morning = routine_at (LC_WEEKDAYS_ALL, 8, 0);
  g_autoptr(GDate) change = day_new (2026, 3, 29);
  g_autoptr(GDateTime) slot = lc_reminder_slot_on (night, change, tz);
  g_autoptr(GDateTime) before = local (tz, 2026, 3, 28, 8, 0);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) after = NULL;

  /* 02:30 does not exist that day: the clocks go from 02:00 CET (01:00 UTC)
   * to 03:00 CEST, so the first instant after it, 01:00 UTC. */
  assert_time (slot, "Sun 2026-03-29 03:00:00 CEST");
  g_assert_cmpint (g_date_time_to_unix (slot), ==, G_GINT64_CONSTANT (1774746000));
  g_assert_cmpint (g_date_time_get_utc_offset (slot), ==, 2 * HOUR);

  /* 02:00 itself does not exist either; 01:59 does, in CET. */
  g_clear_pointer (&slot, g_date_time_unref);
  night->minute = 2 * 60;
  slot = lc_reminder_slot_on (night, change, tz);
  g_assert_cmpint (g_date_time_to_unix (slot), ==, G_GINT64_CONSTANT (1774746000));
  g_clear_pointer (&slot, g_date_time_unref);
  night->minute = 60 + 59;
  slot = lc_reminder_slot_on (night, change, tz);
  g_assert_cmpint (g_date_time_to_unix (slot), ==, G_GINT64_CONSTANT (1774746000) - 60);
  assert_time (slot, "Sun 2026-03-29 01:59:00 CET");

  /* The days around it keep 02:30. */
  night->minute = 2 * 60 + 30;
  {
    g_autoptr(GDateTime) saturday = local (tz, 2026, 3, 28, 2, 30);

    time = lc_reminder_next_slot (night, saturday, tz);
    assert_time (time, "Sun 2026-03-29 03:00:00 CEST");
    after = lc_reminder_next_slot (night, time, tz);
    assert_time (after, "Mon 2026-03-30 02:30:00 CEST");
    g_clear_pointer (&time, g_date_time_unref);
    g_clear_pointer (&after, g_date_time_unref);
  }

  /* 08:00 stays 08:00: 23 hours from Saturday's to Sunday's. */
  time = lc_reminder_next_slot (morning, before, tz);
  g_assert_cmpint (g_date_time_to_unix (before), ==, G_GINT64_CONSTANT (1774681200));
  g_assert_cmpint (g_date_time_to_unix (time), ==, G_GINT64_CONSTANT (1774764000));
  g_assert_cmpint (g_date_time_difference (time, before), ==, 23 * HOUR);
  assert_time (time, "Sun 2026-03-29 08:00:00 CEST");
  after = lc_reminder_next_slot (morning, time, tz);
  g_assert_cmpint (g_date_time_difference (after, time), ==, 24 * HOUR);
}

static void
test_reminder_dst_fall (void)
{
  g_autoptr(GTimeZone) tz = rome ();
  g_autoptr(LcReminder) night = routine_at (LC_WEEKDAYS_ALL, 2, 30);
  g_autoptr(LcReminder) morning = routine_at (LC_WEEKDAYS_ALL, 8, 0);
  g_autoptr(GDate) change = day_new (2026, 10, 25);
  g_autoptr(GDateTime) slot = lc_reminder_slot_on (night, change, tz);
  g_autoptr(GDateTime) before = local (tz, 2026, 10, 24, 8, 0);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) second = NULL;

  /* 02:30 happens twice: the first time, in CEST, is 00:30 UTC. */
  assert_time (slot, "Sun 2026-10-25 02:30:00 CEST");
  g_assert_cmpint (g_date_time_to_unix (slot), ==, G_GINT64_CONSTANT (1792888200));

  /* Not again at the second 02:30 (CET, 01:30 UTC). */
  second = g_date_time_add (slot, HOUR);
  assert_time (second, "Sun 2026-10-25 02:30:00 CET");
  time = lc_reminder_next_slot (night, slot, tz);
  assert_time (time, "Mon 2026-10-26 02:30:00 CET");
  g_clear_pointer (&time, g_date_time_unref);
  time = lc_reminder_last_slot (night, second, tz);
  g_assert_cmpint (g_date_time_to_unix (time), ==, G_GINT64_CONSTANT (1792888200));
  g_clear_pointer (&time, g_date_time_unref);

  /* 08:00 stays 08:00: 25 hours from Saturday's to Sunday's. */
  time = lc_reminder_next_slot (morning, before, tz);
  g_assert_cmpint (g_date_time_to_unix (before), ==, G_GINT64_CONSTANT (1792821600));
  g_assert_cmpint (g_date_time_to_unix (time), ==, G_GINT64_CONSTANT (1792911600));
  g_assert_cmpint (g_date_time_difference (time, before), ==, 25 * HOUR);
  assert_time (time, "Sun 2026-10-25 08:00:00 CET");
}

/* --- the scheduler ----------------------------------------------------------- */

static void
test_scheduler_on_time (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    "01-06 18:00:00 CET: routine 1767718800",
    NULL
  };
  g_autoptr(GDateTime) next = NULL;
  LcReminder *next_reminder = NULL;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (lc_clock_get_n_timeouts (fixture->clock), ==, 1);

  next = lc_reminder_scheduler_get_next (fixture->scheduler, &next_reminder);
  assert_time (next, "Mon 2026-01-05 18:00:00 CET");
  g_assert_nonnull (next_reminder);
  g_assert_cmpstr (next_reminder->id, ==, "routine");

  /* Not a second early, not a microsecond early. */
  lc_clock_advance (fixture->clock, HOUR - S);
  g_assert_cmpuint (fixture->log->len, ==, 0);
  lc_clock_advance (fixture->clock, S - 1);
  g_assert_cmpuint (fixture->log->len, ==, 0);
  lc_clock_advance (fixture->clock, 1);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* Then the next day's, and nothing in between. */
  lc_clock_advance (fixture->clock, DAY - 1);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, 1);
  assert_log (fixture, expected);

  /* Stopped: nothing waits, nothing fires. */
  lc_reminder_scheduler_stop (fixture->scheduler);
  g_assert_cmpuint (lc_clock_get_n_timeouts (fixture->clock), ==, 0);
  lc_clock_advance (fixture->clock, 2 * DAY);
  assert_log (fixture, expected);
}

static void
test_scheduler_weekdays (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *expected[] = {
    "01-05 09:00:00 CET: routine 1767600000",
    "01-07 09:00:00 CET: routine 1767772800",
    "01-12 09:00:00 CET: routine 1768204800",
    "01-14 09:00:00 CET: routine 1768377600",
    NULL
  };

  /* Two weeks from Monday 2026-01-05 00:00 to Monday 2026-01-19 00:00. */
  set_now (fixture, 2026, 1, 5, 0, 0);
  set_reminders (fixture, routine_at (MONDAY_BIT | WEDNESDAY_BIT, 9, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, 14 * DAY);

  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_disabled (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *expected[] = { "01-08 18:00:00 CET: routine 1767891600", NULL };
  LcReminder *reminder = routine_at (LC_WEEKDAYS_ALL, 18, 0);
  LcReminder *next_reminder = reminder;

  reminder->enabled = FALSE;
  set_now (fixture, 2026, 1, 5, 12, 0);
  set_reminders (fixture, reminder, NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  g_assert_null (lc_reminder_scheduler_get_next (fixture->scheduler, &next_reminder));
  g_assert_null (next_reminder);
  g_assert_cmpuint (lc_clock_get_n_timeouts (fixture->clock), ==, 0);
  lc_clock_advance (fixture->clock, 2 * DAY);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 0);

  /* Enabled again at 20:00, after that day's slot: not reported as missed. */
  lc_clock_advance (fixture->clock, 8 * HOUR);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  g_assert_cmpuint (fixture->log->len, ==, 0);
  lc_clock_advance (fixture->clock, DAY - 2 * HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_set_late (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *expected[] = {
    "01-06 08:00:00 CET: diary-morning 1767682800",
    "01-06 08:15:00 CET: diary-late 1767683700",
    NULL
  };

  /* At 08:10, a new 08:00 reminder is not missed: it is for tomorrow. */
  set_now (fixture, 2026, 1, 5, 8, 10);
  set_reminders (fixture, lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 0);

  /* Nor one added while running. */
  lc_clock_advance (fixture->clock, 10 * MINUTE);
  set_reminders (fixture,
                 lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60),
                 lc_reminder_new ("diary-late", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60 + 15),
                 NULL);
  g_assert_cmpuint (fixture->log->len, ==, 0);

  lc_clock_advance (fixture->clock, DAY);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_change_time (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *expected[] = {
    "01-05 08:00:00 CET: routine 1767596400",
    "01-05 09:00:00 CET: routine 1767600000",
    NULL
  };

  set_now (fixture, 2026, 1, 5, 7, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 8, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR + 30 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* At 08:30, moved earlier: today's 07:00 is older than what was done. */
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 7, 0), NULL);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* Moved later: today's 09:00 is a new slot. */
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 9, 0), NULL);
  lc_clock_advance (fixture->clock, 30 * MINUTE - 1);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, 1);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_computer_off (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    /* Off from 18:05 Monday to 20:00 Thursday: one, missed. */
    "01-08 20:00:00 CET: routine 1767891600 missed",
    /* Asleep from Thursday 20:00 to Saturday 18:10, noticed within a minute. */
    "01-10 18:11:00 CET: routine 1768064400",
    NULL
  };

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR + 5 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* The monotonic clock did not see it: nothing until told. */
  lc_clock_jump_real_time (fixture->clock, 3 * DAY + 2 * HOUR - 5 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 2);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 2);

  /* Not told: the next wake-up, at most a minute later, sees it. 11 minutes
   * late is within the grace time, so not missed. */
  lc_clock_jump_real_time (fixture->clock, 2 * DAY - 2 * HOUR + 10 * MINUTE);
  lc_clock_advance (fixture->clock, MINUTE);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_grace (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:15:00 CET: routine 1767632400",
    "01-06 18:15:01 CET: routine 1767718800 missed",
    NULL
  };

  /* Exactly the grace time late is not missed; a second more is. */
  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_reminder_scheduler_stop (fixture->scheduler);
  lc_clock_jump_real_time (fixture->clock, HOUR + 15 * MINUTE);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  lc_clock_jump_real_time (fixture->clock, DAY + S);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  assert_log (fixture, expected);
}

static void
test_scheduler_restart (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    "01-06 18:00:00 CET: routine 1767718800",
    "01-08 09:00:00 CET: routine 1767805200 missed",
    NULL
  };
  g_autoptr(GVariant) state = NULL;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* Quit at 18:05 and start again at 18:10: Monday's is done. */
  lc_clock_advance (fixture->clock, 5 * MINUTE);
  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  restart (fixture, state);
  lc_clock_jump_real_time (fixture->clock, 5 * MINUTE);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, DAY - 10 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 2);

  /* Quit at 18:00 Tuesday, start again Thursday 09:00: Wednesday's only. */
  g_clear_pointer (&state, g_variant_unref);
  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  restart (fixture, state);
  lc_clock_jump_real_time (fixture->clock, DAY + 15 * HOUR);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_clock_back (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    "01-06 18:00:00 CET: routine 1767718800",
    NULL
  };
  g_autoptr(GDateTime) next = NULL;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR + 10 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  /* Set back from 18:10 to 17:10: 18:00 comes again, but it was done. */
  lc_clock_jump_real_time (fixture->clock, -HOUR);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  next = lc_reminder_scheduler_get_next (fixture->scheduler, NULL);
  assert_time (next, "Tue 2026-01-06 18:00:00 CET");
  lc_clock_advance (fixture->clock, 2 * HOUR);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  lc_clock_advance (fixture->clock, DAY);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_snooze (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    "01-05 18:30:00 CET: routine 1767632400 snoozed",
    "01-05 19:10:00 CET: routine 1767632400 snoozed",
    /* Snoozed at 20:10 and asleep for a day: the new slot replaces it. */
    "01-06 20:10:00 CET: routine 1767718800 missed",
    NULL
  };
  g_autoptr(GDateTime) next = NULL;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  g_assert_cmpuint (fixture->log->len, ==, 1);

  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  next = lc_reminder_scheduler_get_next (fixture->scheduler, NULL);
  assert_time (next, "Mon 2026-01-05 18:30:00 CET");
  lc_clock_advance (fixture->clock, 29 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 2);

  /* Snoozed again, and again 10 minutes later: 30 minutes from the last. */
  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_clock_advance (fixture->clock, 10 * MINUTE);
  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_clock_advance (fixture->clock, 30 * MINUTE - 1);
  g_assert_cmpuint (fixture->log->len, ==, 2);
  lc_clock_advance (fixture->clock, 1);
  g_assert_cmpuint (fixture->log->len, ==, 3);

  /* Unknown: nothing happens. */
  lc_reminder_scheduler_snooze (fixture->scheduler, "nonexistent");
  lc_clock_advance (fixture->clock, HOUR);
  g_assert_cmpuint (fixture->log->len, ==, 3);

  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_clock_jump_real_time (fixture->clock, DAY);
  lc_reminder_scheduler_check_now (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_snooze_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    /* Quit at 18:10, started again at 18:20. */
    "01-05 18:30:00 CET: routine 1767632400 snoozed",
    "01-06 18:00:00 CET: routine 1767718800",
    /* Quit at 18:05, started again at 19:00. */
    "01-06 19:00:00 CET: routine 1767718800 missed snoozed",
    NULL
  };
  g_autoptr(GVariant) state = NULL;
  gint64 handled;
  gint64 snoozed;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_clock_advance (fixture->clock, 10 * MINUTE);

  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_true (g_variant_lookup (state, "routine", "(xx)", &handled, &snoozed));
  g_assert_cmpint (handled, ==, MON_0105_1800);
  g_assert_cmpint (snoozed, ==, MON_0105_1800 + 30 * 60);

  restart (fixture, state);
  lc_clock_jump_real_time (fixture->clock, 10 * MINUTE);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, 10 * MINUTE - 1);
  g_assert_cmpuint (fixture->log->len, ==, 1);
  lc_clock_advance (fixture->clock, 1);
  g_assert_cmpuint (fixture->log->len, ==, 2);

  /* Snoozed at 18:00 Tuesday, quit at 18:05, back at 19:00: 30 min late. */
  lc_clock_advance (fixture->clock, DAY - 30 * MINUTE);
  g_assert_cmpuint (fixture->log->len, ==, 3);
  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_clock_advance (fixture->clock, 5 * MINUTE);
  g_clear_pointer (&state, g_variant_unref);
  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  restart (fixture, state);
  lc_clock_jump_real_time (fixture->clock, 55 * MINUTE);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_snooze_cleared (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    "01-05 18:00:00 CET: diary 1767632400",
    NULL
  };
  g_autoptr(GVariant) state = NULL;
  g_autofree char *text = NULL;
  LcReminder *disabled = routine_at (LC_WEEKDAYS_ALL, 18, 0);

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture,
                 routine_at (LC_WEEKDAYS_ALL, 18, 0),
                 lc_reminder_new ("diary", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 18 * 60),
                 NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  lc_reminder_scheduler_snooze (fixture->scheduler, "routine");
  lc_reminder_scheduler_snooze (fixture->scheduler, "diary");

  /* Disabling the one and removing the other drops their snoozes. */
  disabled->enabled = FALSE;
  set_reminders (fixture, disabled, NULL);
  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  text = g_variant_print (state, FALSE);
  g_assert_cmpstr (text, ==, "{'routine': (1767632400, 0)}");

  /* Nor does the snooze come back with them. */
  set_reminders (fixture,
                 routine_at (LC_WEEKDAYS_ALL, 18, 0),
                 lc_reminder_new ("diary", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 18 * 60),
                 NULL);
  lc_clock_advance (fixture->clock, HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_state (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autofree char *text = NULL;
  guint changes;

  set_now (fixture, 2026, 1, 5, 7, 0);
  set_reminders (fixture,
                 lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60),
                 lc_reminder_new ("diary-evening", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 20 * 60),
                 NULL);
  g_assert_cmpuint (fixture->n_state_changed, ==, 1);
  lc_reminder_scheduler_start (fixture->scheduler);

  /* Due at 08:00, snoozed at 08:01. */
  changes = fixture->n_state_changed;
  lc_clock_advance (fixture->clock, HOUR);
  g_assert_cmpuint (fixture->n_state_changed, ==, changes + 1);
  lc_clock_advance (fixture->clock, MINUTE);
  lc_reminder_scheduler_snooze (fixture->scheduler, "diary-morning");
  g_assert_cmpuint (fixture->n_state_changed, ==, changes + 2);

  /* The evening one is handled up to when it was set up, 07:00. */
  state = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_false (g_variant_is_floating (state));
  g_assert_cmpstr (g_variant_get_type_string (state), ==, "a{s(xx)}");
  text = g_variant_print (state, FALSE);
  g_assert_cmpstr (text, ==, "{'diary-evening': (1767592800, 0), "
                             "'diary-morning': (1767596400, 1767598260)}");

  /* Round trip, whether set before or after the reminders. */
  restart (fixture, state);
  set_reminders (fixture,
                 lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60),
                 lc_reminder_new ("diary-evening", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 20 * 60),
                 NULL);
  again = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_true (g_variant_equal (state, again));

  restart (fixture, NULL);
  set_reminders (fixture,
                 lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60),
                 lc_reminder_new ("diary-evening", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 20 * 60),
                 NULL);
  g_clear_pointer (&again, g_variant_unref);
  again = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_false (g_variant_equal (state, again));
  lc_reminder_scheduler_set_state (fixture->scheduler, state);
  g_clear_pointer (&again, g_variant_unref);
  again = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_true (g_variant_equal (state, again));
}

static void
test_scheduler_bad_state (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *expected[] = {
    "01-05 18:00:00 CET: routine 1767632400",
    NULL
  };
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autofree char *text = NULL;

  set_now (fixture, 2026, 1, 5, 17, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 18, 0), NULL);
  before = lc_reminder_scheduler_get_state (fixture->scheduler);

  /* The wrong type, floating: ignored (and not leaked). */
  lc_reminder_scheduler_set_state (fixture->scheduler, g_variant_new ("(ii)", 1, 2));
  lc_reminder_scheduler_set_state (fixture->scheduler, g_variant_new ("a{sx}", NULL));
  after = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_true (g_variant_equal (before, after));

  /* Negative times and unknown ids: those entries ignored. */
  lc_reminder_scheduler_set_state (fixture->scheduler,
                                   g_variant_new_parsed ("{'routine': (int64 -5, int64 0), "
                                                         "'other': (int64 1767632400, int64 0)}"));
  g_clear_pointer (&after, g_variant_unref);
  after = lc_reminder_scheduler_get_state (fixture->scheduler);
  g_assert_true (g_variant_equal (before, after));

  /* Handled far in the future (a clock set to 2030 once): fires anyway. */
  lc_reminder_scheduler_set_state (fixture->scheduler,
                                   g_variant_new_parsed ("{'routine': (int64 1900000000, int64 0)}"));
  g_clear_pointer (&after, g_variant_unref);
  after = lc_reminder_scheduler_get_state (fixture->scheduler);
  text = g_variant_print (after, FALSE);
  g_assert_cmpstr (text, ==, "{'routine': (1900000000, 0)}");
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_two_reminders (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *expected[] = {
    "01-05 08:00:00 CET: diary-morning 1767596400",
    "01-05 18:00:00 CET: routine 1767632400",
    "01-05 20:00:00 CET: diary-evening 1767639600",
    NULL
  };
  g_autoptr(GDateTime) next = NULL;
  LcReminder *next_reminder = NULL;

  set_now (fixture, 2026, 1, 5, 0, 0);
  set_reminders (fixture,
                 lc_reminder_new ("diary-evening", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 20 * 60),
                 routine_at (MONDAY_BIT, 18, 0),
                 lc_reminder_new ("diary-morning", LC_REMINDER_DIARY, NULL, LC_WEEKDAYS_ALL, 8 * 60),
                 NULL);
  lc_reminder_scheduler_start (fixture->scheduler);

  lc_clock_advance (fixture->clock, 12 * HOUR);
  next = lc_reminder_scheduler_get_next (fixture->scheduler, &next_reminder);
  assert_time (next, "Mon 2026-01-05 18:00:00 CET");
  g_assert_cmpstr (next_reminder->id, ==, "routine");
  g_assert_cmpint (next_reminder->kind, ==, LC_REMINDER_ROUTINE);

  lc_clock_advance (fixture->clock, 12 * HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

static void
test_scheduler_dst_fall (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *expected[] = {
    "10-25 02:30:00 CEST: routine 1792888200",
    NULL
  };

  /* From Sunday 00:00 CEST, through both 02:30s, to 05:00 CET. */
  set_now (fixture, 2026, 10, 25, 0, 0);
  set_reminders (fixture, routine_at (LC_WEEKDAYS_ALL, 2, 30), NULL);
  lc_reminder_scheduler_start (fixture->scheduler);
  lc_clock_advance (fixture->clock, 6 * HOUR);
  assert_log (fixture, expected);
  lc_reminder_scheduler_stop (fixture->scheduler);
}

#define add_scheduler_test(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/reminder/boxed", test_reminder_boxed);
  g_test_add_func ("/lc/reminder/slot-on", test_reminder_slot_on);
  g_test_add_func ("/lc/reminder/next-last", test_reminder_next_last);
  g_test_add_func ("/lc/reminder/dst-spring", test_reminder_dst_spring);
  g_test_add_func ("/lc/reminder/dst-fall", test_reminder_dst_fall);

  add_scheduler_test ("/lc/reminder/scheduler/on-time", test_scheduler_on_time);
  add_scheduler_test ("/lc/reminder/scheduler/weekdays", test_scheduler_weekdays);
  add_scheduler_test ("/lc/reminder/scheduler/disabled", test_scheduler_disabled);
  add_scheduler_test ("/lc/reminder/scheduler/set-late", test_scheduler_set_late);
  add_scheduler_test ("/lc/reminder/scheduler/change-time", test_scheduler_change_time);
  add_scheduler_test ("/lc/reminder/scheduler/computer-off", test_scheduler_computer_off);
  add_scheduler_test ("/lc/reminder/scheduler/grace", test_scheduler_grace);
  add_scheduler_test ("/lc/reminder/scheduler/restart", test_scheduler_restart);
  add_scheduler_test ("/lc/reminder/scheduler/clock-back", test_scheduler_clock_back);
  add_scheduler_test ("/lc/reminder/scheduler/snooze", test_scheduler_snooze);
  add_scheduler_test ("/lc/reminder/scheduler/snooze-restart", test_scheduler_snooze_restart);
  add_scheduler_test ("/lc/reminder/scheduler/snooze-cleared", test_scheduler_snooze_cleared);
  add_scheduler_test ("/lc/reminder/scheduler/state", test_scheduler_state);
  add_scheduler_test ("/lc/reminder/scheduler/bad-state", test_scheduler_bad_state);
  add_scheduler_test ("/lc/reminder/scheduler/two-reminders", test_scheduler_two_reminders);
  add_scheduler_test ("/lc/reminder/scheduler/dst-fall", test_scheduler_dst_fall);

  return g_test_run ();
}
