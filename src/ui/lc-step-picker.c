/* lc-step-picker.c: "Add a Built-in Step", for the routine editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step of the built-in routines once (by title), with its picture,
 * its timing and the routine it is from; a search narrows the list by
 * title or subtitle. Choosing one closes the dialog and emits
 * LcStepPicker::step-chosen.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-illustration.h"
#include "lc-step-picker.h"
#include "lc-widgets.h"

struct _LcStepPicker
{
  AdwDialog       parent_instance;

  GListModel     *routines;
  GPtrArray      *steps;        /* of LcStep, by row index */

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (LcStepPicker, lc_step_picker, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_ROUTINES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  STEP_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  LcStepPicker *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  g_autofree char *subtitle = g_utf8_casefold (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), -1);

  return *needle == '\0' || strstr (title, needle) != NULL || strstr (subtitle, needle) != NULL;
}

static GtkWidget *
create_row (LcRoutine *routine,
            LcStep    *step)
{
  g_autofree char *timing = lc_step_describe_timing (step);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture;

  /* Translators: a built-in step's timing and the routine it is from */
  subtitle = g_strdup_printf (_("%s · from “%s”"), timing, lc_routine_get_name (routine));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lc_step_get_title (step));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Decoration: the row's title names the step */
  picture = lc_illustration_new (lc_step_get_illustration (step), NULL, 64, 48);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));

  return row;
}

static void
fill (LcStepPicker *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (self->routines); i++)
    {
      g_autoptr(LcRoutine) routine = g_list_model_get_item (self->routines, i);

      if (lc_routine_get_origin (routine) != LC_ROUTINE_ORIGIN_BUILTIN)
        continue;

      for (guint j = 0; j < lc_routine_get_n_steps (routine); j++)
        {
          LcStep *step = lc_routine_get_step (routine, j);

          if (!g_hash_table_add (seen, (gpointer) lc_step_get_title (step)))
            continue;

          g_ptr_array_add (self->steps, g_object_ref (step));
          gtk_list_box_append (self->list, create_row (routine, step));
        }
    }
}

static void
search_changed_cb (LcStepPicker *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

static void
row_activated_cb (LcStepPicker  *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(LcStep) step = NULL;

  g_return_if_fail (index >= 0 && (guint) index < self->steps->len);

  /* Closed first, so that the focus the chooser gives is not taken back
   * by the dialog's closing. */
  step = g_object_ref (g_ptr_array_index (self->steps, index));
  g_object_ref (self);
  adw_dialog_close (ADW_DIALOG (self));
  g_signal_emit (self, signals [STEP_CHOSEN], 0, step);
  g_object_unref (self);
}

static void
lc_step_picker_constructed (GObject *object)
{
  LcStepPicker *self = LC_STEP_PICKER (object);

  G_OBJECT_CLASS (lc_step_picker_parent_class)->constructed (object);

  if (self->routines != NULL)
    fill (self);
}

static void
lc_step_picker_dispose (GObject *object)
{
  LcStepPicker *self = LC_STEP_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_STEP_PICKER);
  g_clear_object (&self->routines);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_step_picker_parent_class)->dispose (object);
}

static void
lc_step_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcStepPicker *self = LC_STEP_PICKER (object);

  switch (prop_id)
    {
    case PROP_ROUTINES:
      g_value_set_object (value, self->routines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_step_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LcStepPicker *self = LC_STEP_PICKER (object);

  switch (prop_id)
    {
    case PROP_ROUTINES:
      self->routines = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_step_picker_class_init (LcStepPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_step_picker_constructed;
  object_class->dispose = lc_step_picker_dispose;
  object_class->get_property = lc_step_picker_get_property;
  object_class->set_property = lc_step_picker_set_property;

  /**
   * LcStepPicker:routines:
   *
   * The routines (#LcRoutine) whose built-in steps are offered.
   */
  properties [PROP_ROUTINES] =
    g_param_spec_object ("routines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcStepPicker::step-chosen:
   * @step: the built-in step chosen
   *
   * A step was chosen; the dialog is closing.
   */
  signals [STEP_CHOSEN] =
    g_signal_new ("step-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_STEP);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-step-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LcStepPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcStepPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
lc_step_picker_init (LcStepPicker *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  lc_search_capture_keys (self->search_entry, GTK_WIDGET (self), self->list);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
}

/**
 * lc_step_picker_new:
 * @routines: (element-type LcRoutine): the routines; only the built-in
 *   ones' steps are offered
 *
 * Returns: (transfer floating): the dialog, to present
 */
LcStepPicker *
lc_step_picker_new (GListModel *routines)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (routines), NULL);

  return g_object_new (LC_TYPE_STEP_PICKER,
                       "routines", routines,
                       NULL);
}
