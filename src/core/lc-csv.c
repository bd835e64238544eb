/* lc-csv.c: the diary as a CSV file, out and in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format (the README has the long version):
 *
 * - UTF-8 and RFC 4180: fields are separated by commas; a field with a
 *   comma, a double quote, CR or LF is enclosed in double quotes, the
 *   quotes inside doubled. Export writes CRLF line ends and no BOM. Import
 *   takes CRLF or LF, an optional UTF-8 BOM, and a final line end or not;
 *   an empty line is an error, except one at the very end.
 * - The first line is exactly the header (lc_csv_column_names below). Each other
 *   line is a record: "entry" rows fill time (when the entry was taken),
 *   the four scores, the ankles, tags, note, the calves and the position of
 *   the legs for the tape; "session" rows fill time (the start),
 *   routine_id, routine_name, ended, the three step counts and the
 *   heaviness before and after. The other kind's columns stay empty. A
 *   file of Leg Care 1, whose header ends at heaviness_after, imports too.
 * - Times: ISO 8601 with a UTC offset, to the second, such as
 *   2026-03-29T08:30:00+02:00. Export writes the local offset; import
 *   requires an offset or Z.
 * - Scores: empty or a whole number from 0 to 10. Ankles and calves:
 *   empty or centimetres (ankles 12.0 to 60.0, calves 20.0 to 80.0), with
 *   at most one decimal after a dot. Position: empty, "sitting" or
 *   "lying".
 *   Tags: empty or names joined with ";" (hot-weather;travel). Note: any
 *   text, empty for none.
 * - Entries come first, oldest first, then sessions, oldest first.
 * - Free text (note, routine_id, routine_name) that a spreadsheet would
 *   take for a formula, starting with =, +, -, @, a tab or a CR, is
 *   written after an apostrophe ('=1+1), as is text that starts with an
 *   apostrophe itself; import takes one leading apostrophe of these
 *   columns away, so a round trip gives back exactly what was written.
 *
 * Import is strict and all-or-nothing: the first problem in the file
 * (bytes that are not UTF-8 included) stops it with the line where the row
 * starts, the column, what is wrong and what is expected, and nothing is
 * added. It reads the file a piece at a time (BUFFER_SIZE) as it stores
 * the rows, so that its memory does not grow with the file. Rows whose content the diary already
 * holds are skipped, so importing the same file again adds nothing.
 *
 * The export is in lc-csv-export.c.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-csv.h"
#include "lc-csv-private.h"
#include "lc-error.h"

G_DEFINE_QUARK (lc-csv-error-quark, lc_csv_error)

/* Not translated: they are the file's keys. */
const char * const lc_csv_column_names[N_COLUMNS] = {
  "record", "time",
  "heaviness_left", "heaviness_right", "swelling_left", "swelling_right",
  "ankle_left_cm", "ankle_right_cm", "tags", "note",
  "routine_id", "routine_name", "ended", "steps_done", "steps_total", "steps_skipped",
  "heaviness_before", "heaviness_after",
  "calf_left_cm", "calf_right_cm", "position",
  "aching", "throbbing", "itching",
  "spacing_cm", "left_cm", "right_cm",
};

char *
lc_csv_header_line (void)
{
  GString *line = g_string_new (NULL);

  /* Not g_strjoinv(): the names are an array of N_COLUMNS, not NULL-ended */
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (line, "%s%s", i > 0 ? "," : "", lc_csv_column_names[i]);

  return g_string_free (line, FALSE);
}

#define EXAMPLE_TIME "2026-03-29T08:30:00+02:00"

/* Step counts: far more than a routine has (at most 50 steps), and small
 * enough for SQLite's int. */
#define MAX_STEPS 1000

/* Values quoted in messages are cut after this many characters. */
#define SHOWN_CHARS 40

/* The file is read in pieces of this size: the memory an import takes
 * does not grow with the file. */
#define BUFFER_SIZE (64 * 1024)

/* No column holds this much (a note is at most 2000 characters): a longer
 * field is refused as it is read, so that no field grows without bound. */
#define MAX_FIELD_SIZE (64 * 1024)

/* A stream read through a buffer. The bytes from p to end have been
 * checked to be UTF-8; a few after end may wait for the rest of their
 * character. Pointers into the buffer hold only until the next
 * reader_more(), which may move its contents. */
typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  char         *buffer;
  const char   *p;         /* the next byte to read */
  const char   *end;       /* the end of the checked bytes */
  char         *filled;    /* the end of the bytes read */
  guint64       offset;    /* of the buffer's start in the stream */
  guint64       total;     /* bytes read from the stream */
  gboolean      eof;
  guint         checked_lines;  /* line ends in the checked bytes */
  GError       *pending;   /* what is wrong at end: told when it is reached */

  guint       line;      /* the physical line p is on, 1-based */
  gboolean    named;     /* past the header: columns have names */
  guint       n_columns; /* the header's: N_COLUMNS, N_COLUMNS_V2 or N_COLUMNS_V1 */
  GString    *text;      /* the field being read */
} Reader;

typedef struct
{
  guint  line;           /* where the row starts */
  guint  n_fields;       /* 0: an empty line */
  char  *fields[N_COLUMNS];  /* the first N_COLUMNS; more are only counted */
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&row->fields[i], g_free);
  row->n_fields = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

/* The text of a free-text column as written before defuse_text() */
static const char *
undefused_text (const Row *row,
                Column     column)
{
  const char *text = row->fields[column];

  return text[0] == '\'' ? text + 1 : text;
}

/* --- errors ------------------------------------------------------------------ */

static void set_error (GError      **error,
                       LcCsvError    code,
                       guint         line,
                       const char   *column,
                       const char   *format,
                       ...) G_GNUC_PRINTF (5, 6);

/* "line 12, column heaviness_left: …", or "line 12: …" without a column. */
static void
set_error (GError      **error,
           LcCsvError    code,
           guint         line,
           const char   *column,
           const char   *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column == NULL)
    /* Translators: where a problem is in a CSV file, e.g. line 5: 17 fields, but the header has 18 */
    lc_set_error (error, LC_CSV_ERROR, code, _("line %u: %s"), line, message);
  else
    /* Translators: e.g. line 12, column heaviness_left: “11” is not a score from 0 to 10.
     * The column is the name in the file's header, not translated. */
    lc_set_error (error, LC_CSV_ERROR, code, _("line %u, column %s: %s"), line, column, message);
}

/* A value as a message quotes it: long ones are cut. */
static char *
shown (const char *text)
{
  const char *cut = text;

  for (guint i = 0; i < SHOWN_CHARS && *cut != '\0'; i++)
    cut = g_utf8_next_char (cut);

  if (*cut == '\0')
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* Before the header is read, columns are known by their number; after
 * it, by the names it has. */
static char *
column_label (const Reader *reader,
              guint         column)
{
  if (reader->named && column < reader->n_columns)
    return g_strdup (lc_csv_column_names[column]);

  return g_strdup_printf ("%u", column + 1);
}

static guint
count_line_ends (const char *p,
                 const char *end)
{
  guint lines = 0;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      lines++;
      p++;
    }

  return lines;
}

/* Checks the bytes read after reader->end: moves end past the valid ones,
 * and keeps what is wrong for when the reading gets there. */
static void
reader_check (Reader *reader)
{
  const char *invalid;

  if (g_utf8_validate_len (reader->end, reader->filled - reader->end, &invalid))
    {
      reader->checked_lines += count_line_ends (reader->end, reader->filled);
      reader->end = reader->filled;
      return;
    }

  reader->checked_lines += count_line_ends (reader->end, invalid);
  reader->end = invalid;

  /* A character cut by the end of what was read so far: wait for the rest */
  if (*invalid != '\0' && !reader->eof && reader->filled - invalid < 4 &&
      g_utf8_get_char_validated (invalid, reader->filled - invalid) == (gunichar) -2)
    return;

  if (*invalid == '\0')
    set_error (&reader->pending, LC_CSV_ERROR_SYNTAX, reader->checked_lines + 1, NULL,
               _("a null byte, which text does not have; expected a CSV text file"));
  else
    set_error (&reader->pending, LC_CSV_ERROR_SYNTAX, reader->checked_lines + 1, NULL,
               _("the text is not valid UTF-8; expected the file to be saved as UTF-8"));
}

/* Makes at least @n bytes readable at reader->p, unless the file ends
 * before. FALSE with @error set when the stream can't be read, is too
 * large, or what is next is not UTF-8. */
static gboolean
reader_more (Reader  *reader,
             gsize    n,
             GError **error)
{
  while ((gsize) (reader->end - reader->p) < n)
    {
      gsize kept;
      gssize got;

      if (reader->pending != NULL)
        {
          g_propagate_error (error, g_error_copy (reader->pending));
          return FALSE;
        }
      if (reader->eof)
        return TRUE;

      /* What is left to the front, then read after it */
      kept = reader->filled - reader->p;
      reader->offset += reader->p - reader->buffer;
      memmove (reader->buffer, reader->p, kept);
      reader->end = reader->buffer + (reader->end - reader->p);
      reader->p = reader->buffer;
      reader->filled = reader->buffer + kept;

      got = g_input_stream_read (reader->stream, reader->filled, BUFFER_SIZE - kept,
                                 reader->cancellable, error);
      if (got < 0)
        return FALSE;
      if (got == 0)
        reader->eof = TRUE;
      reader->filled += got;
      reader->total += got;
      if (!lc_csv_check_size (reader->total, error))
        return FALSE;

      reader_check (reader);
    }

  return TRUE;
}

/* How far the reading is in the stream */
static guint64
reader_position (const Reader *reader)
{
  return reader->offset + (reader->p - reader->buffer);
}

/* Adds to the field being read; a field longer than any column holds is
 * refused. */
static gboolean
append_text (Reader      *reader,
             const Row   *row,
             guint        start_line,
             const char  *text,
             gsize        length,
             GError     **error)
{
  if (reader->text->len + length > MAX_FIELD_SIZE)
    {
      g_autofree char *column = column_label (reader, row->n_fields);

      set_error (error, LC_CSV_ERROR_VALUE, start_line, column,
                 _("the field is longer than %u KiB, which no column holds; expected a value of its column"),
                 MAX_FIELD_SIZE / 1024);
      return FALSE;
    }

  g_string_append_len (reader->text, text, length);
  return TRUE;
}

/* --- reading CSV ------------------------------------------------------------- */

/* The length of the line end at @p (LF or CRLF), 0 if there is none. */
static gsize
line_end_at (const char *p,
             const char *end)
{
  if (p < end && *p == '\n')
    return 1;
  if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
    return 2;
  return 0;
}

static gboolean
at_field_end (const Reader *reader)
{
  return reader->p == reader->end || *reader->p == ',' || line_end_at (reader->p, reader->end) > 0;
}

/* Reads the quoted field at reader->p, which is at its opening quote. */
static gboolean
read_quoted (Reader  *reader,
             Row     *row,
             GError **error)
{
  guint start_line = row->line;

  reader->p++;

  for (;;)
    {
      const char *quote;
      const char *until;

      if (!reader_more (reader, 2, error))
        return FALSE;

      if (reader->p == reader->end)
        {
          g_autofree char *column = column_label (reader, row->n_fields);

          set_error (error, LC_CSV_ERROR_SYNTAX, start_line, column,
                     _("the double quote that opens the field is never closed; expected a closing \" at its end"));
          return FALSE;
        }

      quote = memchr (reader->p, '"', reader->end - reader->p);
      until = quote != NULL ? quote : reader->end;
      reader->line += count_line_ends (reader->p, until);
      if (!append_text (reader, row, start_line, reader->p, until - reader->p, error))
        return FALSE;
      reader->p = until;
      if (quote == NULL)
        continue;

      /* "" inside quotes is one quote */
      if (!reader_more (reader, 2, error))
        return FALSE;
      if (reader->end - reader->p >= 2 && reader->p[1] == '"')
        {
          if (!append_text (reader, row, start_line, "\"", 1, error))
            return FALSE;
          reader->p += 2;
          continue;
        }

      reader->p++;
      break;
    }

  if (!reader_more (reader, 2, error))
    return FALSE;

  if (!at_field_end (reader))
    {
      g_autofree char *column = column_label (reader, row->n_fields);

      set_error (error, LC_CSV_ERROR_SYNTAX, start_line, column,
                 _("text after the closing double quote; expected a comma or the end of the line "
                   "(inside quotes, write a double quote as \"\")"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_plain (Reader  *reader,
            Row     *row,
            GError **error)
{
  for (;;)
    {
      const char *p;

      if (!reader_more (reader, 1, error))
        return FALSE;
      if (reader->p == reader->end)
        break;

      p = reader->p;
      while (p < reader->end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"')
        p++;
      if (!append_text (reader, row, row->line, reader->p, p - reader->p, error))
        return FALSE;
      reader->p = p;
      if (p < reader->end)
        break;
    }

  if (!reader_more (reader, 2, error))
    return FALSE;
  if (at_field_end (reader))
    return TRUE;

  {
    g_autofree char *column = column_label (reader, row->n_fields);

    if (*reader->p == '"')
      set_error (error, LC_CSV_ERROR_SYNTAX, row->line, column,
                 _("a double quote inside a field that does not start with one; "
                   "expected the whole field in double quotes, with the quote inside written as \"\""));
    else
      set_error (error, LC_CSV_ERROR_SYNTAX, row->line, column,
                 _("a carriage return that does not end the line; "
                   "expected it only in a field enclosed in double quotes"));
  }
  return FALSE;
}

/* Reads the row at reader->p, which is not at the end. */
static gboolean
read_row (Reader  *reader,
          Row     *row,
          GError **error)
{
  gsize eol;

  row_clear (row);
  row->line = reader->line;

  if (!reader_more (reader, 2, error))
    return FALSE;
  eol = line_end_at (reader->p, reader->end);
  if (eol > 0)
    {
      reader->p += eol;
      reader->line++;
      return TRUE;
    }

  for (;;)
    {
      g_string_truncate (reader->text, 0);

      /* The data need not end with a nul: a comma may be its last byte. */
      if (reader->p < reader->end && *reader->p == '"')
        {
          if (!read_quoted (reader, row, error))
            return FALSE;
        }
      else if (!read_plain (reader, row, error))
        return FALSE;

      /* Only as many fields as the header has are kept; the rest are counted. */
      if (row->n_fields < N_COLUMNS)
        row->fields[row->n_fields] = g_strndup (reader->text->str, reader->text->len);
      row->n_fields++;

      if (!reader_more (reader, 2, error))
        return FALSE;
      if (reader->p == reader->end)
        return TRUE;

      if (*reader->p == ',')
        {
          reader->p++;
          continue;
        }

      eol = line_end_at (reader->p, reader->end);
      g_assert (eol > 0);
      reader->p += eol;
      reader->line++;
      return TRUE;
    }
}

static gboolean
read_header (Reader  *reader,
             Row     *row,
             GError **error)
{
  g_autofree char *header = lc_csv_header_line ();

  if (!reader_more (reader, 1, error))
    return FALSE;
  if (reader->p == reader->end)
    {
      set_error (error, LC_CSV_ERROR_HEADER, 1, NULL,
                 _("the file is empty; expected the header “%s”"), header);
      return FALSE;
    }

  if (!read_row (reader, row, error))
    return FALSE;

  if (row->n_fields == 0)
    {
      set_error (error, LC_CSV_ERROR_HEADER, row->line, NULL,
                 _("the line is empty; expected the header “%s”"), header);
      return FALSE;
    }

  for (guint i = 0; i < MIN (row->n_fields, N_COLUMNS); i++)
    if (!g_str_equal (row->fields[i], lc_csv_column_names[i]))
      {
        g_autofree char *column = column_label (reader, i);
        g_autofree char *value = shown (row->fields[i]);

        set_error (error, LC_CSV_ERROR_HEADER, row->line, column,
                   _("the header has “%s” here; expected “%s”"), value, lc_csv_column_names[i]);
        return FALSE;
      }

  if (row->n_fields == N_COLUMNS_V1 || row->n_fields == N_COLUMNS_V2 || row->n_fields == N_COLUMNS_V3)
    {
      reader->n_columns = row->n_fields;
      return TRUE;
    }

  if (row->n_fields != N_COLUMNS)
    {
      set_error (error, LC_CSV_ERROR_HEADER, row->line, NULL,
                 g_dngettext (GETTEXT_PACKAGE,
                              "the header has %u column; expected %u: “%s”",
                              "the header has %u columns; expected %u: “%s”",
                              row->n_fields),
                 row->n_fields, (guint) N_COLUMNS, header);
      return FALSE;
    }

  reader->n_columns = N_COLUMNS;
  return TRUE;
}

/* --- values ------------------------------------------------------------------ */

/* Digits only, at most @max. */
static gboolean
parse_number (const char *text,
              guint       max,
              guint      *out)
{
  guint64 value = 0;

  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (guint) (*p - '0');
      if (value > max)
        return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_time (const Row  *row,
            Column      column,
            gint64     *out,
            GError    **error)
{
  const char *text = row->fields[column];
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *value = NULL;

  if (*text == '\0')
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("the time is missing; expected a date and time such as “%s”"), EXAMPLE_TIME);
      return FALSE;
    }

  value = shown (text);

  /* No default time zone: a time without an offset does not parse. */
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) without_offset = g_date_time_new_from_iso8601 (text, utc);

      if (without_offset != NULL)
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” has no UTC offset; expected one at the end, as in “%s”, or Z for UTC"),
                   value, EXAMPLE_TIME);
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” is not a date and time; expected one such as “%s”"),
                   value, EXAMPLE_TIME);
      return FALSE;
    }

  if (g_date_time_to_unix (time) < 0)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("“%s” is before 1970; expected a later time"), value);
      return FALSE;
    }

  *out = g_date_time_to_unix (time);
  return TRUE;
}

static gboolean
parse_score (const Row  *row,
             Column      column,
             int        *out,
             GError    **error)
{
  const char *text = row->fields[column];
  guint score;

  if (*text == '\0')
    {
      *out = LC_SCORE_NONE;
      return TRUE;
    }

  if (!parse_number (text, LC_SCORE_MAX, &score))
    {
      g_autofree char *value = shown (text);

      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("“%s” is not a score from 0 to 10"), value);
      return FALSE;
    }

  *out = (int) score;
  return TRUE;
}

/* Centimetres with at most one decimal, to millimetres: 23.5 is 235;
 * an ankle's or a calf's range. */
static gboolean
parse_circumference (const Row  *row,
                     Column      column,
                     gboolean    calf,
                     int        *out,
                     GError    **error)
{
  int none = calf ? LC_CALF_NONE : LC_ANKLE_NONE;
  int min = calf ? LC_CALF_MIN_MM : LC_ANKLE_MIN_MM;
  int max = calf ? LC_CALF_MAX_MM : LC_ANKLE_MAX_MM;
  const char *text = row->fields[column];
  const char *p = text;
  g_autofree char *value = NULL;
  guint whole = 0;
  guint tenths = 0;
  guint n_whole = 0;
  guint n_decimals = 0;
  gboolean dot = FALSE;

  if (*text == '\0')
    {
      *out = none;
      return TRUE;
    }

  value = shown (text);

  for (; g_ascii_isdigit (*p); p++, n_whole++)
    whole = MIN (whole * 10 + (guint) (*p - '0'), 100000);
  if (*p == '.')
    {
      dot = TRUE;
      for (p++; g_ascii_isdigit (*p); p++, n_decimals++)
        if (n_decimals == 0)
          tenths = (guint) (*p - '0');
    }

  if (n_whole == 0 || *p != '\0' || (dot && n_decimals == 0))
    {
      if (strchr (text, ',') != NULL)
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” is not a measurement in centimetres; expected a dot before the decimal, as in “23.5”"),
                   value);
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” is not a measurement in centimetres; expected a number such as “23.5”"),
                   value);
      return FALSE;
    }

  if (n_decimals > 1)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("“%s” has more than one decimal; expected centimetres with one at most, such as “23.5”"),
                 value);
      return FALSE;
    }

  /* The limits as the file must write them: the CSV format has a dot
   * before the decimal in every language (README.md, "CSV"), so they are
   * not in the locale's way of writing numbers */
  if (whole * 10 + tenths < (guint) min || whole * 10 + tenths > (guint) max)
    {
      /* TRANSLATORS: keep the dots in %d.%d: the file's numbers are written
       * with a dot in every language */
      if (calf)
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” is out of range; expected a calf from %d.%d to %d.%d cm"),
                   value, min / 10, min % 10, max / 10, max % 10);
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                   _("“%s” is out of range; expected an ankle from %d.%d to %d.%d cm"),
                   value, min / 10, min % 10, max / 10, max % 10);
      return FALSE;
    }

  *out = (int) (whole * 10 + tenths);
  return TRUE;
}

/* Empty, "sitting" or "lying" */
static gboolean
parse_position (const Row   *row,
                LcPosition  *out,
                GError     **error)
{
  g_autofree char *value = NULL;

  if (lc_position_from_string (row->fields[COL_POSITION], out))
    return TRUE;

  value = shown (row->fields[COL_POSITION]);
  set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_POSITION],
             _("“%s” is not a position; expected “sitting”, “lying” or nothing"), value);
  return FALSE;
}

static char *
tag_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < LC_N_TAGS; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, lc_tag_to_string (1 << i));
    }

  return g_string_free (names, FALSE);
}

/* Names joined with ";", as lc_tags_to_string() writes them. Not split
 * into an array first: a huge field would make a huge one. */
static gboolean
parse_tags (const Row  *row,
            LcTags     *out,
            GError    **error)
{
  const char *p = row->fields[COL_TAGS];
  LcTags tags = 0;

  if (*p == '\0')
    {
      *out = 0;
      return TRUE;
    }

  for (;;)
    {
      const char *separator = strchr (p, ';');
      g_autofree char *name = separator != NULL ? g_strndup (p, separator - p) : g_strdup (p);
      LcTags tag;

      g_strstrip (name);
      if (!lc_tag_from_string (name, &tag))
        {
          g_autofree char *names = tag_names ();
          g_autofree char *value = shown (name);

          if (*name == '\0')
            set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_TAGS],
                       _("a tag name is empty; expected names from: %s, joined with “;”"), names);
          else
            set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_TAGS],
                       _("“%s” is not a tag; expected names from: %s, joined with “;”"), value, names);
          return FALSE;
        }
      tags |= tag;

      if (separator == NULL)
        break;
      p = separator + 1;
    }

  *out = tags;
  return TRUE;
}

static gboolean
parse_required_text (const Row   *row,
                     Column       column,
                     const char  *expected,
                     char       **out,
                     GError     **error)
{
  const char *text = undefused_text (row, column);

  if (*text == '\0')
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 /* Translators: %s says what, e.g. the routine’s name */
                 _("the value is missing; expected %s"), expected);
      return FALSE;
    }

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
parse_steps (const Row  *row,
             Column      column,
             guint      *out,
             GError    **error)
{
  const char *text = row->fields[column];

  if (*text == '\0')
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("the value is missing; expected %s"), _("a number of steps"));
      return FALSE;
    }

  if (!parse_number (text, MAX_STEPS, out))
    {
      g_autofree char *value = shown (text);

      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                 _("“%s” is not a number of steps; expected a whole number from 0 to %u"),
                 value, MAX_STEPS);
      return FALSE;
    }

  return TRUE;
}

/* --- rows ---------------------------------------------------------------------- */

typedef enum
{
  RECORD_ENTRY,
  RECORD_SESSION,
  RECORD_MEASUREMENT,
} RecordKind;

static gboolean
check_other_columns_empty (const Row   *row,
                           RecordKind   kind,
                           GError     **error)
{
  for (guint i = COL_HEAVINESS_LEFT; i < N_COLUMNS; i++)
    {
      g_autofree char *value = NULL;

      if ((kind == RECORD_ENTRY && IS_ENTRY_COLUMN (i)) || (kind == RECORD_SESSION && IS_SESSION_COLUMN (i)) ||
          (kind == RECORD_MEASUREMENT && IS_MEASUREMENT_COLUMN (i)))
        continue;
      if (*row->fields[i] == '\0')
        continue;

      value = shown (row->fields[i]);
      if (kind == RECORD_ENTRY)
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[i],
                   _("an entry row has “%s” here; expected this column to be empty in entry rows"),
                   value);
      else if (kind == RECORD_SESSION)
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[i],
                   _("a session row has “%s” here; expected this column to be empty in session rows"),
                   value);
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[i],
                   _("a measurement row has “%s” here; expected this column to be empty in measurement rows"),
                   value);
      return FALSE;
    }

  return TRUE;
}

static void
set_diary_error (GError       **error,
                 guint          line,
                 const GError  *diary_error)
{
  set_error (error, LC_CSV_ERROR_DIARY, line, NULL,
             _("the row could not be stored in the diary: %s"), diary_error->message);
}

static gboolean
import_entry (LcDiary    *diary,
              const Row  *row,
              gint64      now,
              guint      *added,
              guint      *skipped,
              GError    **error)
{
  g_autoptr(LcEntry) entry = lc_entry_new (0);
  g_autoptr(GError) local_error = NULL;
  LcEntryField field;
  g_autofree char *note = NULL;

  if (!parse_time (row, COL_TIME, &entry->taken_at, error) ||
      !parse_score (row, COL_HEAVINESS_LEFT, &entry->heaviness[LC_LEG_LEFT], error) ||
      !parse_score (row, COL_HEAVINESS_RIGHT, &entry->heaviness[LC_LEG_RIGHT], error) ||
      !parse_score (row, COL_SWELLING_LEFT, &entry->swelling[LC_LEG_LEFT], error) ||
      !parse_score (row, COL_SWELLING_RIGHT, &entry->swelling[LC_LEG_RIGHT], error) ||
      !parse_circumference (row, COL_ANKLE_LEFT, FALSE, &entry->ankle_mm[LC_LEG_LEFT], error) ||
      !parse_circumference (row, COL_ANKLE_RIGHT, FALSE, &entry->ankle_mm[LC_LEG_RIGHT], error) ||
      !parse_circumference (row, COL_CALF_LEFT, TRUE, &entry->calf_mm[LC_LEG_LEFT], error) ||
      !parse_circumference (row, COL_CALF_RIGHT, TRUE, &entry->calf_mm[LC_LEG_RIGHT], error) ||
      !parse_score (row, COL_ACHING, &entry->symptoms[LC_SYMPTOM_ACHING], error) ||
      !parse_score (row, COL_THROBBING, &entry->symptoms[LC_SYMPTOM_THROBBING], error) ||
      !parse_score (row, COL_ITCHING, &entry->symptoms[LC_SYMPTOM_ITCHING], error) ||
      !parse_position (row, &entry->position, error) ||
      !parse_tags (row, &entry->tags, error))
    return FALSE;

  /* The diary keeps notes trimmed, and a blank one as none: so must the
   * check for an empty entry. */
  note = g_strstrip (g_strdup (undefused_text (row, COL_NOTE)));
  if (*note != '\0')
    entry->note = g_steal_pointer (&note);

  if (!lc_entry_validate (entry, now, &field, &local_error))
    {
      const char *column = NULL;

      if (field == LC_ENTRY_FIELD_TIME)
        column = lc_csv_column_names[COL_TIME];
      else if (field == LC_ENTRY_FIELD_NOTE)
        column = lc_csv_column_names[COL_NOTE];
      else if (field == LC_ENTRY_FIELD_TAGS)
        column = lc_csv_column_names[COL_TAGS];

      set_error (error, LC_CSV_ERROR_VALUE, row->line, column, "%s", local_error->message);
      return FALSE;
    }

  if (lc_diary_has_entry_like (diary, entry, &local_error))
    {
      (*skipped)++;
      return TRUE;
    }
  if (local_error == NULL)
    lc_diary_add_entry (diary, entry, &local_error);
  if (local_error != NULL)
    {
      set_diary_error (error, row->line, local_error);
      return FALSE;
    }

  (*added)++;
  return TRUE;
}

static gboolean
import_session (LcDiary    *diary,
                const Row  *row,
                gint64      now,
                guint      *added,
                guint      *skipped,
                GError    **error)
{
  g_autoptr(LcSessionRecord) record = lc_session_record_new ();
  g_autoptr(GError) local_error = NULL;

  if (!parse_time (row, COL_TIME, &record->started_at, error) ||
      !parse_required_text (row, COL_ROUTINE_ID, _("the routine’s id, such as “calf-pump-seated”"),
                            &record->routine_id, error) ||
      !parse_required_text (row, COL_ROUTINE_NAME, _("the routine’s name"), &record->routine_name, error) ||
      !parse_time (row, COL_ENDED, &record->ended_at, error) ||
      !parse_steps (row, COL_STEPS_DONE, &record->steps_done, error) ||
      !parse_steps (row, COL_STEPS_TOTAL, &record->steps_total, error) ||
      !parse_steps (row, COL_STEPS_SKIPPED, &record->steps_skipped, error) ||
      !parse_score (row, COL_HEAVINESS_BEFORE, &record->heaviness_before, error) ||
      !parse_score (row, COL_HEAVINESS_AFTER, &record->heaviness_after, error))
    return FALSE;

  /* As for entries: a session records what has happened */
  if (record->started_at > now)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_TIME], "%s",
                 _("The time is in the future: a session records what has happened"));
      return FALSE;
    }

  /* What lc_session_record_validate() checks, said with the column. */
  if (record->ended_at < record->started_at)
    {
      g_autofree char *ended = shown (row->fields[COL_ENDED]);
      g_autofree char *started = shown (row->fields[COL_TIME]);

      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_ENDED],
                 _("“%s” is before the session’s start, “%s”; expected the time it ended"),
                 ended, started);
      return FALSE;
    }
  if (record->steps_total == 0)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_STEPS_TOTAL],
                 _("“0” is not a number of steps of a routine; expected a whole number from 1 to %u"),
                 MAX_STEPS);
      return FALSE;
    }
  if (record->steps_done > record->steps_total)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_STEPS_DONE],
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u step done, but steps_total is %u; expected %u at most",
                              "%u steps done, but steps_total is %u; expected %u at most",
                              record->steps_done),
                 record->steps_done, record->steps_total, record->steps_total);
      return FALSE;
    }
  if (record->steps_skipped > record->steps_total)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_STEPS_SKIPPED],
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u step skipped, but steps_total is %u; expected %u at most",
                              "%u steps skipped, but steps_total is %u; expected %u at most",
                              record->steps_skipped),
                 record->steps_skipped, record->steps_total, record->steps_total);
      return FALSE;
    }
  /* …and whatever it may check one day. */
  if (!lc_session_record_validate (record, &local_error))
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, NULL, "%s", local_error->message);
      return FALSE;
    }

  if (lc_diary_has_session_like (diary, record, &local_error))
    {
      (*skipped)++;
      return TRUE;
    }
  if (local_error == NULL)
    lc_diary_add_session (diary, record, &local_error);
  if (local_error != NULL)
    {
      set_diary_error (error, row->line, local_error);
      return FALSE;
    }

  (*added)++;
  return TRUE;
}

/* "4" or "8" (cm between the tapes) */
static gboolean
parse_spacing (const Row  *row,
               guint      *spacing_mm,
               GError    **error)
{
  const char *text = row->fields[COL_SPACING];
  g_autofree char *value = NULL;

  if (g_str_equal (text, "8"))
    *spacing_mm = LC_LIMB_SPACING_DEFAULT_MM;
  else if (g_str_equal (text, "4"))
    *spacing_mm = LC_LIMB_SPACING_FINE_MM;
  else
    {
      value = shown (text);
      if (*text == '\0')
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_SPACING],
                   _("the distance between the tapes is missing; expected “4” or “8” (cm)"));
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_SPACING],
                   _("“%s” is not a distance between the tapes; expected “4” or “8” (cm)"), value);
      return FALSE;
    }

  return TRUE;
}

/* "22.0;24.5;30.0": centimetres from the start point up, one decimal at
 * most, a dot before it; empty for a leg not measured */
static gboolean
parse_points (const Row  *row,
              Column      column,
              GArray     *points,
              GError    **error)
{
  g_auto(GStrv) parts = NULL;

  g_array_set_size (points, 0);
  if (*row->fields[column] == '\0')
    return TRUE;

  parts = g_strsplit (row->fields[column], ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];
      guint whole = 0;
      guint tenths = 0;
      guint n_whole = 0;
      guint n_decimals = 0;
      guint16 mm;

      for (; g_ascii_isdigit (*p); p++, n_whole++)
        whole = MIN (whole * 10 + (guint) (*p - '0'), 100000);
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++, n_decimals++)
          if (n_decimals == 0)
            tenths = (guint) (*p - '0');

      if (n_whole == 0 || *p != '\0' || n_decimals > 1 || (p[-1] == '.'))
        {
          g_autofree char *value = shown (parts[i]);

          set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[column],
                     /* Translators: the number of the measurement along the leg, then its text */
                     _("measurement %u, “%s”, is not centimetres; expected numbers such as “23.5” "
                       "between semicolons, from the start point up"),
                     i + 1, value);
          return FALSE;
        }
      mm = (guint16) MIN (whole * 10 + tenths, G_MAXUINT16);
      g_array_append_val (points, mm);
    }

  return TRUE;
}

static gboolean
import_measurement (LcDiary    *diary,
                    const Row  *row,
                    gint64      now,
                    guint      *added,
                    guint      *skipped,
                    GError    **error)
{
  g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (0, 0);
  g_autoptr(GError) local_error = NULL;

  if (!parse_time (row, COL_TIME, &measurement->taken_at, error) ||
      !parse_position (row, &measurement->position, error) ||
      !parse_spacing (row, &measurement->spacing_mm, error) ||
      !parse_points (row, COL_POINTS_LEFT, measurement->points[LC_LEG_LEFT], error) ||
      !parse_points (row, COL_POINTS_RIGHT, measurement->points[LC_LEG_RIGHT], error))
    return FALSE;

  /* Not in the future (a day's grace for clocks and time zones) */
  if (measurement->taken_at > now + 24 * 3600)
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_TIME],
                 _("the measurement is in the future"));
      return FALSE;
    }
  if (!lc_limb_measurement_check (measurement, &local_error))
    {
      set_error (error, LC_CSV_ERROR_VALUE, row->line, NULL, "%s", local_error->message);
      return FALSE;
    }

  if (lc_diary_has_measurement_like (diary, measurement, &local_error))
    {
      (*skipped)++;
      return TRUE;
    }
  if (local_error == NULL)
    lc_diary_add_measurement (diary, measurement, &local_error);
  if (local_error != NULL)
    {
      set_diary_error (error, row->line, local_error);
      return FALSE;
    }

  (*added)++;
  return TRUE;
}

static gboolean
import_row (LcDiary    *diary,
            const Row  *row,
            guint       header_columns,
            gint64      now,
            guint      *added,
            guint      *skipped,
            GError    **error)
{
  const char *record;
  RecordKind kind;

  if (row->n_fields != N_COLUMNS)
    {
      set_error (error, LC_CSV_ERROR_SYNTAX, row->line, NULL,
                 /* Translators: e.g. 17 fields, but the header has 18 */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u field, but the header has %u",
                              "%u fields, but the header has %u",
                              row->n_fields),
                 row->n_fields, header_columns);
      return FALSE;
    }

  record = row->fields[COL_RECORD];
  if (g_str_equal (record, "entry"))
    kind = RECORD_ENTRY;
  else if (g_str_equal (record, "session"))
    kind = RECORD_SESSION;
  else if (g_str_equal (record, "measurement"))
    kind = RECORD_MEASUREMENT;
  else
    {
      g_autofree char *value = shown (record);

      if (*record == '\0')
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_RECORD],
                   _("the record type is missing; expected “entry”, “session” or “measurement”"));
      else
        set_error (error, LC_CSV_ERROR_VALUE, row->line, lc_csv_column_names[COL_RECORD],
                   _("“%s” is not a record type; expected “entry”, “session” or “measurement”"), value);
      return FALSE;
    }

  if (!check_other_columns_empty (row, kind, error))
    return FALSE;

  if (kind == RECORD_ENTRY)
    return import_entry (diary, row, now, added, skipped, error);
  if (kind == RECORD_SESSION)
    return import_session (diary, row, now, added, skipped, error);
  return import_measurement (diary, row, now, added, skipped, error);
}

static gboolean
import_rows (LcDiary            *diary,
             Reader             *reader,
             guint64             size,
             LcCsvProgressFunc   progress,
             gpointer            user_data,
             guint              *added,
             guint              *skipped,
             GError            **error)
{
  g_auto(Row) row = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint rows = 0;

  for (;;)
    {
      if (!reader_more (reader, 1, error))
        return FALSE;
      if (reader->p == reader->end)
        break;

      /* About a hundred times in a large file */
      if (progress != NULL && ++rows % 500 == 0
          && !progress (size > 0 ? MIN ((double) reader_position (reader) / size, 1.0) : 0.0, user_data))
        {
          lc_set_error (error, LC_CSV_ERROR, LC_CSV_ERROR_CANCELLED, _("The import was stopped; nothing was added"));
          return FALSE;
        }

      if (!read_row (reader, &row, error))
        return FALSE;

      if (row.n_fields == 0)
        {
          /* One empty line may end the file. */
          if (!reader_more (reader, 1, error))
            return FALSE;
          if (reader->p == reader->end)
            break;

          set_error (error, LC_CSV_ERROR_SYNTAX, row.line, NULL,
                     _("the line is empty; expected a record, or the end of the file"));
          return FALSE;
        }

      /* An older file: its rows lack the columns added since */
      if (reader->n_columns < N_COLUMNS && row.n_fields == reader->n_columns)
        {
          for (guint i = row.n_fields; i < N_COLUMNS; i++)
            row.fields[i] = g_strdup ("");
          row.n_fields = N_COLUMNS;
        }

      if (!import_row (diary, &row, reader->n_columns, now, added, skipped, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * lc_csv_check_size:
 * @size: the size of a file to import, in bytes
 * @error: return location for an %LC_CSV_ERROR_TOO_LARGE error
 *
 * Whether a file of @size can be imported: ask before reading it, so that
 * a huge file is never read into memory.
 */
gboolean
lc_csv_check_size (guint64   size,
                   GError  **error)
{
  if (size <= LC_CSV_MAX_SIZE)
    return TRUE;

  {
    g_autofree char *shown_size = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

    lc_set_error (error, LC_CSV_ERROR, LC_CSV_ERROR_TOO_LARGE,
                  _("The file is %s; a diary export can be at most %u MiB"),
                  shown_size, LC_CSV_MAX_SIZE / (1024 * 1024));
  }
  return FALSE;
}

/**
 * lc_csv_import:
 * @diary: the diary
 * @data: the file's contents, not necessarily nul-terminated
 * @length: the length of @data in bytes
 * @added: (out) (optional): how many records were added
 * @skipped: (out) (optional): how many were in the diary already
 * @error: return location for an %LC_CSV_ERROR
 *
 * Adds the records of a CSV file written by lc_csv_export(): all of them
 * or, at the first problem, none. Records the diary holds already, or
 * that came earlier in the file, are skipped.
 *
 * Returns: whether the import is complete
 */
gboolean
lc_csv_import (LcDiary     *diary,
               const char  *data,
               gsize        length,
               guint       *added,
               guint       *skipped,
               GError     **error)
{
  return lc_csv_import_with_progress (diary, data, length, NULL, NULL, added, skipped, error);
}

/**
 * lc_csv_import_with_progress:
 * @progress: (nullable) (scope call): told how far the import is, now and
 *   then; it may stop it
 *
 * Like lc_csv_import(), for a file large enough that the user should see
 * how far it is, in a thread of its own with a diary of its own.
 */
gboolean
lc_csv_import_with_progress (LcDiary           *diary,
                             const char        *data,
                             gsize              length,
                             LcCsvProgressFunc  progress,
                             gpointer           user_data,
                             guint             *added,
                             guint             *skipped,
                             GError           **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (LC_IS_DIARY (diary), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lc_csv_check_size (length, error))
    return FALSE;

  stream = g_memory_input_stream_new_from_data (length > 0 ? data : "", length, NULL);
  return lc_csv_import_stream (diary, stream, length, progress, user_data, NULL, added, skipped, error);
}

/**
 * lc_csv_import_stream:
 * @diary: the diary
 * @stream: a diary export (CSV), read from where it is to its end
 * @size: its size in bytes if known, for @progress; 0 if not
 * @progress: (nullable) (scope call): told how far the import is, now and
 *   then; it may stop it
 * @user_data: for @progress
 * @cancellable: (nullable): stops the reading of @stream
 * @added: (out) (optional): how many records were added
 * @skipped: (out) (optional): how many were in the diary already
 * @error: return location for an %LC_CSV_ERROR, or the stream's own error
 *   if it can't be read
 *
 * Like lc_csv_import(), reading the file a piece at a time as the records
 * are added: the memory it takes does not depend on the file's size, and
 * @progress is told from the start. More than %LC_CSV_MAX_SIZE bytes are
 * refused when they are read.
 *
 * Returns: whether the import is complete
 */
gboolean
lc_csv_import_stream (LcDiary           *diary,
                      GInputStream      *stream,
                      guint64            size,
                      LcCsvProgressFunc  progress,
                      gpointer           user_data,
                      GCancellable      *cancellable,
                      guint             *added,
                      guint             *skipped,
                      GError           **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  g_auto(Row) header = { 0 };
  Reader reader = { 0 };
  guint n_added = 0;
  guint n_skipped = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (LC_IS_DIARY (diary), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lc_csv_check_size (size, error))
    return FALSE;

  text = g_string_new (NULL);
  buffer = g_malloc (BUFFER_SIZE);
  reader.stream = stream;
  reader.cancellable = cancellable;
  reader.buffer = buffer;
  reader.p = reader.end = reader.filled = buffer;
  reader.line = 1;
  reader.text = text;

  if (!reader_more (&reader, 3, error))
    goto out;
  if (reader.end - reader.p >= 3 && memcmp (reader.p, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  if (!read_header (&reader, &header, error))
    goto out;
  reader.named = TRUE;

  if (!lc_diary_begin (diary, &local_error))
    {
      lc_set_error (error, LC_CSV_ERROR, LC_CSV_ERROR_DIARY,
                   _("The diary could not be written: %s"), local_error->message);
      goto out;
    }

  if (!import_rows (diary, &reader, size, progress, user_data, &n_added, &n_skipped, error))
    {
      lc_diary_rollback (diary);
      goto out;
    }

  if (!lc_diary_commit (diary, &local_error))
    {
      lc_set_error (error, LC_CSV_ERROR, LC_CSV_ERROR_DIARY,
                   _("The diary could not be written: %s"), local_error->message);
      goto out;
    }

  if (added != NULL)
    *added = n_added;
  if (skipped != NULL)
    *skipped = n_skipped;
  ok = TRUE;

out:
  g_clear_error (&reader.pending);
  return ok;
}
