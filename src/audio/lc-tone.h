/* lc-tone.h: the sound format of cues, and generated tones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every cue's sound, spoken, recorded or generated, is 16-bit signed
 * native-endian mono PCM at this rate: espeak-ng's own. */
#define LC_AUDIO_RATE 22050
#define LC_AUDIO_CAPS "audio/x-raw,format=S16LE,layout=interleaved,channels=1,rate=22050"

/* The countdown tick in the last seconds of a step. */
#define LC_TONE_TICK_HZ 880
#define LC_TONE_TICK_MS 120
#define LC_TONE_TICK_AMPLITUDE 0.5

GBytes *lc_tone_new (guint  frequency,
                     guint  milliseconds,
                     double amplitude);

G_END_DECLS
