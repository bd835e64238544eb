/* test-audio-module.c: the sound module, loaded when first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked as the app is (lc-cue-player-loader.c, no GStreamer). Run twice by
 * meson: with the build's module, and with --missing, where
 * $LEGCARE_AUDIO_MODULE names a file that is not there, as in a broken
 * installation.
 */

#include "config.h"

#include <string.h>

#include "lc-cue-player.h"

static gboolean missing;

/* Whether a library whose file name starts with @name is mapped into this
 * process */
static gboolean
library_loaded (const char *name)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strconcat ("/", name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  g_assert_no_error (error);
  return strstr (maps, needle) != NULL;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_lazy (void)
{
  g_autoptr(LcCuePlayer) player = NULL;
  g_autofree char *language = NULL;
  guint muted_notifications = 0;
  int rate = 0;

  /* Nothing of the sound stack until a player is asked for */
  g_assert_false (library_loaded ("libgstreamer-1.0.so"));
  g_assert_false (library_loaded ("libespeak-ng.so"));
  g_assert_false (library_loaded ("liblegcare-audio.so"));

  if (missing)
    g_test_expect_message ("legcare-audio", G_LOG_LEVEL_WARNING, "No sound: */nonexistent/liblegcare-audio.so*");
  player = lc_cue_player_new ("fakesink");
  g_test_assert_expected_messages ();
  g_assert_true (LC_IS_CUE_PLAYER (player));

  language = lc_cue_player_default_language ();
  g_assert_nonnull (language);
  g_assert_cmpstr (language, !=, "");

  /* The properties the app binds to its settings */
  g_object_set (player, "rate", 200, "volume", 0.5, "voice-enabled", FALSE,
                "count-repetitions", TRUE, "countdown-ticks", FALSE, NULL);
  g_object_get (player, "rate", &rate, NULL);
  g_assert_cmpint (rate, ==, 200);

  lc_cue_player_set_language (player, "it");
  g_assert_cmpstr (lc_cue_player_get_language (player), ==, "it");

  g_signal_connect (player, "notify::muted", G_CALLBACK (count_notify_cb), &muted_notifications);
  lc_cue_player_set_muted (player, TRUE);
  lc_cue_player_set_muted (player, TRUE);
  g_assert_true (lc_cue_player_get_muted (player));
  g_assert_cmpuint (muted_notifications, ==, 1);
  lc_cue_player_set_muted (player, FALSE);
  g_assert_false (lc_cue_player_get_muted (player));
  g_assert_cmpuint (muted_notifications, ==, 2);

  lc_cue_player_attach (player, NULL);
  lc_cue_player_silence (player);
  lc_cue_player_close (player);

  if (missing)
    {
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (player), ==, "LcSilentCuePlayer");
      /* The reason, for the player's banner and the preferences */
      g_assert_nonnull (lc_cue_player_get_problem (player));
      g_assert_nonnull (strstr (lc_cue_player_get_problem (player), "Reinstall"));
      g_assert_false (lc_cue_player_preview (player, "routine", "step", "instruction", "Words"));
      lc_cue_player_say (player, "Words");
      lc_cue_player_tick (player);
      g_assert_false (lc_cue_player_get_busy (player));
      g_assert_false (library_loaded ("libgstreamer-1.0.so"));
    }
  else
    {
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (player), ==, "LcCuePlayer");
      g_assert_null (lc_cue_player_get_problem (player));
      g_assert_true (library_loaded ("liblegcare-audio.so"));
      g_assert_true (library_loaded ("libgstreamer-1.0.so"));
      g_assert_true (library_loaded ("libespeak-ng.so"));
    }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--missing"))
      missing = TRUE;
  if (missing)
    g_setenv ("LEGCARE_AUDIO_MODULE", "/nonexistent/liblegcare-audio.so", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lc/audio-module/lazy", test_lazy);

  return g_test_run ();
}
