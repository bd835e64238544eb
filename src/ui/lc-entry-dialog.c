/* lc-entry-dialog.c: add or edit a diary entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A usual entry is two taps (heaviness and swelling for both legs) and
 * Save, or five keys: the focus starts on heaviness, a digit chooses (1
 * then 0 is 10), Tab goes to swelling, Enter saves. What can't be saved
 * says why next to the field, live; if the disk refuses the save, the
 * dialog stays open with everything typed.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "lc-entry-dialog.h"
#include "lc-measure-guide.h"
#include "lc-widgets.h"

enum { HEAVINESS, SWELLING, N_SCORES };
enum { BOTH, LEFT, RIGHT, N_SCORE_GROUPS };

struct _LcEntryDialog
{
  AdwDialog            parent_instance;

  LcDiary             *diary;
  gint64               id;            /* 0: a new entry */
  gboolean             loading;
  gboolean             save_tried;    /* errors are shown after Save… */
  guint                fields_left;   /* …or for a field once it is left (1 << LcEntryField) */
  GtkWidget           *invalid;       /* the field marked invalid for screen readers */

  AdwToggleGroup      *scores[N_SCORES][N_SCORE_GROUPS];
  GtkWidget           *per_leg_boxes[N_SCORES];
  GtkToggleButton     *tag_buttons[LC_N_TAGS];

  /* Template widgets */
  GtkButton           *save_button;
  AdwBanner           *error_banner;
  AdwPreferencesGroup *heaviness_group;
  AdwPreferencesGroup *swelling_group;
  AdwSwitchRow        *per_leg_row;
  AdwPreferencesGroup *symptoms_group;
  GtkToggleButton     *symptoms_button;
  GtkBox              *symptoms_box;
  AdwToggleGroup      *symptoms[LC_N_SYMPTOMS];
  AdwPreferencesGroup *time_group;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  AdwPreferencesGroup *measure_group;
  AdwEntryRow         *ankle_left_row;
  AdwEntryRow         *ankle_right_row;
  AdwEntryRow         *calf_left_row;
  AdwEntryRow         *calf_right_row;
  AdwComboRow         *position_row;    /* LcPosition, in order */
  GtkFlowBox          *tags_box;
  AdwPreferencesGroup *note_group;
  AdwEntryRow         *note_row;
  AdwPreferencesGroup *delete_group;
};

G_DEFINE_FINAL_TYPE (LcEntryDialog, lc_entry_dialog, ADW_TYPE_DIALOG)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *group_descriptions[] = {
  N_("0 is none, 10 the worst you can imagine"),
  NULL,
};

static void validate (LcEntryDialog *self);

/* --- scores ----------------------------------------------------------------- */

static void
score_changed_cb (LcEntryDialog *self)
{
  if (self->loading)
    return;

  /* One choice sets both legs. */
  self->loading = TRUE;
  for (guint m = 0; m < N_SCORES; m++)
    if (!adw_switch_row_get_active (self->per_leg_row))
      {
        int score = lc_score_toggles_get (self->scores[m][BOTH]);

        lc_score_toggles_set (self->scores[m][LEFT], score);
        lc_score_toggles_set (self->scores[m][RIGHT], score);
      }
  self->loading = FALSE;

  validate (self);
}

static AdwToggleGroup *
create_score_toggles (LcEntryDialog *self,
                      const char    *label)
{
  AdwToggleGroup *toggles = lc_score_toggles_new (label);

  g_signal_connect_object (toggles, "notify::active", G_CALLBACK (score_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The digits choose in the group that has the focus */
  lc_score_toggles_add_keys (toggles, GTK_WIDGET (toggles));
  return toggles;
}

static void
add_scores (LcEntryDialog       *self,
            guint                measure,
            AdwPreferencesGroup *group,
            const char          *what)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *sides[] = { NULL, N_("Left leg"), N_("Right leg") };

  /* Translators: accessible name of the 0-10 choice, e.g. "Heaviness, both legs" */
  g_autofree char *both = g_strdup_printf (_("%s, both legs"), what);

  self->scores[measure][BOTH] = create_score_toggles (self, both);
  adw_preferences_group_add (group, GTK_WIDGET (self->scores[measure][BOTH]));

  for (guint side = LEFT; side <= RIGHT; side++)
    {
      GtkWidget *label = gtk_label_new (_(sides[side]));
      g_autofree char *name = g_strdup_printf ("%s, %s", what, _(sides[side]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
      self->scores[measure][side] = create_score_toggles (self, name);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scores[measure][side]));
    }

  self->per_leg_boxes[measure] = box;
  gtk_widget_set_visible (box, FALSE);
  adw_preferences_group_add (group, box);
}

static void
per_leg_changed_cb (LcEntryDialog *self)
{
  gboolean per_leg = adw_switch_row_get_active (self->per_leg_row);

  for (guint m = 0; m < N_SCORES; m++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->scores[m][BOTH]), !per_leg);
      gtk_widget_set_visible (self->per_leg_boxes[m], per_leg);

      /* Back to one choice: it takes the left leg's score. */
      if (!per_leg && !self->loading)
        lc_score_toggles_set (self->scores[m][BOTH], lc_score_toggles_get (self->scores[m][LEFT]));
    }
}

/* --- time ------------------------------------------------------------------- */

static GDateTime *
get_time (LcEntryDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (date),
                                g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
}

static void
update_date_label (LcEntryDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *label = NULL;

  if (g_date_time_get_year (date) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now))
    label = g_strdup (_("Today"));
  else
    /* Translators: a date in the entry dialog; see g_date_time_format() */
    label = g_date_time_format (date, _("%a, %-e %b %Y"));

  gtk_menu_button_set_label (self->date_button, g_strstrip (label));
}

static void
time_changed_cb (LcEntryDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* A day after today can't be chosen: the calendar goes back to today
   * (GtkCalendar can't grey out days) */
  if (g_date_time_get_year (date) * 1000 + g_date_time_get_day_of_year (date) >
      g_date_time_get_year (now) * 1000 + g_date_time_get_day_of_year (now))
    {
      gtk_calendar_select_day (self->calendar, now);
      gtk_widget_error_bell (GTK_WIDGET (self->calendar));
      return;
    }

  update_date_label (self);
  validate (self);
}

/* --- reading the form ------------------------------------------------------- */

/* "23.5" or "23,5" → 235 mm; "" → none (0, as LC_ANKLE_NONE and
 * LC_CALF_NONE are); FALSE if it is not such a number. */
static gboolean
parse_circumference (const char *text,
                     int        *mm)
{
  G_STATIC_ASSERT (LC_ANKLE_NONE == 0 && LC_CALF_NONE == 0);
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  char *separator;
  double value;

  if (*copy == '\0')
    {
      *mm = 0;
      return TRUE;
    }

  separator = strpbrk (copy, ",.");
  if (separator != NULL)
    {
      *separator = '.';
      if (strlen (separator + 1) != 1)
        return FALSE;
    }

  for (const char *p = copy; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;

  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    return FALSE;

  *mm = (int) lround (value * 10);
  return TRUE;
}

/**
 * lc_entry_dialog_get_entry:
 * @field: (out) (optional): the field that is wrong
 *
 * Returns: (transfer full): the entry as the form says, or %NULL with
 *   @error set if it can't be saved
 */
LcEntry *
lc_entry_dialog_get_entry (LcEntryDialog  *self,
                           LcEntryField   *field,
                           GError        **error)
{
  g_autoptr(GDateTime) time = get_time (self);
  g_autoptr(LcEntry) entry = lc_entry_new (g_date_time_to_unix (time));
  AdwEntryRow *ankles[LC_N_LEGS] = { self->ankle_left_row, self->ankle_right_row };
  AdwEntryRow *calves[LC_N_LEGS] = { self->calf_left_row, self->calf_right_row };
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  g_return_val_if_fail (LC_IS_ENTRY_DIALOG (self), NULL);

  entry->id = self->id;
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      entry->heaviness[leg] = lc_score_toggles_get (self->scores[HEAVINESS][leg == LC_LEG_LEFT ? LEFT : RIGHT]);
      entry->swelling[leg] = lc_score_toggles_get (self->scores[SWELLING][leg == LC_LEG_LEFT ? LEFT : RIGHT]);

      if (!parse_circumference (gtk_editable_get_text (GTK_EDITABLE (ankles[leg])), &entry->ankle_mm[leg]) ||
          !parse_circumference (gtk_editable_get_text (GTK_EDITABLE (calves[leg])), &entry->calf_mm[leg]))
        {
          if (field != NULL)
            *field = LC_ENTRY_FIELD_ANKLE;
          g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                               _("Write the circumference in centimetres with at most one decimal, like 23.5"));
          return NULL;
        }
    }
  entry->position = (LcPosition) adw_combo_row_get_selected (self->position_row);
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    entry->symptoms[i] = lc_score_toggles_get (self->symptoms[i]);

  for (guint i = 0; i < LC_N_TAGS; i++)
    if (gtk_toggle_button_get_active (self->tag_buttons[i]))
      entry->tags |= 1 << i;

  entry->note = *note != '\0' ? g_strdup (note) : NULL;

  if (!lc_entry_validate (entry, g_get_real_time () / G_USEC_PER_SEC, field, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/* As in lc-entry-dialog.ui, where it is translated too */
static const char *measure_description =
  N_("Optional, in centimetres: the ankle at its narrowest point, the calf 10 cm below the bump under the kneecap");

/* As in lc-entry-dialog.ui */
static const char *symptoms_description = N_("Optional: aching, throbbing, itching");

/* Whether the text of a tape measurement row can't be saved */
static gboolean
circumference_is_bad (AdwEntryRow *row,
                      int          min_mm,
                      int          max_mm)
{
  int mm;

  if (!parse_circumference (gtk_editable_get_text (GTK_EDITABLE (row)), &mm))
    return TRUE;
  return mm != 0 && (mm < min_mm || mm > max_mm);
}

/* The widget to mark and to focus for a field that can't be saved */
static GtkWidget *
field_widget (LcEntryDialog *self,
              LcEntryField   field)
{
  gboolean per_leg = adw_switch_row_get_active (self->per_leg_row);

  switch (field)
    {
    case LC_ENTRY_FIELD_TIME:
      return GTK_WIDGET (self->hour_spin);
    case LC_ENTRY_FIELD_HEAVINESS:
      return GTK_WIDGET (self->scores[HEAVINESS][per_leg ? LEFT : BOTH]);
    case LC_ENTRY_FIELD_SWELLING:
      return GTK_WIDGET (self->scores[SWELLING][per_leg ? LEFT : BOTH]);
    case LC_ENTRY_FIELD_ANKLE:
    case LC_ENTRY_FIELD_CALF:
      {
        struct { AdwEntryRow *row; int min, max; } rows[] = {
          { self->ankle_left_row, LC_ANKLE_MIN_MM, LC_ANKLE_MAX_MM },
          { self->ankle_right_row, LC_ANKLE_MIN_MM, LC_ANKLE_MAX_MM },
          { self->calf_left_row, LC_CALF_MIN_MM, LC_CALF_MAX_MM },
          { self->calf_right_row, LC_CALF_MIN_MM, LC_CALF_MAX_MM },
        };

        for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
          if (circumference_is_bad (rows[i].row, rows[i].min, rows[i].max))
            return GTK_WIDGET (rows[i].row);
        return GTK_WIDGET (field == LC_ENTRY_FIELD_ANKLE ? self->ankle_left_row : self->calf_left_row);
      }
    case LC_ENTRY_FIELD_POSITION:
      return GTK_WIDGET (self->position_row);
    case LC_ENTRY_FIELD_NOTE:
      return GTK_WIDGET (self->note_row);
    case LC_ENTRY_FIELD_SYMPTOMS:
      gtk_toggle_button_set_active (self->symptoms_button, TRUE);
      return GTK_WIDGET (self->symptoms[0]);
    case LC_ENTRY_FIELD_NONE:
    case LC_ENTRY_FIELD_TAGS:
    default:
      return GTK_WIDGET (self->save_button);
    }
}

/* Says why the entry can't be saved, next to the field; or nothing. */
static void
validate (LcEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcEntry) entry = NULL;
  LcEntryField field = LC_ENTRY_FIELD_NONE;
  AdwPreferencesGroup *groups[] = {
    [LC_ENTRY_FIELD_NONE] = NULL,
    [LC_ENTRY_FIELD_TIME] = self->time_group,
    [LC_ENTRY_FIELD_HEAVINESS] = self->heaviness_group,
    [LC_ENTRY_FIELD_SWELLING] = self->swelling_group,
    [LC_ENTRY_FIELD_ANKLE] = self->measure_group,
    [LC_ENTRY_FIELD_CALF] = self->measure_group,
    [LC_ENTRY_FIELD_POSITION] = self->measure_group,
    [LC_ENTRY_FIELD_TAGS] = NULL,
    [LC_ENTRY_FIELD_NOTE] = self->note_group,
    [LC_ENTRY_FIELD_SYMPTOMS] = self->symptoms_group,
  };
  const char *descriptions[G_N_ELEMENTS (groups)] = {
    [LC_ENTRY_FIELD_HEAVINESS] = _(group_descriptions[0]),
    [LC_ENTRY_FIELD_ANKLE] = _(measure_description),
    [LC_ENTRY_FIELD_CALF] = _(measure_description),
    [LC_ENTRY_FIELD_POSITION] = _(measure_description),
    [LC_ENTRY_FIELD_SYMPTOMS] = _(symptoms_description),
  };

  if (self->loading)
    return;

  entry = lc_entry_dialog_get_entry (self, &field, &error);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (groups[i] == NULL)
        continue;
      gtk_widget_remove_css_class (GTK_WIDGET (groups[i]), "error");
      adw_preferences_group_set_description (groups[i], descriptions[i]);
    }
  if (self->invalid != NULL)
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_clear_weak_pointer (&self->invalid);
    }

  /* An empty new entry is not a mistake yet: nothing to say before the
   * first tap, Save is just not available. Any other problem waits for
   * Save, or for the user to leave the field, not for every key. */
  if (entry == NULL && self->id == 0 && field == LC_ENTRY_FIELD_HEAVINESS)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", TRUE);

  if (entry == NULL && field < G_N_ELEMENTS (groups) && groups[field] != NULL &&
      (self->save_tried || (self->fields_left & (1u << field)) != 0))
    {
      GtkWidget *widget = field_widget (self, field);

      adw_preferences_group_set_description (groups[field], error->message);
      gtk_widget_add_css_class (GTK_WIDGET (groups[field]), "error");
      /* For screen readers: the field is invalid, and says why */
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      error->message, -1);
      g_set_weak_pointer (&self->invalid, widget);
    }
}

/* A field the user leaves may say what is wrong with it */
static void
field_left_cb (GtkEventControllerFocus *controller,
               LcEntryDialog           *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  LcEntryField field = LC_ENTRY_FIELD_NOTE;

  if (widget == GTK_WIDGET (self->hour_spin) || widget == GTK_WIDGET (self->minute_spin))
    field = LC_ENTRY_FIELD_TIME;
  else if (widget == GTK_WIDGET (self->ankle_left_row) || widget == GTK_WIDGET (self->ankle_right_row))
    field = LC_ENTRY_FIELD_ANKLE;
  else if (widget == GTK_WIDGET (self->calf_left_row) || widget == GTK_WIDGET (self->calf_right_row))
    field = LC_ENTRY_FIELD_CALF;
  else if (widget == GTK_WIDGET (self->position_row))
    field = LC_ENTRY_FIELD_POSITION;

  self->fields_left |= 1u << field;
  validate (self);
}

static void
watch_field (LcEntryDialog *self,
             GtkWidget     *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (field_left_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

/* --- actions ---------------------------------------------------------------- */

/**
 * lc_entry_dialog_save:
 *
 * Stores the entry. If the diary refuses it, the dialog stays open with
 * everything as it was and says why.
 *
 * Returns: whether the entry is stored (and the dialog closed)
 */
gboolean
lc_entry_dialog_save (LcEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcEntry) entry = NULL;
  LcEntryField field = LC_ENTRY_FIELD_NONE;
  gboolean ok;

  g_return_val_if_fail (LC_IS_ENTRY_DIALOG (self), FALSE);

  entry = lc_entry_dialog_get_entry (self, &field, &error);
  if (entry == NULL)
    {
      /* Every problem is shown now; the first field to fix gets the focus,
       * and a screen reader hears why once */
      self->save_tried = TRUE;
      validate (self);
      gtk_widget_grab_focus (field_widget (self, field));
      lc_announce (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  if (self->id == 0)
    ok = lc_diary_add_entry (self->diary, entry, &error);
  else
    ok = lc_diary_update_entry (self->diary, entry, &error);

  if (!ok)
    {
      /* Translators: %s says why, e.g. "The disk is full…" */
      g_autofree char *title = g_strdup_printf (_("Not saved: %s"), error->message);

      adw_banner_set_title (self->error_banner, title);
      adw_banner_set_revealed (self->error_banner, TRUE);
      return FALSE;
    }

  adw_banner_set_revealed (self->error_banner, FALSE);
  g_signal_emit (self, signals [SAVED], 0, entry);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_entry_dialog_save (LC_ENTRY_DIALOG (widget));
}

/* Enter in a 0-10 choice saves, as it would in a text field: Space is
 * there to choose a number. */
static gboolean
enter_pressed_cb (LcEntryDialog   *self,
                  guint            keyval,
                  guint            keycode,
                  GdkModifierType  state)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK)) != 0 ||
      !lc_score_toggles_has_focus (GTK_WIDGET (self)))
    return GDK_EVENT_PROPAGATE;

  lc_entry_dialog_save (self);
  return GDK_EVENT_STOP;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcEntryDialog *self = LC_ENTRY_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcEntry) entry = lc_diary_get_entry (self->diary, self->id, &error);

  if (entry != NULL)
    g_signal_emit (self, signals [DELETE_REQUESTED], 0, entry);
  adw_dialog_close (ADW_DIALOG (self));
}

/* --- set-up ----------------------------------------------------------------- */

static void
load_entry (LcEntryDialog *self,
            const LcEntry *entry)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->taken_at);
  AdwEntryRow *ankles[LC_N_LEGS] = { self->ankle_left_row, self->ankle_right_row };
  AdwEntryRow *calves[LC_N_LEGS] = { self->calf_left_row, self->calf_right_row };
  gboolean per_leg = FALSE;

  self->loading = TRUE;

  self->id = entry->id;
  gtk_calendar_select_day (self->calendar, time);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (time));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (time));

  for (guint m = 0; m < N_SCORES; m++)
    {
      const int *scores = m == HEAVINESS ? entry->heaviness : entry->swelling;

      lc_score_toggles_set (self->scores[m][LEFT], scores[LC_LEG_LEFT]);
      lc_score_toggles_set (self->scores[m][RIGHT], scores[LC_LEG_RIGHT]);
      lc_score_toggles_set (self->scores[m][BOTH], scores[LC_LEG_LEFT]);
      per_leg |= scores[LC_LEG_LEFT] != scores[LC_LEG_RIGHT];
    }
  adw_switch_row_set_active (self->per_leg_row, per_leg);
  per_leg_changed_cb (self);

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    if (entry->ankle_mm[leg] != LC_ANKLE_NONE)
      {
        char text[16];

        /* In the user's own way of writing decimals, as typed */
        g_snprintf (text, sizeof text, "%.1f", entry->ankle_mm[leg] / 10.0);
        gtk_editable_set_text (GTK_EDITABLE (ankles[leg]), text);
      }
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    if (entry->calf_mm[leg] != LC_CALF_NONE)
      {
        char text[16];

        g_snprintf (text, sizeof text, "%.1f", entry->calf_mm[leg] / 10.0);
        gtk_editable_set_text (GTK_EDITABLE (calves[leg]), text);
      }
  adw_combo_row_set_selected (self->position_row, entry->position);
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    {
      lc_score_toggles_set (self->symptoms[i], entry->symptoms[i]);
      if (entry->symptoms[i] != LC_SCORE_NONE)
        gtk_toggle_button_set_active (self->symptoms_button, TRUE);
    }

  for (guint i = 0; i < LC_N_TAGS; i++)
    gtk_toggle_button_set_active (self->tag_buttons[i], (entry->tags & (1 << i)) != 0);

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), entry->note ? entry->note : "");

  update_date_label (self);
  self->loading = FALSE;
  validate (self);
}

static void
lc_entry_dialog_dispose (GObject *object)
{
  LcEntryDialog *self = LC_ENTRY_DIALOG (object);

  g_clear_weak_pointer (&self->invalid);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ENTRY_DIALOG);
  g_clear_object (&self->diary);

  G_OBJECT_CLASS (lc_entry_dialog_parent_class)->dispose (object);
}

/* entry.measure-guide: where the tape goes, over this dialog */
static void
measure_guide_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  adw_dialog_present (lc_measure_guide_new (), widget);
}

static void
lc_entry_dialog_class_init (LcEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_entry_dialog_dispose;

  /**
   * LcEntryDialog::saved:
   * @entry: the entry as stored
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LcEntryDialog::delete-requested:
   * @entry: the entry to delete, as stored
   */
  signals [DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ENTRY | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, heaviness_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, swelling_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, per_leg_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, symptoms_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, symptoms_button);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, time_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, measure_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, calf_left_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, calf_right_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, ankle_left_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, ankle_right_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, tags_box);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, LcEntryDialog, delete_group);

  gtk_widget_class_bind_template_callback_full (widget_class, "time_spin_output_cb", G_CALLBACK (lc_time_spin_output));

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "entry.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "entry.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "entry.measure-guide", NULL, measure_guide_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "entry.save", NULL);
}

/* Arrow keys move among the tags, as in a group of choices: Left and Up
 * to the one before, Right and Down to the next (Home, End: the ends) */
static gboolean
tag_key_cb (GtkEventControllerKey *controller,
            guint                  keyval,
            guint                  keycode,
            GdkModifierType        state,
            LcEntryDialog         *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (button) == GTK_TEXT_DIR_RTL;
  int target = -1;
  int i;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  for (i = 0; i < LC_N_TAGS && GTK_WIDGET (self->tag_buttons[i]) != button; i++)
    ;
  if (i == LC_N_TAGS)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = rtl ? i + 1 : i - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = rtl ? i - 1 : i + 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = i - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = i + 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = LC_N_TAGS - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (target >= 0 && target < LC_N_TAGS)
    gtk_widget_grab_focus (GTK_WIDGET (self->tag_buttons[target]));
  /* At either end the key stops there, as in a row of toggles */
  return GDK_EVENT_STOP;
}

static void
lc_entry_dialog_init (LcEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lc_entry_rows_name_once (GTK_WIDGET (self));

  add_scores (self, HEAVINESS, self->heaviness_group, _("Heaviness"));
  add_scores (self, SWELLING, self->swelling_group, _("Swelling"));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (enter_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  /* Optional symptoms, behind More so that the usual entry stays short */
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    {
      GtkWidget *label = gtk_label_new (lc_symptom_get_label (i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, i > 0 ? 6 : 0);
      gtk_box_append (self->symptoms_box, label);
      self->symptoms[i] = create_score_toggles (self, lc_symptom_get_label (i));
      gtk_box_append (self->symptoms_box, GTK_WIDGET (self->symptoms[i]));
    }

  for (guint i = 0; i < LC_N_TAGS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (lc_tag_get_label (1 << i));
      GtkEventController *keys = gtk_event_controller_key_new ();

      /* One line, but two rather than past the edge at a large text size */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), label);
      /* A toggle button's name is not taken from its child */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_widget_add_css_class (button, "text-button");
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "tag");
      self->tag_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_flow_box_append (self->tags_box, button);
      /* One Tab stop a tag, its button: the flow box's child around it
       * would be a second one that does nothing */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (tag_key_cb), self, 0);
      gtk_widget_add_controller (button, keys);
      g_signal_connect_object (button, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->per_leg_row, "notify::active", G_CALLBACK (per_leg_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->per_leg_row, "notify::active", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hour_spin, "value-changed", G_CALLBACK (time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minute_spin, "value-changed", G_CALLBACK (time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ankle_left_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ankle_right_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calf_left_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calf_right_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->position_row, "notify::selected", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);

  watch_field (self, GTK_WIDGET (self->hour_spin));
  watch_field (self, GTK_WIDGET (self->minute_spin));
  watch_field (self, GTK_WIDGET (self->ankle_left_row));
  watch_field (self, GTK_WIDGET (self->ankle_right_row));
  watch_field (self, GTK_WIDGET (self->calf_left_row));
  watch_field (self, GTK_WIDGET (self->calf_right_row));
  watch_field (self, GTK_WIDGET (self->position_row));
  watch_field (self, GTK_WIDGET (self->note_row));
}

/**
 * lc_entry_dialog_new:
 * @diary: where to save
 * @entry: (nullable): the entry to edit, or %NULL for a new one (now)
 */
LcEntryDialog *
lc_entry_dialog_new (LcDiary       *diary,
                     const LcEntry *entry)
{
  LcEntryDialog *self;
  g_autoptr(LcEntry) fresh = NULL;

  g_return_val_if_fail (LC_IS_DIARY (diary), NULL);

  self = g_object_new (LC_TYPE_ENTRY_DIALOG, NULL);
  self->diary = g_object_ref (diary);

  if (entry == NULL)
    {
      fresh = lc_entry_new (g_get_real_time () / G_USEC_PER_SEC);
      entry = fresh;
      adw_dialog_set_title (ADW_DIALOG (self), _("New Entry"));
    }
  else
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Entry"));
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
    }

  load_entry (self, entry);

  /* The first thing to rate has the focus, so that the keyboard can start
   * at once */
  adw_dialog_set_focus (ADW_DIALOG (self),
                        GTK_WIDGET (self->scores[HEAVINESS][adw_switch_row_get_active (self->per_leg_row) ? LEFT : BOTH]));

  return self;
}
