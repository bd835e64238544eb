/* lc-reminder.c: daily reminders and when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reminder has one slot a day, on the weekdays it is set for, at a local
 * time. Slots are computed on the local calendar of a GTimeZone, so 08:00
 * stays 08:00 across daylight saving changes; a local time that does not
 * exist (the spring-forward gap) gives the first instant after the gap, and
 * one that happens twice (falling back) only its first occurrence.
 *
 * The scheduler remembers, per reminder, the last slot it handled (every
 * slot up to it is done) and a snooze. Each check compares the latest slot
 * up to now with it, so however long the computer was off, only the latest
 * slot is reported, once, and a wall clock going backwards never re-fires
 * one. Monotonic timeouts do not see wall-clock jumps or suspend, so it
 * never sleeps longer than a minute before looking at the wall clock again.
 */

#include "config.h"

#include "lc-reminder.h"

#define US G_USEC_PER_SEC
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define SNOOZE_US ((gint64) LC_REMINDER_SNOOZE_MINUTES * 60 * US)
#define GRACE_US ((gint64) LC_REMINDER_GRACE_MINUTES * 60 * US)
/* The longest the scheduler sleeps before looking at the wall clock. */
#define MAX_SLEEP_US (60 * US)
/* A handled slot further ahead than this means the clock was wrong then. */
#define MAX_HANDLED_AHEAD_S SECONDS_PER_DAY
/* Days to look through for a slot: a whole week and a day either side. */
#define SEARCH_DAYS 10

G_DEFINE_BOXED_TYPE (LcReminder, lc_reminder, lc_reminder_copy, lc_reminder_free)

/**
 * lc_reminder_new:
 * @id: a stable key, e.g. "routine" or "diary-morning"
 * @kind: what to remind of
 * @routine_id: (nullable): the routine, for %LC_REMINDER_ROUTINE; %NULL
 *   for %LC_REMINDER_DIARY
 * @weekdays: the days, LC_WEEKDAY_BIT()s or %LC_WEEKDAYS_ALL
 * @minute: the local time, in minutes after midnight (0-1439)
 *
 * Returns: (transfer full): an enabled reminder
 */
LcReminder *
lc_reminder_new (const char     *id,
                 LcReminderKind  kind,
                 const char     *routine_id,
                 guint8          weekdays,
                 guint16         minute)
{
  LcReminder *reminder;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind == LC_REMINDER_ROUTINE || kind == LC_REMINDER_DIARY, NULL);
  g_return_val_if_fail ((kind == LC_REMINDER_ROUTINE) == (routine_id != NULL), NULL);
  g_return_val_if_fail ((weekdays & ~LC_WEEKDAYS_ALL) == 0, NULL);
  g_return_val_if_fail (minute < LC_REMINDER_MINUTES_PER_DAY, NULL);

  reminder = g_new0 (LcReminder, 1);
  reminder->id = g_strdup (id);
  reminder->kind = kind;
  reminder->routine_id = g_strdup (routine_id);
  reminder->enabled = TRUE;
  reminder->weekdays = weekdays;
  reminder->minute = minute;

  return reminder;
}

LcReminder *
lc_reminder_copy (const LcReminder *reminder)
{
  LcReminder *copy;

  g_return_val_if_fail (reminder != NULL, NULL);

  copy = g_memdup2 (reminder, sizeof *reminder);
  copy->id = g_strdup (reminder->id);
  copy->routine_id = g_strdup (reminder->routine_id);

  return copy;
}

void
lc_reminder_free (LcReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->id);
  g_free (reminder->routine_id);
  g_free (reminder);
}

/* --- slots ------------------------------------------------------------------- */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The UTC offset of @tz at the instant @utc, in seconds. */
static gint64
offset_at (GTimeZone *tz,
           gint64     utc)
{
  /* Always found for universal time. */
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0;
}

/* The first instant whose local time in @tz is @local (a local date and
 * time counted in seconds as if it were UTC); if the clocks jump over
 * @local, the first instant after the jump.
 *
 * Not g_date_time_new(): it gives the first instant after a gap too, but
 * the second occurrence of a time that happens twice. */
static gint64
local_to_utc (GTimeZone *tz,
              gint64     local)
{
  /* The offsets well before and well after: if the time changes around
   * @local, these are the two sides of the change. */
  gint64 candidates[2] = {
    local - offset_at (tz, local - SECONDS_PER_DAY),
    local - offset_at (tz, local + SECONDS_PER_DAY),
  };
  gint64 found = G_MAXINT64;
  gint64 lo;
  gint64 hi;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] + offset_at (tz, candidates[i]) == local)
      found = MIN (found, candidates[i]);
  if (found != G_MAXINT64)
    return found;

  /* In a gap: local time is before @local at the earlier candidate and
   * after it at the later one. Find the first second that is after. */
  lo = MIN (candidates[0], candidates[1]);
  hi = MAX (candidates[0], candidates[1]);
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (mid + offset_at (tz, mid) > local)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

static GDateTime *
date_time_from_unix (gint64     unix_us,
                     GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc_usec (unix_us);

  return utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
}

static void
local_date (GDateTime *time,
            GTimeZone *tz,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);
  int year;
  int month;
  int day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
has_days (const LcReminder *reminder)
{
  return reminder->enabled && (reminder->weekdays & LC_WEEKDAYS_ALL) != 0;
}

/**
 * lc_reminder_slot_on:
 * @reminder: a reminder
 * @day: a local calendar day
 * @tz: the local time zone
 *
 * The reminder's time on @day, whether the reminder is enabled or not. A
 * local time that does not exist on that day (the clocks jump over it)
 * gives the first instant after the jump, e.g. 03:00 for 02:30 when the
 * clocks go from 02:00 to 03:00; one that happens twice (the clocks go
 * back) gives the first of the two.
 *
 * Returns: (transfer full) (nullable): the slot, in @tz, or %NULL if the
 *   reminder is not set for @day's weekday
 */
GDateTime *
lc_reminder_slot_on (const LcReminder *reminder,
                     const GDate      *day,
                     GTimeZone        *tz)
{
  GDate epoch;
  gint64 local;

  g_return_val_if_fail (reminder != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  if ((reminder->weekdays & LC_WEEKDAY_BIT (g_date_get_weekday (day))) == 0)
    return NULL;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  local = ((gint64) g_date_get_julian (day) - (gint64) g_date_get_julian (&epoch)) * SECONDS_PER_DAY +
          (gint64) reminder->minute * 60;

  return date_time_from_unix (local_to_utc (tz, local) * US, tz);
}

/**
 * lc_reminder_next_slot:
 * @reminder: a reminder
 * @after: a time
 * @tz: the local time zone
 *
 * Returns: (transfer full) (nullable): the first slot strictly after
 *   @after, in @tz, or %NULL if the reminder is disabled or set for no day
 */
GDateTime *
lc_reminder_next_slot (const LcReminder *reminder,
                       GDateTime        *after,
                       GTimeZone        *tz)
{
  GDate day;

  g_return_val_if_fail (reminder != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  if (!has_days (reminder))
    return NULL;

  /* Slots follow each other in time as days do: the first one after is it. */
  local_date (after, tz, &day);
  g_date_subtract_days (&day, 1);
  for (guint i = 0; i < SEARCH_DAYS; i++, g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) slot = lc_reminder_slot_on (reminder, &day, tz);

      if (slot != NULL && g_date_time_compare (slot, after) > 0)
        return g_steal_pointer (&slot);
    }

  return NULL;
}

/**
 * lc_reminder_last_slot:
 * @reminder: a reminder
 * @at_or_before: a time
 * @tz: the local time zone
 *
 * Returns: (transfer full) (nullable): the latest slot at or before
 *   @at_or_before, in @tz, or %NULL if the reminder is disabled or set for
 *   no day
 */
GDateTime *
lc_reminder_last_slot (const LcReminder *reminder,
                       GDateTime        *at_or_before,
                       GTimeZone        *tz)
{
  GDate day;

  g_return_val_if_fail (reminder != NULL, NULL);
  g_return_val_if_fail (at_or_before != NULL, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  if (!has_days (reminder))
    return NULL;

  local_date (at_or_before, tz, &day);
  g_date_add_days (&day, 1);
  for (guint i = 0; i < SEARCH_DAYS; i++, g_date_subtract_days (&day, 1))
    {
      g_autoptr(GDateTime) slot = lc_reminder_slot_on (reminder, &day, tz);

      if (slot != NULL && g_date_time_compare (slot, at_or_before) <= 0)
        return g_steal_pointer (&slot);
    }

  return NULL;
}

/* --- the scheduler ----------------------------------------------------------- */

typedef struct
{
  gint64  handled;        /* unix seconds: every slot up to here is done */
  gint64  snoozed_until;  /* unix microseconds; 0 for no snooze */
} ReminderState;

struct _LcReminderScheduler
{
  GObject     parent_instance;

  LcClock    *clock;
  GTimeZone  *tz;
  GPtrArray  *reminders;      /* LcReminder, the scheduler's copies */
  gboolean    reminders_set;
  GHashTable *states;         /* id → ReminderState */
  gboolean    started;
  guint       timeout_id;
};

G_DEFINE_FINAL_TYPE (LcReminderScheduler, lc_reminder_scheduler, G_TYPE_OBJECT)

enum {
  DUE,
  STATE_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const LcReminder *
find_reminder (GPtrArray  *reminders,
               const char *id)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      const LcReminder *reminder = reminders->pdata[i];

      if (g_strcmp0 (reminder->id, id) == 0)
        return reminder;
    }

  return NULL;
}

static void
cancel_timeout (LcReminderScheduler *self)
{
  if (self->timeout_id != 0)
    lc_clock_remove_timeout (self->clock, self->timeout_id);
  self->timeout_id = 0;
}

/* The earliest time after @now (unix microseconds) when a reminder is due
 * or a snooze ends, or G_MAXINT64 if none will be. */
static gint64
next_event (LcReminderScheduler  *self,
            gint64                now,
            const LcReminder    **reminder_out)
{
  gint64 next = G_MAXINT64;

  if (reminder_out != NULL)
    *reminder_out = NULL;

  for (guint i = 0; i < self->reminders->len; i++)
    {
      const LcReminder *reminder = self->reminders->pdata[i];
      ReminderState *state = g_hash_table_lookup (self->states, reminder->id);
      g_autoptr(GDateTime) after = NULL;
      g_autoptr(GDateTime) slot = NULL;
      gint64 time = G_MAXINT64;

      if (!reminder->enabled || state == NULL)
        continue;

      /* After a slot already handled, if the clock went back. */
      after = date_time_from_unix (MAX (now, state->handled * US), self->tz);
      slot = after != NULL ? lc_reminder_next_slot (reminder, after, self->tz) : NULL;
      if (slot != NULL)
        time = g_date_time_to_unix_usec (slot);
      if (state->snoozed_until != 0)
        time = MIN (time, state->snoozed_until);

      if (time < next)
        {
          next = time;
          if (reminder_out != NULL)
            *reminder_out = reminder;
        }
    }

  return next;
}

static gboolean timeout_cb (gpointer user_data);

static void
schedule (LcReminderScheduler *self)
{
  gint64 now;
  gint64 next;

  cancel_timeout (self);
  if (!self->started)
    return;

  now = lc_clock_get_real_time (self->clock);
  next = next_event (self, now, NULL);
  if (next == G_MAXINT64)
    return;

  self->timeout_id = lc_clock_add_timeout (self->clock, CLAMP (next - now, 0, MAX_SLEEP_US),
                                           timeout_cb, self);
}

/* A clock that was set far ahead once must not hold reminders back until
 * that time comes again; a snooze is never longer than a snooze. */
static gboolean
sanitize_state (ReminderState *state,
                gint64         now)
{
  gint64 now_s = floor_div (now, US);
  gboolean changed = FALSE;

  if (state->handled > now_s + MAX_HANDLED_AHEAD_S)
    {
      g_debug ("Reminder handled up to %" G_GINT64_FORMAT ", far after now: clock changed?",
               state->handled);
      state->handled = now_s;
      changed = TRUE;
    }
  if (state->snoozed_until > now + SNOOZE_US)
    {
      state->snoozed_until = now + SNOOZE_US;
      changed = TRUE;
    }

  return changed;
}

static void
check (LcReminderScheduler *self)
{
  g_autoptr(LcReminderScheduler) keep = g_object_ref (self);
  g_autoptr(GPtrArray) reminders = g_ptr_array_ref (self->reminders);
  gint64 now = lc_clock_get_real_time (self->clock);
  g_autoptr(GDateTime) now_time = date_time_from_unix (now, self->tz);
  gboolean changed = FALSE;

  if (now_time == NULL)
    return;

  for (guint i = 0; i < reminders->len; i++)
    {
      const LcReminder *reminder = reminders->pdata[i];
      ReminderState *state;
      g_autoptr(GDateTime) last = NULL;

      /* A handler changed the reminders: that change checked them anew
       * if the scheduler runs, or the next check will. */
      if (self->reminders != reminders)
        break;

      state = g_hash_table_lookup (self->states, reminder->id);
      if (!reminder->enabled || state == NULL)
        continue;

      changed |= sanitize_state (state, now);

      last = lc_reminder_last_slot (reminder, now_time, self->tz);
      if (last != NULL && g_date_time_to_unix (last) > state->handled)
        {
          gint64 slot = g_date_time_to_unix (last);

          /* A new slot replaces a snooze of an older one. */
          state->handled = slot;
          state->snoozed_until = 0;
          changed = TRUE;
          g_signal_emit (self, signals [DUE], 0, reminder, slot, now - slot * US > GRACE_US, FALSE);
        }
      else if (state->snoozed_until != 0 && now >= state->snoozed_until)
        {
          gboolean missed = now - state->snoozed_until > GRACE_US;

          state->snoozed_until = 0;
          changed = TRUE;
          g_signal_emit (self, signals [DUE], 0, reminder, state->handled, missed, TRUE);
        }
    }

  if (changed)
    g_signal_emit (self, signals [STATE_CHANGED], 0);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_autoptr(LcReminderScheduler) self = g_object_ref (user_data);

  self->timeout_id = 0;
  check (self);
  schedule (self);

  return G_SOURCE_REMOVE;
}

static void
lc_reminder_scheduler_dispose (GObject *object)
{
  LcReminderScheduler *self = LC_REMINDER_SCHEDULER (object);

  if (self->clock != NULL)
    cancel_timeout (self);
  self->started = FALSE;
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lc_reminder_scheduler_parent_class)->dispose (object);
}

static void
lc_reminder_scheduler_finalize (GObject *object)
{
  LcReminderScheduler *self = LC_REMINDER_SCHEDULER (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  g_clear_pointer (&self->states, g_hash_table_unref);

  G_OBJECT_CLASS (lc_reminder_scheduler_parent_class)->finalize (object);
}

static void
lc_reminder_scheduler_class_init (LcReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_reminder_scheduler_dispose;
  object_class->finalize = lc_reminder_scheduler_finalize;

  /**
   * LcReminderScheduler::due:
   * @reminder: (transfer none): the scheduler's copy of the reminder
   * @slot: the slot, unix seconds
   * @missed: %TRUE if it comes more than %LC_REMINDER_GRACE_MINUTES late
   *   (the computer was off or asleep)
   * @snoozed: %TRUE if it comes back from a snooze
   *
   * A reminder is due. However many of its slots passed unnoticed, only
   * the latest one is reported.
   */
  signals [DUE] =
    g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  LC_TYPE_REMINDER | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT64,
                  G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
  /**
   * LcReminderScheduler::state-changed:
   *
   * What lc_reminder_scheduler_get_state() returns has changed: save it.
   */
  signals [STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lc_reminder_scheduler_init (LcReminderScheduler *self)
{
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_reminder_free);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * lc_reminder_scheduler_new:
 * @clock: where the wall-clock time and the timeouts come from
 * @tz: the local time zone
 *
 * Returns: (transfer full): a scheduler with no reminders, not started
 */
LcReminderScheduler *
lc_reminder_scheduler_new (LcClock   *clock,
                           GTimeZone *tz)
{
  LcReminderScheduler *self;

  g_return_val_if_fail (LC_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  self = g_object_new (LC_TYPE_REMINDER_SCHEDULER, NULL);
  self->clock = g_object_ref (clock);
  self->tz = g_time_zone_ref (tz);

  return self;
}

/**
 * lc_reminder_scheduler_set_reminders:
 * @reminders: (element-type LcReminder): the reminders, with unique ids;
 *   copied
 *
 * A reminder with no state yet counts as handled up to now, so one set up
 * after its time today is not reported as missed; so does one that was
 * disabled and is enabled again. Changing a reminder's time or days keeps
 * what was handled. Removing or disabling a reminder drops its snooze;
 * removing it forgets its state. If the scheduler is started, checks at
 * once.
 */
void
lc_reminder_scheduler_set_reminders (LcReminderScheduler *self,
                                     GPtrArray           *reminders)
{
  g_autoptr(GPtrArray) old = NULL;
  gint64 now_s;
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (reminders != NULL);

  now_s = floor_div (lc_clock_get_real_time (self->clock), US);
  old = g_steal_pointer (&self->reminders);
  self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_reminder_free);
  for (guint i = 0; i < reminders->len; i++)
    g_ptr_array_add (self->reminders, lc_reminder_copy (reminders->pdata[i]));

  for (guint i = 0; i < self->reminders->len; i++)
    {
      const LcReminder *reminder = self->reminders->pdata[i];
      const LcReminder *previous = find_reminder (old, reminder->id);
      ReminderState *state = g_hash_table_lookup (self->states, reminder->id);

      if (state == NULL)
        {
          state = g_new0 (ReminderState, 1);
          state->handled = now_s;
          g_hash_table_insert (self->states, g_strdup (reminder->id), state);
          changed = TRUE;
        }
      else if (reminder->enabled && previous != NULL && !previous->enabled && state->handled < now_s)
        {
          state->handled = now_s;
          changed = TRUE;
        }

      if (!reminder->enabled && state->snoozed_until != 0)
        {
          state->snoozed_until = 0;
          changed = TRUE;
        }
    }

  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (find_reminder (self->reminders, key) == NULL)
      {
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }

  self->reminders_set = TRUE;
  if (changed)
    g_signal_emit (self, signals [STATE_CHANGED], 0);

  if (self->started)
    {
      check (self);
      schedule (self);
    }
}

/**
 * lc_reminder_scheduler_get_state:
 *
 * What to save between runs: for each reminder id, the last slot handled
 * and the end of its snooze, as unix seconds (0 for no snooze).
 *
 * Returns: (transfer full): a non-floating #GVariant of type `a{s(xx)}`
 */
GVariant *
lc_reminder_scheduler_get_state (LcReminderScheduler *self)
{
  g_autoptr(GList) ids = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (LC_IS_REMINDER_SCHEDULER (self), NULL);

  ids = g_list_sort (g_hash_table_get_keys (self->states), (GCompareFunc) g_strcmp0);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(xx)}"));
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const ReminderState *state = g_hash_table_lookup (self->states, l->data);
      /* Rounded up: a snooze never ends early. */
      gint64 snoozed = state->snoozed_until != 0 ? floor_div (state->snoozed_until + US - 1, US) : 0;

      g_variant_builder_add (&builder, "{s(xx)}", (const char *) l->data, state->handled, snoozed);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * lc_reminder_scheduler_set_state:
 * @state: what lc_reminder_scheduler_get_state() returned in an earlier run
 *
 * Call before lc_reminder_scheduler_set_reminders() and
 * lc_reminder_scheduler_start(). The state is advisory: one of the wrong
 * type is ignored, as are negative times and, once reminders are set, ids
 * that are not among them. A snooze that has ended meanwhile is reported
 * at the next check.
 */
void
lc_reminder_scheduler_set_state (LcReminderScheduler *self,
                                 GVariant            *state)
{
  g_autoptr(GVariant) owned = NULL;
  GVariantIter iter;
  const char *id;
  gint64 handled;
  gint64 snoozed;
  gboolean changed = FALSE;

  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (state != NULL);

  owned = g_variant_ref_sink (state);
  if (!g_variant_is_of_type (state, G_VARIANT_TYPE ("a{s(xx)}")))
    {
      g_debug ("Ignoring reminder state of type “%s”", g_variant_get_type_string (state));
      return;
    }

  g_variant_iter_init (&iter, state);
  while (g_variant_iter_next (&iter, "{&s(xx)}", &id, &handled, &snoozed))
    {
      const LcReminder *reminder = find_reminder (self->reminders, id);
      ReminderState *reminder_state;

      if (handled < 0 || snoozed < 0 || snoozed > G_MAXINT64 / US - 1)
        {
          g_debug ("Ignoring the state of reminder “%s”: out of range", id);
          continue;
        }
      if (self->reminders_set && reminder == NULL)
        continue;

      reminder_state = g_hash_table_lookup (self->states, id);
      if (reminder_state == NULL)
        {
          reminder_state = g_new0 (ReminderState, 1);
          g_hash_table_insert (self->states, g_strdup (id), reminder_state);
        }
      reminder_state->handled = handled;
      reminder_state->snoozed_until = reminder == NULL || reminder->enabled ? snoozed * US : 0;
      changed = TRUE;
    }

  if (changed)
    g_signal_emit (self, signals [STATE_CHANGED], 0);
  if (self->started)
    schedule (self);
}

/**
 * lc_reminder_scheduler_start:
 *
 * Checks now, then whenever a reminder or a snooze is due, looking at the
 * wall clock at least once a minute.
 */
void
lc_reminder_scheduler_start (LcReminderScheduler *self)
{
  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));

  if (self->started)
    return;

  self->started = TRUE;
  check (self);
  schedule (self);
}

/**
 * lc_reminder_scheduler_stop:
 *
 * Stops checking until lc_reminder_scheduler_start() is called again.
 */
void
lc_reminder_scheduler_stop (LcReminderScheduler *self)
{
  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));

  self->started = FALSE;
  cancel_timeout (self);
}

/**
 * lc_reminder_scheduler_check_now:
 *
 * Checks at once, for callers that know the wall clock jumped, e.g. on
 * resuming from suspend.
 */
void
lc_reminder_scheduler_check_now (LcReminderScheduler *self)
{
  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));

  check (self);
  schedule (self);
}

/**
 * lc_reminder_scheduler_snooze:
 * @id: the reminder's id
 *
 * Reports the reminder's last slot again %LC_REMINDER_SNOOZE_MINUTES from
 * now, with ::due's @snoozed set. Snoozing again counts from now again.
 * A disabled or unknown reminder is not snoozed.
 */
void
lc_reminder_scheduler_snooze (LcReminderScheduler *self,
                              const char          *id)
{
  const LcReminder *reminder;
  ReminderState *state;

  g_return_if_fail (LC_IS_REMINDER_SCHEDULER (self));
  g_return_if_fail (id != NULL);

  reminder = find_reminder (self->reminders, id);
  state = g_hash_table_lookup (self->states, id);
  if (reminder == NULL || !reminder->enabled || state == NULL)
    {
      g_debug ("Not snoozing reminder “%s”: unknown or disabled", id);
      return;
    }

  state->snoozed_until = lc_clock_get_real_time (self->clock) + SNOOZE_US;
  g_signal_emit (self, signals [STATE_CHANGED], 0);
  schedule (self);
}

/**
 * lc_reminder_scheduler_get_next:
 * @reminder: (out) (optional) (nullable) (transfer none): the reminder
 *   that comes next
 *
 * Returns: (transfer full) (nullable): when the next reminder is due, a
 *   slot or the end of a snooze, in the scheduler's time zone; %NULL if
 *   none will be
 */
GDateTime *
lc_reminder_scheduler_get_next (LcReminderScheduler  *self,
                                LcReminder          **reminder)
{
  const LcReminder *next_reminder;
  gint64 next;

  if (reminder != NULL)
    *reminder = NULL;
  g_return_val_if_fail (LC_IS_REMINDER_SCHEDULER (self), NULL);

  next = next_event (self, lc_clock_get_real_time (self->clock), &next_reminder);
  if (next == G_MAXINT64)
    return NULL;

  if (reminder != NULL)
    *reminder = (LcReminder *) next_reminder;

  return date_time_from_unix (next, self->tz);
}
