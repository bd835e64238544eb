/* lc-audio-module.h: what the app sees of the sound module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cue player and everything it needs (GStreamer, espeak-ng and the
 * libraries they bring: about twenty-five in all) are built as a module
 * that the app loads the first time it needs sound (lc-cue-player-loader.c),
 * not when it starts. The module gives the app one table of the functions
 * of lc-cue-player.h; the app's own lc_cue_player_*() call through it.
 */

#pragma once

#include "lc-cue-player.h"

G_BEGIN_DECLS

/* Raised with every change to LcAudioModule, so that an app never calls
 * into a module built from other sources. */
#define LC_AUDIO_MODULE_ABI 1

/* The module's one exported function, of type LcAudioModuleGetFunc */
#define LC_AUDIO_MODULE_SYMBOL "lc_audio_module_get"

typedef struct
{
  guint          abi;           /* LC_AUDIO_MODULE_ABI */
  gsize          size;          /* sizeof (LcAudioModule) */

  GType        (*get_type)          (void);
  LcCuePlayer *(*new)               (const char   *sink_description);
  char        *(*default_language)  (void);
  void         (*set_language)      (LcCuePlayer  *self,
                                     const char   *language);
  const char  *(*get_language)      (LcCuePlayer  *self);
  void         (*set_voice_folders) (LcCuePlayer  *self,
                                     GFile       **folders,
                                     guint         n_folders);
  void         (*set_muted)         (LcCuePlayer  *self,
                                     gboolean      muted);
  gboolean     (*get_muted)         (LcCuePlayer  *self);
  const char  *(*get_problem)       (LcCuePlayer  *self);
  gboolean     (*get_busy)          (LcCuePlayer  *self);
  void         (*attach)            (LcCuePlayer  *self,
                                     LcSession    *session);
  void         (*say)               (LcCuePlayer  *self,
                                     const char   *text);
  gboolean     (*preview)           (LcCuePlayer  *self,
                                     const char   *routine_id,
                                     const char   *step_id,
                                     const char   *which,
                                     const char   *text);
  void         (*tick)              (LcCuePlayer  *self);
  void         (*silence)           (LcCuePlayer  *self);
  void         (*close)             (LcCuePlayer  *self);
} LcAudioModule;

typedef const LcAudioModule *(*LcAudioModuleGetFunc) (void);

G_END_DECLS
