/* lc-cue-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "lc-cue-player-private.h"
#include "lc-cue-player-properties.h"
#include "lc-enum-types.h"
#include "lc-tone.h"
#include "lc-voice.h"

/**
 * LcCuePlayer:
 *
 * Turns a session's cue requests into sound: speech (LcVoice) and ticks
 * (lc_tone_new()) mixed into one stream that goes through
 *
 *   appsrc ! audioconvert ! audioresample ! volume ! taginject ! autoaudiosink
 *
 * The pipeline is live and fed in small chunks, timestamped from its clock,
 * only while there is something to hear; a new announcement fades out the
 * one before it over a few milliseconds instead of queueing behind it.
 * Speech is rendered ahead of time: when a segment starts, the cues of the
 * next ones are rendered on LcVoice's thread.
 *
 * The main thread never waits for GStreamer: state changes run through
 * gst_element_call_async(), and failures arrive on the bus. Without a
 * usable sound output the player says so once in #LcCuePlayer:problem and
 * tries again at a later cue.
 *
 * The feed and the pipeline are in lc-cue-player-pipeline.c; this file
 * holds what to say when, and the object.
 */

G_DEFINE_FINAL_TYPE (LcCuePlayer, lc_cue_player, G_TYPE_OBJECT)

/* The properties are in lc-cue-player-properties.h */

static GParamSpec *properties [LC_CUE_PLAYER_N_PROPS];

enum {
  SOUND,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* --- problems ------------------------------------------------------------------- */

void
lc_cue_player_notify_problem (LcCuePlayer *self,
                              char       **slot,
                              const char  *problem)
{
  if (g_strcmp0 (*slot, problem) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties [LC_CUE_PLAYER_PROP_PROBLEM]);
}

/* --- playing sounds --------------------------------------------------------------- */

static void
play (LcCuePlayer *self,
      LcCueKind    kind,
      const char  *text,
      GBytes      *bytes,
      int          priority)
{
  g_autoptr(GMutexLocker) locker = NULL;
  Feed *feed;

  if (self->muted || self->paused || !lc_cue_player_ensure_pipeline (self))
    return;

  feed = self->feed;
  locker = g_mutex_locker_new (&feed->lock);

  if (text != NULL)
    {
      if (lc_cue_sound_active (&feed->speech) && feed->speech.fade_from == G_MAXSIZE && feed->speech.priority > priority)
        return;

      lc_cue_sound_clear (&feed->outgoing);
      feed->outgoing = feed->speech;
      feed->speech = (Sound) { .fade_from = G_MAXSIZE };
      lc_cue_sound_fade_out (&feed->outgoing);
      lc_cue_sound_set (&feed->speech, bytes, priority);
    }
  else
    lc_cue_sound_set (&feed->tone, bytes, priority);

  if (!feed->flowing)
    lc_cue_feed_push_locked (feed, self->appsrc);
  g_clear_pointer (&locker, g_mutex_locker_free);

  g_signal_emit (self, signals [SOUND], 0, kind, text);
}

typedef struct
{
  LcCuePlayer *self;
  LcCueKind kind;
  char *text;
  int priority;
  guint64 serial;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request->text);
  g_free (request);
}

static void
render_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  LcCuePlayer *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lc_voice_render_finish (self->voice, result, &error);

  self->rendering--;

  if (bytes == NULL)
    {
      if (g_error_matches (error, LC_VOICE_ERROR, LC_VOICE_ERROR_NO_SPEECH))
        lc_cue_player_speech_failed (self, error);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
    }
  else if (request->serial == self->speech_serial)
    {
      lc_cue_player_notify_problem (self, &self->speech_problem, NULL);
      play (self, request->kind, request->text, bytes, request->priority);
    }

  request_free (request);
}

/* A recorded clip: voice/LANG/ROUTINE-ID/STEP-ID[.switch|.halfway].ogg in
 * one of the voice folders, if there is one; LANG the voice ("en-us"),
 * then its language alone ("en"). */
static GFile *
find_clip_file (LcCuePlayer *self,
                const char  *routine_id,
                const char  *step_id,
                const char  *suffix)
{
  g_autofree char *name = g_strconcat (step_id, suffix, ".ogg", NULL);
  g_autofree char *base = g_strndup (self->language, strcspn (self->language, "-"));
  const char *languages[] = { self->language, g_str_equal (base, self->language) ? NULL : base };

  for (guint l = 0; l < G_N_ELEMENTS (languages) && languages[l] != NULL; l++)
    for (guint i = 0; i < self->voice_folders->len; i++)
      {
        g_autoptr(GFile) language = g_file_get_child (g_ptr_array_index (self->voice_folders, i), languages[l]);
        g_autoptr(GFile) routine = g_file_get_child (language, routine_id);
        g_autoptr(GFile) clip = g_file_get_child (routine, name);

        if (g_file_query_file_type (clip, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
          return g_steal_pointer (&clip);
      }

  return NULL;
}

/* The recorded clip for a step's cue, if there is one. */
static GFile *
find_clip (LcCuePlayer *self,
           LcCueKind    kind,
           LcStep      *step)
{
  LcRoutine *routine;

  if (step == NULL || self->session == NULL || self->voice_folders->len == 0)
    return NULL;

  routine = lc_session_get_routine (self->session);
  if (kind == LC_CUE_STEP)
    return find_clip_file (self, lc_routine_get_id (routine), lc_step_get_id (step), "");
  else if (kind == LC_CUE_SWITCH)
    return find_clip_file (self, lc_routine_get_id (routine), lc_step_get_id (step), ".switch");
  else if (kind == LC_CUE_HALFWAY)
    return find_clip_file (self, lc_routine_get_id (routine), lc_step_get_id (step), ".halfway");

  return NULL;
}

static void
speak (LcCuePlayer *self,
       LcCueKind    kind,
       const char  *text,
       GFile       *clip,
       int          priority)
{
  g_autoptr(GBytes) bytes = NULL;
  Request *request;

  if (text == NULL || *text == '\0' || self->muted || !self->voice_enabled)
    return;

  self->speech_serial++;
  bytes = lc_voice_lookup (self->voice, self->language, text, clip);
  if (bytes != NULL)
    {
      play (self, kind, text, bytes, priority);
      return;
    }

  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->kind = kind;
  request->text = g_strdup (text);
  request->priority = priority;
  request->serial = self->speech_serial;
  self->rendering++;
  lc_voice_render_async (self->voice, self->language, text, clip, TRUE,
                         self->cancellable, render_cb, request);
}

static void
prefetch_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LcCuePlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lc_voice_render_finish (self->voice, result, &error);

  self->rendering--;
  if (g_error_matches (error, LC_VOICE_ERROR, LC_VOICE_ERROR_NO_SPEECH))
    lc_cue_player_speech_failed (self, error);
}

static void
prefetch (LcCuePlayer *self,
          const char  *text,
          GFile       *clip)
{
  g_autoptr(GBytes) bytes = NULL;

  if (text == NULL || *text == '\0' || !self->voice_enabled)
    return;

  bytes = lc_voice_lookup (self->voice, self->language, text, clip);
  if (bytes != NULL)
    return;

  self->rendering++;
  lc_voice_render_async (self->voice, self->language, text, clip, FALSE, NULL,
                         prefetch_cb, g_object_ref (self));
}

/* Renders what the next segments will say while this one runs. */
static void
prefetch_session (LcCuePlayer *self)
{
  const LcSegment *segment = lc_session_get_segment (self->session);

  for (guint offset = 0; offset < 3; offset++)
    {
      LcCueKind kind;
      const char *text;
      LcStep *step;

      if (lc_session_peek_cue (self->session, offset, &kind, &text, &step))
        {
          g_autoptr(GFile) clip = find_clip (self, kind, step);

          if (offset > 0 || lc_session_get_state (self->session) == LC_SESSION_IDLE)
            prefetch (self, text, clip);
          if (step != NULL && lc_step_get_cue_halfway (step) != NULL)
            {
              g_autoptr(GFile) halfway = find_clip (self, LC_CUE_HALFWAY, step);

              prefetch (self, lc_step_get_cue_halfway (step), halfway);
            }
        }
    }

  if (self->count_repetitions && segment != NULL)
    for (guint i = 1; i <= segment->repetitions; i++)
      {
        g_autofree char *number = g_strdup_printf ("%u", i);

        prefetch (self, number, NULL);
      }
}

static void
cue_cb (LcSession   *session,
        LcCueKind    kind,
        const char  *text,
        guint        value,
        LcCuePlayer *self)
{
  const LcSegment *segment = lc_session_get_segment (session);
  LcStep *step = NULL;
  g_autoptr(GFile) clip = NULL;
  g_autofree char *number = NULL;
  int priority = PRIORITY_ANNOUNCEMENT;

  switch (kind)
    {
    case LC_CUE_COUNTDOWN:
      if (self->countdown_ticks)
        lc_cue_player_tick (self);
      return;

    case LC_CUE_REPETITION:
      if (!self->count_repetitions || value < 1)
        return;
      number = g_strdup_printf ("%u", value);
      text = number;
      priority = PRIORITY_COUNT;
      break;

    case LC_CUE_HALFWAY:
      priority = PRIORITY_HALFWAY;
      break;

    case LC_CUE_GET_READY:
    case LC_CUE_STEP:
    case LC_CUE_SWITCH:
    case LC_CUE_REST:
    case LC_CUE_FINISHED:
    default:
      break;
    }

  if (segment != NULL && kind != LC_CUE_FINISHED)
    step = lc_routine_get_step (lc_session_get_routine (session), segment->step_index);
  clip = find_clip (self, kind, step);
  speak (self, kind, text, clip, priority);
}

static void
segment_changed_cb (LcSession   *session,
                    LcCuePlayer *self)
{
  prefetch_session (self);
}

static void
state_cb (LcSession   *session,
          GParamSpec  *pspec,
          LcCuePlayer *self)
{
  gboolean paused = lc_session_get_state (session) == LC_SESSION_PAUSED;

  if (lc_session_get_state (session) == LC_SESSION_STOPPED)
    lc_cue_player_silence (self);

  if (paused == self->paused)
    return;

  /* Pausing holds the sound where it is; resuming goes on from there. */
  self->paused = paused;
  if (self->pipeline != NULL)
    gst_element_call_async (self->pipeline, lc_cue_player_set_state_func,
                            GINT_TO_POINTER (paused ? GST_STATE_PAUSED : GST_STATE_PLAYING), NULL);
}

/* --- GObject --------------------------------------------------------------------- */

static void
lc_cue_player_dispose (GObject *object)
{
  LcCuePlayer *self = (LcCuePlayer *) object;

  lc_cue_player_attach (self, NULL);
  lc_cue_player_close_pipeline (self, FALSE);

  G_OBJECT_CLASS (lc_cue_player_parent_class)->dispose (object);
}

static void
lc_cue_player_finalize (GObject *object)
{
  LcCuePlayer *self = (LcCuePlayer *) object;

  g_clear_object (&self->voice);
  g_bytes_unref (self->tick);
  g_free (self->sink_description);
  g_free (self->language);
  g_ptr_array_unref (self->voice_folders);
  g_free (self->audio_problem);
  g_free (self->speech_problem);
  g_free (self->sink_warning);

  G_OBJECT_CLASS (lc_cue_player_parent_class)->finalize (object);
}

static void
lc_cue_player_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LcCuePlayer *self = LC_CUE_PLAYER (object);

  switch (prop_id)
    {
    case LC_CUE_PLAYER_PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case LC_CUE_PLAYER_PROP_VOICE_ENABLED:
      g_value_set_boolean (value, self->voice_enabled);
      break;
    case LC_CUE_PLAYER_PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case LC_CUE_PLAYER_PROP_RATE:
      g_value_set_int (value, (int) lc_voice_get_rate (self->voice));
      break;
    case LC_CUE_PLAYER_PROP_COUNT_REPETITIONS:
      g_value_set_boolean (value, self->count_repetitions);
      break;
    case LC_CUE_PLAYER_PROP_COUNTDOWN_TICKS:
      g_value_set_boolean (value, self->countdown_ticks);
      break;
    case LC_CUE_PLAYER_PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    case LC_CUE_PLAYER_PROP_PROBLEM:
      g_value_set_string (value, lc_cue_player_get_problem (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_cue_player_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LcCuePlayer *self = LC_CUE_PLAYER (object);

  switch (prop_id)
    {
    case LC_CUE_PLAYER_PROP_LANGUAGE:
      lc_cue_player_set_language (self, g_value_get_string (value));
      break;
    case LC_CUE_PLAYER_PROP_VOICE_ENABLED:
      self->voice_enabled = g_value_get_boolean (value);
      if (!self->voice_enabled && self->feed != NULL)
        {
          g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->feed->lock);

          lc_cue_sound_fade_out (&self->feed->speech);
        }
      break;
    case LC_CUE_PLAYER_PROP_VOLUME:
      self->volume = g_value_get_double (value);
      if (self->volume_element != NULL)
        g_object_set (self->volume_element, "volume", self->volume, NULL);
      break;
    case LC_CUE_PLAYER_PROP_RATE:
      lc_voice_set_rate (self->voice, (guint) g_value_get_int (value));
      break;
    case LC_CUE_PLAYER_PROP_COUNT_REPETITIONS:
      self->count_repetitions = g_value_get_boolean (value);
      break;
    case LC_CUE_PLAYER_PROP_COUNTDOWN_TICKS:
      self->countdown_ticks = g_value_get_boolean (value);
      break;
    case LC_CUE_PLAYER_PROP_MUTED:
      lc_cue_player_set_muted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_cue_player_class_init (LcCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_cue_player_dispose;
  object_class->finalize = lc_cue_player_finalize;
  object_class->get_property = lc_cue_player_get_property;
  object_class->set_property = lc_cue_player_set_property;

  lc_cue_player_properties_init (properties);
  g_object_class_install_properties (object_class, LC_CUE_PLAYER_N_PROPS, properties);

  /**
   * LcCuePlayer::sound:
   * @kind: the cue's kind; %LC_CUE_COUNTDOWN for a tick
   * @text: (nullable): the words, %NULL for a tick
   *
   * A sound starts: emitted as it goes to the sound output.
   */
  signals [SOUND] =
    g_signal_new ("sound", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, LC_TYPE_CUE_KIND, G_TYPE_STRING);

  gst_init (NULL, NULL);
}

static void
lc_cue_player_init (LcCuePlayer *self)
{
  self->voice = lc_voice_new ();
  self->tick = lc_tone_new (LC_TONE_TICK_HZ, LC_TONE_TICK_MS, LC_TONE_TICK_AMPLITUDE);
  self->language = g_strdup ("en");
  self->voice_folders = g_ptr_array_new_with_free_func (g_object_unref);
  self->voice_enabled = TRUE;
  self->countdown_ticks = TRUE;
  self->volume = 1.0;
}

/**
 * lc_cue_player_new:
 * @sink_description: (nullable): a gst-launch description of where the
 *   sound goes, e.g. "wavenc ! filesink location=cues.wav"; %NULL for the
 *   default output (autoaudiosink)
 */
LcCuePlayer *
lc_cue_player_new (const char *sink_description)
{
  LcCuePlayer *self = g_object_new (LC_TYPE_CUE_PLAYER, NULL);

  self->sink_description = g_strdup (sink_description);
  return self;
}

/**
 * lc_cue_player_default_language:
 *
 * The espeak-ng voice for the language the app's text is shown in: the
 * cues are spoken in the language they are written in, with the region of
 * the locale where espeak-ng has it (lc_voice_name_for_locale()).
 *
 * Returns: (transfer full): e.g. "en-us", "it" or "de"
 */
char *
lc_cue_player_default_language (void)
{
  /* Translators: the espeak-ng voice that reads your translation aloud:
   * your language's code, e.g. "it" or "de" (see `espeak-ng --voices`) */
  const char *language = C_("espeak-ng voice", "en");

  /* With the region of the messages' locale: American English in the
   * United States */
  return lc_voice_name_for_locale (language, setlocale (LC_MESSAGES, NULL));
}

void
lc_cue_player_set_language (LcCuePlayer *self,
                            const char  *language)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  if (language == NULL || *language == '\0')
    language = "en";
  if (g_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties [LC_CUE_PLAYER_PROP_LANGUAGE]);
}

const char *
lc_cue_player_get_language (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), NULL);

  return self->language;
}

/**
 * lc_cue_player_set_voice_folders:
 * @folders: (array length=n_folders): where recorded clips are looked for,
 *   first match wins: `FOLDER/LANGUAGE/ROUTINE-ID/STEP-ID.ogg`, and
 *   `STEP-ID.switch.ogg` and `STEP-ID.halfway.ogg` for those cues
 */
void
lc_cue_player_set_voice_folders (LcCuePlayer  *self,
                                 GFile       **folders,
                                 guint         n_folders)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  g_ptr_array_set_size (self->voice_folders, 0);
  for (guint i = 0; i < n_folders; i++)
    g_ptr_array_add (self->voice_folders, g_object_ref (folders[i]));
}

/**
 * lc_cue_player_set_muted:
 *
 * Silences everything at once (what is playing fades out) until unmuted.
 */
void
lc_cue_player_set_muted (LcCuePlayer *self,
                         gboolean     muted)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  if (muted)
    lc_cue_player_silence (self);
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "mute", muted, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [LC_CUE_PLAYER_PROP_MUTED]);
}

gboolean
lc_cue_player_get_muted (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  return self->muted;
}

/**
 * lc_cue_player_get_problem:
 *
 * Returns: (nullable): why cues cannot be heard, in words for the user, or
 *   %NULL if nothing is known to be wrong
 */
const char *
lc_cue_player_get_problem (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), NULL);

  return self->audio_problem != NULL ? self->audio_problem : self->speech_problem;
}

/**
 * lc_cue_player_get_busy:
 *
 * Returns: whether speech is being rendered or a sound is still being
 *   sent to the output
 */
gboolean
lc_cue_player_get_busy (LcCuePlayer *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  if (self->rendering > 0)
    return TRUE;
  if (self->feed == NULL)
    return FALSE;

  locker = g_mutex_locker_new (&self->feed->lock);
  return lc_cue_feed_busy_locked (self->feed);
}

/**
 * lc_cue_player_attach:
 * @session: (nullable): the session to voice, or %NULL to stop voicing one
 *
 * Follows @session's cues from now on and gets the sound output ready, so
 * that the first cue is not late.
 */
void
lc_cue_player_attach (LcCuePlayer *self,
                      LcSession   *session)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));
  g_return_if_fail (session == NULL || LC_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->session);
    }

  self->paused = FALSE;
  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), self);
  g_signal_connect (session, "segment-changed", G_CALLBACK (segment_changed_cb), self);
  g_signal_connect (session, "notify::state", G_CALLBACK (state_cb), self);

  prefetch_session (self);
  if (!self->muted)
    lc_cue_player_ensure_pipeline (self);
}

/**
 * lc_cue_player_say:
 * @text: words to speak now, e.g. to preview the voice
 */
void
lc_cue_player_say (LcCuePlayer *self,
                   const char  *text)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  speak (self, LC_CUE_STEP, text, NULL, PRIORITY_ANNOUNCEMENT);
}

/**
 * lc_cue_player_preview:
 * @routine_id: (nullable): the routine the step is in
 * @step_id: (nullable): the step
 * @which: "cue", "switch" or "halfway"
 * @text: the words
 *
 * Says a step's cue as a session would: its recorded clip if there is one
 * for the routine and step, or @text spoken.
 *
 * Returns: whether it is said: %FALSE if spoken cues are off or muted
 */
gboolean
lc_cue_player_preview (LcCuePlayer *self,
                       const char  *routine_id,
                       const char  *step_id,
                       const char  *which,
                       const char  *text)
{
  g_autoptr(GFile) clip = NULL;
  const char *suffix = g_strcmp0 (which, "switch") == 0 ? ".switch" :
                       g_strcmp0 (which, "halfway") == 0 ? ".halfway" : "";

  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  if (self->muted || !self->voice_enabled)
    return FALSE;

  if (routine_id != NULL && *routine_id != '\0' && step_id != NULL && *step_id != '\0')
    clip = find_clip_file (self, routine_id, step_id, suffix);
  speak (self, LC_CUE_STEP, text, clip, PRIORITY_ANNOUNCEMENT);
  return TRUE;
}

/**
 * lc_cue_player_tick:
 *
 * Plays the countdown tick.
 */
void
lc_cue_player_tick (LcCuePlayer *self)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  play (self, LC_CUE_COUNTDOWN, NULL, self->tick, PRIORITY_ANNOUNCEMENT);
}

/**
 * lc_cue_player_silence:
 *
 * Fades out whatever is playing, and drops speech still being rendered.
 */
void
lc_cue_player_silence (LcCuePlayer *self)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  self->speech_serial++;
  if (self->feed != NULL)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->feed->lock);

      lc_cue_sound_fade_out (&self->feed->speech);
      lc_cue_sound_fade_out (&self->feed->outgoing);
      lc_cue_sound_fade_out (&self->feed->tone);
    }
}

/**
 * lc_cue_player_get_pipeline:
 *
 * For tests and benchmarks, to find their elements in the sink
 * description by name.
 *
 * Returns: (transfer none) (nullable): the pipeline, if it runs
 */
GstElement *
lc_cue_player_get_pipeline (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), NULL);

  return self->pipeline;
}

/**
 * lc_cue_player_close:
 *
 * Lets the sound output play what it was given, then closes it; waits for
 * that (at most a few seconds). For tests and benchmarks, which need the
 * output finished, e.g. a WAV file complete.
 */
void
lc_cue_player_close (LcCuePlayer *self)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  if (self->pipeline == NULL)
    return;

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->feed->lock);

      if (!lc_cue_feed_busy_locked (self->feed))
        break;
      g_clear_pointer (&locker, g_mutex_locker_free);
      g_usleep (10000);
    }

  pipeline = g_object_ref (self->pipeline);
  bus = gst_element_get_bus (pipeline);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  gst_app_src_end_of_stream (GST_APP_SRC (self->appsrc));
  message = gst_bus_timed_pop_filtered (bus, 5 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  lc_cue_player_forget_pipeline (self);
}
