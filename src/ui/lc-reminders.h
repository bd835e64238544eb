/* lc-reminders.h: the reminders of the settings, as notifications
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
#define LC_REMINDERS_ROUTINE       "routine"
#define LC_REMINDERS_DIARY_MORNING "diary-morning"
#define LC_REMINDERS_DIARY_EVENING "diary-evening"

#define LC_TYPE_REMINDERS (lc_reminders_get_type ())

G_DECLARE_FINAL_TYPE (LcReminders, lc_reminders, LC, REMINDERS, GObject)

LcReminders *lc_reminders_new                (GtkApplication   *app,
                                              GSettings        *settings,
                                              LcRoutineLibrary *routines,
                                              LcClock          *clock);
void         lc_reminders_start              (LcReminders    *self);
void         lc_reminders_set_clock          (LcReminders    *self,
                                              LcClock        *clock);
gboolean     lc_reminders_any_enabled        (LcReminders    *self);
gboolean     lc_reminders_get_holding        (LcReminders    *self);
GDateTime   *lc_reminders_get_next           (LcReminders    *self,
                                              const char    **id);
char        *lc_reminders_describe_next      (LcReminders    *self);
void         lc_reminders_snooze             (LcReminders    *self,
                                              const char     *id);
void         lc_reminders_withdraw           (LcReminders    *self,
                                              const char     *id);
void         lc_reminders_request_background (LcReminders    *self,
                                              GtkWindow      *parent);

G_END_DECLS
