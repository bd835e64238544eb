/* lc-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lc-diary.h"
#include "lc-entry.h"
#include "lc-error.h"

G_DEFINE_BOXED_TYPE (LcEntry, lc_entry, lc_entry_copy, lc_entry_free)
G_DEFINE_BOXED_TYPE (LcSessionRecord, lc_session_record, lc_session_record_copy, lc_session_record_free)

static const struct {
  LcTags      tag;
  const char *name;
  const char *label;
} tags[LC_N_TAGS] = {
  { LC_TAG_LONG_STANDING, "long-standing", NC_("diary tag", "Long standing") },
  { LC_TAG_LONG_SITTING, "long-sitting", NC_("diary tag", "Long sitting") },
  { LC_TAG_HOT_WEATHER, "hot-weather", NC_("diary tag", "Hot weather") },
  { LC_TAG_TRAVEL, "travel", NC_("diary tag", "Travel or flight") },
  { LC_TAG_COMPRESSION, "compression", NC_("diary tag", "Compression worn") },
  { LC_TAG_EXERCISE, "exercise", NC_("diary tag", "Exercise") },
  /* Translators: menstruation, not a span of time */
  { LC_TAG_PERIOD, "period", NC_("diary tag", "Period") },
  { LC_TAG_ALCOHOL, "alcohol", NC_("diary tag", "Alcohol") },
  { LC_TAG_SALTY_FOOD, "salty-food", NC_("diary tag", "Salty food") },
};

/**
 * lc_entry_new:
 * @taken_at: when, as UTC seconds
 *
 * Returns: (transfer full): an entry with no scores, measurements, tags or note
 */
LcEntry *
lc_entry_new (gint64 taken_at)
{
  LcEntry *entry = g_new0 (LcEntry, 1);

  entry->taken_at = taken_at;
  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      entry->heaviness[leg] = LC_SCORE_NONE;
      entry->swelling[leg] = LC_SCORE_NONE;
      entry->ankle_mm[leg] = LC_ANKLE_NONE;
      entry->calf_mm[leg] = LC_CALF_NONE;
    }
  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    entry->symptoms[i] = LC_SCORE_NONE;

  return entry;
}

/**
 * lc_symptom_get_label:
 *
 * Returns: the symptom's name, translated, as a title ("Aching")
 */
const char *
lc_symptom_get_label (LcSymptom symptom)
{
  switch (symptom)
    {
    case LC_SYMPTOM_ACHING:
      /* Translators: a symptom of the legs, rated 0-10 */
      return _("Aching");
    case LC_SYMPTOM_THROBBING:
      /* Translators: a symptom of the legs, rated 0-10 */
      return _("Throbbing");
    case LC_SYMPTOM_ITCHING:
      /* Translators: a symptom of the legs, rated 0-10 */
      return _("Itching");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lc_symptom_get_key:
 *
 * Returns: the symptom's name in the diary's columns and in CSV files
 */
const char *
lc_symptom_get_key (LcSymptom symptom)
{
  static const char *keys[LC_N_SYMPTOMS] = { "aching", "throbbing", "itching" };

  g_return_val_if_fail (symptom < LC_N_SYMPTOMS, NULL);
  return keys[symptom];
}

LcEntry *
lc_entry_copy (const LcEntry *entry)
{
  LcEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->note = g_strdup (entry->note);

  return copy;
}

void
lc_entry_free (LcEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->note);
  g_free (entry);
}

/**
 * lc_entry_equal_content:
 *
 * Whether two entries say the same: time, scores, measurements, tags and
 * note. The id does not count (an imported copy has another).
 */
gboolean
lc_entry_equal_content (const LcEntry *a,
                        const LcEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->taken_at != b->taken_at || a->tags != b->tags || a->position != b->position)
    return FALSE;

  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    if (a->symptoms[i] != b->symptoms[i])
      return FALSE;

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    if (a->heaviness[leg] != b->heaviness[leg] ||
        a->swelling[leg] != b->swelling[leg] ||
        a->ankle_mm[leg] != b->ankle_mm[leg] ||
        a->calf_mm[leg] != b->calf_mm[leg])
      return FALSE;

  /* An empty note is no note. */
  return g_strcmp0 (a->note && *a->note ? a->note : NULL,
                    b->note && *b->note ? b->note : NULL) == 0;
}

static gboolean
note_has_text (const char *note)
{
  for (const char *p = note; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;

  return FALSE;
}

static gboolean
check_score (int           score,
             const char   *what,
             LcEntryField  which,
             LcEntryField *field,
             GError      **error)
{
  if (score == LC_SCORE_NONE || (score >= 0 && score <= LC_SCORE_MAX))
    return TRUE;

  if (field != NULL)
    *field = which;
  lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
               /* Translators: %s is heaviness or swelling */
               _("%s must be from 0 to 10, not %d"), what, score);
  return FALSE;
}

/**
 * lc_entry_has_measurement:
 *
 * Returns: whether an ankle or a calf was measured
 */
gboolean
lc_entry_has_measurement (const LcEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    if (entry->ankle_mm[leg] != LC_ANKLE_NONE || entry->calf_mm[leg] != LC_CALF_NONE)
      return TRUE;
  return FALSE;
}

static const char * const position_names[] = {
  [LC_POSITION_NONE] = "",
  [LC_POSITION_SITTING] = "sitting",
  [LC_POSITION_LYING] = "lying",
};

/**
 * lc_position_to_string:
 *
 * Returns: the position's name in the diary and in CSV files: "sitting",
 *   "lying", or "" for none
 */
const char *
lc_position_to_string (LcPosition position)
{
  g_return_val_if_fail ((guint) position < G_N_ELEMENTS (position_names), "");
  return position_names[position];
}

/**
 * lc_position_from_string:
 *
 * Returns: whether @text is a position's name ("" is none)
 */
gboolean
lc_position_from_string (const char *text,
                         LcPosition *position)
{
  for (guint i = 0; i < G_N_ELEMENTS (position_names); i++)
    if (g_strcmp0 (text, position_names[i]) == 0)
      {
        *position = (LcPosition) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * lc_entry_validate:
 * @entry: an entry
 * @now: the current time, UTC seconds: an entry may not be later
 * @field: (out) (optional): the field that is wrong
 * @error: return location for an %LC_DIARY_ERROR_INVALID error
 *
 * Returns: whether the entry can be saved
 */
gboolean
lc_entry_validate (const LcEntry  *entry,
                   gint64          now,
                   LcEntryField   *field,
                   GError        **error)
{
  gboolean any_score = FALSE;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (field != NULL)
    *field = LC_ENTRY_FIELD_NONE;

  /* A minute of leeway for clocks that disagree. */
  if (entry->taken_at > now + 60)
    {
      if (field != NULL)
        *field = LC_ENTRY_FIELD_TIME;
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                           _("The time is in the future: an entry records what has happened"));
      return FALSE;
    }
  if (entry->taken_at < 0)
    {
      if (field != NULL)
        *field = LC_ENTRY_FIELD_TIME;
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                           _("The time is before 1970"));
      return FALSE;
    }

  for (guint i = 0; i < LC_N_SYMPTOMS; i++)
    {
      if (!check_score (entry->symptoms[i], lc_symptom_get_label (i), LC_ENTRY_FIELD_SYMPTOMS, field, error))
        return FALSE;
      any_score |= entry->symptoms[i] != LC_SCORE_NONE;
    }

  for (guint leg = 0; leg < LC_N_LEGS; leg++)
    {
      if (!check_score (entry->heaviness[leg], _("Heaviness"), LC_ENTRY_FIELD_HEAVINESS, field, error) ||
          !check_score (entry->swelling[leg], _("Swelling"), LC_ENTRY_FIELD_SWELLING, field, error))
        return FALSE;

      any_score |= entry->heaviness[leg] != LC_SCORE_NONE || entry->swelling[leg] != LC_SCORE_NONE;

      if (entry->ankle_mm[leg] != LC_ANKLE_NONE &&
          (entry->ankle_mm[leg] < LC_ANKLE_MIN_MM || entry->ankle_mm[leg] > LC_ANKLE_MAX_MM))
        {
          if (field != NULL)
            *field = LC_ENTRY_FIELD_ANKLE;
          lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                       _("An ankle measures from %.1f to %.1f cm; %.1f cm looks like a typing mistake"),
                       LC_ANKLE_MIN_MM / 10.0, LC_ANKLE_MAX_MM / 10.0, entry->ankle_mm[leg] / 10.0);
          return FALSE;
        }

      if (entry->calf_mm[leg] != LC_CALF_NONE &&
          (entry->calf_mm[leg] < LC_CALF_MIN_MM || entry->calf_mm[leg] > LC_CALF_MAX_MM))
        {
          if (field != NULL)
            *field = LC_ENTRY_FIELD_CALF;
          lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                       _("A calf measures from %.1f to %.1f cm; %.1f cm looks like a typing mistake"),
                       LC_CALF_MIN_MM / 10.0, LC_CALF_MAX_MM / 10.0, entry->calf_mm[leg] / 10.0);
          return FALSE;
        }
    }

  /* A position belongs to measurements, and is one of the known ones */
  if (entry->position > LC_POSITION_LYING ||
      (entry->position != LC_POSITION_NONE && !lc_entry_has_measurement (entry)))
    {
      if (field != NULL)
        *field = LC_ENTRY_FIELD_POSITION;
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                           _("A position is given without a measurement"));
      return FALSE;
    }

  if ((entry->tags & ~LC_TAGS_ALL) != 0)
    {
      if (field != NULL)
        *field = LC_ENTRY_FIELD_TAGS;
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID, _("Unknown tag"));
      return FALSE;
    }

  if (entry->note != NULL)
    {
      if (!g_utf8_validate (entry->note, -1, NULL))
        {
          if (field != NULL)
            *field = LC_ENTRY_FIELD_NOTE;
          g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                               _("The note is not valid text"));
          return FALSE;
        }
      if (g_utf8_strlen (entry->note, -1) > LC_NOTE_MAX_CHARS)
        {
          if (field != NULL)
            *field = LC_ENTRY_FIELD_NOTE;
          lc_set_error (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                       _("The note is longer than %d characters"), LC_NOTE_MAX_CHARS);
          return FALSE;
        }
    }

  /* Something must be recorded: a score, a measurement, a tag or a note
   * (a note of white space only is none: the diary stores it as none). */
  if (!any_score && !lc_entry_has_measurement (entry) && entry->tags == 0 && !note_has_text (entry->note))
    {
      if (field != NULL)
        *field = LC_ENTRY_FIELD_HEAVINESS;
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID,
                           _("The entry is empty: rate heaviness or swelling, or add a measurement, a tag or a note"));
      return FALSE;
    }

  return TRUE;
}

/**
 * lc_tag_to_string:
 *
 * Returns: the tag's name in files, e.g. "hot-weather"
 */
const char *
lc_tag_to_string (LcTags tag)
{
  for (guint i = 0; i < LC_N_TAGS; i++)
    if (tags[i].tag == tag)
      return tags[i].name;

  g_return_val_if_reached (NULL);
}

gboolean
lc_tag_from_string (const char *text,
                    LcTags     *tag)
{
  for (guint i = 0; i < LC_N_TAGS; i++)
    if (g_strcmp0 (text, tags[i].name) == 0)
      {
        *tag = tags[i].tag;
        return TRUE;
      }

  return FALSE;
}

/**
 * lc_tag_get_label:
 *
 * Returns: the tag's name for people, translated
 */
const char *
lc_tag_get_label (LcTags tag)
{
  for (guint i = 0; i < LC_N_TAGS; i++)
    if (tags[i].tag == tag)
      return g_dpgettext2 (GETTEXT_PACKAGE, "diary tag", tags[i].label);

  g_return_val_if_reached (NULL);
}

/**
 * lc_tags_to_string:
 *
 * Returns: (transfer full): the tags' names joined with ";", in a fixed
 *   order; "" for none
 */
char *
lc_tags_to_string (LcTags value)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < LC_N_TAGS; i++)
    if (value & tags[i].tag)
      {
        if (out->len > 0)
          g_string_append_c (out, ';');
        g_string_append (out, tags[i].name);
      }

  return g_string_free (out, FALSE);
}

/**
 * lc_tags_from_string:
 * @text: names joined with ";" (as lc_tags_to_string() writes them)
 * @value: (out): the tags
 *
 * Returns: %FALSE if a name is unknown
 */
gboolean
lc_tags_from_string (const char *text,
                     LcTags     *value)
{
  g_auto(GStrv) names = NULL;
  LcTags result = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      *value = 0;
      return TRUE;
    }

  names = g_strsplit (text, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      LcTags tag;

      if (!lc_tag_from_string (g_strstrip (names[i]), &tag))
        return FALSE;
      result |= tag;
    }

  *value = result;
  return TRUE;
}

LcSessionRecord *
lc_session_record_new (void)
{
  LcSessionRecord *record = g_new0 (LcSessionRecord, 1);

  record->heaviness_before = LC_SCORE_NONE;
  record->heaviness_after = LC_SCORE_NONE;

  return record;
}

LcSessionRecord *
lc_session_record_copy (const LcSessionRecord *record)
{
  LcSessionRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->routine_id = g_strdup (record->routine_id);
  copy->routine_name = g_strdup (record->routine_name);

  return copy;
}

void
lc_session_record_free (LcSessionRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->routine_id);
  g_free (record->routine_name);
  g_free (record);
}

/**
 * lc_session_record_validate:
 *
 * Returns: whether the record can be saved; %LC_DIARY_ERROR_INVALID says why not
 */
gboolean
lc_session_record_validate (const LcSessionRecord  *record,
                            GError                **error)
{
  const char *problem = NULL;

  g_return_val_if_fail (record != NULL, FALSE);

  if (record->routine_id == NULL || *record->routine_id == '\0')
    problem = _("The session has no routine id");
  else if (record->routine_name == NULL || *record->routine_name == '\0')
    problem = _("The session has no routine name");
  else if (strlen (record->routine_id) > LC_SESSION_ROUTINE_ID_MAX)
    problem = _("The session’s routine id is longer than 64 characters");
  else if (!g_utf8_validate (record->routine_name, -1, NULL)
           || g_utf8_strlen (record->routine_name, -1) > LC_SESSION_ROUTINE_NAME_MAX)
    problem = _("The session’s routine name is longer than 200 characters");
  else if (record->started_at < 0 || record->ended_at < record->started_at)
    problem = _("The session ends before it starts");
  else if (record->ended_at - record->started_at > LC_SESSION_MAX_SECONDS)
    problem = _("The session lasts more than a day");
  else if (record->steps_total == 0 || record->steps_done > record->steps_total ||
           record->steps_skipped > record->steps_total)
    problem = _("The session’s step counts do not add up");
  else if ((record->heaviness_before != LC_SCORE_NONE &&
            (record->heaviness_before < 0 || record->heaviness_before > LC_SCORE_MAX)) ||
           (record->heaviness_after != LC_SCORE_NONE &&
            (record->heaviness_after < 0 || record->heaviness_after > LC_SCORE_MAX)))
    problem = _("Heaviness must be from 0 to 10");

  if (problem != NULL)
    {
      g_set_error_literal (error, LC_DIARY_ERROR, LC_DIARY_ERROR_INVALID, problem);
      return FALSE;
    }

  return TRUE;
}
