/* lc-routines-page.c: the list of routines, with search and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-routines-page.h"
#include "lc-widgets.h"

struct _LcRoutinesPage
{
  AdwBin             parent_instance;

  LcRoutineLibrary  *library;
  GtkFilterListModel *filtered;
  GtkCustomFilter   *filter;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  AdwToggleGroup    *category_toggles;
  GtkDropDown       *category_dropdown;
  GtkListBox        *routine_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox        *problem_list;
  GtkListBox        *repeat_list;
  AdwActionRow      *repeat_row;
  GtkWidget         *repeat_button;
  LcRoutine         *last_routine;
};

G_DEFINE_FINAL_TYPE (LcRoutinesPage, lc_routines_page, ADW_TYPE_BIN)

enum {
  ROUTINE_ACTIVATED,
  START_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The toggles' names, in the order of the drop-down's items. */
static const char *category_names[] = { "all", "massage", "elevation", "stretching", "mixed" };

static gboolean
toggle_to_dropdown (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    if (g_strcmp0 (name, category_names[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
dropdown_to_toggle (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint index = g_value_get_uint (from);

  if (index >= G_N_ELEMENTS (category_names))
    return FALSE;

  g_value_set_string (to, category_names[index]);
  return TRUE;
}

static gboolean
routine_matches (gpointer item,
                 gpointer user_data)
{
  LcRoutinesPage *self = user_data;
  LcRoutine *routine = item;
  const char *category = adw_toggle_group_get_active_name (self->category_toggles);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (category != NULL && !g_str_equal (category, "all") &&
      !g_str_equal (category, lc_category_to_string (lc_routine_get_category (routine))))
    return FALSE;

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  haystack = g_utf8_casefold (lc_routine_get_name (routine), -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;

  g_free (haystack);
  haystack = g_utf8_casefold (lc_routine_get_summary (routine), -1);
  return strstr (haystack, needle) != NULL;
}

static void
filter_changed_cb (LcRoutinesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
row_activated_cb (LcRoutinesPage *self,
                  GtkListBoxRow  *row)
{
  /* The list is bound to the filtered routines: a row's index is its routine's */
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(LcRoutine) routine = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->filtered), (guint) index)
                                            : NULL;

  if (routine != NULL)
    g_signal_emit (self, signals [ROUTINE_ACTIVATED], 0, routine);
}

/* routines.start('<id>'): the ▶ of a row, and of Repeat Last Session */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LcRoutinesPage *self = LC_ROUTINES_PAGE (widget);
  LcRoutine *routine = self->library != NULL ? lc_routine_library_find (self->library,
                                                                         g_variant_get_string (parameter, NULL))
                                             : NULL;

  if (routine != NULL)
    g_signal_emit (self, signals [START_REQUESTED], 0, routine);
}

/* ▶: starts @routine in one click; the row itself opens its page. */
static void
setup_start_button (GtkWidget *button,
                    LcRoutine *routine)
{
  /* Translators: what the ▶ of a routine says to screen readers, e.g. "Start Calf Pump at the Desk" */
  g_autofree char *label = g_strdup_printf (_("Start %s"), lc_routine_get_name (routine));

  /* The target first: an action without it can't be looked up */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lc_routine_get_id (routine));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "routines.start");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_routine_row (gpointer item,
                    gpointer user_data)
{
  LcRoutine *routine = item;
  g_autofree char *duration = lc_format_duration (lc_routine_get_duration (routine));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  GtkWidget *picture;
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lc_routine_get_name (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lc_routine_get_summary (routine));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Decoration: the row's title names the routine */
  picture = lc_illustration_new_for_routine (routine, NULL, NULL, 80, 60);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  label = gtk_label_new (duration);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (suffix), label);

  if (lc_routine_get_overrides_builtin (routine))
    {
      /* Translators: a tag on a routine of the user's that replaces a built-in one */
      label = gtk_label_new (_("Custom Version"));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "accent");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_box_append (GTK_BOX (suffix), label);
    }
  else if (lc_routine_get_origin (routine) == LC_ROUTINE_ORIGIN_USER)
    {
      /* Translators: a tag on a routine the user made */
      label = gtk_label_new (_("Yours"));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "accent");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_box_append (GTK_BOX (suffix), label);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "flat");
  setup_start_button (button, routine);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* A file's problems, one a line, each named by the file's name rather than
 * its whole path (the row's title says which file): readable on a narrow
 * window. At most MAX_SHOWN_PROBLEMS, then how many more. */
#define MAX_SHOWN_PROBLEMS 5

static char *
describe_problems (LcRoutineProblem *problem,
                   const char       *basename)
{
  const char * const *messages = lc_routine_problem_get_messages (problem);
  g_autofree char *path = g_filename_display_name (lc_routine_problem_get_file (problem));
  GString *text = g_string_new (NULL);
  guint n = g_strv_length ((char **) messages);

  for (guint i = 0; i < n && i < MAX_SHOWN_PROBLEMS; i++)
    {
      const char *message = messages[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (g_str_has_prefix (message, path) && message[strlen (path)] == ':')
        {
          g_string_append (text, basename);
          message += strlen (path);
        }
      g_string_append (text, message);
    }

  if (n > MAX_SHOWN_PROBLEMS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: after the first problems of a routine file */
                              ngettext ("and %u more problem", "and %u more problems",
                                           n - MAX_SHOWN_PROBLEMS),
                              n - MAX_SHOWN_PROBLEMS);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  LcRoutineProblem *problem = item;
  g_autofree char *basename = g_filename_display_basename (lc_routine_problem_get_file (problem));
  g_autofree char *subtitle = describe_problems (problem, basename);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
problems_changed_cb (LcRoutinesPage *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *problems)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), g_list_model_get_n_items (problems) > 0);
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Matching Routines"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Try other words, or another category."));
  gtk_widget_add_css_class (status, "compact");

  return status;
}

static void
lc_routines_page_dispose (GObject *object)
{
  LcRoutinesPage *self = LC_ROUTINES_PAGE (object);

  /* The library outlives the page: stop following its lists, or a reload
   * would run the filter on a page that is gone. */
  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  if (self->problem_list != NULL)
    gtk_list_box_bind_model (self->problem_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ROUTINES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->library);
  g_clear_object (&self->last_routine);

  G_OBJECT_CLASS (lc_routines_page_parent_class)->dispose (object);
}

static void
lc_routines_page_class_init (LcRoutinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_routines_page_dispose;

  /**
   * LcRoutinesPage::routine-activated:
   * @routine: the routine the user picked
   */
  signals [ROUTINE_ACTIVATED] =
    g_signal_new ("routine-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ROUTINE);

  /**
   * LcRoutinesPage::start-requested:
   * @routine: the routine to start
   *
   * The user chose ▶ on a routine's row or on Repeat Last Session.
   */
  signals [START_REQUESTED] =
    g_signal_new ("start-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-routines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, repeat_list);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, category_toggles);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, routine_list);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutinesPage, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "routines.start", "s", start_action);
}

static void
lc_routines_page_init (LcRoutinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (routine_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_set_placeholder (self->routine_list, create_placeholder ());
  gtk_list_box_bind_model (self->routine_list, G_LIST_MODEL (self->filtered),
                           create_routine_row, self, NULL);

  g_object_bind_property_full (self->category_toggles, "active-name",
                               self->category_dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               toggle_to_dropdown, dropdown_to_toggle, NULL, NULL);

  /* Typing anywhere on the page searches; Enter opens the first result */
  lc_search_capture_keys (self->search_entry, GTK_WIDGET (self), self->routine_list);
}

/**
 * lc_routines_page_set_library:
 * @self: the page
 * @library: where the routines come from; the page follows its changes
 */
void
lc_routines_page_set_library (LcRoutinesPage   *self,
                              LcRoutineLibrary *library)
{
  GListModel *problems;

  g_return_if_fail (LC_IS_ROUTINES_PAGE (self));
  g_return_if_fail (LC_IS_ROUTINE_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  gtk_filter_list_model_set_model (self->filtered, lc_routine_library_get_routines (library));

  problems = lc_routine_library_get_problems (library);
  gtk_list_box_bind_model (self->problem_list, problems, create_problem_row, self, NULL);
  g_signal_connect_object (problems, "items-changed", G_CALLBACK (problems_changed_cb), self,
                           G_CONNECT_SWAPPED);
  problems_changed_cb (self, 0, 0, 0, problems);
}

/**
 * lc_routines_page_set_last_routine:
 * @routine: (nullable): the routine of the last session, offered to repeat
 */
void
lc_routines_page_set_last_routine (LcRoutinesPage *self,
                                   LcRoutine      *routine)
{
  g_return_if_fail (LC_IS_ROUTINES_PAGE (self));

  g_set_object (&self->last_routine, routine);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_list), routine != NULL);
  if (routine != NULL)
    {
      adw_action_row_set_subtitle (self->repeat_row, lc_routine_get_name (routine));
      setup_start_button (self->repeat_button, routine);
    }
}

/**
 * lc_routines_page_focus_start:
 *
 * Gives the keyboard focus to what a start begins with: Repeat Last
 * Session when there is one, else the first routine. Not to the search
 * field: typing anywhere on the page searches.
 */
void
lc_routines_page_focus_start (LcRoutinesPage *self)
{
  GtkListBox *list;
  GtkListBoxRow *first;

  g_return_if_fail (LC_IS_ROUTINES_PAGE (self));

  list = gtk_widget_get_visible (GTK_WIDGET (self->repeat_list)) ? self->repeat_list : self->routine_list;
  first = gtk_list_box_get_row_at_index (list, 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}
