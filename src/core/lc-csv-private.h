/* lc-csv-private.h: the columns of the CSV file, for its reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  COL_RECORD,
  COL_TIME,
  COL_HEAVINESS_LEFT,
  COL_HEAVINESS_RIGHT,
  COL_SWELLING_LEFT,
  COL_SWELLING_RIGHT,
  COL_ANKLE_LEFT,
  COL_ANKLE_RIGHT,
  COL_TAGS,
  COL_NOTE,
  COL_ROUTINE_ID,
  COL_ROUTINE_NAME,
  COL_ENDED,
  COL_STEPS_DONE,
  COL_STEPS_TOTAL,
  COL_STEPS_SKIPPED,
  COL_HEAVINESS_BEFORE,
  COL_HEAVINESS_AFTER,
  /* Since diary schema 2; a file without them (Leg Care 1) imports too */
  COL_CALF_LEFT,
  COL_CALF_RIGHT,
  COL_POSITION,
  /* Since diary schema 3: optional symptoms, 0-10 */
  COL_ACHING,
  COL_THROBBING,
  COL_ITCHING,
  /* Since diary schema 4: leg measurements, the rows of record
   * "measurement" (with time and position) */
  COL_SPACING,
  COL_POINTS_LEFT,
  COL_POINTS_RIGHT,
  N_COLUMNS
} Column;

/* The columns of older files, the first ones of today's: Leg Care 1's,
 * those before the optional symptoms, and before the measurements */
#define N_COLUMNS_V1         (COL_HEAVINESS_AFTER + 1)
#define N_COLUMNS_V2         (COL_POSITION + 1)
#define N_COLUMNS_V3         (COL_ITCHING + 1)

#define FIRST_SESSION_COLUMN COL_ROUTINE_ID
#define LAST_SESSION_COLUMN  COL_HEAVINESS_AFTER

/* Which rows a column belongs to (record and time belong to all) */
#define IS_ENTRY_COLUMN(c) (((c) >= COL_HEAVINESS_LEFT && (c) <= COL_NOTE) || ((c) >= COL_CALF_LEFT && (c) <= COL_ITCHING))
#define IS_SESSION_COLUMN(c) ((c) >= FIRST_SESSION_COLUMN && (c) <= LAST_SESSION_COLUMN)
#define IS_MEASUREMENT_COLUMN(c) ((c) == COL_POSITION || (c) >= COL_SPACING)

/* The header's names, in order; not translated: they are the file's keys. */
extern const char * const lc_csv_column_names[N_COLUMNS];

char *lc_csv_header_line (void);

G_END_DECLS
