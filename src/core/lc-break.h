/* lc-break.h: when to offer a break from sitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-activity.h"
#include "lc-clock.h"

G_BEGIN_DECLS

#define LC_BREAK_INTERVAL_MIN_MINUTES     30
#define LC_BREAK_INTERVAL_MAX_MINUTES     90
#define LC_BREAK_INTERVAL_DEFAULT_MINUTES 45
/* Away from keyboard and mouse this long counts as a break taken. */
#define LC_BREAK_IDLE_MINUTES             5
/* "Later": the prompt again after this much more sitting. */
#define LC_BREAK_LATER_MINUTES            10

typedef struct
{
  gboolean enabled;
  guint    interval_minutes;   /* LC_BREAK_INTERVAL_MIN_MINUTES..MAX */
  guint16  start_minute;       /* active hours: minutes after local midnight */
  guint16  end_minute;         /* before start_minute: across midnight; equal: all day */
  guint8   weekdays;           /* LC_WEEKDAY_BIT()s of the days the hours start on */
  gboolean only_while_active;  /* count only while the user uses the computer */
} LcBreakRules;

#define LC_TYPE_BREAK_SCHEDULER (lc_break_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (LcBreakScheduler, lc_break_scheduler, LC, BREAK_SCHEDULER, GObject)

LcBreakScheduler *lc_break_scheduler_new            (LcClock            *clock,
                                                     GTimeZone          *tz,
                                                     LcActivity         *activity);
void              lc_break_scheduler_set_rules      (LcBreakScheduler   *self,
                                                     const LcBreakRules *rules);
void              lc_break_scheduler_get_rules      (LcBreakScheduler   *self,
                                                     LcBreakRules       *rules);
void              lc_break_scheduler_start          (LcBreakScheduler   *self);
void              lc_break_scheduler_stop           (LcBreakScheduler   *self);
void              lc_break_scheduler_set_busy       (LcBreakScheduler   *self,
                                                     gboolean            busy);
void              lc_break_scheduler_set_muted      (LcBreakScheduler   *self,
                                                     gboolean            muted);
void              lc_break_scheduler_later          (LcBreakScheduler   *self);
void              lc_break_scheduler_skip           (LcBreakScheduler   *self);
void              lc_break_scheduler_break_taken    (LcBreakScheduler   *self);
gint64            lc_break_scheduler_get_sitting    (LcBreakScheduler   *self);
gint64            lc_break_scheduler_get_remaining  (LcBreakScheduler   *self);
gboolean          lc_break_scheduler_get_pending    (LcBreakScheduler   *self);
gboolean          lc_break_scheduler_get_uses_activity (LcBreakScheduler *self);
GVariant         *lc_break_scheduler_get_state      (LcBreakScheduler   *self);
void              lc_break_scheduler_set_state      (LcBreakScheduler   *self,
                                                     GVariant           *state);

G_END_DECLS
