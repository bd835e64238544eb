/* lc-clock.h: where the session engine and the reminders get their time from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LC_TYPE_CLOCK (lc_clock_get_type ())

G_DECLARE_FINAL_TYPE (LcClock, lc_clock, LC, CLOCK, GObject)

LcClock *lc_clock_new_real       (void);
LcClock *lc_clock_new_fake       (void);
gint64   lc_clock_get_time       (LcClock     *self);
guint    lc_clock_add_timeout    (LcClock     *self,
                                  gint64       delay_us,
                                  GSourceFunc  func,
                                  gpointer     data);
void     lc_clock_remove_timeout (LcClock     *self,
                                  guint        id);
void     lc_clock_advance        (LcClock     *self,
                                  gint64       us);
gint64   lc_clock_get_real_time  (LcClock     *self);
void     lc_clock_set_real_time  (LcClock     *self,
                                  gint64       us);
void     lc_clock_jump_real_time (LcClock     *self,
                                  gint64       us);
guint    lc_clock_get_n_timeouts (LcClock     *self);

G_END_DECLS
