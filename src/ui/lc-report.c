/* lc-report.c: the report for the doctor (PDF) and the charts as an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is drawn with cairo and Pango on a PDF surface, page by page,
 * for a clinician who has a minute: whose diary, the period and when it
 * was made, a summary table per leg, the warning signs checked for, the
 * charts (drawn by LcChart into render nodes and those onto the page);
 * then the observations in words (about the person, in the third person),
 * sessions per week, the before/after ratings per routine and the table of
 * entries. Text wraps and is never cut.
 */

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lc-error.h"
#include "lc-format.h"
#include "lc-limb-volume.h"
#include "lc-report.h"
#include "lc-trend.h"

#define MARGIN        48.0
#define BODY_FONT     "Sans 9"
#define SMALL_FONT    "Sans 7.5"
#define HEADING_FONT  "Sans Bold 12"
#define TITLE_FONT    "Sans Bold 18"
#define CHART_HEIGHT  150.f
#define NOTE_INDENT   12.0

typedef struct
{
  cairo_t      *cr;
  PangoContext *pango;
  double        width;       /* of the page, in points */
  double        height;
  double        y;           /* where the next line goes */
  guint         page;
} Report;

/* --- pages and text ------------------------------------------------------- */

static double
content_width (Report *report)
{
  return report->width - 2 * MARGIN;
}

static void
footer (Report *report)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (report->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SMALL_FONT);
  g_autofree char *text = g_strdup_printf (_("Leg Care · page %u"), report->page);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (report->cr, 0.4, 0.4, 0.4);
  cairo_move_to (report->cr, report->width - MARGIN - w, report->height - MARGIN / 2 - h);
  pango_cairo_show_layout (report->cr, layout);
}

static void
new_page (Report *report)
{
  footer (report);
  cairo_show_page (report->cr);
  report->page++;
  report->y = MARGIN;
}

/* Makes room for @height more points, on a new page if needed. */
static gboolean
need (Report *report,
      double  height)
{
  if (report->y + height <= report->height - MARGIN)
    return FALSE;

  new_page (report);
  return TRUE;
}

static PangoLayout *
layout_new (Report     *report,
            const char *font,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (report->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

/* A paragraph; returns its height. */
static double
paragraph (Report     *report,
           const char *font,
           const char *text,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (report, font, text, content_width (report));
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  need (report, h);
  cairo_set_source_rgb (report->cr, 0.12, 0.12, 0.12);
  cairo_move_to (report->cr, MARGIN, report->y);
  pango_cairo_show_layout (report->cr, layout);
  report->y += h + space_after;

  return h;
}

static void
heading (Report     *report,
         const char *text)
{
  /* A heading never stays alone at the bottom of a page. */
  need (report, 60);
  report->y += 6;
  paragraph (report, HEADING_FONT, text, 6);
}

static char *
format_day (guint32     day,
            const char *format)
{
  g_autoptr(GDateTime) time = lc_trend_day_to_local (day);

  return g_strstrip (g_date_time_format (time, format));
}

/* --- tables --------------------------------------------------------------- */

typedef struct
{
  const char *title;
  double      width;          /* share of the content width */
  gboolean    numeric;        /* right-aligned */
} Column;

/* Lines break between words. A word longer than the width (a German
 * column title, say) makes the text smaller, down to three quarters; only
 * then does it break inside the word. */
static void
fit_words (PangoLayout *layout,
           double       width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (layout));
  int size = pango_font_description_get_size (font);
  int lw, lh;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (int smaller = size; ; smaller -= PANGO_SCALE / 4)
    {
      pango_layout_get_pixel_size (layout, &lw, &lh);
      if (lw <= width + 0.5)
        return;
      if (smaller - PANGO_SCALE / 4 < size * 3 / 4)
        break;
      pango_font_description_set_size (font, smaller - PANGO_SCALE / 4);
      pango_layout_set_font_description (layout, font);
    }
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
}

/* Room between a right-aligned number and the text of the next column */
static double
gap_before (const Column *columns,
            guint         i)
{
  return i > 0 && columns[i - 1].numeric && !columns[i].numeric ? 8 : 0;
}

static void table_header (Report       *report,
                          const Column *columns,
                          guint         n_columns);

/* A row of cells that wrap (never cut: every word of a tag or a note is
 * in the report) and, when @below is given, a line of text across the
 * table under them, such as an entry's note. A body row goes whole onto
 * a new page, under the header again, when it doesn't fit. */
static void
table_row (Report       *report,
           const Column *columns,
           guint         n_columns,
           const char  **cells,
           const char   *below,
           gboolean      header)
{
  PangoLayout *layouts[12];
  g_autoptr(PangoLayout) note = NULL;
  double cells_height = 0, height;
  double x = MARGIN;

  g_assert (n_columns <= G_N_ELEMENTS (layouts));

  for (guint i = 0; i < n_columns; i++)
    {
      double w = columns[i].width * content_width (report) - 6 - gap_before (columns, i);
      int lw, lh;

      layouts[i] = layout_new (report, header ? "Sans Bold 8" : "Sans 8", cells[i] != NULL ? cells[i] : "", w);
      pango_layout_set_alignment (layouts[i], columns[i].numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      fit_words (layouts[i], w);
      pango_layout_get_pixel_size (layouts[i], &lw, &lh);
      cells_height = MAX (cells_height, lh);
    }
  cells_height += 4;
  height = cells_height;

  if (below != NULL && below[0] != '\0')
    {
      int nw, nh;

      note = layout_new (report, "Sans Italic 8", below, content_width (report) - NOTE_INDENT);
      pango_layout_get_pixel_size (note, &nw, &nh);
      height += nh + 3;
    }

  if (!header && need (report, height))
    table_header (report, columns, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      cairo_set_source_rgb (report->cr, 0.12, 0.12, 0.12);
      cairo_move_to (report->cr, x + gap_before (columns, i), report->y + 2);
      pango_cairo_show_layout (report->cr, layouts[i]);
      x += columns[i].width * content_width (report);
      g_object_unref (layouts[i]);
    }
  if (note != NULL)
    {
      cairo_set_source_rgb (report->cr, 0.25, 0.25, 0.25);
      cairo_move_to (report->cr, MARGIN + NOTE_INDENT, report->y + cells_height);
      pango_cairo_show_layout (report->cr, note);
    }

  report->y += height;
  cairo_set_source_rgba (report->cr, 0, 0, 0, header ? 0.5 : 0.12);
  cairo_set_line_width (report->cr, header ? 0.8 : 0.4);
  cairo_move_to (report->cr, MARGIN, report->y);
  cairo_line_to (report->cr, report->width - MARGIN, report->y);
  cairo_stroke (report->cr);
}

static void
table_header (Report       *report,
              const Column *columns,
              guint         n_columns)
{
  const char *titles[12];

  for (guint i = 0; i < n_columns; i++)
    titles[i] = columns[i].title;
  /* A header of up to three lines, and room for its first row */
  need (report, 72);
  table_row (report, columns, n_columns, titles, NULL, TRUE);
}

static void
table_body_row (Report       *report,
                const Column *columns,
                guint         n_columns,
                const char  **cells)
{
  table_row (report, columns, n_columns, cells, NULL, FALSE);
}

/* --- sections ------------------------------------------------------------- */

static char *
format_score (int score)
{
  return score == LC_SCORE_NONE ? g_strdup ("–") : g_strdup_printf ("%d", score);
}

static char *
format_pair (const int *values)
{
  g_autofree char *left = format_score (values[LC_LEG_LEFT]);
  g_autofree char *right = format_score (values[LC_LEG_RIGHT]);

  /* TRANSLATORS: left and right leg's scores in the report's table */
  return g_strdup_printf (C_("left / right", "%s / %s"), left, right);
}

/* Left / right in centimetres, "–" for none (LC_ANKLE_NONE and
 * LC_CALF_NONE are 0) */
static char *
format_circumferences (const int *mm)
{
  g_autofree char *left = mm[LC_LEG_LEFT] != 0 ? g_strdup_printf ("%.1f", mm[LC_LEG_LEFT] / 10.0) : g_strdup ("–");
  g_autofree char *right = mm[LC_LEG_RIGHT] != 0 ? g_strdup_printf ("%.1f", mm[LC_LEG_RIGHT] / 10.0) : g_strdup ("–");

  G_STATIC_ASSERT (LC_ANKLE_NONE == 0 && LC_CALF_NONE == 0);

  return g_strdup_printf (C_("left / right", "%s / %s"), left, right);
}

static char *
format_tags (LcTags     tags,
             LcPosition position)
{
  GString *text = g_string_new (NULL);

  /* How the legs were placed for the tape, first */
  if (position == LC_POSITION_SITTING)
    g_string_append (text, C_("report table, how the legs were for the tape", "Sitting"));
  else if (position == LC_POSITION_LYING)
    g_string_append (text, C_("report table, how the legs were for the tape", "Lying"));

  for (guint i = 0; i < LC_N_TAGS; i++)
    {
      if ((tags & (1u << i)) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, lc_tag_get_label (1u << i));
    }

  return g_string_free (text, FALSE);
}

/* A measure's mean and range in the period: "4.2 (2–7)"; circumferences
 * in centimetres: "23.4 (23.0–24.1)" */
static char *
format_mean_range (const LcTrendSummary *summary,
                   LcMeasure             measure,
                   gboolean              circumference)
{
  double scale = circumference ? 10 : 1;

  if (summary->means[measure].n == 0)
    return g_strdup ("—");
  if (circumference)
    /* TRANSLATORS: a mean and, in brackets, the lowest and highest value */
    return g_strdup_printf (C_("report mean and range", "%.1f (%.1f–%.1f)"), summary->means[measure].mean / scale,
                            summary->min[measure] / scale, summary->max[measure] / scale);
  return g_strdup_printf (C_("report mean and range", "%.1f (%.0f–%.0f)"), summary->means[measure].mean,
                          summary->min[measure], summary->max[measure]);
}

/* Left / right means of the period before, "—" for a leg without values */
static char *
format_mean_pair (const LcTrendSummary *summary,
                  LcMeasure             left,
                  LcMeasure             right,
                  gboolean              circumference)
{
  double scale = circumference ? 10 : 1;
  g_autofree char *l = summary->means[left].n > 0 ? g_strdup_printf ("%.1f", summary->means[left].mean / scale)
                                                  : g_strdup ("—");
  g_autofree char *r = summary->means[right].n > 0 ? g_strdup_printf ("%.1f", summary->means[right].mean / scale)
                                                   : g_strdup ("—");

  return g_strdup_printf (C_("left / right", "%s / %s"), l, r);
}

/* Left / right change of the mean from the period before to this one,
 * "—" for a leg without values in either */
static char *
format_change_pair (const LcTrendSummary *now,
                    const LcTrendSummary *before,
                    LcMeasure             left,
                    LcMeasure             right,
                    gboolean              circumference)
{
  double scale = circumference ? 10 : 1;
  const LcMeasure measures[LC_N_LEGS] = { left, right };
  char *text[LC_N_LEGS];
  char *pair;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      LcMeasure m = measures[leg];

      text[leg] = now->means[m].n > 0 && before->means[m].n > 0
                  ? lc_format_change ((now->means[m].mean - before->means[m].mean) / scale)
                  : g_strdup ("—");
    }
  pair = g_strdup_printf (C_("left / right", "%s / %s"), text[LC_LEG_LEFT], text[LC_LEG_RIGHT]);
  g_free (text[LC_LEG_LEFT]);
  g_free (text[LC_LEG_RIGHT]);

  return pair;
}

/* Page 1's table: each measure's mean and range per leg in the period,
 * the means of the period of the same length before it and the change
 * from them; then the days logged and the sessions. */
static void
summary_section (Report               *report,
                 const LcDayAggregate *days,
                 guint                 n_days,
                 GPtrArray            *sessions,
                 GTimeZone            *tz,
                 guint32               first_day,
                 guint32               last_day)
{
  const Column columns[] = {
    { C_("report summary", "Measure"), 0.24, FALSE },
    { C_("report summary", "Left"), 0.19, TRUE },
    { C_("report summary", "Right"), 0.19, TRUE },
    { C_("report summary", "Period before, left / right"), 0.19, TRUE },
    { C_("report summary", "Change, left / right"), 0.19, TRUE },
  };
  static const struct { LcMeasure left; LcMeasure right; gboolean circumference; const char *title; } rows[] = {
    { LC_MEASURE_HEAVINESS_LEFT, LC_MEASURE_HEAVINESS_RIGHT, FALSE, NC_("report summary", "Heaviness (0–10)") },
    { LC_MEASURE_SWELLING_LEFT, LC_MEASURE_SWELLING_RIGHT, FALSE, NC_("report summary", "Swelling (0–10)") },
    { LC_MEASURE_ANKLE_LEFT, LC_MEASURE_ANKLE_RIGHT, TRUE, NC_("report summary", "Ankle (cm)") },
    { LC_MEASURE_CALF_LEFT, LC_MEASURE_CALF_RIGHT, TRUE, NC_("report summary", "Calf (cm)") },
  };
  guint n = last_day - first_day + 1;
  LcTrendSummary now, before;
  g_autofree char *totals = NULL;
  g_autofree char *sessions_text = NULL;

  lc_trend_summarize (days, n_days, sessions, tz, first_day, last_day, &now);
  lc_trend_summarize (days, n_days, sessions, tz, first_day > n ? first_day - n : 0, first_day - 1, &before);

  heading (report, C_("report", "Summary"));
  table_header (report, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *left = format_mean_range (&now, rows[i].left, rows[i].circumference);
      g_autofree char *right = format_mean_range (&now, rows[i].right, rows[i].circumference);
      g_autofree char *earlier = format_mean_pair (&before, rows[i].left, rows[i].right, rows[i].circumference);
      g_autofree char *change = format_change_pair (&now, &before, rows[i].left, rows[i].right,
                                                    rows[i].circumference);
      const char *cells[] = { g_dpgettext2 (NULL, "report summary", rows[i].title), left, right, earlier, change };

      table_body_row (report, columns, G_N_ELEMENTS (columns), cells);
    }

  /* TRANSLATORS: the days of the report's period with at least one entry */
  totals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Days with entries: %u of %u.", "Days with entries: %u of %u.", n),
                            now.days_logged, n);
  /* TRANSLATORS: sessions in the report's period with at least one step
   * done, the number of days they were done on, then how many that is a
   * week on average; the plural follows the number of days */
  sessions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sessions with at least one step done: %u, on %u day (%.1f a week on average).",
                                                "Sessions with at least one step done: %u, on %u days (%.1f a week on average).",
                                                now.session_days),
                                   now.sessions, now.session_days, now.sessions * 7.0 / n);
  report->y += 4;
  paragraph (report, BODY_FONT, totals, 2);
  paragraph (report, BODY_FONT, sessions_text, now.breaks > 0 ? 2 : 4);
  if (now.breaks > 0)
    {
      g_autofree char *breaks_text = NULL;

      /* TRANSLATORS: two-minute breaks from sitting (a built-in routine) in the
       * report's period, and the number of days they were taken on; the plural
       * follows the number of days */
      breaks_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sitting breaks (two-minute leg exercises): %u, on %u day.",
                                                  "Sitting breaks (two-minute leg exercises): %u, on %u days.",
                                                  now.break_days),
                                     now.breaks, now.break_days);
      paragraph (report, BODY_FONT, breaks_text, 4);
    }
  paragraph (report, SMALL_FONT,
             _("Means per leg of all entries in the period, with the lowest and highest value entered in brackets. The period before is the same number of days just before this one; a change of less than 1 point in a 0–10 score is no clear change."),
             10);
}

static void
red_flags_section (Report               *report,
                   const LcDayAggregate *days,
                   guint                 n_days,
                   guint32               first_day,
                   guint32               last_day)
{
  static const LcRedFlags kinds[] = {
    LC_RED_FLAG_CALF_DIFFERENCE, LC_RED_FLAG_ANKLE_NEW_DIFFERENCE, LC_RED_FLAG_ONE_LEG_SWELLING,
  };
  gboolean any = FALSE;

  heading (report, _("Warning Signs"));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint32 start = 0;

      /* Episodes: runs of days on which the rule held */
      for (guint32 day = first_day; day <= last_day + 1; day++)
        {
          LcRedFlagReport flags = { 0 };
          gboolean on = FALSE;

          if (day <= last_day)
            {
              lc_trend_red_flags_on (days, n_days, day, &flags);
              on = (flags.flags & kinds[k]) != 0;
            }

          if (on && start == 0)
            start = day;
          else if (!on && start != 0)
            {
              g_autofree char *from = format_day (start, C_("report date", "%-e %B %Y"));
              g_autofree char *to = format_day (day - 1, C_("report date", "%-e %B %Y"));
              g_autofree char *text = NULL;

              if (kinds[k] == LC_RED_FLAG_CALF_DIFFERENCE)
                text = g_strdup_printf (_("• %s to %s: the calves differed by 3 cm or more."), from, to);
              else if (kinds[k] == LC_RED_FLAG_ANKLE_NEW_DIFFERENCE)
                text = g_strdup_printf (_("• %s to %s: the ankles differed by 1 cm or more from their difference in earlier readings."),
                                        from, to);
              else
                text = g_strdup_printf (_("• %s to %s: one leg’s swelling score rose by 3 points or more within 3 days while the other leg’s did not."),
                                        from, to);
              paragraph (report, BODY_FONT, text, 2);
              start = 0;
              any = TRUE;
            }
        }
    }

  if (!any)
    paragraph (report, BODY_FONT, _("None found in this period."), 2);
  paragraph (report, SMALL_FONT,
             _("Checked on every day of the period: a calf 3 cm or more larger than the other (measured 10 cm below the bump under the kneecap), a difference between the ankles 1 cm or more away from their difference in earlier readings, and one leg’s swelling score rising by 3 points or more within 3 days while the other leg’s did not. This rules nothing out: one leg that is painful, warm or red needs medical advice whatever the numbers."),
             2);
  report->y += 6;
}

static void
insights_section (Report    *report,
                  GPtrArray *entries,
                  GPtrArray *sessions,
                  GTimeZone *tz,
                  guint32    first_day,
                  guint32    last_day)
{
  g_autoptr(GPtrArray) insights = lc_trend_period_insights (entries, sessions, tz, first_day, last_day,
                                                            LC_TREND_VOICE_REPORT);

  heading (report, _("Observations"));
  if (insights->len == 0)
    paragraph (report, BODY_FONT, _("Not enough entries in this period to compare times of day or sessions."), 2);
  for (guint i = 0; i < insights->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("• %s", (const char *) g_ptr_array_index (insights, i));

      paragraph (report, BODY_FONT, text, 3);
    }
  report->y += 6;
}

/* One chart under its title; returns the height drawn. */
static float
draw_chart (GtkSnapshot        *snapshot,
            PangoContext       *pango,
            LcChartData        *data,
            LcChartKind         kind,
            gboolean            combined,
            const LcChartStyle *style,
            float               width)
{
  g_autoptr(PangoLayout) title = pango_layout_new (pango);
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (pango_context_get_font_description (pango));
  int tw, th;

  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (title, bold);
  pango_layout_set_text (title,
                         kind == LC_CHART_ANKLE ? _("Ankle Circumference (cm)")
                         : kind == LC_CHART_CALF ? _("Calf Circumference, 10 cm below the kneecap’s bump (cm)")
                         : kind == LC_CHART_BREAKS ? _("Sitting Breaks per Day")
                         : kind == LC_CHART_VOLUME ? _("Leg Volume (mL)")
                         : kind == LC_CHART_VOLUME_DIFFERENCE ? _("Right Leg Less Left Leg (mL)")
                         : lc_chart_kind_get_title (kind), -1);
  pango_layout_get_pixel_size (title, &tw, &th);

  gtk_snapshot_append_layout (snapshot, title, &style->foreground);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, th + 4));
  lc_chart_draw (snapshot, pango, data, kind, combined, style, width, CHART_HEIGHT, 0);
  gtk_snapshot_restore (snapshot);

  return th + 4 + CHART_HEIGHT + 12;
}

/* A chart drawn by draw_chart() at the report's place, on the next page
 * if it does not fit on this one */
static void
place_chart (Report             *report,
             GskRenderNode      *node,
             float               height)
{
  need (report, height);
  if (node != NULL)
    {
      cairo_save (report->cr);
      /* Text nodes start from the current point: leave none behind. */
      cairo_new_path (report->cr);
      cairo_translate (report->cr, MARGIN, report->y);
      gsk_render_node_draw (node, report->cr);
      cairo_restore (report->cr);
    }
  report->y += height;
}

/* Whether the report's charts section shows @kind: the scores always; the
 * rest when the period has any (the volumes go with their table) */
static gboolean
charts_section_shows (LcChartData *data,
                      LcChartKind  kind)
{
  if (LC_CHART_KIND_IS_VOLUME (kind))
    return FALSE;

  return LC_CHART_KIND_IS_SCORE (kind) || lc_chart_data_count_days (data, kind) > 0;
}

static void
charts_section (Report      *report,
                LcChartData *data)
{
  LcChartStyle style;
  gboolean first = TRUE;

  lc_chart_style_for_paper (&style);

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    {
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      float height;

      if (!charts_section_shows (data, kind))
        continue;

      /* One legend, and the session days once: with the first chart */
      style.legend = first;
      snapshot = gtk_snapshot_new ();
      height = draw_chart (snapshot, report->pango, data, kind, FALSE, &style, (float) content_width (report));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

      /* The heading and its caption stay with the first chart. */
      if (first)
        {
          need (report, 80 + height);
          heading (report, _("Charts"));
          /* As lc_trend_chart_grid() draws a long span: by week */
          paragraph (report, SMALL_FONT,
                     lc_chart_data_get_last_day (data) - lc_chart_data_get_first_day (data) + 1 >= LC_TREND_WEEKLY_SPAN
                     ? _("Bars: each week’s mean score (0 = none, 10 = worst) per leg, on a light band from the lowest to the highest daily mean of the week. Lines: the mean of the 7 days up to each day. Ticks on the time axis of the first chart: days with a completed session.")
                     : _("Marks: each day’s mean score (0 = none, 10 = worst) per leg. Lines: the mean of the 7 days up to each day. Ticks on the time axis of the first chart: days with a completed session."),
                     6);
          first = FALSE;
        }
      place_chart (report, node, height);
    }
  report->y += 6;
}

static void
sessions_section (Report    *report,
                  GPtrArray *sessions,
                  GTimeZone *tz,
                  guint32    first_day,
                  guint32    last_day)
{
  const Column columns[] = {
    { _("Week"), 0.6, FALSE },
    { _("Completed sessions"), 0.4, TRUE },
  };
  guint n_weeks = (last_day - first_day) / 7 + 1;
  g_autofree guint *counts = g_new0 (guint, n_weeks);
  guint total;
  /* Weeks end with the last day of the period. */
  guint32 start = last_day + 1 - 7 * n_weeks;

  total = lc_trend_sessions_per_week (sessions, tz, start, n_weeks, counts);
  heading (report, _("Sessions per Week"));
  if (total == 0)
    {
      paragraph (report, BODY_FONT, _("No completed sessions in this period."), 6);
      return;
    }

  table_header (report, columns, G_N_ELEMENTS (columns));
  for (guint w = 0; w < n_weeks; w++)
    {
      g_autofree char *from = format_day (start + 7 * w, C_("report date", "%-e %B %Y"));
      g_autofree char *to = format_day (start + 7 * w + 6, C_("report date", "%-e %B %Y"));
      g_autofree char *week = g_strdup_printf (C_("report week", "%s – %s"), from, to);
      g_autofree char *count = g_strdup_printf ("%u", counts[w]);
      const char *cells[] = { week, count };

      table_body_row (report, columns, G_N_ELEMENTS (columns), cells);
    }
  report->y += 6;
}

static void
effects_section (Report    *report,
                 GPtrArray *sessions)
{
  const Column columns[] = {
    { _("Routine"), 0.36, FALSE },
    { _("Sessions"), 0.13, TRUE },
    { _("Heaviness before"), 0.17, TRUE },
    { _("Heaviness after"), 0.17, TRUE },
    { _("Mean change"), 0.17, TRUE },
  };
  g_autoptr(GArray) effects = lc_trend_routine_effects (sessions);

  heading (report, _("Heaviness Before and After Sessions"));
  if (effects->len == 0)
    {
      paragraph (report, BODY_FONT, _("No session in this period was rated before and after."), 6);
      return;
    }

  paragraph (report, SMALL_FONT,
             _("Means of the 0–10 ratings given just before and just after each session. A change of less than 1 point counts as no clear change."),
             4);
  table_header (report, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < effects->len; i++)
    {
      const LcRoutineEffect *effect = &g_array_index (effects, LcRoutineEffect, i);
      g_autofree char *n = g_strdup_printf ("%u", effect->n);
      g_autofree char *before = g_strdup_printf ("%.1f", effect->mean_before);
      g_autofree char *after = g_strdup_printf ("%.1f", effect->mean_after);
      g_autofree char *change = lc_format_change (effect->mean_change);
      const char *cells[] = { effect->routine_name, n, before, after, change };

      table_body_row (report, columns, G_N_ELEMENTS (columns), cells);
    }
  report->y += 6;
}


static char *
format_volume_change (const LcLimbMeasurement *first,
                      const LcLimbMeasurement *measurement,
                      LcLeg                    leg)
{
  g_autofree char *number = NULL;
  double before;
  double now;
  double percent;

  if (first == measurement || !lc_limb_measurement_volume (first, leg, &before) ||
      !lc_limb_measurement_volume (measurement, leg, &now))
    return g_strdup ("—");
  percent = (now - before) / before * 100;

  number = lc_format_signed (percent, 1, TRUE);
  if (lc_limb_volume_change (before, now, &percent) == LC_LIMB_CHANGE_WITHIN_ERROR)
    /* TRANSLATORS: a leg's volume change (a signed number) in %, under the
     * smallest real difference */
    return g_strdup_printf (_("%s %% (within error)"), number);
  return g_strdup_printf ("%s %%", number);
}

/* The guided leg measurements of the period, against the first ever: only
 * when there are any */
static void
volume_section (Report      *report,
                LcChartData *data,
                GPtrArray   *measurements,
                GTimeZone   *tz,
                gint64       from,
                gint64       to)
{
  const Column columns[] = {
    { C_("report table", "Date"), 0.16, FALSE },
    { _("Left (mL)"), 0.12, TRUE },
    { _("Right (mL)"), 0.12, TRUE },
    { _("Right − left (mL)"), 0.14, TRUE },
    { _("Left since first"), 0.23, TRUE },
    { _("Right since first"), 0.23, TRUE },
  };
  const LcLimbMeasurement *first;
  gboolean any = FALSE;

  if (measurements == NULL || measurements->len == 0)
    return;
  first = measurements->pdata[0];
  for (guint i = 0; i < measurements->len; i++)
    {
      const LcLimbMeasurement *measurement = measurements->pdata[i];

      any = any || (measurement->taken_at >= from && measurement->taken_at < to);
    }
  if (!any)
    return;

  /* The heading, its words and the table's header and first row together */
  need (report, 150);
  heading (report, _("Leg Volume"));
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (first->taken_at);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
    g_autofree char *when = g_date_time_format (local, C_("report entry", "%-e %b %Y %H:%M"));
    g_autofree char *text = g_strdup_printf (
      _("From the person’s own tape measurements, every %u cm up from the narrowest point above the ankle, as "
        "truncated cones. Changes are against the first measurement (%s); under %.1f %% they are within "
        "measurement error. No difference between the legs is known to mean lymphoedema in legs."),
      first->spacing_mm / 10, when, LC_LIMB_VOLUME_REAL_CHANGE_PERCENT);

    paragraph (report, SMALL_FONT, text, 4);
  }

  /* Each leg over the period with the band of measurement error around its
   * first volume, and the difference between them once both were measured */
  for (int kind = LC_CHART_VOLUME; kind <= LC_CHART_VOLUME_DIFFERENCE; kind++)
    {
      LcChartStyle style;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      float height;

      if (lc_chart_data_count_days (data, kind) == 0)
        continue;
      lc_chart_style_for_paper (&style);
      style.legend = FALSE;
      snapshot = gtk_snapshot_new ();
      height = draw_chart (snapshot, report->pango, data, kind, FALSE, &style, (float) content_width (report));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      place_chart (report, node, height);
      if (kind == LC_CHART_VOLUME)
        paragraph (report, SMALL_FONT,
                   /* xgettext:no-c-format */
                   _("Circles and the solid line: left leg; diamonds and the dashed line: right leg. Light bands: 3.8 % either side of each leg’s first measurement."),
                   6);
    }

  /* The table's header stays with its first row */
  need (report, 60);
  table_header (report, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < measurements->len; i++)
    {
      const LcLimbMeasurement *measurement = measurements->pdata[i];
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autofree char *difference = NULL;
      g_autofree char *left_change = NULL;
      g_autofree char *right_change = NULL;
      double ml[LC_N_LEGS];
      gboolean measured[LC_N_LEGS];
      const char *cells[6];

      if (measurement->taken_at < from || measurement->taken_at >= to)
        continue;

      utc = g_date_time_new_from_unix_utc (measurement->taken_at);
      local = g_date_time_to_timezone (utc, tz);
      when = g_date_time_format (local, C_("report volume", "%-e %b %Y"));
      for (guint leg = 0; leg < LC_N_LEGS; leg++)
        measured[leg] = lc_limb_measurement_volume (measurement, leg, &ml[leg]);
      left = measured[LC_LEG_LEFT] ? g_strdup_printf ("%.0f", ml[LC_LEG_LEFT]) : g_strdup ("—");
      right = measured[LC_LEG_RIGHT] ? g_strdup_printf ("%.0f", ml[LC_LEG_RIGHT]) : g_strdup ("—");
      difference = measured[LC_LEG_LEFT] && measured[LC_LEG_RIGHT]
                   ? lc_format_signed (ml[LC_LEG_RIGHT] - ml[LC_LEG_LEFT], 0, TRUE) : g_strdup ("—");
      left_change = format_volume_change (first, measurement, LC_LEG_LEFT);
      right_change = format_volume_change (first, measurement, LC_LEG_RIGHT);
      cells[0] = when;
      cells[1] = left;
      cells[2] = right;
      cells[3] = difference;
      cells[4] = left_change;
      cells[5] = right_change;
      table_body_row (report, columns, G_N_ELEMENTS (columns), cells);
    }
  report->y += 6;
}

static void
entries_section (Report    *report,
                 GPtrArray *entries,
                 GTimeZone *tz)
{
  const Column columns[] = {
    /* TRANSLATORS: the column of each entry's date and time */
    { C_("report table", "Date"), 0.17, FALSE },
    { _("Heaviness L / R"), 0.14, TRUE },
    { _("Swelling L / R"), 0.14, TRUE },
    { _("Ankle L / R (cm)"), 0.14, TRUE },
    { _("Calf L / R (cm)"), 0.14, TRUE },
    { _("Tags"), 0.27, FALSE },
  };

  heading (report, _("Diary Entries"));
  if (entries->len == 0)
    {
      paragraph (report, BODY_FONT, _("No entries in this period."), 6);
      return;
    }

  paragraph (report, SMALL_FONT, _("Each entry as it was made; its note, if any, is under it in italics."), 4);

  table_header (report, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < entries->len; i++)
    {
      const LcEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->taken_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      /* TRANSLATORS: an entry's date and time in the report, see strftime(3) */
      g_autofree char *when = g_date_time_format (local, C_("report entry", "%-e %b %Y %H:%M"));
      g_autofree char *heaviness = format_pair (entry->heaviness);
      g_autofree char *swelling = format_pair (entry->swelling);
      g_autofree char *ankles = format_circumferences (entry->ankle_mm);
      g_autofree char *calves = format_circumferences (entry->calf_mm);
      g_autofree char *tags = format_tags (entry->tags, entry->position);
      const char *cells[] = { g_strstrip (when), heaviness, swelling, ankles, calves, tags };

      /* The note, whole, across the table under its entry */
      table_row (report, columns, G_N_ELEMENTS (columns), cells, entry->note, FALSE);
    }
}

/* --- public --------------------------------------------------------------- */

/**
 * lc_report_draw_charts:
 * @width: the width to draw in
 * @height: (out): the height drawn
 *
 * The heaviness and swelling charts, and the ankle chart when the period
 * has ankle measurements, one below the other with their titles.
 */
void
lc_report_draw_charts (GtkSnapshot        *snapshot,
                       PangoContext       *pango,
                       LcChartData        *data,
                       gboolean            combined,
                       const LcChartStyle *style,
                       float               width,
                       float              *height)
{
  float y = 0;

  for (int kind = 0; kind < LC_N_CHART_KINDS; kind++)
    {
      if (!LC_CHART_KIND_IS_SCORE (kind) && lc_chart_data_count_days (data, kind) == 0)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      y += draw_chart (snapshot, pango, data, kind, combined, style, width);
      gtk_snapshot_restore (snapshot);
    }

  *height = y;
}

/**
 * lc_report_create_png:
 * @renderer: renders the image (the window's)
 *
 * Returns: (transfer full): the charts as a PNG, 1000 pixels wide on a
 *   white background, or %NULL with @error set
 */
GBytes *
lc_report_create_png (LcChartData  *data,
                      gboolean      combined,
                      GskRenderer  *renderer,
                      GError      **error)
{
  const float width = 1000, pad = 24;
  LcChartStyle style;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GtkSnapshot) page = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) charts = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GObject) context = (GObject *) pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *pango = PANGO_CONTEXT (context);
  float height;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (GSK_IS_RENDERER (renderer), NULL);

  pango_context_set_font_description (pango, font);
  lc_chart_style_for_paper (&style);
  lc_report_draw_charts (snapshot, pango, data, combined, &style, width - 2 * pad, &height);
  charts = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  gtk_snapshot_append_color (page, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height + 2 * pad));
  gtk_snapshot_translate (page, &GRAPHENE_POINT_INIT (pad, pad));
  if (charts != NULL)
    gtk_snapshot_append_node (page, charts);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&page));

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height + 2 * pad));
  if (texture == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The image could not be drawn."));
      return NULL;
    }

  return gdk_texture_save_to_png_bytes (texture);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * lc_report_create_pdf:
 * @tz: the time zone of the days
 * @first_day: the first day of the period (see lc_trend_day_number())
 * @last_day: the last day
 * @person: (nullable): the name to print under the title, if any
 * @generated: when the report is made
 * @paper: the paper size (gtk_paper_size_new (NULL) follows the locale)
 *
 * Returns: (transfer full): the report as a PDF document, or %NULL with
 *   @error set (the diary could not be read)
 */
GBytes *
lc_report_create_pdf (LcDiary       *diary,
                      GTimeZone     *tz,
                      guint32        first_day,
                      guint32        last_day,
                      const char    *person,
                      GDateTime     *generated,
                      GtkPaperSize  *paper,
                      GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(LcChartData) data = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *title_from = NULL;
  g_autofree char *title_to = NULL;
  g_autofree char *period = NULL;
  g_autofree char *made = NULL;
  g_autofree char *made_text = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Report report = { 0 };
  guint32 back;
  GDate date;

  g_return_val_if_fail (LC_IS_DIARY (diary), NULL);
  g_return_val_if_fail (first_day <= last_day, NULL);

  /* The period in seconds; the days before it feed the first rolling means,
   * the warning rules and the summary's period before. */
  back = MAX (30, last_day - first_day + 1);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first_day > back ? first_day - back : 1);
  from = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  g_date_set_julian (&date, last_day + 1);
  to = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);

  days = lc_diary_daily_aggregates (diary, g_date_time_to_unix (from), g_date_time_to_unix (to), error);
  if (days == NULL)
    return NULL;
  g_clear_pointer (&from, g_date_time_unref);
  g_date_set_julian (&date, first_day);
  from = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  entries = lc_diary_list_entries (diary, g_date_time_to_unix (from), g_date_time_to_unix (to), error);
  if (entries == NULL)
    return NULL;
  sessions = lc_diary_list_sessions (diary, g_date_time_to_unix (from), g_date_time_to_unix (to), error);
  if (sessions == NULL)
    return NULL;
  /* From the first ever: the changes are against it */
  measurements = lc_diary_list_measurements (diary, G_MININT64, g_date_time_to_unix (to), error);
  if (measurements == NULL)
    return NULL;

  data = lc_chart_data_new_full (days, sessions, measurements, tz, first_day, last_day);

  report.width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  report.height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  report.y = MARGIN;
  report.page = 1;
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, report.width, report.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Leg Diary Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Leg Care " PACKAGE_VERSION);
  report.cr = cairo_create (surface);
  report.pango = pango_cairo_create_context (report.cr);
  pango_context_set_font_description (report.pango, font);

  title_from = format_day (first_day, C_("report date", "%-e %B %Y"));
  title_to = format_day (last_day, C_("report date", "%-e %B %Y"));
  /* TRANSLATORS: the report's period, two dates */
  period = g_strdup_printf (_("%s to %s"), title_from, title_to);
  made = g_strstrip (g_date_time_format (generated, C_("report generated", "%-e %B %Y, %H:%M")));
  made_text = g_strdup_printf (_("Generated on %s by Leg Care %s. Scores are the person’s own ratings from 0 (none) to 10 (worst), per leg; ankle and calf circumferences are their own tape measurements."),
                               made, PACKAGE_VERSION);

  paragraph (&report, TITLE_FONT, _("Leg Diary Report"), 4);
  if (person != NULL && person[0] != '\0')
    {
      /* TRANSLATORS: the report's first line under its title: whose diary */
      g_autofree char *whose = g_strdup_printf (_("Name: %s"), person);

      paragraph (&report, HEADING_FONT, whose, 2);
    }
  paragraph (&report, HEADING_FONT, period, 4);
  paragraph (&report, SMALL_FONT, made_text, 10);

  /* Page 1: the figures and the warning signs, then the charts; the
   * details after them */
  summary_section (&report, (const LcDayAggregate *) (gpointer) days->data, days->len, sessions, tz, first_day,
                   last_day);
  red_flags_section (&report, (const LcDayAggregate *) (gpointer) days->data, days->len, first_day, last_day);
  charts_section (&report, data);
  insights_section (&report, entries, sessions, tz, first_day, last_day);
  sessions_section (&report, sessions, tz, first_day, last_day);
  effects_section (&report, sessions);
  volume_section (&report, data, measurements, tz, g_date_time_to_unix (from), g_date_time_to_unix (to));
  entries_section (&report, entries, tz);

  footer (&report);
  g_object_unref (report.pango);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      lc_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The report could not be made: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
