/* lc-test-keys.h: a key pressed where the keyboard focus is, delivered to
 * the event controllers as GTK does (capture from the window down, the
 * focus widget, bubble up), for ui tests that can't send real key events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

static inline gboolean
lc_test_trigger_matches (GtkShortcutTrigger *trigger,
                         guint               keyval,
                         GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return lc_test_trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval,
                                    modifiers) ||
           lc_test_trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval,
                                    modifiers);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static inline gboolean
lc_test_deliver_key (GtkWidget           *widget,
                     guint                keyval,
                     GdkModifierType      modifiers,
                     GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          gboolean handled = FALSE;

          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
          if (handled)
            return TRUE;
        }
      else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        {
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (lc_test_trigger_matches (trigger, keyval, modifiers) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

/* Press and release @keyval, with @modifiers held, where the keyboard
 * focus is. */
static inline gboolean
lc_test_press_key_with (GtkWindow       *window,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *target = gtk_root_get_focus (GTK_ROOT (window));
  gboolean handled = FALSE;

  if (target == NULL)
    target = GTK_WIDGET (window);
  for (GtkWidget *w = target; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);

  for (guint i = chain->len; i-- > 0 && !handled;)
    handled = lc_test_deliver_key (chain->pdata[i], keyval, modifiers, GTK_PHASE_CAPTURE);
  if (!handled)
    handled = lc_test_deliver_key (target, keyval, modifiers, GTK_PHASE_TARGET);
  for (guint i = 0; i < chain->len && !handled; i++)
    handled = lc_test_deliver_key (chain->pdata[i], keyval, modifiers, GTK_PHASE_BUBBLE);

  g_main_context_iteration (NULL, FALSE);
  return handled;
}

/* Press and release @keyval where the keyboard focus is. */
static inline gboolean
lc_test_press_key (GtkWindow *window,
                   guint      keyval)
{
  return lc_test_press_key_with (window, keyval, 0);
}
