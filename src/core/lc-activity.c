/* lc-activity.c: whether the user is at the computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An LcActivity says whether it can tell at all (available) and whether
 * the user has left keyboard and mouse alone for at least the idle
 * threshold (idle). A source that watches the desktop derives from it
 * (LcIdleMonitor, GNOME's idle monitor over D-Bus) and sets both as it
 * learns them; a manual one (lc_activity_new_manual()) is set by hand,
 * by tests.
 *
 * "idle" turns TRUE when an idle stretch reaches the threshold, not when
 * it begins: whoever watches knows that the user has been away for the
 * threshold already. It turns FALSE at the first input after that.
 */

#include "config.h"

#include "lc-activity.h"

typedef struct
{
  gboolean available;
  gboolean idle;
  guint    threshold_ms;
} LcActivityPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LcActivity, lc_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_IDLE,
  PROP_IDLE_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Five minutes, until someone says otherwise */
#define DEFAULT_THRESHOLD_MS (5 * 60 * 1000)

static void
lc_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LcActivity *self = LC_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, lc_activity_get_available (self));
      break;

    case PROP_IDLE:
      g_value_set_boolean (value, lc_activity_get_idle (self));
      break;

    case PROP_IDLE_THRESHOLD:
      g_value_set_uint (value, lc_activity_get_idle_threshold (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LcActivity *self = LC_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_IDLE_THRESHOLD:
      lc_activity_set_idle_threshold (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_activity_class_init (LcActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lc_activity_get_property;
  object_class->set_property = lc_activity_set_property;

  /**
   * LcActivity:available:
   *
   * Whether the source can tell when the user is idle. When it cannot,
   * "idle" stays %FALSE.
   */
  properties [PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LcActivity:idle:
   *
   * Whether the user has not touched keyboard or mouse for at least
   * the idle threshold.
   */
  properties [PROP_IDLE] =
    g_param_spec_boolean ("idle", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LcActivity:idle-threshold:
   *
   * How long without input counts as idle, in milliseconds.
   */
  properties [PROP_IDLE_THRESHOLD] =
    g_param_spec_uint ("idle-threshold", NULL, NULL, 1000, G_MAXUINT, DEFAULT_THRESHOLD_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_activity_init (LcActivity *self)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  priv->threshold_ms = DEFAULT_THRESHOLD_MS;
}

/**
 * lc_activity_new_manual:
 *
 * Returns: (transfer full): a source that knows only what
 *   lc_activity_set_available() and lc_activity_set_idle() tell it
 */
LcActivity *
lc_activity_new_manual (void)
{
  return g_object_new (LC_TYPE_ACTIVITY, NULL);
}

gboolean
lc_activity_get_available (LcActivity *self)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_val_if_fail (LC_IS_ACTIVITY (self), FALSE);

  return priv->available;
}

gboolean
lc_activity_get_idle (LcActivity *self)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_val_if_fail (LC_IS_ACTIVITY (self), FALSE);

  return priv->idle;
}

guint
lc_activity_get_idle_threshold (LcActivity *self)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_val_if_fail (LC_IS_ACTIVITY (self), 0);

  return priv->threshold_ms;
}

/**
 * lc_activity_set_idle_threshold:
 * @threshold_ms: how long without input counts as idle, at least 1000
 *
 * The source watches for idle stretches of this length from now on.
 */
void
lc_activity_set_idle_threshold (LcActivity *self,
                                guint       threshold_ms)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_if_fail (LC_IS_ACTIVITY (self));

  threshold_ms = MAX (threshold_ms, 1000);
  if (priv->threshold_ms == threshold_ms)
    return;

  priv->threshold_ms = threshold_ms;
  if (LC_ACTIVITY_GET_CLASS (self)->threshold_changed != NULL)
    LC_ACTIVITY_GET_CLASS (self)->threshold_changed (self, threshold_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IDLE_THRESHOLD]);
}

/**
 * lc_activity_set_available:
 *
 * For sources: whether they can tell. A source that cannot is never idle.
 */
void
lc_activity_set_available (LcActivity *self,
                           gboolean    available)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_if_fail (LC_IS_ACTIVITY (self));

  available = !!available;
  if (priv->available == available)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  priv->available = available;
  if (!available)
    lc_activity_set_idle (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVAILABLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lc_activity_set_idle:
 *
 * For sources: the user has been idle for the threshold (%TRUE), or has
 * come back (%FALSE). Ignored (kept %FALSE) while not available.
 */
void
lc_activity_set_idle (LcActivity *self,
                      gboolean    idle)
{
  LcActivityPrivate *priv = lc_activity_get_instance_private (self);

  g_return_if_fail (LC_IS_ACTIVITY (self));

  idle = !!idle && priv->available;
  if (priv->idle == idle)
    return;

  priv->idle = idle;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IDLE]);
}
