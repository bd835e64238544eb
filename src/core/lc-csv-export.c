/* lc-csv-export.c: the diary as a CSV file, out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described at the top of lc-csv.c, which reads it back.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-csv.h"
#include "lc-csv-private.h"
#include "lc-error.h"

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;

  if (text[strcspn (text, ",\"\r\n")] == '\0')
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Text from the user or from a stranger's routine file, defused for a
 * spreadsheet (see the format above): @text itself, or a new string. */
static char *
defuse_text (const char *text)
{
  if (text == NULL || text[0] == '\0' || strchr ("=+-@\t\r'", text[0]) == NULL)
    return g_strdup (text);

  return g_strconcat ("'", text, NULL);
}

/* Writes a row of N_COLUMNS fields (NULL: empty) and frees them. */
static void
append_row (GString  *out,
            char    **fields)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
      g_clear_pointer (&fields[i], g_free);
    }
  g_string_append (out, "\r\n");
}

/* @tz: the local time zone, looked up once for the whole file (GLib reads
 * it again from the system for each g_date_time_new_from_unix_local() when
 * TZ is not set) */
static char *
format_time (GTimeZone *tz,
             gint64     time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

  /* Outside GDateTime's years 1-9999: nothing the diary accepts. */
  if (local == NULL)
    return NULL;

  return g_date_time_format (local, "%FT%T%:z");
}

static char *
format_score (int score)
{
  return score == LC_SCORE_NONE ? NULL : g_strdup_printf ("%d", score);
}

/* Centimetres; LC_ANKLE_NONE and LC_CALF_NONE are both 0 */
static char *
format_circumference (int mm)
{
  G_STATIC_ASSERT (LC_ANKLE_NONE == 0 && LC_CALF_NONE == 0);

  /* Not %.1f: the decimal separator is always a dot, whatever the locale. */
  return mm == 0 ? NULL : g_strdup_printf ("%d.%d", mm / 10, mm % 10);
}

static void
append_entry (GString       *out,
              GTimeZone     *tz,
              const LcEntry *entry)
{
  char *fields[N_COLUMNS] = { NULL };
  g_autofree char *tags = lc_tags_to_string (entry->tags);

  fields[COL_RECORD] = g_strdup ("entry");
  fields[COL_TIME] = format_time (tz, entry->taken_at);
  fields[COL_HEAVINESS_LEFT] = format_score (entry->heaviness[LC_LEG_LEFT]);
  fields[COL_HEAVINESS_RIGHT] = format_score (entry->heaviness[LC_LEG_RIGHT]);
  fields[COL_SWELLING_LEFT] = format_score (entry->swelling[LC_LEG_LEFT]);
  fields[COL_SWELLING_RIGHT] = format_score (entry->swelling[LC_LEG_RIGHT]);
  fields[COL_ANKLE_LEFT] = format_circumference (entry->ankle_mm[LC_LEG_LEFT]);
  fields[COL_ANKLE_RIGHT] = format_circumference (entry->ankle_mm[LC_LEG_RIGHT]);
  fields[COL_TAGS] = g_steal_pointer (&tags);
  fields[COL_NOTE] = defuse_text (entry->note);
  fields[COL_CALF_LEFT] = format_circumference (entry->calf_mm[LC_LEG_LEFT]);
  fields[COL_CALF_RIGHT] = format_circumference (entry->calf_mm[LC_LEG_RIGHT]);
  fields[COL_POSITION] = g_strdup (lc_position_to_string (entry->position));
  fields[COL_ACHING] = format_score (entry->symptoms[LC_SYMPTOM_ACHING]);
  fields[COL_THROBBING] = format_score (entry->symptoms[LC_SYMPTOM_THROBBING]);
  fields[COL_ITCHING] = format_score (entry->symptoms[LC_SYMPTOM_ITCHING]);

  append_row (out, fields);
}

static void
append_session (GString               *out,
                GTimeZone             *tz,
                const LcSessionRecord *record)
{
  char *fields[N_COLUMNS] = { NULL };

  fields[COL_RECORD] = g_strdup ("session");
  fields[COL_TIME] = format_time (tz, record->started_at);
  fields[COL_ROUTINE_ID] = defuse_text (record->routine_id);
  fields[COL_ROUTINE_NAME] = defuse_text (record->routine_name);
  fields[COL_ENDED] = format_time (tz, record->ended_at);
  fields[COL_STEPS_DONE] = g_strdup_printf ("%u", record->steps_done);
  fields[COL_STEPS_TOTAL] = g_strdup_printf ("%u", record->steps_total);
  fields[COL_STEPS_SKIPPED] = g_strdup_printf ("%u", record->steps_skipped);
  fields[COL_HEAVINESS_BEFORE] = format_score (record->heaviness_before);
  fields[COL_HEAVINESS_AFTER] = format_score (record->heaviness_after);

  append_row (out, fields);
}

/* "22.0;24.5": centimetres, a dot before the decimal in every locale */
static char *
format_points (GArray *points)
{
  GString *text;

  if (points->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < points->len; i++)
    {
      guint16 mm = g_array_index (points, guint16, i);

      g_string_append_printf (text, "%s%u.%u", i > 0 ? ";" : "", mm / 10, mm % 10);
    }

  return g_string_free (text, FALSE);
}

static void
append_measurement (GString                 *out,
                    GTimeZone               *tz,
                    const LcLimbMeasurement *measurement)
{
  char *fields[N_COLUMNS] = { NULL };

  fields[COL_RECORD] = g_strdup ("measurement");
  fields[COL_TIME] = format_time (tz, measurement->taken_at);
  fields[COL_POSITION] = g_strdup (lc_position_to_string (measurement->position));
  fields[COL_SPACING] = g_strdup_printf ("%u", measurement->spacing_mm / 10);
  fields[COL_POINTS_LEFT] = format_points (measurement->points[LC_LEG_LEFT]);
  fields[COL_POINTS_RIGHT] = format_points (measurement->points[LC_LEG_RIGHT]);

  append_row (out, fields);
}

/**
 * lc_csv_export:
 * @diary: the diary
 * @length: (out) (optional): the length of the text, in bytes
 * @error: return location for an %LC_CSV_ERROR_DIARY error
 *
 * The whole diary as CSV: the header, the entries oldest first, then the
 * sessions oldest first.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
char *
lc_csv_export (LcDiary  *diary,
               gsize    *length,
               GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GString *out;

  g_return_val_if_fail (LC_IS_DIARY (diary), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = lc_diary_list_entries (diary, G_MININT64, G_MAXINT64, &local_error);
  if (entries != NULL)
    sessions = lc_diary_list_sessions (diary, G_MININT64, G_MAXINT64, &local_error);
  if (sessions != NULL)
    measurements = lc_diary_list_measurements (diary, G_MININT64, G_MAXINT64, &local_error);
  if (measurements == NULL)
    {
      lc_set_error (error, LC_CSV_ERROR, LC_CSV_ERROR_DIARY,
                   _("The diary could not be read: %s"), local_error->message);
      return NULL;
    }

  header = lc_csv_header_line ();
  out = g_string_new (header);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < entries->len; i++)
    append_entry (out, tz, g_ptr_array_index (entries, i));
  for (guint i = 0; i < sessions->len; i++)
    append_session (out, tz, g_ptr_array_index (sessions, i));
  for (guint i = 0; i < measurements->len; i++)
    append_measurement (out, tz, g_ptr_array_index (measurements, i));

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
