/* lc-routine-library.c: the routines there are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library owns the routine folders: the built-in routines (resources),
 * the user's folder and the pictures their steps show. It lists what loads
 * and what doesn't (LcRoutineLoader is only the parser), watches the folder,
 * and does every change the app makes there (lc-routine-library-ops.c:
 * save, remove with undo, install a shared routine, export) in a worker
 * thread, then reloads, so that when an operation finishes, the list
 * shows its result.
 *
 * Reading the user's folder happens in a thread too (except for the first
 * load at start-up, which the first window needs): only files whose time
 * or size changed are read again, and the lists change only where those
 * files are (update_store()). A reload asked for while one runs makes that
 * one's result stale (generation): it is dropped and the folder read
 * again, so the list always ends as the files are last.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-paths.h"
#include "lc-picture.h"
#include "lc-routine-library.h"
#include "lc-routine-private.h"
#include "lc-routine-problem.h"
#include "lc-routine-share.h"

/* --- the library --------------------------------------------------------- */

/* How long the folder must be quiet before it is read again: an editor
 * saving a file writes, renames and changes attributes in a burst. */
#define WATCH_DELAY_MS 300

struct _LcRoutineLibrary
{
  GObject          parent_instance;

  LcRoutineLoader *loader;
  char            *resource_dir;      /* nullable */
  GFile           *dir;               /* nullable */
  GFile           *pictures_dir;      /* nullable */

  GListStore      *routines;
  GListStore      *problems;
  GHashTable      *builtin;           /* id -> LcRoutine, read once */
  GPtrArray       *builtin_problems;  /* LcRoutineProblem */
  gboolean         builtin_loaded;

  GHashTable      *cache;             /* path -> CachedFile; NULL while a thread reads */
  GFile           *cache_rules;       /* the loader's picture folder the cache was read with */
  guint            generation;        /* counts loads, so that a late one is dropped */
  gboolean         scanning;
  GPtrArray       *waiting;           /* GTask: reloads asked for while scanning */
  gboolean         changed;           /* the list changed since the first load */

  GFileMonitor    *monitor;
  guint            watch_source;
};

G_DEFINE_FINAL_TYPE (LcRoutineLibrary, lc_routine_library, G_TYPE_OBJECT)

/* A user's routine file as it was read, and what came of it: read again
 * only once it (or the pictures folder, whose pictures it may show)
 * changed, so that a change to one file of thousands re-reads one. */
typedef struct
{
  guint64    modified;           /* microseconds */
  goffset    size;
  guint64    pictures_modified;
  LcRoutine *routine;            /* or NULL… */
  GError    *error;              /* …and why */
} CachedFile;

static void
cached_file_free (CachedFile *cached)
{
  g_clear_object (&cached->routine);
  g_clear_error (&cached->error);
  g_free (cached);
}

static guint64
modified_usec (GFileInfo *info)
{
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
         + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

/* What reading the user's folder gives: made in a thread, used in the
 * main one. */
typedef struct
{
  LcRoutineLoader *loader;
  GFile           *dir;
  GFile           *pictures_dir;
  GHashTable      *cache;        /* in: as last read (owned); out: now */
  GFile           *rules;        /* the loader's picture folder */
  GPtrArray       *routines;     /* LcRoutine, by file name, one per id */
  GPtrArray       *problems;     /* LcRoutineProblem */
  guint            generation;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_object (&scan->loader);
  g_clear_object (&scan->dir);
  g_clear_object (&scan->pictures_dir);
  g_clear_pointer (&scan->cache, g_hash_table_unref);
  g_clear_object (&scan->rules);
  g_clear_pointer (&scan->routines, g_ptr_array_unref);
  g_clear_pointer (&scan->problems, g_ptr_array_unref);
  g_free (scan);
}

static Scan *
scan_new (LcRoutineLibrary *self)
{
  Scan *scan = g_new0 (Scan, 1);

  scan->loader = g_object_ref (self->loader);
  scan->dir = self->dir != NULL ? g_object_ref (self->dir) : NULL;
  scan->pictures_dir = self->pictures_dir != NULL ? g_object_ref (self->pictures_dir) : NULL;
  scan->rules = lc_routine_loader_get_picture_dir (self->loader);
  if (scan->rules != NULL)
    g_object_ref (scan->rules);
  /* Files read with other rules are read again */
  if ((scan->rules == NULL) == (self->cache_rules == NULL) &&
      (scan->rules == NULL || g_file_equal (scan->rules, self->cache_rules)))
    scan->cache = g_steal_pointer (&self->cache);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  scan->routines = g_ptr_array_new_with_free_func (g_object_unref);
  scan->problems = g_ptr_array_new_with_free_func (g_object_unref);
  scan->generation = self->generation;
  return scan;
}

static void
add_problem (GPtrArray    *problems,
             const char   *file,
             const GError *error)
{
  g_ptr_array_add (problems, lc_routine_problem_new (file, error->message));
}

static int
compare_file_infos (gconstpointer a,
                    gconstpointer b)
{
  GFileInfo *x = *(GFileInfo **) a;
  GFileInfo *y = *(GFileInfo **) b;

  return strcmp (g_file_info_get_name (x), g_file_info_get_name (y));
}

/* Reads the user's folder, in any thread: touches nothing but @scan. */
static void
scan_run (Scan *scan)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) user_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) cached_file_free);
  g_autoptr(GError) error = NULL;
  guint64 pictures_modified = 0;
  GFileInfo *info;

  if (scan->dir == NULL)
    goto done;

  enumerator = g_file_enumerate_children (scan->dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder: no user routines, nothing wrong. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *path = g_file_get_path (scan->dir);
          g_autoptr(GError) wrapped = lc_error_new (LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_IO,
                                                   _("%s: the folder could not be read: %s"),
                                                   path, error->message);

          add_problem (scan->problems, path, wrapped);
        }
      goto done;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (infos, info);
      else
        g_object_unref (info);
    }
  g_ptr_array_sort (infos, compare_file_infos);

  if (scan->pictures_dir != NULL)
    {
      g_autoptr(GFileInfo) pictures_info = g_file_query_info (scan->pictures_dir,
                                                              G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                              G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                              G_FILE_QUERY_INFO_NONE, NULL, NULL);

      pictures_modified = pictures_info != NULL ? modified_usec (pictures_info) : 0;
    }

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *file_info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = g_file_get_child (scan->dir, g_file_info_get_name (file_info));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(LcRoutine) routine = NULL;
      CachedFile *cached = scan->cache != NULL ? g_hash_table_lookup (scan->cache, path) : NULL;
      const char *other;

      g_clear_error (&error);
      if (cached != NULL && cached->modified == modified_usec (file_info)
          && cached->size == g_file_info_get_size (file_info) && cached->pictures_modified == pictures_modified)
        {
          routine = cached->routine != NULL ? g_object_ref (cached->routine) : NULL;
          error = cached->error != NULL ? g_error_copy (cached->error) : NULL;
        }
      else
        routine = lc_routine_loader_load_file (scan->loader, file, &error);

      cached = g_new0 (CachedFile, 1);
      cached->modified = modified_usec (file_info);
      cached->size = g_file_info_get_size (file_info);
      cached->pictures_modified = pictures_modified;
      cached->routine = routine != NULL ? g_object_ref (routine) : NULL;
      cached->error = error != NULL ? g_error_copy (error) : NULL;
      g_hash_table_replace (cache, g_strdup (path), cached);

      if (routine == NULL)
        {
          add_problem (scan->problems, path, error);
          continue;
        }

      other = g_hash_table_lookup (user_ids, routine->id);
      if (other != NULL)
        {
          g_autoptr(GError) duplicate = lc_error_new (LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_DUPLICATE,
                                                     _("%s:1:1: the routine id “%s” is already used by %s: give each of your routines its own id"),
                                                     path, routine->id, other);

          add_problem (scan->problems, path, duplicate);
          continue;
        }
      g_hash_table_insert (user_ids, g_strdup (routine->id), g_strdup (path));
      g_ptr_array_add (scan->routines, g_steal_pointer (&routine));
    }

done:
  /* Files that are gone are forgotten */
  g_clear_pointer (&scan->cache, g_hash_table_unref);
  scan->cache = g_steal_pointer (&cache);
}

static void
load_builtin (LcRoutineLibrary *self)
{
  g_auto(GStrv) children = NULL;

  self->builtin_loaded = TRUE;
  if (self->resource_dir == NULL)
    return;

  children = g_resources_enumerate_children (self->resource_dir, 0, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", self->resource_dir, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LcRoutine) routine = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (children[i], ".xml"))
        continue;

      bytes = g_resources_lookup_data (path, 0, &error);
      if (bytes != NULL)
        {
          data = g_bytes_get_data (bytes, &size);
          routine = lc_routine_loader_parse (self->loader, data, size, path, LC_ROUTINE_ORIGIN_BUILTIN, &error);
        }
      if (routine == NULL)
        {
          /* A broken built-in routine is a bug in the app, not the user's doing. */
          g_warning ("%s", error->message);
          add_problem (self->builtin_problems, path, error);
          continue;
        }

      g_hash_table_replace (self->builtin, routine->id, g_object_ref (routine));
    }
}

static int
compare_routines (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LcRoutine *x = (LcRoutine *) a;
  LcRoutine *y = (LcRoutine *) b;

  if (x->category != y->category)
    return (int) x->category - (int) y->category;

  return g_utf8_collate (x->name, y->name);
}

static gboolean
same_routine (gpointer a,
              gpointer b)
{
  return a == b;
}

static gboolean
same_problem (gpointer a,
              gpointer b)
{
  return g_strcmp0 (lc_routine_problem_get_file (a), lc_routine_problem_get_file (b)) == 0 &&
         g_strcmp0 (lc_routine_problem_get_message (a), lc_routine_problem_get_message (b)) == 0;
}

/* Makes @store hold @items, changing only the part between what stayed the
 * same at its start and at its end: one file changed among thousands
 * changes one row of the lists that show them, not all. */
static void
update_store (GListStore *store,
              GPtrArray  *items,
              gboolean  (*same) (gpointer a,
                                 gpointer b))
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  guint start = 0;
  guint end = n;            /* in @store */
  guint end_items = items->len;

  while (start < n && start < items->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, start);

      if (!same (item, g_ptr_array_index (items, start)))
        break;
      start++;
    }
  while (end > start && end_items > start)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, end - 1);

      if (!same (item, g_ptr_array_index (items, end_items - 1)))
        break;
      end--;
      end_items--;
    }

  if (end == start && end_items == start)
    return;

  g_list_store_splice (store, start, end - start, items->pdata + start, end_items - start);
}

/* In the main thread: the built-in routines, then the user's, which
 * replace built-in ones with the same id. Routines of files that did not
 * change are the same objects as before (the cache), so the lists change
 * only where files did. */
static void
apply_scan (LcRoutineLibrary *self,
            Scan             *scan)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) routines = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  GHashTableIter iter;
  LcRoutine *routine;

  if (!self->builtin_loaded)
    load_builtin (self);

  g_hash_table_iter_init (&iter, self->builtin);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &routine))
    g_hash_table_replace (by_id, routine->id, routine);

  for (guint i = 0; i < scan->routines->len; i++)
    {
      routine = g_ptr_array_index (scan->routines, i);
      routine->overrides_builtin = g_hash_table_contains (self->builtin, routine->id);
      g_hash_table_replace (by_id, routine->id, routine);
    }

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &routine))
    g_ptr_array_add (routines, routine);
  g_ptr_array_sort_values_with_data (routines, compare_routines, NULL);

  g_ptr_array_extend (problems, self->builtin_problems, NULL, NULL);
  g_ptr_array_extend (problems, scan->problems, NULL, NULL);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  self->cache = g_steal_pointer (&scan->cache);
  g_set_object (&self->cache_rules, scan->rules);

  update_store (self->problems, problems, same_problem);
  update_store (self->routines, routines, same_routine);
}

/**
 * lc_routine_library_load:
 *
 * Loads every routine now, in this thread: the built-in routines, then the
 * user's, which replace built-in ones with the same id. Files that can't
 * be loaded are listed by lc_routine_library_get_problems() and hide
 * nothing else. For start-up and tests; afterwards, the library reloads by
 * itself (lc_routine_library_watch()) and after every change it makes.
 */
void
lc_routine_library_load (LcRoutineLibrary *self)
{
  Scan *scan;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));

  /* A reload still running in a thread is out of date now */
  self->generation++;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->routines)) > 0)
    self->changed = TRUE;

  scan = scan_new (self);
  scan_run (scan);
  apply_scan (self, scan);
  scan_free (scan);
}

static void start_scan (LcRoutineLibrary *self);

static void
scan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  scan_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LcRoutineLibrary *self = LC_ROUTINE_LIBRARY (source);
  Scan *scan = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) waiting = NULL;

  self->scanning = FALSE;

  if (scan->generation != self->generation)
    {
      /* A load happened meanwhile: this one may be older; read again
       * (what it read is still good for the files that did not change). */
      if (self->cache == NULL)
        {
          self->cache = g_steal_pointer (&scan->cache);
          g_set_object (&self->cache_rules, scan->rules);
        }
      start_scan (self);
      return;
    }

  self->changed = TRUE;
  apply_scan (self, scan);

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiting, i), TRUE);
}

static void
start_scan (LcRoutineLibrary *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->scanning)
    return;

  self->scanning = TRUE;
  task = g_task_new (self, NULL, scan_done_cb, NULL);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, scan_new (self), (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_in_thread);
}

/**
 * lc_routine_library_reload_async:
 *
 * Reads the folder again in a thread (only the files that changed) and
 * updates the list. Reloads asked for while one runs share the next one.
 */
void
lc_routine_library_reload_async (LcRoutineLibrary    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_routine_library_reload_async);

  /* A scan running now may have read the folder before the change this
   * caller waits for: the next one, which starts when it ends, counts. */
  if (self->scanning)
    self->generation++;
  g_ptr_array_add (self->waiting, task);
  start_scan (self);
}

gboolean
lc_routine_library_reload_finish (LcRoutineLibrary  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
watch_timeout_cb (gpointer user_data)
{
  LcRoutineLibrary *self = user_data;

  self->watch_source = 0;
  lc_routine_library_reload_async (self, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* The user edits a file in the routines folder: show the change, once the
 * editor has finished writing. */
static void
dir_changed_cb (LcRoutineLibrary  *self,
                GFile             *file,
                GFile             *other,
                GFileMonitorEvent  event)
{
  g_clear_handle_id (&self->watch_source, g_source_remove);
  self->watch_source = g_timeout_add (WATCH_DELAY_MS, watch_timeout_cb, self);
}

/**
 * lc_routine_library_watch:
 *
 * Creates the user's folder if needed (so that people find where their
 * routines go) and reloads whenever something in it changes, so that a
 * file fixed in a text editor shows up without a restart.
 */
void
lc_routine_library_watch (LcRoutineLibrary *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));

  if (self->dir == NULL || self->monitor != NULL)
    return;

  if (!g_file_make_directory_with_parents (self->dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (self->dir), error->message);
      return;
    }
  g_clear_error (&error);

  self->monitor = g_file_monitor_directory (self->dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (self->dir), error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (dir_changed_cb), self, G_CONNECT_SWAPPED);
}

/* --- the list ------------------------------------------------------------ */

/**
 * lc_routine_library_get_routines:
 *
 * Returns: (transfer none): the routines (#LcRoutine) by category and name
 */
GListModel *
lc_routine_library_get_routines (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->routines);
}

/**
 * lc_routine_library_get_problems:
 *
 * Returns: (transfer none): the files that could not be loaded
 *   (#LcRoutineProblem)
 */
GListModel *
lc_routine_library_get_problems (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * lc_routine_library_find:
 *
 * Returns: (transfer none) (nullable): the loaded routine with @id
 */
LcRoutine *
lc_routine_library_find (LcRoutineLibrary *self,
                         const char       *id)
{
  guint n;

  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_strcmp0 (routine->id, id) == 0)
        return routine;
    }

  return NULL;
}

/**
 * lc_routine_library_get_loader:
 *
 * Returns: (transfer none): the parser the library reads files with
 */
LcRoutineLoader *
lc_routine_library_get_loader (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  return self->loader;
}

/**
 * lc_routine_library_get_dir:
 *
 * Returns: (transfer none) (nullable): the folder of the user's routines
 */
GFile *
lc_routine_library_get_dir (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  return self->dir;
}

/**
 * lc_routine_library_get_pictures_dir:
 *
 * Returns: (transfer none) (nullable): the folder of the pictures the
 *   user's own steps show
 */
GFile *
lc_routine_library_get_pictures_dir (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  return self->pictures_dir;
}

/**
 * lc_routine_library_get_changed:
 *
 * Returns: whether the list was loaded again since the first load (a
 *   routine saved, removed, added, or a file changed)
 */
gboolean
lc_routine_library_get_changed (LcRoutineLibrary *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), FALSE);
  return self->changed || self->scanning || self->watch_source != 0;
}

/**
 * lc_routine_library_collect_pictures:
 *
 * The pictures the steps of the loaded routines show, for
 * lc_picture_remove_unused(); or %NULL when a routine file could not be
 * loaded (lc_routine_library_get_problems()): it may name pictures too,
 * and once it is fixed they must still be there.
 *
 * Returns: (transfer full) (nullable) (element-type utf8 utf8): the names,
 *   as a set, or %NULL when no picture may be removed
 */
GHashTable *
lc_routine_library_collect_pictures (LcRoutineLibrary *self)
{
  g_autoptr(GHashTable) used = NULL;
  guint n_routines;

  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->problems)) > 0)
    return NULL;

  used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_routines = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n_routines; i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);
      guint n_steps = lc_routine_get_n_steps (routine);

      for (guint j = 0; j < n_steps; j++)
        {
          const char *picture = lc_step_get_picture (lc_routine_get_step (routine, j));

          if (picture != NULL)
            g_hash_table_add (used, g_strdup (picture));
        }
    }

  return g_steal_pointer (&used);
}

/**
 * lc_routine_library_remove_unused_pictures:
 * @older_than: only pictures last changed before this (Unix time)
 * @n_removed: (out) (optional): how many were removed
 *
 * Removes the pictures no routine shows any more (a routine deleted, a
 * picture replaced, an editor cancelled); only with the routines as they
 * were first loaded, all of them fine: after a change, a removed routine
 * may still be undone, a saved one may not be loaded yet.
 *
 * Returns: %FALSE with @error set if the folder could not be cleaned
 */
gboolean
lc_routine_library_remove_unused_pictures (LcRoutineLibrary  *self,
                                           gint64             older_than,
                                           guint             *n_removed,
                                           GError           **error)
{
  g_autoptr(GHashTable) used = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  if (self->pictures_dir == NULL)
    return TRUE;

  if (lc_routine_library_get_changed (self))
    {
      g_debug ("Unused pictures kept: the routines changed since start-up");
      return TRUE;
    }

  used = lc_routine_library_collect_pictures (self);
  if (used == NULL)
    {
      g_debug ("Unused pictures kept: a routine file could not be loaded");
      return TRUE;
    }

  return lc_picture_remove_unused (self->pictures_dir, used, older_than, n_removed, error);
}

static void
lc_routine_library_dispose (GObject *object)
{
  LcRoutineLibrary *self = LC_ROUTINE_LIBRARY (object);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (lc_routine_library_parent_class)->dispose (object);
}

static void
lc_routine_library_finalize (GObject *object)
{
  LcRoutineLibrary *self = LC_ROUTINE_LIBRARY (object);

  g_clear_object (&self->loader);
  g_free (self->resource_dir);
  g_clear_object (&self->dir);
  g_clear_object (&self->pictures_dir);
  g_clear_object (&self->routines);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->builtin, g_hash_table_unref);
  g_clear_pointer (&self->builtin_problems, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->cache_rules);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_routine_library_parent_class)->finalize (object);
}

static void
lc_routine_library_class_init (LcRoutineLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_routine_library_dispose;
  object_class->finalize = lc_routine_library_finalize;
}

static void
lc_routine_library_init (LcRoutineLibrary *self)
{
  self->routines = g_list_store_new (LC_TYPE_ROUTINE);
  self->problems = g_list_store_new (LC_TYPE_ROUTINE_PROBLEM);
  self->builtin = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->builtin_problems = g_ptr_array_new_with_free_func (g_object_unref);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * lc_routine_library_new:
 * @loader: the parser (its picture folder, if any, decides whether a
 *   user's step may show a picture that is not there)
 * @resource_dir: (nullable): the resource folder of the built-in routines
 * @dir: (nullable): the folder of the user's routines
 * @pictures_dir: (nullable): the folder of the pictures the user's own
 *   steps show
 *
 * Nothing is read until lc_routine_library_load().
 *
 * Returns: (transfer full): a new library
 */
LcRoutineLibrary *
lc_routine_library_new (LcRoutineLoader *loader,
                        const char      *resource_dir,
                        GFile           *dir,
                        GFile           *pictures_dir)
{
  LcRoutineLibrary *self;

  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (loader), NULL);
  g_return_val_if_fail (dir == NULL || G_IS_FILE (dir), NULL);
  g_return_val_if_fail (pictures_dir == NULL || G_IS_FILE (pictures_dir), NULL);

  self = g_object_new (LC_TYPE_ROUTINE_LIBRARY, NULL);
  self->loader = g_object_ref (loader);
  self->resource_dir = g_strdup (resource_dir);
  self->dir = dir != NULL ? g_object_ref (dir) : NULL;
  self->pictures_dir = pictures_dir != NULL ? g_object_ref (pictures_dir) : NULL;
  return self;
}
