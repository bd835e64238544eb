/* lc-error.c: errors whose messages can be shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages are made from file names (in the file system's encoding, maybe
 * Latin-1), file contents and other libraries' messages (GMarkup's can
 * cut a character in half). They end up in labels, where GTK and an
 * accessibility client need valid UTF-8: GLib aborts when a screen reader
 * reads a label that is not. Every error the app makes goes through here,
 * so every message is valid UTF-8; a byte that is not becomes U+FFFD.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lc-error.h"

static GError * G_GNUC_PRINTF (3, 0)
error_new_valist (GQuark      domain,
                  int         code,
                  const char *format,
                  va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  return g_error_new_literal (domain, code, valid);
}

/**
 * lc_set_error:
 *
 * Like g_set_error(), with a message that is valid UTF-8.
 */
void
lc_set_error (GError     **error,
              GQuark       domain,
              int          code,
              const char  *format,
              ...)
{
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  g_propagate_error (error, error_new_valist (domain, code, format, args));
  va_end (args);
}

/**
 * lc_error_new:
 *
 * Like g_error_new(), with a message that is valid UTF-8.
 *
 * Returns: (transfer full): the error
 */
GError *
lc_error_new (GQuark      domain,
              int         code,
              const char *format,
              ...)
{
  GError *error;
  va_list args;

  va_start (args, format);
  error = error_new_valist (domain, code, format, args);
  va_end (args);

  return error;
}

/**
 * lc_propagate_prefixed_error:
 * @src: (transfer full): the error
 *
 * Like g_propagate_prefixed_error(): @src with a prefix, in @dest; the
 * whole message valid UTF-8.
 */
void
lc_propagate_prefixed_error (GError     **dest,
                             GError      *src,
                             const char  *format,
                             ...)
{
  g_autofree char *prefix = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  g_return_if_fail (src != NULL);

  va_start (args, format);
  prefix = g_strdup_vprintf (format, args);
  va_end (args);

  message = g_strconcat (prefix, src->message, NULL);
  valid = g_utf8_make_valid (message, -1);
  g_propagate_error (dest, g_error_new_literal (src->domain, src->code, valid));
  g_error_free (src);
}

/**
 * lc_file_display_name:
 *
 * The name of @file to show: its base name, valid UTF-8 whatever the
 * encoding of the file system.
 *
 * Returns: (transfer full): the name
 */
char *
lc_file_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/**
 * lc_describe_read_error:
 * @file: the file that could not be read
 * @error: why, from GIO
 *
 * Says in the app's words why @file could not be read and what to do,
 * naming it by its display name rather than its path.
 *
 * Returns: (transfer full): the sentence
 */
char *
lc_describe_read_error (GFile        *file,
                        const GError *error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  name = lc_file_display_name (file);
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        /* Translators: %s is a file's name */
        return g_strdup_printf (_("“%s” is no longer there. It may have been moved or deleted."), name);
      case G_IO_ERROR_PERMISSION_DENIED:
        /* Translators: %s is a file's name */
        return g_strdup_printf (_("Leg Care is not allowed to read “%s”. Check the file’s permissions."), name);
      case G_IO_ERROR_IS_DIRECTORY:
        /* Translators: %s is a folder's name */
        return g_strdup_printf (_("“%s” is a folder. Choose a file."), name);
      case G_IO_ERROR_NOT_REGULAR_FILE:
        /* Translators: %s is a name in the file system */
        return g_strdup_printf (_("“%s” is not a regular file. Choose a file."), name);
      default:
        break;
      }

  /* Translators: %s is a file's name */
  return g_strdup_printf (_("“%s” could not be read. Check that the disk or device it is on is still connected."),
                          name);
}
