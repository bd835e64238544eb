/* lc-csv.h: the diary as a CSV file, out and in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_CSV_ERROR (lc_csv_error_quark ())

typedef enum
{
  LC_CSV_ERROR_HEADER,        /* the first line is not the header of a diary export */
  LC_CSV_ERROR_SYNTAX,        /* not UTF-8, or not well-formed CSV: quotes, field counts, empty lines */
  LC_CSV_ERROR_VALUE,         /* a value is not what its column holds, or the row can't be stored */
  LC_CSV_ERROR_TOO_LARGE,     /* more than LC_CSV_MAX_SIZE bytes: not read at all */
  LC_CSV_ERROR_DIARY,         /* the diary could not be read or written */
  LC_CSV_ERROR_CANCELLED,     /* stopped by the progress function: nothing was added */
} LcCsvError;

/* Far more than years of a diary take; more is not a diary export. */
#define LC_CSV_MAX_SIZE (64 * 1024 * 1024)

GQuark    lc_csv_error_quark  (void);

char     *lc_csv_export       (LcDiary     *diary,
                               gsize       *length,
                               GError     **error);
gboolean  lc_csv_check_size   (guint64      size,
                               GError     **error);
gboolean  lc_csv_import       (LcDiary     *diary,
                               const char  *data,
                               gsize        length,
                               guint       *added,
                               guint       *skipped,
                               GError     **error);

/* How far an import is, from 0 to 1; return FALSE to stop it (nothing is
 * added). Called from the thread that imports. */
typedef gboolean (*LcCsvProgressFunc) (double   fraction,
                                       gpointer user_data);

gboolean  lc_csv_import_with_progress (LcDiary           *diary,
                                       const char        *data,
                                       gsize              length,
                                       LcCsvProgressFunc  progress,
                                       gpointer           user_data,
                                       guint             *added,
                                       guint             *skipped,
                                       GError           **error);

gboolean  lc_csv_import_stream        (LcDiary           *diary,
                                       GInputStream      *stream,
                                       guint64            size,
                                       LcCsvProgressFunc  progress,
                                       gpointer           user_data,
                                       GCancellable      *cancellable,
                                       guint             *added,
                                       guint             *skipped,
                                       GError           **error);

G_END_DECLS
