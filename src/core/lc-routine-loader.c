/* lc-routine-loader.c: strict, kind reading of routine files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routine files are small XML documents (docs/routine-format.md) read with
 * GMarkup. Every mistake is reported with the file, line and column, what
 * is wrong and what to do about it. The loader only parses; which routines
 * there are, and every change to their files, is LcRoutineLibrary's.
 *
 * Why one file of some 1,300 lines: it is one GMarkup parser, whose
 * callbacks share ParseState; most of its length is the check and the
 * message for each element and attribute, which read best beside it.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lc-error.h"
#include "lc-picture.h"
#include "lc-routine-loader.h"
#include "lc-routine-private.h"

struct _LcRoutineLoader
{
  GObject     parent_instance;

  GHashTable *illustrations;   /* names; NULL: any name is accepted */
  char       *example_illustration;
  GFile      *picture_dir;     /* the user's pictures; NULL: not checked */
};

G_DEFINE_FINAL_TYPE (LcRoutineLoader, lc_routine_loader, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-routine-error-quark, lc_routine_error)

#define MAX_ID_LENGTH 64
/* A file with more problems than this is not read to its end */
#define MAX_PROBLEMS 100

/* Leaf elements: text only. Limits in characters. */
typedef struct
{
  const char *element;
  gboolean    in_step;
  gsize       offset;
  guint       max_chars;
  gboolean    required;
  const char *what;     /* for "add <x>: …" */
} TextField;

static const TextField text_fields[] = {
  { "name", FALSE, G_STRUCT_OFFSET (LcRoutine, name), LC_ROUTINE_MAX_NAME_CHARS, TRUE, N_("the routine’s name") },
  { "summary", FALSE, G_STRUCT_OFFSET (LcRoutine, summary), LC_ROUTINE_MAX_SUMMARY_CHARS, TRUE, N_("one sentence that says what the routine is for") },
  { "title", TRUE, G_STRUCT_OFFSET (LcStep, title), LC_STEP_MAX_TITLE_CHARS, TRUE, N_("the step’s title") },
  { "instruction", TRUE, G_STRUCT_OFFSET (LcStep, instruction), LC_ROUTINE_MAX_TEXT_CHARS, TRUE, N_("one to three short sentences that say what to do") },
  { "cue", TRUE, G_STRUCT_OFFSET (LcStep, cue), LC_ROUTINE_MAX_TEXT_CHARS, TRUE, N_("the words the voice says when the step starts") },
  { "cue-switch", TRUE, G_STRUCT_OFFSET (LcStep, cue_switch), LC_ROUTINE_MAX_TEXT_CHARS, FALSE, NULL },
  { "cue-halfway", TRUE, G_STRUCT_OFFSET (LcStep, cue_halfway), LC_ROUTINE_MAX_TEXT_CHARS, FALSE, NULL },
};

#define CAUTION_MAX_CHARS LC_ROUTINE_MAX_TEXT_CHARS

typedef struct
{
  LcRoutineLoader     *self;
  const char          *data;
  gsize                length;
  const char          *file_name;
  LcRoutineOrigin      origin;
  GMarkupParseContext *context;

  LcRoutine           *routine;
  LcStep              *step;
  GPtrArray           *cautions;
  GChecksum           *cautions_checksum;  /* of the cautions as written, before translation */
  GHashTable          *step_ids;
  GPtrArray           *missing;      /* illustrations this version does not have */
  guint64              pixels;       /* of the pictures of a shared file so far */
  gboolean             have_category;
  gboolean             seen_root;

  /* Every problem found so far, one line each (see set_error()) */
  GPtrArray           *problems;
  int                  first_code;
  gboolean             too_many;
  gboolean             sides_invalid;  /* of the step being read */
  /* Inside an element that was refused: its contents are not read */
  guint                skip;

  /* The leaf element whose text is being read */
  const char          *leaf;
  const TextField     *field;
  GString             *text;

  /* A shared routine (.legcare-routine): <legcare-routine> around the
   * <routine> and the pictures its steps use. */
  gboolean             shared;
  gboolean             routine_open;
  gboolean             routine_done;
  GHashTable          *pictures;       /* name → GBytes */
  char                *picture_name;   /* of the <picture> being read */
} ParseState;

/* One problem is one line of the error's message: a file name with a line
 * break in it does not split it. */
static void
add_problem_line (ParseState *state,
                  const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_strdelimit (valid, "\r\n", ' ');
  g_ptr_array_add (state->problems, g_steal_pointer (&valid));
}

/* Where the tag that was just read starts. GMarkup's own position is where
 * it stopped reading, often past the tag and the white space after it: go
 * back to the '<' that opened the tag, which is where a person looks. */
static void
tag_start_position (ParseState *state,
                    int        *line,
                    int        *column)
{
  const char *p = state->data;
  const char *end = state->data + state->length;
  const char *line_start;
  int current_line = 1;
  int chars;

  g_markup_parse_context_get_position (state->context, line, column);

  /* From GMarkup's line and character to a byte offset… */
  while (current_line < *line && p < end)
    if (*p++ == '\n')
      current_line++;
  for (chars = 1; chars < *column && p < end; chars++)
    p = g_utf8_find_next_char (p, end) ? g_utf8_find_next_char (p, end) : end;

  /* …back to the '<' before it (GMarkup may already stand on the next one)… */
  if (p > state->data)
    p--;
  while (p > state->data && (p >= end || *p != '<'))
    p--;
  if (p >= end || *p != '<')
    return;

  /* …and from there to a line and a column again. */
  line_start = p;
  while (line_start > state->data && line_start[-1] != '\n')
    line_start--;
  *line = 1;
  for (const char *q = state->data; q < line_start; q++)
    if (*q == '\n')
      (*line)++;
  *column = (int) g_utf8_strlen (line_start, p - line_start) + 1;
}

static void set_error (ParseState  *state,
                       GError     **error,
                       int          code,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

/* A problem of the file, with where it is. Parsing goes on, so that one
 * reading tells every independent problem; only when there are too many
 * does it stop (through @error), so that a hostile file costs little. */
static void
set_error (ParseState  *state,
           GError     **error,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line_text = NULL;
  va_list args;
  int line = 0;
  int column = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (state->problems->len == 0)
    state->first_code = code;

  tag_start_position (state, &line, &column);
  line_text = g_strdup_printf ("%s:%d:%d: %s", state->file_name, line, column, message);
  add_problem_line (state, line_text);

  if (state->problems->len >= MAX_PROBLEMS && error != NULL && *error == NULL)
    {
      state->too_many = TRUE;
      g_set_error_literal (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE, "");
    }
}

/* A problem after which the file cannot be read on (not a routine at all) */
static void set_fatal_error (ParseState  *state,
                             GError     **error,
                             int          code,
                             const char  *format,
                             ...) G_GNUC_PRINTF (4, 5);

static void
set_fatal_error (ParseState  *state,
                 GError     **error,
                 int          code,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error (state, NULL, code, "%s", message);
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, LC_ROUTINE_ERROR, code, "");
}

gboolean
lc_routine_id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_LENGTH || !g_ascii_islower (id[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
      return FALSE;

  return TRUE;
}

/* Trim, and turn runs of white space into one space: what xgettext does with
 * the text of the ITS rules, so that the translation lookups match. */
char *
lc_routine_normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The "what" of an error message: the routine, or the step within it. */
static char *
where (ParseState *state)
{
  if (state->step != NULL && state->step->id != NULL)
    /* Translators: the place of an error in a routine file */
    return g_strdup_printf (_("step “%s”: "), state->step->id);

  return g_strdup ("");
}

static gboolean
parse_uint (ParseState  *state,
            const char  *attribute,
            const char  *value,
            guint        min,
            guint        max,
            const char  *unit_hint,
            guint       *out,
            GError     **error)
{
  guint64 number;
  g_autofree char *prefix = where (state);

  if (!g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    {
      set_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
                 /* Translators: e.g. step “heel-raises”: pace must be a whole number from 1 to 60 (seconds per repetition), not “0” */
                 _("%s%s must be a whole number from %u to %u (%s), not “%s”"),
                 prefix, attribute, min, max, unit_hint, value);
      return FALSE;
    }

  *out = (guint) number;
  return TRUE;
}

/* An illustration name: letters, digits, "-" and "_", as the built-in
 * ones are named. */
static gboolean
illustration_name_is_valid (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* A name this version does not know is kept: a routine from a newer
 * version (or written for one) loads, and its step shows a placeholder. */
static gboolean
check_illustration (ParseState  *state,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *prefix = where (state);

  if (!illustration_name_is_valid (name))
    {
      set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ILLUSTRATION,
                 /* Translators: e.g. step “x”: “../x” is not an illustration name; … */
                 _("%s“%s” is not an illustration name; use the name of a built-in illustration, such as “%s”"),
                 prefix, name, state->self->example_illustration != NULL ? state->self->example_illustration
                                                                         : "ankle-circles");
      return FALSE;
    }

  if (state->self->illustrations != NULL && !g_hash_table_contains (state->self->illustrations, name)
      && !g_ptr_array_find_with_equal_func (state->missing, name, g_str_equal, NULL))
    g_ptr_array_add (state->missing, g_strdup (name));

  return TRUE;
}

/* A step's own picture: a plain file name in the pictures folder (never a
 * path), which must be there; in a shared routine, in the file itself
 * (checked at its end). */
static gboolean
check_picture (ParseState  *state,
               const char  *name,
               GError     **error)
{
  g_autofree char *prefix = where (state);
  g_autoptr(GFile) file = NULL;

  if (!lc_picture_name_is_valid (name))
    {
      set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                 /* Translators: e.g. step “x”: “../photo.png” is not a picture name: … */
                 _("%s“%s” is not a picture name: use the name of a PNG, JPEG or SVG file in the pictures folder, in lowercase letters, digits, dots, dashes and underscores, without a folder"),
                 prefix, name);
      return FALSE;
    }

  state->step->picture = g_strdup (name);
  if (state->shared || state->self->picture_dir == NULL)
    return TRUE;

  file = g_file_get_child (state->self->picture_dir, name);
  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *folder = g_file_get_path (state->self->picture_dir);

      set_error (state, error, LC_ROUTINE_ERROR_MISSING,
                 /* Translators: e.g. step “x”: the picture “a.png” is not in /home/…/pictures: … */
                 _("%sthe picture “%s” is not in %s: put it there, or choose another picture for the step"),
                 prefix, name, folder);
      return FALSE;
    }
  state->step->picture_path = g_file_get_path (file);

  return TRUE;
}

static gboolean
check_attributes (ParseState   *state,
                  const char   *element,
                  const char  **names,
                  const char  **allowed,
                  GError      **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains (allowed, names[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) allowed);

        set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                   /* Translators: e.g. <step> has no attribute “speed”; it can have: id, illustration, duration */
                   _("<%s> has no attribute “%s”; it can have: %s"),
                   element, names[i], list);
        ok = FALSE;
      }

  return ok;
}

static const char *
lookup_attribute (const char **names,
                  const char **values,
                  const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

static void
start_routine (ParseState   *state,
               const char  **names,
               const char  **values,
               GError      **error)
{
  static const char *allowed[] = { "id", "version", "illustration", NULL };
  const char *id;
  const char *version;
  const char *illustration;

  check_attributes (state, "routine", names, allowed, error);

  id = lookup_attribute (names, values, "id");
  version = lookup_attribute (names, values, "version");
  illustration = lookup_attribute (names, values, "illustration");

  if (id == NULL)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("<routine> has no id: add id=\"…\" with lowercase letters, digits and dashes"));
  else if (!lc_routine_id_is_valid (id))
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("the routine id “%s” is not valid: use 1 to 64 lowercase letters, digits and dashes, starting with a letter"),
               id);
  else
    state->routine->id = g_strdup (id);

  if (version == NULL)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("<routine> has no version: add version=\"1\""));
  else if (!g_str_equal (version, "1"))
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("routine format version “%s” is not known: this version of Leg Care reads version 1"),
               version);

  if (illustration != NULL && check_illustration (state, illustration, error))
    state->routine->illustration = g_strdup (illustration);
}

static void
start_step (ParseState   *state,
            const char  **names,
            const char  **values,
            GError      **error)
{
  static const char *allowed[] = { "id", "illustration", "picture", "duration", "repetitions", "pace", "sides", "rest", NULL };
  LcStep *step;
  const char *id = lookup_attribute (names, values, "id");
  const char *illustration = lookup_attribute (names, values, "illustration");
  const char *picture = lookup_attribute (names, values, "picture");
  const char *duration = lookup_attribute (names, values, "duration");
  const char *repetitions = lookup_attribute (names, values, "repetitions");
  const char *pace = lookup_attribute (names, values, "pace");
  const char *sides = lookup_attribute (names, values, "sides");
  const char *rest = lookup_attribute (names, values, "rest");
  g_autofree char *name = NULL;   /* the step in messages: its id, or its number */

  check_attributes (state, "step", names, allowed, error);

  /* Told once, at the first step too many */
  if (state->routine->steps->len == LC_ROUTINE_MAX_STEPS)
    set_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
               _("a routine can have at most %d steps: split it into two routines"),
               LC_ROUTINE_MAX_STEPS);

  /* The step is read on whatever is wrong with it, so that the problems
   * of its contents are told too */
  step = g_object_new (LC_TYPE_STEP, NULL);
  state->step = step;
  state->sides_invalid = FALSE;
  g_ptr_array_add (state->routine->steps, step);

  if (id == NULL)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("step %u has no id: add id=\"…\" with lowercase letters, digits and dashes"),
               state->routine->steps->len);
  else if (!lc_routine_id_is_valid (id))
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("the step id “%s” is not valid: use 1 to 64 lowercase letters, digits and dashes, starting with a letter"),
               id);
  else
    {
      step->id = g_strdup (id);
      if (g_hash_table_contains (state->step_ids, id))
        set_error (state, error, LC_ROUTINE_ERROR_DUPLICATE,
                   _("there is already a step with the id “%s”: give each step its own id"),
                   id);
      else
        g_hash_table_add (state->step_ids, step->id);
    }
  name = step->id != NULL ? g_strdup (step->id) : g_strdup_printf ("%u", state->routine->steps->len);

  if (illustration != NULL && picture != NULL)
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("step “%s” has both an illustration and a picture: keep one of the two"),
               name);
  else if (illustration == NULL && picture == NULL)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("step “%s” has no illustration: add illustration=\"…\" with the name of a built-in illustration"),
               name);
  else if (illustration != NULL)
    {
      if (check_illustration (state, illustration, error))
        step->illustration = g_strdup (illustration);
    }
  else
    check_picture (state, picture, error);

  if (duration != NULL && (repetitions != NULL || pace != NULL))
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("step “%s” has both a duration and repetitions: give either duration=\"seconds\", or repetitions=\"count\" with pace=\"seconds\""),
               name);
  else if (duration == NULL && repetitions == NULL && pace == NULL)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("step “%s” has no timing: add duration=\"seconds\", or repetitions=\"count\" with pace=\"seconds\""),
               name);
  else if (duration == NULL && (repetitions == NULL || pace == NULL))
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("step “%s” needs both repetitions=\"count\" and pace=\"seconds per repetition\""),
               name);

  if (duration != NULL)
    parse_uint (state, "duration", duration, 1, LC_STEP_MAX_SECONDS, _("seconds, up to an hour"), &step->duration, error);
  if (repetitions != NULL)
    parse_uint (state, "repetitions", repetitions, 1, LC_STEP_MAX_REPETITIONS, _("times"), &step->repetitions, error);
  if (pace != NULL)
    parse_uint (state, "pace", pace, 1, LC_STEP_MAX_PACE, _("seconds per repetition"), &step->pace, error);
  if (step->repetitions * step->pace > LC_STEP_MAX_SECONDS)
    {
      set_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
                 _("step “%s” takes %u seconds; a step can take at most an hour (3600 seconds): use fewer repetitions"),
                 name, step->repetitions * step->pace);
      /* Told once: not again as the routine's length */
      step->repetitions = step->pace = 0;
    }

  if (sides == NULL || g_str_equal (sides, "none"))
    step->sides = LC_SIDES_NONE;
  else if (g_str_equal (sides, "both"))
    step->sides = LC_SIDES_BOTH;
  else
    {
      set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                 _("step “%s”: sides must be “both” (left leg, then right) or “none”, not “%s”"),
                 name, sides);
      state->sides_invalid = TRUE;
    }

  if (rest != NULL)
    parse_uint (state, "rest", rest, 1, LC_STEP_MAX_REST, _("seconds of rest after the step"), &step->rest, error);
}

static const TextField *
find_text_field (const char *element,
                 gboolean    in_step)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (text_fields[i].in_step == in_step && g_str_equal (text_fields[i].element, element))
      return &text_fields[i];

  return NULL;
}

static char **
field_slot (ParseState      *state,
            const TextField *field)
{
  gpointer object = field->in_step ? (gpointer) state->step : (gpointer) state->routine;

  return G_STRUCT_MEMBER_P (object, field->offset);
}

static void
start_shared (ParseState   *state,
              const char   *element,
              const char  **names,
              const char  **values,
              GError      **error)
{
  static const char *allowed[] = { "version", NULL };
  const char *version;

  if (!g_str_equal (element, "legcare-routine"))
    {
      set_fatal_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                 _("this is not a shared Leg Care routine: the file must start with <legcare-routine>, not <%s>"),
                 element);
      return;
    }
  check_attributes (state, "legcare-routine", names, allowed, error);

  version = lookup_attribute (names, values, "version");
  if (g_strcmp0 (version, "1") != 0)
    set_error (state, error, LC_ROUTINE_ERROR_INVALID,
               _("shared routine version “%s” is not known: this version of Leg Care reads version 1"),
               version != NULL ? version : "");
}

/* A refused <picture> is not read: its contents are skipped */
static void
start_picture (ParseState   *state,
               const char  **names,
               const char  **values,
               GError      **error)
{
  static const char *allowed[] = { "name", NULL };
  const char *name;

  check_attributes (state, "picture", names, allowed, error);

  /* GMarkup reads on after the root element: only <legcare-routine>'s own */
  if (g_slist_length ((GSList *) g_markup_parse_context_get_element_stack (state->context)) != 2)
    {
      set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                 _("<picture> comes after </legcare-routine>: everything belongs inside <legcare-routine>"));
      state->skip = 1;
      return;
    }

  name = lookup_attribute (names, values, "name");
  if (name == NULL || !lc_picture_name_is_valid (name))
    {
      set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                 _("“%s” is not a picture name: a picture is named like “knee.png”, without a folder"),
                 name != NULL ? name : "");
      state->skip = 1;
      return;
    }
  if (g_hash_table_contains (state->pictures, name))
    {
      set_error (state, error, LC_ROUTINE_ERROR_DUPLICATE,
                 _("there is already a picture named “%s”: give each picture its own name"),
                 name);
      state->skip = 1;
      return;
    }
  if (g_hash_table_size (state->pictures) >= LC_ROUTINE_MAX_STEPS)
    {
      /* Not read on: each would cost a decode */
      set_fatal_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
                       _("the file holds more than %d pictures; a routine can show at most one per step"),
                       LC_ROUTINE_MAX_STEPS);
      return;
    }

  g_set_str (&state->picture_name, name);
  state->leaf = g_intern_static_string ("picture");
  state->field = NULL;
  g_string_truncate (state->text, 0);
}

/* The base64 text of a <picture>: only its alphabet, padded, and a picture
 * that passes lc_picture_check() once decoded. */
static gboolean
end_picture (ParseState  *state,
             GError     **error)
{
  g_autoptr(GString) clean = g_string_sized_new (state->text->len);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) picture_error = NULL;
  guchar *decoded;
  gsize decoded_length;
  gsize padding = 0;
  guint width = 0, height = 0;

  for (gsize i = 0; i < state->text->len; i++)
    {
      char c = state->text->str[i];

      if (g_ascii_isspace (c))
        continue;
      if ((g_ascii_isalnum (c) || c == '+' || c == '/') && padding == 0)
        g_string_append_c (clean, c);
      else if (c == '=' && padding < 2)
        {
          g_string_append_c (clean, c);
          padding++;
        }
      else
        {
          clean->len = 0;
          break;
        }
    }

  if (clean->len == 0 || clean->len % 4 != 0)
    {
      set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                 _("the picture “%s” is not valid base64 text: export the routine again"),
                 state->picture_name);
      return FALSE;
    }

  decoded = g_base64_decode (clean->str, &decoded_length);
  bytes = g_bytes_new_take (decoded, decoded_length);
  if (!lc_picture_check (bytes, NULL, &width, &height, &picture_error))
    {
      set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                 /* Translators: the picture's name, then why it is refused */
                 _("the picture “%s” is refused: %s"),
                 state->picture_name, picture_error->message);
      return FALSE;
    }

  /* A budget for the whole file, checked before anything is decoded */
  state->pixels += (guint64) width * height;
  if (state->pixels > LC_ROUTINE_SHARE_MAX_PIXELS)
    {
      set_fatal_error (state, error, LC_ROUTINE_ERROR_TOO_LARGE,
                 _("the pictures hold more than %u million pixels in all; a shared routine can hold at most %u "
                   "million: export it again with smaller pictures"),
                 LC_ROUTINE_SHARE_MAX_PIXELS / (1000 * 1000), LC_ROUTINE_SHARE_MAX_PIXELS / (1000 * 1000));
      return FALSE;
    }

  g_hash_table_insert (state->pictures, g_steal_pointer (&state->picture_name), g_steal_pointer (&bytes));
  return TRUE;
}

/* A shared file's end: every picture a step names is in it. */
static gboolean
end_shared (ParseState  *state,
            GError     **error)
{
  gboolean ok = TRUE;

  if (!state->routine_done)
    {
      set_error (state, error, LC_ROUTINE_ERROR_MISSING,
                 _("the file holds no <routine>: export the routine again"));
      return FALSE;
    }

  for (guint i = 0; i < state->routine->steps->len; i++)
    {
      LcStep *step = g_ptr_array_index (state->routine->steps, i);

      if (step->picture != NULL && !g_hash_table_contains (state->pictures, step->picture))
        {
          set_error (state, error, LC_ROUTINE_ERROR_MISSING,
                     _("step “%s” shows the picture “%s”, which is not in the file: export the routine again"),
                     step->id != NULL ? step->id : "", step->picture);
          ok = FALSE;
        }
    }

  return ok;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const TextField *field;

  /* A refused element is told once, not everything inside it */
  if (state->skip > 0)
    {
      state->skip++;
      return;
    }

  if (state->leaf != NULL)
    {
      set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                 _("<%s> holds text only, not <%s>: remove the element or the tags around the text"),
                 state->leaf, element);
      state->skip = 1;
      return;
    }

  if (!state->seen_root)
    {
      state->seen_root = TRUE;
      if (state->shared)
        {
          start_shared (state, element, names, values, error);
          return;
        }
      if (!g_str_equal (element, "routine"))
        {
          set_fatal_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                     _("this is not a routine: the file must start with <routine>, not <%s>"),
                     element);
          return;
        }
      state->routine_open = TRUE;
      start_routine (state, names, values, error);
      return;
    }

  if (!state->routine_open && !state->shared)
    {
      set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                 _("<%s> comes after </routine>: everything belongs inside <routine>"),
                 element);
      state->skip = 1;
      return;
    }
  if (!state->routine_open)
    {
      /* Inside <legcare-routine>, around the routine */
      if (g_str_equal (element, "routine") && !state->routine_done)
        {
          state->routine_open = TRUE;
          start_routine (state, names, values, error);
        }
      else if (g_str_equal (element, "routine"))
        {
          set_error (state, error, LC_ROUTINE_ERROR_DUPLICATE,
                     _("the file holds a second <routine>: a shared file holds one routine"));
          state->skip = 1;
        }
      else if (g_str_equal (element, "picture"))
        start_picture (state, names, values, error);
      else
        {
          set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
                     _("<legcare-routine> cannot contain <%s>; it can contain: <routine>, <picture>"),
                     element);
          state->skip = 1;
        }
      return;
    }

  if (state->step == NULL && g_str_equal (element, "step"))
    {
      start_step (state, names, values, error);
      return;
    }

  field = find_text_field (element, state->step != NULL);
  if (field != NULL || (state->step == NULL && (g_str_equal (element, "category") ||
                                                g_str_equal (element, "caution"))))
    {
      if (names[0] != NULL)
        set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
                   _("<%s> has no attribute “%s”; it has no attributes"),
                   element, names[0]);
      /* The second one is not read: its problems would be noise */
      if (field != NULL && *field_slot (state, field) != NULL)
        {
          g_autofree char *prefix = where (state);

          set_error (state, error, LC_ROUTINE_ERROR_DUPLICATE,
                     _("%s<%s> is given twice: keep one"), prefix, element);
          state->skip = 1;
          return;
        }
      if (g_str_equal (element, "category") && state->have_category)
        {
          set_error (state, error, LC_ROUTINE_ERROR_DUPLICATE,
                     _("<category> is given twice: keep one"));
          state->skip = 1;
          return;
        }

      state->leaf = g_intern_string (element);
      state->field = field;
      g_string_truncate (state->text, 0);
      return;
    }

  if (state->step != NULL)
    set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
               _("<step> cannot contain <%s>; it can contain: <title>, <instruction>, <cue>, <cue-switch>, <cue-halfway>"),
               element);
  else
    set_error (state, error, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
               _("<routine> cannot contain <%s>; it can contain: <name>, <summary>, <category>, <caution>, <step>"),
               element);
  state->skip = 1;
}

static gboolean
check_required_fields (ParseState  *state,
                       gboolean     in_step,
                       GError     **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];

      if (field->in_step != in_step || !field->required || *field_slot (state, field) != NULL)
        continue;

      if (in_step)
        set_error (state, error, LC_ROUTINE_ERROR_MISSING,
                   _("step “%s” has no <%s>: add %s"),
                   state->step->id != NULL ? state->step->id : "", field->element, _(field->what));
      else
        set_error (state, error, LC_ROUTINE_ERROR_MISSING,
                   _("the routine has no <%s>: add %s"),
                   field->element, _(field->what));
      ok = FALSE;
    }

  return ok;
}

static gboolean
end_leaf (ParseState  *state,
          GError     **error)
{
  g_autofree char *text = lc_routine_normalize_text (state->text->str);
  g_autofree char *prefix = where (state);
  const char *element = state->leaf;
  guint max_chars = state->field != NULL ? state->field->max_chars : CAUTION_MAX_CHARS;
  glong length = g_utf8_strlen (text, -1);

  state->leaf = NULL;

  if (g_str_equal (element, "category"))
    {
      /* Given, if wrong: not told again as missing */
      state->have_category = TRUE;
      if (!lc_category_from_string (text, &state->routine->category))
        {
          set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                     _("the category must be massage, elevation, stretching or mixed, not “%s”"),
                     text);
          return FALSE;
        }
      return TRUE;
    }

  if (*text == '\0')
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("%s<%s> is empty: write its text, or remove it if it is optional"),
               prefix, element);
  else if (length > max_chars)
    set_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
               _("%s<%s> is %ld characters long; keep it to %u"),
               prefix, element, length, max_chars);
  if (*text == '\0' || length > max_chars)
    {
      /* Given, if wrong: not told again as missing (the routine is
       * refused all the same) */
      if (state->field != NULL)
        *field_slot (state, state->field) = g_steal_pointer (&text);
      return FALSE;
    }

  /* What the user acknowledges is the caution as written: a new
   * translation, or another language, is not a new caution. */
  if (state->field == NULL)
    g_checksum_update (state->cautions_checksum, (const guchar *) text, strlen (text) + 1);

  if (state->origin == LC_ROUTINE_ORIGIN_BUILTIN)
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (translated != text)
        {
          g_free (text);
          text = g_strdup (translated);
        }
    }

  if (state->field == NULL)
    g_ptr_array_add (state->cautions, g_steal_pointer (&text));
  else
    *field_slot (state, state->field) = g_steal_pointer (&text);

  return TRUE;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (state->skip > 0)
    {
      state->skip--;
      return;
    }

  if (state->leaf != NULL && state->field == NULL && g_str_equal (state->leaf, "picture"))
    {
      state->leaf = NULL;
      end_picture (state, error);
      return;
    }
  if (state->leaf != NULL)
    {
      end_leaf (state, error);
      return;
    }

  if (g_str_equal (element, "step"))
    {
      check_required_fields (state, TRUE, error);
      if (state->step->sides != LC_SIDES_BOTH && state->step->cue_switch != NULL && !state->sides_invalid)
        set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                   _("step “%s” has a <cue-switch> but is not done per side: add sides=\"both\" or remove <cue-switch>"),
                   state->step->id != NULL ? state->step->id : "");
      state->step = NULL;
      return;
    }

  if (!state->routine_open)
    {
      /* </legcare-routine> */
      end_shared (state, error);
      return;
    }

  /* </routine> */
  state->routine_open = FALSE;
  state->routine_done = TRUE;
  check_required_fields (state, FALSE, error);
  if (!state->have_category)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("the routine has no <category>: add one of massage, elevation, stretching, mixed"));
  if (state->routine->steps->len == 0)
    set_error (state, error, LC_ROUTINE_ERROR_MISSING,
               _("the routine has no steps: add at least one <step>"));
  if (lc_routine_get_duration (state->routine) > LC_ROUTINE_MAX_SECONDS)
    {
      guint minutes = (lc_routine_get_duration (state->routine) + 59) / 60;

      set_error (state, error, LC_ROUTINE_ERROR_OUT_OF_RANGE,
                 _("the routine takes %u min; it can take at most 2 hours (120 min): shorten or remove steps"),
                 minutes);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->skip > 0)
    return;

  if (state->leaf != NULL)
    {
      /* Base64 is 4 characters for 3 bytes; allow a line break every 76. */
      if (state->picture_name != NULL &&
          state->text->len + length > (gsize) LC_PICTURE_MAX_BYTES / 3 * 4 * 78 / 76 + 4)
        {
          set_fatal_error (state, error, LC_ROUTINE_ERROR_TOO_LARGE,
                     _("the picture “%s” is larger than %d MiB: use a smaller picture in the routine and export it again"),
                     state->picture_name, LC_PICTURE_MAX_BYTES / 1024 / 1024);
          return;
        }
      g_string_append_len (state->text, text, length);
      return;
    }

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        g_autofree char *snippet = g_utf8_make_valid (text + i, MIN (length - i, 20));

        set_error (state, error, LC_ROUTINE_ERROR_INVALID,
                   _("unexpected text “%s”: text belongs inside an element such as <title>"),
                   g_strstrip (snippet));
        return;
      }
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

static LcRoutine *
parse (LcRoutineLoader  *self,
       const char       *data,
       gsize             length,
       const char       *file_name,
       LcRoutineOrigin   origin,
       GHashTable      **pictures,
       GError          **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(GPtrArray) cautions = NULL;
  g_autoptr(GChecksum) cautions_checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) step_ids = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) picture_table = NULL;
  g_autoptr(GString) text_buffer = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gsize max_size = pictures != NULL ? LC_ROUTINE_SHARE_MAX_FILE_SIZE : LC_ROUTINE_MAX_FILE_SIZE;
  ParseState state = { 0 };

  if (length > max_size)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      if (pictures != NULL)
        lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE,
                     /* Translators: %s is the file, then its size, e.g. "41.0 MiB" */
                     _("%s:1:1: the file is %s; a shared routine can be at most 40 MiB"),
                     file_name, size);
      else
        lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE,
                     /* Translators: %s is the file, then its size, e.g. "1.0 MiB" */
                     _("%s:1:1: the file is %s; a routine file can be at most 1 MiB"),
                     file_name, size);
      return NULL;
    }

  routine = g_object_new (LC_TYPE_ROUTINE, NULL);
  cautions = g_ptr_array_new_with_free_func (g_free);
  step_ids = g_hash_table_new (g_str_hash, g_str_equal);
  picture_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  text_buffer = g_string_new (NULL);

  state.self = self;
  state.data = data;
  state.length = length;
  state.file_name = file_name;
  state.origin = origin;
  state.routine = routine;
  state.cautions = cautions;
  state.cautions_checksum = cautions_checksum;
  state.step_ids = step_ids;
  state.missing = missing;
  state.problems = problems;
  state.text = text_buffer;
  state.shared = pictures != NULL;
  state.pictures = picture_table;
  state.context = context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                        &state, NULL);

  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (state.too_many)
        {
          g_autofree char *line = NULL;

          /* Translators: %s is the file, %d the number of problems shown before this line */
          line = g_strdup_printf (_("%s: more problems after these %d; the file was not read further"),
                                  file_name, MAX_PROBLEMS);
          add_problem_line (&state, line);
        }
      else if (local_error->domain != LC_ROUTINE_ERROR)
        {
          g_autofree char *line = NULL;
          int line_number = 0;
          int column = 0;

          g_markup_parse_context_get_position (context, &line_number, &column);
          if (problems->len == 0)
            state.first_code = LC_ROUTINE_ERROR_MALFORMED;
          line = g_strdup_printf (/* Translators: the last %s is the XML parser's own message */
                                  _("%s:%d:%d: this is not well-formed XML (%s): check that every element is closed and every attribute quoted"),
                                  file_name, line_number, column, local_error->message);
          add_problem_line (&state, line);
        }
      /* else: a problem after which the file cannot be read on, already told */
    }
  g_clear_pointer (&state.picture_name, g_free);

  /* Every problem, one a line, in the order of the file; the error's code
   * is the first one's */
  if (problems->len > 0)
    {
      g_autofree char *message = NULL;

      g_ptr_array_add (problems, NULL);
      message = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, LC_ROUTINE_ERROR, state.first_code, message);
      return NULL;
    }

  if (cautions->len > 0)
    routine->cautions_digest = g_strdup (g_checksum_get_string (cautions_checksum));
  g_ptr_array_add (cautions, NULL);
  routine->cautions = (GStrv) g_ptr_array_free (g_steal_pointer (&cautions), FALSE);
  if (missing->len > 0)
    {
      g_ptr_array_add (missing, NULL);
      routine->missing_illustrations = (GStrv) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
    }
  routine->origin = origin;
  routine->source = g_strdup (file_name);

  if (pictures != NULL)
    *pictures = g_steal_pointer (&picture_table);

  return g_steal_pointer (&routine);
}

/**
 * lc_routine_loader_parse:
 * @self: the loader
 * @data: the file's contents
 * @length: their length
 * @file_name: how to name the file in error messages
 * @origin: built-in routines are translated, users' are shown as written
 * @error: return location for an error in %LC_ROUTINE_ERROR
 *
 * Returns: (transfer full): the routine, or %NULL with @error set
 */
LcRoutine *
lc_routine_loader_parse (LcRoutineLoader  *self,
                         const char       *data,
                         gsize             length,
                         const char       *file_name,
                         LcRoutineOrigin   origin,
                         GError          **error)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  return parse (self, data, length, file_name, origin, NULL, error);
}

/**
 * lc_routine_loader_parse_shared:
 * @self: the loader
 * @data: the contents of a shared routine (`.legcare-routine`)
 * @length: their length
 * @file_name: how to name the file in error messages
 * @pictures: (out) (transfer full): the pictures the file holds, by name
 *   (#GBytes, each passed lc_picture_check())
 * @error: return location for an error in %LC_ROUTINE_ERROR
 *
 * Reads a routine as shared in one file: the routine, checked as strictly
 * as a routine file, and the pictures its steps show. The steps' pictures
 * have names but no paths.
 *
 * Returns: (transfer full): the routine, or %NULL with @error set
 */
LcRoutine *
lc_routine_loader_parse_shared (LcRoutineLoader  *self,
                                const char       *data,
                                gsize             length,
                                const char       *file_name,
                                GHashTable      **pictures,
                                GError          **error)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (pictures != NULL, NULL);

  return parse (self, data, length, file_name, LC_ROUTINE_ORIGIN_USER, pictures, error);
}

/**
 * lc_routine_loader_load_file:
 * @self: the loader
 * @file: a user's routine file
 * @error: return location for an error in %LC_ROUTINE_ERROR
 *
 * Returns: (transfer full): the routine, or %NULL with @error set
 */
LcRoutine *
lc_routine_loader_load_file (LcRoutineLoader  *self,
                             GFile            *file,
                             GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);

  /* Check the size before reading, so that a huge file is never loaded. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > LC_ROUTINE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);

      lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE,
                   _("%s:1:1: the file is %s; a routine file can be at most 1 MiB"),
                   path, size);
      return NULL;
    }

  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      lc_set_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_IO,
                   _("%s:1:1: the file could not be read: %s"), path, local_error->message);
      return NULL;
    }

  return lc_routine_loader_parse (self, contents, length, path, LC_ROUTINE_ORIGIN_USER, error);
}

/**
 * lc_routine_loader_set_picture_dir:
 * @self: the loader
 * @dir: (nullable): the folder of the pictures users' steps show
 *
 * With a folder, a user's routine whose step shows a picture that is not
 * there is refused; without, picture names are only checked for form.
 */
void
lc_routine_loader_set_picture_dir (LcRoutineLoader *self,
                                   GFile           *dir)
{
  g_return_if_fail (LC_IS_ROUTINE_LOADER (self));
  g_return_if_fail (dir == NULL || G_IS_FILE (dir));

  g_set_object (&self->picture_dir, dir);
}

/**
 * lc_routine_loader_get_picture_dir:
 *
 * Returns: (transfer none) (nullable): the folder set with
 *   lc_routine_loader_set_picture_dir()
 */
GFile *
lc_routine_loader_get_picture_dir (LcRoutineLoader *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_LOADER (self), NULL);
  return self->picture_dir;
}

static void
lc_routine_loader_finalize (GObject *object)
{
  LcRoutineLoader *self = LC_ROUTINE_LOADER (object);

  g_clear_object (&self->picture_dir);

  g_clear_pointer (&self->illustrations, g_hash_table_unref);
  g_free (self->example_illustration);

  G_OBJECT_CLASS (lc_routine_loader_parent_class)->finalize (object);
}

static void
lc_routine_loader_class_init (LcRoutineLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lc_routine_loader_finalize;
}

static void
lc_routine_loader_init (LcRoutineLoader *self)
{
}

/**
 * lc_routine_loader_new:
 * @illustrations: (nullable) (array zero-terminated=1): the names of the
 *   illustrations routines may use; %NULL accepts any name
 *
 * Returns: (transfer full): a new loader
 */
LcRoutineLoader *
lc_routine_loader_new (const char * const *illustrations)
{
  LcRoutineLoader *self = g_object_new (LC_TYPE_ROUTINE_LOADER, NULL);

  if (illustrations != NULL)
    {
      self->illustrations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; illustrations[i] != NULL; i++)
        {
          g_hash_table_add (self->illustrations, g_strdup (illustrations[i]));
          if (self->example_illustration == NULL || strcmp (illustrations[i], self->example_illustration) < 0)
            g_set_str (&self->example_illustration, illustrations[i]);
        }
    }

  return self;
}
