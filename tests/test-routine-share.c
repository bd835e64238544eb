/* test-routine-share.c: the routine editor's draft, and routines shared as one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why one file of some 2,000 lines: a draft is what a shared routine is
 * read into and written from, and both halves use the same fixture (a
 * private folder of routines and pictures) and the same hostile inputs.
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lc-picture.h"
#include "lc-routine-draft.h"
#include "lc-routine-library.h"
#include "lc-routine-loader.h"
#include "lc-routine-share.h"
#include "lc-test-png.h"
#include "lc-test-util.h"

static const char *illustrations[] = { "ankle-circles", "breathing", "heel-raises", NULL };

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define SHARED_NAME "shared.legcare-routine"

/* --- Pictures, made here ----------------------------------------------------- */

/* A PNG of @width × @height, 8-bit RGB. Its image data is that of one red
 * pixel (only the headers are ever checked); @padding bytes of a private
 * ancillary chunk ("leGc") make it larger. */
static GBytes *
make_png (guint32 width,
          guint32 height,
          gsize   padding)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* zlib, one stored block: filter 0, then R G B; then the Adler-32 */
  static const guint8 idat[] = { 0x78, 0x01, 0x01, 0x04, 0x00, 0xfb, 0xff,
                                 0x00, 0xff, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00 };
  GByteArray *png = g_byte_array_new ();
  GByteArray *ihdr = g_byte_array_new ();
  static const guint8 format[5] = { 8, 2, 0, 0, 0 };

  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, format, 5);

  g_byte_array_append (png, signature, 8);
  append_chunk (png, "IHDR", ihdr->data, ihdr->len);
  if (padding > 0)
    {
      g_autofree guint8 *zeros = g_malloc0 (padding);

      append_chunk (png, "leGc", zeros, padding);
    }
  append_chunk (png, "IDAT", idat, sizeof idat);
  append_chunk (png, "IEND", NULL, 0);

  g_byte_array_unref (ihdr);
  return g_byte_array_free_to_bytes (png);
}

#define PNG_SIZE(padding) (8 + 25 + ((padding) > 0 ? 12 + (padding) : 0) + 12 + 15 + 12)

static const char svg[] =
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
  "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"teal\"/></svg>\n";

/* "Billion laughs": 10⁹ "lol"s from a few hundred bytes, in a parser that
 * expands entities. */
static const char svg_laughs[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE svg [\n"
  "  <!ENTITY lol \"lol\">\n"
  "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
  "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
  "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
  "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
  "  <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
  "  <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
  "  <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
  "  <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
  "  <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
  "]>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol9;</text></svg>\n";

static GBytes *
bytes_for (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

/* Base64 in lines of 76, as lc_routine_share_write() writes it */
static char *
base64_lines (GBytes *bytes)
{
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  GString *out = g_string_new (NULL);
  gsize length = strlen (base64);

  for (gsize at = 0; at < length; at += 76)
    g_string_append_printf (out, "%.*s\n", (int) MIN (76, length - at), base64 + at);
  return g_string_free (out, FALSE);
}

static char *
picture_element (const char *name,
                 GBytes     *bytes)
{
  g_autofree char *lines = base64_lines (bytes);

  return g_strdup_printf ("  <picture name=\"%s\">\n%s  </picture>\n", name, lines);
}

/* --- Folders ------------------------------------------------------------------ */

typedef struct
{
  char            *path;
  GFile           *dir;       /* the test's own folder, removed afterwards */
  GFile           *routines;  /* <dir>/routines, empty */
  GFile           *pictures;  /* <dir>/pictures, empty */
  LcRoutineLoader *loader;    /* the illustrations above, no pictures folder */
  LcRoutineLibrary *library;  /* of the routines folder; nothing read until loaded */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = g_dir_make_tmp ("test-routine-share-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_file_new_for_path (f->path);
  f->routines = g_file_get_child (f->dir, "routines");
  f->pictures = g_file_get_child (f->dir, "pictures");
  g_assert_true (g_file_make_directory (f->routines, NULL, NULL));
  g_assert_true (g_file_make_directory (f->pictures, NULL, NULL));
  f->loader = lc_routine_loader_new (illustrations);
  f->library = lc_routine_library_new (f->loader, NULL, f->routines, f->pictures);
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFileEnumerator) children = NULL;
      GFile *child;

      children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
      g_assert_no_error (error);
      while (g_file_enumerator_iterate (children, NULL, &child, NULL, &error) && child != NULL)
        remove_recursively (child);
      g_assert_no_error (error);
    }

  g_file_delete (file, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_recursively (f->dir);
  g_clear_object (&f->library);
  g_clear_object (&f->loader);
  g_clear_object (&f->pictures);
  g_clear_object (&f->routines);
  g_clear_object (&f->dir);
  g_clear_pointer (&f->path, g_free);
}

/* The names in @dir, sorted and joined with spaces ("" if it is empty) */
static char *
list_dir (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
  while (g_file_enumerator_iterate (children, &info, NULL, NULL, &error) && info != NULL)
    g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
  g_assert_no_error (error);

  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

#define assert_dir_lists(dir, expected) \
  G_STMT_START { \
    g_autofree char *listed_ = list_dir (dir); \
    g_assert_cmpstr (listed_, ==, (expected)); \
  } G_STMT_END

static GFile *
write_file (GFile      *dir,
            const char *name,
            const void *contents,
            gsize       length)
{
  GFile *file = g_file_get_child (dir, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* --- Routines ----------------------------------------------------------------- */

/* Three steps: 15×2 = 30, (30·2 + 5) + 10 = 75, 45 s: 150 s. The last
 * shows a picture of the user's own. */
static const char *draft_xml =
  HEAD
  "<routine id=\"test\" version=\"1\" illustration=\"breathing\">\n"
  "  <name>Test   Routine</name>\n"
  "  <summary>For\n      testing &amp; sharing</summary>\n"
  "  <category>mixed</category>\n"
  "  <caution>Stop if it hurts.</caution>\n"
  "  <caution>Not with an open wound.</caution>\n"
  "  <step id=\"raise\" illustration=\"heel-raises\" repetitions=\"15\" pace=\"2\">\n"
  "    <title>Heel Raises</title>\n"
  "    <instruction>Lift both heels.</instruction>\n"
  "    <cue>Heel raises.</cue>\n"
  "  </step>\n"
  "  <step id=\"circles\" illustration=\"ankle-circles\" duration=\"30\" sides=\"both\" rest=\"10\">\n"
  "    <title>Ankle Circles</title>\n"
  "    <instruction>Circle the foot &lt;slowly&gt;.</instruction>\n"
  "    <cue>Ankle circles, left foot.</cue>\n"
  "    <cue-switch>Now the right foot.</cue-switch>\n"
  "    <cue-halfway>Halfway.</cue-halfway>\n"
  "  </step>\n"
  "  <step id=\"knee\" picture=\"knee.png\" duration=\"45\">\n"
  "    <title>Knee “Bends”</title>\n"
  "    <instruction>Bend the knee.</instruction>\n"
  "    <cue>Knee bends. Don't rush.</cue>\n"
  "    <cue-halfway>Keep going.</cue-halfway>\n"
  "  </step>\n"
  "</routine>\n";

/* What lc_routine_draft_to_xml() makes of it */
static const char *draft_xml_written =
  HEAD
  "<routine id=\"test\" version=\"1\" illustration=\"breathing\">\n"
  "  <name>Test Routine</name>\n"
  "  <summary>For testing &amp; sharing</summary>\n"
  "  <category>mixed</category>\n"
  "  <caution>Stop if it hurts.</caution>\n"
  "  <caution>Not with an open wound.</caution>\n"
  "  <step id=\"raise\" illustration=\"heel-raises\" repetitions=\"15\" pace=\"2\">\n"
  "    <title>Heel Raises</title>\n"
  "    <instruction>Lift both heels.</instruction>\n"
  "    <cue>Heel raises.</cue>\n"
  "  </step>\n"
  "  <step id=\"circles\" illustration=\"ankle-circles\" duration=\"30\" sides=\"both\" rest=\"10\">\n"
  "    <title>Ankle Circles</title>\n"
  "    <instruction>Circle the foot &lt;slowly&gt;.</instruction>\n"
  "    <cue>Ankle circles, left foot.</cue>\n"
  "    <cue-switch>Now the right foot.</cue-switch>\n"
  "    <cue-halfway>Halfway.</cue-halfway>\n"
  "  </step>\n"
  "  <step id=\"knee\" picture=\"knee.png\" duration=\"45\">\n"
  "    <title>Knee “Bends”</title>\n"
  "    <instruction>Bend the knee.</instruction>\n"
  "    <cue>Knee bends. Don&apos;t rush.</cue>\n"
  "    <cue-halfway>Keep going.</cue-halfway>\n"
  "  </step>\n"
  "</routine>\n";

static LcRoutine *
parse_routine (LcRoutineLoader *loader,
               const char      *xml)
{
  g_autoptr(GError) error = NULL;
  LcRoutine *routine = lc_routine_loader_parse (loader, xml, strlen (xml), "test.xml",
                                                LC_ROUTINE_ORIGIN_USER, &error);

  g_assert_no_error (error);
  g_assert_nonnull (routine);
  return routine;
}

/* A small valid routine file with @id */
static char *
simple_routine (const char *id)
{
  return g_strdup_printf (HEAD
                          "<routine id=\"%s\" version=\"1\">\n"
                          "  <name>Simple</name>\n"
                          "  <summary>Simple.</summary>\n"
                          "  <category>elevation</category>\n"
                          "  <step id=\"breathe\" illustration=\"breathing\" duration=\"60\">\n"
                          "    <title>Breathe</title>\n"
                          "    <instruction>Breathe in and out.</instruction>\n"
                          "    <cue>Breathe.</cue>\n"
                          "  </step>\n"
                          "</routine>\n", id);
}

/* Everything but the id, the source and the pictures' paths */
static void
assert_routines_equal (LcRoutine *a,
                       LcRoutine *b)
{
  g_assert_cmpstr (lc_routine_get_name (a), ==, lc_routine_get_name (b));
  g_assert_cmpstr (lc_routine_get_summary (a), ==, lc_routine_get_summary (b));
  g_assert_cmpint (lc_routine_get_category (a), ==, lc_routine_get_category (b));
  g_assert_true (g_strv_equal (lc_routine_get_cautions (a), lc_routine_get_cautions (b)));
  g_assert_cmpstr (lc_routine_get_illustration (a), ==, lc_routine_get_illustration (b));
  g_assert_cmpuint (lc_routine_get_duration (a), ==, lc_routine_get_duration (b));
  g_assert_cmpuint (lc_routine_get_n_steps (a), ==, lc_routine_get_n_steps (b));

  for (guint i = 0; i < lc_routine_get_n_steps (a); i++)
    {
      LcStep *x = lc_routine_get_step (a, i);
      LcStep *y = lc_routine_get_step (b, i);

      g_assert_cmpstr (lc_step_get_id (x), ==, lc_step_get_id (y));
      g_assert_cmpstr (lc_step_get_title (x), ==, lc_step_get_title (y));
      g_assert_cmpstr (lc_step_get_instruction (x), ==, lc_step_get_instruction (y));
      g_assert_cmpstr (lc_step_get_cue (x), ==, lc_step_get_cue (y));
      g_assert_cmpstr (lc_step_get_cue_switch (x), ==, lc_step_get_cue_switch (y));
      g_assert_cmpstr (lc_step_get_cue_halfway (x), ==, lc_step_get_cue_halfway (y));
      g_assert_cmpstr (lc_step_get_illustration (x), ==, lc_step_get_illustration (y));
      g_assert_cmpstr (lc_step_get_picture (x), ==, lc_step_get_picture (y));
      g_assert_cmpuint (lc_step_get_duration (x), ==, lc_step_get_duration (y));
      g_assert_cmpuint (lc_step_get_repetitions (x), ==, lc_step_get_repetitions (y));
      g_assert_cmpuint (lc_step_get_pace (x), ==, lc_step_get_pace (y));
      g_assert_cmpint (lc_step_get_sides (x), ==, lc_step_get_sides (y));
      g_assert_cmpuint (lc_step_get_rest (x), ==, lc_step_get_rest (y));
    }
}

/* A valid timed step: 30 s, a built-in illustration */
static LcStepFields
step_fields (const char *id,
             const char *title)
{
  LcStepFields fields = { 0 };

  fields.id = (char *) id;
  fields.title = (char *) title;
  fields.instruction = (char *) "Do it.";
  fields.cue = (char *) "Now.";
  fields.illustration = (char *) "breathing";
  fields.duration = 30;
  fields.repetitions = 10;
  fields.pace = 2;
  return fields;
}

static LcStepDraft *
step_new (const char *id,
          const char *title)
{
  LcStepFields fields = step_fields (id, title);

  return lc_step_draft_new (&fields);
}

static LcStepDraft *
step_at (LcRoutineDraft *draft,
         guint           position)
{
  LcStepDraft *step = g_list_model_get_item (lc_routine_draft_get_steps (draft), position);

  g_assert_nonnull (step);
  g_object_unref (step);  /* the draft keeps it */
  return step;
}

/* The steps' ids, joined with spaces */
static char *
step_ids (LcRoutineDraft *draft)
{
  GListModel *steps = lc_routine_draft_get_steps (draft);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    g_strv_builder_add (builder, lc_step_draft_get_fields (step_at (draft, i))->id);
  ids = g_strv_builder_end (builder);
  return g_strjoinv (" ", ids);
}

#define assert_step_ids(draft, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = step_ids (draft); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

/* A valid draft: a name, a summary, one step of 30 s */
static LcRoutineDraft *
valid_draft (void)
{
  LcRoutineDraft *draft = lc_routine_draft_new ();
  g_autoptr(LcStepDraft) step = step_new ("breathe", "Breathe");

  lc_routine_draft_set_id (draft, "mine");
  lc_routine_draft_set_name (draft, "My Routine");
  lc_routine_draft_set_summary (draft, "Mine.");
  lc_routine_draft_insert_step (draft, 0, step);
  return draft;
}

/* The problems, one a line: "step field: message" */
static char *
describe_problems (LcRoutineDraft *draft)
{
  g_autoptr(GPtrArray) problems = lc_routine_draft_check (draft);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      LcDraftProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "%d %s: %s\n", problem->step, problem->field, problem->message);
    }
  return g_string_free (out, FALSE);
}

#define assert_problems(draft, expected) \
  G_STMT_START { \
    g_autofree char *problems_ = describe_problems (draft); \
    g_assert_cmpstr (problems_, ==, (expected)); \
  } G_STMT_END

/* --- The draft ------------------------------------------------------------------- */

static void
test_draft_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LcRoutine) routine = parse_routine (f->loader, draft_xml);
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new_from_routine (routine);
  g_autoptr(LcRoutine) again = NULL;
  g_autofree char *xml = NULL;
  const LcStepFields *fields;
  const char *cautions[] = { "Stop if it hurts.", "Not with an open wound.", NULL };

  g_assert_cmpstr (lc_routine_draft_get_id (draft), ==, "test");
  g_assert_cmpstr (lc_routine_draft_get_name (draft), ==, "Test Routine");
  g_assert_cmpstr (lc_routine_draft_get_summary (draft), ==, "For testing & sharing");
  g_assert_cmpint (lc_routine_draft_get_category (draft), ==, LC_CATEGORY_MIXED);
  g_assert_true (g_strv_equal (lc_routine_draft_get_cautions (draft), cautions));
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_draft_get_steps (draft)), ==, 3);
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 30 + 75 + 45);
  g_assert_cmpuint (lc_routine_get_duration (routine), ==, 150);

  /* Counted: the timed fields get defaults, for when the user switches */
  fields = lc_step_draft_get_fields (step_at (draft, 0));
  g_assert_cmpstr (fields->id, ==, "raise");
  g_assert_cmpstr (fields->title, ==, "Heel Raises");
  g_assert_cmpstr (fields->instruction, ==, "Lift both heels.");
  g_assert_cmpstr (fields->cue, ==, "Heel raises.");
  g_assert_null (fields->cue_switch);
  g_assert_null (fields->cue_halfway);
  g_assert_cmpstr (fields->illustration, ==, "heel-raises");
  g_assert_null (fields->picture);
  g_assert_true (fields->counted);
  g_assert_cmpuint (fields->repetitions, ==, 15);
  g_assert_cmpuint (fields->pace, ==, 2);
  g_assert_cmpuint (fields->duration, ==, 30);
  g_assert_false (fields->per_side);
  g_assert_cmpuint (fields->rest, ==, 0);
  g_assert_cmpuint (lc_step_draft_get_total_seconds (step_at (draft, 0)), ==, 30);

  fields = lc_step_draft_get_fields (step_at (draft, 1));
  g_assert_cmpstr (fields->id, ==, "circles");
  g_assert_cmpstr (fields->instruction, ==, "Circle the foot <slowly>.");
  g_assert_cmpstr (fields->cue_switch, ==, "Now the right foot.");
  g_assert_cmpstr (fields->cue_halfway, ==, "Halfway.");
  g_assert_false (fields->counted);
  g_assert_cmpuint (fields->duration, ==, 30);
  g_assert_cmpuint (fields->repetitions, ==, 10);
  g_assert_cmpuint (fields->pace, ==, 2);
  g_assert_true (fields->per_side);
  g_assert_cmpuint (fields->rest, ==, 10);
  g_assert_cmpuint (lc_step_draft_get_total_seconds (step_at (draft, 1)), ==, 75);

  fields = lc_step_draft_get_fields (step_at (draft, 2));
  g_assert_cmpstr (fields->title, ==, "Knee “Bends”");
  g_assert_cmpstr (fields->cue, ==, "Knee bends. Don't rush.");
  g_assert_null (fields->illustration);
  g_assert_cmpstr (fields->picture, ==, "knee.png");
  g_assert_cmpuint (fields->duration, ==, 45);

  /* Written exactly so, and read back the same */
  xml = lc_routine_draft_to_xml (draft);
  g_assert_cmpstr (xml, ==, draft_xml_written);
  again = parse_routine (f->loader, xml);
  g_assert_cmpstr (lc_routine_get_id (again), ==, "test");
  assert_routines_equal (again, routine);

  /* A valid routine is a valid draft */
  assert_problems (draft, "");
}

static void
test_draft_step_ids (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new ();
  struct {
    const char *id;
    const char *title;
    guint       position;
    const char *ids;
  } inserts[] = {
    { "", "Heel Raises", 0, "heel-raises" },
    /* Taken: a new id from the title, and that is taken too */
    { "heel-raises", "Heel Raises", 1, "heel-raises heel-raises-2" },
    { NULL, "  Heel -- raises!  ", 0, "heel-raises-3 heel-raises heel-raises-2" },
    /* Free: kept, even if the title says otherwise */
    { "calf", "Knee Bends", 3, "heel-raises-3 heel-raises heel-raises-2 calf" },
    { "calf", "Calf", 4, "heel-raises-3 heel-raises heel-raises-2 calf calf-2" },
    /* No letters first, or none at all */
    { "", "3 Deep Breaths", 5, "heel-raises-3 heel-raises heel-raises-2 calf calf-2 step-3-deep-breaths" },
    { "", "", 0, "step heel-raises-3 heel-raises heel-raises-2 calf calf-2 step-3-deep-breaths" },
    { "", "?!", 0, "step-2 step heel-raises-3 heel-raises heel-raises-2 calf calf-2 step-3-deep-breaths" },
    { "", "Übung für Knöchel", 8, "step-2 step heel-raises-3 heel-raises heel-raises-2 calf calf-2 step-3-deep-breaths ubung-fur-knochel" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inserts); i++)
    {
      g_autoptr(LcStepDraft) step = step_new (inserts[i].id, inserts[i].title);

      lc_routine_draft_insert_step (draft, inserts[i].position, step);
      assert_step_ids (draft, inserts[i].ids);
    }

  /* A step taken out and put back keeps its id */
  {
    g_autoptr(LcStepDraft) removed = lc_routine_draft_remove_step (draft, 3);

    g_assert_cmpstr (lc_step_draft_get_fields (removed)->id, ==, "heel-raises");
    lc_routine_draft_insert_step (draft, 0, removed);
    assert_step_ids (draft, "heel-raises step-2 step heel-raises-3 heel-raises-2 calf calf-2 step-3-deep-breaths ubung-fur-knochel");
  }
}

static void
test_draft_order_and_duration (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new ();
  g_autoptr(LcStepDraft) a = step_new ("a", "A");
  g_autoptr(LcStepDraft) b = NULL;
  g_autoptr(LcStepDraft) c = NULL;
  g_autoptr(LcStepDraft) removed = NULL;
  LcStepFields fields;

  /* a: 30 s; b: 10 × 3 = 30 s, both sides: 30 + 5 + 30, and 15 s rest: 80 s;
   * c: 45 s and 5 s rest: 50 s */
  fields = step_fields ("b", "B");
  fields.counted = TRUE;
  fields.repetitions = 10;
  fields.pace = 3;
  fields.duration = 999;   /* not counted */
  fields.per_side = TRUE;
  fields.rest = 15;
  b = lc_step_draft_new (&fields);
  fields = step_fields ("c", "C");
  fields.duration = 45;
  fields.rest = 5;
  c = lc_step_draft_new (&fields);

  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 0);
  lc_routine_draft_insert_step (draft, 0, c);
  lc_routine_draft_insert_step (draft, 0, a);
  lc_routine_draft_insert_step (draft, 1, b);
  assert_step_ids (draft, "a b c");
  g_assert_cmpuint (lc_step_draft_get_total_seconds (a), ==, 30);
  g_assert_cmpuint (lc_step_draft_get_total_seconds (b), ==, 80);
  g_assert_cmpuint (lc_step_draft_get_total_seconds (c), ==, 50);
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 160);

  lc_routine_draft_move_step (draft, 0, 2);
  assert_step_ids (draft, "b c a");
  lc_routine_draft_move_step (draft, 2, 0);
  assert_step_ids (draft, "a b c");
  lc_routine_draft_move_step (draft, 1, 2);
  assert_step_ids (draft, "a c b");
  lc_routine_draft_move_step (draft, 1, 1);
  assert_step_ids (draft, "a c b");
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 160);

  removed = lc_routine_draft_remove_step (draft, 2);
  g_assert_true (removed == b);
  assert_step_ids (draft, "a c");
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 80);
  g_clear_object (&removed);
  removed = lc_routine_draft_remove_step (draft, 0);
  g_assert_true (removed == a);
  assert_step_ids (draft, "c");
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 50);

  /* Timing changes count at once */
  fields = step_fields ("c", "C");
  fields.duration = 3600;
  fields.per_side = TRUE;
  fields.rest = 600;
  lc_step_draft_set_fields (c, &fields);
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 3600 + 5 + 3600 + 600);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_draft_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new ();
  g_autoptr(LcStepDraft) a = step_new ("a", "A");
  g_autoptr(LcStepDraft) b = step_new ("b", "B");
  g_autoptr(LcStepDraft) removed = NULL;
  const char *cautions[] = { "Careful.", NULL };
  LcStepFields fields = step_fields ("a", "A, longer");
  guint changed = 0;
  guint step_changed = 0;

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (a, "changed", G_CALLBACK (count_cb), &step_changed);

  lc_routine_draft_set_name (draft, "Name");
  g_assert_cmpuint (changed, ==, 1);
  lc_routine_draft_set_name (draft, "Name");   /* the same: nothing changed */
  g_assert_cmpuint (changed, ==, 1);
  lc_routine_draft_set_name (draft, NULL);     /* "" */
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (lc_routine_draft_get_name (draft), ==, "");
  lc_routine_draft_set_summary (draft, "Summary.");
  g_assert_cmpuint (changed, ==, 3);
  lc_routine_draft_set_category (draft, LC_CATEGORY_STRETCHING);  /* the default */
  g_assert_cmpuint (changed, ==, 3);
  lc_routine_draft_set_category (draft, LC_CATEGORY_MASSAGE);
  g_assert_cmpuint (changed, ==, 4);
  lc_routine_draft_set_cautions (draft, cautions);
  g_assert_cmpuint (changed, ==, 5);
  lc_routine_draft_set_cautions (draft, cautions);
  g_assert_cmpuint (changed, ==, 5);
  lc_routine_draft_set_cautions (draft, NULL);
  g_assert_cmpuint (changed, ==, 6);
  g_assert_cmpuint (g_strv_length ((GStrv) lc_routine_draft_get_cautions (draft)), ==, 0);

  lc_routine_draft_insert_step (draft, 0, a);
  g_assert_cmpuint (changed, ==, 7);
  lc_step_draft_set_fields (a, &fields);
  g_assert_cmpuint (changed, ==, 8);
  g_assert_cmpuint (step_changed, ==, 1);
  g_assert_cmpstr (lc_step_draft_get_fields (a)->title, ==, "A, longer");

  /* Fields set from the step's own */
  lc_step_draft_set_fields (a, lc_step_draft_get_fields (a));
  g_assert_cmpuint (changed, ==, 9);
  g_assert_cmpstr (lc_step_draft_get_fields (a)->title, ==, "A, longer");

  lc_routine_draft_insert_step (draft, 1, b);
  g_assert_cmpuint (changed, ==, 10);

  /* A move is a removal and an insertion, each reported; the moved step
   * is then followed once, not twice */
  lc_routine_draft_move_step (draft, 0, 1);
  g_assert_cmpuint (changed, ==, 12);
  lc_step_draft_set_fields (a, &fields);
  g_assert_cmpuint (changed, ==, 13);

  /* A removed step is no longer followed */
  removed = lc_routine_draft_remove_step (draft, 1);
  g_assert_true (removed == a);
  g_assert_cmpuint (changed, ==, 14);
  lc_step_draft_set_fields (a, &fields);
  g_assert_cmpuint (changed, ==, 14);
  g_assert_cmpuint (step_changed, ==, 4);

  /* …until it is put back */
  lc_routine_draft_insert_step (draft, 0, a);
  g_assert_cmpuint (changed, ==, 15);
  lc_step_draft_set_fields (a, &fields);
  g_assert_cmpuint (changed, ==, 16);

  /* The steps stay alive only as long as they are needed */
  g_clear_object (&removed);
}

static void
test_draft_check_routine (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = valid_draft ();
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *long_summary = g_strnfill (201, 's');
  g_autofree char *long_caution = g_strnfill (301, 'c');
  g_autofree char *padded = NULL;
  g_autoptr(LcStepDraft) removed = NULL;
  const char *empty_caution[] = { "Stop if it hurts.", " \n\t ", NULL };
  const char *caution_too_long[] = { long_caution, NULL };

  assert_problems (draft, "");

  /* Characters, not bytes: 60 "ü" are 120 bytes */
  for (guint i = 0; i < 60; i++)
    g_string_append (long_name, "ü");
  lc_routine_draft_set_name (draft, long_name->str);
  assert_problems (draft, "");
  padded = g_strconcat ("  ", long_name->str, " \n", NULL);
  lc_routine_draft_set_name (draft, padded);
  assert_problems (draft, "");
  g_string_append (long_name, "ü");
  lc_routine_draft_set_name (draft, long_name->str);
  assert_problems (draft, "-1 name: 61 characters; at most 60\n");
  lc_routine_draft_set_name (draft, "");
  assert_problems (draft, "-1 name: Required\n");
  lc_routine_draft_set_name (draft, "   ");
  assert_problems (draft, "-1 name: Required\n");
  lc_routine_draft_set_name (draft, "Mine");

  lc_routine_draft_set_summary (draft, long_summary);
  assert_problems (draft, "-1 summary: 201 characters; at most 200\n");
  long_summary[200] = '\0';
  lc_routine_draft_set_summary (draft, long_summary);
  assert_problems (draft, "");
  lc_routine_draft_set_summary (draft, "");
  assert_problems (draft, "-1 summary: Required\n");
  lc_routine_draft_set_summary (draft, "Mine.");

  lc_routine_draft_set_cautions (draft, empty_caution);
  assert_problems (draft, "-1 cautions: Required\n");
  lc_routine_draft_set_cautions (draft, caution_too_long);
  assert_problems (draft, "-1 cautions: 301 characters; at most 300\n");
  lc_routine_draft_set_cautions (draft, NULL);

  /* All at once, in the order of the form */
  lc_routine_draft_set_name (draft, NULL);
  lc_routine_draft_set_summary (draft, NULL);
  lc_routine_draft_set_cautions (draft, empty_caution);
  removed = lc_routine_draft_remove_step (draft, 0);
  assert_problems (draft,
                   "-1 name: Required\n"
                   "-1 summary: Required\n"
                   "-1 cautions: Required\n"
                   "-1 steps: Add at least one step\n");
}

static void
test_draft_check_limits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = valid_draft ();
  g_autoptr(LcStepDraft) removed = NULL;
  LcStepFields fields = step_fields ("long", "Long");

  /* 50 steps, and then 51 */
  for (guint i = 1; i < LC_ROUTINE_MAX_STEPS; i++)
    {
      g_autoptr(LcStepDraft) step = step_new ("", "Breathe");

      lc_routine_draft_insert_step (draft, i, step);
    }
  assert_problems (draft, "");
  {
    g_autoptr(LcStepDraft) step = step_new ("", "Breathe");

    lc_routine_draft_insert_step (draft, 50, step);
  }
  assert_problems (draft, "-1 steps: At most 50 steps: split the routine in two\n");
  g_assert_cmpstr (lc_step_draft_get_fields (step_at (draft, 50))->id, ==, "breathe-51");

  /* Two hours exactly, and one second more */
  while (g_list_model_get_n_items (lc_routine_draft_get_steps (draft)) > 2)
    {
      g_clear_object (&removed);
      removed = lc_routine_draft_remove_step (draft, 0);
    }
  fields.duration = 3600;
  lc_step_draft_set_fields (step_at (draft, 0), &fields);
  fields.id = (char *) "longer";
  lc_step_draft_set_fields (step_at (draft, 1), &fields);
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 7200);
  assert_problems (draft, "");
  fields.rest = 1;
  lc_step_draft_set_fields (step_at (draft, 1), &fields);
  g_assert_cmpuint (lc_routine_draft_get_duration (draft), ==, 7201);
  assert_problems (draft, "-1 steps: At most 2 hours: shorten or remove steps\n");
}

typedef struct
{
  const char *name;
  void      (*change) (LcStepFields *fields);
  const char *problems;
} StepCase;

static void change_nothing (LcStepFields *f) { }
static void change_title_empty (LcStepFields *f) { f->title = (char *) ""; }
static void change_title_null (LcStepFields *f) { f->title = NULL; }
static void change_title_long (LcStepFields *f) { f->title = (char *) "A title that goes on and on and on and on and on and on and on"; }
static void change_instruction_blank (LcStepFields *f) { f->instruction = (char *) " \n "; }
static void change_cue_empty (LcStepFields *f) { f->cue = (char *) ""; }
static void change_duration_zero (LcStepFields *f) { f->duration = 0; }
static void change_duration_max (LcStepFields *f) { f->duration = 3600; }
static void change_duration_over (LcStepFields *f) { f->duration = 3601; }
static void change_counted (LcStepFields *f) { f->counted = TRUE; f->duration = 0; }
static void change_repetitions_zero (LcStepFields *f) { f->counted = TRUE; f->repetitions = 0; }
static void change_repetitions_over (LcStepFields *f) { f->counted = TRUE; f->repetitions = 201; }
static void change_repetitions_max (LcStepFields *f) { f->counted = TRUE; f->repetitions = 200; f->pace = 18; }
static void change_pace_zero (LcStepFields *f) { f->counted = TRUE; f->pace = 0; }
static void change_pace_over (LcStepFields *f) { f->counted = TRUE; f->pace = 61; }
static void change_over_an_hour (LcStepFields *f) { f->counted = TRUE; f->repetitions = 61; f->pace = 60; }
static void change_rest_max (LcStepFields *f) { f->rest = 600; }
static void change_rest_over (LcStepFields *f) { f->rest = 601; }
static void change_no_picture (LcStepFields *f) { f->illustration = NULL; }
static void change_both_pictures (LcStepFields *f) { f->picture = (char *) "knee.png"; }
static void change_own_picture (LcStepFields *f) { f->illustration = NULL; f->picture = (char *) "knee.png"; }
static void change_picture_path (LcStepFields *f) { f->illustration = NULL; f->picture = (char *) "../knee.png"; }
static void change_picture_type (LcStepFields *f) { f->illustration = NULL; f->picture = (char *) "knee.exe"; }
static char long_cue[301 + 1];  /* 301 × "x", filled in by main() */

static void change_switch_long (LcStepFields *f) { f->per_side = TRUE; f->cue_switch = long_cue; }
static void change_switch_unused (LcStepFields *f) { f->cue_switch = long_cue; }
static void change_halfway_long (LcStepFields *f) { f->cue_halfway = long_cue; }
static void change_halfway_blank (LcStepFields *f) { f->cue_halfway = (char *) "  "; }

static const StepCase step_cases[] = {
  { "valid", change_nothing, "" },
  { "title-empty", change_title_empty, "0 title: Required\n" },
  { "title-null", change_title_null, "0 title: Required\n" },
  { "title-long", change_title_long, "0 title: 62 characters; at most 60\n" },
  { "instruction-blank", change_instruction_blank, "0 instruction: Required\n" },
  { "cue-empty", change_cue_empty, "0 cue: Required\n" },
  { "duration-zero", change_duration_zero, "0 duration: From 1 to 3600\n" },
  { "duration-max", change_duration_max, "" },
  { "duration-over", change_duration_over, "0 duration: From 1 to 3600\n" },
  /* Counted: the duration does not matter */
  { "counted", change_counted, "" },
  { "repetitions-zero", change_repetitions_zero, "0 repetitions: From 1 to 200\n" },
  { "repetitions-over", change_repetitions_over, "0 repetitions: From 1 to 200\n" },
  { "repetitions-max", change_repetitions_max, "" },
  { "pace-zero", change_pace_zero, "0 pace: From 1 to 60\n" },
  { "pace-over", change_pace_over, "0 pace: From 1 to 60\n" },
  { "over-an-hour", change_over_an_hour, "0 repetitions: At most an hour: use fewer repetitions\n" },
  { "rest-max", change_rest_max, "" },
  { "rest-over", change_rest_over, "0 rest: From 0 to 600\n" },
  { "no-picture", change_no_picture, "0 picture: Choose an illustration or a picture\n" },
  { "both-pictures", change_both_pictures, "0 picture: Choose an illustration or a picture\n" },
  { "own-picture", change_own_picture, "" },
  { "picture-path", change_picture_path, "0 picture: Choose the picture again\n" },
  { "picture-type", change_picture_type, "0 picture: Choose the picture again\n" },
  { "switch-long", change_switch_long, "0 cue-switch: 301 characters; at most 300\n" },
  /* Not per side: not written, so not checked */
  { "switch-unused", change_switch_unused, "" },
  { "halfway-long", change_halfway_long, "0 cue-halfway: 301 characters; at most 300\n" },
  { "halfway-blank", change_halfway_blank, "" },
};

static void
test_draft_check_steps (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      g_autoptr(LcRoutineDraft) draft = valid_draft ();
      LcStepFields fields = step_fields ("breathe", "Breathe");
      g_autofree char *got = NULL;

      step_cases[i].change (&fields);
      lc_step_draft_set_fields (step_at (draft, 0), &fields);
      got = describe_problems (draft);
      if (g_strcmp0 (got, step_cases[i].problems) != 0)
        g_error ("step case %s: got “%s”, expected “%s”", step_cases[i].name, got, step_cases[i].problems);
    }

  /* Problems name the step they are in */
  {
    g_autoptr(LcRoutineDraft) draft = valid_draft ();
    g_autoptr(LcStepDraft) second = step_new ("second", "Second");
    g_autoptr(LcStepDraft) third = step_new ("third", "Third");
    LcStepFields fields = step_fields ("third", "");

    lc_routine_draft_insert_step (draft, 1, second);
    lc_routine_draft_insert_step (draft, 2, third);
    fields.cue = NULL;
    fields.rest = 1000;
    lc_step_draft_set_fields (third, &fields);
    fields = step_fields ("second", "Second");
    fields.counted = TRUE;
    fields.pace = 100;
    lc_step_draft_set_fields (second, &fields);
    assert_problems (draft,
                     "1 pace: From 1 to 60\n"
                     "2 title: Required\n"
                     "2 cue: Required\n"
                     "2 rest: From 0 to 600\n");
  }
}

static void
test_draft_make_id (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autoptr(LcRoutineLibrary) library = lc_routine_library_new (loader, NULL, f->routines, NULL);
  const char *taken[] = { "knee-routine", "knee-routine-2", "routine", "ubungen-fur-knochel", NULL };
  struct {
    const char *name;
    const char *free;    /* with no loader */
    const char *taken;   /* with the routines above loaded */
  } cases[] = {
    { "Knee Routine", "knee-routine", "knee-routine-3" },
    { "  KNEE -- routine!! ", "knee-routine", "knee-routine-3" },
    { "Übungen für Knöchel", "ubungen-fur-knochel", "ubungen-fur-knochel-2" },
    { "3 Minute Stretch", "routine-3-minute-stretch", "routine-3-minute-stretch" },
    { "", "routine", "routine-2" },
    { "…", "routine", "routine-2" },
    { "足のストレッチ", "routine", "routine-2" },
    /* At most 48 characters, no dash at the end */
    { "Forty seven characters of name and then a space x", "forty-seven-characters-of-name-and-then-a-space",
      "forty-seven-characters-of-name-and-then-a-space" },
  };

  for (guint i = 0; taken[i] != NULL; i++)
    {
      g_autofree char *xml = simple_routine (taken[i]);
      g_autofree char *name = g_strconcat (taken[i], ".xml", NULL);
      g_autoptr(GFile) file = write_file (f->routines, name, xml, strlen (xml));
    }
  lc_routine_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *without = lc_routine_draft_make_id (cases[i].name, NULL);
      g_autofree char *with = lc_routine_draft_make_id (cases[i].name, lc_routine_library_get_routines (library));
      g_autofree char *empty_loader = lc_routine_draft_make_id (cases[i].name, lc_routine_library_get_routines (f->library));

      g_assert_cmpstr (without, ==, cases[i].free);
      g_assert_cmpstr (empty_loader, ==, cases[i].free);
      g_assert_cmpstr (with, ==, cases[i].taken);
    }
}

static void
test_draft_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LcRoutine) routine = parse_routine (f->loader, draft_xml);
  g_autoptr(LcRoutineDraft) draft = lc_routine_draft_new_from_routine (routine);
  g_autoptr(LcRoutine) saved = NULL;
  g_autoptr(GFile) folder = g_file_get_child (f->routines, "new-folder");
  g_autoptr(GFile) file = g_file_get_child (folder, "test.xml");
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  /* The folder is made */
  g_assert_true (lc_routine_draft_save (draft, f->loader, file, &error));
  g_assert_no_error (error);
  contents = read_file (file);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                   draft_xml_written, strlen (draft_xml_written));

  saved = lc_routine_loader_load_file (f->loader, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_id (saved), ==, "test");
  g_assert_cmpstr (lc_routine_get_source (saved), ==, path);
  assert_routines_equal (saved, routine);

  /* Saved again, changed: replaced */
  g_clear_object (&saved);
  lc_routine_draft_set_name (draft, "Renamed");
  g_assert_true (lc_routine_draft_save (draft, f->loader, file, &error));
  g_assert_no_error (error);
  saved = lc_routine_loader_load_file (f->loader, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_name (saved), ==, "Renamed");
  assert_dir_lists (folder, "test.xml");
}

static void
test_draft_save_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = valid_draft ();
  g_autoptr(LcRoutineDraft) empty = lc_routine_draft_new ();
  g_autofree char *long_name = g_strnfill (61, 'n');
  static const char original[] = "<not even a routine, but mine>";
  g_autoptr(GFile) existing = write_file (f->routines, "existing.xml", original, strlen (original));
  g_autoptr(GFile) fresh = g_file_get_child (f->routines, "fresh.xml");
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = g_file_get_path (existing);

  lc_routine_draft_set_name (draft, long_name);
  g_assert_false (lc_routine_draft_save (draft, f->loader, existing, &error));
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_OUT_OF_RANGE);
  message = g_strdup_printf ("%s:3:70: <name> is 61 characters long; keep it to 60", path);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  contents = read_file (existing);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), original, strlen (original));

  g_assert_false (lc_routine_draft_save (draft, f->loader, fresh, &error));
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (fresh, NULL));

  /* A new draft has no id yet */
  g_assert_false (lc_routine_draft_save (empty, f->loader, fresh, &error));
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the routine id “” is not valid"));
  g_clear_error (&error);

  /* What the check does not see, the loader does: a step id taken twice,
   * an illustration that does not exist */
  lc_routine_draft_set_name (draft, "Fine");
  {
    LcStepFields fields = step_fields ("breathe", "Again");
    g_autoptr(LcStepDraft) step = step_new ("other", "Again");

    lc_routine_draft_insert_step (draft, 1, step);
    lc_step_draft_set_fields (step, &fields);
    g_assert_false (lc_routine_draft_save (draft, f->loader, fresh, &error));
    g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_DUPLICATE);
    g_clear_error (&error);

    fields.id = (char *) "other";
    fields.illustration = (char *) "moon walk";
    lc_step_draft_set_fields (step, &fields);
    g_assert_false (lc_routine_draft_save (draft, f->loader, fresh, &error));
    g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_UNKNOWN_ILLUSTRATION);
    g_clear_error (&error);
  }

  assert_dir_lists (f->routines, "existing.xml");
}

static void
test_draft_save_picture (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LcRoutineDraft) draft = valid_draft ();
  g_autoptr(GFile) file = g_file_get_child (f->routines, "mine.xml");
  g_autoptr(GBytes) png = make_png (4, 3, 0);
  g_autoptr(LcRoutine) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *picture_path = NULL;
  LcStepFields fields = step_fields ("breathe", "Breathe");

  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  fields.illustration = NULL;
  fields.picture = (char *) "knee.png";
  lc_step_draft_set_fields (step_at (draft, 0), &fields);
  assert_problems (draft, "");

  /* Not in the pictures folder */
  g_assert_false (lc_routine_draft_save (draft, f->loader, file, &error));
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "the picture “knee.png” is not in"));
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));

  /* Once it is */
  name = lc_picture_store (png, f->pictures, NULL, &error);
  g_assert_no_error (error);
  fields.picture = name;
  lc_step_draft_set_fields (step_at (draft, 0), &fields);
  g_assert_true (lc_routine_draft_save (draft, f->loader, file, &error));
  g_assert_no_error (error);
  saved = lc_routine_loader_load_file (f->loader, file, &error);
  g_assert_no_error (error);
  picture_path = g_build_filename (f->path, "pictures", name, NULL);
  g_assert_cmpstr (lc_step_get_picture (lc_routine_get_step (saved, 0)), ==, name);
  g_assert_cmpstr (lc_step_get_picture_path (lc_routine_get_step (saved, 0)), ==, picture_path);
  g_assert_null (lc_step_get_illustration (lc_routine_get_step (saved, 0)));
}

/* --- Sharing ------------------------------------------------------------------ */

static void
test_share_crc (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (1, 1, 0);
  g_autoptr(GError) error = NULL;
  LcPictureType type;
  guint width;
  guint height;

  /* The test's own PNG: the CRC of an empty IEND chunk is well known */
  g_assert_cmphex (lc_test_crc32 ((const guint8 *) "IEND", 4), ==, 0xae426082);
  g_assert_cmpuint (g_bytes_get_size (png), ==, PNG_SIZE (0));
  g_assert_true (lc_picture_check (png, &type, &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpint (type, ==, LC_PICTURE_PNG);
  g_assert_cmpuint (width, ==, 1);
  g_assert_cmpuint (height, ==, 1);
}

/* A routine of the user's, with one picture shown by two steps */
#define OWN_ROUTINE \
  HEAD \
  "<routine id=\"knee\" version=\"1\">\n" \
  "  <name>Knee Routine</name>\n" \
  "  <summary>Bend &amp; stretch the knee.</summary>\n" \
  "  <category>stretching</category>\n" \
  "  <caution>Not after a knee operation.</caution>\n" \
  "  <step id=\"bend\" picture=\"%s\" duration=\"30\" sides=\"both\" rest=\"5\">\n" \
  "    <title>Knee Bends</title>\n" \
  "    <instruction>Bend the knee slowly.</instruction>\n" \
  "    <cue>Knee bends, left leg.</cue>\n" \
  "    <cue-switch>Now the right leg.</cue-switch>\n" \
  "  </step>\n" \
  "  <step id=\"circles\" illustration=\"ankle-circles\" repetitions=\"10\" pace=\"3\">\n" \
  "    <title>Ankle Circles</title>\n" \
  "    <instruction>Circle the foot.</instruction>\n" \
  "    <cue>Ankle circles.</cue>\n" \
  "    <cue-halfway>Halfway.</cue-halfway>\n" \
  "  </step>\n" \
  "  <step id=\"bend-again\" picture=\"%s\" duration=\"20\">\n" \
  "    <title>Knee Bends Again</title>\n" \
  "    <instruction>Bend the knee once more.</instruction>\n" \
  "    <cue>Once more.</cue>\n" \
  "  </step>\n" \
  "</routine>\n"

static gsize
count_occurrences (const char *haystack,
                   gsize       length,
                   const char *needle)
{
  gsize count = 0;
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      count++;
  return count;
}

/* The user's routine with @png, in <dir>/sender */
static LcRoutine *
load_own_routine (Fixture *f,
                  GBytes  *png,
                  char   **picture_name)
{
  g_autoptr(GFile) sender = g_file_get_child (f->dir, "sender");
  g_autoptr(GFile) sender_pictures = g_file_get_child (sender, "pictures");
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  LcRoutine *routine;

  /* lc_picture_store() makes the folders */
  name = lc_picture_store (png, sender_pictures, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (name);
  xml = g_strdup_printf (OWN_ROUTINE, name, name);
  file = write_file (sender, "knee.xml", xml, strlen (xml));

  lc_routine_loader_set_picture_dir (loader, sender_pictures);
  routine = lc_routine_loader_load_file (loader, file, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->path, "sender", "pictures", name, NULL);
  g_assert_cmpstr (lc_step_get_picture_path (lc_routine_get_step (routine, 0)), ==, path);
  g_assert_cmpuint (lc_routine_get_duration (routine), ==, (30 + 5 + 30 + 5) + 30 + 20);

  *picture_name = g_steal_pointer (&name);
  return routine;
}

static void
test_share_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (640, 480, 100);
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(LcRoutine) installed = NULL;
  g_autoptr(LcRoutine) installed_again = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) routine_file = NULL;
  g_autoptr(GFile) second_file = NULL;
  g_autoptr(GFile) stored_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *element = NULL;
  g_autofree char *picture_path = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tail = NULL;
  gsize length;

  routine = load_own_routine (f, png, &name);
  expected_name = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_assert_cmpstr (name, ==, expected_name);

  /* Written: the routine, then the picture, once */
  shared = lc_routine_share_write (routine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shared);
  text = g_strndup (g_bytes_get_data (shared, &length), g_bytes_get_size (shared));
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_true (g_utf8_validate_len (text, length, NULL));
  g_assert_true (g_str_has_prefix (text, HEAD));
  g_assert_cmpuint (count_occurrences (text, length, "<legcare-routine version=\"1\">\n  <routine id=\"knee\" version=\"1\">\n"), ==, 1);
  g_assert_cmpuint (count_occurrences (text, length, "<picture "), ==, 1);
  element = picture_element (name, png);
  g_assert_cmpuint (count_occurrences (text, length, element), ==, 1);
  tail = g_strconcat ("  </routine>\n", element, "</legcare-routine>\n", NULL);
  g_assert_true (g_str_has_suffix (text, tail));

  /* Read: the same routine, the same picture, no paths */
  file = write_file (f->dir, "knee" LC_ROUTINE_SHARE_SUFFIX, text, length);
  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  received = lc_routine_share_read (f->loader, file, &pictures, &error);
  g_assert_no_error (error);
  g_assert_nonnull (received);
  g_assert_cmpstr (lc_routine_get_id (received), ==, "knee");
  assert_routines_equal (received, routine);
  g_assert_null (lc_step_get_picture_path (lc_routine_get_step (received, 0)));
  g_assert_cmpuint (g_hash_table_size (pictures), ==, 1);
  g_assert_true (g_bytes_equal (g_hash_table_lookup (pictures, name), png));
  assert_dir_lists (f->routines, "");
  assert_dir_lists (f->pictures, "");

  /* Installed: one routine file, one picture under its content's name */
  lc_routine_library_load (f->library);
  routine_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine_file);
  assert_dir_lists (f->routines, "knee.xml");
  assert_dir_lists (f->pictures, expected_name);
  stored_file = g_file_get_child (f->pictures, expected_name);
  stored = read_file (stored_file);
  g_assert_true (g_bytes_equal (stored, png));

  installed = lc_routine_loader_load_file (f->loader, routine_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_id (installed), ==, "knee");
  assert_routines_equal (installed, routine);
  picture_path = g_build_filename (f->path, "pictures", expected_name, NULL);
  g_assert_cmpstr (lc_step_get_picture_path (lc_routine_get_step (installed, 0)), ==, picture_path);
  g_assert_cmpstr (lc_step_get_picture_path (lc_routine_get_step (installed, 2)), ==, picture_path);

  /* Again: the id is taken now, the picture is the same */
  lc_routine_library_load (f->library);
  g_assert_nonnull (lc_routine_library_find (f->library, "knee"));
  second_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second_file);
  listed = g_file_get_basename (second_file);
  g_assert_cmpstr (listed, ==, "knee-2.xml");
  assert_dir_lists (f->routines, "knee-2.xml knee.xml");
  assert_dir_lists (f->pictures, expected_name);
  installed_again = lc_routine_loader_load_file (f->loader, second_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_id (installed_again), ==, "knee-2");
  assert_routines_equal (installed_again, routine);

  /* Both load side by side, nothing wrong */
  lc_routine_library_load (f->library);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (f->library)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_problems (f->library)), ==, 0);
}

/* A shared routine as someone might write it by hand: its own picture
 * names, a PNG named .svg, a picture no step shows */
#define SHARED_ROUTINE \
  "  <routine id=\"knee\" version=\"1\">\n" \
  "    <name>Knee Routine</name>\n" \
  "    <summary>Bend the knee.</summary>\n" \
  "    <category>stretching</category>\n" \
  "    <step id=\"bend\" picture=\"knee.png\" duration=\"30\">\n" \
  "      <title>Knee Bends</title>\n" \
  "      <instruction>Bend the knee slowly.</instruction>\n" \
  "      <cue>Knee bends.</cue>\n" \
  "    </step>\n" \
  "    <step id=\"circles\" illustration=\"ankle-circles\" repetitions=\"10\" pace=\"3\">\n" \
  "      <title>Ankle Circles</title>\n" \
  "      <instruction>Circle the foot.</instruction>\n" \
  "      <cue>Ankle circles.</cue>\n" \
  "    </step>\n" \
  "  </routine>\n"

static void
test_share_install_names (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GBytes) other_png = make_png (3, 3, 0);
  g_autoptr(GBytes) svg_bytes = bytes_for (svg);
  g_autofree char *knee = picture_element ("knee.png", png);
  g_autofree char *photo = picture_element ("photo.svg", other_png);
  g_autofree char *unused = picture_element ("unused.svg", svg_bytes);
  g_autofree char *routine_xml = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *png_name = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_autofree char *other_name = lc_picture_name_for (other_png, LC_PICTURE_PNG);
  g_autofree char *both = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) installed_file = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(LcRoutine) installed = NULL;
  g_autoptr(GError) error = NULL;
  GString *edited = g_string_new (SHARED_ROUTINE);

  /* A third step shows the PNG named photo.svg; the pictures come first */
  g_string_replace (edited, "  </routine>\n",
                    "    <step id=\"photo\" picture=\"photo.svg\" duration=\"10\">\n"
                    "      <title>Photo</title>\n"
                    "      <instruction>Look.</instruction>\n"
                    "      <cue>Look.</cue>\n"
                    "    </step>\n"
                    "  </routine>\n", 1);
  routine_xml = g_string_free (edited, FALSE);
  xml = g_strconcat (HEAD "<legcare-routine version=\"1\">\n", knee, unused, routine_xml, photo,
                     "</legcare-routine>\n", NULL);
  file = write_file (f->dir, SHARED_NAME, xml, strlen (xml));

  received = lc_routine_share_read (f->loader, file, &pictures, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pictures), ==, 3);
  g_assert_true (g_bytes_equal (g_hash_table_lookup (pictures, "photo.svg"), other_png));
  g_assert_cmpstr (lc_step_get_picture (lc_routine_get_step (received, 2)), ==, "photo.svg");

  /* The folders need not exist yet */
  remove_recursively (f->routines);
  remove_recursively (f->pictures);
  installed_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installed_file);

  /* Named by their contents and real type; the unused picture is left out */
  assert_dir_lists (f->routines, "knee.xml");
  if (strcmp (png_name, other_name) < 0)
    both = g_strconcat (png_name, " ", other_name, NULL);
  else
    both = g_strconcat (other_name, " ", png_name, NULL);
  assert_dir_lists (f->pictures, both);
  g_assert_true (g_str_has_suffix (other_name, ".png"));

  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  installed = lc_routine_loader_load_file (f->loader, installed_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_step_get_picture (lc_routine_get_step (installed, 0)), ==, png_name);
  g_assert_null (lc_step_get_picture (lc_routine_get_step (installed, 1)));
  g_assert_cmpstr (lc_step_get_illustration (lc_routine_get_step (installed, 1)), ==, "ankle-circles");
  g_assert_cmpstr (lc_step_get_picture (lc_routine_get_step (installed, 2)), ==, other_name);
}

static void
test_share_install_taken_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *xml = g_strconcat (HEAD "<legcare-routine version=\"1\">\n", SHARED_ROUTINE,
                                      "</legcare-routine>\n", NULL);
  g_autofree char *no_picture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) existing = NULL;
  g_autoptr(GFile) installed_file = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(LcRoutine) installed = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  static const char mine[] = "my own knee.xml, broken or not";
  GString *edited = g_string_new (xml);

  g_string_replace (edited, "picture=\"knee.png\"", "illustration=\"heel-raises\"", 0);
  no_picture = g_string_free (edited, FALSE);
  file = write_file (f->dir, SHARED_NAME, no_picture, strlen (no_picture));
  received = lc_routine_share_read (f->loader, file, &pictures, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (pictures), ==, 0);

  /* A file of that name that the loader did not load is not replaced */
  existing = write_file (f->routines, "knee.xml", mine, strlen (mine));
  installed_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_no_error (error);
  assert_dir_lists (f->routines, "knee-2.xml knee.xml");
  assert_dir_lists (f->pictures, "");
  contents = read_file (existing);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), mine, strlen (mine));
  installed = lc_routine_loader_load_file (f->loader, installed_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lc_routine_get_id (installed), ==, "knee-2");
  assert_routines_equal (installed, received);
}

static void
test_share_install_undone (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GBytes) other_png = make_png (5, 5, 0);
  g_autofree char *knee = picture_element ("knee.png", png);
  g_autofree char *photo = picture_element ("photo.png", other_png);
  g_autofree char *xml = NULL;
  g_autofree char *png_name = lc_picture_name_for (png, LC_PICTURE_PNG);
  g_autofree char *stored = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) elsewhere = g_file_get_child (f->dir, "elsewhere");
  g_autoptr(GFile) installed_file = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(GError) error = NULL;
  GString *edited = g_string_new (SHARED_ROUTINE);

  g_string_replace (edited, "illustration=\"ankle-circles\"", "picture=\"photo.png\"", 1);
  xml = g_strconcat (HEAD "<legcare-routine version=\"1\">\n", edited->str, knee, photo,
                     "</legcare-routine>\n", NULL);
  g_string_free (edited, TRUE);
  file = write_file (f->dir, SHARED_NAME, xml, strlen (xml));
  received = lc_routine_share_read (f->loader, file, &pictures, &error);
  g_assert_no_error (error);

  /* The user already has the first picture */
  stored = lc_picture_store (png, f->pictures, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, png_name);

  /* A loader that looks for pictures elsewhere refuses the routine once
   * its pictures are stored: what was new is removed, the rest stays */
  lc_routine_loader_set_picture_dir (f->loader, elsewhere);
  installed_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_null (installed_file);
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_MISSING);
  assert_dir_lists (f->routines, "");
  assert_dir_lists (f->pictures, png_name);

  /* A picture missing from the table: refused before anything is written */
  g_clear_error (&error);
  g_hash_table_remove (pictures, "photo.png");
  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  installed_file = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, &error);
  g_assert_null (installed_file);
  g_assert_error (error, LC_PICTURE_ERROR, LC_PICTURE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "the picture “photo.png” is missing");
  assert_dir_lists (f->routines, "");
  assert_dir_lists (f->pictures, png_name);
}

/* The largest picture there can be, shared and read back */
static void
test_share_largest_picture (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (8192, 4882, LC_PICTURE_MAX_BYTES - PNG_SIZE (1) + 1);
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(LcRoutine) received = NULL;
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpuint (g_bytes_get_size (png), ==, LC_PICTURE_MAX_BYTES);
  routine = load_own_routine (f, png, &name);
  shared = lc_routine_share_write (routine, &error);
  g_assert_no_error (error);
  file = write_file (f->dir, SHARED_NAME, g_bytes_get_data (shared, NULL), g_bytes_get_size (shared));
  received = lc_routine_share_read (f->loader, file, &pictures, &error);
  g_assert_no_error (error);
  g_assert_nonnull (received);
  g_assert_true (g_bytes_equal (g_hash_table_lookup (pictures, name), png));
}

/* --- Hostile shared files ----------------------------------------------------------- */

/* A valid shared file, with placeholders for the base64 text of pictures:
 * @PNG@ a small valid PNG, @SVG@ a valid SVG, @BOMB@ a PNG that claims
 * 100000 × 100000 pixels, @AREA@ one of 8192 × 8192, @LAUGHS@ the billion
 * laughs, @TEXT@ plain text. */
static const char *hostile_base =
  HEAD
  "<legcare-routine version=\"1\">\n"
  SHARED_ROUTINE
  "  <picture name=\"knee.png\">\n"
  "@PNG@"
  "  </picture>\n"
  "</legcare-routine>\n";

static char *
expand (const char *template)
{
  GString *out = g_string_new (template);
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GBytes) bomb = make_png (100000, 100000, 0);
  g_autoptr(GBytes) area = make_png (8192, 8192, 0);
  g_autoptr(GBytes) svg_bytes = bytes_for (svg);
  g_autoptr(GBytes) laughs = bytes_for (svg_laughs);
  g_autoptr(GBytes) plain = bytes_for ("Hello, I am not a picture.\n");
  struct {
    const char *placeholder;
    GBytes     *bytes;
  } pictures[] = {
    { "@PNG@", png }, { "@SVG@", svg_bytes }, { "@BOMB@", bomb },
    { "@AREA@", area }, { "@LAUGHS@", laughs }, { "@TEXT@", plain },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autofree char *lines = base64_lines (pictures[i].bytes);

      g_string_replace (out, pictures[i].placeholder, lines, 0);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *from;       /* in hostile_base, before expand(); NULL: the file is @to */
  const char *to;         /* NULL: the file is cut short where @from starts */
  int         code;
  const char *message;    /* in the message, after "shared.legcare-routine:" */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "valid", "", "", -1, NULL },
  { "not-xml", NULL, "Dear friend, here is my knee routine. Bend the knee thirty times.\n",
    LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "empty", NULL, "", LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "truncated", "  </picture>", NULL, LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "truncated-tag", "ion>Circle the foot.", NULL, LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "truncated-base64", "@PNG@  </picture>\n</legcare-routine>\n", "iVBORw0KGgoAAAANSUhEUgAAAAIAAAAC",
    LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "root-routine", "<legcare-routine version=\"1\">\n", "",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "2:3: this is not a shared Leg Care routine: the file must start with <legcare-routine>, not <routine>" },
  { "root-other", "<legcare-routine version=\"1\">", "<html version=\"1\">",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "2:1: this is not a shared Leg Care routine: the file must start with <legcare-routine>, not <html>" },
  { "version-2", "<legcare-routine version=\"1\">", "<legcare-routine version=\"2\">",
    LC_ROUTINE_ERROR_INVALID, "2:1: shared routine version “2” is not known: this version of Leg Care reads version 1" },
  { "no-version", "<legcare-routine version=\"1\">", "<legcare-routine>",
    LC_ROUTINE_ERROR_INVALID, "2:1: shared routine version “” is not known" },
  { "root-attribute", "<legcare-routine version=\"1\">", "<legcare-routine version=\"1\" trusted=\"yes\">",
    LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE, "2:1: <legcare-routine> has no attribute “trusted”; it can have: version" },
  { "routine-version-2", "<routine id=\"knee\" version=\"1\">", "<routine id=\"knee\" version=\"2\">",
    LC_ROUTINE_ERROR_INVALID, "3:3: routine format version “2” is not known" },
  { "two-routines", "  <picture name=\"knee.png\">",
    "  <routine id=\"other\" version=\"1\">\n  </routine>\n  <picture name=\"knee.png\">",
    LC_ROUTINE_ERROR_DUPLICATE, "18:3: the file holds a second <routine>: a shared file holds one routine" },
  { "no-routine", SHARED_ROUTINE, "", LC_ROUTINE_ERROR_MISSING, "the file holds no <routine>: export the routine again" },
  { "unknown-element", "  <picture name=\"knee.png\">",
    "  <script>alert('hello')</script>\n  <picture name=\"knee.png\">",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "18:3: <legcare-routine> cannot contain <script>; it can contain: <routine>, <picture>" },
  { "picture-in-routine", "    <category>", "    <picture name=\"x.png\">QUJD</picture>\n    <category>",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "6:5: <routine> cannot contain <picture>" },
  { "element-in-picture", "@PNG@", "<img src=\"file:///etc/passwd\"/>",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "<picture> holds text only, not <img>" },
  { "picture-attribute", "<picture name=\"knee.png\">", "<picture name=\"knee.png\" path=\"/tmp/knee.png\">",
    LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE, "18:3: <picture> has no attribute “path”; it can have: name" },
  { "picture-no-name", "<picture name=\"knee.png\">", "<picture>",
    LC_ROUTINE_ERROR_INVALID, "18:3: “” is not a picture name" },
  { "picture-parent", "<picture name=\"knee.png\">", "<picture name=\"../../evil.png\">",
    LC_ROUTINE_ERROR_INVALID, "18:3: “../../evil.png” is not a picture name: a picture is named like “knee.png”, without a folder" },
  { "picture-absolute", "<picture name=\"knee.png\">", "<picture name=\"/home/someone/.bashrc.png\">",
    LC_ROUTINE_ERROR_INVALID, "“/home/someone/.bashrc.png” is not a picture name" },
  { "picture-folder", "<picture name=\"knee.png\">", "<picture name=\"a/b.png\">",
    LC_ROUTINE_ERROR_INVALID, "“a/b.png” is not a picture name" },
  { "picture-hidden", "<picture name=\"knee.png\">", "<picture name=\".hidden.png\">",
    LC_ROUTINE_ERROR_INVALID, "“.hidden.png” is not a picture name" },
  { "picture-program", "<picture name=\"knee.png\">", "<picture name=\"evil.exe\">",
    LC_ROUTINE_ERROR_INVALID, "“evil.exe” is not a picture name" },
  { "picture-twice", "</legcare-routine>", "  <picture name=\"knee.png\">\n@SVG@  </picture>\n</legcare-routine>",
    LC_ROUTINE_ERROR_DUPLICATE, "there is already a picture named “knee.png”: give each picture its own name" },
  { "picture-missing", "<picture name=\"knee.png\">", "<picture name=\"other.png\">",
    LC_ROUTINE_ERROR_MISSING, "step “bend” shows the picture “knee.png”, which is not in the file: export the routine again" },
  { "step-picture-path", "picture=\"knee.png\"", "picture=\"../pictures/knee.png\"",
    LC_ROUTINE_ERROR_INVALID, "7:5: step “bend”: “../pictures/knee.png” is not a picture name" },
  { "step-both", "picture=\"knee.png\"", "illustration=\"ankle-circles\" picture=\"knee.png\"",
    LC_ROUTINE_ERROR_INVALID, "7:5: step “bend” has both an illustration and a picture: keep one of the two" },
  { "bad-illustration-name", "illustration=\"ankle-circles\"", "illustration=\"moon walk\"",
    LC_ROUTINE_ERROR_UNKNOWN_ILLUSTRATION, "12:5: step “circles”: “moon walk” is not an illustration name; use the name of a built-in illustration, such as “ankle-circles”" },
  { "base64-alphabet", "@PNG@", "iVBORw0KGgo*AAAANSUhEUg==\n",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is not valid base64 text: export the routine again" },
  { "base64-length", "@PNG@", "iVBORw0KGgoAAAANSUhEUgA\n",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is not valid base64 text" },
  { "base64-after-padding", "@PNG@", "iVBORw==iVBORw==\n",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is not valid base64 text" },
  { "base64-empty", "@PNG@", "",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is not valid base64 text" },
  { "not-a-picture", "@PNG@", "@TEXT@",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is refused: this is not a PNG, JPEG or SVG picture" },
  { "png-bomb", "@PNG@", "@BOMB@",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is refused: the picture is 100000 × 100000 pixels; use a picture of at most 8192 pixels a side" },
  { "png-area", "@PNG@", "@AREA@",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is refused: the picture is 8192 × 8192 pixels; use a picture of at most 40 million pixels" },
  { "svg-laughs", "@PNG@", "@LAUGHS@",
    LC_ROUTINE_ERROR_INVALID, "the picture “knee.png” is refused: the SVG picture has a document type or entity declaration" },
  { "file-laughs", "<legcare-routine version=\"1\">",
    "<!DOCTYPE legcare-routine [\n  <!ENTITY a \"aaaaaaaaaa\">\n  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
    "<legcare-routine version=\"&b;\">",
    LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "file-entity", "<name>Knee Routine</name>", "<name>Knee &b;</name>",
    LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML" },
  { "after-root", "</legcare-routine>\n", "</legcare-routine>\n<picture name=\"extra.svg\">\n@SVG@</picture>\n",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, "23:1: <picture> comes after </legcare-routine>: everything belongs inside <legcare-routine>" },
};

static void
assert_refused (Fixture    *f,
                GFile      *file,
                int         code,
                const char *message)
{
  g_autoptr(GHashTable) pictures = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_autoptr(GFile) installed = NULL;
  g_autoptr(GError) error = NULL;

  lc_routine_loader_set_picture_dir (f->loader, f->pictures);
  lc_routine_library_load (f->library);
  routine = lc_routine_share_read (f->loader, file, &pictures, &error);

  /* What the app does with what it read */
  if (routine != NULL)
    installed = lc_routine_share_install (routine, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, NULL);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (installed);
      return;
    }

  g_assert_null (routine);
  g_assert_null (pictures);
  g_assert_error (error, LC_ROUTINE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, SHARED_NAME ":"));
  if (message != NULL && strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);

  assert_dir_lists (f->routines, "");
  assert_dir_lists (f->pictures, "");
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  const HostileCase *hostile = data;
  g_autofree char *xml = NULL;
  g_autoptr(GFile) file = NULL;

  if (hostile->from == NULL)
    xml = g_strdup (hostile->to);
  else
    {
      GString *edited = g_string_new (hostile_base);

      const char *at = strstr (edited->str, hostile->from);

      g_assert_nonnull (at);
      if (hostile->to == NULL)
        g_string_truncate (edited, at - edited->str);
      else if (*hostile->from != '\0')
        g_assert_cmpuint (g_string_replace (edited, hostile->from, hostile->to, 1), ==, 1);
      xml = expand (edited->str);
      g_string_free (edited, TRUE);
    }

  file = write_file (f->dir, SHARED_NAME, xml, strlen (xml));
  assert_refused (f, file, hostile->code, hostile->message);
}

static void
test_hostile_binary (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GFile) file = write_file (f->dir, SHARED_NAME, g_bytes_get_data (png, NULL), g_bytes_get_size (png));

  assert_refused (f, file, LC_ROUTINE_ERROR_MALFORMED, "this is not well-formed XML");
}

/* Base64 beyond what LC_PICTURE_MAX_BYTES can take: refused as it is read,
 * not decoded */
static void
test_hostile_long_base64 (Fixture       *f,
                          gconstpointer  data)
{
  gsize chars = (gsize) LC_PICTURE_MAX_BYTES / 3 * 4 + 4 * 1024 * 1024;
  GString *xml = g_string_new (HEAD "<legcare-routine version=\"1\">\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *line = g_strnfill (76, 'A');

  g_string_append (xml, SHARED_ROUTINE);
  g_string_append (xml, "  <picture name=\"knee.png\">\n");
  for (gsize at = 0; at < chars; at += 76)
    {
      g_string_append_len (xml, line, 76);
      g_string_append_c (xml, '\n');
    }
  g_string_append (xml, "  </picture>\n</legcare-routine>\n");
  g_assert_cmpuint (xml->len, <, LC_ROUTINE_SHARE_MAX_FILE_SIZE);

  file = write_file (f->dir, SHARED_NAME, xml->str, xml->len);
  g_string_free (xml, TRUE);
  assert_refused (f, file, LC_ROUTINE_ERROR_TOO_LARGE,
                  "the picture “knee.png” is larger than 8 MiB: use a smaller picture in the routine and export it again");
}

static void
test_hostile_many_pictures (Fixture       *f,
                            gconstpointer  data)
{
  GString *xml = g_string_new (HEAD "<legcare-routine version=\"1\">\n");
  g_autoptr(GBytes) svg_bytes = bytes_for (svg);
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GFile) file = NULL;

  g_string_append (xml, SHARED_ROUTINE);
  for (guint i = 0; i < LC_ROUTINE_MAX_STEPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u.svg", i);
      g_autofree char *element = picture_element (name, svg_bytes);

      g_string_append (xml, element);
    }
  {
    g_autofree char *element = picture_element ("knee.png", png);

    g_string_append (xml, element);
  }
  g_string_append (xml, "</legcare-routine>\n");

  file = write_file (f->dir, SHARED_NAME, xml->str, xml->len);
  g_string_free (xml, TRUE);
  assert_refused (f, file, LC_ROUTINE_ERROR_OUT_OF_RANGE,
                  "the file holds more than 50 pictures; a routine can show at most one per step");
}

/* More than 40 MiB: refused by its size, before it is read */
static void
test_hostile_huge_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (f->dir, SHARED_NAME);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), HEAD, strlen (HEAD), NULL, NULL, &error));
  g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), 41 * 1024 * 1024, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), ==, 41 * 1024 * 1024);

  /* Where the file cannot be read, only its size can refuse it */
  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (g_file_peek_path (file), 0200), ==, 0);

  assert_refused (f, file, LC_ROUTINE_ERROR_TOO_LARGE,
                  SHARED_NAME ":1:1: the file is 41.0\u00a0MiB; a shared routine can be at most 40 MiB");
}

/* Not a file one can read to its end: refused, not waited for */
static void
test_hostile_fifo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (f->dir, SHARED_NAME);

  g_assert_cmpint (mkfifo (g_file_peek_path (file), 0600), ==, 0);

  /* Rather than hang until the test times out */
  alarm (30);
  assert_refused (f, file, LC_ROUTINE_ERROR_IO, SHARED_NAME ":1:1: the file could not be read: it is not a regular file");
  alarm (0);
}

static void
test_hostile_missing_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (f->dir, SHARED_NAME);

  assert_refused (f, file, LC_ROUTINE_ERROR_IO, SHARED_NAME ":1:1: the file could not be read");
}

/* The pictures of a shared file have a budget together: four of 36
 * million pixels are fine, five are refused before any is decoded, and a
 * routine whose pictures exceed it is not exported. */
static void
test_share_pixel_budget (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (2, 2, 0);
  g_autoptr(GBytes) huge = make_png (6000, 6000, 0);
  g_autofree char *knee = picture_element ("knee.png", png);

  for (guint n = 4; n <= 5; n++)
    {
      GString *xml = g_string_new (HEAD "<legcare-routine version=\"1\">\n" SHARED_ROUTINE);
      g_autofree char *text = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GHashTable) pictures = NULL;
      g_autoptr(LcRoutine) routine = NULL;
      g_autoptr(GError) error = NULL;

      g_string_append (xml, knee);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("big%u.png", i);
          g_autofree char *element = picture_element (name, huge);

          g_string_append (xml, element);
        }
      g_string_append (xml, "</legcare-routine>\n");
      text = g_string_free (xml, FALSE);
      file = write_file (f->dir, SHARED_NAME, text, strlen (text));

      routine = lc_routine_share_read (f->loader, file, &pictures, &error);
      if (n == 4)
        {
          g_assert_no_error (error);
          g_assert_nonnull (routine);
        }
      else
        {
          g_assert_null (routine);
          g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "160 million pixels"));
        }
    }
}

/* --- Killed while adding ------------------------------------------------------- */

/* Adds shared routines, each with pictures no earlier one had, until
 * killed. */
static void G_GNUC_NORETURN
install_until_killed (Fixture *f,
                      guint    first,
                      int      ack_fd)
{
  for (guint i = first; ; i++)
    {
      g_autoptr(GBytes) one = make_png (40 + i % 7, 30, 200000 + i);
      g_autoptr(GBytes) two = make_png (50, 20 + i % 5, 300000 + i);
      g_autofree char *knee = picture_element ("knee.png", one);
      g_autofree char *photo = picture_element ("photo.png", two);
      GString *routine = g_string_new (SHARED_ROUTINE);
      g_autofree char *routine_xml = NULL;
      g_autofree char *xml = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GHashTable) pictures = NULL;
      g_autoptr(LcRoutine) received = NULL;
      g_autoptr(GFile) installed = NULL;

      g_string_replace (routine, "  </routine>\n",
                        "    <step id=\"photo\" picture=\"photo.png\" duration=\"10\">\n"
                        "      <title>Photo</title>\n"
                        "      <instruction>Look.</instruction>\n"
                        "      <cue>Look.</cue>\n"
                        "    </step>\n"
                        "  </routine>\n", 1);
      routine_xml = g_string_free (routine, FALSE);
      xml = g_strconcat (HEAD "<legcare-routine version=\"1\">\n", routine_xml, knee, photo,
                         "</legcare-routine>\n", NULL);
      file = write_file (f->dir, SHARED_NAME, xml, strlen (xml));
      received = lc_routine_share_read (f->loader, file, &pictures, NULL);
      if (received == NULL)
        _exit (2);
      installed = lc_routine_share_install (received, pictures, f->loader, lc_routine_library_get_routines (f->library), f->routines, f->pictures, NULL);
      if (installed == NULL || write (ack_fd, "+", 1) != 1)
        _exit (3);
    }
}

/* SIGKILL at random moments while shared routines are added: no picture
 * is ever half-written under its content name, and every routine file in
 * the folder is whole and has its pictures. */
static void
test_share_install_killed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (25);
  guint rounds = 40;
  guint n_routines = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GFileEnumerator) pictures = NULL;
      g_autoptr(GFileEnumerator) routines = NULL;
      GFileInfo *info;
      pid_t pid;
      int status;

      int fds[2];
      char ack;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          install_until_killed (f, round * 1000, fds[1]);
        }
      close (fds[1]);

      /* Once one routine is in, at a random moment of the ones after it */
      g_assert_cmpint (read (fds[0], &ack, 1), ==, 1);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      close (fds[0]);
      g_assert_true (WIFSIGNALED (status));

      /* Every picture under a content name is that content */
      pictures = g_file_enumerate_children (f->pictures, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                            NULL, NULL);
      while (pictures != NULL && (info = g_file_enumerator_next_file (pictures, NULL, NULL)) != NULL)
        {
          const char *name = g_file_info_get_name (info);

          if (g_str_has_suffix (name, ".png"))
            {
              g_autoptr(GFile) picture = g_file_get_child (f->pictures, name);
              g_autoptr(GBytes) bytes = read_file (picture);
              g_autofree char *expected = lc_picture_name_for (bytes, LC_PICTURE_PNG);

              g_assert_cmpstr (name, ==, expected);
            }
          g_object_unref (info);
        }

      /* Every routine file loads, with its pictures */
      lc_routine_loader_set_picture_dir (f->loader, f->pictures);
      routines = g_file_enumerate_children (f->routines, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                            NULL, NULL);
      while (routines != NULL && (info = g_file_enumerator_next_file (routines, NULL, NULL)) != NULL)
        {
          const char *name = g_file_info_get_name (info);

          if (g_str_has_suffix (name, ".xml"))
            {
              g_autoptr(GFile) routine_file = g_file_get_child (f->routines, name);
              g_autoptr(GError) error = NULL;
              g_autoptr(LcRoutine) routine = lc_routine_loader_load_file (f->loader, routine_file, &error);

              g_assert_no_error (error);
              g_assert_nonnull (routine);
              n_routines++;
            }
          g_object_unref (info);
        }
      lc_routine_loader_set_picture_dir (f->loader, NULL);
    }

  /* The kills came while adding, not before the first */
  g_test_message ("%u routine files checked", n_routines);
  g_assert_cmpuint (n_routines, >, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  memset (long_cue, 'x', sizeof long_cue - 1);

#define ADD(path, func) \
  g_test_add ("/lc/routine-share/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("draft/round-trip", test_draft_round_trip);
  ADD ("share/pixel-budget", test_share_pixel_budget);
  ADD ("share/install-killed", test_share_install_killed);
  ADD ("draft/step-ids", test_draft_step_ids);
  ADD ("draft/order-and-duration", test_draft_order_and_duration);
  ADD ("draft/changed", test_draft_changed);
  ADD ("draft/check-routine", test_draft_check_routine);
  ADD ("draft/check-limits", test_draft_check_limits);
  ADD ("draft/check-steps", test_draft_check_steps);
  ADD ("draft/make-id", test_draft_make_id);
  ADD ("draft/save", test_draft_save);
  ADD ("draft/save-refused", test_draft_save_refused);
  ADD ("draft/save-picture", test_draft_save_picture);
  ADD ("share/test-png", test_share_crc);
  ADD ("share/round-trip", test_share_round_trip);
  ADD ("share/install-names", test_share_install_names);
  ADD ("share/install-taken-file", test_share_install_taken_file);
  ADD ("share/install-undone", test_share_install_undone);
  ADD ("share/largest-picture", test_share_largest_picture);
  ADD ("hostile/binary", test_hostile_binary);
  ADD ("hostile/long-base64", test_hostile_long_base64);
  ADD ("hostile/many-pictures", test_hostile_many_pictures);
  ADD ("hostile/huge-file", test_hostile_huge_file);
  ADD ("hostile/fifo", test_hostile_fifo);
  ADD ("hostile/missing-file", test_hostile_missing_file);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lc/routine-share/hostile/%s", hostile_cases[i].name);

      g_test_add (path, Fixture, &hostile_cases[i], fixture_set_up, test_hostile, fixture_tear_down);
    }

  return g_test_run ();
}
