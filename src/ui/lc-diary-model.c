/* lc-diary-model.c: the diary's entries and sessions, newest first, read page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list model over the SQLite diary that holds only the pages a list view
 * asks for, so that ten years of entries cost no more than a screenful. It
 * is a GtkSectionModel: each local calendar day is a section.
 */

#include "config.h"

#include "lc-diary-model.h"
#include "lc-entry-item.h"

#define PAGE_SIZE  100
#define MAX_PAGES  8

typedef struct
{
  guint      index;
  GPtrArray *items;       /* LcEntryItem, LcSessionItem */
  LcDiaryTimelineKey last; /* where it ends, for the page after */
} Page;

struct _LcDiaryModel
{
  GObject    parent_instance;

  LcDiary   *diary;
  LcDiaryFilter filter;
  guint      n_items;
  GQueue     pages;       /* Page *, most recently used first */
  GError    *error;
};

static void lc_diary_model_list_model_init    (GListModelInterface   *iface);
static void lc_diary_model_section_model_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LcDiaryModel, lc_diary_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lc_diary_model_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, lc_diary_model_section_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
clear_pages (LcDiaryModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static Page *
get_page (LcDiaryModel *self,
          guint         index)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  LcDiaryTimelineKey last = { 0 };
  const Page *before = NULL;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          /* Most recently used first */
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
      if (index > 0 && page->index == index - 1 && page->items->len == PAGE_SIZE)
        before = page;
    }

  /* Scrolling down, the page before is there: this one starts where it
   * ended, found by the time indexes; else (a jump) by counting */
  if (before != NULL)
    items = lc_diary_list_timeline_after (self->diary, self->filter, &before->last, PAGE_SIZE, &last, &error);
  else
    items = lc_diary_list_timeline (self->diary, self->filter, index * PAGE_SIZE, PAGE_SIZE, &last, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the diary: %s", error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_steal_pointer (&items);
  page->last = last;

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GObject *
peek_item (LcDiaryModel *self,
           guint         position)
{
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL || position % PAGE_SIZE >= page->items->len)
    return NULL;

  return page->items->pdata[position % PAGE_SIZE];
}

static GType
lc_diary_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
lc_diary_model_get_n_items (GListModel *model)
{
  return LC_DIARY_MODEL (model)->n_items;
}

static gpointer
lc_diary_model_get_item (GListModel *model,
                         guint       position)
{
  GObject *item = peek_item (LC_DIARY_MODEL (model), position);

  return item != NULL ? g_object_ref (item) : NULL;
}

static void
lc_diary_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lc_diary_model_get_item_type;
  iface->get_n_items = lc_diary_model_get_n_items;
  iface->get_item = lc_diary_model_get_item;
}

/* The local calendar day of an item, as a number to compare. */
static guint
day_key (LcDiaryModel *self,
         guint         position)
{
  GObject *item = peek_item (self, position);
  g_autoptr(GDateTime) time = NULL;

  if (item == NULL)
    return 0;

  time = g_date_time_new_from_unix_local (lc_diary_item_get_time (item));
  return g_date_time_get_year (time) * 1000 + g_date_time_get_day_of_year (time);
}

static void
lc_diary_model_get_section (GtkSectionModel *model,
                            guint            position,
                            guint           *out_start,
                            guint           *out_end)
{
  LcDiaryModel *self = LC_DIARY_MODEL (model);
  guint key;
  guint start = position;
  guint end = position + 1;

  if (position >= self->n_items)
    {
      *out_start = self->n_items;
      *out_end = G_MAXUINT;
      return;
    }

  /* A day has a handful of entries: walking to its ends is cheap. */
  key = day_key (self, position);
  while (start > 0 && day_key (self, start - 1) == key)
    start--;
  while (end < self->n_items && day_key (self, end) == key)
    end++;

  *out_start = start;
  *out_end = end;
}

static void
lc_diary_model_section_model_init (GtkSectionModelInterface *iface)
{
  iface->get_section = lc_diary_model_get_section;
}

/**
 * lc_diary_model_reload:
 *
 * Reads the diary again after it changed.
 */
void
lc_diary_model_reload (LcDiaryModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 n;

  g_return_if_fail (LC_IS_DIARY_MODEL (self));

  clear_pages (self);
  n = lc_diary_count_timeline (self->diary, self->filter, G_MININT64, &error);
  g_clear_error (&self->error);
  if (n < 0)
    {
      self->error = g_steal_pointer (&error);
      n = 0;
    }

  /* Everything may be new: told as all removed, then all added. As one
   * change, a list view would look up every added item to find where its
   * focused and top rows went (GtkListItemManager does, when a row it
   * tracks is among the removed), reading the whole diary page by page,
   * seconds with a long diary. The Diary page puts its place back. */
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  self->n_items = (guint) n;
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}

static gboolean
same_record (GObject *a,
             GObject *b)
{
  if (LC_IS_ENTRY_ITEM (a) && LC_IS_ENTRY_ITEM (b))
    return lc_entry_item_get_entry (LC_ENTRY_ITEM (a))->id == lc_entry_item_get_entry (LC_ENTRY_ITEM (b))->id;
  if (LC_IS_SESSION_ITEM (a) && LC_IS_SESSION_ITEM (b))
    return lc_session_item_get_record (LC_SESSION_ITEM (a))->id ==
           lc_session_item_get_record (LC_SESSION_ITEM (b))->id;
  if (LC_IS_BREAK_DAY_ITEM (a) && LC_IS_BREAK_DAY_ITEM (b))
    return lc_break_day_item_get_last_id (LC_BREAK_DAY_ITEM (a)) ==
           lc_break_day_item_get_last_id (LC_BREAK_DAY_ITEM (b));
  return FALSE;
}

/**
 * lc_diary_model_find_item:
 * @item: an entry or session item, from this model before a reload or not
 *
 * Finds a record again after a reload, by its time and id: also when an
 * edit moved it in time.
 *
 * Returns: its position now, or %G_MAXUINT if it is no longer listed
 */
guint
lc_diary_model_find_item (LcDiaryModel *self,
                          GObject      *item)
{
  gint64 time;
  gint64 newer;

  g_return_val_if_fail (LC_IS_DIARY_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (G_IS_OBJECT (item), G_MAXUINT);

  /* Records are listed newest first: those newer than it come before it,
   * then those of the same second, among them itself. */
  time = lc_diary_item_get_time (item);
  newer = lc_diary_count_timeline (self->diary, self->filter, time + 1, NULL);
  if (newer < 0)
    return G_MAXUINT;
  for (guint position = (guint) newer; position < self->n_items; position++)
    {
      GObject *other = peek_item (self, position);

      if (other == NULL || lc_diary_item_get_time (other) != time)
        break;
      if (same_record (item, other))
        return position;
    }

  return G_MAXUINT;
}

/**
 * lc_diary_model_set_filter:
 *
 * Lists only entries, only sessions, or both.
 */
void
lc_diary_model_set_filter (LcDiaryModel  *self,
                           LcDiaryFilter  filter)
{
  g_return_if_fail (LC_IS_DIARY_MODEL (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  lc_diary_model_reload (self);
}

LcDiaryFilter
lc_diary_model_get_filter (LcDiaryModel *self)
{
  g_return_val_if_fail (LC_IS_DIARY_MODEL (self), LC_DIARY_FILTER_ALL);
  return self->filter;
}

/**
 * lc_diary_model_find_day:
 * @day: a local date
 *
 * Returns: the position of the first record on @day or before it, which
 *   can be the end of the list
 */
guint
lc_diary_model_find_day (LcDiaryModel *self,
                         GDateTime    *day)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_return_val_if_fail (LC_IS_DIARY_MODEL (self), 0);

  /* The next local midnight after @day (days around a clock change have
   * 23 or 25 hours, so not 24 hours on). */
  midnight = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  n = lc_diary_count_timeline (self->diary, self->filter, g_date_time_to_unix (next), &error);
  if (n < 0)
    {
      g_warning ("Could not read the diary: %s", error->message);
      return 0;
    }

  return MIN ((guint) n, self->n_items);
}

/**
 * lc_diary_model_get_error:
 *
 * Returns: (transfer none) (nullable): why the diary could not be read
 */
GError *
lc_diary_model_get_error (LcDiaryModel *self)
{
  g_return_val_if_fail (LC_IS_DIARY_MODEL (self), NULL);
  return self->error;
}

static void
lc_diary_model_finalize (GObject *object)
{
  LcDiaryModel *self = LC_DIARY_MODEL (object);

  clear_pages (self);
  g_clear_object (&self->diary);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lc_diary_model_parent_class)->finalize (object);
}

static void
lc_diary_model_class_init (LcDiaryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_diary_model_finalize;
}

static void
lc_diary_model_init (LcDiaryModel *self)
{
  g_queue_init (&self->pages);
}

LcDiaryModel *
lc_diary_model_new (LcDiary *diary)
{
  LcDiaryModel *self;

  g_return_val_if_fail (LC_IS_DIARY (diary), NULL);

  self = g_object_new (LC_TYPE_DIARY_MODEL, NULL);
  self->diary = g_object_ref (diary);
  lc_diary_model_reload (self);

  return self;
}
