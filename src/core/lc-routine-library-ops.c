/* lc-routine-library-ops.c: what the app changes in the routine folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save, remove with an undo token, restore, install a shared routine and
 * export: each runs in a worker thread, then the library reloads, so that
 * when an operation finishes, the list shows its result (an export changes
 * nothing there and finishes at once). Only the library's public API is
 * used; the list itself is read on the main thread only.
 */

#include "config.h"

#include <string.h>

#include "lc-paths.h"
#include "lc-routine-library.h"
#include "lc-routine-private.h"
#include "lc-routine-share.h"

/* --- the undo token ------------------------------------------------------ */

struct _LcRoutineRemoval
{
  GFile  *file;
  GBytes *contents;
  char   *id;
};

G_DEFINE_BOXED_TYPE (LcRoutineRemoval, lc_routine_removal, lc_routine_removal_copy, lc_routine_removal_free)

LcRoutineRemoval *
lc_routine_removal_copy (const LcRoutineRemoval *removal)
{
  LcRoutineRemoval *copy = g_new0 (LcRoutineRemoval, 1);

  copy->file = g_object_ref (removal->file);
  copy->contents = g_bytes_ref (removal->contents);
  copy->id = g_strdup (removal->id);
  return copy;
}

void
lc_routine_removal_free (LcRoutineRemoval *removal)
{
  if (removal == NULL)
    return;
  g_clear_object (&removal->file);
  g_clear_pointer (&removal->contents, g_bytes_unref);
  g_free (removal->id);
  g_free (removal);
}

/**
 * lc_routine_removal_get_id:
 *
 * Returns: the id of the routine that was removed
 */
const char *
lc_routine_removal_get_id (const LcRoutineRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, NULL);
  return removal->id;
}

/* --- operations: a thread for the files, then a reload --------------------- */

typedef enum
{
  OP_SAVE,
  OP_REMOVE,
  OP_RESTORE,
  OP_INSTALL,
  OP_EXPORT,
} OpKind;

typedef struct
{
  OpKind            kind;
  LcRoutineLoader  *loader;
  GFile            *file;          /* save, remove, restore: the routine file; export: where */
  char             *xml;           /* save */
  char             *id;            /* save, install (out), remove */
  LcRoutine        *routine;       /* remove, install, export */
  GHashTable       *pictures;      /* install */
  GListStore       *routines;      /* install: a copy of the list, whose ids are taken */
  GFile            *dir;           /* install */
  GFile            *pictures_dir;  /* install */
  LcRoutineRemoval *removal;       /* remove (out), restore (in) */
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->loader);
  g_clear_object (&op->file);
  g_free (op->xml);
  g_free (op->id);
  g_clear_object (&op->routine);
  g_clear_pointer (&op->pictures, g_hash_table_unref);
  g_clear_object (&op->routines);
  g_clear_object (&op->dir);
  g_clear_object (&op->pictures_dir);
  g_clear_pointer (&op->removal, lc_routine_removal_free);
  g_free (op);
}

static gboolean
make_parent (GFile   *file,
             GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_run (Op      *op,
        GError **error)
{
  switch (op->kind)
    {
    case OP_SAVE:
      /* Only what the loader accepts is written */
      return lc_routine_write_checked (op->loader, op->xml, op->file, error);

    case OP_REMOVE:
      {
        g_autoptr(GBytes) contents = g_file_load_bytes (op->file, NULL, NULL, error);

        if (contents == NULL || !g_file_delete (op->file, NULL, error))
          return FALSE;

        op->removal = g_new0 (LcRoutineRemoval, 1);
        op->removal->file = g_object_ref (op->file);
        op->removal->contents = g_steal_pointer (&contents);
        op->removal->id = g_strdup (op->id);
        return TRUE;
      }

    case OP_RESTORE:
      return make_parent (op->removal->file, error) &&
             lc_file_replace_atomic (op->removal->file, g_bytes_get_data (op->removal->contents, NULL),
                                     g_bytes_get_size (op->removal->contents), 0644, error);

    case OP_INSTALL:
      {
        g_autoptr(GFile) file = NULL;
        g_autofree char *basename = NULL;

        file = lc_routine_share_install (op->routine, op->pictures, op->loader, G_LIST_MODEL (op->routines),
                                         op->dir, op->pictures_dir, error);
        if (file == NULL)
          return FALSE;

        basename = g_file_get_basename (file);
        op->id = g_strndup (basename, strlen (basename) - strlen (".xml"));
        return TRUE;
      }

    case OP_EXPORT:
      {
        g_autoptr(GBytes) bytes = lc_routine_share_write (op->routine, error);

        return bytes != NULL &&
               lc_file_replace_atomic (op->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       0644, error);
      }

    default:
      g_assert_not_reached ();
    }
}

static void
op_in_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (op_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
op_reloaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* The folder was changed whatever the reload says */
  lc_routine_library_reload_finish (LC_ROUTINE_LIBRARY (source), result, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
op_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (((Op *) g_task_get_task_data (task))->kind == OP_EXPORT)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  lc_routine_library_reload_async (LC_ROUTINE_LIBRARY (source), NULL, op_reloaded_cb, g_steal_pointer (&task));
}

/* The caller's task holds @op; a second task runs it in a thread. */
static void
op_start (LcRoutineLibrary    *self,
          Op                  *op,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) worker = g_task_new (self, cancellable, op_done_cb, task);

  op->loader = g_object_ref (lc_routine_library_get_loader (self));
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_task_set_task_data (worker, op, NULL);
  g_task_run_in_thread (worker, op_in_thread);
}

static Op *
op_finish (LcRoutineLibrary  *self,
           GAsyncResult      *result,
           gpointer           source_tag,
           GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/**
 * lc_routine_library_get_file_for_edit:
 * @routine: a routine
 *
 * Where the user's version of @routine is saved: the user's own file, or,
 * for a built-in routine, `ID.xml` in the user's folder, which then
 * replaces the built-in one (removing it brings the built-in one back).
 *
 * Returns: (transfer full): the file
 */
GFile *
lc_routine_library_get_file_for_edit (LcRoutineLibrary *self,
                                      LcRoutine        *routine)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (lc_routine_library_get_dir (self) != NULL, NULL);

  if (lc_routine_get_origin (routine) == LC_ROUTINE_ORIGIN_USER)
    return g_file_new_for_path (lc_routine_get_source (routine));

  name = g_strconcat (lc_routine_get_id (routine), ".xml", NULL);
  return g_file_get_child (lc_routine_library_get_dir (self), name);
}

/**
 * lc_routine_library_save_async:
 * @draft: the routine to save
 * @file: (nullable): where (lc_routine_library_get_file_for_edit()); %NULL
 *   for a new routine, which gets an id no routine or file has, made from
 *   its name (set on @draft at once)
 *
 * Writes @draft, if the loader accepts it, atomically; on error nothing
 * changed. Finishes once the list shows the saved routine.
 */
void
lc_routine_library_save_async (LcRoutineLibrary    *self,
                               LcRoutineDraft      *draft,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Op *op;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (LC_IS_ROUTINE_DRAFT (draft));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || lc_routine_library_get_dir (self) != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_SAVE;
  /* Choosing a free name looks at a few file names only; the draft must
   * have its id before its XML is made. */
  op->file = file != NULL ? g_object_ref (file)
                          : lc_routine_draft_claim_file (draft, lc_routine_draft_get_name (draft),
                                                         lc_routine_library_get_routines (self), lc_routine_library_get_dir (self));
  op->xml = lc_routine_draft_to_xml (draft);
  op->id = g_strdup (lc_routine_draft_get_id (draft));
  op_start (self, op, lc_routine_library_save_async, cancellable, callback, user_data);
}

/**
 * lc_routine_library_save_finish:
 *
 * Returns: (transfer full): the id of the saved routine, or %NULL with
 *   @error set (%LC_ROUTINE_ERROR if the loader refused the routine,
 *   %G_IO_ERROR if it could not be written)
 */
char *
lc_routine_library_save_finish (LcRoutineLibrary  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  Op *op = op_finish (self, result, lc_routine_library_save_async, error);

  return op != NULL ? g_strdup (op->id) : NULL;
}

/**
 * lc_routine_library_remove_async:
 * @routine: one of the user's routines (the user's own, or their version
 *   of a built-in one, which is then back)
 *
 * Deletes the routine's file, keeping what it held for an undo.
 */
void
lc_routine_library_remove_async (LcRoutineLibrary    *self,
                                 LcRoutine           *routine,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Op *op;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));
  g_return_if_fail (lc_routine_get_origin (routine) == LC_ROUTINE_ORIGIN_USER);

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->file = g_file_new_for_path (lc_routine_get_source (routine));
  op->id = g_strdup (lc_routine_get_id (routine));
  op_start (self, op, lc_routine_library_remove_async, cancellable, callback, user_data);
}

/**
 * lc_routine_library_remove_finish:
 *
 * Returns: (transfer full): what lc_routine_library_restore_async() needs
 *   to undo the removal, or %NULL with @error set; then nothing changed
 */
LcRoutineRemoval *
lc_routine_library_remove_finish (LcRoutineLibrary  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  Op *op = op_finish (self, result, lc_routine_library_remove_async, error);

  return op != NULL ? g_steal_pointer (&op->removal) : NULL;
}

/**
 * lc_routine_library_restore_async:
 * @removal: from lc_routine_library_remove_finish()
 *
 * Undoes a removal: the file is back as it was.
 */
void
lc_routine_library_restore_async (LcRoutineLibrary       *self,
                                  const LcRoutineRemoval *removal,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  Op *op;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (removal != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_RESTORE;
  op->removal = lc_routine_removal_copy (removal);
  op_start (self, op, lc_routine_library_restore_async, cancellable, callback, user_data);
}

gboolean
lc_routine_library_restore_finish (LcRoutineLibrary  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  return op_finish (self, result, lc_routine_library_restore_async, error) != NULL;
}

/**
 * lc_routine_library_install_async:
 * @routine: a shared routine (lc_routine_share_read())
 * @pictures: its pictures, by name
 *
 * Adds a shared routine to the user's routines: its pictures into the
 * pictures folder (under the names of their contents), the routine under
 * an id no routine or file has (its own if it is free).
 */
void
lc_routine_library_install_async (LcRoutineLibrary    *self,
                                  LcRoutine           *routine,
                                  GHashTable          *pictures,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  guint n;
  Op *op;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));
  g_return_if_fail (pictures != NULL);
  g_return_if_fail (lc_routine_library_get_dir (self) != NULL && lc_routine_library_get_pictures_dir (self) != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_INSTALL;
  op->routine = g_object_ref (routine);
  op->pictures = g_hash_table_ref (pictures);
  op->dir = g_object_ref (lc_routine_library_get_dir (self));
  op->pictures_dir = g_object_ref (lc_routine_library_get_pictures_dir (self));

  /* The thread must not read the list the main thread changes */
  op->routines = g_list_store_new (LC_TYPE_ROUTINE);
  n = g_list_model_get_n_items (lc_routine_library_get_routines (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcRoutine) item = g_list_model_get_item (lc_routine_library_get_routines (self), i);

      g_list_store_append (op->routines, item);
    }

  op_start (self, op, lc_routine_library_install_async, cancellable, callback, user_data);
}

/**
 * lc_routine_library_install_finish:
 *
 * Returns: (transfer full): the id the routine was added under, or %NULL
 *   with @error set; then nothing was added
 */
char *
lc_routine_library_install_finish (LcRoutineLibrary  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  Op *op = op_finish (self, result, lc_routine_library_install_async, error);

  return op != NULL ? g_strdup (op->id) : NULL;
}

/**
 * lc_routine_library_export_async:
 * @routine: a routine
 * @destination: the file to write, replaced atomically
 *
 * Writes @routine as one file to give to someone: a .legcare-routine
 * holding its pictures.
 */
void
lc_routine_library_export_async (LcRoutineLibrary    *self,
                                 LcRoutine           *routine,
                                 GFile               *destination,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Op *op;

  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (LC_IS_ROUTINE (routine));
  g_return_if_fail (G_IS_FILE (destination));

  op = g_new0 (Op, 1);
  op->kind = OP_EXPORT;
  op->routine = g_object_ref (routine);
  op->file = g_object_ref (destination);
  op_start (self, op, lc_routine_library_export_async, cancellable, callback, user_data);
}

gboolean
lc_routine_library_export_finish (LcRoutineLibrary  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return op_finish (self, result, lc_routine_library_export_async, error) != NULL;
}
