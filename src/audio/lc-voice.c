/* lc-voice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <espeak-ng/espeak_ng.h>
#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>

#include "lc-error.h"
#include "lc-tone.h"
#include "lc-voice.h"

/**
 * LcVoice:
 *
 * Turns a cue's words into sound: a recorded clip when one is given, else
 * speech synthesized with espeak-ng. Work happens on one thread of its own
 * (espeak-ng keeps global state, so it is used from that thread only), in
 * order of urgency, and every result is kept in a cache of bounded size,
 * so that a cue rendered ahead of time plays at once.
 */

/* Enough for every cue of a long routine, in every language and rate the
 * user tries; a typical cue is 100-200 KiB. */
#define CACHE_MAX_BYTES (48 * 1024 * 1024)

struct _LcVoice
{
  GObject parent_instance;

  guint rate;

  GThreadPool *pool;
  guint64 serial;

  /* Shared with the worker. */
  GMutex lock;
  GHashTable *cache;            /* key -> GBytes */
  GQueue cache_order;           /* keys, oldest first */
  gsize cache_bytes;
};

G_DEFINE_FINAL_TYPE (LcVoice, lc_voice, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-voice-error-quark, lc_voice_error)

typedef struct
{
  char *key;
  char *language;
  char *text;
  char *clip;                   /* path, or NULL */
  guint rate;
  gboolean urgent;
  guint64 serial;
} Job;

static void
job_free (Job *job)
{
  g_free (job->key);
  g_free (job->language);
  g_free (job->text);
  g_free (job->clip);
  g_free (job);
}

static char *
make_key (const char *language,
          const char *text,
          GFile      *clip,
          guint       rate)
{
  if (clip != NULL)
    {
      g_autofree char *path = g_file_get_path (clip);

      return g_strconcat ("clip\x1f", path, NULL);
    }

  return g_strdup_printf ("%s\x1f%u\x1f%s", language, rate, text);
}

static GBytes *
cache_get (LcVoice    *self,
           const char *key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GBytes *bytes = g_hash_table_lookup (self->cache, key);

  return bytes != NULL ? g_bytes_ref (bytes) : NULL;
}

static void
cache_put (LcVoice    *self,
           const char *key,
           GBytes     *bytes)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  char *owned;

  if (g_hash_table_contains (self->cache, key))
    return;

  owned = g_strdup (key);
  g_hash_table_insert (self->cache, owned, g_bytes_ref (bytes));
  g_queue_push_tail (&self->cache_order, owned);
  self->cache_bytes += g_bytes_get_size (bytes);

  while (self->cache_bytes > CACHE_MAX_BYTES && self->cache_order.length > 1)
    {
      char *oldest = g_queue_pop_head (&self->cache_order);
      GBytes *old = g_hash_table_lookup (self->cache, oldest);

      self->cache_bytes -= g_bytes_get_size (old);
      g_hash_table_remove (self->cache, oldest);
    }
}

/* --- the sound's start ------------------------------------------------------------ */

/* Below this a sample is silence: about -54 dBFS, under a voice's softest
 * onset and over the dither of a recording made in a quiet room */
#define SILENCE_LEVEL 64
/* What is kept before the first sound, so that its onset is not cut */
#define ONSET_SAMPLES (LC_AUDIO_RATE / 500)     /* 2 ms */

/* espeak-ng starts each utterance with about 13 ms of silence, recordings
 * with however long it took to start speaking: a cue is heard that much
 * later than it plays. Cut it, all but ONSET_SAMPLES. */
static void
trim_leading_silence (GByteArray *samples)
{
  const gint16 *data = (const gint16 *) samples->data;
  gsize n = samples->len / sizeof (gint16);
  gsize first = 0;

  while (first < n && ABS (data[first]) <= SILENCE_LEVEL)
    first++;
  if (first == n || first <= ONSET_SAMPLES)
    return;
  g_byte_array_remove_range (samples, 0, (guint) ((first - ONSET_SAMPLES) * sizeof (gint16)));
}

/* --- espeak-ng, on the worker thread only ------------------------------------ */

typedef struct
{
  GByteArray *samples;
  gboolean too_long;
} Synthesis;

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  Synthesis *synthesis = events->user_data;

  if (wav == NULL || n_samples <= 0)
    return 0;

  if (synthesis->samples->len + (gsize) n_samples * sizeof (gint16) > (gsize) LC_VOICE_MAX_SECONDS * LC_AUDIO_RATE * sizeof (gint16))
    {
      synthesis->too_long = TRUE;
      return 1;
    }

  g_byte_array_append (synthesis->samples, (const guint8 *) wav, (guint) n_samples * sizeof (gint16));
  return 0;
}

static char *
status_message (espeak_ng_STATUS status)
{
  char buffer[512] = "";

  espeak_ng_GetStatusCodeMessage (status, buffer, sizeof buffer);
  return g_strdup (buffer);
}

/* Initializes espeak-ng once; the outcome, good or bad, is kept. */
static gboolean
ensure_espeak (GError **error)
{
  static gsize initialized;
  static espeak_ng_STATUS status;

  if (g_once_init_enter (&initialized))
    {
      espeak_ng_InitializePath (NULL);
      status = espeak_ng_Initialize (NULL);
      if (status == ENS_OK)
        status = espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
      if (status == ENS_OK && espeak_ng_GetSampleRate () != LC_AUDIO_RATE)
        status = ENS_UNSUPPORTED_PHON_FORMAT;
      if (status == ENS_OK)
        espeak_SetSynthCallback (synth_cb);
      g_once_init_leave (&initialized, 1);
    }

  if (status != ENS_OK)
    {
      g_autofree char *message = status_message (status);

      lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_NO_SPEECH,
                   /* Translators: %s is espeak-ng's reason */
                   _("The speech synthesizer espeak-ng could not start: %s"), message);
      return FALSE;
    }

  return TRUE;
}

/* espeak-ng keeps its voice and parameters in global state: one
 * synthesis at a time, whichever LcVoice asks. */
static GMutex espeak_lock;

static GBytes *
synthesize (const char  *language,
            const char  *text,
            guint        rate,
            GError     **error)
{
  static char *voice;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&espeak_lock);
  Synthesis synthesis = { NULL, FALSE };
  espeak_ng_STATUS status;

  if (!ensure_espeak (error))
    return NULL;

  if (g_strcmp0 (voice, language) != 0)
    {
      status = espeak_ng_SetVoiceByName (language);
      /* A region without a voice of its own ("de-at"): the language's */
      if (status != ENS_OK && strchr (language, '-') != NULL)
        {
          g_autofree char *base = g_strndup (language, strchr (language, '-') - language);

          status = espeak_ng_SetVoiceByName (base);
        }
      if (status != ENS_OK)
        {
          g_debug ("No espeak-ng voice for “%s”, speaking English", language);
          status = espeak_ng_SetVoiceByName ("en");
        }
      if (status != ENS_OK)
        {
          g_autofree char *message = status_message (status);

          g_clear_pointer (&voice, g_free);
          lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_NO_SPEECH,
                       /* Translators: %s is espeak-ng's reason */
                       _("No voice could be found for speech: %s"), message);
          return NULL;
        }
      g_free (voice);
      voice = g_strdup (language);
    }

  espeak_ng_SetParameter (espeakRATE, (int) rate, 0);
  /* The same words sound the same every time. */
  espeak_ng_SetRandSeed (1);

  synthesis.samples = g_byte_array_new ();
  status = espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, NULL, &synthesis);
  if (status == ENS_OK)
    status = espeak_ng_Synchronize ();

  if (synthesis.too_long)
    {
      g_byte_array_unref (synthesis.samples);
      lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE, "The cue is too long to be spoken (more than %d second)",
                                "The cue is too long to be spoken (more than %d seconds)", LC_VOICE_MAX_SECONDS),
                   LC_VOICE_MAX_SECONDS);
      return NULL;
    }
  if (status != ENS_OK)
    {
      g_autofree char *message = status_message (status);

      g_byte_array_unref (synthesis.samples);
      lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_NO_SPEECH,
                   _("Speech synthesis failed: %s"), message);
      return NULL;
    }

  trim_leading_silence (synthesis.samples);
  return g_byte_array_free_to_bytes (synthesis.samples);
}

/* --- recorded clips ------------------------------------------------------------ */

static GBytes *
decode_clip (const char  *path,
             GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GByteArray) samples = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize limit = (gsize) LC_VOICE_MAX_SECONDS * LC_AUDIO_RATE * sizeof (gint16);

  pipeline = gst_parse_launch ("filesrc name=source ! decodebin ! audioconvert ! audioresample ! "
                               LC_AUDIO_CAPS " ! appsink name=sink sync=false",
                               &local_error);
  if (pipeline == NULL)
    {
      lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_CLIP,
                   /* Translators: %s is a file name, then the reason */
                   _("The recording “%s” cannot be played: %s"), name, local_error->message);
      return NULL;
    }
  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (source, "location", path, NULL);
  bus = gst_element_get_bus (pipeline);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  for (guint waited = 0; !gst_app_sink_is_eos (GST_APP_SINK (sink)); )
    {
      g_autoptr(GstSample) sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 100 * GST_MSECOND);
      g_autoptr(GstMessage) message = NULL;
      GstMapInfo map;
      GstBuffer *buffer;

      if (sample == NULL)
        {
          message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
          if (message != NULL)
            gst_message_parse_error (message, &local_error, NULL);
          else if (++waited > 100)
            local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Decoding takes too long");
          if (local_error != NULL)
            {
              gst_element_set_state (pipeline, GST_STATE_NULL);
              lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_CLIP,
                           _("The recording “%s” cannot be played: %s"), name, local_error->message);
              return NULL;
            }
          continue;
        }

      buffer = gst_sample_get_buffer (sample);
      if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
        continue;
      if (samples->len + map.size > limit)
        {
          gst_buffer_unmap (buffer, &map);
          gst_element_set_state (pipeline, GST_STATE_NULL);
          lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_TOO_LONG,
                       /* Translators: %s is a file name */
                       g_dngettext (GETTEXT_PACKAGE, "The recording “%s” is longer than %d second",
                                    "The recording “%s” is longer than %d seconds", LC_VOICE_MAX_SECONDS),
                       name, LC_VOICE_MAX_SECONDS);
          return NULL;
        }
      g_byte_array_append (samples, map.data, (guint) map.size);
      gst_buffer_unmap (buffer, &map);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (samples->len == 0)
    {
      lc_set_error (error, LC_VOICE_ERROR, LC_VOICE_ERROR_CLIP,
                   /* Translators: %s is a file name */
                   _("The recording “%s” has no sound"), name);
      return NULL;
    }

  trim_leading_silence (samples);
  return g_byte_array_free_to_bytes (g_steal_pointer (&samples));
}

/* --- the worker -------------------------------------------------------------- */

static void
worker (gpointer data,
        gpointer user_data)
{
  g_autoptr(GTask) task = data;
  LcVoice *self = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;

  bytes = cache_get (self, job->key);
  if (bytes == NULL && job->clip != NULL)
    {
      bytes = decode_clip (job->clip, &error);
      if (bytes == NULL)
        {
          g_warning ("%s; speaking the cue instead", error->message);
          g_clear_error (&error);
        }
    }
  if (bytes == NULL)
    bytes = synthesize (job->language, job->text, job->rate, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cache_put (self, job->key, bytes);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Urgent first, then in the order asked. */
static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Job *job_a = g_task_get_task_data ((GTask *) a);
  Job *job_b = g_task_get_task_data ((GTask *) b);

  if (job_a->urgent != job_b->urgent)
    return job_a->urgent ? -1 : 1;

  return job_a->serial < job_b->serial ? -1 : job_a->serial > job_b->serial;
}

/* A job the pool drops when the voice goes away. */
static void
drop_job (gpointer data)
{
  g_autoptr(GTask) task = data;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The voice was closed");
}

static void
lc_voice_finalize (GObject *object)
{
  LcVoice *self = (LcVoice *) object;

  /* Waits for the job at hand and drops the queued ones. The tasks have
   * no source object, so that the last reference to the voice is never
   * dropped on its own worker thread. */
  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_hash_table_unref (self->cache);
  g_queue_clear (&self->cache_order);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (lc_voice_parent_class)->finalize (object);
}

static void
lc_voice_class_init (LcVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_voice_finalize;

  gst_init (NULL, NULL);
}

static void
lc_voice_init (LcVoice *self)
{
  self->rate = LC_VOICE_RATE_DEFAULT;
  g_mutex_init (&self->lock);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->pool = g_thread_pool_new_full (worker, self, drop_job, 1, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
}

LcVoice *
lc_voice_new (void)
{
  return g_object_new (LC_TYPE_VOICE, NULL);
}

/**
 * lc_voice_set_rate:
 * @words_per_minute: from %LC_VOICE_RATE_MIN to %LC_VOICE_RATE_MAX
 *
 * Sets how fast synthesized speech is; cues rendered before keep theirs.
 */
void
lc_voice_set_rate (LcVoice *self,
                   guint    words_per_minute)
{
  g_return_if_fail (LC_IS_VOICE (self));

  self->rate = CLAMP (words_per_minute, LC_VOICE_RATE_MIN, LC_VOICE_RATE_MAX);
}

guint
lc_voice_get_rate (LcVoice *self)
{
  g_return_val_if_fail (LC_IS_VOICE (self), LC_VOICE_RATE_DEFAULT);

  return self->rate;
}

/**
 * lc_voice_lookup:
 * @language: the espeak-ng voice, e.g. "en" or "it"
 * @text: what to say
 * @clip: (nullable): a recording to play instead
 *
 * Returns: (transfer full) (nullable): the sound if it was rendered before
 */
GBytes *
lc_voice_lookup (LcVoice    *self,
                 const char *language,
                 const char *text,
                 GFile      *clip)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LC_IS_VOICE (self), NULL);
  g_return_val_if_fail (language != NULL && text != NULL, NULL);

  key = make_key (language, text, clip, self->rate);
  return cache_get (self, key);
}

/**
 * lc_voice_render_async:
 * @language: the espeak-ng voice, e.g. "en" or "it"; English is used when
 *   there is no voice for it
 * @text: what to say
 * @clip: (nullable): a recording to play instead; if it cannot be decoded,
 *   @text is spoken
 * @urgent: whether to render this before everything asked for earlier
 *
 * Renders a cue into samples in the cue format (%LC_AUDIO_CAPS) off the
 * main thread, or finds it in the cache. Called without @callback, it only
 * fills the cache.
 */
void
lc_voice_render_async (LcVoice             *self,
                       const char          *language,
                       const char          *text,
                       GFile               *clip,
                       gboolean             urgent,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (LC_IS_VOICE (self));
  g_return_if_fail (language != NULL && text != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_voice_render_async);

  job = g_new0 (Job, 1);
  job->key = make_key (language, text, clip, self->rate);
  job->language = g_strdup (language);
  job->text = g_strdup (text);
  job->clip = clip != NULL ? g_file_get_path (clip) : NULL;
  job->rate = self->rate;
  job->urgent = urgent;
  job->serial = self->serial++;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  g_thread_pool_push (self->pool, g_steal_pointer (&task), NULL);
}

/**
 * lc_voice_render_finish:
 *
 * The callback of lc_voice_render_async() gets no source object (the
 * voice's thread must never hold the last reference to it), so pass the
 * voice here.
 *
 * Returns: (transfer full): the samples, or %NULL with @error set
 */
GBytes *
lc_voice_render_finish (LcVoice       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (LC_IS_VOICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * lc_voice_name_for_locale:
 * @language: an espeak-ng voice, such as "en" or "de"
 * @locale: (nullable): a locale name as setlocale() gives it, such as
 *   "en_US.UTF-8"
 *
 * The voice with the region of @locale where @locale is in @language:
 * "en" in "en_US.UTF-8" is "en-us" (espeak-ng's "en" is British), "pt" in
 * "pt_BR.UTF-8" is "pt-br". A voice with a region already, another
 * language's locale, or a locale without a territory leave @language as
 * it is. A region espeak-ng has no voice for falls back to the language
 * when spoken.
 *
 * Returns: (transfer full): the voice name
 */
char *
lc_voice_name_for_locale (const char *language,
                          const char *locale)
{
  gsize n;
  const char *territory;

  g_return_val_if_fail (language != NULL, NULL);

  n = strlen (language);
  if (strchr (language, '-') != NULL || locale == NULL || strncmp (locale, language, n) != 0 ||
      locale[n] != '_')
    return g_strdup (language);

  territory = locale + n + 1;
  n = strcspn (territory, ".@");
  if (n == 0)
    return g_strdup (language);

  {
    g_autofree char *region = g_ascii_strdown (territory, (gssize) n);

    return g_strdup_printf ("%s-%s", language, region);
  }
}
