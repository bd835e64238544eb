/* lc-audio-module.c: the sound module's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built into the module only (src/meson.build), whose version script
 * (lc-audio-module.map) exports this function and nothing else: the
 * module's own lc_cue_player_*() never bind to the app's functions of the
 * same names (lc-cue-player-loader.c).
 */

#include "config.h"

#include <gmodule.h>

#include "lc-audio-module.h"

G_MODULE_EXPORT const LcAudioModule *lc_audio_module_get (void);

const LcAudioModule *
lc_audio_module_get (void)
{
  static const LcAudioModule module = {
    .abi = LC_AUDIO_MODULE_ABI,
    .size = sizeof (LcAudioModule),
    .get_type = lc_cue_player_get_type,
    .new = lc_cue_player_new,
    .default_language = lc_cue_player_default_language,
    .set_language = lc_cue_player_set_language,
    .get_language = lc_cue_player_get_language,
    .set_voice_folders = lc_cue_player_set_voice_folders,
    .set_muted = lc_cue_player_set_muted,
    .get_muted = lc_cue_player_get_muted,
    .get_problem = lc_cue_player_get_problem,
    .get_busy = lc_cue_player_get_busy,
    .attach = lc_cue_player_attach,
    .say = lc_cue_player_say,
    .preview = lc_cue_player_preview,
    .tick = lc_cue_player_tick,
    .silence = lc_cue_player_silence,
    .close = lc_cue_player_close,
  };

  return &module;
}
