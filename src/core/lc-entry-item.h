/* lc-entry-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-entry.h"

G_BEGIN_DECLS

#define LC_TYPE_ENTRY_ITEM (lc_entry_item_get_type ())

G_DECLARE_FINAL_TYPE (LcEntryItem, lc_entry_item, LC, ENTRY_ITEM, GObject)

LcEntryItem   *lc_entry_item_new       (LcEntry     *entry);
const LcEntry *lc_entry_item_get_entry (LcEntryItem *self);

#define LC_TYPE_SESSION_ITEM (lc_session_item_get_type ())

G_DECLARE_FINAL_TYPE (LcSessionItem, lc_session_item, LC, SESSION_ITEM, GObject)

LcSessionItem         *lc_session_item_new        (LcSessionRecord *record);
const LcSessionRecord *lc_session_item_get_record (LcSessionItem   *self);

/* A day's sitting breaks, as one row */
#define LC_TYPE_BREAK_DAY_ITEM (lc_break_day_item_get_type ())

G_DECLARE_FINAL_TYPE (LcBreakDayItem, lc_break_day_item, LC, BREAK_DAY_ITEM, GObject)

LcBreakDayItem *lc_break_day_item_new       (guint            count,
                                             gint64           first,
                                             gint64           last,
                                             gint64           last_id,
                                             guint            seconds);
guint           lc_break_day_item_get_count (LcBreakDayItem  *self);
gint64          lc_break_day_item_get_first (LcBreakDayItem  *self);
gint64          lc_break_day_item_get_last  (LcBreakDayItem  *self);
gint64          lc_break_day_item_get_last_id (LcBreakDayItem *self);
guint           lc_break_day_item_get_seconds (LcBreakDayItem *self);

gint64         lc_diary_item_get_time  (GObject     *item);

G_END_DECLS
