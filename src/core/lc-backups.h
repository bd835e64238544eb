/* lc-backups.h: the diary's daily backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-diary.h"

G_BEGIN_DECLS

#define LC_BACKUPS_KEEP 7

typedef struct
{
  GFile     *file;
  GDateTime *made;         /* from the file name, local time */
  gint64     n_entries;    /* -1 if the file can't be read */
  gboolean   before_restore;
  gboolean   moved_aside;  /* a diary that was set aside at start (damaged
                              or newer), beside the backups folder */
} LcBackupInfo;

void       lc_backup_info_free    (LcBackupInfo *info);

gboolean   lc_backups_ensure_daily (LcDiary    *diary,
                                    GFile      *dir,
                                    GDateTime  *now,
                                    gboolean   *made,
                                    GError    **error);
GPtrArray *lc_backups_list         (GFile      *dir,
                                    GError    **error);
gboolean   lc_backups_restore      (LcDiary    *diary,
                                    GFile      *backup,
                                    GFile      *dir,
                                    GDateTime  *now,
                                    GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcBackupInfo, lc_backup_info_free)

G_END_DECLS
