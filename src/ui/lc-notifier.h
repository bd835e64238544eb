/* lc-notifier.h: the reminders of the settings, as notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-clock.h"
#include "lc-reminder.h"
#include "lc-routine-library.h"

G_BEGIN_DECLS

/* Reminder ids, in settings, notifications ("reminder-<id>") and actions */
#define LC_REMINDER_ID_ROUTINE       "routine"
#define LC_REMINDER_ID_DIARY_MORNING "diary-morning"
#define LC_REMINDER_ID_DIARY_EVENING "diary-evening"

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

G_END_DECLS
