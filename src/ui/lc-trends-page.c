/* lc-trends-page.c: charts, observations and warning signs from the diary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lc-chart.h"
#include "lc-format.h"
#include "lc-period.h"
#include "lc-report.h"
#include "lc-trend.h"
#include "lc-trend-private.h"
#include "lc-limb-volume.h"
#include "lc-trends-page.h"
#include "lc-widgets.h"

struct _LcTrendsPage
{
  AdwBin          parent_instance;

  GSettings      *settings;
  LcDiary        *diary;
  GArray         *days;          /* the whole diary, by day */
  GPtrArray      *sessions;
  GPtrArray      *measurements;  /* from the first: the volumes' baseline */
  LcChartData    *data;
  guint32         today;
  LcPeriod        period;        /* shown; kind LC_N_PERIOD_KINDS before the first */
  GPtrArray      *entries;       /* the shown period's, read when it changes */
  LcPeriod        entries_period;
  GDateWeekday    first_weekday;
  gboolean        syncing;       /* the charts' active days follow each other */
  gboolean        stale;         /* the diary changed since it was read */
  guint           n_reads;       /* of the diary, for the tests */

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *error_status;
  GtkWidget      *red_flag_box;
  GtkLabel       *red_flag_label;
  GtkLabel       *red_flag_advice_label;
  AdwToggleGroup *range_toggles;
  GtkDropDown    *range_dropdown;
  GtkDropDown    *legs_dropdown;
  GtkWidget      *previous_button;
  GtkLabel       *period_label;
  GtkWidget      *next_button;
  AdwWrapBox     *summary_box;
  AdwToggleGroup *legs_toggles;
  GtkLabel       *details_label;
  LcChart        *heaviness_chart;
  LcChart        *swelling_chart;
  LcChart        *ankle_chart;
  GtkWidget      *ankle_box;
  LcChart        *calf_chart;
  GtkWidget      *calf_box;
  LcChart        *breaks_chart;
  GtkWidget      *breaks_box;
  LcChart        *volume_chart;
  GtkWidget      *volume_box;
  LcChart        *volume_difference_chart;
  GtkWidget      *volume_difference_box;
  GtkListBox     *insights_list;
  GtkWidget      *scroller;
  GtkWidget      *acknowledge_button;
};

G_DEFINE_FINAL_TYPE (LcTrendsPage, lc_trends_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static LcChart *
chart (LcTrendsPage *self,
       LcChartKind   kind)
{
  switch (kind)
    {
    case LC_CHART_HEAVINESS:
      return self->heaviness_chart;
    case LC_CHART_SWELLING:
      return self->swelling_chart;
    case LC_CHART_CALF:
      return self->calf_chart;
    case LC_CHART_BREAKS:
      return self->breaks_chart;
    case LC_CHART_VOLUME:
      return self->volume_chart;
    case LC_CHART_VOLUME_DIFFERENCE:
      return self->volume_difference_chart;
    case LC_CHART_ANKLE:
    case LC_N_CHART_KINDS:
    default:
      return self->ankle_chart;
    }
}

static guint32 first_data_day (LcTrendsPage *self);

/* The days of a report: "shown" is the period on the page; "2w", "3m",
 * "1y" and "all" end today. */
static void
report_days (LcTrendsPage *self,
             const char   *range,
             guint32      *first_day,
             guint32      *last_day)
{
  GDate date;
  guint32 two_weeks = self->today - 13;

  *last_day = self->today;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->today);

  if (g_strcmp0 (range, "shown") == 0)
    {
      *first_day = self->period.first_day;
      *last_day = self->period.last_day;
    }
  else if (g_strcmp0 (range, "2w") == 0)
    *first_day = two_weeks;
  else if (g_strcmp0 (range, "all") == 0)
    *first_day = MIN (first_data_day (self), two_weeks);
  else
    {
      if (g_strcmp0 (range, "1y") == 0)
        g_date_subtract_years (&date, 1);
      else
        g_date_subtract_months (&date, 3);
      *first_day = g_date_get_julian (&date) + 1;
    }
}

/* The diary's first day (of an entry, a session or a leg measurement), or
 * today */
static guint32
first_data_day (LcTrendsPage *self)
{
  guint32 first = self->today;

  if (self->days != NULL && self->days->len > 0)
    first = MIN (first, lc_trend_aggregate_day (&g_array_index (self->days, LcDayAggregate, 0)));
  if (self->measurements != NULL && self->measurements->len > 0)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      const LcLimbMeasurement *measurement = g_ptr_array_index (self->measurements, 0);
      guint32 day = lc_trend_local_day (measurement->taken_at, tz);

      if (day > 0)
        first = MIN (first, day);
    }

  return first;
}

static void
update_details (LcTrendsPage *self,
                LcChart      *source)
{
  guint day = lc_chart_get_active_day (source);
  g_autofree char *text = NULL;

  if (self->data != NULL && lc_chart_data_count_days (self->data, LC_CHART_HEAVINESS) == 0
      && lc_chart_data_count_days (self->data, LC_CHART_SWELLING) == 0)
    {
      gtk_label_set_text (self->details_label, _("No entries in this period. A longer period shows earlier ones."));
      return;
    }

  if (day == 0 || self->data == NULL)
    {
      gtk_label_set_text (self->details_label,
                          _("Point at a day, or move the focus to a chart and use the arrow keys, to see its values."));
      return;
    }

  text = lc_chart_describe_day (self->data, lc_chart_get_kind (source), lc_chart_get_combined (source), day);
  gtk_label_set_text (self->details_label, text);
}

static void
active_day_cb (LcTrendsPage *self,
               GParamSpec   *pspec,
               LcChart      *source)
{
  guint day = lc_chart_get_active_day (source);

  if (self->syncing)
    return;

  self->syncing = TRUE;
  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    if (chart (self, kind) != source)
      lc_chart_set_active_day (chart (self, kind), day);
  self->syncing = FALSE;

  update_details (self, source);
}

/* --- warning signs -------------------------------------------------------- */

static char *
warning_day (guint32 day_number)
{
  g_autoptr(GDateTime) time = lc_trend_day_to_local (day_number);
  /* TRANSLATORS: a date in the warning, see strftime(3) */
  g_autofree char *day = g_date_time_format (time, C_("warning date", "%-e %B"));

  return g_strdup (g_strstrip (day));
}

/* The earlier difference between the ankles, right minus left */
static char *
describe_ankle_baseline (double right_minus_left_mm)
{
  double cm = ABS (right_minus_left_mm) / 10.0;

  if (cm < 0.05)
    /* TRANSLATORS: the ankles in earlier readings */
    return g_strdup (_("the same"));
  if (right_minus_left_mm > 0)
    /* TRANSLATORS: the ankles in earlier readings */
    return g_strdup_printf (_("the right %.1f cm larger"), cm);
  /* TRANSLATORS: the ankles in earlier readings */
  return g_strdup_printf (_("the left %.1f cm larger"), cm);
}

static char *
red_flag_text (LcRedFlags             flags,
               const LcRedFlagReport *report)
{
  GString *text = g_string_new (NULL);

  if (flags & LC_RED_FLAG_CALF_DIFFERENCE)
    {
      g_autofree char *day = warning_day (report->calf_day);
      double left = report->calf_mm[LC_LEG_LEFT] / 10.0;
      double right = report->calf_mm[LC_LEG_RIGHT] / 10.0;

      g_string_append_printf (text,
                              report->calf_larger == LC_LEG_LEFT
                              ? _("On %s your left calf measured %.1f cm and your right %.1f cm: a difference of %.1f cm. A calf 3 cm or more larger than the other, measured 10 cm below the bump under the kneecap, is a reason to have your legs checked today.")
                              : _("On %s your right calf measured %.1f cm and your left %.1f cm: a difference of %.1f cm. A calf 3 cm or more larger than the other, measured 10 cm below the bump under the kneecap, is a reason to have your legs checked today."),
                              day,
                              report->calf_larger == LC_LEG_LEFT ? left : right,
                              report->calf_larger == LC_LEG_LEFT ? right : left,
                              ABS (left - right));
    }

  if (flags & LC_RED_FLAG_ANKLE_NEW_DIFFERENCE)
    {
      g_autofree char *day = warning_day (report->ankle_day);
      g_autofree char *before = describe_ankle_baseline (report->ankle_baseline_mm);
      double left = report->ankle_mm[LC_LEG_LEFT] / 10.0;
      double right = report->ankle_mm[LC_LEG_RIGHT] / 10.0;

      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* TRANSLATORS: the last %s is e.g. "the left 0.3 cm larger" */
      g_string_append_printf (text,
                              _("On %s your left ankle measured %.1f cm and your right %.1f cm, a clear change from your earlier readings (on average %s). A new difference between the ankles can come from swelling of one leg: if that leg is also painful, warm or red, get medical advice today."),
                              day, left, right, before);
    }

  if (flags & LC_RED_FLAG_ONE_LEG_SWELLING)
    {
      LcLeg leg = report->swelling_leg;

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text,
                              leg == LC_LEG_LEFT
                              ? _("The swelling of your left leg rose from %.1f to %.1f in the last 3 days, while your right leg stayed about the same. Swelling of one leg can be a sign of a blood clot or an infection.")
                              : _("The swelling of your right leg rose from %.1f to %.1f in the last 3 days, while your left leg stayed about the same. Swelling of one leg can be a sign of a blood clot or an infection."),
                              report->swelling_baseline[leg], report->swelling_recent[leg]);
    }

  return g_string_free (text, FALSE);
}

static void
update_red_flags (LcTrendsPage *self)
{
  LcRedFlagReport report = { 0 };
  LcRedFlags shown;
  g_autofree char *text = NULL;

  shown = lc_trend_red_flags_to_show ((const LcDayAggregate *) (gpointer) self->days->data, self->days->len,
                                      self->today, g_settings_get_uint (self->settings, "red-flags-acknowledged"),
                                      &report);
  gtk_widget_set_visible (self->red_flag_box, shown != LC_RED_FLAG_NONE);
  if (shown == LC_RED_FLAG_NONE)
    return;

  text = red_flag_text (shown, &report);
  gtk_label_set_text (self->red_flag_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->red_flag_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* What Undo of hiding the warning needs: the page may be gone by then. */
typedef struct
{
  GWeakRef page;
  guint    previous;      /* the day acknowledged before */
} UndoAcknowledge;

static void
undo_acknowledge_free (gpointer  data,
                       GClosure *closure)
{
  UndoAcknowledge *undo = data;

  g_weak_ref_clear (&undo->page);
  g_free (undo);
}

static void
undo_acknowledge_cb (AdwToast        *toast,
                     UndoAcknowledge *undo)
{
  g_autoptr(LcTrendsPage) self = g_weak_ref_get (&undo->page);

  if (self == NULL)
    return;

  g_settings_set_uint (self->settings, "red-flags-acknowledged", undo->previous);
  update_red_flags (self);
}

static void
acknowledge_cb (LcTrendsPage *self)
{
  AdwToast *toast;
  UndoAcknowledge *undo = g_new0 (UndoAcknowledge, 1);

  g_weak_ref_init (&undo->page, self);
  undo->previous = g_settings_get_uint (self->settings, "red-flags-acknowledged");
  g_settings_set_uint (self->settings, "red-flags-acknowledged", self->today);
  update_red_flags (self);

  toast = adw_toast_new (_("Warning hidden while it lasts"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_acknowledge_cb), undo,
                         undo_acknowledge_free, 0);
  lc_show_toast (GTK_WIDGET (self), toast);
}

/* --- insights ------------------------------------------------------------- */

/* Observations about the period shown that its figures don't say: its
 * mornings against its evenings, and the routines done in it */
/* The entries of the shown period, for the observations and the time of
 * day: read again only when the period or the diary changed */
static void
update_entries (LcTrendsPage *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;

  if (self->entries != NULL && self->entries_period.first_day == self->period.first_day &&
      self->entries_period.last_day == self->period.last_day)
    return;

  first = lc_trend_day_to_local (self->period.first_day);
  last = lc_trend_day_to_local (self->period.last_day);
  next = g_date_time_add_days (last, 1);
  from = g_date_time_new_local (g_date_time_get_year (first), g_date_time_get_month (first),
                                g_date_time_get_day_of_month (first), 0, 0, 0);
  to = g_date_time_new_local (g_date_time_get_year (next), g_date_time_get_month (next),
                              g_date_time_get_day_of_month (next), 0, 0, 0);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = lc_diary_list_entries (self->diary, g_date_time_to_unix (from), g_date_time_to_unix (to), &error);
  if (self->entries == NULL)
    {
      g_warning ("Could not read the period's entries: %s", error->message);
      self->entries = g_ptr_array_new ();
    }
  self->entries_period = self->period;
}

static void
update_insights (LcTrendsPage *self)
{
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  gtk_list_box_remove_all (self->insights_list);

  insights = lc_trend_period_insights (self->entries, self->sessions, tz, self->period.first_day,
                                       self->period.last_day, LC_TREND_VOICE_USER);
  for (guint i = 0; i < insights->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (insights, i));
      gtk_list_box_append (self->insights_list, row);
    }

  if (insights->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Not enough entries or rated sessions in this period for observations"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->insights_list, row);
    }
}

/* --- loading -------------------------------------------------------------- */

/* --- the period in figures --------------------------------------------------- */

static GtkWidget *
summary_card (const char *title,
              const char *value,
              const char *note)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "summary-card");

  /* Narrow enough that two cards share a line on a phone: the labels wrap */
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (note);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, note != NULL && *note != '\0');
  gtk_box_append (GTK_BOX (card), label);

  return card;
}

/* A 0-10 score's mean against the period before */
static char *
describe_score_change (const LcTrendMean *before,
                       const LcTrendMean *now,
                       const char        *previous_name)
{
  if (previous_name == NULL || now->n == 0)
    return NULL;

  switch (lc_trend_score_change (before, now))
    {
    case LC_TREND_CHANGE_LOWER:
      /* TRANSLATORS: e.g. "1.2 lower than in October 2026" */
      return g_strdup_printf (_("%.1f lower than in %s"), round (before->mean * 10) / 10 - round (now->mean * 10) / 10,
                              previous_name);
    case LC_TREND_CHANGE_HIGHER:
      /* TRANSLATORS: e.g. "1.2 higher than in October 2026" */
      return g_strdup_printf (_("%.1f higher than in %s"), round (now->mean * 10) / 10 - round (before->mean * 10) / 10,
                              previous_name);
    case LC_TREND_CHANGE_NONE:
      /* TRANSLATORS: e.g. "No clear change from October 2026 (4.3)" */
      return g_strdup_printf (_("No clear change from %s (%.1f)"), previous_name, before->mean);
    case LC_TREND_CHANGE_UNKNOWN:
    default:
      /* TRANSLATORS: e.g. "Too few entries in October 2026 to compare" */
      return g_strdup_printf (_("Too few entries in %s to compare"), previous_name);
    }
}

static void
add_score_card (LcTrendsPage         *self,
                const char           *title,
                const LcTrendMean    *now,
                const LcTrendMean    *before,
                const char           *previous_name)
{
  g_autofree char *value = now->n > 0 ? g_strdup_printf ("%.1f", now->mean) : g_strdup ("—");
  g_autofree char *note = now->n > 0 ? describe_score_change (before, now, previous_name)
                                     : g_strdup (_("No entries in this period"));

  adw_wrap_box_append (self->summary_box, summary_card (title, value, note));
}

/* Both legs as one: the mean of the two legs' means, on as many values as
 * the leg with fewer */
static LcTrendMean
combine (const LcTrendMean *left,
         const LcTrendMean *right)
{
  if (left->n == 0)
    return *right;
  if (right->n == 0)
    return *left;
  return (LcTrendMean) { MIN (left->n, right->n), (left->mean + right->mean) / 2 };
}

static void
update_summary (LcTrendsPage *self,
                gboolean      combined)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const LcDayAggregate *days = (const LcDayAggregate *) (gpointer) self->days->data;
  g_autofree char *previous_name = NULL;
  LcTrendSummary now;
  LcTrendSummary before = { 0 };
  guint32 end = MIN (self->period.last_day, self->today);
  static const struct { LcMeasure left; LcMeasure right; const char *title[3]; } scores[] = {
    { LC_MEASURE_HEAVINESS_LEFT, LC_MEASURE_HEAVINESS_RIGHT,
      { N_("Heaviness, Left Leg"), N_("Heaviness, Right Leg"), N_("Heaviness, Both Legs") } },
    { LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT,
      { N_("Swelling, Left Leg"), N_("Swelling, Right Leg"), N_("Swelling, Both Legs") } },
  };

  gtk_widget_set_visible (GTK_WIDGET (self->summary_box), FALSE);
  for (GtkWidget *card; (card = gtk_widget_get_first_child (GTK_WIDGET (self->summary_box))) != NULL;)
    adw_wrap_box_remove (self->summary_box, card);

  lc_trend_summarize (days, self->days->len, self->sessions, tz, self->period.first_day, end, &now);
  if (self->period.kind != LC_PERIOD_ALL)
    {
      LcPeriod previous = lc_period_step (&self->period, -1, self->first_weekday);

      lc_trend_summarize (days, self->days->len, self->sessions, tz, previous.first_day, previous.last_day, &before);
      previous_name = lc_period_format (&previous);
    }

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      if (combined)
        {
          LcTrendMean both_now = combine (&now.means[scores[i].left], &now.means[scores[i].right]);
          LcTrendMean both_before = combine (&before.means[scores[i].left], &before.means[scores[i].right]);

          add_score_card (self, _(scores[i].title[2]), &both_now, &both_before, previous_name);
        }
      else
        {
          add_score_card (self, _(scores[i].title[0]), &now.means[scores[i].left], &before.means[scores[i].left],
                          previous_name);
          add_score_card (self, _(scores[i].title[1]), &now.means[scores[i].right], &before.means[scores[i].right],
                          previous_name);
        }
    }

  /* The legs against each other: heaviness, as shown to one decimal */
  if (!combined && now.means[LC_MEASURE_HEAVINESS_LEFT].n > 0 && now.means[LC_MEASURE_HEAVINESS_RIGHT].n > 0)
    {
      double difference = round (now.means[LC_MEASURE_HEAVINESS_RIGHT].mean * 10) / 10 -
                          round (now.means[LC_MEASURE_HEAVINESS_LEFT].mean * 10) / 10;
      g_autofree char *value = g_strdup_printf ("%.1f", ABS (difference));
      const char *note;

      if (ABS (difference) < LC_TREND_CLEAR_CHANGE - 0.05)
        note = _("No clear difference between the legs");
      else if (difference > 0)
        note = _("The right leg felt heavier");
      else
        note = _("The left leg felt heavier");
      adw_wrap_box_append (self->summary_box, summary_card (_("Heaviness, Left and Right"), value, note));
    }

  /* Heaviness in the evening against the morning, when both have enough
   * scores (as the observations): both legs' scores counted */
  {
    LcTimeOfDay times;

    lc_trend_time_of_day (self->entries, tz, &times);
    if (times.morning_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY && times.evening_heaviness.n >= LC_TREND_MIN_TIME_OF_DAY)
      {
        double evening = round (times.evening_heaviness.mean * 10) / 10;
        double morning = round (times.morning_heaviness.mean * 10) / 10;
        double difference = evening - morning;
        g_autofree char *value = lc_format_change (difference);
        g_autofree char *note = NULL;

        if (ABS (difference) < LC_TREND_CLEAR_CHANGE - 0.05)
          /* TRANSLATORS: mean heaviness in the evenings and in the mornings */
          note = g_strdup_printf (_("No clear difference: %.1f in the evening, %.1f in the morning"), evening, morning);
        else
          /* TRANSLATORS: mean heaviness in the evenings and in the mornings */
          note = g_strdup_printf (_("%.1f in the evening, %.1f in the morning"), evening, morning);
        adw_wrap_box_append (self->summary_box, summary_card (_("Heaviness, Evening Against Morning"), value, note));
      }
  }

  {
    g_autofree char *value = g_strdup_printf ("%u", now.days_logged);
    /* TRANSLATORS: days logged, e.g. "of 30 days"; the number of days in
     * the period up to today */
    g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %u day", "of %u days",
                                                          end - self->period.first_day + 1),
                                             end - self->period.first_day + 1);

    adw_wrap_box_append (self->summary_box, summary_card (_("Days Logged"), value, note));
  }
  {
    g_autofree char *value = g_strdup_printf ("%u", now.sessions);
    /* TRANSLATORS: sessions done, e.g. "on 10 days" */
    g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u day", "on %u days",
                                                          now.session_days),
                                             now.session_days);

    adw_wrap_box_append (self->summary_box, summary_card (_("Sessions"), value, now.sessions > 0 ? note : NULL));
  }
  /* Sitting breaks, apart from the sessions, once there are any */
  if (now.breaks > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", now.breaks);
      /* TRANSLATORS: sitting breaks taken, e.g. "on 10 days" */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u day", "on %u days",
                                                            now.break_days),
                                               now.break_days);

      adw_wrap_box_append (self->summary_box, summary_card (_("Sitting Breaks"), value, note));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->summary_box), TRUE);
}

static void
update_period_actions (LcTrendsPage *self)
{
  gboolean all = self->period.kind == LC_PERIOD_ALL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.previous",
                                 !all && self->period.first_day > first_data_day (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.next", !all && self->period.last_day < self->today);
}

static void
update_range (LcTrendsPage *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *name = NULL;
  gboolean combined;
  guint32 day;
  LcPeriodKind kind = LC_PERIOD_MONTH;

  if (self->days == NULL || self->range_toggles == NULL)
    return;

  lc_period_kind_from_string (adw_toggle_group_get_active_name (self->range_toggles), &kind);
  combined = g_strcmp0 (adw_toggle_group_get_active_name (self->legs_toggles), "combined") == 0;

  /* Another kind of period, or none yet: the one with today. All of the
   * diary grows with it. */
  if (kind != self->period.kind || kind == LC_PERIOD_ALL)
    self->period = lc_period_around (kind, self->today, self->first_weekday, first_data_day (self));

  name = lc_period_format (&self->period);
  gtk_label_set_text (self->period_label, name);
  update_period_actions (self);

  day = lc_chart_get_active_day (self->heaviness_chart);
  g_clear_pointer (&self->data, lc_chart_data_unref);
  self->data = lc_chart_data_new_full (self->days, self->sessions, self->measurements, tz, self->period.first_day,
                                      self->period.last_day);

  /* The chosen day stays chosen if the period shows it. */
  self->syncing = TRUE;
  for (int kind_ = 0; kind_ < LC_N_CHART_KINDS; kind_++)
    {
      lc_chart_set_combined (chart (self, kind_), combined);
      lc_chart_set_data (chart (self, kind_), self->data);
      lc_chart_set_active_day (chart (self, kind_), lc_period_contains (&self->period, day) ? day : 0);
    }
  self->syncing = FALSE;
  gtk_widget_set_visible (self->ankle_box, lc_chart_data_count_days (self->data, LC_CHART_ANKLE) > 0);
  gtk_widget_set_visible (self->calf_box, lc_chart_data_count_days (self->data, LC_CHART_CALF) > 0);
  gtk_widget_set_visible (self->breaks_box, lc_chart_data_count_days (self->data, LC_CHART_BREAKS) > 0);
  gtk_widget_set_visible (self->volume_box, lc_chart_data_count_days (self->data, LC_CHART_VOLUME) > 0);
  /* Only once both legs were measured on a day */
  gtk_widget_set_visible (self->volume_difference_box,
                          lc_chart_data_count_days (self->data, LC_CHART_VOLUME_DIFFERENCE) > 0);
  update_details (self, self->heaviness_chart);
  update_entries (self);
  update_summary (self, combined);
  update_insights (self);
}

static void
step_period (LcTrendsPage *self,
             int           steps)
{
  LcPeriod period = lc_period_step (&self->period, steps, self->first_weekday);

  /* Not past today, nor wholly before the diary's first day */
  if (period.first_day > self->today || period.last_day < first_data_day (self))
    return;
  self->period = period;
  update_range (self);
  /* The keys move no focus: a screen reader is told where they went. */
  lc_announce (GTK_WIDGET (self), gtk_label_get_text (self->period_label));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_period (LC_TRENDS_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_period (LC_TRENDS_PAGE (widget), 1);
}

static void
range_changed_cb (LcTrendsPage *self)
{
  update_range (self);
}

static void
legs_changed_cb (LcTrendsPage *self)
{
  update_range (self);
}

static void
show_error (LcTrendsPage *self,
            const char   *message)
{
  adw_status_page_set_description (self->error_status, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.save-image", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.next", FALSE);
}

/**
 * lc_trends_page_reload:
 *
 * Reads the diary again: call when the page is shown or the diary changed.
 */
void
lc_trends_page_reload (LcTrendsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  gint64 n_entries;
  gboolean any;

  g_return_if_fail (LC_IS_TRENDS_PAGE (self));

  if (self->diary == NULL)
    return;

  self->today = lc_trend_date_time_day (now);
  self->stale = FALSE;
  self->n_reads++;
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->measurements, g_ptr_array_unref);

  n_entries = lc_diary_count_entries (self->diary, &error);
  if (n_entries >= 0)
    self->days = lc_diary_daily_aggregates (self->diary, 0, g_date_time_to_unix (now) + 1, &error);
  if (self->days != NULL)
    self->sessions = lc_diary_list_sessions (self->diary, 0, g_date_time_to_unix (now) + 1, &error);
  if (self->sessions != NULL)
    self->measurements = lc_diary_list_measurements (self->diary, G_MININT64, g_date_time_to_unix (now) + 1, &error);
  if (self->measurements == NULL)
    {
      g_clear_pointer (&self->days, g_array_unref);
      g_clear_pointer (&self->sessions, g_ptr_array_unref);
      show_error (self, error->message);
      /* Tried again when next shown */
      self->stale = TRUE;
      return;
    }

  /* Leg measurements alone are worth their charts and a report */
  any = n_entries > 0 || self->measurements->len > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.report", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.save-image", any);
  if (!any)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  update_range (self);
  update_red_flags (self);
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

/**
 * lc_trends_page_show:
 *
 * Call when the page is shown: reads the diary again if it changed since
 * it was read, or if the day did (ten years of diary take a while to read
 * and to chart: not on every visit).
 */
void
lc_trends_page_show (LcTrendsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (LC_IS_TRENDS_PAGE (self));

  if (self->stale || lc_trend_date_time_day (now) != self->today)
    lc_trends_page_reload (self);
}

/**
 * lc_trends_page_get_n_reads:
 *
 * Returns: how often the page read the diary (for the tests)
 */
guint
lc_trends_page_get_n_reads (LcTrendsPage *self)
{
  g_return_val_if_fail (LC_IS_TRENDS_PAGE (self), 0);
  return self->n_reads;
}

/* Shown: read again now; hidden: when it is next shown. */
static void
diary_changed_cb (LcTrendsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    lc_trends_page_reload (self);
  else
    self->stale = TRUE;
}

/**
 * lc_trends_page_set_diary:
 * @diary: (nullable): the diary, or %NULL when it could not be opened
 * @error: (nullable): why not
 *
 * The page reads the diary when it is shown (lc_trends_page_show()) for
 * the first time or after the diary changed, and at once when the diary
 * changes while the page is shown.
 */
void
lc_trends_page_set_diary (LcTrendsPage *self,
                          LcDiary      *diary,
                          const GError *error)
{
  g_return_if_fail (LC_IS_TRENDS_PAGE (self));

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);
  self->stale = TRUE;
  if (diary != NULL)
    g_signal_connect_object (diary, "changed", G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  if (diary == NULL)
    show_error (self, error != NULL ? error->message : NULL);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    lc_trends_page_reload (self);
}

/* --- exports -------------------------------------------------------------- */

static void
open_saved_cb (AdwToast *toast,
               GFile    *file)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, NULL, NULL, NULL, NULL);
}

typedef struct
{
  LcTrendsPage *self;
  char         *heading;        /* of an error */
  char         *done;           /* the toast */
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_object_unref (save->self);
  g_free (save->heading);
  g_free (save->done);
  g_free (save);
}

static void
saved_cb (GFile        *file,
          GAsyncResult *result,
          SaveData     *save)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    lc_show_error (GTK_WIDGET (save->self), save->heading, error->message);
  else
    {
      AdwToast *toast = adw_toast_new (save->done);

      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_saved_cb), g_object_ref (file),
                             (GClosureNotify) g_object_unref, 0);
      lc_show_toast (GTK_WIDGET (save->self), toast);
    }

  save_data_free (save);
}

static void
save_bytes (LcTrendsPage *self,
            GFile        *file,
            GBytes       *bytes,
            const char   *heading,
            const char   *done)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->self = g_object_ref (self);
  save->heading = g_strdup (heading);
  save->done = g_strdup (done);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       (GAsyncReadyCallback) saved_cb, save);
}

/**
 * lc_trends_page_save_report:
 * @range: the period: "shown" (the one on the page), or ending today:
 *   "2w", "3m", "1y" or "all"
 *
 * Writes the report for the period to @file, on the paper size of the
 * user's locale, with the name from the report-name setting; a toast or an
 * error dialog tells how it went.
 */
void
lc_trends_page_save_report (LcTrendsPage *self,
                            GFile        *file,
                            const char   *range)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  guint32 first_day, last_day;

  g_return_if_fail (LC_IS_TRENDS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->diary == NULL)
    return;

  report_days (self, range, &first_day, &last_day);
  person = g_strstrip (g_settings_get_string (self->settings, "report-name"));
  pdf = lc_report_create_pdf (self->diary, tz, first_day, last_day, person, now, paper, &error);
  if (pdf == NULL)
    {
      lc_show_error (GTK_WIDGET (self), _("The Report Could Not Be Made"), error->message);
      return;
    }

  save_bytes (self, file, pdf, _("The Report Could Not Be Saved"), _("Report saved"));
}

/**
 * lc_trends_page_save_image:
 *
 * Writes the charts as shown (period, legs) to @file as a PNG.
 */
void
lc_trends_page_save_image (LcTrendsPage *self,
                           GFile        *file)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  GskRenderer *renderer;

  g_return_if_fail (LC_IS_TRENDS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->data == NULL || gtk_widget_get_native (GTK_WIDGET (self)) == NULL)
    return;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  png = lc_report_create_png (self->data, lc_chart_get_combined (self->heaviness_chart), renderer, &error);
  if (png == NULL)
    {
      lc_show_error (GTK_WIDGET (self), _("The Image Could Not Be Made"), error->message);
      return;
    }

  save_bytes (self, file, png, _("The Image Could Not Be Saved"), _("Image saved"));
}

static GListModel *
file_filters (const char *name,
              const char *mime_type)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_list_store_append (filters, filter);

  return G_LIST_MODEL (filters);
}

/* The report's way through the period's alert and the file chooser */
typedef struct
{
  LcTrendsPage *self;
  AdwComboRow  *periods;
  const char   *range;
} ReportRequest;

static void
report_request_free (ReportRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->periods);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportRequest, report_request_free)

static void
report_file_cb (GtkFileDialog *dialog,
                GAsyncResult  *result,
                ReportRequest *data)
{
  g_autoptr(ReportRequest) request = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (dialog, result, NULL);

  if (file != NULL)
    lc_trends_page_save_report (request->self, file, request->range);
}

static const char *const range_names[] = { "shown", "2w", "3m", "1y", "all" };

static void
report_period_cb (AdwAlertDialog *alert,
                  GAsyncResult   *result,
                  ReportRequest  *data)
{
  g_autoptr(ReportRequest) request = data;
  const char *response = adw_alert_dialog_choose_finish (alert, result);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  guint period = adw_combo_row_get_selected (request->periods);

  if (g_strcmp0 (response, "save") != 0 || period >= G_N_ELEMENTS (range_names))
    return;

  dialog = gtk_file_dialog_new ();
  filters = file_filters (_("PDF Documents"), "application/pdf");
  now = g_date_time_new_now_local ();
  /* TRANSLATORS: the report's file name, see strftime(3); keep .pdf */
  name = g_date_time_format (now, _("leg-care-report-%Y-%m-%d.pdf"));
  gtk_file_dialog_set_title (dialog, _("Save Report"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  request->range = range_names[period];
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (request->self))), NULL,
                        (GAsyncReadyCallback) report_file_cb, g_steal_pointer (&request));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcTrendsPage *self = LC_TRENDS_PAGE (widget);
  g_autofree char *shown = lc_period_format (&self->period);
  /* TRANSLATORS: the report's first choice of period: the one on the
   * Trends page, such as "November 2026" */
  g_autofree char *this_period = g_strdup_printf (_("As Shown: %s"), shown);
  const char *const periods[] = {
    this_period, _("Last 2 Weeks"), _("Last 3 Months"), _("Last Year"), _("The Whole Diary"), NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (periods);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint;
  AdwDialog *alert;
  ReportRequest *request;

  G_STATIC_ASSERT (G_N_ELEMENTS (periods) == G_N_ELEMENTS (range_names) + 1);

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), C_("time range", "Period"));
  /* The choice under the title, where a long one has the row's width */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  /* Kept for the next report; on this computer only. An entry row's title
   * does not wrap: a short one, and what it is for in a label that does */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Your Name"));
  lc_entry_rows_name_once (name);
  g_settings_bind (self->settings, "report-name", name, "text", G_SETTINGS_BIND_DEFAULT);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  hint = gtk_label_new (_("Optional: printed at the top of the report."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL, -1);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);

  alert = adw_alert_dialog_new (_("Report for Your Doctor"),
                                _("A PDF with a summary per leg, the charts, any warning signs, your sessions and your entries in the period."));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), box);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "save", _("_Save…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "save");

  request = g_new0 (ReportRequest, 1);
  request->self = g_object_ref (self);
  request->periods = ADW_COMBO_ROW (g_object_ref (combo));
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), widget, NULL, (GAsyncReadyCallback) report_period_cb,
                           request);
}

static void
image_file_cb (GtkFileDialog *dialog,
               GAsyncResult  *result,
               LcTrendsPage  *self)
{
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (dialog, result, NULL);

  if (file != NULL)
    lc_trends_page_save_image (self, file);
  g_object_unref (self);
}

static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = file_filters (_("PNG Images"), "image/png");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* TRANSLATORS: the charts' image file name, see strftime(3); keep .png */
  g_autofree char *name = g_date_time_format (now, _("leg-care-charts-%Y-%m-%d.png"));

  gtk_file_dialog_set_title (dialog, _("Save Charts as Image"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        (GAsyncReadyCallback) image_file_cb, g_object_ref (widget));
}

/* --- GObject -------------------------------------------------------------- */

/* trends-combined (boolean) <-> the legs toggles' active name */
static gboolean
combined_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_boolean (variant) ? "combined" : "separate");

  return TRUE;
}

static GVariant *
combined_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_boolean (g_strcmp0 (g_value_get_string (value), "combined") == 0);
}

static void
lc_trends_page_dispose (GObject *object)
{
  LcTrendsPage *self = LC_TRENDS_PAGE (object);

  /* Unbind the settings before the toggles go (with AdwBin's child). */
  g_clear_object (&self->settings);
  g_clear_object (&self->diary);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->measurements, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->data, lc_chart_data_unref);

  G_OBJECT_CLASS (lc_trends_page_parent_class)->dispose (object);
}

/**
 * lc_trends_page_set_compact:
 * @compact: whether the page is narrower than the labels of its period
 *   and legs toggles (a narrow window with large text): drop-downs take
 *   their place
 */
void
lc_trends_page_set_compact (LcTrendsPage *self,
                            gboolean      compact)
{
  g_return_if_fail (LC_IS_TRENDS_PAGE (self));

  compact = !!compact;
  if (compact == gtk_widget_get_visible (GTK_WIDGET (self->range_dropdown)))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->range_toggles), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->range_dropdown), compact);
  gtk_widget_set_visible (GTK_WIDGET (self->legs_toggles), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->legs_dropdown), compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPACT]);
}

static void
lc_trends_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcTrendsPage *self = LC_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->range_dropdown)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_trends_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LcTrendsPage *self = LC_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      lc_trends_page_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_trends_page_class_init (LcTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_trends_page_dispose;
  object_class->get_property = lc_trends_page_get_property;
  object_class->set_property = lc_trends_page_set_property;

  /**
   * LcTrendsPage:compact:
   *
   * Drop-downs for the period and the legs, in place of their toggles.
   */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, red_flag_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, red_flag_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, red_flag_advice_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, range_toggles);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, legs_toggles);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, heaviness_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, swelling_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, ankle_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, ankle_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, calf_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, calf_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, breaks_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, breaks_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, volume_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, volume_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, volume_difference_chart);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, volume_difference_box);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, insights_list);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LcTrendsPage, acknowledge_button);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, legs_changed_cb);

  gtk_widget_class_install_action (widget_class, "trends.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "trends.save-image", NULL, save_image_action);
  gtk_widget_class_install_action (widget_class, "trends.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "trends.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "trends.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "trends.next", NULL);
}

static void
lc_trends_page_init (LcTrendsPage *self)
{
  g_autofree char *advice = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->period.kind = LC_N_PERIOD_KINDS;
  self->first_weekday = lc_period_locale_first_weekday ();

  /* Translators: %s is the emergency number of the user's country ("112",
   * "999", "911") or "your local emergency number" */
  advice = g_strdup_printf (_("Contact a doctor today if one leg is swollen, painful, warm, or red or darker than the other, or if its veins feel hard and sore. Do not massage that leg until a doctor has seen it. Call %s if you are short of breath, have chest pain that is worse when you breathe in, cough up blood or feel faint."),
                            lc_format_emergency_number ());
  gtk_label_set_text (self->red_flag_advice_label, advice);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "trends-range", self->range_toggles, "active-name", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "trends-combined", self->legs_toggles, "active-name",
                                G_SETTINGS_BIND_DEFAULT, combined_get_mapping, combined_set_mapping, NULL, NULL);
  /* After the settings: they start in step with the toggles */
  self->range_dropdown = lc_toggles_dropdown_new (self->range_toggles, C_("time range", "Period"));
  self->legs_dropdown = lc_toggles_dropdown_new (self->legs_toggles, _("Legs"));

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    g_signal_connect_object (chart (self, kind), "notify::active-day", G_CALLBACK (active_day_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.save-image", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.next", FALSE);
}
