/* lc-entry-item.c: diary entries and sessions as objects, for list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-entry-item.h"

struct _LcEntryItem
{
  GObject  parent_instance;

  LcEntry *entry;
};

G_DEFINE_FINAL_TYPE (LcEntryItem, lc_entry_item, G_TYPE_OBJECT)

static void
lc_entry_item_finalize (GObject *object)
{
  LcEntryItem *self = LC_ENTRY_ITEM (object);

  g_clear_pointer (&self->entry, lc_entry_free);

  G_OBJECT_CLASS (lc_entry_item_parent_class)->finalize (object);
}

static void
lc_entry_item_class_init (LcEntryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_entry_item_finalize;
}

static void
lc_entry_item_init (LcEntryItem *self)
{
}

/**
 * lc_entry_item_new:
 * @entry: (transfer full): the entry
 */
LcEntryItem *
lc_entry_item_new (LcEntry *entry)
{
  LcEntryItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (LC_TYPE_ENTRY_ITEM, NULL);
  self->entry = entry;
  return self;
}

const LcEntry *
lc_entry_item_get_entry (LcEntryItem *self)
{
  g_return_val_if_fail (LC_IS_ENTRY_ITEM (self), NULL);
  return self->entry;
}

/* --- sessions ------------------------------------------------------------ */

struct _LcSessionItem
{
  GObject          parent_instance;

  LcSessionRecord *record;
};

G_DEFINE_FINAL_TYPE (LcSessionItem, lc_session_item, G_TYPE_OBJECT)

static void
lc_session_item_finalize (GObject *object)
{
  LcSessionItem *self = LC_SESSION_ITEM (object);

  g_clear_pointer (&self->record, lc_session_record_free);

  G_OBJECT_CLASS (lc_session_item_parent_class)->finalize (object);
}

static void
lc_session_item_class_init (LcSessionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_session_item_finalize;
}

static void
lc_session_item_init (LcSessionItem *self)
{
}

/**
 * lc_session_item_new:
 * @record: (transfer full): the session
 */
LcSessionItem *
lc_session_item_new (LcSessionRecord *record)
{
  LcSessionItem *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (LC_TYPE_SESSION_ITEM, NULL);
  self->record = record;
  return self;
}

const LcSessionRecord *
lc_session_item_get_record (LcSessionItem *self)
{
  g_return_val_if_fail (LC_IS_SESSION_ITEM (self), NULL);
  return self->record;
}

struct _LcBreakDayItem
{
  GObject parent_instance;

  guint   count;
  gint64  first;      /* the first break's start, UTC seconds */
  gint64  last;       /* the last one's */
  gint64  last_id;    /* its session id */
  guint   seconds;    /* their lengths added up */
};

G_DEFINE_FINAL_TYPE (LcBreakDayItem, lc_break_day_item, G_TYPE_OBJECT)

static void
lc_break_day_item_class_init (LcBreakDayItemClass *klass)
{
}

static void
lc_break_day_item_init (LcBreakDayItem *self)
{
}

/**
 * lc_break_day_item_new:
 * @count: the sitting breaks of one local day
 * @first: when the first started, UTC seconds
 * @last: when the last started
 * @last_id: the last one's session id
 * @seconds: their lengths added up
 */
LcBreakDayItem *
lc_break_day_item_new (guint  count,
                       gint64 first,
                       gint64 last,
                       gint64 last_id,
                       guint  seconds)
{
  LcBreakDayItem *self = g_object_new (LC_TYPE_BREAK_DAY_ITEM, NULL);

  self->count = count;
  self->first = first;
  self->last = last;
  self->last_id = last_id;
  self->seconds = seconds;
  return self;
}

guint
lc_break_day_item_get_count (LcBreakDayItem *self)
{
  g_return_val_if_fail (LC_IS_BREAK_DAY_ITEM (self), 0);
  return self->count;
}

gint64
lc_break_day_item_get_first (LcBreakDayItem *self)
{
  g_return_val_if_fail (LC_IS_BREAK_DAY_ITEM (self), 0);
  return self->first;
}

gint64
lc_break_day_item_get_last (LcBreakDayItem *self)
{
  g_return_val_if_fail (LC_IS_BREAK_DAY_ITEM (self), 0);
  return self->last;
}

gint64
lc_break_day_item_get_last_id (LcBreakDayItem *self)
{
  g_return_val_if_fail (LC_IS_BREAK_DAY_ITEM (self), 0);
  return self->last_id;
}

guint
lc_break_day_item_get_seconds (LcBreakDayItem *self)
{
  g_return_val_if_fail (LC_IS_BREAK_DAY_ITEM (self), 0);
  return self->seconds;
}

/**
 * lc_diary_item_get_time:
 * @item: an #LcEntryItem, #LcSessionItem or #LcBreakDayItem
 *
 * Returns: when the entry was taken or the session started (for a day's
 *   breaks, the last), UTC seconds: where it is in the timeline
 */
gint64
lc_diary_item_get_time (GObject *item)
{
  if (LC_IS_ENTRY_ITEM (item))
    return LC_ENTRY_ITEM (item)->entry->taken_at;
  if (LC_IS_BREAK_DAY_ITEM (item))
    return LC_BREAK_DAY_ITEM (item)->last;

  g_return_val_if_fail (LC_IS_SESSION_ITEM (item), 0);
  return LC_SESSION_ITEM (item)->record->started_at;
}
