/* lc-activity.h: whether the user is at the computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LC_TYPE_ACTIVITY (lc_activity_get_type ())

G_DECLARE_DERIVABLE_TYPE (LcActivity, lc_activity, LC, ACTIVITY, GObject)

struct _LcActivityClass
{
  GObjectClass parent_class;

  /* Watch for an idle stretch of @threshold_ms from now on. */
  void (*threshold_changed) (LcActivity *self,
                             guint       threshold_ms);

  gpointer padding[4];
};

LcActivity *lc_activity_new_manual          (void);
gboolean    lc_activity_get_available       (LcActivity *self);
gboolean    lc_activity_get_idle            (LcActivity *self);
guint       lc_activity_get_idle_threshold  (LcActivity *self);
void        lc_activity_set_idle_threshold  (LcActivity *self,
                                             guint       threshold_ms);

/* For the sources (and for tests, with a manual one) */
void        lc_activity_set_available       (LcActivity *self,
                                             gboolean    available);
void        lc_activity_set_idle            (LcActivity *self,
                                             gboolean    idle);

G_END_DECLS
