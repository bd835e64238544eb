/* lc-routine-draft-xml.c: a draft written as a routine file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routine file format is docs/routine-format.md. A draft is written
 * only once the loader itself accepts what would be written, so that a
 * saved routine always loads.
 */

#include "config.h"

#include <string.h>

#include "lc-paths.h"
#include "lc-routine-draft.h"
#include "lc-routine-private.h"

static void
append_element (GString    *out,
                const char *indent,
                const char *element,
                const char *text)
{
  g_autofree char *normal = lc_routine_normalize_text (text != NULL ? text : "");
  g_autofree char *escaped = NULL;

  if (*normal == '\0')
    return;

  escaped = g_markup_escape_text (normal, -1);
  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, element, escaped, element);
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  g_string_append_printf (out, " %s=\"%s\"", name, escaped);
}

static void
append_number (GString    *out,
               const char *name,
               guint       value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

/**
 * lc_routine_draft_append_xml:
 * @out: where to write
 * @indent: the indentation of the <routine> element
 *
 * Writes the <routine> element of the routine file format
 * (docs/routine-format.md), without the XML declaration.
 */
void
lc_routine_draft_append_xml (LcRoutineDraft *self,
                             GString        *out,
                             const char     *indent)
{
  g_autofree char *inner = NULL;
  g_autofree char *step_inner = NULL;
  const char * const *cautions;
  GListModel *steps;
  guint n;

  g_return_if_fail (LC_IS_ROUTINE_DRAFT (self));
  g_return_if_fail (out != NULL && indent != NULL);

  inner = g_strconcat (indent, "  ", NULL);
  step_inner = g_strconcat (indent, "    ", NULL);

  g_string_append_printf (out, "%s<routine", indent);
  append_attribute (out, "id", lc_routine_draft_get_id (self));
  append_attribute (out, "version", "1");
  if (lc_routine_draft_get_illustration (self) != NULL)
    append_attribute (out, "illustration", lc_routine_draft_get_illustration (self));
  g_string_append (out, ">\n");

  append_element (out, inner, "name", lc_routine_draft_get_name (self));
  append_element (out, inner, "summary", lc_routine_draft_get_summary (self));
  append_element (out, inner, "category", lc_category_to_string (lc_routine_draft_get_category (self)));
  cautions = lc_routine_draft_get_cautions (self);
  for (guint i = 0; cautions[i] != NULL; i++)
    append_element (out, inner, "caution", cautions[i]);

  steps = lc_routine_draft_get_steps (self);
  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcStepDraft) step = g_list_model_get_item (steps, i);
      const LcStepFields *f = lc_step_draft_get_fields (step);

      g_string_append_printf (out, "%s<step", inner);
      append_attribute (out, "id", f->id != NULL ? f->id : "");
      if (f->picture != NULL)
        append_attribute (out, "picture", f->picture);
      else if (f->illustration != NULL)
        append_attribute (out, "illustration", f->illustration);
      if (f->counted)
        {
          append_number (out, "repetitions", f->repetitions);
          append_number (out, "pace", f->pace);
        }
      else
        append_number (out, "duration", f->duration);
      if (f->per_side)
        append_attribute (out, "sides", "both");
      if (f->rest > 0)
        append_number (out, "rest", f->rest);
      g_string_append (out, ">\n");

      append_element (out, step_inner, "title", f->title);
      append_element (out, step_inner, "instruction", f->instruction);
      append_element (out, step_inner, "cue", f->cue);
      if (f->per_side)
        append_element (out, step_inner, "cue-switch", f->cue_switch);
      append_element (out, step_inner, "cue-halfway", f->cue_halfway);

      g_string_append_printf (out, "%s</step>\n", inner);
    }

  g_string_append_printf (out, "%s</routine>\n", indent);
}

/**
 * lc_routine_draft_to_xml:
 *
 * Returns: (transfer full): the routine file, as UTF-8 text
 */
char *
lc_routine_draft_to_xml (LcRoutineDraft *self)
{
  GString *out;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  lc_routine_draft_append_xml (self, out, "");
  return g_string_free (out, FALSE);
}

/**
 * lc_routine_draft_save:
 * @loader: the loader, which reads back what would be written first
 * @file: the routine file to write (replaced atomically)
 * @error: return location for an error: %LC_ROUTINE_ERROR if the loader
 *   refuses the routine, %G_IO_ERROR if it could not be written
 *
 * Returns: whether the routine was written; if not, nothing changed
 */
gboolean
lc_routine_draft_save (LcRoutineDraft   *self,
                       LcRoutineLoader  *loader,
                       GFile            *file,
                       GError          **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE_DRAFT (self), FALSE);
  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (loader), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  xml = lc_routine_draft_to_xml (self);
  return lc_routine_write_checked (loader, xml, file, error);
}

/**
 * lc_routine_write_checked:
 * @loader: the loader, which reads @xml back first
 * @xml: a routine file (lc_routine_draft_to_xml())
 * @file: the routine file to write (replaced atomically)
 * @error: return location for an error: %LC_ROUTINE_ERROR if the loader
 *   refuses the routine, %G_IO_ERROR if it could not be written
 *
 * Writes @xml only if the loader accepts it, so that a saved routine
 * always loads; the folder is made if needed. Safe in any thread.
 *
 * Returns: whether the routine was written; if not, nothing changed
 */
gboolean
lc_routine_write_checked (LcRoutineLoader  *loader,
                          const char       *xml,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *path = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (loader), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  routine = lc_routine_loader_parse (loader, xml, strlen (xml), path != NULL ? path : "routine.xml",
                                     LC_ROUTINE_ORIGIN_USER, error);
  if (routine == NULL)
    return FALSE;

  parent = g_file_get_parent (file);
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return lc_file_replace_atomic (file, xml, strlen (xml), 0644, error);
}
