/* bench-cues.c: how late a voice cue is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the time from a cue request (lc_cue_player_say()) to the moment
 * its first sample is rendered by the sink: a fakesink that keeps to the
 * clock like a sound card, so the figure includes the pipeline's latency.
 * Cached: the speech was rendered before, as the player does for the next
 * step while the current one runs. Uncached: synthesized on request. Prints
 * median and worst of each; and what the voice's cache holds against what
 * the process grows by for a hundred cues kept in it, and the silence the
 * voice puts before its first sound. Nothing is asserted.
 *
 * With --server SINK (run under with-pulse.sh, which starts a private
 * PulseAudio whose default output is the null sink SINK): the time from
 * the request to the cue's first sound at the server's sink, recorded from
 * its monitor; with --minutes M, then M minutes of cues one after another,
 * each compared with its rendering for gaps (silences it lacks: a stream
 * that ran dry), as on a loaded machine.
 *
 * Usage: bench-cues [--server SINK [--minutes M]]
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gst/app/gstappsink.h>

#include "lc-cue-player-private.h"
#include "lc-tone.h"
#include "lc-voice.h"

#define RUNS 15

static gint64 rendered;

static void
handoff_cb (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            gpointer    user_data)
{
  gint64 expected = 0;

  /* Only the first buffer of each cue. */
  g_atomic_pointer_compare_and_exchange ((gpointer *) &rendered, GSIZE_TO_POINTER (expected),
                                         GSIZE_TO_POINTER (g_get_monotonic_time ()));
}

static void
iterate_until_idle (LcCuePlayer *player)
{
  gint64 quiet_until = 0;

  /* Not busy, and then a little silence, so cues never overlap. */
  while (TRUE)
    {
      g_main_context_iteration (NULL, FALSE);
      if (lc_cue_player_get_busy (player))
        quiet_until = 0;
      else if (quiet_until == 0)
        quiet_until = g_get_monotonic_time () + 300000;
      else if (g_get_monotonic_time () > quiet_until)
        return;
      g_usleep (1000);
    }
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
measure (LcCuePlayer *player,
         const char  *what,
         gboolean     cached)
{
  gint64 latencies[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *text = NULL;
      gint64 start;

      if (cached)
        text = g_strdup ("Heel raises. Fifteen times, lift and lower both heels.");
      else
        text = g_strdup_printf ("Step %u. Lift and lower both heels, %u times.", i + 1, 10 + i);

      g_atomic_pointer_set ((gpointer *) &rendered, NULL);
      start = g_get_monotonic_time ();
      lc_cue_player_say (player, text);
      while (g_atomic_pointer_get ((gpointer *) &rendered) == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (200);
        }
      latencies[i] = GPOINTER_TO_SIZE (g_atomic_pointer_get ((gpointer *) &rendered)) - start;
      iterate_until_idle (player);
    }

  qsort (latencies, RUNS, sizeof (gint64), compare);
  g_print ("%-34s median %6.1f ms   worst %6.1f ms   (%d cues)\n", what,
           latencies[RUNS / 2] / 1000.0, latencies[RUNS - 1] / 1000.0, RUNS);
}

/* --- at a real sound server ------------------------------------------------------- */

/* When the first sound of a cue reached the server's sink, as recorded
 * from its monitor: the arrival of the recorded buffer less the samples
 * after the first loud one. 0 until heard; set on the recorder's thread. */
static gint64 heard;
static int armed;
/* The recording's samples so far, and the first and last loud one since
 * span_reset() (recorder's thread; read when the player is idle) */
static gint64 recorded_samples;
static gint64 span_first = -1, span_last = -1;
static GArray *span_samples;    /* gint16: what was recorded since span_reset() */
static GMutex span_lock;

static void
span_reset (void)
{
  g_mutex_lock (&span_lock);
  span_first = span_last = -1;
  if (span_samples == NULL)
    span_samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  g_array_set_size (span_samples, 0);
  g_mutex_unlock (&span_lock);
}

/* Runs of silence of 2 ms or more in @samples from its first to its last
 * sample louder than -36 dBFS. A stream that runs dry is not stretched:
 * pulsesink writes each buffer at its place, so what came too late is
 * silence at the server; a gap is a run of silence the rendering lacks. */
static guint
silent_runs (const gint16 *samples,
             gsize         n)
{
  gsize first = 0, last = n;
  guint runs = 0;
  gsize run = 0;

  while (first < n && ABS (samples[first]) <= 512)
    first++;
  while (last > first && ABS (samples[last - 1]) <= 512)
    last--;
  for (gsize i = first; i < last; i++)
    {
      if (ABS (samples[i]) <= 2)
        run++;
      else
        run = 0;
      runs += run == LC_AUDIO_RATE / 500;
    }

  return runs;
}

static GstFlowReturn
recorded_cb (GstAppSink *sink,
             gpointer    user_data)
{
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  gint64 now = g_get_monotonic_time ();
  GstBuffer *buffer = sample != NULL ? gst_sample_get_buffer (sample) : NULL;
  GstMapInfo map;

  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;
  g_mutex_lock (&span_lock);
  for (gsize i = 0, n = map.size / sizeof (gint16); i < n; i++)
    if (ABS (((const gint16 *) map.data)[i]) > 512)
      {
        if (g_atomic_int_compare_and_exchange (&armed, TRUE, FALSE))
          g_atomic_pointer_set ((gpointer *) &heard,
                                GSIZE_TO_POINTER (now - (gint64) (n - i) * G_USEC_PER_SEC / LC_AUDIO_RATE));
        if (span_first < 0)
          span_first = recorded_samples + i;
        span_last = recorded_samples + i;
      }
  recorded_samples += map.size / sizeof (gint16);
  if (span_samples != NULL)
    g_array_append_vals (span_samples, map.data, map.size / sizeof (gint16));
  g_mutex_unlock (&span_lock);
  gst_buffer_unmap (buffer, &map);

  return GST_FLOW_OK;
}

/* From the request to its first sound at the server's sink: @tick a
 * countdown tick, else a cue rendered ahead. The recording's own latency
 * (about a period, 5 ms) is in the figure. */
static void
measure_at_server (LcCuePlayer *player,
                   const char  *what,
                   gboolean     tick)
{
  gint64 latencies[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start;

      g_atomic_pointer_set ((gpointer *) &heard, NULL);
      g_atomic_int_set (&armed, TRUE);
      start = g_get_monotonic_time ();
      if (tick)
        lc_cue_player_tick (player);
      else
        lc_cue_player_say (player, "Heel raises. Fifteen times, lift and lower both heels.");
      while (g_atomic_pointer_get ((gpointer *) &heard) == NULL && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (200);
        }
      latencies[i] = GPOINTER_TO_SIZE (g_atomic_pointer_get ((gpointer *) &heard)) - start;
      if (g_atomic_pointer_get ((gpointer *) &heard) == NULL)
        g_error ("%s: nothing reached the server's sink within 2 s", what);
      iterate_until_idle (player);
    }

  qsort (latencies, RUNS, sizeof (gint64), compare);
  g_print ("%-34s median %6.1f ms   worst %6.1f ms   (%d cues)\n", what,
           latencies[RUNS / 2] / 1000.0, latencies[RUNS - 1] / 1000.0, RUNS);
}

/* --server SINK: the app's own output (autoaudiosink: the sound server of
 * PULSE_SERVER), recorded from SINK's monitor. Then, with --minutes M, a
 * cue every second for M minutes, for the server's log to count
 * underruns. */
static void
run_at_server (const char *sink_name,
               double      minutes)
{
  g_autofree char *description = g_strdup_printf ("pulsesrc device=%s.monitor buffer-time=20000 latency-time=5000 ! "
                                                  "audio/x-raw,format=S16LE,channels=1,rate=%d ! "
                                                  "appsink name=recorder sync=false emit-signals=true",
                                                  sink_name, LC_AUDIO_RATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) recording = gst_parse_launch (description, &error);
  g_autoptr(GstElement) recorder = NULL;
  g_autoptr(LcCuePlayer) player = lc_cue_player_new (NULL);
  gint64 end;
  guint cues = 0;

  if (recording == NULL)
    g_error ("%s", error->message);
  recorder = gst_bin_get_by_name (GST_BIN (recording), "recorder");
  g_signal_connect (recorder, "new-sample", G_CALLBACK (recorded_cb), NULL);
  gst_element_set_state (recording, GST_STATE_PLAYING);
  g_usleep (G_USEC_PER_SEC / 2);

  /* The pipeline up and the cue in the voice's cache */
  lc_cue_player_say (player, "Heel raises. Fifteen times, lift and lower both heels.");
  iterate_until_idle (player);

  g_print ("Cue request to its first sound at the sound server's sink (recorded from its monitor):\n");
  measure_at_server (player, "cached (rendered ahead)", FALSE);
  measure_at_server (player, "countdown tick", TRUE);

  /* A gap in a cue (the stream ran dry) makes it longer at the server
   * than it was rendered: each cue's span, from its first to its last
   * loud sample, against the rendering's, 5 ms allowed for the two
   * resamplings on the way */
  {
    g_autoptr(GBytes) rendering = lc_voice_lookup (player->voice, lc_cue_player_get_language (player),
                                                   "Heel raises. Fifteen times, lift and lower both heels.", NULL);
    gsize size;
    const gint16 *data = g_bytes_get_data (rendering, &size);
    gint64 first = -1, last = -1;
    guint stretched = 0, gapped = 0, gaps = 0;
    guint rendered_runs = silent_runs (data, size / sizeof (gint16));
    double worst = 0;

    for (gsize i = 0; i < size / sizeof (gint16); i++)
      if (ABS (data[i]) > 512)
        {
          if (first < 0)
            first = i;
          last = i;
        }

    end = g_get_monotonic_time () + (gint64) (minutes * 60 * G_USEC_PER_SEC);
    while (g_get_monotonic_time () < end)
      {
        double longer_ms;

        span_reset ();
        lc_cue_player_say (player, "Heel raises. Fifteen times, lift and lower both heels.");
        iterate_until_idle (player);
        g_mutex_lock (&span_lock);
        longer_ms = ((span_last - span_first) - (last - first)) * 1000.0 / LC_AUDIO_RATE;
        {
          guint runs = silent_runs ((const gint16 *) span_samples->data, span_samples->len);

          gapped += runs > rendered_runs;
          gaps += runs > rendered_runs ? runs - rendered_runs : 0;
        }
        g_mutex_unlock (&span_lock);
        worst = MAX (worst, longer_ms);
        stretched += longer_ms > 5;
        cues++;
      }
    if (minutes > 0)
      g_print ("%.1f min of cues, one after another: %u of %u cues had gaps (%u in all); "
               "%u were longer than rendered (longest by %.1f ms)\n",
               minutes, gapped, cues, gaps, stretched, worst);
  }

  lc_cue_player_close (player);
  gst_element_set_state (recording, GST_STATE_NULL);
}

/* The voice of measure_cache(): its tasks have no source object */
static LcVoice *cache_voice;

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray *kept = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = lc_voice_render_finish (cache_voice, result, &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  g_ptr_array_add (kept, bytes);
}

/* Where the sound starts in @bytes (16-bit samples at LC_AUDIO_RATE):
 * the first sample louder than -36 dBFS, in ms */
static double
leading_silence_ms (GBytes *bytes)
{
  gsize size;
  const gint16 *samples = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size / sizeof (gint16); i++)
    if (ABS (samples[i]) > 512)
      return i * 1000.0 / LC_AUDIO_RATE;
  return -1;
}

/* The silence the voice puts before its first sound, which adds to a
 * cue's latency as the user hears it */
static void
measure_leading_silence (void)
{
  const char *texts[] = { "Heel raises.", "Now the right leg.", "Halfway.", "Stop. Well done." };
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  cache_voice = voice;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    lc_voice_render_async (voice, "en-us", texts[i], NULL, FALSE, NULL, rendered_cb, kept);
  while (kept->len < G_N_ELEMENTS (texts))
    g_main_context_iteration (NULL, TRUE);
  g_print ("Silence before the voice's first sound:");
  for (guint i = 0; i < kept->len; i++)
    g_print ("%s %.1f ms", i > 0 ? "," : "", leading_silence_ms (kept->pdata[i]));
  g_print (" (%u cues)\n", kept->len);
}

/* Resident memory, in MiB */
static double
rss_mib (void)
{
  g_autofree char *statm = NULL;
  long pages = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%*d %ld", &pages);
  return pages * (double) sysconf (_SC_PAGESIZE) / (1024 * 1024);
}

/* What the voice's cache holds against what the process grows by, for
 * @n different cues kept in it */
static void
measure_cache (guint n)
{
  g_autoptr(LcVoice) voice = lc_voice_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  double before;
  gsize held = 0;

  cache_voice = voice;
  /* espeak-ng's data loaded first */
  lc_voice_render_async (voice, "en-us", "Ready.", NULL, TRUE, NULL, rendered_cb, kept);
  while (kept->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_ptr_array_set_size (kept, 0);
  before = rss_mib ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %u. Lift and lower both heels, slowly, %u times.", i, i + 10);

      lc_voice_render_async (voice, "en-us", text, NULL, FALSE, NULL, rendered_cb, kept);
    }
  while (kept->len < n)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < kept->len; i++)
    held += g_bytes_get_size (kept->pdata[i]);
  g_print ("%u cues in the voice's cache: %.1f MiB of sound; the process grew by %.1f MiB\n", n,
           held / (1024.0 * 1024), rss_mib () - before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LcCuePlayer) player = NULL;
  g_autoptr(GstElement) sink = NULL;

  gst_init (&argc, &argv);
  if (argc >= 3 && g_str_equal (argv[1], "--server"))
    {
      run_at_server (argv[2], argc >= 5 && g_str_equal (argv[3], "--minutes") ? g_ascii_strtod (argv[4], NULL) : 0);
      return 0;
    }
  player = lc_cue_player_new ("fakesink name=latency-sink sync=true signal-handoffs=true");

  /* Start the pipeline and fill the cache with the cached cue. */
  lc_cue_player_say (player, "Heel raises. Fifteen times, lift and lower both heels.");
  iterate_until_idle (player);
  sink = gst_bin_get_by_name (GST_BIN (lc_cue_player_get_pipeline (player)), "latency-sink");
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), NULL);

  g_print ("Cue request to first sample rendered (fakesink keeping to the clock):\n");
  measure (player, "cached (rendered ahead)", TRUE);
  measure (player, "uncached (synthesized on request)", FALSE);
  measure_cache (100);
  measure_leading_silence ();

  lc_cue_player_close (player);
  return 0;
}
