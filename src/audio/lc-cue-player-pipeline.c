/* lc-cue-player-pipeline.c: the cue player's sound: the feed the streaming
 * thread mixes, and the GStreamer pipeline it goes through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See LcCuePlayer (lc-cue-player.c) for the design.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "lc-cue-player.h"
#include "lc-cue-player-private.h"
#include "lc-error.h"
#include "lc-tone.h"

/* How soon a cue is heard: the source's latency, then the sound server's
 * buffer. Chosen by tests/bench (bench-cues --server under with-pulse.sh,
 * two minutes of cues with three busy loops on two cores): with 10 ms
 * chunks and latency, a 25 ms buffer and 5 ms periods the first sound is
 * at the server 35-42 ms after the request and no cue had a gap; a 20 ms
 * buffer left gaps in 2 of 29 cues; the earlier 20 ms chunks, 40 ms
 * latency and 100 ms buffer took 111-122 ms. */
#define CHUNK_SAMPLES (LC_AUDIO_RATE / 100)     /* 10 ms */
#define FADE_SAMPLES (LC_AUDIO_RATE / 100)      /* 10 ms */
#define SOURCE_LATENCY (10 * GST_MSECOND)
#define SINK_BUFFER_US 25000
#define SINK_PERIOD_US 5000
#define RETRY_US (3 * G_USEC_PER_SEC)
#define IDLE_CLOSE_SECONDS 3

/* --- the feed, shared with the streaming thread ------------------------------ */

void
lc_cue_sound_clear (Sound *sound)
{
  g_clear_pointer (&sound->bytes, g_bytes_unref);
  sound->samples = NULL;
  sound->position = sound->end = 0;
  sound->fade_from = G_MAXSIZE;
}

void
lc_cue_sound_set (Sound  *sound,
                  GBytes *bytes,
                  int     priority)
{
  gsize size;

  lc_cue_sound_clear (sound);
  sound->bytes = g_bytes_ref (bytes);
  sound->samples = g_bytes_get_data (bytes, &size);
  sound->end = size / sizeof (gint16);
  sound->priority = priority;
}

gboolean
lc_cue_sound_active (const Sound *sound)
{
  return sound->bytes != NULL && sound->position < sound->end;
}

void
lc_cue_sound_fade_out (Sound *sound)
{
  if (!lc_cue_sound_active (sound) || sound->fade_from != G_MAXSIZE)
    return;

  sound->fade_from = sound->position;
  sound->end = MIN (sound->end, sound->position + FADE_SAMPLES);
}

static void
sound_mix (Sound  *sound,
           gint32 *mix,
           gsize   n)
{
  for (gsize i = 0; i < n && lc_cue_sound_active (sound); i++, sound->position++)
    {
      gint32 sample = sound->samples[sound->position];

      if (sound->fade_from != G_MAXSIZE)
        sample = (gint32) ((gint64) sample * (gint64) (sound->end - sound->position)
                           / (gint64) (sound->end - sound->fade_from));
      mix[i] += sample;
    }

  if (!lc_cue_sound_active (sound))
    lc_cue_sound_clear (sound);
}

static Feed *
feed_new (void)
{
  Feed *feed = g_atomic_rc_box_new0 (Feed);

  g_mutex_init (&feed->lock);
  feed->speech.fade_from = feed->outgoing.fade_from = feed->tone.fade_from = G_MAXSIZE;
  return feed;
}

static void
feed_clear (Feed *feed)
{
  lc_cue_sound_clear (&feed->speech);
  lc_cue_sound_clear (&feed->outgoing);
  lc_cue_sound_clear (&feed->tone);
  g_mutex_clear (&feed->lock);
}

static Feed *
feed_ref (Feed *feed)
{
  return g_atomic_rc_box_acquire (feed);
}

static void
feed_unref (gpointer feed)
{
  g_atomic_rc_box_release_full (feed, (GDestroyNotify) feed_clear);
}

gboolean
lc_cue_feed_busy_locked (Feed *feed)
{
  return feed->flowing || lc_cue_sound_active (&feed->speech) || lc_cue_sound_active (&feed->outgoing) || lc_cue_sound_active (&feed->tone);
}

/* Pushes the next chunk of what is playing, if anything is and the clock
 * runs. After a silence the chunk is stamped with the pipeline's running
 * time, so it plays one pipeline latency from now. */
void
lc_cue_feed_push_locked (Feed       *feed,
                         GstElement *appsrc)
{
  g_autofree gint32 *mix = NULL;
  GstBuffer *buffer;
  GstMapInfo map;
  gsize n = 0;

  n = MAX (n, lc_cue_sound_active (&feed->speech) ? feed->speech.end - feed->speech.position : 0);
  n = MAX (n, lc_cue_sound_active (&feed->outgoing) ? feed->outgoing.end - feed->outgoing.position : 0);
  n = MAX (n, lc_cue_sound_active (&feed->tone) ? feed->tone.end - feed->tone.position : 0);
  n = MIN (n, CHUNK_SAMPLES);

  if (n == 0)
    {
      feed->flowing = FALSE;
      return;
    }

  if (!feed->flowing)
    {
      GstClockTime now = gst_element_get_current_running_time (appsrc);

      if (!GST_CLOCK_TIME_IS_VALID (now))
        return;                 /* not playing yet: pushed when it is */
      feed->next_pts = GST_CLOCK_TIME_IS_VALID (feed->next_pts) ? MAX (feed->next_pts, now) : now;
    }

  mix = g_new0 (gint32, n);
  sound_mix (&feed->outgoing, mix, n);
  sound_mix (&feed->speech, mix, n);
  sound_mix (&feed->tone, mix, n);

  buffer = gst_buffer_new_allocate (NULL, n * sizeof (gint16), NULL);
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  for (gsize i = 0; i < n; i++)
    ((gint16 *) map.data)[i] = (gint16) CLAMP (mix[i], G_MININT16, G_MAXINT16);
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = feed->next_pts;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n, GST_SECOND, LC_AUDIO_RATE);
  feed->next_pts += GST_BUFFER_DURATION (buffer);
  feed->flowing = TRUE;

  gst_app_src_push_buffer (GST_APP_SRC (appsrc), buffer);
}

static void
need_data_cb (GstAppSrc *appsrc,
              guint      length,
              gpointer   user_data)
{
  Feed *feed = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&feed->lock);

  lc_cue_feed_push_locked (feed, GST_ELEMENT (appsrc));
}

/* Set on every element that joins the pipeline, also inside autoaudiosink:
 * the sound server then shows Leg Care by name and icon, and treats the
 * voice as speech for the user ("a11y", like a screen reader) rather than
 * as an event sound, which desktops often mute. */
static void
deep_element_added_cb (GstBin     *bin,
                       GstBin     *sub_bin,
                       GstElement *element,
                       gpointer    user_data)
{
  Feed *feed = user_data;
  GObjectClass *klass = G_OBJECT_GET_CLASS (element);
  GstElementFactory *factory = gst_element_get_factory (element);
  const char *name = factory != NULL ? gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)) : "";

  if (feed->automatic_sink && g_str_has_prefix (name, "fake"))
    g_atomic_int_set (&feed->fake_sink, TRUE);

  if (g_object_class_find_property (klass, "stream-properties") != NULL)
    {
      g_autoptr(GstStructure) props = NULL;

      props = gst_structure_new ("props",
                                 "media.role", G_TYPE_STRING, "a11y",
                                 "application.name", G_TYPE_STRING, PACKAGE_NAME,
                                 "application.id", G_TYPE_STRING, APP_ID,
                                 "application.icon_name", G_TYPE_STRING, APP_ID,
                                 NULL);
      g_object_set (element, "stream-properties", props, NULL);
    }
  if (g_object_class_find_property (klass, "client-name") != NULL)
    g_object_set (element, "client-name", PACKAGE_NAME, NULL);

  /* A short device buffer, so that a cue is heard soon and an interrupted
   * cue stops soon. */
  if (g_object_class_find_property (klass, "buffer-time") != NULL &&
      g_object_class_find_property (klass, "latency-time") != NULL &&
      g_object_class_find_property (klass, "drift-tolerance") != NULL)
    g_object_set (element, "buffer-time", (gint64) SINK_BUFFER_US, "latency-time", (gint64) SINK_PERIOD_US, NULL);
}

/* --- the pipeline --------------------------------------------------------------- */

void
lc_cue_player_set_state_func (GstElement *element,
                              gpointer    user_data)
{
  gst_element_set_state (element, GPOINTER_TO_INT (user_data));
}

/* Drops the player's references; a closing pipeline holds its own. */
void
lc_cue_player_forget_pipeline (LcCuePlayer *self)
{
  self->appsrc = NULL;
  self->volume_element = NULL;
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->feed, feed_unref);
}

/* Waits, on a GStreamer thread, for the end of what the sink was given. */
static void
drain_func (GstElement *element,
            gpointer    user_data)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (element);
  g_autoptr(GstMessage) message = NULL;

  message = gst_bus_timed_pop_filtered (bus, 5 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (element, GST_STATE_NULL);
}

void
lc_cue_player_close_pipeline (LcCuePlayer *self,
                              gboolean     drain)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->pipeline == NULL)
    return;

  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->pipeline, deep_element_added_cb, self->feed);
  bus = gst_element_get_bus (self->pipeline);

  if (drain)
    {
      gst_app_src_end_of_stream (GST_APP_SRC (self->appsrc));
      gst_element_call_async (self->pipeline, drain_func, NULL, NULL);
    }
  else
    {
      GstAppSrcCallbacks none = { NULL };

      gst_bus_set_flushing (bus, TRUE);
      gst_app_src_set_callbacks (GST_APP_SRC (self->appsrc), &none, NULL, NULL);
      gst_element_call_async (self->pipeline, lc_cue_player_set_state_func,
                              GINT_TO_POINTER (GST_STATE_NULL), NULL);
    }

  lc_cue_player_forget_pipeline (self);
}

static void
audio_failed (LcCuePlayer *self,
              const char  *problem,
              const char  *details)
{
  if (details != NULL && g_strcmp0 (problem, self->audio_problem) != 0)
    g_message ("Voice cues: %s (%s)", problem, details);
  self->failed_at = g_get_monotonic_time ();
  lc_cue_player_close_pipeline (self, FALSE);
  lc_cue_player_notify_problem (self, &self->audio_problem, problem);
}

void
lc_cue_player_speech_failed (LcCuePlayer  *self,
                             const GError *error)
{
  if (self->speech_problem == NULL)
    g_message ("Voice cues: %s", error->message);
  lc_cue_player_notify_problem (self, &self->speech_problem, _("Speech synthesis is not available"));
}

static void
kick (LcCuePlayer *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  if (self->feed == NULL)
    return;

  locker = g_mutex_locker_new (&self->feed->lock);
  if (!self->feed->flowing)
    lc_cue_feed_push_locked (self->feed, self->appsrc);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  LcCuePlayer *self = user_data;
  GstMessageType type = GST_MESSAGE_TYPE (message);

  /* GstMessageType is a set of flags, hence no switch. */
  if (type == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *debug = NULL;

      gst_message_parse_error (message, &error, &debug);
      g_debug ("Voice cues: %s (%s)", error->message, debug);
      audio_failed (self, _("The sound output could not be used"), error->message);
      return G_SOURCE_REMOVE;
    }
  else if (type == GST_MESSAGE_WARNING)
    {
      g_autoptr(GError) error = NULL;

      gst_message_parse_warning (message, &error, NULL);
      g_free (self->sink_warning);
      self->sink_warning = g_strdup (error->message);
    }
  else if (type == GST_MESSAGE_STATE_CHANGED && GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline))
    {
      GstState state;

      gst_message_parse_state_changed (message, NULL, &state, NULL);
      if (state != GST_STATE_PLAYING)
        return G_SOURCE_CONTINUE;

      if (g_atomic_int_get (&self->feed->fake_sink))
        {
          audio_failed (self, _("No sound output was found"), self->sink_warning);
          return G_SOURCE_REMOVE;
        }

      lc_cue_player_notify_problem (self, &self->audio_problem, NULL);
      kick (self);
    }
  else if (type == GST_MESSAGE_LATENCY)
    gst_bin_recalculate_latency (GST_BIN (self->pipeline));

  return G_SOURCE_CONTINUE;
}

static gboolean
idle_cb (gpointer user_data)
{
  LcCuePlayer *self = user_data;

  if (self->session != NULL || lc_cue_player_get_busy (self))
    {
      self->idle_ticks = 0;
      return G_SOURCE_CONTINUE;
    }

  if (++self->idle_ticks < IDLE_CLOSE_SECONDS)
    return G_SOURCE_CONTINUE;

  self->idle_source = 0;
  lc_cue_player_close_pipeline (self, TRUE);
  return G_SOURCE_REMOVE;
}

static GstElement *
make (const char  *factory,
      GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    lc_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 /* Translators: %s is the name of a GStreamer element */
                 _("The GStreamer element “%s” is not installed"), factory);
  return element;
}

static gboolean
build_pipeline (LcCuePlayer  *self,
                GError      **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("legcare-cues");
  g_autoptr(GstCaps) caps = gst_caps_from_string (LC_AUDIO_CAPS);
  g_autoptr(GstBus) bus = NULL;
  GstElement *elements[6] = { NULL };
  g_autofree char *tags = NULL;
  GstAppSrcCallbacks callbacks = { .need_data = need_data_cb };
  const char *names[] = { "appsrc", "audioconvert", "audioresample", "volume", "taginject" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      elements[i] = make (names[i], error);
      if (elements[i] == NULL)
        goto failed;
    }
  if (self->sink_description != NULL)
    elements[5] = gst_parse_bin_from_description (self->sink_description, TRUE, error);
  else
    elements[5] = make ("autoaudiosink", error);
  if (elements[5] == NULL)
    goto failed;

  g_object_set (elements[0],
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "is-live", TRUE,
                "min-latency", (gint64) SOURCE_LATENCY,
                "max-bytes", (guint64) 4 * CHUNK_SAMPLES * sizeof (gint16),
                NULL);
  g_object_set (elements[3], "volume", self->volume, "mute", self->muted, NULL);
  /* The stream's name in the sound settings: pulsesink takes it from the
   * title tag, not from media.name. */
  tags = g_strdup_printf ("title=\"%s\"", _("Voice cues"));
  g_object_set (elements[4], "tags", tags, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    gst_bin_add (GST_BIN (pipeline), g_steal_pointer (&elements[i]));

  self->feed = feed_new ();
  self->feed->next_pts = GST_CLOCK_TIME_NONE;
  self->feed->automatic_sink = self->sink_description == NULL;
  g_signal_connect_data (pipeline, "deep-element-added", G_CALLBACK (deep_element_added_cb),
                         feed_ref (self->feed), (GClosureNotify) feed_unref, 0);

  {
    g_autoptr(GList) children = g_list_reverse (g_list_copy (GST_BIN_CHILDREN (pipeline)));

    for (GList *l = children; l != NULL && l->next != NULL; l = l->next)
      if (!gst_element_link (l->data, l->next->data))
        {
          lc_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The sound pipeline could not be linked"));
          g_clear_pointer (&self->feed, feed_unref);
          return FALSE;
        }
    self->appsrc = children->data;
    self->volume_element = g_list_nth_data (children, 3);
  }

  gst_app_src_set_callbacks (GST_APP_SRC (self->appsrc), &callbacks, feed_ref (self->feed), feed_unref);

  bus = gst_element_get_bus (pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  self->pipeline = g_steal_pointer (&pipeline);
  g_clear_pointer (&self->sink_warning, g_free);
  return TRUE;

failed:
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (elements[i] != NULL)
      gst_object_unref (elements[i]);
  return FALSE;
}

/* Starts the pipeline unless it runs, or failed a moment ago. */
gboolean
lc_cue_player_ensure_pipeline (LcCuePlayer *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pipeline != NULL)
    return TRUE;
  if (self->failed_at != 0 && g_get_monotonic_time () - self->failed_at < RETRY_US)
    return FALSE;

  if (!build_pipeline (self, &error))
    {
      audio_failed (self, _("The sound output could not be used"), error->message);
      return FALSE;
    }

  self->idle_ticks = 0;
  self->idle_source = g_timeout_add_seconds (1, idle_cb, self);
  gst_element_call_async (self->pipeline, lc_cue_player_set_state_func,
                          GINT_TO_POINTER (self->paused ? GST_STATE_PAUSED : GST_STATE_PLAYING), NULL);
  return TRUE;
}
