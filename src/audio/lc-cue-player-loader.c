/* lc-cue-player-loader.c: the app's side of the sound module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "lc-audio-module.h"
#include "lc-cue-player-properties.h"

/*
 * The functions of lc-cue-player.h as the app links them: each loads the
 * sound module (lc-audio-module.h) on first use and calls its function.
 * Until then none of GStreamer's or espeak-ng's libraries is in the
 * process, so starting the app does not load, relocate and search them.
 *
 * The module is the file named by $LEGCARE_AUDIO_MODULE (the build folder's,
 * for tests) or the installed one. If it can't be loaded — a broken
 * installation — the app goes on without sound: the players it gets are
 * LcSilentCuePlayer, which has the same properties, says nothing and
 * has a problem that the player shows like any other sound problem (the
 * system's reason is logged).
 */

#define AUDIO_MODULE_NAME "liblegcare-audio.so"

/* --- the stand-in without sound ------------------------------------------ */

#define LC_TYPE_SILENT_CUE_PLAYER (lc_silent_cue_player_get_type ())
G_DECLARE_FINAL_TYPE (LcSilentCuePlayer, lc_silent_cue_player, LC, SILENT_CUE_PLAYER, GObject)

static GParamSpec *properties [LC_CUE_PLAYER_N_PROPS];

struct _LcSilentCuePlayer
{
  GObject parent_instance;

  GValue values [LC_CUE_PLAYER_N_PROPS];      /* the settable properties, kept as set */
};

G_DEFINE_FINAL_TYPE (LcSilentCuePlayer, lc_silent_cue_player, G_TYPE_OBJECT)

/* Why there is no sound: set once, before the first stand-in is made */
static char *silent_problem;

static void
lc_silent_cue_player_finalize (GObject *object)
{
  LcSilentCuePlayer *self = (LcSilentCuePlayer *) object;

  for (guint i = 1; i < LC_CUE_PLAYER_N_PROPS; i++)
    if (G_IS_VALUE (&self->values [i]))
      g_value_unset (&self->values [i]);

  G_OBJECT_CLASS (lc_silent_cue_player_parent_class)->finalize (object);
}

static void
lc_silent_cue_player_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LcSilentCuePlayer *self = LC_SILENT_CUE_PLAYER (object);

  if (prop_id == LC_CUE_PLAYER_PROP_PROBLEM)
    g_value_set_string (value, silent_problem);
  else if (prop_id > 0 && prop_id < LC_CUE_PLAYER_N_PROPS)
    g_value_copy (&self->values [prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lc_silent_cue_player_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LcSilentCuePlayer *self = LC_SILENT_CUE_PLAYER (object);

  if (prop_id > 0 && prop_id < LC_CUE_PLAYER_PROP_PROBLEM)
    {
      if (g_param_values_cmp (pspec, &self->values [prop_id], value) == 0)
        return;
      g_value_copy (value, &self->values [prop_id]);
      g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lc_silent_cue_player_class_init (LcSilentCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_silent_cue_player_finalize;
  object_class->get_property = lc_silent_cue_player_get_property;
  object_class->set_property = lc_silent_cue_player_set_property;

  /* The real player's (lc-cue-player.c), which the app binds to its settings */
  lc_cue_player_properties_init (properties);
  g_object_class_install_properties (object_class, LC_CUE_PLAYER_N_PROPS, properties);
}

static void
lc_silent_cue_player_init (LcSilentCuePlayer *self)
{
  for (guint i = 1; i < LC_CUE_PLAYER_PROP_PROBLEM; i++)
    {
      g_value_init (&self->values [i], G_PARAM_SPEC_VALUE_TYPE (properties [i]));
      g_param_value_set_default (properties [i], &self->values [i]);
    }
}

static LcCuePlayer *
silent_new (const char *sink_description)
{
  return (LcCuePlayer *) g_object_new (LC_TYPE_SILENT_CUE_PLAYER, NULL);
}

static char *
silent_default_language (void)
{
  return g_strdup ("en");
}

static void
silent_set_language (LcCuePlayer *self,
                     const char  *language)
{
  g_object_set (self, "language", language, NULL);
}

static const char *
silent_get_language (LcCuePlayer *self)
{
  return g_value_get_string (&LC_SILENT_CUE_PLAYER (self)->values [LC_CUE_PLAYER_PROP_LANGUAGE]);
}

static void
silent_set_voice_folders (LcCuePlayer  *self,
                          GFile       **folders,
                          guint         n_folders)
{
}

static void
silent_set_muted (LcCuePlayer *self,
                  gboolean     muted)
{
  g_object_set (self, "muted", !!muted, NULL);
}

static gboolean
silent_get_muted (LcCuePlayer *self)
{
  return g_value_get_boolean (&LC_SILENT_CUE_PLAYER (self)->values [LC_CUE_PLAYER_PROP_MUTED]);
}

static const char *
silent_get_problem (LcCuePlayer *self)
{
  return silent_problem;
}

static gboolean
silent_get_busy (LcCuePlayer *self)
{
  return FALSE;
}

static void
silent_attach (LcCuePlayer *self,
               LcSession   *session)
{
}

static void
silent_say (LcCuePlayer *self,
            const char  *text)
{
}

static gboolean
silent_preview (LcCuePlayer *self,
                const char  *routine_id,
                const char  *step_id,
                const char  *which,
                const char  *text)
{
  return FALSE;
}

static void
silent_nothing (LcCuePlayer *self)
{
}

static const LcAudioModule silent_module = {
  .abi = LC_AUDIO_MODULE_ABI,
  .size = sizeof (LcAudioModule),
  .get_type = lc_silent_cue_player_get_type,
  .new = silent_new,
  .default_language = silent_default_language,
  .set_language = silent_set_language,
  .get_language = silent_get_language,
  .set_voice_folders = silent_set_voice_folders,
  .set_muted = silent_set_muted,
  .get_muted = silent_get_muted,
  .get_problem = silent_get_problem,
  .get_busy = silent_get_busy,
  .attach = silent_attach,
  .say = silent_say,
  .preview = silent_preview,
  .tick = silent_nothing,
  .silence = silent_nothing,
  .close = silent_nothing,
};

/* --- loading ------------------------------------------------------------- */

static const LcAudioModule *
load_module (GError **error)
{
  const char *path = g_getenv ("LEGCARE_AUDIO_MODULE");
  g_autofree char *installed = NULL;
  GModule *module;
  LcAudioModuleGetFunc get = NULL;
  const LcAudioModule *table;

  if (path == NULL || *path == '\0')
    path = installed = g_build_filename (LC_AUDIO_MODULE_DIR, AUDIO_MODULE_NAME, NULL);

  /* Every symbol bound now: a missing one fails here, not in a session */
  module = g_module_open_full (path, G_MODULE_BIND_LOCAL, error);
  if (module == NULL)
    return NULL;

  if (!g_module_symbol (module, LC_AUDIO_MODULE_SYMBOL, (gpointer *) &get) || get == NULL)
    {
      g_set_error (error, G_MODULE_ERROR, G_MODULE_ERROR_FAILED, "%s: %s", path, g_module_error ());
      g_module_close (module);
      return NULL;
    }

  table = get ();
  if (table == NULL || table->abi != LC_AUDIO_MODULE_ABI || table->size != sizeof (LcAudioModule))
    {
      g_set_error (error, G_MODULE_ERROR, G_MODULE_ERROR_FAILED,
                   "%s: built for another version of Leg Care", path);
      g_module_close (module);
      return NULL;
    }

  /* Its types are registered for good: it must never be unloaded. */
  g_module_make_resident (module);
  return table;
}

static const LcAudioModule *
audio_module (void)
{
  static const LcAudioModule *module;

  if (g_once_init_enter_pointer (&module))
    {
      g_autoptr(GError) error = NULL;
      const LcAudioModule *loaded = load_module (&error);

      if (loaded == NULL)
        {
          g_warning ("No sound: %s", error->message);
          /* After "Voice cues are unavailable: ", in the player's banner;
           * the system's reason goes to the log */
          silent_problem = g_strdup (_("Part of Leg Care is missing. Reinstall Leg Care to fix this"));
          loaded = &silent_module;
        }
      g_once_init_leave_pointer (&module, loaded);
    }

  return module;
}

/* --- lc-cue-player.h ----------------------------------------------------- */

GType
lc_cue_player_get_type (void)
{
  return audio_module ()->get_type ();
}

LcCuePlayer *
lc_cue_player_new (const char *sink_description)
{
  return audio_module ()->new (sink_description);
}

char *
lc_cue_player_default_language (void)
{
  return audio_module ()->default_language ();
}

void
lc_cue_player_set_language (LcCuePlayer *self,
                            const char  *language)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->set_language (self, language);
}

const char *
lc_cue_player_get_language (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), NULL);

  return audio_module ()->get_language (self);
}

void
lc_cue_player_set_voice_folders (LcCuePlayer  *self,
                                 GFile       **folders,
                                 guint         n_folders)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->set_voice_folders (self, folders, n_folders);
}

void
lc_cue_player_set_muted (LcCuePlayer *self,
                         gboolean     muted)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->set_muted (self, muted);
}

gboolean
lc_cue_player_get_muted (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  return audio_module ()->get_muted (self);
}

const char *
lc_cue_player_get_problem (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), NULL);

  return audio_module ()->get_problem (self);
}

gboolean
lc_cue_player_get_busy (LcCuePlayer *self)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  return audio_module ()->get_busy (self);
}

void
lc_cue_player_attach (LcCuePlayer *self,
                      LcSession   *session)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->attach (self, session);
}

void
lc_cue_player_say (LcCuePlayer *self,
                   const char  *text)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->say (self, text);
}

gboolean
lc_cue_player_preview (LcCuePlayer *self,
                       const char  *routine_id,
                       const char  *step_id,
                       const char  *which,
                       const char  *text)
{
  g_return_val_if_fail (LC_IS_CUE_PLAYER (self), FALSE);

  return audio_module ()->preview (self, routine_id, step_id, which, text);
}

void
lc_cue_player_tick (LcCuePlayer *self)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->tick (self);
}

void
lc_cue_player_silence (LcCuePlayer *self)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->silence (self);
}

void
lc_cue_player_close (LcCuePlayer *self)
{
  g_return_if_fail (LC_IS_CUE_PLAYER (self));

  audio_module ()->close (self);
}
