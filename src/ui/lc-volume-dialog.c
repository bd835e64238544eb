/* lc-volume-dialog.c: a guided measurement of the legs' volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Circumferences at equal steps up each leg, from the narrowest point above
 * the ankle, typed in one after the other (Enter goes on to the next), and
 * each leg's volume worked out as they come (lc_limb_volume_ml()). The
 * first measurement in the diary sets the distance and the number of
 * points; later ones take the same, so that they compare. What the
 * numbers mean is said with care: a change smaller than the smallest real
 * difference is measurement error, and no difference between legs is a
 * diagnosis (Ancukiewicz et al. 2012, Breast Cancer Res Treat 135:145:
 * the thresholds known are for arms). A picture (LcTapeGuide) shows the
 * heights on a leg and follows the field with the focus.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-limb-volume.h"
#include "lc-tape-guide.h"
#include "lc-volume-dialog.h"
#include "lc-widgets.h"

struct _LcVolumeDialog
{
  AdwDialog          parent_instance;

  LcDiary           *diary;
  LcLimbMeasurement *first;         /* nullable: the diary's first */
  /* Each leg's first and latest earlier volume, or 0 if never measured */
  double             first_ml[LC_N_LEGS];
  double             previous_ml[LC_N_LEGS];
  GPtrArray         *rows[LC_N_LEGS];  /* AdwEntryRow, from the ankle up */

  /* Template widgets */
  AdwBanner          *error_banner;
  GtkWidget          *save_button;
  AdwComboRow        *spacing_row;
  AdwActionRow       *count_row;
  GtkSpinButton      *count_spin;
  AdwComboRow        *position_row;
  AdwPreferencesGroup *left_group;
  AdwPreferencesGroup *right_group;
  AdwActionRow       *left_volume_row;
  AdwActionRow       *right_volume_row;
  AdwActionRow       *difference_row;
  AdwActionRow       *change_row;
  LcTapeGuide        *tape_guide;
};

G_DEFINE_FINAL_TYPE (LcVolumeDialog, lc_volume_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_DIARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static guint
spacing_mm (LcVolumeDialog *self)
{
  return adw_combo_row_get_selected (self->spacing_row) == 1 ? LC_LIMB_SPACING_FINE_MM : LC_LIMB_SPACING_DEFAULT_MM;
}

/* "23.5" or "23,5" (cm, one decimal at most) in mm; FALSE if it is not one */
static gboolean
parse_cm (const char *text,
          guint16    *mm)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  char *dot;
  double cm;

  g_strdelimit (copy, ",", '.');
  dot = strchr (copy, '.');
  if (copy[0] == '\0' || !g_ascii_isdigit (copy[0]) || (dot != NULL && strlen (dot + 1) > 1))
    return FALSE;

  cm = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (cm))
    return FALSE;
  if (cm * 10 < LC_LIMB_MIN_CIRCUMFERENCE_MM - 1e-9 || cm * 10 > LC_LIMB_MAX_CIRCUMFERENCE_MM + 1e-9)
    return FALSE;

  *mm = (guint16) lround (cm * 10);
  return TRUE;
}

typedef enum
{
  LEG_EMPTY,       /* not measured */
  LEG_PARTIAL,     /* some points missing */
  LEG_INVALID,     /* a value that is no circumference */
  LEG_COMPLETE,
} LegState;

/* What the rows of @leg hold, their values into @points */
static LegState
read_leg (LcVolumeDialog *self,
          LcLeg           leg,
          GArray         *points,
          guint          *n_filled)
{
  gboolean invalid = FALSE;

  g_array_set_size (points, 0);
  *n_filled = 0;

  for (guint i = 0; i < self->rows[leg]->len; i++)
    {
      GtkWidget *row = self->rows[leg]->pdata[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      guint16 mm;

      if (text[0] == '\0')
        {
          gtk_widget_remove_css_class (row, "error");
          continue;
        }
      (*n_filled)++;
      if (parse_cm (text, &mm))
        {
          gtk_widget_remove_css_class (row, "error");
          g_array_append_val (points, mm);
        }
      else
        {
          gtk_widget_add_css_class (row, "error");
          invalid = TRUE;
        }
    }

  if (invalid)
    return LEG_INVALID;
  if (*n_filled == 0)
    return LEG_EMPTY;
  if (*n_filled < self->rows[leg]->len)
    return LEG_PARTIAL;
  return LEG_COMPLETE;
}

static char *
format_ml (double ml)
{
  /* Translators: a leg's volume in millilitres */
  return g_strdup_printf (_("%.0f mL"), ml);
}

static void
show_leg (AdwActionRow *row,
          LegState      state,
          guint         n_filled,
          guint         n_points,
          double        ml)
{
  g_autofree char *text = NULL;

  switch (state)
    {
    case LEG_EMPTY:
      text = g_strdup (_("Not measured"));
      break;

    case LEG_PARTIAL:
      /* Translators: how many of a leg's measurements are filled in */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u measurement", "%u of %u measurements", n_points),
                              n_filled, n_points);
      break;

    case LEG_INVALID:
      text = g_strdup_printf (_("A value is not a circumference from %d to %d cm"),
                              LC_LIMB_MIN_CIRCUMFERENCE_MM / 10, LC_LIMB_MAX_CIRCUMFERENCE_MM / 10);
      break;

    case LEG_COMPLETE:
    default:
      text = format_ml (ml);
      break;
    }

  adw_action_row_set_subtitle (row, text);
}

/* Each leg's change against @before (0: not measured then), in words
 * that keep measurement error apart; NULL if no leg compares */
static char *
describe_against (const double   *before,
                  const double   *ml,
                  const gboolean *complete)
{
  GString *text = g_string_new (NULL);

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      double percent = 0;
      const char *side = leg == LC_LEG_LEFT ? _("Left") : _("Right");
      g_autofree char *part = NULL;

      if (!complete[leg] || before[leg] <= 0)
        continue;

      switch (lc_limb_volume_change (before[leg], ml[leg], &percent))
        {
        case LC_LIMB_CHANGE_LARGER:
          /* Translators: a leg ("Left"), then how much larger in %, e.g. "Left: 4.2 % larger" */
          part = g_strdup_printf (_("%s: %.1f %% larger"), side, percent);
          break;

        case LC_LIMB_CHANGE_SMALLER:
          /* Translators: a leg ("Left"), then how much smaller in %, e.g. "Left: 4.2 % smaller" */
          part = g_strdup_printf (_("%s: %.1f %% smaller"), side, -percent);
          break;

        case LC_LIMB_CHANGE_WITHIN_ERROR:
        default:
          {
            g_autofree char *change = lc_format_signed (percent, 1, TRUE);

            /* Translators: a leg ("Left"), then its change in % with its
             * sign, e.g. "Left: +1.2 %, within measurement error" */
            part = g_strdup_printf (_("%s: %s %%, within measurement error"), side, change);
          }
          break;
        }
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }

  if (text->len == 0)
    return g_string_free (text, TRUE), NULL;
  return g_string_free (text, FALSE);
}

/* Against each leg's first measurement and, when there were more, its
 * latest: the change in words; a one-sided growth since the first asks
 * for a review */
static char *
describe_change (LcVolumeDialog *self,
                 const double   *ml,
                 const gboolean *complete,
                 gboolean       *review)
{
  GString *text = g_string_new (NULL);
  const double *before = self->first_ml;
  g_autofree char *since_first = describe_against (self->first_ml, ml, complete);
  g_autofree char *since_last = NULL;

  *review = FALSE;
  /* Only one earlier measurement of a leg: its first is its latest */
  if (self->previous_ml[LC_LEG_LEFT] != self->first_ml[LC_LEG_LEFT] ||
      self->previous_ml[LC_LEG_RIGHT] != self->first_ml[LC_LEG_RIGHT])
    since_last = describe_against (self->previous_ml, ml, complete);

  if (since_first != NULL)
    /* Translators: each leg's change since the first measurement, e.g.
     * "Since your first measurement: Left: 4.2 % larger · Right: +0.5 %, within measurement error" */
    g_string_append_printf (text, _("Since your first measurement: %s"), since_first);
  if (since_last != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the same, since the latest measurement before this one */
      g_string_append_printf (text, _("Since your last one: %s"), since_last);
    }

  if (complete[LC_LEG_LEFT] && complete[LC_LEG_RIGHT] && before[LC_LEG_LEFT] > 0 && before[LC_LEG_RIGHT] > 0 &&
      lc_limb_volume_one_sided_increase (before[LC_LEG_LEFT], before[LC_LEG_RIGHT], ml[LC_LEG_LEFT],
                                         ml[LC_LEG_RIGHT], NULL))
    {
      *review = TRUE;
      g_string_append (text, "\n");
      g_string_append (text, _("One leg has grown by more than measurement error and the other has not: show "
                               "this to your doctor or nurse."));
      g_string_append (text, " ");
      g_string_append (text, _("Stop and get urgent medical advice if you have pain, throbbing or a cramp-like "
                               "ache in one calf or thigh that does not ease with rest, especially with swelling "
                               "or warmth, or if one leg swells, or the skin is warm, red or darker than usual."));
    }

  if (text->len == 0)
    return g_string_free (text, TRUE), NULL;
  return g_string_free (text, FALSE);
}

static void
update (LcVolumeDialog *self)
{
  AdwActionRow *volume_rows[LC_N_LEGS] = { self->left_volume_row, self->right_volume_row };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (guint16));
  double ml[LC_N_LEGS] = { 0, 0 };
  gboolean complete[LC_N_LEGS] = { FALSE, FALSE };
  gboolean can_save = TRUE;
  gboolean any = FALSE;
  gboolean review = FALSE;
  g_autofree char *change = NULL;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      guint n_filled;
      LegState state = read_leg (self, leg, points, &n_filled);

      for (guint i = 0; i < self->rows[leg]->len; i++)
        {
          guint16 mm;

          lc_tape_guide_set_done (self->tape_guide, leg, i,
                                  parse_cm (gtk_editable_get_text (GTK_EDITABLE (self->rows[leg]->pdata[i])), &mm));
        }

      if (state == LEG_COMPLETE)
        {
          complete[leg] = lc_limb_volume_ml ((const guint16 *) points->data, points->len, spacing_mm (self),
                                             &ml[leg], NULL);
          any = any || complete[leg];
        }
      else if (state != LEG_EMPTY)
        can_save = FALSE;
      show_leg (volume_rows[leg], state, n_filled, self->rows[leg]->len, ml[leg]);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->difference_row), complete[LC_LEG_LEFT] && complete[LC_LEG_RIGHT]);
  if (complete[LC_LEG_LEFT] && complete[LC_LEG_RIGHT])
    {
      double difference;
      double percent;
      g_autofree char *text = NULL;

      lc_limb_volume_between_legs (ml[LC_LEG_LEFT], ml[LC_LEG_RIGHT], &difference, &percent);
      if (difference >= 0)
        /* Translators: how much larger the right leg is, in mL and in % of the left (the smaller) */
        text = g_strdup_printf (_("Right %.0f mL larger (%.1f %% of the left)"), difference, percent);
      else
        /* Translators: how much larger the left leg is, in mL and in % of the right (the smaller) */
        text = g_strdup_printf (_("Left %.0f mL larger (%.1f %% of the right)"), -difference, percent);
      adw_action_row_set_subtitle (self->difference_row, text);
    }

  change = self->first != NULL ? describe_change (self, ml, complete, &review) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->change_row), change != NULL);
  if (change != NULL)
    adw_action_row_set_subtitle (self->change_row, change);
  if (review)
    gtk_widget_add_css_class (GTK_WIDGET (self->change_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->change_row), "warning");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "volume.save", can_save && any);
}

/* Enter: the next field, and after the last, Save */
static void
entry_activated_cb (LcVolumeDialog *self,
                    AdwEntryRow    *row)
{
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      guint i;

      if (!g_ptr_array_find (self->rows[leg], row, &i))
        continue;
      if (i + 1 < self->rows[leg]->len)
        gtk_widget_grab_focus (self->rows[leg]->pdata[i + 1]);
      else if (leg + 1 < LC_N_LEGS && self->rows[leg + 1]->len > 0)
        gtk_widget_grab_focus (self->rows[leg + 1]->pdata[0]);
      else if (gtk_widget_is_sensitive (self->save_button))
        gtk_widget_activate_action (GTK_WIDGET (self), "volume.save", NULL);
      return;
    }
}

/* The focus in a field: the picture shows its point */
static void
row_focus_entered_cb (LcVolumeDialog          *self,
                      GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      guint i;

      if (g_ptr_array_find (self->rows[leg], row, &i))
        {
          lc_tape_guide_set_current (self->tape_guide, leg, i);
          return;
        }
    }
}

/* One field per height, from the ankle up */
static void
build_rows (LcVolumeDialog *self)
{
  AdwPreferencesGroup *groups[LC_N_LEGS] = { self->left_group, self->right_group };
  guint n = (guint) gtk_spin_button_get_value_as_int (self->count_spin);
  guint spacing = spacing_mm (self);

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      g_autoptr(GPtrArray) old_text = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->rows[leg]->len; i++)
        {
          g_ptr_array_add (old_text, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[leg]->pdata[i]))));
          adw_preferences_group_remove (groups[leg], self->rows[leg]->pdata[i]);
        }
      g_ptr_array_set_size (self->rows[leg], 0);

      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_entry_row_new ();
          GtkEventController *focus = gtk_event_controller_focus_new ();
          g_autofree char *title = NULL;

          if (i == 0)
            title = g_strdup (_("At the Ankle"));
          else
            /* Translators: the height of a measurement above the first, in cm */
            title = g_strdup_printf (_("%u cm Up"), i * spacing / 10);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          gtk_editable_set_alignment (GTK_EDITABLE (row), 0);
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
          if (i < old_text->len)
            gtk_editable_set_text (GTK_EDITABLE (row), old_text->pdata[i]);
          g_signal_connect_object (row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (focus, "enter", G_CALLBACK (row_focus_entered_cb), self, G_CONNECT_SWAPPED);
          gtk_widget_add_controller (row, focus);
          adw_preferences_group_add (groups[leg], row);
          g_ptr_array_add (self->rows[leg], row);
        }
    }

  lc_tape_guide_set_points (self->tape_guide, n, spacing);
  update (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcVolumeDialog *self = LC_VOLUME_DIALOG (widget);
  g_autoptr(LcLimbMeasurement) measurement = lc_limb_measurement_new (g_get_real_time () / G_USEC_PER_SEC,
                                                                      spacing_mm (self));
  g_autoptr(GError) error = NULL;

  measurement->position = adw_combo_row_get_selected (self->position_row) == 1 ? LC_POSITION_LYING
                                                                                : LC_POSITION_SITTING;
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      guint n_filled;

      if (read_leg (self, leg, measurement->points[leg], &n_filled) != LEG_COMPLETE)
        g_array_set_size (measurement->points[leg], 0);
    }

  if (self->diary == NULL || !lc_diary_add_measurement (self->diary, measurement, &error))
    {
      /* Stays open with what was typed, to try again */
      adw_banner_set_title (self->error_banner, error != NULL ? error->message : _("The diary can’t be opened"));
      adw_banner_set_revealed (self->error_banner, TRUE);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_force_close (ADW_DIALOG (widget));
}

static void
lc_volume_dialog_constructed (GObject *object)
{
  LcVolumeDialog *self = LC_VOLUME_DIALOG (object);
  g_autoptr(GPtrArray) earlier = NULL;

  G_OBJECT_CLASS (lc_volume_dialog_parent_class)->constructed (object);

  if (self->diary != NULL)
    earlier = lc_diary_list_measurements (self->diary, G_MININT64, G_MAXINT64, NULL);

  if (earlier != NULL && earlier->len > 0)
    {
      const LcLimbMeasurement *last = earlier->pdata[earlier->len - 1];

      self->first = lc_limb_measurement_copy (earlier->pdata[0]);
      /* Each leg against its own first and latest volume: a leg left out
       * once is compared with the times it was measured */
      for (guint i = 0; i < earlier->len; i++)
        for (guint leg = 0; leg < LC_N_LEGS; leg++)
          {
            double ml;

            if (!lc_limb_measurement_volume (earlier->pdata[i], leg, &ml))
              continue;
            if (self->first_ml[leg] <= 0)
              self->first_ml[leg] = ml;
            self->previous_ml[leg] = ml;
          }
      /* The same points as the first, so that they compare */
      adw_combo_row_set_selected (self->spacing_row, self->first->spacing_mm == LC_LIMB_SPACING_FINE_MM ? 1 : 0);
      gtk_spin_button_set_value (self->count_spin, MAX (self->first->points[LC_LEG_LEFT]->len,
                                                        self->first->points[LC_LEG_RIGHT]->len));
      gtk_widget_set_sensitive (GTK_WIDGET (self->spacing_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->count_spin), FALSE);
      adw_action_row_set_subtitle (self->count_row, _("As in your first measurement, so that they compare"));
      adw_combo_row_set_selected (self->position_row, last->position == LC_POSITION_LYING ? 1 : 0);
    }

  g_signal_connect_object (self->spacing_row, "notify::selected", G_CALLBACK (build_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->count_spin, "value-changed", G_CALLBACK (build_rows), self, G_CONNECT_SWAPPED);
  build_rows (self);

  adw_dialog_set_focus (ADW_DIALOG (self), self->rows[LC_LEG_LEFT]->pdata[0]);
}

static void
lc_volume_dialog_dispose (GObject *object)
{
  LcVolumeDialog *self = LC_VOLUME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_VOLUME_DIALOG);
  g_clear_object (&self->diary);

  G_OBJECT_CLASS (lc_volume_dialog_parent_class)->dispose (object);
}

static void
lc_volume_dialog_finalize (GObject *object)
{
  LcVolumeDialog *self = LC_VOLUME_DIALOG (object);

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    g_clear_pointer (&self->rows[leg], g_ptr_array_unref);
  g_clear_pointer (&self->first, lc_limb_measurement_free);

  G_OBJECT_CLASS (lc_volume_dialog_parent_class)->finalize (object);
}

static void
lc_volume_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LcVolumeDialog *self = LC_VOLUME_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      self->diary = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_volume_dialog_class_init (LcVolumeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_volume_dialog_constructed;
  object_class->dispose = lc_volume_dialog_dispose;
  object_class->finalize = lc_volume_dialog_finalize;
  object_class->set_property = lc_volume_dialog_set_property;

  properties [PROP_DIARY] =
    g_param_spec_object ("diary", NULL, NULL, LC_TYPE_DIARY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcVolumeDialog::saved:
   *
   * The measurement is in the diary.
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LC_TYPE_TAPE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-volume-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, spacing_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, left_group);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, right_group);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, left_volume_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, right_volume_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, difference_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, change_row);
  gtk_widget_class_bind_template_child (widget_class, LcVolumeDialog, tape_guide);

  gtk_widget_class_install_action (widget_class, "volume.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "volume.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "volume.save", NULL);
}

static void
lc_volume_dialog_init (LcVolumeDialog *self)
{
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    self->rows[leg] = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lc_volume_dialog_new:
 * @diary: (nullable): where the measurement goes
 *
 * Returns: (transfer full): a dialog to measure both legs or one
 */
LcVolumeDialog *
lc_volume_dialog_new (LcDiary *diary)
{
  return g_object_new (LC_TYPE_VOLUME_DIALOG, "diary", diary, NULL);
}
