/* lc-tone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-tone.h"

/* Long enough that the start and end do not click, short enough that the
 * tick still sounds like a tick. */
#define FADE_MS 10

/**
 * lc_tone_new:
 * @frequency: in Hz, below half of %LC_AUDIO_RATE
 * @milliseconds: the tone's length
 * @amplitude: from 0 to 1, of full scale
 *
 * Generates a sine tone in the cue format (see %LC_AUDIO_CAPS) that fades
 * in and out over 10 ms with a raised-cosine ramp, so it starts and ends
 * at zero without a click.
 *
 * Returns: (transfer full): the samples
 */
GBytes *
lc_tone_new (guint  frequency,
             guint  milliseconds,
             double amplitude)
{
  gsize n_samples = (gsize) milliseconds * LC_AUDIO_RATE / 1000;
  gsize fade = MIN ((gsize) FADE_MS * LC_AUDIO_RATE / 1000, n_samples / 2);
  gint16 *samples;

  g_return_val_if_fail (frequency > 0 && frequency < LC_AUDIO_RATE / 2, NULL);
  g_return_val_if_fail (amplitude >= 0 && amplitude <= 1, NULL);

  samples = g_new (gint16, MAX (n_samples, 1));
  for (gsize i = 0; i < n_samples; i++)
    {
      double gain = amplitude;
      gsize edge = MIN (i, n_samples - 1 - i);

      if (edge < fade)
        gain *= 0.5 - 0.5 * cos (G_PI * (double) edge / (double) fade);

      samples[i] = (gint16) lrint (32767.0 * gain * sin (2 * G_PI * frequency * (double) i / LC_AUDIO_RATE));
    }

  return g_bytes_new_take (samples, n_samples * sizeof (gint16));
}
