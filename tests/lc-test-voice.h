/* lc-test-voice.h: rendering a cue and waiting for it, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-voice.h"

typedef struct
{
  LcVoice *voice;
  GBytes *bytes;
  GError *error;
  gboolean done;
} LcTestRendering;

static inline void
lc_test_render_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LcTestRendering *rendering = user_data;

  rendering->bytes = lc_voice_render_finish (rendering->voice, result, &rendering->error);
  rendering->done = TRUE;
}

/* Renders @text (or @clip) with @voice, iterating the main loop for at
 * most 15 s (then aborts). Returns the samples, or %NULL with @error set. */
static inline GBytes *
lc_test_render (LcVoice     *voice,
                const char  *language,
                const char  *text,
                GFile       *clip,
                GError     **error)
{
  LcTestRendering rendering = { voice, NULL, NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  lc_voice_render_async (voice, language, text, clip, TRUE, NULL, lc_test_render_cb, &rendering);
  while (!rendering.done)
    {
      /* Not returned: the callback still comes, and the rendering is here. */
      if (g_get_monotonic_time () > deadline)
        g_error ("rendering “%s” took more than 15 s", text);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  if (rendering.error != NULL)
    g_propagate_error (error, rendering.error);
  return rendering.bytes;
}
