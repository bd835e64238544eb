/* lc-run-marker.c: did the last run end cleanly?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that exists while Leg Care runs. Found at start, it means the
 * run before did not end through lc_run_marker_end(): it crashed or was
 * killed. The app then does not restore the view it saved, as that view
 * may be what made it crash, and a crash would otherwise repeat at every
 * start.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "lc-run-marker.h"

/**
 * lc_run_marker_get_default:
 *
 * `$XDG_STATE_HOME/legcare/running`: state of the app's own, which the
 * user does not need to keep (inside Flatpak, the app's own state folder).
 *
 * Returns: (transfer full): the marker file; it may not exist
 */
GFile *
lc_run_marker_get_default (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "legcare", "running", NULL);
}

/**
 * lc_run_marker_begin:
 * @marker: the marker file
 *
 * Marks a run as started. If the marker cannot be written (a full disk, a
 * read-only folder), the app runs all the same; the next start then
 * cannot tell whether this run ended cleanly, and restores its view.
 *
 * Returns: %TRUE if the run before ended without lc_run_marker_end()
 */
gboolean
lc_run_marker_begin (GFile *marker)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean unclean;

  g_return_val_if_fail (G_IS_FILE (marker), FALSE);

  unclean = g_file_query_exists (marker, NULL);

  parent = g_file_get_parent (marker);
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_warning ("Could not create %s: %s", g_file_peek_path (parent), error->message);
      return unclean;
    }
  g_clear_error (&error);

  /* The process id, for a person looking into it. */
  contents = g_strdup_printf ("%d\n", (int) getpid ());
  if (!g_file_replace_contents (marker, contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    g_warning ("Could not write %s: %s", g_file_peek_path (marker), error->message);

  return unclean;
}

/**
 * lc_run_marker_end:
 * @marker: the marker file
 *
 * Marks a run as ended cleanly.
 */
void
lc_run_marker_end (GFile *marker)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (G_IS_FILE (marker));

  if (!g_file_delete (marker, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove %s: %s", g_file_peek_path (marker), error->message);
}
