/* test-cues.c: voice cues through the real GStreamer pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <math.h>

#include "lc-cue-player.h"
#include "lc-routine-loader.h"
#include "lc-test-util.h"
#include "lc-test-voice.h"
#include "lc-tone.h"
#include "lc-voice.h"

#define S G_GINT64_CONSTANT (1000000)
#define HEEL_RAISES "Heel raises. Fifteen times, lift and lower both heels."

/* --- measuring sound ------------------------------------------------------------ */

typedef struct
{
  gsize start;                  /* in samples */
  gsize length;
} Region;

/* Stretches louder than a quiet room, with pauses under @max_gap_ms joined
 * (a sentence has short silences between its words). */
static GArray *
find_sound (const gint16 *samples,
            gsize         n,
            guint         max_gap_ms)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));
  gsize window = LC_AUDIO_RATE / 100;
  gsize max_gap = (gsize) max_gap_ms * LC_AUDIO_RATE / 1000;

  for (gsize w = 0; w + window <= n; w += window)
    {
      Region *last = regions->len > 0 ? &g_array_index (regions, Region, regions->len - 1) : NULL;
      double sum = 0;

      for (gsize i = w; i < w + window; i++)
        sum += (double) samples[i] * samples[i];
      if (sqrt (sum / window) <= 200)
        continue;

      if (last != NULL && w - (last->start + last->length) <= max_gap)
        last->length = w + window - last->start;
      else
        {
          Region region = { w, window };

          g_array_append_val (regions, region);
        }
    }

  return regions;
}

/* The dominant frequency from upward zero crossings. */
static double
frequency (const gint16 *samples,
           gsize         n)
{
  gsize crossings = 0;
  gsize first = 0, last = 0;

  for (gsize i = 1; i < n; i++)
    if (samples[i - 1] < 0 && samples[i] >= 0)
      {
        if (crossings == 0)
          first = i;
        last = i;
        crossings++;
      }

  g_assert_cmpuint (crossings, >, 2);
  return (double) (crossings - 1) * LC_AUDIO_RATE / (double) (last - first);
}

static GBytes *
read_wav (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize offset = 12;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 44);
  g_assert_cmpmem (contents, 4, "RIFF", 4);
  g_assert_cmpmem (contents + 8, 4, "WAVE", 4);

  while (offset + 8 <= length)
    {
      guint32 size = GUINT32_FROM_LE (*(guint32 *) (contents + offset + 4));

      if (memcmp (contents + offset, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (GUINT16_FROM_LE (*(guint16 *) (contents + offset + 10)), ==, 1);
          g_assert_cmpuint (GUINT32_FROM_LE (*(guint32 *) (contents + offset + 12)), ==, LC_AUDIO_RATE);
          g_assert_cmpuint (GUINT16_FROM_LE (*(guint16 *) (contents + offset + 22)), ==, 16);
        }
      if (memcmp (contents + offset, "data", 4) == 0)
        {
          g_assert_cmpuint (offset + 8 + size, <=, length);
          return g_bytes_new (contents + offset + 8, size);
        }
      offset += 8 + size + (size & 1);
    }

  g_assert_not_reached ();
}

/* --- tones ----------------------------------------------------------------------- */

static void
test_tone (void)
{
  g_autoptr(GBytes) tone = lc_tone_new (880, 500, 0.5);
  gsize size;
  const gint16 *samples = g_bytes_get_data (tone, &size);
  gsize n = size / sizeof (gint16);
  int peak = 0;

  g_assert_cmpuint (n, ==, LC_AUDIO_RATE / 2);
  g_assert_cmpfloat_with_epsilon (frequency (samples, n), 880, 2);
  for (gsize i = 0; i < n; i++)
    peak = MAX (peak, abs (samples[i]));
  g_assert_cmpint (peak, >, 16000);
  g_assert_cmpint (peak, <=, 16384);

  /* No click: it starts and ends at silence, and the fade is smooth. */
  g_assert_cmpint (abs (samples[0]), <=, 1);
  g_assert_cmpint (abs (samples[n - 1]), <=, 200);
  /* No step steeper than the sine's own slope: 2π f A / rate. */
  for (gsize i = 1; i < n; i++)
    g_assert_cmpint (abs (samples[i] - samples[i - 1]), <=, 2 * G_PI * 880 * 16384 / LC_AUDIO_RATE + 2);
}

/* --- the voice ------------------------------------------------------------------- */

static GBytes *
render (LcVoice    *voice,
        const char *language,
        const char *text,
        GFile      *clip)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = lc_test_render (voice, language, text, clip, &error);

  g_assert_no_error (error);
  return bytes;
}

static double
seconds (GBytes *bytes)
{
  return g_bytes_get_size (bytes) / (double) sizeof (gint16) / LC_AUDIO_RATE;
}

static void
test_voice_languages (void)
{
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autoptr(GBytes) english = render (voice, "en", HEEL_RAISES, NULL);
  g_autoptr(GBytes) italian = render (voice, "it", HEEL_RAISES, NULL);
  g_autoptr(GBytes) italian_text = render (voice, "it", "Sollevamento dei talloni. Quindici volte.", NULL);
  g_autoptr(GBytes) unknown = render (voice, "xx-nonexistent", "One.", NULL);
  g_autoptr(GBytes) english_one = render (voice, "en", "One.", NULL);
  g_autoptr(GBytes) cached = lc_voice_lookup (voice, "en", HEEL_RAISES, NULL);
  g_autoptr(GArray) regions = NULL;
  gsize size;
  const gint16 *samples = g_bytes_get_data (english, &size);

  /* A short sentence takes seconds, not milliseconds or minutes. */
  g_test_message ("en %.2f s, it %.2f s", seconds (english), seconds (italian));
  g_assert_cmpfloat (seconds (english), >, 1);
  g_assert_cmpfloat (seconds (english), <, 6);
  regions = find_sound (samples, size / sizeof (gint16), 400);
  g_assert_cmpuint (regions->len, ==, 1);

  /* Heard as soon as it plays: espeak-ng's silence before the first sound
   * (about 13 ms) is cut, all but 2 ms for the onset */
  {
    GBytes *spoken[] = { english, italian, italian_text, english_one };

    for (guint i = 0; i < G_N_ELEMENTS (spoken); i++)
      {
        const gint16 *data = g_bytes_get_data (spoken[i], &size);
        gsize first = 0;

        while (first < size / sizeof (gint16) && ABS (data[first]) <= 400)
          first++;
        g_test_message ("sound %u starts after %.1f ms", i, first * 1000.0 / LC_AUDIO_RATE);
        g_assert_cmpfloat (first * 1000.0 / LC_AUDIO_RATE, <, 5);
      }
  }

  /* Another voice sounds different, even reading the same words. */
  g_assert_false (g_bytes_equal (english, italian));
  g_assert_cmpfloat (fabs (seconds (english) - seconds (italian)), >, 0.05);
  g_assert_cmpfloat (seconds (italian_text), >, 1);

  /* A language without a voice is read in English (espeak-ng's state
   * carries over from one sentence to the next a little: about the same). */
  g_assert_cmpfloat (fabs (seconds (unknown) - seconds (english_one)), <, 0.02);

  /* Rendered once, kept. */
  g_assert_nonnull (cached);
  g_assert_true (cached == english || g_bytes_equal (cached, english));
  lc_voice_set_rate (voice, LC_VOICE_RATE_MAX);
  g_assert_null (lc_voice_lookup (voice, "en", HEEL_RAISES, NULL));

  {
    g_autoptr(GBytes) fast = render (voice, "en", HEEL_RAISES, NULL);

    g_assert_cmpfloat (seconds (fast), <, seconds (english) * 0.85);
  }
}

static void
make_clip (const char *path,
           double      seconds_long)
{
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  description = g_strdup_printf ("audiotestsrc freq=440 num-buffers=%d samplesperbuffer=441 ! "
                                 "audio/x-raw,rate=44100,channels=1 ! audioconvert ! vorbisenc ! oggmux ! "
                                 "filesink location=\"%s\"", (int) (seconds_long * 100), path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
test_voice_clip (void)
{
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autofree char *dir = g_dir_make_tmp ("legcare-clip-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.ogg", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.ogg", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GBytes) clip = NULL;
  g_autoptr(GBytes) spoken = NULL;
  g_autoptr(GBytes) fallback = NULL;
  gsize size;
  const gint16 *samples;

  make_clip (good_path, 1.5);
  clip = render (voice, "en", HEEL_RAISES, good);
  samples = g_bytes_get_data (clip, &size);
  g_assert_cmpfloat_with_epsilon (seconds (clip), 1.5, 0.1);
  g_assert_cmpfloat_with_epsilon (frequency (samples + 2000, size / 2 - 4000), 440, 3);

  /* A broken recording: the cue is spoken instead, with a warning. */
  g_assert_true (g_file_set_contents (bad_path, "OggS but not really", -1, NULL));
  g_test_expect_message ("legcare-audio", G_LOG_LEVEL_WARNING, "*bad.ogg*speaking the cue instead*");
  fallback = render (voice, "en", HEEL_RAISES, bad);
  g_test_assert_expected_messages ();
  spoken = render (voice, "en", HEEL_RAISES, NULL);
  g_assert_cmpfloat (fabs (seconds (fallback) - seconds (spoken)), <, 0.02);

  g_unlink (good_path);
  g_unlink (bad_path);
  g_rmdir (dir);
}

/* --- the player: rendering to a file ------------------------------------------- */

static LcCuePlayer *
file_player (const char *path)
{
  /* In real time, like a sound card: identity waits for each buffer's
   * time, and audiorate turns the time between cues into silence. */
  g_autofree char *description = g_strdup_printf ("identity sync=true ! audiorate ! wavenc ! "
                                                  "filesink location=\"%s\"", path);

  return lc_cue_player_new (description);
}

/* Waits @us of real time, the main loop running. */
static void
wait_for (gint64 us)
{
  gint64 end = g_get_monotonic_time () + us;

  wait_until (g_get_monotonic_time () > end);
}

/* Closes @player and finds the sounds in what it wrote to @path. */
static GArray *
played_sounds (LcCuePlayer  *player,
               const char   *path,
               GBytes      **wav)
{
  lc_cue_player_close (player);
  g_assert_null (lc_cue_player_get_problem (player));

  *wav = read_wav (path);
  return find_sound (g_bytes_get_data (*wav, NULL), g_bytes_get_size (*wav) / sizeof (gint16), 400);
}

static void
test_player_wav (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "legcare-cues-test.wav", NULL);
  g_autoptr(LcCuePlayer) player = file_player (path);
  g_autoptr(GBytes) wav = NULL;
  g_autoptr(GArray) regions = NULL;
  const gint16 *samples;
  Region *speech, *tick;

  lc_cue_player_say (player, HEEL_RAISES);
  wait_until (!lc_cue_player_get_busy (player));
  wait_for (S);
  lc_cue_player_tick (player);
  wait_until (!lc_cue_player_get_busy (player));

  regions = played_sounds (player, path, &wav);
  samples = g_bytes_get_data (wav, NULL);
  g_assert_cmpuint (regions->len, ==, 2);
  speech = &g_array_index (regions, Region, 0);
  tick = &g_array_index (regions, Region, 1);

  g_test_message ("speech %.2f s, silence %.2f s, tick %.3f s",
                  speech->length / (double) LC_AUDIO_RATE,
                  (tick->start - speech->start - speech->length) / (double) LC_AUDIO_RATE,
                  tick->length / (double) LC_AUDIO_RATE);
  g_assert_cmpfloat (speech->length / (double) LC_AUDIO_RATE, >, 1);
  g_assert_cmpfloat (speech->length / (double) LC_AUDIO_RATE, <, 6);
  /* Silent between the cues, for the second waited. */
  g_assert_cmpfloat ((tick->start - speech->start - speech->length) / (double) LC_AUDIO_RATE, >, 0.8);
  /* The tick: its pitch and length. */
  g_assert_cmpfloat_with_epsilon (frequency (samples + tick->start, tick->length), LC_TONE_TICK_HZ, 5);
  g_assert_cmpfloat_with_epsilon (tick->length / (double) LC_AUDIO_RATE, LC_TONE_TICK_MS / 1000.0, 0.03);

  g_unlink (path);
}

/* The editor's ▶: a step's recorded clip when the routine has one (a
 * 440 Hz tone here), else the words spoken; nothing while muted. */
static void
test_player_preview (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "legcare-preview-test.wav", NULL);
  g_autofree char *dir = g_dir_make_tmp ("legcare-voice-XXXXXX", NULL);
  g_autofree char *clip_dir = g_build_filename (dir, "en", "knee-routine", NULL);
  g_autofree char *clip_path = g_build_filename (clip_dir, "knee-bends.ogg", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GFile *folders[] = { folder };
  g_autoptr(LcCuePlayer) player = file_player (path);
  g_autoptr(GBytes) wav = NULL;
  g_autoptr(GArray) regions = NULL;
  const gint16 *samples;
  gsize size;
  Region *clip;
  Region *spoken;

  g_assert_cmpint (g_mkdir_with_parents (clip_dir, 0700), ==, 0);
  make_clip (clip_path, 1.0);
  /* An American voice finds the clip of its language, voice/en/ */
  lc_cue_player_set_language (player, "en-us");
  lc_cue_player_set_voice_folders (player, folders, 1);

  g_assert_true (lc_cue_player_preview (player, "knee-routine", "knee-bends", "cue", HEEL_RAISES));
  wait_until (!lc_cue_player_get_busy (player));
  g_usleep (G_USEC_PER_SEC / 2);
  /* Another routine has no clip: spoken */
  g_assert_true (lc_cue_player_preview (player, "other-routine", "knee-bends", "cue", HEEL_RAISES));
  wait_until (!lc_cue_player_get_busy (player));
  lc_cue_player_set_muted (player, TRUE);
  g_assert_false (lc_cue_player_preview (player, "knee-routine", "knee-bends", "cue", HEEL_RAISES));
  lc_cue_player_close (player);

  wav = read_wav (path);
  samples = g_bytes_get_data (wav, &size);
  regions = find_sound (samples, size / sizeof (gint16), 400);
  g_assert_cmpuint (regions->len, ==, 2);
  clip = &g_array_index (regions, Region, 0);
  spoken = &g_array_index (regions, Region, 1);
  g_assert_cmpfloat_with_epsilon (clip->length / (double) LC_AUDIO_RATE, 1.0, 0.1);
  g_assert_cmpfloat_with_epsilon (frequency (samples + clip->start + 1000, clip->length - 2000), 440, 3);
  /* The words, not the tone: as long as the speech is */
  {
    g_autoptr(LcVoice) voice = lc_voice_new ();
    g_autoptr(GBytes) words = render (voice, "en", HEEL_RAISES, NULL);

    g_assert_cmpfloat_with_epsilon (spoken->length / (double) LC_AUDIO_RATE, seconds (words), 0.3);
    g_assert_cmpfloat (seconds (words), >, 1.5);
  }

  g_unlink (clip_path);
  g_rmdir (clip_dir);
  clip_dir[strlen (clip_dir) - strlen ("/knee-routine")] = '\0';
  g_rmdir (clip_dir);
  g_rmdir (dir);
  g_unlink (path);
}

/* A new announcement cuts the one before it short: measured in what was
 * played (a WAV in real time), not in how long the test took. */
static void
test_player_cut (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "legcare-cut-test.wav", NULL);
  g_autoptr(LcCuePlayer) player = file_player (path);
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autoptr(GBytes) whole = render (voice, "en", HEEL_RAISES, NULL);
  g_autoptr(GBytes) next = render (voice, "en", "Now the right leg.", NULL);
  g_autoptr(GBytes) wav = NULL;
  g_autoptr(GArray) regions = NULL;
  guint sounds = 0;
  double cut_length;

  g_signal_connect_swapped (player, "sound", G_CALLBACK (g_atomic_int_inc), &sounds);

  /* The second sentence once on its own: its speech is then in the
   * player's cache, so that the cut does not wait for synthesis. */
  lc_cue_player_say (player, "Now the right leg.");
  wait_until (sounds == 1 && !lc_cue_player_get_busy (player));
  wait_for (S);

  lc_cue_player_say (player, HEEL_RAISES);
  wait_until (sounds == 2);
  wait_for (S / 2);
  lc_cue_player_say (player, "Now the right leg.");
  wait_until (sounds == 3);
  g_assert_true (lc_cue_player_get_busy (player));
  wait_until (!lc_cue_player_get_busy (player));

  /* The first sentence alone, a second of silence, then the interrupted
   * one running into the next without a pause. */
  regions = played_sounds (player, path, &wav);
  g_assert_cmpuint (regions->len, ==, 2);
  cut_length = g_array_index (regions, Region, 1).length / (double) LC_AUDIO_RATE;
  g_test_message ("whole %.2f s, next %.2f s, cut and next %.2f s", seconds (whole), seconds (next), cut_length);
  /* The whole of the next sentence was played… */
  g_assert_cmpfloat (cut_length, >, seconds (next) - 0.2);
  /* …after less of the first than it would have taken: the rest of it
   * was never played. */
  g_assert_cmpfloat (cut_length, <, seconds (whole) + seconds (next) - 1.0);

  g_unlink (path);
}

/* --- the player following a session --------------------------------------------- */

/* Step a: 6 s. Step b: 4 s per side, a 5 s switch, 2 s rest. */
static const char *routine_xml =
  "<routine id=\"test\" version=\"1\"><name>Test</name><summary>Test</summary>"
  "<category>stretching</category>"
  "<step id=\"a\" illustration=\"x\" duration=\"6\">"
  "<title>A</title><instruction>Do a.</instruction><cue>Step one.</cue></step>"
  "<step id=\"b\" illustration=\"x\" duration=\"4\" sides=\"both\" rest=\"2\">"
  "<title>B</title><instruction>Do b.</instruction><cue>Left leg.</cue>"
  "<cue-switch>Right leg.</cue-switch><cue-halfway>Halfway.</cue-halfway></step>"
  "</routine>";

typedef struct
{
  LcClock *clock;
  GPtrArray *log;
  gboolean in_cue;
  guint late;
} Log;

static void
sound_cb (LcCuePlayer *player,
          int          kind,
          const char  *text,
          Log         *log)
{
  g_ptr_array_add (log->log, g_strdup_printf ("%g %s", lc_clock_get_time (log->clock) / (double) S,
                                              text != NULL ? text : "tick"));
  /* Rendered ahead: a step's speech starts while its cue is emitted. */
  if (!log->in_cue && text != NULL)
    log->late++;
}

static void
cue_before_cb (LcSession *session, int kind, const char *text, guint value, Log *log)
{
  log->in_cue = TRUE;
}

static void
cue_after_cb (LcSession *session, int kind, const char *text, guint value, Log *log)
{
  log->in_cue = FALSE;
}

static void
test_player_session (void)
{
  g_autoptr(LcRoutineLoader) loader = lc_routine_loader_new (NULL);
  g_autoptr(LcRoutine) routine = lc_routine_loader_parse (loader, routine_xml, strlen (routine_xml),
                                                          "test.xml", LC_ROUTINE_ORIGIN_USER, NULL);
  g_autoptr(LcClock) clock = lc_clock_new_fake ();
  g_autoptr(LcSession) session = lc_session_new (routine, clock);
  g_autoptr(LcCuePlayer) player = lc_cue_player_new ("fakesink sync=false");
  g_autoptr(GPtrArray) log_lines = g_ptr_array_new_with_free_func (g_free);
  Log log = { clock, log_lines, FALSE, 0 };
  const char *expected[] = {
    "0 Get ready.",
    /* a: 3-9 s, ticks at 3, 2 and 1 s left */
    "3 Step one.", "6 tick", "7 tick", "8 tick",
    /* b, left: 9-13 s, half-way at 11 s (after that second's tick) */
    "9 Left leg.", "10 tick", "11 tick", "11 Halfway.", "12 tick",
    /* the switch, 13-18 s, announces the right side (18-22 s) */
    "13 Right leg.", "19 tick", "20 tick", "20 Halfway.", "21 tick",
    /* the rest: no ticks */
    "22 Rest.",
    "24 Well done. Session complete.",
    NULL
  };

  g_assert_nonnull (routine);
  lc_session_set_get_ready (session, 3);
  g_signal_connect (session, "cue", G_CALLBACK (cue_before_cb), &log);
  lc_cue_player_attach (player, session);
  g_signal_connect (session, "cue", G_CALLBACK (cue_after_cb), &log);
  g_signal_connect (player, "sound", G_CALLBACK (sound_cb), &log);
  wait_until (!lc_cue_player_get_busy (player));

  lc_session_start (session);
  for (int t = 0; t < 25; t++)
    {
      wait_until (!lc_cue_player_get_busy (player));
      lc_clock_advance (clock, S);
    }
  wait_until (!lc_cue_player_get_busy (player));

  for (guint i = 0; i < log_lines->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (log_lines, i));
  g_assert_cmpuint (log_lines->len, ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; i < log_lines->len; i++)
    g_assert_cmpstr (g_ptr_array_index (log_lines, i), ==, expected[i]);
  g_assert_cmpuint (log.late, ==, 0);

  lc_cue_player_attach (player, NULL);
}

/* Muted, nothing sounds; unmuted, the next cue does. */
static void
test_player_mute (void)
{
  g_autoptr(LcCuePlayer) player = lc_cue_player_new ("fakesink sync=false");
  guint sounds = 0;

  g_signal_connect_swapped (player, "sound", G_CALLBACK (g_atomic_int_inc), &sounds);
  lc_cue_player_set_muted (player, TRUE);
  lc_cue_player_say (player, "One.");
  lc_cue_player_tick (player);
  wait_until (!lc_cue_player_get_busy (player));
  g_assert_cmpuint (sounds, ==, 0);

  lc_cue_player_set_muted (player, FALSE);
  lc_cue_player_say (player, "One.");
  wait_until (sounds == 1);

  g_object_set (player, "voice-enabled", FALSE, NULL);
  lc_cue_player_say (player, "Two.");
  lc_cue_player_tick (player);
  wait_until (!lc_cue_player_get_busy (player));
  g_assert_cmpuint (sounds, ==, 2);
}

/* --- without a sound output ------------------------------------------------------ */

static void
count_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
check_no_output (const char *sink_description,
                 const char *expected_problem)
{
  g_autoptr(LcCuePlayer) player = lc_cue_player_new (sink_description);
  guint notifications = 0;
  gint64 longest = 0;
  gint64 last = g_get_monotonic_time ();
  gint64 end;

  g_signal_connect (player, "notify::problem", G_CALLBACK (count_cb), &notifications);
  lc_cue_player_say (player, "One.");
  wait_until (lc_cue_player_get_problem (player) != NULL);
  g_test_message ("%s", lc_cue_player_get_problem (player));
  g_assert_true (g_pattern_match_simple (expected_problem, lc_cue_player_get_problem (player)));

  /* More cues: no storm of notifications, and the main loop is never held. */
  end = g_get_monotonic_time () + 4 * S;
  for (int i = 0; g_get_monotonic_time () < end; i++)
    {
      gint64 now;

      if (i % 100 == 0)
        {
          lc_cue_player_say (player, "Two.");
          lc_cue_player_tick (player);
        }
      g_main_context_iteration (NULL, FALSE);
      now = g_get_monotonic_time ();
      longest = MAX (longest, now - last);
      last = now;
      g_usleep (1000);
    }
  g_test_message ("longest main loop iteration: %.1f ms", longest / 1000.0);
  g_assert_cmpuint (notifications, ==, 1);
  /* Not a timing requirement: a state change waited for on the main
   * thread (a sound server's connection time-out) would hold it for
   * seconds, far more than a busy machine ever delays an iteration. */
  g_assert_cmpint (longest, <, 2 * S);
}

static void
test_no_server (void)
{
  /* autoaudiosink finds no sound server (see main()) and no device. */
  check_no_output (NULL, "No sound output was found");
}

static void
test_failing_sink (void)
{
  check_no_output ("pulsesink server=unix:/nonexistent/legcare-test", "The sound output could not be used");
}

/* Without espeak-ng's data: one problem report, and the ticks still sound.
 * In a subprocess, since espeak-ng initializes once per process. */
static void
test_no_speech_data (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LcCuePlayer) player = lc_cue_player_new ("fakesink sync=false");
      guint notifications = 0;
      guint sounds = 0;

      g_signal_connect (player, "notify::problem", G_CALLBACK (count_cb), &notifications);
      g_signal_connect_swapped (player, "sound", G_CALLBACK (g_atomic_int_inc), &sounds);
      lc_cue_player_say (player, "One.");
      lc_cue_player_say (player, "Two.");
      wait_until (!lc_cue_player_get_busy (player));
      g_assert_cmpstr (lc_cue_player_get_problem (player), ==, "Speech synthesis is not available");
      g_assert_cmpuint (notifications, ==, 1);
      g_assert_cmpuint (sounds, ==, 0);

      lc_cue_player_tick (player);
      wait_until (sounds == 1);
      return;
    }

  {
    /* An empty folder: espeak-ng takes it, and finds no voice data in it. */
    g_autofree char *empty = g_dir_make_tmp ("legcare-no-espeak-XXXXXX", NULL);

    g_setenv ("ESPEAK_DATA_PATH", empty, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_unsetenv ("ESPEAK_DATA_PATH");
    g_rmdir (empty);
  }
}

/* The region of the locale, where the locale is in the voice's language */
static void
test_voice_name_for_locale (void)
{
  const struct { const char *language, *locale, *voice; } cases[] = {
    { "en", "en_US.UTF-8", "en-us" },
    { "en", "en_GB.UTF-8", "en-gb" },
    { "pt", "pt_BR.utf8@variant", "pt-br" },
    { "de", "de_AT", "de-at" },
    { "en", "it_IT.UTF-8", "en" },     /* an English text in an Italian locale */
    { "it", "it", "it" },
    { "en", "C", "en" },
    { "en", "C.UTF-8", "en" },
    { "en", "english_US", "en" },
    { "en", "en_.UTF-8", "en" },
    { "en-gb", "en_US.UTF-8", "en-gb" },   /* a translation's own region */
    { "en", NULL, "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *voice = lc_voice_name_for_locale (cases[i].language, cases[i].locale);

      g_assert_cmpstr (voice, ==, cases[i].voice);
    }
}

/* A region espeak-ng has no voice for is read by its language's voice,
 * not in English */
static void
test_voice_region_fallback (void)
{
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autoptr(GBytes) german = render (voice, "de", "Fersen heben. Fünfzehnmal.", NULL);
  g_autoptr(GBytes) region = render (voice, "de-xx", "Fersen heben. Fünfzehnmal.", NULL);
  g_autoptr(GBytes) english = render (voice, "en", "Fersen heben. Fünfzehnmal.", NULL);

  g_test_message ("de %.2f s, de-xx %.2f s, en %.2f s", seconds (german), seconds (region), seconds (english));
  g_assert_cmpfloat (fabs (seconds (region) - seconds (german)), <, 0.02);
  g_assert_cmpfloat (fabs (seconds (english) - seconds (german)), >, 0.05);
}

int
main (int argc, char *argv[])
{
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/legcare-test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/cues/tone", test_tone);
  g_test_add_func ("/cues/voice/languages", test_voice_languages);
  g_test_add_func ("/cues/voice/name-for-locale", test_voice_name_for_locale);
  g_test_add_func ("/cues/voice/region-fallback", test_voice_region_fallback);
  g_test_add_func ("/cues/voice/clip", test_voice_clip);
  g_test_add_func ("/cues/player/preview", test_player_preview);
  g_test_add_func ("/cues/player/wav", test_player_wav);
  g_test_add_func ("/cues/player/cut", test_player_cut);
  g_test_add_func ("/cues/player/session", test_player_session);
  g_test_add_func ("/cues/player/mute", test_player_mute);
  g_test_add_func ("/cues/player/failing-sink", test_failing_sink);
  g_test_add_func ("/cues/player/no-server", test_no_server);
  g_test_add_func ("/cues/player/no-speech-data", test_no_speech_data);

  return g_test_run ();
}
