/* lc-reminder.h: daily reminders and when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-clock.h"

G_BEGIN_DECLS

typedef enum
{
  LC_REMINDER_ROUTINE,    /* do a routine */
  LC_REMINDER_DIARY,      /* write in the diary */
} LcReminderKind;

/* Bit 0 Monday … bit 6 Sunday, i.e. 1 << (GDateWeekday - 1). */
#define LC_WEEKDAYS_ALL 0x7f
#define LC_WEEKDAY_BIT(weekday) (1 << ((weekday) - 1))

#define LC_REMINDER_MINUTES_PER_DAY 1440
#define LC_REMINDER_SNOOZE_MINUTES 30
/* Later than this after its slot, a reminder counts as missed. */
#define LC_REMINDER_GRACE_MINUTES 15

typedef struct
{
  char           *id;          /* stable key, e.g. "routine" or "diary-morning" */
  LcReminderKind  kind;
  char           *routine_id;  /* NULL for diary reminders */
  gboolean        enabled;
  guint8          weekdays;    /* LC_WEEKDAY_BIT()s */
  guint16         minute;      /* minutes after local midnight, 0..1439 */
} LcReminder;

#define LC_TYPE_REMINDER (lc_reminder_get_type ())

GType       lc_reminder_get_type  (void) G_GNUC_CONST;
LcReminder *lc_reminder_new       (const char       *id,
                                   LcReminderKind    kind,
                                   const char       *routine_id,
                                   guint8            weekdays,
                                   guint16           minute);
LcReminder *lc_reminder_copy      (const LcReminder *reminder);
void        lc_reminder_free      (LcReminder       *reminder);

GDateTime  *lc_reminder_slot_on   (const LcReminder *reminder,
                                   const GDate      *day,
                                   GTimeZone        *tz);
GDateTime  *lc_reminder_next_slot (const LcReminder *reminder,
                                   GDateTime        *after,
                                   GTimeZone        *tz);
GDateTime  *lc_reminder_last_slot (const LcReminder *reminder,
                                   GDateTime        *at_or_before,
                                   GTimeZone        *tz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcReminder, lc_reminder_free)

#define LC_TYPE_REMINDER_SCHEDULER (lc_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (LcReminderScheduler, lc_reminder_scheduler, LC, REMINDER_SCHEDULER, GObject)

LcReminderScheduler *lc_reminder_scheduler_new           (LcClock              *clock,
                                                          GTimeZone            *tz);
void                 lc_reminder_scheduler_set_reminders (LcReminderScheduler  *self,
                                                          GPtrArray            *reminders);
GVariant            *lc_reminder_scheduler_get_state     (LcReminderScheduler  *self);
void                 lc_reminder_scheduler_set_state     (LcReminderScheduler  *self,
                                                          GVariant             *state);
void                 lc_reminder_scheduler_start         (LcReminderScheduler  *self);
void                 lc_reminder_scheduler_stop          (LcReminderScheduler  *self);
void                 lc_reminder_scheduler_check_now     (LcReminderScheduler  *self);
void                 lc_reminder_scheduler_snooze        (LcReminderScheduler  *self,
                                                          const char           *id);
GDateTime           *lc_reminder_scheduler_get_next      (LcReminderScheduler  *self,
                                                          LcReminder          **reminder);

G_END_DECLS
