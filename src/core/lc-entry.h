/* lc-entry.h: a diary entry and a session record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LC_LEG_LEFT,
  LC_LEG_RIGHT,
  LC_N_LEGS,
} LcLeg;

/* Scores are 0-10; LC_SCORE_NONE means not given. */
#define LC_SCORE_NONE  (-1)
#define LC_SCORE_MAX   10

/* Ankle circumference in millimetres (one decimal of a centimetre);
 * LC_ANKLE_NONE means not measured. */
#define LC_ANKLE_NONE    0
#define LC_ANKLE_MIN_MM  120
#define LC_ANKLE_MAX_MM  600

/* Calf circumference in millimetres, 10 cm below the bony bump under the
 * kneecap (the tibial tuberosity), the point of the 3 cm rule for a clot
 * (Wells et al. 1997, Lancet 350:1795); LC_CALF_NONE means not measured. */
#define LC_CALF_NONE    0
#define LC_CALF_MIN_MM  200
#define LC_CALF_MAX_MM  800

/* How the legs were placed for the tape: measurements compare only in the
 * same position (Support Care Cancer 2021;29:3183). */
typedef enum
{
  LC_POSITION_NONE,
  LC_POSITION_SITTING,   /* sitting, feet flat on the floor */
  LC_POSITION_LYING,     /* lying on the back, legs straight */
} LcPosition;

#define LC_NOTE_MAX_CHARS 2000

/* A session record: its routine as it was called (a shared routine's name
 * comes from a stranger's file) and how long it can last, pauses and all */
#define LC_SESSION_ROUTINE_ID_MAX     64
#define LC_SESSION_ROUTINE_NAME_MAX   200
#define LC_SESSION_MAX_SECONDS        (24 * 60 * 60)

typedef enum /*< flags >*/
{
  LC_TAG_LONG_STANDING = 1 << 0,
  LC_TAG_LONG_SITTING  = 1 << 1,
  LC_TAG_HOT_WEATHER   = 1 << 2,
  LC_TAG_TRAVEL        = 1 << 3,
  LC_TAG_COMPRESSION   = 1 << 4,
  LC_TAG_EXERCISE      = 1 << 5,
  LC_TAG_PERIOD        = 1 << 6,
  LC_TAG_ALCOHOL       = 1 << 7,
  LC_TAG_SALTY_FOOD    = 1 << 8,
} LcTags;

#define LC_N_TAGS 9
#define LC_TAGS_ALL ((1 << LC_N_TAGS) - 1)

/* Which field an invalid value is in, so the entry dialog can say it next
 * to that field. */
typedef enum
{
  LC_ENTRY_FIELD_NONE,
  LC_ENTRY_FIELD_TIME,
  LC_ENTRY_FIELD_HEAVINESS,
  LC_ENTRY_FIELD_SWELLING,
  LC_ENTRY_FIELD_ANKLE,
  LC_ENTRY_FIELD_CALF,
  LC_ENTRY_FIELD_POSITION,
  LC_ENTRY_FIELD_TAGS,
  LC_ENTRY_FIELD_NOTE,
  LC_ENTRY_FIELD_SYMPTOMS,
} LcEntryField;

/* Optional symptoms beyond heaviness and swelling, rated 0-10 for both
 * legs together, in the app's own words (Wright et al. 2016 describe a
 * daily diary of the same kinds; no questionnaire is named or copied) */
typedef enum
{
  LC_SYMPTOM_ACHING,
  LC_SYMPTOM_THROBBING,
  LC_SYMPTOM_ITCHING,
} LcSymptom;

#define LC_N_SYMPTOMS 3

typedef struct
{
  gint64  id;                      /* 0 until stored */
  gint64  taken_at;                /* UTC, seconds since 1970 */
  int     heaviness[LC_N_LEGS];    /* 0-10 or LC_SCORE_NONE */
  int     swelling[LC_N_LEGS];     /* 0-10 or LC_SCORE_NONE */
  int     ankle_mm[LC_N_LEGS];     /* LC_ANKLE_MIN_MM-LC_ANKLE_MAX_MM or LC_ANKLE_NONE */
  int     calf_mm[LC_N_LEGS];      /* LC_CALF_MIN_MM-LC_CALF_MAX_MM or LC_CALF_NONE */
  LcPosition position;             /* of the tape measurements; NONE without any */
  int     symptoms[LC_N_SYMPTOMS]; /* 0-10 or LC_SCORE_NONE, by LcSymptom */
  LcTags  tags;
  char   *note;                    /* UTF-8 or NULL */
} LcEntry;

typedef struct
{
  gint64  id;                      /* 0 until stored */
  char   *routine_id;
  char   *routine_name;            /* the name at the time */
  gint64  started_at;              /* UTC seconds */
  gint64  ended_at;
  guint   steps_done;
  guint   steps_total;
  guint   steps_skipped;
  int     heaviness_before;        /* 0-10 or LC_SCORE_NONE */
  int     heaviness_after;
} LcSessionRecord;

#define LC_TYPE_ENTRY (lc_entry_get_type ())
#define LC_TYPE_SESSION_RECORD (lc_session_record_get_type ())

GType            lc_entry_get_type           (void) G_GNUC_CONST;
LcEntry         *lc_entry_new                (gint64                 taken_at);
LcEntry         *lc_entry_copy               (const LcEntry         *entry);
void             lc_entry_free               (LcEntry               *entry);
gboolean         lc_entry_equal_content      (const LcEntry         *a,
                                              const LcEntry         *b);
gboolean         lc_entry_validate           (const LcEntry         *entry,
                                              gint64                 now,
                                              LcEntryField          *field,
                                              GError               **error);

gboolean         lc_entry_has_measurement    (const LcEntry         *entry);

const char      *lc_position_to_string       (LcPosition             position);
gboolean         lc_position_from_string     (const char            *text,
                                              LcPosition            *position);

const char      *lc_tag_to_string            (LcTags                 tag);
gboolean         lc_tag_from_string          (const char            *text,
                                              LcTags                *tag);
const char      *lc_tag_get_label            (LcTags                 tag);
char            *lc_tags_to_string           (LcTags                 tags);
gboolean         lc_tags_from_string         (const char            *text,
                                              LcTags                *tags);

GType            lc_session_record_get_type  (void) G_GNUC_CONST;
LcSessionRecord *lc_session_record_new       (void);
LcSessionRecord *lc_session_record_copy      (const LcSessionRecord *record);
void             lc_session_record_free      (LcSessionRecord       *record);
gboolean         lc_session_record_validate  (const LcSessionRecord *record,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcEntry, lc_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcSessionRecord, lc_session_record_free)

const char      *lc_symptom_get_label        (LcSymptom              symptom);
const char      *lc_symptom_get_key          (LcSymptom              symptom);

G_END_DECLS
