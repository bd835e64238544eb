/* lc-idle-monitor.h: whether the user is at the computer, from GNOME's idle monitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-activity.h"

G_BEGIN_DECLS

#define LC_TYPE_IDLE_MONITOR (lc_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (LcIdleMonitor, lc_idle_monitor, LC, IDLE_MONITOR, LcActivity)

LcActivity *lc_idle_monitor_new (GDBusConnection *connection);

G_END_DECLS
