/* play-cues.c: plays cues through the default sound output, for test-pulse.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "lc-cue-player-private.h"
#include "lc-tone.h"
#include "lc-test-voice.h"

/* Usage:
 *
 *   play-cues say TEXT
 *   play-cues tick
 *     Plays one cue through the default output (autoaudiosink) and waits
 *     until the sound has been played out. Prints "ok: ..." and exits 0,
 *     or prints "problem: ..." and exits 2 if the player reported one.
 *     First prints "sound: SECONDS", how long the cue sounds from its
 *     first to its last sample louder than 1% of full scale, for the
 *     caller to compare with what arrived.
 *
 *   play-cues recover FILE TEXT
 *     Says TEXT while there is no sound server and expects the player to
 *     report a problem. Then waits for FILE to exist (the caller starts
 *     the server and creates FILE), waits until the player's retry delay
 *     since the failure has passed, and says TEXT once more: that next cue
 *     must play. Exits 0 if it did, 1 otherwise. Prints "sound: SECONDS"
 *     for TEXT too.
 *
 * Every wait is bounded; a timeout exits 1 with a message saying which.
 */

#define S G_GINT64_CONSTANT (1000000)
/* The player retries the output at a cue at least this long after it
 * failed (RETRY_US in lc-cue-player.c). */
#define RETRY (3 * S)
#define RETRY_MARGIN (S / 20)
#define REPEAT_EVERY (S / 2)
#define LINGER (S / 2)

typedef struct
{
  LcCuePlayer *player;
  gint64 start;
  guint sounds;
  gint64 problem_at;            /* when the last problem appeared */
  guint problems;
} State;

static void
sound_cb (LcCuePlayer *player,
          int          kind,
          const char  *text,
          State       *state)
{
  state->sounds++;
}

static void
problem_cb (LcCuePlayer *player,
            GParamSpec  *pspec,
            State       *state)
{
  const char *problem = lc_cue_player_get_problem (player);

  if (problem != NULL)
    {
      state->problem_at = g_get_monotonic_time ();
      state->problems++;
    }
  printf ("# %.2f s: the problem is now: %s\n", (g_get_monotonic_time () - state->start) / (double) S,
          problem != NULL ? problem : "(none)");
}

/* Runs the main loop a little; FALSE once @deadline has passed. */
static gboolean
iterate (gint64 deadline)
{
  g_main_context_iteration (NULL, FALSE);
  g_usleep (1000);
  return g_get_monotonic_time () < deadline;
}

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  va_list args;

  printf ("failed: ");
  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  printf ("\n");
  return 1;
}

/* Waits until what was given to the output is played out: the player's
 * feed empty, then what the sink and the server hold. Like the app, which
 * keeps the output open for a few seconds after a cue, this keeps it open
 * for a while (several times the sink's 100 ms buffer) before closing it:
 * lc_cue_player_close() alone, right after the feed empties, loses the
 * last few milliseconds that are still in the sound server. */
static gboolean
finish (State *state)
{
  gint64 deadline = g_get_monotonic_time () + 15 * S;

  while (lc_cue_player_get_busy (state->player))
    if (!iterate (deadline))
      return FALSE;

  deadline = g_get_monotonic_time () + LINGER;
  while (iterate (deadline))
    ;
  lc_cue_player_close (state->player);
  return TRUE;
}

/* Prints how long the cue sounds: from its first to its last sample
 * louder than 1% of full scale. The player's voice is rendered the same
 * way: the same text in the same language at the same rate. */
static gboolean
print_sound_length (const char *text)
{
  g_autoptr(GBytes) bytes = NULL;
  const gint16 *samples;
  gsize n, first = 0, last = 0;
  if (text != NULL)
    {
      g_autoptr(LcVoice) voice = lc_voice_new ();
      g_autoptr(GError) error = NULL;

      bytes = lc_test_render (voice, "en", text, NULL, &error);
      if (bytes == NULL)
        {
          printf ("# the text could not be rendered: %s\n", error->message);
          bytes = g_bytes_new (NULL, 0);
        }
    }
  else
    bytes = lc_tone_new (LC_TONE_TICK_HZ, LC_TONE_TICK_MS, LC_TONE_TICK_AMPLITUDE);

  samples = g_bytes_get_data (bytes, &n);
  n /= sizeof (gint16);
  for (gsize i = 0; i < n; i++)
    if (abs (samples[i]) > G_MAXINT16 / 100)
      {
        if (last == 0)
          first = i;
        last = i + 1;
      }

  printf ("sound: %.3f\n", (last - first) / (double) LC_AUDIO_RATE);
  return TRUE;
}

static int
play_one (State      *state,
          const char *text)
{
  gint64 start, deadline;

  if (!print_sound_length (text))
    return fail ("the cue could not be rendered within 15 s");

  start = g_get_monotonic_time ();
  deadline = start + 15 * S;
  if (text != NULL)
    lc_cue_player_say (state->player, text);
  else
    lc_cue_player_tick (state->player);

  /* Speech is rendered first; a sound, or a problem, follows. */
  while (state->sounds == 0 && lc_cue_player_get_problem (state->player) == NULL)
    if (!iterate (deadline))
      return fail ("no sound and no problem %.1f s after the cue", (g_get_monotonic_time () - start) / (double) S);

  if (!finish (state))
    return fail ("the cue was still playing after 15 s");

  if (lc_cue_player_get_problem (state->player) != NULL)
    {
      printf ("problem: %s\n", lc_cue_player_get_problem (state->player));
      return 2;
    }

  printf ("ok: %u sound(s) played in %.2f s\n", state->sounds, (g_get_monotonic_time () - start) / (double) S);
  return 0;
}

static int
recover (State      *state,
         const char *file,
         const char *text)
{
  gint64 start, deadline, back_at, cue_at;
  guint sounds_before, problems_before;

  if (!print_sound_length (text))
    return fail ("the cue could not be rendered within 15 s");

  /* Without a server: the problem is reported. */
  start = g_get_monotonic_time ();
  deadline = start + 10 * S;
  lc_cue_player_say (state->player, text);
  while (lc_cue_player_get_problem (state->player) == NULL)
    if (!iterate (deadline))
      return fail ("no problem was reported within 10 s without a sound server");
  printf ("problem: %s\n", lc_cue_player_get_problem (state->player));
  printf ("# reported %.2f s after the first cue\n", (state->problem_at - start) / (double) S);

  /* Another cue at once: the output is not retried yet. */
  lc_cue_player_say (state->player, text);
  if (lc_cue_player_get_pipeline (state->player) != NULL &&
      g_get_monotonic_time () - state->problem_at < RETRY)
    return fail ("the output was retried sooner than %d s after the failure", (int) (RETRY / S));
  printf ("# a cue right after the failure: the output is not retried yet\n");

  /* The caller starts the server. */
  deadline = g_get_monotonic_time () + 20 * S;
  while (!g_file_test (file, G_FILE_TEST_EXISTS))
    if (!iterate (deadline))
      return fail ("%s did not appear within 20 s", file);
  back_at = g_get_monotonic_time ();
  printf ("# the server is back, %.2f s after the failure\n", (back_at - state->problem_at) / (double) S);

  /* The next cue after the retry delay plays. */
  deadline = state->problem_at + RETRY + RETRY_MARGIN;
  while (iterate (deadline))
    ;
  sounds_before = state->sounds;
  problems_before = state->problems;
  cue_at = g_get_monotonic_time ();
  lc_cue_player_say (state->player, text);
  printf ("# the next cue: %.2f s after the failure\n", (cue_at - state->problem_at) / (double) S);

  deadline = cue_at + 10 * S;
  while (lc_cue_player_get_problem (state->player) != NULL || state->sounds == sounds_before)
    {
      /* It failed again (the pipeline is gone): say how many more cues
       * it takes, for the report, but it is a failure. */
      if (lc_cue_player_get_pipeline (state->player) == NULL || state->problems > problems_before)
        {
          guint cues = 1;

          while (lc_cue_player_get_problem (state->player) != NULL && iterate (deadline))
            if (g_get_monotonic_time () >= cue_at + (gint64) cues * REPEAT_EVERY)
              {
                lc_cue_player_say (state->player, text);
                cues++;
              }
          if (lc_cue_player_get_problem (state->player) == NULL)
            return fail ("the next cue after the server came back did not play; "
                         "cue %u did, %.2f s later", cues,
                         (g_get_monotonic_time () - cue_at) / (double) S);
          return fail ("no cue played within 10 s after the server came back (%u cues): %s",
                       cues, lc_cue_player_get_problem (state->player));
        }
      if (!iterate (deadline))
        return fail ("the next cue after the server came back neither played nor failed within 10 s");
    }
  printf ("# the output works again %.2f s after the cue\n", (g_get_monotonic_time () - cue_at) / (double) S);

  if (!finish (state))
    return fail ("the cue was still playing after 15 s");
  if (lc_cue_player_get_problem (state->player) != NULL)
    return fail ("the cue after the server came back failed: %s", lc_cue_player_get_problem (state->player));

  printf ("ok: the next cue played, %.2f s after the failure and %.2f s after the server came back\n",
          (cue_at - state->problem_at) / (double) S, (cue_at - back_at) / (double) S);
  return 0;
}

static int
usage (void)
{
  fprintf (stderr, "Usage: play-cues say TEXT | tick | recover FILE TEXT\n");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LcCuePlayer) player = NULL;
  State state = { NULL, 0, 0, 0, 0 };
  int status;

  setvbuf (stdout, NULL, _IOLBF, 0);
  gst_init (&argc, &argv);

  if (argc < 2)
    return usage ();

  player = lc_cue_player_new (NULL);
  state.player = player;
  state.start = g_get_monotonic_time ();
  g_signal_connect (player, "sound", G_CALLBACK (sound_cb), &state);
  g_signal_connect (player, "notify::problem", G_CALLBACK (problem_cb), &state);

  if (g_str_equal (argv[1], "say") && argc == 3)
    status = play_one (&state, argv[2]);
  else if (g_str_equal (argv[1], "tick") && argc == 2)
    status = play_one (&state, NULL);
  else if (g_str_equal (argv[1], "recover") && argc == 4)
    status = recover (&state, argv[2], argv[3]);
  else
    status = usage ();

  g_signal_handlers_disconnect_by_data (player, &state);
  return status;
}
