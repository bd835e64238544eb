/* test-routine-loader.c: the routine model and its strict loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "lc-routine-library.h"
#include "lc-routine-loader.h"
#include "lc-test-util.h"

static const char *illustrations[] = { "ankle-circles", "breathing", "heel-raises", NULL };

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* A valid routine: 2 steps, 15×2 + (30·2 + 5) + 10 = 105 s */
static const char *valid =
  HEAD
  "<routine id=\"test\" version=\"1\">\n"
  "  <name>Test   Routine</name>\n"
  "  <summary>For\n      testing</summary>\n"
  "  <category>stretching</category>\n"
  "  <caution>Stop if it hurts.</caution>\n"
  "  <caution>Not with an open wound.</caution>\n"
  "  <step id=\"raise\" illustration=\"heel-raises\" repetitions=\"15\" pace=\"2\">\n"
  "    <title>Heel Raises</title>\n"
  "    <instruction>Lift both heels.</instruction>\n"
  "    <cue>Heel raises.</cue>\n"
  "  </step>\n"
  "  <step id=\"circles\" illustration=\"ankle-circles\" duration=\"30\" sides=\"both\" rest=\"10\">\n"
  "    <title>Ankle Circles</title>\n"
  "    <instruction>Circle the foot.</instruction>\n"
  "    <cue>Ankle circles, left foot.</cue>\n"
  "    <cue-switch>Now the right foot.</cue-switch>\n"
  "    <cue-halfway>Halfway.</cue-halfway>\n"
  "  </step>\n"
  "</routine>\n";

static LcRoutine *
parse (const char  *xml,
       GError     **error)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);

  return lc_routine_loader_parse (loader, xml, strlen (xml), "test.xml", LC_ROUTINE_ORIGIN_USER, error);
}

/* Replace the first @from in the valid routine with @to. */
static char *
variant (const char *from,
         const char *to)
{
  const char *at = strstr (valid, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - valid), valid, to, at + strlen (from));
}

static void
test_loader_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutine) routine = parse (valid, &error);
  LcStep *step;

  g_assert_no_error (error);
  g_assert_nonnull (routine);

  g_assert_cmpstr (lc_routine_get_id (routine), ==, "test");
  /* White space is normalized, as xgettext does. */
  g_assert_cmpstr (lc_routine_get_name (routine), ==, "Test Routine");
  g_assert_cmpstr (lc_routine_get_summary (routine), ==, "For testing");
  g_assert_cmpint (lc_routine_get_category (routine), ==, LC_CATEGORY_STRETCHING);
  g_assert_cmpuint (g_strv_length ((GStrv) lc_routine_get_cautions (routine)), ==, 2);
  g_assert_cmpstr (lc_routine_get_cautions (routine)[1], ==, "Not with an open wound.");
  g_assert_cmpuint (lc_routine_get_n_steps (routine), ==, 2);
  g_assert_cmpstr (lc_routine_get_source (routine), ==, "test.xml");
  g_assert_cmpint (lc_routine_get_origin (routine), ==, LC_ROUTINE_ORIGIN_USER);
  g_assert_cmpstr (lc_routine_get_illustration (routine), ==, "heel-raises");

  step = lc_routine_get_step (routine, 0);
  g_assert_cmpstr (lc_step_get_id (step), ==, "raise");
  g_assert_cmpuint (lc_step_get_repetitions (step), ==, 15);
  g_assert_cmpuint (lc_step_get_pace (step), ==, 2);
  g_assert_cmpuint (lc_step_get_duration (step), ==, 0);
  g_assert_cmpint (lc_step_get_sides (step), ==, LC_SIDES_NONE);
  g_assert_null (lc_step_get_cue_switch (step));
  g_assert_cmpuint (lc_step_get_total_seconds (step), ==, 30);

  step = lc_routine_get_step (routine, 1);
  g_assert_cmpstr (lc_step_get_title (step), ==, "Ankle Circles");
  g_assert_cmpstr (lc_step_get_instruction (step), ==, "Circle the foot.");
  g_assert_cmpstr (lc_step_get_illustration (step), ==, "ankle-circles");
  g_assert_cmpstr (lc_step_get_cue (step), ==, "Ankle circles, left foot.");
  g_assert_cmpstr (lc_step_get_cue_switch (step), ==, "Now the right foot.");
  g_assert_cmpstr (lc_step_get_cue_halfway (step), ==, "Halfway.");
  g_assert_cmpint (lc_step_get_sides (step), ==, LC_SIDES_BOTH);
  g_assert_cmpuint (lc_step_get_rest (step), ==, 10);
  g_assert_cmpuint (lc_step_get_work_seconds (step), ==, 30);
  g_assert_cmpuint (lc_step_get_total_seconds (step), ==, 30 + 5 + 30 + 10);

  g_assert_cmpuint (lc_routine_get_duration (routine), ==, 30 + 75);
}

static void
test_loader_expand (void)
{
  g_autoptr(LcRoutine) routine = parse (valid, NULL);
  g_autoptr(GArray) segments = lc_routine_expand (routine);
  const LcSegment expected[] = {
    { LC_SEGMENT_WORK, LC_SIDE_NONE, 0, 30, 15, 2 },
    { LC_SEGMENT_WORK, LC_SIDE_LEFT, 1, 30, 0, 0 },
    { LC_SEGMENT_SWITCH, LC_SIDE_RIGHT, 1, LC_STEP_SWITCH_SECONDS, 0, 0 },
    { LC_SEGMENT_WORK, LC_SIDE_RIGHT, 1, 30, 0, 0 },
    { LC_SEGMENT_REST, LC_SIDE_NONE, 1, 10, 0, 0 },
  };
  guint total = 0;

  g_assert_cmpuint (segments->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < segments->len; i++)
    {
      LcSegment *segment = &g_array_index (segments, LcSegment, i);

      g_assert_cmpint (segment->kind, ==, expected[i].kind);
      g_assert_cmpint (segment->side, ==, expected[i].side);
      g_assert_cmpuint (segment->step_index, ==, expected[i].step_index);
      g_assert_cmpuint (segment->seconds, ==, expected[i].seconds);
      g_assert_cmpuint (segment->repetitions, ==, expected[i].repetitions);
      g_assert_cmpuint (segment->pace, ==, expected[i].pace);
      total += segment->seconds;
    }

  /* The expansion and the estimate agree. */
  g_assert_cmpuint (total, ==, lc_routine_get_duration (routine));
}

static void
test_loader_check_start (void)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autofree char *massage_xml = variant ("<category>stretching</category>", "<category>massage</category>");
  g_autofree char *mixed_xml = variant ("<category>stretching</category>", "<category>mixed</category>");
  g_autoptr(LcRoutine) exercise = parse (valid, NULL);
  g_autoptr(LcRoutine) massage = lc_routine_loader_parse (loader, massage_xml, strlen (massage_xml),
                                                          "m.xml", LC_ROUTINE_ORIGIN_BUILTIN, NULL);
  g_autoptr(LcRoutine) mixed = lc_routine_loader_parse (loader, mixed_xml, strlen (mixed_xml),
                                                        "x.xml", LC_ROUTINE_ORIGIN_BUILTIN, NULL);
  g_autoptr(LcRoutine) own_massage = lc_routine_loader_parse (loader, massage_xml, strlen (massage_xml),
                                                              "own.xml", LC_ROUTINE_ORIGIN_USER, NULL);

  /* No massage: never asks. */
  g_assert_false (lc_routine_includes_massage (exercise));
  g_assert_cmpint (lc_routine_check_start (exercise, LC_LYMPH_ANSWER_UNKNOWN), ==, LC_START_OK);
  g_assert_cmpint (lc_routine_check_start (exercise, LC_LYMPH_ANSWER_YES), ==, LC_START_OK);

  /* Massage, built in: ask once; refuse after node treatment. */
  for (guint i = 0; i < 2; i++)
    {
      LcRoutine *routine = i == 0 ? massage : mixed;

      g_assert_true (lc_routine_includes_massage (routine));
      g_assert_cmpint (lc_routine_check_start (routine, LC_LYMPH_ANSWER_UNKNOWN), ==, LC_START_ASK_LYMPH);
      g_assert_cmpint (lc_routine_check_start (routine, LC_LYMPH_ANSWER_NO), ==, LC_START_OK);
      g_assert_cmpint (lc_routine_check_start (routine, LC_LYMPH_ANSWER_YES), ==, LC_START_REFUSED);
      g_assert_cmpint (lc_routine_check_start (routine, LC_LYMPH_ANSWER_UNSURE), ==, LC_START_REFUSED);
    }

  /* The user's own massage routine (maybe from their therapist): asks, never
   * refuses, but after yes or not sure it asks for a confirmation. */
  g_assert_cmpint (lc_routine_check_start (own_massage, LC_LYMPH_ANSWER_UNKNOWN), ==, LC_START_ASK_LYMPH);
  g_assert_cmpint (lc_routine_check_start (own_massage, LC_LYMPH_ANSWER_NO), ==, LC_START_OK);
  g_assert_cmpint (lc_routine_check_start (own_massage, LC_LYMPH_ANSWER_YES), ==, LC_START_CONFIRM);
  g_assert_cmpint (lc_routine_check_start (own_massage, LC_LYMPH_ANSWER_UNSURE), ==, LC_START_CONFIRM);
}

/* The cautions' digest: of the text as written (white space normalized),
 * the same for a built-in routine in any language; the dictionary of
 * acknowledged digests says when a routine's cautions must be read again. */
static void
test_loader_cautions_digest (void)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autofree char *reflowed_xml = variant ("<caution>Stop if it hurts.</caution>",
                                           "<caution>\n    Stop if   it\n hurts.\n  </caution>");
  g_autofree char *edited_xml = variant ("Stop if it hurts.", "Stop if it hurts or tingles.");
  g_autofree char *swapped_xml = variant ("<caution>Stop if it hurts.</caution>\n"
                                          "  <caution>Not with an open wound.</caution>",
                                          "<caution>Not with an open wound.</caution>\n"
                                          "  <caution>Stop if it hurts.</caution>");
  g_autofree char *none_xml = variant ("<caution>Stop if it hurts.</caution>\n"
                                       "  <caution>Not with an open wound.</caution>\n", "");
  g_autoptr(LcRoutine) routine = parse (valid, NULL);
  g_autoptr(LcRoutine) reflowed = parse (reflowed_xml, NULL);
  g_autoptr(LcRoutine) edited = parse (edited_xml, NULL);
  g_autoptr(LcRoutine) swapped = parse (swapped_xml, NULL);
  g_autoptr(LcRoutine) none = parse (none_xml, NULL);
  g_autoptr(LcRoutine) builtin = lc_routine_loader_parse (loader, valid, strlen (valid), "b.xml",
                                                          LC_ROUTINE_ORIGIN_BUILTIN, NULL);
  g_autoptr(GVariant) empty = g_variant_ref_sink (g_variant_new_parsed ("@a{ss} {}"));
  g_autoptr(GVariant) other = g_variant_ref_sink (g_variant_new_parsed ("{'other': 'abc'}"));
  g_autoptr(GVariant) acknowledged = NULL;
  g_autoptr(GVariant) again = NULL;
  const char *digest;

  g_assert_nonnull (routine);
  g_assert_nonnull (none);
  digest = lc_routine_get_cautions_digest (routine);
  g_assert_nonnull (digest);
  g_assert_cmpuint (strlen (digest), ==, 64);
  g_assert_cmpstr (lc_routine_get_cautions_digest (reflowed), ==, digest);
  g_assert_cmpstr (lc_routine_get_cautions_digest (builtin), ==, digest);
  g_assert_cmpstr (lc_routine_get_cautions_digest (edited), !=, digest);
  g_assert_cmpstr (lc_routine_get_cautions_digest (swapped), !=, digest);
  g_assert_null (lc_routine_get_cautions_digest (none));

  /* Not acknowledged yet; nothing to acknowledge without cautions */
  g_assert_false (lc_routine_get_cautions_acknowledged (routine, empty));
  g_assert_false (lc_routine_get_cautions_changed (routine, empty));
  g_assert_true (lc_routine_get_cautions_acknowledged (none, empty));

  /* Acknowledged: the other routines' entries stay */
  acknowledged = g_variant_ref_sink (lc_routine_acknowledge_cautions (routine, other));
  g_assert_true (g_variant_is_of_type (acknowledged, G_VARIANT_TYPE ("a{ss}")));
  g_assert_cmpuint (g_variant_n_children (acknowledged), ==, 2);
  g_assert_true (lc_routine_get_cautions_acknowledged (routine, acknowledged));
  g_assert_true (lc_routine_get_cautions_acknowledged (reflowed, acknowledged));
  g_assert_false (lc_routine_get_cautions_changed (routine, acknowledged));

  /* Edited: to be read again, and said to have changed */
  g_assert_false (lc_routine_get_cautions_acknowledged (edited, acknowledged));
  g_assert_true (lc_routine_get_cautions_changed (edited, acknowledged));
  again = g_variant_ref_sink (lc_routine_acknowledge_cautions (edited, acknowledged));
  g_assert_cmpuint (g_variant_n_children (again), ==, 2);
  g_assert_true (lc_routine_get_cautions_acknowledged (edited, again));
  g_assert_false (lc_routine_get_cautions_acknowledged (routine, again));
}

static void
test_loader_timing_text (void)
{
  g_autoptr(LcRoutine) routine = parse (valid, NULL);
  g_autofree char *first = lc_step_describe_timing (lc_routine_get_step (routine, 0));
  g_autofree char *second = lc_step_describe_timing (lc_routine_get_step (routine, 1));

  g_assert_cmpstr (first, ==, "15 × 2 s");
  g_assert_cmpstr (second, ==, "30 s, each leg, then 10 s rest");
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  int         code;
  const char *message;   /* the first problem, with file:line:column */
  guint       problems;  /* how many lines the message may have; 0: 1 */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "malformed", "</step>\n  <step id=\"circles\"", "<step id=\"circles\"",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT, NULL, 2 },
  { "unclosed", "</routine>\n", "",
    LC_ROUTINE_ERROR_MALFORMED, NULL },
  { "not-a-routine", "<routine id=\"test\" version=\"1\">", "<recipe id=\"test\" version=\"1\">",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
    "test.xml:2:1: this is not a routine: the file must start with <routine>, not <recipe>" },
  { "unknown-element", "<caution>Stop if it hurts.</caution>", "<colour>red</colour>",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
    "test.xml:7:3: <routine> cannot contain <colour>; it can contain: <name>, <summary>, <category>, <caution>, <step>" },
  { "unknown-step-element", "<title>Heel Raises</title>", "<titel>Heel Raises</titel>",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
    "test.xml:10:5: <step> cannot contain <titel>; it can contain: <title>, <instruction>, <cue>, <cue-switch>, <cue-halfway>", 2 },
  { "element-in-text", "<title>Heel Raises</title>", "<title>Heel <b>Raises</b></title>",
    LC_ROUTINE_ERROR_UNKNOWN_ELEMENT,
    "test.xml:10:17: <title> holds text only, not <b>: remove the element or the tags around the text" },
  { "unknown-attribute", "pace=\"2\"", "pace=\"2\" speed=\"3\"",
    LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
    "test.xml:9:3: <step> has no attribute “speed”; it can have: id, illustration, picture, duration, repetitions, pace, sides, rest" },
  { "attribute-on-text", "<name>", "<name lang=\"en\">",
    LC_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
    "test.xml:3:3: <name> has no attribute “lang”; it has no attributes" },
  { "missing-id", "<routine id=\"test\" version=\"1\">", "<routine version=\"1\">",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:2:1: <routine> has no id: add id=\"…\" with lowercase letters, digits and dashes" },
  { "bad-id", "id=\"test\"", "id=\"Test Routine\"",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:2:1: the routine id “Test Routine” is not valid: use 1 to 64 lowercase letters, digits and dashes, starting with a letter" },
  { "missing-version", " version=\"1\">", ">",
    LC_ROUTINE_ERROR_MISSING, "test.xml:2:1: <routine> has no version: add version=\"1\"" },
  { "future-version", "version=\"1\"", "version=\"2\"",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:2:1: routine format version “2” is not known: this version of Leg Care reads version 1" },
  { "missing-name", "<name>Test   Routine</name>\n", "",
    LC_ROUTINE_ERROR_MISSING, "test.xml:20:1: the routine has no <name>: add the routine’s name" },
  { "empty-name", "<name>Test   Routine</name>", "<name>  </name>",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:3:11: <name> is empty: write its text, or remove it if it is optional" },
  { "twice-name", "<name>Test   Routine</name>", "<name>A</name><name>B</name>",
    LC_ROUTINE_ERROR_DUPLICATE, "test.xml:3:17: <name> is given twice: keep one" },
  { "long-name", "<name>Test   Routine</name>",
    "<name>A name that goes on and on and on and on and on and on and on and on</name>",
    LC_ROUTINE_ERROR_OUT_OF_RANGE, "test.xml:3:77: <name> is 68 characters long; keep it to 60" },
  { "missing-category", "<category>stretching</category>\n", "",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:20:1: the routine has no <category>: add one of massage, elevation, stretching, mixed" },
  { "bad-category", "<category>stretching</category>", "<category>yoga</category>",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:6:17: the category must be massage, elevation, stretching or mixed, not “yoga”" },
  { "no-steps", NULL, NULL, LC_ROUTINE_ERROR_MISSING,
    "test.xml:4:1: the routine has no steps: add at least one <step>" },
  { "missing-step-id", "<step id=\"raise\" ", "<step ",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:9:3: step 1 has no id: add id=\"…\" with lowercase letters, digits and dashes" },
  { "duplicate-step-id", "id=\"circles\"", "id=\"raise\"",
    LC_ROUTINE_ERROR_DUPLICATE,
    "test.xml:14:3: there is already a step with the id “raise”: give each step its own id" },
  { "missing-illustration", " illustration=\"heel-raises\"", "",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:9:3: step “raise” has no illustration: add illustration=\"…\" with the name of a built-in illustration" },
  { "bad-illustration-name", "illustration=\"heel-raises\"", "illustration=\"../moonwalk\"",
    LC_ROUTINE_ERROR_UNKNOWN_ILLUSTRATION,
    "test.xml:9:3: step “raise”: “../moonwalk” is not an illustration name; use the name of a built-in illustration, such as “ankle-circles”" },
  { "no-timing", " repetitions=\"15\" pace=\"2\"", "",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:9:3: step “raise” has no timing: add duration=\"seconds\", or repetitions=\"count\" with pace=\"seconds\"" },
  { "both-timings", "pace=\"2\"", "pace=\"2\" duration=\"30\"",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:9:3: step “raise” has both a duration and repetitions: give either duration=\"seconds\", or repetitions=\"count\" with pace=\"seconds\"" },
  { "pace-missing", " pace=\"2\"", "",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:9:3: step “raise” needs both repetitions=\"count\" and pace=\"seconds per repetition\"" },
  { "duration-zero", "duration=\"30\"", "duration=\"0\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:14:3: step “circles”: duration must be a whole number from 1 to 3600 (seconds, up to an hour), not “0”" },
  { "duration-too-long", "duration=\"30\"", "duration=\"3601\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:14:3: step “circles”: duration must be a whole number from 1 to 3600 (seconds, up to an hour), not “3601”" },
  { "duration-not-a-number", "duration=\"30\"", "duration=\"half a minute\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:14:3: step “circles”: duration must be a whole number from 1 to 3600 (seconds, up to an hour), not “half a minute”" },
  { "pace-out-of-range", "pace=\"2\"", "pace=\"61\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:9:3: step “raise”: pace must be a whole number from 1 to 60 (seconds per repetition), not “61”" },
  { "step-over-an-hour", "repetitions=\"15\" pace=\"2\"", "repetitions=\"200\" pace=\"60\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:9:3: step “raise” takes 12000 seconds; a step can take at most an hour (3600 seconds): use fewer repetitions" },
  { "bad-sides", "sides=\"both\"", "sides=\"left\"",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:14:3: step “circles”: sides must be “both” (left leg, then right) or “none”, not “left”" },
  { "rest-out-of-range", "rest=\"10\"", "rest=\"601\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:14:3: step “circles”: rest must be a whole number from 1 to 600 (seconds of rest after the step), not “601”" },
  { "missing-cue", "    <cue>Heel raises.</cue>\n", "",
    LC_ROUTINE_ERROR_MISSING,
    "test.xml:12:3: step “raise” has no <cue>: add the words the voice says when the step starts" },
  { "switch-without-sides", "    <cue>Heel raises.</cue>\n",
    "    <cue>Heel raises.</cue>\n    <cue-switch>Other leg.</cue-switch>\n",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:14:3: step “raise” has a <cue-switch> but is not done per side: add sides=\"both\" or remove <cue-switch>" },
  { "stray-text", "  <category>", "  stray words <category>",
    LC_ROUTINE_ERROR_INVALID,
    "test.xml:6:15: unexpected text “stray words”: text belongs inside an element such as <title>" },
  { "routine-over-two-hours", "duration=\"30\"", "duration=\"3600\"",
    LC_ROUTINE_ERROR_OUT_OF_RANGE,
    "test.xml:21:1: the routine takes 121 min; it can take at most 2 hours (120 min): shorten or remove steps" },
  /* GMarkup's message quotes the bad byte: shown as U+FFFD, never as it is */
  { "not-utf8", "Test   Routine", "Test \xff Routine",
    LC_ROUTINE_ERROR_MALFORMED,
    "test.xml:3:24: this is not well-formed XML (Error on line 3 char 24: Invalid UTF-8 encoded text in name "
    "\u2014 not valid \u201cTest \ufffd Routine\u201d): check that every element is closed and every attribute quoted" },
  { "empty-file", NULL, NULL, LC_ROUTINE_ERROR_MALFORMED, NULL },
};

static void
test_loader_error (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_autofree char *xml = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_str_equal (error_case->name, "no-steps"))
    xml = g_strdup (HEAD "<routine id=\"x\" version=\"1\"><name>N</name><summary>S</summary>\n"
                    "<category>mixed</category>\n</routine>\n");
  else if (g_str_equal (error_case->name, "empty-file"))
    xml = g_strdup ("");
  else
    xml = variant (error_case->from, error_case->to);

  routine = parse (xml, &error);
  g_assert_null (routine);
  g_assert_error (error, LC_ROUTINE_ERROR, error_case->code);
  /* Shown in a label, read by a screen reader */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* One problem a line, each with its place; the first is the mistake
   * made here, what follows only what it also breaks */
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "test.xml:"));
  g_test_message ("%s", error->message);
  g_assert_cmpuint (g_strv_length (lines), <=, (error_case->problems > 0 ? error_case->problems : 1));

  if (error_case->message != NULL)
    g_assert_cmpstr (lines[0], ==, error_case->message);
  else
    g_test_message ("%s", error->message);
}

/* Every independent problem of a file is told, each with its place, in
 * the order of the file (a duplicate id used to be masked by the first
 * problem); a file with very many stops being read at a bound. */
static void
test_loader_all_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = variant ("pace=\"2\"", "pace=\"61\"");
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  g_auto(GStrv) lines = NULL;

  {
    const char *at = strstr (one, "id=\"circles\" illustration=\"ankle-circles\"");

    g_assert_nonnull (at);
    two = g_strdup_printf ("%.*sid=\"raise\" illustration=\"../moonwalk\"%s", (int) (at - one), one,
                           at + strlen ("id=\"circles\" illustration=\"ankle-circles\""));
  }
  /* …and the routine too long, told at its end */
  three = g_strdup (two);
  {
    g_autofree char *longer = NULL;
    const char *at = strstr (three, "duration=\"30\"");

    g_assert_nonnull (at);
    longer = g_strdup_printf ("%.*sduration=\"3600\"%s", (int) (at - three), three, at + strlen ("duration=\"30\""));
    g_set_str (&three, longer);
  }

  routine = parse (two, &error);
  g_assert_null (routine);
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_OUT_OF_RANGE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==,
                   "test.xml:9:3: step “raise”: pace must be a whole number from 1 to 60 (seconds per repetition), not “61”");
  g_assert_cmpstr (lines[1], ==,
                   "test.xml:14:3: there is already a step with the id “raise”: give each step its own id");
  g_assert_cmpstr (lines[2], ==,
                   "test.xml:14:3: step “raise”: “../moonwalk” is not an illustration name; use the name of a "
                   "built-in illustration, such as “ankle-circles”");
  g_clear_error (&error);
  g_clear_pointer (&lines, g_strfreev);

  routine = parse (three, &error);
  g_assert_null (routine);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[3], "test.xml:21:1: the routine takes 121 min;"));
  g_clear_error (&error);
  g_clear_pointer (&lines, g_strfreev);

  /* Many problems: a bounded number is told, and the last line says so */
  {
    g_autoptr(GString) many = g_string_new (HEAD "<routine id=\"test\" version=\"1\">\n");

    for (guint i = 0; i < 1000; i++)
      g_string_append (many, "  <colour>red</colour>\n");
    g_string_append (many, "</routine>\n");
    routine = parse (many->str, &error);
    g_assert_null (routine);
    g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_UNKNOWN_ELEMENT);
    lines = g_strsplit (error->message, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 101);
    g_assert_true (g_str_has_prefix (lines[99], "test.xml:102:3: <routine> cannot contain <colour>"));
    g_assert_cmpstr (lines[100], ==, "test.xml: more problems after these 100; the file was not read further");
  }
}

/* A step that names an illustration this version does not have (a routine
 * from a newer one): the routine loads, says which, and everything else
 * is still checked. */
static void
test_loader_missing_illustration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = variant ("illustration=\"heel-raises\"", "illustration=\"moonwalk\"");
  g_autoptr(LcRoutine) routine = parse (xml, &error);
  const char * const *missing;
  g_autoptr(LcRoutine) whole = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (routine);
  missing = lc_routine_get_missing_illustrations (routine);
  g_assert_nonnull (missing);
  g_assert_cmpstr (missing[0], ==, "moonwalk");
  g_assert_null (missing[1]);

  /* None missing */
  whole = parse (valid, &error);
  g_assert_no_error (error);
  g_assert_null (lc_routine_get_missing_illustrations (whole));

  /* The rest is checked as strictly as ever */
  {
    g_autofree char *twice = variant ("illustration=\"heel-raises\"", "illustration=\"moonwalk\" duration=\"0\"");
    g_autoptr(LcRoutine) none = parse (twice, &error);

    g_assert_null (none);
    g_assert_nonnull (error);
    g_assert_true (g_str_has_prefix (error->message, "test.xml:9:3:"));
  }
}

static void
test_loader_too_large (void)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcRoutine) routine = NULL;
  gsize size = LC_ROUTINE_MAX_FILE_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "big.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  memset (big, ' ', size);
  routine = lc_routine_loader_parse (loader, big, size, "big.xml", LC_ROUTINE_ORIGIN_USER, &error);
  g_assert_null (routine);
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "big.xml:1:1: the file is 1.0\u00a0MiB; a routine file can be at most 1 MiB");
  g_clear_error (&error);

  /* From a file, the size is checked before anything is read. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, big, size, NULL));
  routine = lc_routine_loader_load_file (loader, file, &error);
  g_assert_null (routine);
  g_assert_error (error, LC_ROUTINE_ERROR, LC_ROUTINE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_loader_user_folder (void)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (illustrations);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "legcare", "routines", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LcRoutineLibrary) library = lc_routine_library_new (loader, NULL, dir, NULL);
  g_autofree char *other = variant ("id=\"test\"", "id=\"other\"");
  g_autofree char *broken = variant ("<category>stretching</category>", "<category>yoga</category>");
  GListModel *routines;
  GListModel *problems;
  g_autoptr(LcRoutineProblem) problem = NULL;

  /* No folder: nothing, and nothing wrong. */
  lc_routine_library_load (library);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_routines (library)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lc_routine_library_get_problems (library)), ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  lc_test_write_file (dir, "a.xml", valid);
  lc_test_write_file (dir, "b-broken.xml", broken);
  lc_test_write_file (dir, "c.xml", other);
  lc_test_write_file (dir, "d-same-id.xml", valid);
  lc_test_write_file (dir, "notes.txt", "not a routine, and not read");

  lc_routine_library_load (library);
  routines = lc_routine_library_get_routines (library);
  problems = lc_routine_library_get_problems (library);

  /* The broken file and the duplicate id hide nothing else. */
  g_assert_cmpuint (g_list_model_get_n_items (routines), ==, 2);
  g_assert_nonnull (lc_routine_library_find (library, "test"));
  g_assert_nonnull (lc_routine_library_find (library, "other"));
  g_assert_false (lc_routine_get_overrides_builtin (lc_routine_library_find (library, "test")));

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);
  problem = g_list_model_get_item (problems, 0);
  g_assert_true (g_str_has_suffix (lc_routine_problem_get_file (problem), "b-broken.xml"));
  g_assert_nonnull (strstr (lc_routine_problem_get_message (problem), "b-broken.xml:6:17: the category"));
  g_clear_object (&problem);
  problem = g_list_model_get_item (problems, 1);
  g_assert_nonnull (strstr (lc_routine_problem_get_message (problem), "the routine id “test” is already used by"));

  /* Loaded again: an unchanged file is not read again (the same routine),
   * a changed one is, and a file that is gone is gone. */
  {
    LcRoutine *first_test = lc_routine_library_find (library, "test");
    LcRoutine *first_other = lc_routine_library_find (library, "other");
    g_autofree char *renamed = variant ("<name>Test   Routine</name>", "<name>Other, renamed</name>");
    g_autofree char *renamed_other = NULL;
    g_autofree char *c_path = g_build_filename (path, "c.xml", NULL);
    g_autofree char *b_path = g_build_filename (path, "b-broken.xml", NULL);
    struct utimbuf later = { time (NULL) + 10, time (NULL) + 10 };

    g_object_ref (first_test);
    g_object_ref (first_other);
    lc_routine_library_load (library);
    g_assert_true (lc_routine_library_find (library, "test") == first_test);
    g_assert_true (lc_routine_library_find (library, "other") == first_other);
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);

    {
      g_auto(GStrv) parts = g_strsplit (renamed, "id=\"test\"", 2);

      renamed_other = g_strjoinv ("id=\"other\"", parts);
    }
    lc_test_write_file (dir, "c.xml", renamed_other);
    g_assert_cmpint (utime (c_path, &later), ==, 0);
    g_assert_cmpint (g_unlink (b_path), ==, 0);
    lc_routine_library_load (library);
    g_assert_true (lc_routine_library_find (library, "test") == first_test);
    g_assert_true (lc_routine_library_find (library, "other") != first_other);
    g_assert_cmpstr (lc_routine_get_name (lc_routine_library_find (library, "other")), ==, "Other, renamed");
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);

    g_object_unref (first_test);
    g_object_unref (first_other);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/routine-loader/valid", test_loader_valid);
  g_test_add_func ("/lc/routine-loader/expand", test_loader_expand);
  g_test_add_func ("/lc/routine-loader/timing-text", test_loader_timing_text);
  g_test_add_func ("/lc/routine-loader/check-start", test_loader_check_start);
  g_test_add_func ("/lc/routine-loader/cautions-digest", test_loader_cautions_digest);
  g_test_add_func ("/lc/routine-loader/too-large", test_loader_too_large);
  g_test_add_func ("/lc/routine-loader/missing-illustration", test_loader_missing_illustration);
  g_test_add_func ("/lc/routine-loader/all-problems", test_loader_all_problems);
  g_test_add_func ("/lc/routine-loader/user-folder", test_loader_user_folder);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lc/routine-loader/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_loader_error);
    }

  return g_test_run ();
}
