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
 * the process grows by for a hundred cues kept in it. Nothing is asserted.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

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
