/* test-routine-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine folders, on real files: a user's version of a built-in
 * routine, delete and undo, a new routine's id, a shared routine added and
 * exported, a folder that can't be written, and a folder changed by hand.
 * Links the app library for the built-in routines' resource; no display.
 */

#include "config.h"

#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "lc-illustration.h"
#include "lc-routine-library.h"
#include "lc-routine-share.h"
#include "lc-test-util.h"

#define ROUTINES_RESOURCE "/com/example/LegCare/routines/"

typedef struct
{
  char             *path;
  GFile            *dir;       /* removed afterwards */
  GFile            *routines;  /* <dir>/routines, made by the library */
  GFile            *pictures;  /* <dir>/pictures */
  LcRoutineLoader  *loader;
  LcRoutineLibrary *library;
  guint             n_builtin;
} Fixture;

static LcRoutineLibrary *
new_library (Fixture *f,
             GFile   *routines)
{
  return lc_routine_library_new (f->loader, ROUTINES_RESOURCE, routines, f->pictures);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GStrv) illustrations = lc_illustration_list_names ();
  g_autoptr(GError) error = NULL;

  f->path = g_dir_make_tmp ("test-routine-library-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_file_new_for_path (f->path);
  f->routines = g_file_get_child (f->dir, "routines");
  f->pictures = g_file_get_child (f->dir, "pictures");
  f->loader = lc_routine_loader_new ((const char * const *) illustrations);
  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  f->library = new_library (f, f->routines);
  lc_routine_library_load (f->library);
  f->n_builtin = g_list_model_get_n_items (lc_routine_library_get_routines (f->library));
  g_assert_cmpuint (f->n_builtin, >=, 5);
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
    remove_recursively (child);
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *routines = g_file_get_path (f->routines);

  g_chmod (routines, 0700);
  g_clear_object (&f->library);
  g_clear_object (&f->loader);
  remove_recursively (f->dir);
  g_clear_object (&f->routines);
  g_clear_object (&f->pictures);
  g_clear_object (&f->dir);
  g_free (f->path);
}

/* The result of an async call, once it came */
static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  wait_until (*slot != NULL);
  return *slot;
}

static guint
count_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  guint n = 0;

  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    n++;
  return n;
}

static char *
save (LcRoutineLibrary *library,
      LcRoutineDraft   *draft,
      GFile            *file,
      GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lc_routine_library_save_async (library, draft, file, NULL, result_cb, &result);
  return lc_routine_library_save_finish (library, wait_for (&result), error);
}

static LcRoutineRemoval *
remove_routine (LcRoutineLibrary *library,
                LcRoutine        *routine,
                GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lc_routine_library_remove_async (library, routine, NULL, result_cb, &result);
  return lc_routine_library_remove_finish (library, wait_for (&result), error);
}

static gboolean
restore (LcRoutineLibrary       *library,
         const LcRoutineRemoval *removal,
         GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lc_routine_library_restore_async (library, removal, NULL, result_cb, &result);
  return lc_routine_library_restore_finish (library, wait_for (&result), error);
}

/* A built-in routine edited: the user's version in their folder replaces
 * it; removing that brings the built-in one back; Undo brings the user's
 * version back, byte for byte. */
static void
test_library_override (Fixture       *f,
                       gconstpointer  data)
{
  LcRoutine *builtin = lc_routine_library_find (f->library, "leg-elevation");
  g_autoptr(LcRoutineDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) expected = g_file_get_child (f->routines, "leg-elevation.xml");
  g_autoptr(LcRoutineRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) restored = NULL;
  g_autofree char *id = NULL;
  LcRoutine *routine;

  g_assert_nonnull (builtin);
  g_assert_cmpint (lc_routine_get_origin (builtin), ==, LC_ROUTINE_ORIGIN_BUILTIN);

  /* Where the user's version goes: their folder, under the same id */
  file = lc_routine_library_get_file_for_edit (f->library, builtin);
  g_assert_true (g_file_equal (file, expected));

  draft = lc_routine_draft_new_from_routine (builtin);
  lc_routine_draft_set_name (draft, "My Elevation");
  id = save (f->library, draft, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "leg-elevation");

  /* Done means the list shows it already */
  routine = lc_routine_library_find (f->library, "leg-elevation");
  g_assert_cmpstr (lc_routine_get_name (routine), ==, "My Elevation");
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_USER);
  g_assert_true (lc_routine_get_overrides_builtin (routine));
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==, f->n_builtin);
  /* Its file, for the next edit, is the same one */
  g_clear_object (&file);
  file = lc_routine_library_get_file_for_edit (f->library, routine);
  g_assert_true (g_file_equal (file, expected));
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Reset to the built-in one */
  removal = remove_routine (f->library, routine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_cmpstr (lc_routine_removal_get_id (removal), ==, "leg-elevation");
  g_assert_false (g_file_query_exists (file, NULL));
  routine = lc_routine_library_find (f->library, "leg-elevation");
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_BUILTIN);
  g_assert_false (lc_routine_get_overrides_builtin (routine));
  g_assert_cmpstr (lc_routine_get_name (routine), ==, lc_routine_get_name (builtin));

  /* Undo */
  g_assert_true (restore (f->library, removal, &error));
  g_assert_no_error (error);
  restored = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, restored));
  routine = lc_routine_library_find (f->library, "leg-elevation");
  g_assert_cmpstr (lc_routine_get_name (routine), ==, "My Elevation");
  g_assert_true (lc_routine_get_overrides_builtin (routine));
}

/* New routines get ids from their names that nothing has; deleting one
 * takes it off the list, Undo puts it back. A routine the loader would
 * refuse is not written. */
static void
test_library_new_and_delete (Fixture       *f,
                             gconstpointer  data)
{
  LcRoutine *builtin = lc_routine_library_find (f->library, "calf-pump-seated");
  g_autoptr(LcRoutineDraft) first = lc_routine_draft_new_from_routine (builtin);
  g_autoptr(LcRoutineDraft) second = lc_routine_draft_new_from_routine (builtin);
  g_autoptr(LcRoutineDraft) refused = lc_routine_draft_new_from_routine (builtin);
  g_autoptr(LcRoutineRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *refused_id = NULL;
  guint files;

  lc_routine_draft_set_id (first, "");
  lc_routine_draft_set_name (first, "Knee Routine");
  first_id = save (f->library, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_id, ==, "knee-routine");
  g_assert_cmpstr (lc_routine_draft_get_id (first), ==, "knee-routine");

  lc_routine_draft_set_id (second, "");
  lc_routine_draft_set_name (second, "Knee  routine!");
  second_id = save (f->library, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second_id, ==, "knee-routine-2");
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==, f->n_builtin + 2);
  files = count_files (f->routines);
  g_assert_cmpuint (files, ==, 2);

  /* No name: refused by the loader, nothing written, nothing listed */
  lc_routine_draft_set_id (refused, "");
  lc_routine_draft_set_name (refused, "");
  refused_id = save (f->library, refused, NULL, &error);
  g_assert_null (refused_id);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LC_ROUTINE_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->routines), ==, files);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==, f->n_builtin + 2);

  removal = remove_routine (f->library, lc_routine_library_find (f->library, "knee-routine"), &error);
  g_assert_no_error (error);
  g_assert_null (lc_routine_library_find (f->library, "knee-routine"));
  g_assert_nonnull (lc_routine_library_find (f->library, "knee-routine-2"));
  g_assert_cmpuint (count_files (f->routines), ==, files - 1);

  g_assert_true (restore (f->library, removal, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lc_routine_library_find (f->library, "knee-routine"));
  g_assert_cmpuint (count_files (f->routines), ==, files);
}

/* A shared routine is added under a free id with its pictures; exported,
 * it reads back the same. */
static void
test_library_install_export (Fixture       *f,
                             gconstpointer  data)
{
  LcRoutine *builtin = lc_routine_library_find (f->library, "leg-elevation");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) shared = g_file_get_child (f->dir, "Legs Up.legcare-routine");
  g_autoptr(GFile) exported = g_file_get_child (f->dir, "again.legcare-routine");
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GHashTable) pictures_again = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(LcRoutine) again = NULL;
  g_autoptr(GAsyncResult) installed = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  LcRoutine *routine;

  bytes = lc_routine_share_write (builtin, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (shared, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  received = lc_routine_share_read (f->loader, shared, &pictures, &error);
  g_assert_no_error (error);

  lc_routine_library_install_async (f->library, received, pictures, NULL, result_cb, &installed);
  id = lc_routine_library_install_finish (f->library, wait_for (&installed), &error);
  g_assert_no_error (error);
  /* The built-in routine has its id */
  g_assert_cmpstr (id, ==, "leg-elevation-2");
  routine = lc_routine_library_find (f->library, id);
  g_assert_nonnull (routine);
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_USER);
  g_assert_false (lc_routine_get_overrides_builtin (routine));
  g_assert_cmpstr (lc_routine_get_name (routine), ==, lc_routine_get_name (builtin));
  g_assert_cmpuint (lc_routine_get_n_steps (routine), ==, lc_routine_get_n_steps (builtin));

  lc_routine_library_export_async (f->library, routine, exported, NULL, result_cb, &done);
  g_assert_true (lc_routine_library_export_finish (f->library, wait_for (&done), &error));
  g_assert_no_error (error);
  again = lc_routine_share_read (f->loader, exported, &pictures_again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_name (again), ==, lc_routine_get_name (routine));
  g_assert_cmpuint (lc_routine_get_n_steps (again), ==, lc_routine_get_n_steps (routine));
  g_assert_cmpuint (lc_routine_get_duration (again), ==, lc_routine_get_duration (routine));
}

/* A folder that can't be written: every operation fails with a message,
 * the list is as it was, and the app goes on. Made unwritable in a way
 * root can't write either: a file where the folder should be. */
static void
test_library_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) blocker = g_file_get_child (f->dir, "not-a-folder");
  g_autoptr(GFile) routines = g_file_get_child (blocker, "routines");
  g_autoptr(GFile) exported = g_file_get_child (blocker, "out.legcare-routine");
  g_autoptr(LcRoutineLibrary) library = NULL;
  g_autoptr(LcRoutineDraft) draft = NULL;
  g_autoptr(LcRoutineDraft) copy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *copy_id = NULL;
  LcRoutine *builtin;

  g_assert_true (g_file_replace_contents (blocker, "x", 1, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  library = new_library (f, routines);
  lc_routine_library_load (library);
  /* The folder that can't be read is listed as a problem; it hides nothing */
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_problems (library)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, f->n_builtin);

  builtin = lc_routine_library_find (library, "leg-elevation");
  file = lc_routine_library_get_file_for_edit (library, builtin);
  draft = lc_routine_draft_new_from_routine (builtin);
  lc_routine_draft_set_name (draft, "My Elevation");
  id = save (library, draft, file, &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (error->message);
  g_clear_error (&error);

  copy = lc_routine_draft_new_from_routine (builtin);
  lc_routine_draft_set_id (copy, "");
  lc_routine_draft_set_name (copy, "Copy");
  copy_id = save (library, copy, NULL, &error);
  g_assert_null (copy_id);
  g_assert_nonnull (error);
  g_clear_error (&error);

  builtin = lc_routine_library_find (library, "leg-elevation");
  g_assert_cmpint (lc_routine_get_origin (builtin), ==, LC_ROUTINE_ORIGIN_BUILTIN);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, f->n_builtin);

  lc_routine_library_export_async (library, builtin, exported, NULL, result_cb, &done);
  g_assert_false (lc_routine_library_export_finish (library, wait_for (&done), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Where permissions count (not as root), a read-only folder too */
  if (geteuid () != 0)
    {
      g_autofree char *path = g_file_get_path (f->routines);
      g_autoptr(LcRoutineDraft) other = lc_routine_draft_new_from_routine (builtin);
      g_autofree char *other_id = NULL;

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_assert_cmpint (g_chmod (path, 0500), ==, 0);
      lc_routine_draft_set_id (other, "");
      lc_routine_draft_set_name (other, "Other");
      other_id = save (f->library, other, NULL, &error);
      g_assert_null (other_id);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==,
                        f->n_builtin);
    }
}

/* Files changed by hand: a reload reads them; several reloads asked for
 * at once all finish; the folder is watched. */
static void
test_library_reload (Fixture       *f,
                     gconstpointer  data)
{
  LcRoutine *builtin = lc_routine_library_find (f->library, "calf-pump-seated");
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new_from_routine (builtin);
  g_autofree char *xml = NULL;
  g_autoptr(GFile) file = g_file_get_child (f->routines, "by-hand.xml");
  g_autoptr(GFile) other = g_file_get_child (f->routines, "watched.xml");
  GAsyncResult *results[3] = { NULL, };
  g_autoptr(GError) error = NULL;

  lc_routine_draft_set_id (draft, "by-hand");
  lc_routine_draft_set_name (draft, "By Hand");
  xml = lc_routine_draft_to_xml (draft);
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (f->routines), 0700), ==, 0);
  g_assert_true (g_file_replace_contents (file, xml, strlen (xml), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (lc_routine_library_find (f->library, "by-hand"));

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    lc_routine_library_reload_async (f->library, NULL, result_cb, &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_true (lc_routine_library_reload_finish (f->library, wait_for (&results[i]), &error));
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }
  g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (f->library, "by-hand")), ==, "By Hand");
  g_assert_true (lc_routine_library_get_changed (f->library));

  /* Watched: a file written by hand shows up, one removed goes */
  lc_routine_library_watch (f->library);
  lc_routine_draft_set_id (draft, "watched");
  g_free (xml);
  xml = lc_routine_draft_to_xml (draft);
  g_assert_true (g_file_replace_contents (other, xml, strlen (xml), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  wait_until (lc_routine_library_find (f->library, "watched") != NULL);
  g_assert_true (g_file_delete (file, NULL, &error));
  wait_until (lc_routine_library_find (f->library, "by-hand") == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==, f->n_builtin + 1);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

/* Writes a user's routine @id named @name, dated @seconds after the
 * epoch plus a day (so that a rewrite within a second is seen) */
static void
write_routine (Fixture    *f,
               const char *id,
               const char *name,
               guint64     seconds)
{
  LcRoutine *builtin = lc_routine_library_find (f->library, "calf-pump-seated");
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new_from_routine (builtin);
  g_autofree char *xml = NULL;
  g_autofree char *file_name = g_strconcat (id, ".xml", NULL);
  g_autoptr(GFile) file = g_file_get_child (f->routines, file_name);
  g_autoptr(GError) error = NULL;

  lc_routine_draft_set_id (draft, id);
  lc_routine_draft_set_name (draft, name);
  xml = lc_routine_draft_to_xml (draft);
  g_assert_true (g_file_replace_contents (file, xml, strlen (xml), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 86400 + seconds,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
reload_and_wait (Fixture *f)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  lc_routine_library_reload_async (f->library, NULL, result_cb, &result);
  g_assert_true (lc_routine_library_reload_finish (f->library, wait_for (&result), &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

/* A reload changes only the rows of the files that changed (it used to
 * replace the whole list, so a view rebuilt every row), and nothing when
 * nothing changed. */
static void
test_library_reload_only_changed (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *routines = lc_routine_library_get_routines (f->library);
  GListModel *problems = lc_routine_library_get_problems (f->library);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) problem_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  const guint n = 60;
  guint n_routines;

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (f->routines), 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("mine-%02u", i);
      g_autofree char *name = g_strdup_printf ("Mine %02u", i);

      write_routine (f, id, name, 1);
    }
  lc_test_write_file (f->routines, "broken.xml", "<routine/>");
  reload_and_wait (f);
  n_routines = g_list_model_get_n_items (routines);
  g_assert_cmpuint (n_routines, ==, f->n_builtin + n);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);

  g_signal_connect (routines, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_signal_connect (problems, "items-changed", G_CALLBACK (record_change_cb), problem_changes);

  /* Nothing changed: no change */
  reload_and_wait (f);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (problem_changes->len, ==, 0);

  /* One file of 60: one row */
  write_routine (f, "mine-30", "Mine 30, changed", 2);
  reload_and_wait (f);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (f->library, "mine-30")), ==, "Mine 30, changed");
  g_assert_cmpuint (problem_changes->len, ==, 0);

  /* A file gone: its row goes, no other */
  g_array_set_size (changes, 0);
  {
    g_autoptr(GFile) gone = g_file_get_child (f->routines, "mine-07.xml");

    g_assert_true (g_file_delete (gone, NULL, NULL));
  }
  reload_and_wait (f);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (routines), ==, n_routines - 1);

  g_signal_handlers_disconnect_by_data (routines, changes);
  g_signal_handlers_disconnect_by_data (problems, problem_changes);
}

/* A reload returns before it reads anything (the list changes later, from
 * the main loop); reloads asked for while files keep changing end with
 * the files as they are last, whatever order the threads finish in. */
static void
test_library_reload_latest (Fixture       *f,
                            gconstpointer  data)
{
  GListModel *routines = lc_routine_library_get_routines (f->library);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GAsyncResult *results[20] = { NULL, };

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (f->routines), 0700), ==, 0);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("other-%03u", i);

      write_routine (f, id, "Other", 1);
    }
  write_routine (f, "moving", "Version 0", 1);

  g_signal_connect (routines, "items-changed", G_CALLBACK (record_change_cb), changes);
  lc_routine_library_reload_async (f->library, NULL, result_cb, &results[0]);
  /* Not read yet: nothing changed in this call */
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_null (lc_routine_library_find (f->library, "moving"));
  wait_for (&results[0]);
  g_assert_cmpuint (changes->len, >, 0);
  g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (f->library, "moving")), ==, "Version 0");

  /* Changes and reloads in quick succession, some while a reload runs */
  for (guint i = 1; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *name = g_strdup_printf ("Version %u", i);

      write_routine (f, "moving", name, 1 + i);
      lc_routine_library_reload_async (f->library, NULL, result_cb, &results[i]);
      if (i % 3 == 0)
        g_main_context_iteration (NULL, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lc_routine_library_reload_finish (f->library, wait_for (&results[i]), &error));
      g_assert_no_error (error);
      /* Once any reload asked for after the last change has finished, the
       * list shows that change */
      if (i == G_N_ELEMENTS (results) - 1)
        g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (f->library, "moving")), ==, "Version 19");
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_clear_object (&results[i]);

  /* …and it stays so: nothing older arrives late */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (f->library, "moving")), ==, "Version 19");
  g_assert_cmpuint (g_list_model_get_n_items (routines), ==, f->n_builtin + 201);
  g_signal_handlers_disconnect_by_data (routines, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/lc/routine-library/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("override", test_library_override);
  ADD ("new-and-delete", test_library_new_and_delete);
  ADD ("install-export", test_library_install_export);
  ADD ("unwritable", test_library_unwritable);
  ADD ("reload", test_library_reload);
  ADD ("reload-only-changed", test_library_reload_only_changed);
  ADD ("reload-latest", test_library_reload_latest);
#undef ADD

  return g_test_run ();
}
