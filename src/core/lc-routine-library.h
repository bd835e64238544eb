/* lc-routine-library.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-routine.h"
#include "lc-routine-draft.h"
#include "lc-routine-loader.h"

G_BEGIN_DECLS

/* What lc_routine_library_remove_finish() gives back, to undo the removal
 * with lc_routine_library_restore_async(). */
typedef struct _LcRoutineRemoval LcRoutineRemoval;

#define LC_TYPE_ROUTINE_REMOVAL (lc_routine_removal_get_type ())

GType             lc_routine_removal_get_type    (void) G_GNUC_CONST;
LcRoutineRemoval *lc_routine_removal_copy        (const LcRoutineRemoval *removal);
void              lc_routine_removal_free        (LcRoutineRemoval       *removal);
const char       *lc_routine_removal_get_id      (const LcRoutineRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcRoutineRemoval, lc_routine_removal_free)

#define LC_TYPE_ROUTINE_LIBRARY (lc_routine_library_get_type ())

G_DECLARE_FINAL_TYPE (LcRoutineLibrary, lc_routine_library, LC, ROUTINE_LIBRARY, GObject)

LcRoutineLibrary *lc_routine_library_new             (LcRoutineLoader     *loader,
                                                      const char          *resource_dir,
                                                      GFile               *dir,
                                                      GFile               *pictures_dir);
LcRoutineLoader  *lc_routine_library_get_loader      (LcRoutineLibrary    *self);
GFile            *lc_routine_library_get_dir         (LcRoutineLibrary    *self);
GFile            *lc_routine_library_get_pictures_dir (LcRoutineLibrary   *self);
GListModel       *lc_routine_library_get_routines    (LcRoutineLibrary    *self);
GListModel       *lc_routine_library_get_problems    (LcRoutineLibrary    *self);
LcRoutine        *lc_routine_library_find            (LcRoutineLibrary    *self,
                                                      const char          *id);
gboolean          lc_routine_library_get_changed     (LcRoutineLibrary    *self);

void              lc_routine_library_load            (LcRoutineLibrary    *self);
void              lc_routine_library_watch           (LcRoutineLibrary    *self);
void              lc_routine_library_reload_async    (LcRoutineLibrary    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          lc_routine_library_reload_finish   (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

GFile            *lc_routine_library_get_file_for_edit (LcRoutineLibrary  *self,
                                                      LcRoutine           *routine);
void              lc_routine_library_save_async      (LcRoutineLibrary    *self,
                                                      LcRoutineDraft      *draft,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char             *lc_routine_library_save_finish     (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              lc_routine_library_remove_async    (LcRoutineLibrary    *self,
                                                      LcRoutine           *routine,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
LcRoutineRemoval *lc_routine_library_remove_finish   (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              lc_routine_library_restore_async   (LcRoutineLibrary    *self,
                                                      const LcRoutineRemoval *removal,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          lc_routine_library_restore_finish  (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              lc_routine_library_install_async   (LcRoutineLibrary    *self,
                                                      LcRoutine           *routine,
                                                      GHashTable          *pictures,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char             *lc_routine_library_install_finish  (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              lc_routine_library_export_async    (LcRoutineLibrary    *self,
                                                      LcRoutine           *routine,
                                                      GFile               *destination,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          lc_routine_library_export_finish   (LcRoutineLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

GHashTable       *lc_routine_library_collect_pictures (LcRoutineLibrary   *self);
gboolean          lc_routine_library_remove_unused_pictures (LcRoutineLibrary *self,
                                                      gint64               older_than,
                                                      guint               *n_removed,
                                                      GError             **error);

G_END_DECLS
