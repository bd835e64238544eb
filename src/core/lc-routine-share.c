/* lc-routine-share.c: one file to give a routine to someone else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared routine (.legcare-routine, application/x-legcare-routine) is
 * one XML file: <legcare-routine version="1"> around the routine exactly
 * as in a routine file, followed by a <picture name="…"> with the base64
 * data of each picture of the user's own that its steps show. One plain
 * XML file rather than a zip: nothing is unpacked, so there are no archive
 * paths to escape the folder and no compression to inflate; the limits are
 * the file's size (40 MiB), each picture's size and pixel count
 * (lc_picture_check(), before anything decodes it) and the routine file
 * format's own. docs/routine-format.md describes it.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-picture.h"
#include "lc-routine-draft.h"
#include "lc-routine-share.h"

/**
 * lc_routine_share_write:
 * @routine: a routine; its steps' own pictures are read from their paths
 * @error: return location for an error (%LC_PICTURE_ERROR)
 *
 * Returns: (transfer full): the shared routine file's contents, or %NULL
 *   if a picture could not be read
 */
GBytes *
lc_routine_share_write (LcRoutine  *routine,
                        GError    **error)
{
  g_autoptr(LcRoutineDraft) draft = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  guint64 pixels = 0;
  GString *out;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  draft = lc_routine_draft_new_from_routine (routine);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!-- A routine for Leg Care: open this file with Leg Care to add it to your routines. -->\n"
                      "<legcare-routine version=\"1\">\n");
  lc_routine_draft_append_xml (draft, out, "  ");

  for (guint i = 0; i < lc_routine_get_n_steps (routine); i++)
    {
      LcStep *step = lc_routine_get_step (routine, i);
      const char *name = lc_step_get_picture (step);
      const char *path = lc_step_get_picture_path (step);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) dir = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *base64 = NULL;
      guint width = 0, height = 0;

      if (name == NULL || g_hash_table_contains (written, name))
        continue;

      if (path == NULL)
        {
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                       _("the picture “%s” of the step “%s” was not found"),
                       name, lc_step_get_title (step));
          g_string_free (out, TRUE);
          return NULL;
        }

      file = g_file_new_for_path (path);
      dir = g_file_get_parent (file);
      bytes = lc_picture_load (dir, name, error);
      if (bytes == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      /* What could not be opened again is not written. */
      if (lc_picture_check (bytes, NULL, &width, &height, NULL))
        pixels += (guint64) width * height;
      if (pixels > LC_ROUTINE_SHARE_MAX_PIXELS)
        {
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE,
                        _("the pictures hold more than %u million pixels in all; a shared routine can hold at most "
                          "%u million: use smaller pictures"),
                        LC_ROUTINE_SHARE_MAX_PIXELS / (1000 * 1000), LC_ROUTINE_SHARE_MAX_PIXELS / (1000 * 1000));
          g_string_free (out, TRUE);
          return NULL;
        }

      base64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_append_printf (out, "  <picture name=\"%s\">\n", name);
      for (gsize at = 0, length = strlen (base64); at < length; at += 76)
        g_string_append_printf (out, "%.*s\n", (int) MIN (76, length - at), base64 + at);
      g_string_append (out, "  </picture>\n");
      g_hash_table_add (written, (gpointer) name);
    }

  g_string_append (out, "</legcare-routine>\n");

  /* What could not be opened again is not written. */
  if (out->len > LC_ROUTINE_SHARE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (out->len, G_FORMAT_SIZE_IEC_UNITS);

      lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, e.g. "52.1 MiB" */
                   _("with its pictures, the routine would take %s; a shared routine can be at most 40 MiB: use smaller pictures"),
                   size);
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (out);
}

/**
 * lc_routine_share_read:
 * @loader: the loader, whose rules apply
 * @file: a shared routine file
 * @pictures: (out) (transfer full): its pictures by name (#GBytes)
 * @error: return location for an error in %LC_ROUTINE_ERROR
 *
 * Reads and checks a shared routine without writing anything. The file's
 * size is checked before it is read.
 *
 * Returns: (transfer full): the routine, or %NULL with @error set
 */
LcRoutine *
lc_routine_share_read (LcRoutineLoader  *loader,
                       GFile            *file,
                       GHashTable      **pictures,
                       GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (loader), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (pictures != NULL, NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  /* Not a FIFO, which would block the read forever, nor a device such as
   * /dev/zero, which has no size to check and no end */
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_IO,
                   _("%s:1:1: the file could not be read: it is not a regular file"), name);
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > LC_ROUTINE_SHARE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);

      lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE,
                   _("%s:1:1: the file is %s; a shared routine can be at most 40 MiB"),
                   name, size);
      return NULL;
    }

  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_IO,
                   _("%s:1:1: the file could not be read: %s"), name, local_error->message);
      return NULL;
    }

  return lc_routine_loader_parse_shared (loader, contents, length, name, pictures, error);
}

/**
 * lc_routine_share_install:
 * @routine: a routine from lc_routine_share_read()
 * @pictures: (element-type utf8 GBytes): its pictures
 * @loader: the parser, which reads back what would be written
 * @routines: (nullable): the routines (#LcRoutine) there are: a routine
 *   whose id is taken gets a new one
 * @routines_dir: the user's routines folder
 * @pictures_dir: the user's pictures folder
 * @error: return location for an error
 *
 * Adds a shared routine to the user's routines: its pictures to the
 * pictures folder (under names made from their contents), then the
 * routine file. If anything fails, what was written is removed again.
 *
 * Returns: (transfer full): the routine file written, or %NULL
 */
GFile *
lc_routine_share_install (LcRoutine        *routine,
                          GHashTable       *pictures,
                          LcRoutineLoader  *loader,
                          GListModel       *routines,
                          GFile            *routines_dir,
                          GFile            *pictures_dir,
                          GError          **error)
{
  g_autoptr(LcRoutineDraft) draft = NULL;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) file = NULL;
  GListModel *steps;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (pictures != NULL, NULL);
  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (loader), NULL);
  g_return_val_if_fail (G_IS_FILE (routines_dir) && G_IS_FILE (pictures_dir), NULL);

  draft = lc_routine_draft_new_from_routine (routine);

  /* The pictures, under the names of their contents; lc_picture_store()
   * checks them once more. */
  steps = lc_routine_draft_get_steps (draft);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LcStepDraft) step = g_list_model_get_item (steps, i);
      const LcStepFields *fields = lc_step_draft_get_fields (step);
      LcStepFields changed = { 0 };
      g_autofree char *stored = NULL;
      gboolean new_file = FALSE;
      GBytes *bytes;

      if (fields->picture == NULL)
        continue;

      bytes = g_hash_table_lookup (pictures, fields->picture);
      if (bytes == NULL)
        {
          lc_set_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO,
                       _("the picture “%s” is missing"), fields->picture);
          goto failed;
        }

      stored = lc_picture_store (bytes, pictures_dir, &new_file, error);
      if (stored == NULL)
        goto failed;
      if (new_file)
        g_ptr_array_add (created, g_file_get_child (pictures_dir, stored));

      lc_step_fields_copy (&changed, fields);
      g_free (changed.picture);
      changed.picture = g_steal_pointer (&stored);
      lc_step_draft_set_fields (step, &changed);
      lc_step_fields_clear (&changed);
    }

  /* A free id: neither a loaded routine nor a file in the folder */
  file = lc_routine_draft_claim_file (draft, lc_routine_get_id (routine), routines, routines_dir);
  if (!lc_routine_draft_save (draft, loader, file, error))
    goto failed;

  return g_steal_pointer (&file);

failed:
  for (guint i = 0; i < created->len; i++)
    g_file_delete (g_ptr_array_index (created, i), NULL, NULL);
  return NULL;
}
