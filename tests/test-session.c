/* test-session.c: the session engine on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-routine-loader.h"
#include "lc-session.h"

#define S G_GINT64_CONSTANT (1000000)

/* Step a: 3 × 2 s. Step b: 4 s per side, a 5 s switch, 2 s rest. 21 s. */
static const char *routine_xml =
  "<routine id=\"test\" version=\"1\"><name>Test</name><summary>Test</summary>"
  "<category>stretching</category>"
  "<step id=\"a\" illustration=\"x\" repetitions=\"3\" pace=\"2\">"
  "<title>A</title><instruction>Do a.</instruction><cue>A</cue></step>"
  "<step id=\"b\" illustration=\"x\" duration=\"4\" sides=\"both\" rest=\"2\">"
  "<title>B</title><instruction>Do b.</instruction><cue>B left</cue>"
  "<cue-switch>B right</cue-switch><cue-halfway>Half</cue-halfway></step>"
  "</routine>";

static LcRoutine *
load (const char *xml)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (NULL);
  g_autoptr(GError) error = NULL;
  LcRoutine *routine = lc_routine_loader_parse (loader, xml, strlen (xml), "test.xml",
                                                LC_ROUTINE_ORIGIN_USER, &error);

  g_assert_no_error (error);
  return routine;
}

typedef struct
{
  LcClock   *clock;
  GPtrArray *log;
} Log;

static const char *cue_names[] = {
  [LC_CUE_GET_READY] = "get-ready",
  [LC_CUE_STEP] = "step",
  [LC_CUE_SWITCH] = "switch",
  [LC_CUE_HALFWAY] = "halfway",
  [LC_CUE_REST] = "rest",
  [LC_CUE_REPETITION] = "rep",
  [LC_CUE_COUNTDOWN] = "countdown",
  [LC_CUE_FINISHED] = "finished",
};

static void
cue_cb (LcSession  *session,
        int         kind,
        const char *text,
        guint       value,
        Log        *log)
{
  g_ptr_array_add (log->log, g_strdup_printf ("%g %s %u%s%s",
                                              lc_clock_get_time (log->clock) / (double) S,
                                              cue_names[kind], value,
                                              text ? " " : "", text ? text : ""));
}

static void
finished_cb (LcSession *session,
             gboolean   completed,
             Log       *log)
{
  g_ptr_array_add (log->log, g_strdup_printf ("%g %s", lc_clock_get_time (log->clock) / (double) S,
                                              completed ? "completed" : "stopped"));
}

static void
assert_log (Log          *log,
            const char  **expected)
{
  guint n = g_strv_length ((GStrv) expected);

  for (guint i = 0; i < MAX (n, log->log->len); i++)
    {
      const char *got = i < log->log->len ? log->log->pdata[i] : "(nothing)";
      const char *want = i < n ? expected[i] : "(nothing)";

      if (g_strcmp0 (got, want) != 0)
        g_error ("event %u: got “%s”, expected “%s”", i, got, want);
    }
}

static void
test_session_whole_run (void)
{
  g_autoptr(LcRoutine) routine = load (routine_xml);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Log log = { clock, events };
  const char *expected[] = {
    "0 get-ready 5 Get ready.",
    "5 step 0 A", "5 rep 1",
    "7 rep 2",
    "8 countdown 3",
    "9 countdown 2", "9 rep 3",
    "10 countdown 1",
    "11 step 0 B left",
    "12 countdown 3",
    "13 countdown 2", "13 halfway 0 Half",
    "14 countdown 1",
    "15 switch 0 B right",
    "21 countdown 3",
    "22 countdown 2", "22 halfway 0 Half",
    "23 countdown 1",
    "24 rest 2 Rest.",
    "26 finished 0 Well done. Session complete.",
    "26 completed",
    NULL
  };
  g_autoptr(LcSessionRecord) record = NULL;

  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), &log);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), &log);

  lc_session_start (session);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_GET_READY);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 5);
  g_assert_cmpuint (lc_session_get_total_remaining (session), ==, 5 + 21);

  /* Look inside at a few moments. */
  lc_clock_advance (clock, 7 * S + S / 2);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 0);
  g_assert_cmpuint (lc_session_get_repetition (session), ==, 2);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 4);
  g_assert_cmpuint (lc_session_get_total_remaining (session), ==, 4 + 15);

  lc_clock_advance (clock, 10 * S);   /* 17.5 s: the switch */
  g_assert_cmpint (lc_session_get_segment (session)->kind, ==, LC_SEGMENT_SWITCH);
  g_assert_cmpint (lc_session_get_segment (session)->side, ==, LC_SIDE_RIGHT);

  /* It ends exactly at 26 s, not a microsecond before. */
  lc_clock_advance (clock, 8 * S + S / 2 - 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 1);
  lc_clock_advance (clock, 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);
  g_assert_cmpuint (lc_clock_get_n_timeouts (clock), ==, 0);

  assert_log (&log, expected);

  record = lc_session_create_record (session);
  g_assert_cmpstr (record->routine_id, ==, "test");
  g_assert_cmpuint (record->steps_total, ==, 2);
  g_assert_cmpuint (record->steps_done, ==, 2);
  g_assert_cmpuint (record->steps_skipped, ==, 0);
}

static void
test_session_pause (void)
{
  g_autoptr(LcRoutine) routine = load (routine_xml);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);

  lc_session_set_get_ready (session, 0);
  lc_session_start (session);
  lc_clock_advance (clock, 3 * S + S / 4);
  g_assert_cmpuint (lc_session_get_repetition (session), ==, 2);

  /* Paused: nothing scheduled, time stands still for the session. */
  lc_session_pause (session);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_PAUSED);
  g_assert_cmpuint (lc_clock_get_n_timeouts (clock), ==, 0);
  lc_clock_advance (clock, 100 * S);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 3);
  g_assert_cmpuint (lc_session_get_repetition (session), ==, 2);
  g_assert_cmpuint (lc_session_get_total_remaining (session), ==, 3 + 15);

  /* Resumed, the 21 s routine ends 21 s of running after it started. */
  lc_session_resume (session);
  lc_clock_advance (clock, 21 * S - (3 * S + S / 4) - 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  lc_clock_advance (clock, 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);

  /* Pausing during the get-ready countdown works the same way. */
  {
    g_autoptr(LcSession) again = lc_session_new (routine, clock);
    gint64 start = lc_clock_get_time (clock);

    lc_session_start (again);
    lc_clock_advance (clock, 2 * S);
    lc_session_pause (again);
    lc_clock_advance (clock, 60 * S);
    lc_session_resume (again);
    lc_clock_advance (clock, 3 * S);
    g_assert_cmpint (lc_session_get_state (again), ==, LC_SESSION_RUNNING);
    g_assert_cmpint (lc_session_get_step_index (again), ==, 0);
    g_assert_cmpint (lc_clock_get_time (clock) - start, ==, 65 * S);
  }
}

static void
test_session_skipping (void)
{
  g_autoptr(LcRoutine) routine = load (routine_xml);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);
  g_autoptr(LcSessionRecord) record = NULL;

  lc_session_set_get_ready (session, 0);
  lc_session_start (session);
  lc_clock_advance (clock, 2 * S);

  /* Previous at the first step starts it again. */
  lc_session_previous_step (session);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 0);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 6);
  g_assert_cmpuint (lc_session_get_repetition (session), ==, 1);

  /* Next skips step a, which counts as skipped. */
  lc_clock_advance (clock, S);
  lc_session_next_step (session);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 1);
  g_assert_cmpint (lc_session_get_segment (session)->side, ==, LC_SIDE_LEFT);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 4);
  g_assert_cmpuint (lc_session_get_steps_skipped (session), ==, 1);

  /* Restart, previous and next again from step b. */
  lc_clock_advance (clock, 3 * S);
  lc_session_restart_step (session);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 4);
  lc_session_previous_step (session);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 0);
  g_assert_cmpuint (lc_session_get_steps_skipped (session), ==, 0);

  /* Skipping while paused stays paused, at the new step's start. */
  lc_session_pause (session);
  lc_session_next_step (session);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_PAUSED);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 1);
  lc_clock_advance (clock, 30 * S);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 4);
  lc_session_resume (session);

  /* Let step b finish, then Next at the last step finishes the session. */
  lc_clock_advance (clock, 13 * S);
  g_assert_cmpint (lc_session_get_segment (session)->kind, ==, LC_SEGMENT_REST);
  lc_session_next_step (session);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);

  record = lc_session_create_record (session);
  g_assert_cmpuint (record->steps_done, ==, 1);
  g_assert_cmpuint (record->steps_skipped, ==, 1);
}

static void
test_session_stop (void)
{
  g_autoptr(LcRoutine) routine = load (routine_xml);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  Log log = { clock, events };
  g_autoptr(LcSessionRecord) record = NULL;
  const char *expected[] = { "12 stopped", NULL };

  lc_session_set_get_ready (session, 0);
  lc_session_start (session);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), &log);
  lc_clock_advance (clock, 12 * S);
  lc_session_stop (session);

  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_STOPPED);
  g_assert_cmpuint (lc_clock_get_n_timeouts (clock), ==, 0);
  assert_log (&log, expected);

  /* A partial session: a done, b neither done nor skipped. */
  record = lc_session_create_record (session);
  g_assert_cmpuint (record->steps_done, ==, 1);
  g_assert_cmpuint (record->steps_skipped, ==, 0);

  /* Stopped is final. */
  lc_session_next_step (session);
  lc_session_resume (session);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_STOPPED);
}

static void
test_session_one_step (void)
{
  g_autoptr(LcRoutine) routine = load (
    "<routine id=\"one\" version=\"1\"><name>One</name><summary>One</summary><category>elevation</category>"
    "<step id=\"rest\" illustration=\"x\" duration=\"1\"><title>R</title><instruction>I</instruction>"
    "<cue>C</cue></step></routine>");
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);

  lc_session_set_get_ready (session, 0);
  lc_session_start (session);
  g_assert_cmpuint (lc_session_get_total_remaining (session), ==, 1);
  lc_clock_advance (clock, S);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);
  g_assert_cmpuint (lc_session_get_steps_done (session), ==, 1);
}

static guint wakeups;

static void
tick_cb (LcSession *session,
         guint      remaining)
{
  wakeups++;
}

static void
test_session_longest (void)
{
  /* Two hours: the longest routine allowed. */
  g_autoptr(LcRoutine) routine = load (
    "<routine id=\"long\" version=\"1\"><name>Long</name><summary>Long</summary><category>elevation</category>"
    "<step id=\"a\" illustration=\"x\" duration=\"3600\"><title>A</title><instruction>I</instruction>"
    "<cue>C</cue><cue-halfway>H</cue-halfway></step>"
    "<step id=\"b\" illustration=\"x\" duration=\"3600\"><title>B</title><instruction>I</instruction>"
    "<cue>C</cue></step></routine>");
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);

  g_assert_cmpuint (lc_routine_get_duration (routine), ==, 7200);

  lc_session_set_get_ready (session, 0);
  g_signal_connect (session, "tick", G_CALLBACK (tick_cb), NULL);
  wakeups = 0;
  lc_session_start (session);

  /* In big leaps, as when the machine was suspended: no drift, no tick lost. */
  lc_clock_advance (clock, 1200 * S);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 2400);
  lc_clock_advance (clock, 5999 * S);
  g_assert_cmpint (lc_session_get_step_index (session), ==, 1);
  g_assert_cmpuint (lc_session_get_remaining (session), ==, 1);
  lc_clock_advance (clock, S - 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_RUNNING);
  lc_clock_advance (clock, 1);
  g_assert_cmpint (lc_session_get_state (session), ==, LC_SESSION_FINISHED);

  /* At most one wake-up per second of the session. */
  g_test_message ("%u ticks for 7200 s", wakeups);
  g_assert_cmpuint (wakeups, <=, 7200);
  g_assert_cmpuint (wakeups, >=, 7200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lc/session/whole-run", test_session_whole_run);
  g_test_add_func ("/lc/session/pause", test_session_pause);
  g_test_add_func ("/lc/session/skipping", test_session_skipping);
  g_test_add_func ("/lc/session/stop", test_session_stop);
  g_test_add_func ("/lc/session/one-step", test_session_one_step);
  g_test_add_func ("/lc/session/longest", test_session_longest);

  return g_test_run ();
}
