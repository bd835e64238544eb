/* lc-session-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-entry-item.h"

G_BEGIN_DECLS

#define LC_TYPE_SESSION_ROW (lc_session_row_get_type ())

G_DECLARE_FINAL_TYPE (LcSessionRow, lc_session_row, LC, SESSION_ROW, GtkBox)

GtkWidget *lc_session_row_new         (void);
void       lc_session_row_show        (LcSessionRow  *self,
                                       LcSessionItem *item,
                                       const char    *name);
void       lc_session_row_show_breaks (LcSessionRow   *self,
                                       LcBreakDayItem *item);
char      *lc_session_row_describe_breaks (LcBreakDayItem *item);
char      *lc_session_describe_result (const LcSessionRecord *record);
char      *lc_session_describe_rating (const LcSessionRecord *record);
gboolean   lc_session_record_completed (const LcSessionRecord *record);
char      *lc_session_row_describe    (const LcSessionRecord *record,
                                       const char            *name);

G_END_DECLS
