/* lc-voice.h: the spoken part of cues, synthesized or recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LC_VOICE_ERROR (lc_voice_error_quark ())

typedef enum
{
  LC_VOICE_ERROR_NO_SPEECH,   /* espeak-ng or its data is missing */
  LC_VOICE_ERROR_TOO_LONG,    /* more than LC_VOICE_MAX_SECONDS of sound */
  LC_VOICE_ERROR_CLIP,        /* a recorded clip could not be decoded */
} LcVoiceError;

/* Neither a cue nor a recorded clip may be longer. */
#define LC_VOICE_MAX_SECONDS 30

#define LC_VOICE_RATE_MIN 80
#define LC_VOICE_RATE_DEFAULT 160
#define LC_VOICE_RATE_MAX 260

#define LC_TYPE_VOICE (lc_voice_get_type ())

G_DECLARE_FINAL_TYPE (LcVoice, lc_voice, LC, VOICE, GObject)

GQuark   lc_voice_error_quark   (void);

char    *lc_voice_name_for_locale (const char         *language,
                                   const char         *locale);

LcVoice *lc_voice_new           (void);
void     lc_voice_set_rate      (LcVoice              *self,
                                 guint                 words_per_minute);
guint    lc_voice_get_rate      (LcVoice              *self);

GBytes  *lc_voice_lookup        (LcVoice              *self,
                                 const char           *language,
                                 const char           *text,
                                 GFile                *clip);
void     lc_voice_render_async  (LcVoice              *self,
                                 const char           *language,
                                 const char           *text,
                                 GFile                *clip,
                                 gboolean              urgent,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
GBytes  *lc_voice_render_finish (LcVoice              *self,
                                 GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
