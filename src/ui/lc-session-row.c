/* lc-session-row.c: one session in the diary's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When it started, the routine, how long it took and whether it was done
 * to the end, and the heaviness before and after, each on a line of its
 * own so that nothing has to be cut at 360 px.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-session-row.h"

struct _LcSessionRow
{
  GtkBox     parent_instance;

  /* Template widgets */
  GtkLabel  *time_label;
  GtkLabel  *name_label;
  GtkLabel  *result_label;
  GtkLabel  *rating_label;
};

G_DEFINE_FINAL_TYPE (LcSessionRow, lc_session_row, GTK_TYPE_BOX)

/**
 * lc_session_record_completed:
 *
 * Returns: whether the session went through every step (done or skipped),
 *   rather than being stopped
 */
gboolean
lc_session_record_completed (const LcSessionRecord *record)
{
  return record->steps_done + record->steps_skipped >= record->steps_total;
}

/**
 * lc_session_describe_result:
 *
 * Returns: (transfer full): e.g. "12 min · Completed" or
 *   "4 min · Stopped after 3 of 12 steps"
 */
char *
lc_session_describe_result (const LcSessionRecord *record)
{
  g_autofree char *duration = lc_format_duration ((guint) CLAMP (record->ended_at - record->started_at, 0, G_MAXUINT));

  if (lc_session_record_completed (record))
    /* Translators: a session in the diary: its length, and that it ran to its end */
    return g_strdup_printf (_("%s · Completed"), duration);

  /* Translators: a session in the diary: its length, and how far it went
   * before it was stopped, e.g. "4 min · Stopped after 3 of 12 steps" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · Stopped after %u of %u step",
                                       "%s · Stopped after %u of %u steps", record->steps_total),
                          duration, record->steps_done, record->steps_total);
}

/**
 * lc_session_describe_rating:
 *
 * Returns: (transfer full) (nullable): the heaviness before and after, or
 *   %NULL if neither was rated
 */
char *
lc_session_describe_rating (const LcSessionRecord *record)
{
  int before = record->heaviness_before;
  int after = record->heaviness_after;

  if (before != LC_SCORE_NONE && after != LC_SCORE_NONE)
    /* Translators: heaviness rated before and after a session, out of 10 */
    return g_strdup_printf (_("Heaviness %d → %d"), before, after);
  if (before != LC_SCORE_NONE)
    /* Translators: heaviness rated before a session, out of 10 */
    return g_strdup_printf (_("Heaviness before %d"), before);
  if (after != LC_SCORE_NONE)
    /* Translators: heaviness rated after a session, out of 10 */
    return g_strdup_printf (_("Heaviness after %d"), after);

  return NULL;
}

static void
lc_session_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LC_TYPE_SESSION_ROW);

  G_OBJECT_CLASS (lc_session_row_parent_class)->dispose (object);
}

static void
lc_session_row_class_init (LcSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_session_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LegCare/ui/lc-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSessionRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionRow, result_label);
  gtk_widget_class_bind_template_child (widget_class, LcSessionRow, rating_label);
}

static void
lc_session_row_init (LcSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lc_session_row_new (void)
{
  return g_object_new (LC_TYPE_SESSION_ROW, NULL);
}

/**
 * lc_session_row_show:
 * @item: the session
 * @name: the routine's name as the user reads it now
 */
void
lc_session_row_show (LcSessionRow  *self,
                     LcSessionItem *item,
                     const char    *name)
{
  const LcSessionRecord *record;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *result = NULL;
  g_autofree char *rating = NULL;

  g_return_if_fail (LC_IS_SESSION_ROW (self));
  g_return_if_fail (LC_IS_SESSION_ITEM (item));

  record = lc_session_item_get_record (item);
  time = g_date_time_new_from_unix_local (record->started_at);
  time_text = g_date_time_format (time, "%H:%M");
  result = lc_session_describe_result (record);
  rating = lc_session_describe_rating (record);

  gtk_label_set_label (self->time_label, time_text);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->result_label, result);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  gtk_label_set_label (self->rating_label, rating != NULL ? rating : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rating_label), rating != NULL);
}

/**
 * lc_session_row_describe:
 * @name: the routine's name as the user reads it now
 *
 * Returns: (transfer full): the session in one sentence, for screen readers
 */
char *
lc_session_row_describe (const LcSessionRecord *record,
                         const char            *name)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (record->started_at);
  g_autofree char *clock = g_date_time_format (time, "%H:%M");
  g_autofree char *result = lc_session_describe_result (record);
  g_autofree char *rating = lc_session_describe_rating (record);

  if (rating != NULL)
    /* Translators: for screen readers: time, routine, result, heaviness */
    return g_strdup_printf (_("Session at %s: %s. %s. %s"), clock, name, result, rating);

  /* Translators: for screen readers: time, routine, result */
  return g_strdup_printf (_("Session at %s: %s. %s"), clock, name, result);
}

/* "6 breaks · 12 min in all" */
static char *
describe_breaks_result (LcBreakDayItem *item)
{
  guint count = lc_break_day_item_get_count (item);
  g_autofree char *duration = lc_format_duration (lc_break_day_item_get_seconds (item));

  /* Translators: a day's sitting breaks in the diary: how many, and their
   * time added up, e.g. "6 breaks · 12 min in all" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u break · %s in all", "%u breaks · %s in all", count),
                          count, duration);
}

/* "09:40–17:05", or one time for one break */
static char *
describe_breaks_times (LcBreakDayItem *item)
{
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (lc_break_day_item_get_first (item));
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (lc_break_day_item_get_last (item));
  g_autofree char *from = g_date_time_format (first, "%H:%M");
  g_autofree char *to = g_date_time_format (last, "%H:%M");

  if (lc_break_day_item_get_count (item) < 2 || g_str_equal (from, to))
    return g_steal_pointer (&to);
  /* Translators: the first and the last sitting break of a day */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/**
 * lc_session_row_show_breaks:
 * @item: a day's sitting breaks
 *
 * One row for all of a day's sitting breaks: how many, between which
 * times, and their time added up.
 */
void
lc_session_row_show_breaks (LcSessionRow   *self,
                            LcBreakDayItem *item)
{
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *result = NULL;
  g_autofree char *times = NULL;

  g_return_if_fail (LC_IS_SESSION_ROW (self));
  g_return_if_fail (LC_IS_BREAK_DAY_ITEM (item));

  last = g_date_time_new_from_unix_local (lc_break_day_item_get_last (item));
  time_text = g_date_time_format (last, "%H:%M");
  result = describe_breaks_result (item);
  times = describe_breaks_times (item);

  gtk_label_set_label (self->time_label, time_text);
  gtk_label_set_label (self->name_label, _("Sitting Breaks"));
  /* From the first to the last in small print, the count where a session
   * shows its ratings: the value that matters */
  gtk_label_set_label (self->result_label, times);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), lc_break_day_item_get_count (item) > 1);
  gtk_label_set_label (self->rating_label, result);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_label), TRUE);
}

/**
 * lc_session_row_describe_breaks:
 *
 * Returns: (transfer full): what a screen reader says for a day's breaks
 */
char *
lc_session_row_describe_breaks (LcBreakDayItem *item)
{
  g_autofree char *result = describe_breaks_result (item);
  g_autofree char *times = describe_breaks_times (item);

  /* Translators: for screen readers: a day's sitting breaks, e.g. "Sitting
   * breaks: 6 breaks · 12 min in all, 09:40–17:05" */
  return g_strdup_printf (_("Sitting breaks: %s, %s"), result, times);
}
