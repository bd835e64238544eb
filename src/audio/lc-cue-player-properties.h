/* lc-cue-player-properties.h: LcCuePlayer's properties, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player (lc-cue-player.c, in the sound module) and its stand-in
 * without sound (lc-cue-player-loader.c, in the app) have the same
 * properties, which the app binds to its settings.
 */

#pragma once

#include <glib-object.h>

#include "lc-voice.h"

G_BEGIN_DECLS

enum {
  LC_CUE_PLAYER_PROP_0,
  LC_CUE_PLAYER_PROP_LANGUAGE,
  LC_CUE_PLAYER_PROP_VOICE_ENABLED,
  LC_CUE_PLAYER_PROP_VOLUME,
  LC_CUE_PLAYER_PROP_RATE,
  LC_CUE_PLAYER_PROP_COUNT_REPETITIONS,
  LC_CUE_PLAYER_PROP_COUNTDOWN_TICKS,
  LC_CUE_PLAYER_PROP_MUTED,
  LC_CUE_PLAYER_PROP_PROBLEM,   /* read-only, the last */
  LC_CUE_PLAYER_N_PROPS
};

/* Fills @properties (LC_CUE_PLAYER_N_PROPS of them) for
 * g_object_class_install_properties() */
static inline void
lc_cue_player_properties_init (GParamSpec **properties)
{
  properties [LC_CUE_PLAYER_PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_VOICE_ENABLED] =
    g_param_spec_boolean ("voice-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_RATE] =
    g_param_spec_int ("rate", NULL, NULL, LC_VOICE_RATE_MIN, LC_VOICE_RATE_MAX, LC_VOICE_RATE_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_COUNT_REPETITIONS] =
    g_param_spec_boolean ("count-repetitions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_COUNTDOWN_TICKS] =
    g_param_spec_boolean ("countdown-ticks", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [LC_CUE_PLAYER_PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

G_END_DECLS
