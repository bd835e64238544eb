/* lc-clock.c: the monotonic clock, or a fake one that tests step by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session engine never counts ticks: it asks the clock what time it is
 * and when to wake up. The real clock is g_get_monotonic_time() with GLib
 * timeouts; the fake clock only moves in lc_clock_advance(), which runs the
 * timeouts that fall due, in order, at their exact times.
 *
 * Both also tell the wall-clock time (for reminders): the real clock with
 * g_get_real_time(), the fake one as a base plus its monotonic time, so
 * lc_clock_advance() moves both, and lc_clock_jump_real_time() moves only
 * the wall clock, as a suspended computer or a changed clock would.
 */

#include "config.h"

#include "lc-clock.h"

typedef struct
{
  guint        id;
  gint64       due;
  GSourceFunc  func;
  gpointer     data;
} FakeTimeout;

struct _LcClock
{
  GObject   parent_instance;

  gboolean  fake;
  gint64    fake_now;
  gint64    fake_real_base;    /* wall time = fake_real_base + fake_now */
  GList    *fake_timeouts;     /* FakeTimeout, by due time */
  guint     next_id;
};

G_DEFINE_FINAL_TYPE (LcClock, lc_clock, G_TYPE_OBJECT)

static void
lc_clock_finalize (GObject *object)
{
  LcClock *self = LC_CLOCK (object);

  g_list_free_full (self->fake_timeouts, g_free);

  G_OBJECT_CLASS (lc_clock_parent_class)->finalize (object);
}

static void
lc_clock_class_init (LcClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_clock_finalize;
}

static void
lc_clock_init (LcClock *self)
{
  self->next_id = 1;
}

LcClock *
lc_clock_new_real (void)
{
  return g_object_new (LC_TYPE_CLOCK, NULL);
}

/**
 * lc_clock_new_fake:
 *
 * Returns: (transfer full): a clock that starts at 0 and moves only with
 *   lc_clock_advance()
 */
LcClock *
lc_clock_new_fake (void)
{
  LcClock *self = g_object_new (LC_TYPE_CLOCK, NULL);

  self->fake = TRUE;
  return self;
}

/**
 * lc_clock_get_time:
 *
 * Returns: monotonic time in microseconds
 */
gint64
lc_clock_get_time (LcClock *self)
{
  g_return_val_if_fail (LC_IS_CLOCK (self), 0);

  return self->fake ? self->fake_now : g_get_monotonic_time ();
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const FakeTimeout *x = a;
  const FakeTimeout *y = b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;

  return x->id < y->id ? -1 : 1;
}

/**
 * lc_clock_add_timeout:
 * @delay_us: microseconds from now
 * @func: called once when due; it must return %G_SOURCE_REMOVE
 *
 * Returns: an id for lc_clock_remove_timeout()
 */
guint
lc_clock_add_timeout (LcClock     *self,
                      gint64       delay_us,
                      GSourceFunc  func,
                      gpointer     data)
{
  FakeTimeout *timeout;

  g_return_val_if_fail (LC_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  delay_us = MAX (delay_us, 0);

  /* Rounded up to the millisecond, so that it never fires early. */
  if (!self->fake)
    return g_timeout_add ((guint) ((delay_us + 999) / 1000), func, data);

  timeout = g_new0 (FakeTimeout, 1);
  timeout->id = self->next_id++;
  timeout->due = self->fake_now + delay_us;
  timeout->func = func;
  timeout->data = data;
  self->fake_timeouts = g_list_insert_sorted (self->fake_timeouts, timeout, compare_due);

  return timeout->id;
}

void
lc_clock_remove_timeout (LcClock *self,
                         guint    id)
{
  g_return_if_fail (LC_IS_CLOCK (self));

  if (id == 0)
    return;

  if (!self->fake)
    {
      g_source_remove (id);
      return;
    }

  for (GList *l = self->fake_timeouts; l != NULL; l = l->next)
    {
      FakeTimeout *timeout = l->data;

      if (timeout->id == id)
        {
          self->fake_timeouts = g_list_delete_link (self->fake_timeouts, l);
          g_free (timeout);
          return;
        }
    }
}

/**
 * lc_clock_advance:
 * @us: microseconds to move the fake clock forward
 *
 * Moves both the monotonic and the wall-clock time. Runs every timeout that falls due, at its exact time, in order,
 * including those that the timeouts add themselves.
 */
void
lc_clock_advance (LcClock *self,
                  gint64   us)
{
  gint64 target;

  g_return_if_fail (LC_IS_CLOCK (self));
  g_return_if_fail (self->fake);
  g_return_if_fail (us >= 0);

  target = self->fake_now + us;

  while (self->fake_timeouts != NULL)
    {
      FakeTimeout *timeout = self->fake_timeouts->data;

      if (timeout->due > target)
        break;

      self->fake_timeouts = g_list_delete_link (self->fake_timeouts, self->fake_timeouts);
      self->fake_now = timeout->due;
      timeout->func (timeout->data);
      g_free (timeout);
    }

  self->fake_now = target;
}

/**
 * lc_clock_get_real_time:
 *
 * Returns: wall-clock time in microseconds since 1970 (UTC); for a fake
 *   clock, what lc_clock_set_real_time() set, moved on by lc_clock_advance()
 *   and lc_clock_jump_real_time() (1970 at first)
 */
gint64
lc_clock_get_real_time (LcClock *self)
{
  g_return_val_if_fail (LC_IS_CLOCK (self), 0);

  return self->fake ? self->fake_real_base + self->fake_now : g_get_real_time ();
}

/**
 * lc_clock_set_real_time:
 * @us: microseconds since 1970 (UTC)
 *
 * Sets a fake clock's wall-clock time, without running any timeout or
 * moving its monotonic time.
 */
void
lc_clock_set_real_time (LcClock *self,
                        gint64   us)
{
  g_return_if_fail (LC_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  self->fake_real_base = us - self->fake_now;
}

/**
 * lc_clock_jump_real_time:
 * @us: microseconds to move the wall clock by; negative to move it back
 *
 * Moves a fake clock's wall-clock time without moving its monotonic time
 * or running any timeout: the computer was suspended or switched off, or
 * someone changed its clock.
 */
void
lc_clock_jump_real_time (LcClock *self,
                         gint64   us)
{
  g_return_if_fail (LC_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  self->fake_real_base += us;
}

/**
 * lc_clock_get_n_timeouts:
 *
 * Returns: for a fake clock, how many timeouts are waiting (tests check
 *   that a paused session waits on none)
 */
guint
lc_clock_get_n_timeouts (LcClock *self)
{
  g_return_val_if_fail (LC_IS_CLOCK (self), 0);

  return g_list_length (self->fake_timeouts);
}
