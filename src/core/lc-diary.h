/* lc-diary.h: the symptom diary, in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-entry.h"
#include "lc-limb-volume.h"

G_BEGIN_DECLS

#define LC_DIARY_ERROR (lc_diary_error_quark ())

typedef enum
{
  LC_DIARY_ERROR_INVALID,     /* a value out of range; the message says which */
  LC_DIARY_ERROR_NOT_FOUND,   /* no entry or session with that id */
  LC_DIARY_ERROR_CORRUPT,     /* not a diary, or damaged: it was moved aside */
  LC_DIARY_ERROR_TOO_NEW,     /* written by a newer Leg Care: moved aside, never written */
  LC_DIARY_ERROR_IO,          /* disk full, read-only folder, …: nothing was changed */
  LC_DIARY_ERROR_BUSY,        /* locked by another program: nothing was changed */
  LC_DIARY_ERROR_READ_ONLY,   /* opened for reading only: nothing can be saved */
} LcDiaryError;

/* What a LcDiary::changed signal is about */
typedef enum
{
  LC_DIARY_CHANGE_ENTRIES  = 1 << 0,
  LC_DIARY_CHANGE_SESSIONS = 1 << 1,
  LC_DIARY_CHANGE_RESTORED = 1 << 2,   /* all of it, from a backup */
  LC_DIARY_CHANGE_MEASUREMENTS = 1 << 3,
} LcDiaryChange;

/* Which records the diary's timeline lists */
typedef enum
{
  LC_DIARY_FILTER_ALL,
  LC_DIARY_FILTER_ENTRIES,
  LC_DIARY_FILTER_SESSIONS,
} LcDiaryFilter;

/* Where a record is in the timeline's newest-first order: by time, a
 * session before an entry of the same second, then by id */
typedef struct
{
  gint64 time;
  int    kind;   /* 0 an entry, 1 a session */
  gint64 id;
} LcDiaryTimelineKey;

/* The schema version this build reads and writes (PRAGMA user_version). */
#define LC_DIARY_SCHEMA_VERSION 4

typedef enum
{
  LC_MEASURE_HEAVINESS_LEFT,
  LC_MEASURE_HEAVINESS_RIGHT,
  LC_MEASURE_SWELLING_LEFT,
  LC_MEASURE_SWELLING_RIGHT,
  LC_MEASURE_ANKLE_LEFT,      /* millimetres */
  LC_MEASURE_ANKLE_RIGHT,
  LC_MEASURE_CALF_LEFT,       /* millimetres */
  LC_MEASURE_CALF_RIGHT,
  LC_N_MEASURES,
} LcMeasure;

typedef struct
{
  guint   count;              /* 0: no value that day; mean, min, max are then 0 */
  double  mean;
  double  min;
  double  max;
} LcStat;

/* One local calendar day. */
typedef struct
{
  int     year;
  int     month;              /* 1-12 */
  int     day;                /* 1-31 */
  gint64  start;              /* local midnight, as UTC seconds */
  guint   n_entries;
  guint   n_sessions;         /* sessions started that day */
  LcStat  stats[LC_N_MEASURES];
} LcDayAggregate;

#define LC_TYPE_DIARY (lc_diary_get_type ())

G_DECLARE_FINAL_TYPE (LcDiary, lc_diary, LC, DIARY, GObject)

GQuark      lc_diary_error_quark          (void);

LcDiary    *lc_diary_open                 (GFile            *file,
                                           GError          **error);
GFile      *lc_diary_get_file             (LcDiary          *self);
const GError *lc_diary_get_read_only      (LcDiary          *self);
void        lc_diary_notify_changed       (LcDiary          *self,
                                           LcDiaryChange     what);

gboolean    lc_diary_add_entry            (LcDiary          *self,
                                           LcEntry          *entry,
                                           GError          **error);
gboolean    lc_diary_update_entry         (LcDiary          *self,
                                           const LcEntry    *entry,
                                           GError          **error);
gboolean    lc_diary_delete_entry         (LcDiary          *self,
                                           gint64            id,
                                           GError          **error);
LcEntry    *lc_diary_get_entry            (LcDiary          *self,
                                           gint64            id,
                                           GError          **error);
gint64      lc_diary_count_entries        (LcDiary          *self,
                                           GError          **error);
GPtrArray  *lc_diary_list_entries         (LcDiary          *self,
                                           gint64            from,
                                           gint64            to,
                                           GError          **error);
GPtrArray  *lc_diary_list_entries_newest  (LcDiary          *self,
                                           guint             offset,
                                           guint             limit,
                                           GError          **error);
gboolean    lc_diary_has_entry_like       (LcDiary          *self,
                                           const LcEntry    *entry,
                                           GError          **error);

gboolean    lc_diary_add_session          (LcDiary          *self,
                                           LcSessionRecord  *record,
                                           GError          **error);
gboolean    lc_diary_has_session_like     (LcDiary          *self,
                                           const LcSessionRecord *record,
                                           GError          **error);
GPtrArray  *lc_diary_list_sessions        (LcDiary          *self,
                                           gint64            from,
                                           gint64            to,
                                           GError          **error);
gint64      lc_diary_count_sessions       (LcDiary          *self,
                                           GError          **error);
LcSessionRecord *lc_diary_get_last_session (LcDiary         *self,
                                           GError          **error);
LcSessionRecord *lc_diary_get_session     (LcDiary          *self,
                                           gint64            id,
                                           GError          **error);
gboolean    lc_diary_update_session_ratings (LcDiary        *self,
                                           const LcSessionRecord *record,
                                           GError          **error);
gboolean    lc_diary_delete_session       (LcDiary          *self,
                                           gint64            id,
                                           GError          **error);

gboolean    lc_diary_add_measurement      (LcDiary          *self,
                                           LcLimbMeasurement *measurement,
                                           GError          **error);
GPtrArray  *lc_diary_list_measurements    (LcDiary          *self,
                                           gint64            from,
                                           gint64            to,
                                           GError          **error);
gboolean    lc_diary_has_measurement_like (LcDiary          *self,
                                           const LcLimbMeasurement *measurement,
                                           GError          **error);
gboolean    lc_diary_delete_measurement   (LcDiary          *self,
                                           gint64            id,
                                           GError          **error);

GPtrArray  *lc_diary_list_timeline        (LcDiary          *self,
                                           LcDiaryFilter     filter,
                                           guint             offset,
                                           guint             limit,
                                           LcDiaryTimelineKey *last,
                                           GError          **error);
GPtrArray  *lc_diary_list_timeline_after  (LcDiary          *self,
                                           LcDiaryFilter     filter,
                                           const LcDiaryTimelineKey *after,
                                           guint             limit,
                                           LcDiaryTimelineKey *last,
                                           GError          **error);
gint64      lc_diary_count_timeline       (LcDiary          *self,
                                           LcDiaryFilter     filter,
                                           gint64            since,
                                           GError          **error);

GArray     *lc_diary_daily_aggregates     (LcDiary          *self,
                                           gint64            from,
                                           gint64            to,
                                           GError          **error);

/* All-or-nothing groups of writes (the CSV import) */
gboolean    lc_diary_begin                (LcDiary          *self,
                                           GError          **error);
gboolean    lc_diary_commit               (LcDiary          *self,
                                           GError          **error);
void        lc_diary_rollback             (LcDiary          *self);

gboolean    lc_diary_backup_to            (LcDiary          *self,
                                           GFile            *destination,
                                           GError          **error);
gboolean    lc_diary_restore_from         (LcDiary          *self,
                                           GFile            *source,
                                           GError          **error);
gint64      lc_diary_file_count_entries   (GFile            *file,
                                           GError          **error);

G_END_DECLS
