/* lc-diary-private.h: what lc-diary.c and lc-diary-file.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "lc-diary.h"

G_BEGIN_DECLS

struct _LcDiary
{
  GObject       parent_instance;

  GFile        *file;
  sqlite3      *db;
  sqlite3_stmt *statements[32];
  GError       *read_only;     /* why it could only be opened for reading */
  gboolean      in_batch;      /* between lc_diary_begin() and its end */
  LcDiaryChange pending;       /* changes of the batch, told at its commit */
};

gboolean lc_diary_disk_is_full     (GFile          *file);
void     lc_diary_set_sqlite_error (LcDiary        *self,
                                    int             code,
                                    GError        **error);
gboolean lc_diary_exec             (LcDiary        *self,
                                    const char     *sql,
                                    GError        **error);
void     lc_diary_note_change      (LcDiary        *self,
                                    LcDiaryChange   what);
gboolean lc_diary_check_writable   (LcDiary        *self,
                                    GError        **error);
void     lc_diary_close_db         (LcDiary        *self);

G_END_DECLS
