/* lc-entry-item.c: a diary entry as an object, for list models
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
