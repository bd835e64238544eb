/* lc-diary-row.c: one diary entry in the diary's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The time, a line per measure (a bar and the score, one for both legs
 * when they are the same, otherwise one per leg), the ankle and the tags
 * (wrapping in narrow windows), and the note on one line.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-diary-row.h"
#include "lc-score-bar.h"

struct _LcDiaryRow
{
  GtkBox        parent_instance;

  LcEntryItem  *item;

  /* Template widgets */
  GtkLabel     *time_label;
  GtkWidget    *heaviness_box;
  GtkLabel     *heaviness_label;
  LcScoreBar   *heaviness_bar_left;
  GtkLabel     *heaviness_number_left;
  LcScoreBar   *heaviness_bar_right;
  GtkLabel     *heaviness_number_right;
  GtkWidget    *swelling_box;
  GtkLabel     *swelling_label;
  LcScoreBar   *swelling_bar_left;
  GtkLabel     *swelling_number_left;
  LcScoreBar   *swelling_bar_right;
  GtkLabel     *swelling_number_right;
  AdwWrapBox   *extra_box;
  GtkLabel     *ankle_label;
  GtkLabel     *note_label;
};

G_DEFINE_FINAL_TYPE (LcDiaryRow, lc_diary_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_scores (GtkWidget   *box,
             const char  *what,
             const int   *scores,
             LcScoreBar *bars[LC_N_LEGS],
             GtkLabel    *numbers[LC_N_LEGS])
{
  gboolean same = scores[LC_LEG_LEFT] == scores[LC_LEG_RIGHT];
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (box, scores[LC_LEG_LEFT] != LC_SCORE_NONE || scores[LC_LEG_RIGHT] != LC_SCORE_NONE);
  if (!gtk_widget_get_visible (box))
    return;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      gboolean shown = scores[leg] != LC_SCORE_NONE && !(same && leg == LC_LEG_RIGHT);
      g_autofree char *number = NULL;

      gtk_widget_set_visible (GTK_WIDGET (bars[leg]), shown);
      gtk_widget_set_visible (GTK_WIDGET (numbers[leg]), shown);
      if (!shown)
        continue;

      if (same)
        number = g_strdup_printf ("%d", scores[leg]);
      else
        /* Translators: a score of the left (L) or right (R) leg in the diary list */
        number = g_strdup_printf (leg == LC_LEG_LEFT ? _("L %d") : _("R %d"), scores[leg]);
      lc_score_bar_set_score (bars[leg], scores[leg]);
      gtk_label_set_label (numbers[leg], number);
    }

  if (same)
    /* Translators: for screen readers, e.g. "Heaviness 6 of 10, both legs" */
    accessible = g_strdup_printf (_("%s %d of 10, both legs"), what, scores[LC_LEG_LEFT]);
  else
    /* Translators: for screen readers, e.g. "Heaviness: left 6, right 4 of 10" */
    accessible = g_strdup_printf (_("%s: left %d, right %d of 10"), what,
                                  scores[LC_LEG_LEFT], scores[LC_LEG_RIGHT]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
}

static char *
format_calves (const LcEntry *entry)
{
  const int *mm = entry->calf_mm;

  if (mm[LC_LEG_LEFT] == LC_CALF_NONE && mm[LC_LEG_RIGHT] == LC_CALF_NONE)
    return NULL;
  if (mm[LC_LEG_RIGHT] == LC_CALF_NONE)
    /* Translators: calf circumference of the left leg */
    return g_strdup_printf (_("Calf L %.1f cm"), mm[LC_LEG_LEFT] / 10.0);
  if (mm[LC_LEG_LEFT] == LC_CALF_NONE)
    return g_strdup_printf (_("Calf R %.1f cm"), mm[LC_LEG_RIGHT] / 10.0);

  /* Translators: calf circumference of the left and the right leg */
  return g_strdup_printf (_("Calf L %.1f · R %.1f cm"), mm[LC_LEG_LEFT] / 10.0, mm[LC_LEG_RIGHT] / 10.0);
}

/* The tape measurements: ankles, then calves, one line */
static char *
format_ankles (const LcEntry *entry)
{
  const int *mm = entry->ankle_mm;
  g_autofree char *ankles = NULL;
  g_autofree char *calves = format_calves (entry);

  if (mm[LC_LEG_LEFT] == LC_ANKLE_NONE && mm[LC_LEG_RIGHT] == LC_ANKLE_NONE)
    ankles = NULL;
  else if (mm[LC_LEG_RIGHT] == LC_ANKLE_NONE)
    /* Translators: ankle circumference of the left leg */
    ankles = g_strdup_printf (_("Ankle L %.1f cm"), mm[LC_LEG_LEFT] / 10.0);
  else if (mm[LC_LEG_LEFT] == LC_ANKLE_NONE)
    ankles = g_strdup_printf (_("Ankle R %.1f cm"), mm[LC_LEG_RIGHT] / 10.0);
  else
    /* Translators: ankle circumference of the left and the right leg */
    ankles = g_strdup_printf (_("Ankle L %.1f · R %.1f cm"), mm[LC_LEG_LEFT] / 10.0, mm[LC_LEG_RIGHT] / 10.0);

  if (ankles != NULL && calves != NULL)
    /* Translators: the ankles' and the calves' measurements, on one line */
    return g_strdup_printf (_("%s, %s"), ankles, calves);
  return g_strdup (ankles != NULL ? ankles : calves);
}

/* "Aching 3 · Itching 0", or NULL if none was rated */
static char *
format_symptoms (const LcEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    if (entry->symptoms[i] != LC_SCORE_NONE)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        /* Translators: a symptom and its score, e.g. "Aching 3" */
        g_string_append_printf (text, _("%s %d"), lc_symptom_get_label (i), entry->symptoms[i]);
      }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
show_extra (LcDiaryRow    *self,
            const LcEntry *entry)
{
  g_autofree char *symptoms = format_symptoms (entry);
  g_autofree char *ankles = format_ankles (entry);
  GtkWidget *child;
  gboolean any_tag = FALSE;

  /* The tags' chips are made anew; the ankle's label stays. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->extra_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != GTK_WIDGET (self->ankle_label))
        adw_wrap_box_remove (self->extra_box, child);
      child = next;
    }

  gtk_label_set_label (self->ankle_label, ankles != NULL ? ankles : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ankle_label), ankles != NULL);

  if (symptoms != NULL)
    {
      GtkWidget *label = gtk_label_new (symptoms);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      adw_wrap_box_append (self->extra_box, label);
    }

  for (guint i = 0; i < LC_N_TAGS; i++)
    if (entry->tags & (1 << i))
      {
        GtkWidget *chip = gtk_label_new (lc_tag_get_label (1 << i));

        /* One line, but two rather than past the window's edge at a large
         * text size ("Kompression getragen") */
        gtk_label_set_wrap (GTK_LABEL (chip), TRUE);
        gtk_widget_add_css_class (chip, "caption");
        gtk_widget_add_css_class (chip, "tag-chip");
        adw_wrap_box_append (self->extra_box, chip);
        any_tag = TRUE;
      }

  gtk_widget_set_visible (GTK_WIDGET (self->extra_box), ankles != NULL || symptoms != NULL || any_tag);
}

static void
update (LcDiaryRow *self)
{
  const LcEntry *entry;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *time_text = NULL;

  if (self->item == NULL)
    return;

  entry = lc_entry_item_get_entry (self->item);
  time = g_date_time_new_from_unix_local (entry->taken_at);
  time_text = g_date_time_format (time, "%H:%M");
  gtk_label_set_label (self->time_label, time_text);

  show_scores (self->heaviness_box, _("Heaviness"), entry->heaviness,
               (LcScoreBar *[]) { self->heaviness_bar_left, self->heaviness_bar_right },
               (GtkLabel *[]) { self->heaviness_number_left, self->heaviness_number_right });
  show_scores (self->swelling_box, _("Swelling"), entry->swelling,
               (LcScoreBar *[]) { self->swelling_bar_left, self->swelling_bar_right },
               (GtkLabel *[]) { self->swelling_number_left, self->swelling_number_right });
  show_extra (self, entry);

  gtk_label_set_label (self->note_label, entry->note != NULL ? entry->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), entry->note != NULL && *entry->note != '\0');
}

static void
lc_diary_row_dispose (GObject *object)
{
  LcDiaryRow *self = LC_DIARY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DIARY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lc_diary_row_parent_class)->dispose (object);
}

static void
lc_diary_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcDiaryRow *self = LC_DIARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diary_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcDiaryRow *self = LC_DIARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      lc_diary_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diary_row_class_init (LcDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_diary_row_dispose;
  object_class->get_property = lc_diary_row_get_property;
  object_class->set_property = lc_diary_row_set_property;

  /**
   * LcDiaryRow:item:
   *
   * The diary entry the row shows.
   */
  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         LC_TYPE_ENTRY_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_SCORE_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-diary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_bar_left);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_number_left);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_bar_right);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, heaviness_number_right);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_bar_left);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_number_left);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_bar_right);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, swelling_number_right);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, extra_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, ankle_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiaryRow, note_label);
}

static void
lc_diary_row_init (LcDiaryRow *self)
{
  LcScoreBar *bars[4];
  int width_chars;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Both measures' labels take the width of the longer, so the bars line up. */
  width_chars = MAX (g_utf8_strlen (gtk_label_get_label (self->heaviness_label), -1),
                     g_utf8_strlen (gtk_label_get_label (self->swelling_label), -1));
  gtk_label_set_width_chars (self->heaviness_label, width_chars);
  gtk_label_set_width_chars (self->swelling_label, width_chars);

  /* Plain bars: the number beside them says the score, to screen readers too. */
  bars[0] = self->heaviness_bar_left;
  bars[1] = self->heaviness_bar_right;
  bars[2] = self->swelling_bar_left;
  bars[3] = self->swelling_bar_right;
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (bars[i]), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
}

/**
 * lc_diary_row_new:
 *
 * Returns: (transfer floating): a row that shows no entry yet
 */
GtkWidget *
lc_diary_row_new (void)
{
  return g_object_new (LC_TYPE_DIARY_ROW, NULL);
}

/**
 * lc_diary_row_get_item:
 *
 * Returns: (transfer none) (nullable): the entry the row shows
 */
LcEntryItem *
lc_diary_row_get_item (LcDiaryRow *self)
{
  g_return_val_if_fail (LC_IS_DIARY_ROW (self), NULL);

  return self->item;
}

/**
 * lc_diary_row_set_item:
 * @item: (nullable): the entry to show
 */
void
lc_diary_row_set_item (LcDiaryRow  *self,
                       LcEntryItem *item)
{
  g_return_if_fail (LC_IS_DIARY_ROW (self));
  g_return_if_fail (item == NULL || LC_IS_ENTRY_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}

/* "Heaviness 6 of 10, both legs" or "Heaviness: left 6, right 4 of 10" */
static char *
describe_scores (const char *what,
                 const int  *scores)
{
  if (scores[LC_LEG_LEFT] == LC_SCORE_NONE && scores[LC_LEG_RIGHT] == LC_SCORE_NONE)
    return NULL;
  if (scores[LC_LEG_RIGHT] == LC_SCORE_NONE)
    /* Translators: for screen readers, e.g. "Heaviness: left 6 of 10" */
    return g_strdup_printf (_("%s: left %d of 10"), what, scores[LC_LEG_LEFT]);
  if (scores[LC_LEG_LEFT] == LC_SCORE_NONE)
    /* Translators: for screen readers, e.g. "Heaviness: right 6 of 10" */
    return g_strdup_printf (_("%s: right %d of 10"), what, scores[LC_LEG_RIGHT]);
  if (scores[LC_LEG_LEFT] == scores[LC_LEG_RIGHT])
    return g_strdup_printf (_("%s %d of 10, both legs"), what, scores[LC_LEG_LEFT]);

  return g_strdup_printf (_("%s: left %d, right %d of 10"), what, scores[LC_LEG_LEFT], scores[LC_LEG_RIGHT]);
}

/**
 * lc_diary_row_describe:
 *
 * Returns: (transfer full): the entry in one sentence, for screen readers:
 *   its time, scores, tape measurements, tags and note
 */
char *
lc_diary_row_describe (const LcEntry *entry)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (entry->taken_at);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *clock = g_date_time_format (time, "%H:%M");
  g_autofree char *heaviness = describe_scores (_("Heaviness"), entry->heaviness);
  g_autofree char *swelling = describe_scores (_("Swelling"), entry->swelling);
  g_autofree char *tape = format_ankles (entry);
  g_autofree char *symptoms = format_symptoms (entry);

  /* Translators: for screen readers, the start of a diary entry's description */
  g_string_append_printf (text, _("Entry at %s"), clock);
  if (heaviness != NULL)
    g_string_append_printf (text, ". %s", heaviness);
  if (swelling != NULL)
    g_string_append_printf (text, ". %s", swelling);
  if (tape != NULL)
    g_string_append_printf (text, ". %s", tape);
  if (symptoms != NULL)
    g_string_append_printf (text, ". %s", symptoms);
  for (guint i = 0; i < LC_N_TAGS; i++)
    if (entry->tags & (1 << i))
      g_string_append_printf (text, ". %s", lc_tag_get_label (1 << i));
  if (entry->note != NULL && *entry->note != '\0')
    g_string_append_printf (text, ". %s", entry->note);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
