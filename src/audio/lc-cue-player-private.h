/* lc-cue-player-private.h: what the cue player and its pipeline share,
 * and what tests and benchmarks see of the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only audio/ and the programs that look into the GStreamer pipeline
 * (tests, benchmarks) include this header; the UI includes
 * lc-cue-player.h, which needs no GStreamer headers.
 */

#pragma once

#include <gst/gst.h>

#include "lc-cue-player.h"
#include "lc-voice.h"

G_BEGIN_DECLS

/* A new cue interrupts the one playing unless that one matters more. */
enum {
  PRIORITY_COUNT,
  PRIORITY_HALFWAY,
  PRIORITY_ANNOUNCEMENT,
};

typedef struct
{
  GBytes *bytes;
  const gint16 *samples;
  gsize position;
  gsize end;                    /* the length, or where a fade-out ends */
  gsize fade_from;              /* G_MAXSIZE unless fading out */
  int priority;
} Sound;

/* What the streaming thread reads: owned by the pipeline's callbacks and by
 * the player, each with a reference. */
typedef struct
{
  GMutex lock;
  Sound speech;
  Sound outgoing;               /* the speech it replaced, fading out */
  Sound tone;
  GstClockTime next_pts;
  gboolean flowing;
  gboolean automatic_sink;
  gboolean fake_sink;           /* autoaudiosink found no real output */
} Feed;

struct _LcCuePlayer
{
  GObject parent_instance;

  char *sink_description;
  LcVoice *voice;
  GBytes *tick;
  char *language;
  GPtrArray *voice_folders;

  gboolean voice_enabled;
  gboolean count_repetitions;
  gboolean countdown_ticks;
  gboolean muted;
  double volume;

  char *audio_problem;
  char *speech_problem;
  char *sink_warning;
  gint64 failed_at;

  GstElement *pipeline;
  GstElement *appsrc;
  GstElement *volume_element;
  Feed *feed;
  guint bus_watch;
  gboolean paused;
  guint idle_source;
  guint idle_ticks;

  LcSession *session;
  GCancellable *cancellable;
  guint64 speech_serial;
  guint rendering;              /* voice jobs asked for and not done */
};

/* For tests and benchmarks */
GstElement *lc_cue_player_get_pipeline (LcCuePlayer *self);

/* The feed, shared with the streaming thread */
void     lc_cue_sound_clear             (Sound        *sound);
void     lc_cue_sound_set               (Sound        *sound,
                                         GBytes       *bytes,
                                         int           priority);
gboolean lc_cue_sound_active            (const Sound  *sound);
void     lc_cue_sound_fade_out          (Sound        *sound);
gboolean lc_cue_feed_busy_locked        (Feed         *feed);
void     lc_cue_feed_push_locked        (Feed         *feed,
                                         GstElement   *appsrc);

/* The pipeline */
void     lc_cue_player_set_state_func   (GstElement   *element,
                                         gpointer      user_data);
void     lc_cue_player_forget_pipeline  (LcCuePlayer  *self);
void     lc_cue_player_close_pipeline   (LcCuePlayer  *self,
                                         gboolean      drain);
gboolean lc_cue_player_ensure_pipeline  (LcCuePlayer  *self);
void     lc_cue_player_speech_failed    (LcCuePlayer  *self,
                                         const GError *error);
void     lc_cue_player_notify_problem   (LcCuePlayer  *self,
                                         char        **slot,
                                         const char   *problem);

G_END_DECLS
