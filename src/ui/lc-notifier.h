/* lc-notifier.h: the reminders of the settings, as notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-break.h"
#include "lc-clock.h"
#include "lc-reminder.h"
#include "lc-routine-library.h"

G_BEGIN_DECLS

/* Reminder ids, in settings, notifications ("reminder-<id>") and actions */
#define LC_REMINDER_ID_ROUTINE       "routine"
#define LC_REMINDER_ID_DIARY_MORNING "diary-morning"
#define LC_REMINDER_ID_DIARY_EVENING "diary-evening"

/* The sitting break's notification */
#define LC_NOTIFICATION_ID_BREAK "sitting-break"

typedef enum
{
  LC_BREAK_ANSWER_START,
  LC_BREAK_ANSWER_LATER,
  LC_BREAK_ANSWER_SKIP,
} LcBreakAnswer;

#define LC_TYPE_NOTIFIER (lc_notifier_get_type ())

G_DECLARE_FINAL_TYPE (LcNotifier, lc_notifier, LC, NOTIFIER, GObject)

LcNotifier *lc_notifier_new                (GtkApplication   *app,
                                            GSettings        *settings,
                                            LcRoutineLibrary *routines,
                                            LcClock          *clock);
void        lc_notifier_start              (LcNotifier       *self);
void        lc_notifier_set_clock          (LcNotifier *self,
                                            LcClock    *clock);
gboolean    lc_notifier_any_enabled        (LcNotifier       *self);
gboolean    lc_notifier_get_holding        (LcNotifier       *self);
GDateTime  *lc_notifier_get_next           (LcNotifier  *self,
                                            const char **id);
char       *lc_notifier_describe_next      (LcNotifier       *self);
void        lc_notifier_snooze             (LcNotifier *self,
                                            const char *id);
void        lc_notifier_withdraw           (LcNotifier *self,
                                            const char *id);
void        lc_notifier_request_background (LcNotifier *self,
                                            GtkWindow  *parent);
void        lc_notifier_set_activity       (LcNotifier *self,
                                            LcActivity *activity);
gboolean    lc_notifier_get_breaks_enabled (LcNotifier *self);
gboolean    lc_notifier_get_activity_available (LcNotifier *self);
LcBreakScheduler *lc_notifier_get_breaks   (LcNotifier *self);
LcActivity *lc_notifier_get_activity       (LcNotifier *self);
void        lc_notifier_break_answered     (LcNotifier    *self,
                                            LcBreakAnswer  answer);
void        lc_notifier_session_started    (LcNotifier *self);
void        lc_notifier_session_ended      (LcNotifier *self,
                                            gboolean    moved);

G_END_DECLS
