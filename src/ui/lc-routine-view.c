/* lc-routine-view.c: one routine: its steps, cautions and Start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-format.h"
#include "lc-illustration.h"
#include "lc-routine-view.h"
#include "lc-start-gate.h"
#include "lc-widgets.h"

struct _LcRoutineView
{
  AdwNavigationPage    parent_instance;

  LcRoutine           *routine;
  GSettings           *settings;
  GHashTable          *pictures;   /* a shared routine's, for a preview */

  /* Template widgets */
  AdwBin              *hero_bin;
  GtkLabel            *summary_label;
  GtkLabel            *facts_label;
  GtkLabel            *custom_label;
  GtkLabel            *missing_label;
  AdwPreferencesGroup *cautions_group;
  AdwPreferencesGroup *steps_group;
  GtkWidget           *acknowledge_box;
  GtkButton           *acknowledge_button;
  GtkWidget           *acknowledged_label;
  GtkBox              *content_box;
  GtkListBox          *cautions_list;
  GtkButton           *start_button;
  GtkMenuButton       *menu_button;

  gboolean             shown;
  gboolean             focus_cautions_pending;
  gboolean             scroll_cautions_pending;
};

G_DEFINE_FINAL_TYPE (LcRoutineView, lc_routine_view, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_PICTURES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  START,
  ADD,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The cautions as acknowledged or not: the button while they are not, and
 * what changed if the user had acknowledged others. */
static void
update_cautions (LcRoutineView *self)
{
  gboolean acknowledged;

  if (lc_routine_get_cautions (self->routine)[0] == NULL || self->pictures != NULL)
    return;

  acknowledged = lc_start_gate_get_acknowledged (self->routine);
  gtk_widget_set_visible (GTK_WIDGET (self->acknowledge_box), !acknowledged);
  gtk_widget_set_visible (GTK_WIDGET (self->acknowledged_label), acknowledged);
  if (acknowledged)
    adw_preferences_group_set_description (self->cautions_group, NULL);
  else if (lc_start_gate_get_changed (self->routine))
    adw_preferences_group_set_description (self->cautions_group,
                                           _("These cautions have changed since you last read them. "
                                             "Read them before you start."));
  else
    adw_preferences_group_set_description (self->cautions_group,
                                           _("Read these cautions once before you first start this routine."));
}

static void
acknowledged_changed_cb (LcRoutineView *self)
{
  update_cautions (self);
}

/* Not acknowledged yet: the focus on their button; @scroll: and the
 * button scrolled into view (a page just opened shows the cautions from
 * the top, as they come first). */
static void
focus_cautions (LcRoutineView *self,
                gboolean       scroll)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (self->acknowledge_box, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

  self->focus_cautions_pending = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->acknowledge_button));
  /* Seen with a pointer too: Start did not start, here is why */
  if (scroll && GTK_IS_VIEWPORT (viewport))
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), self->acknowledge_box, NULL);
}

static void
acknowledge_clicked_cb (LcRoutineView *self)
{
  lc_start_gate_acknowledge (self->routine);
  update_cautions (self);
  /* Next comes Start */
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* Start, or the ▶ of the row, before the cautions were acknowledged */
static void
request_cautions (LcRoutineView *self,
                  gboolean       scroll)
{
  if (!gtk_widget_get_visible (self->acknowledge_box))
    return;

  /* Screen readers hear why it did not start */
  lc_announce (GTK_WIDGET (self), _("Read the cautions and acknowledge them before you start"));
  if (self->shown)
    focus_cautions (self, scroll);
  else
    {
      self->focus_cautions_pending = TRUE;
      self->scroll_cautions_pending = scroll;
    }
}

static void
gate_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LcRoutineView) self = user_data;

  if (lc_start_gate_check_finish (GTK_WIDGET (source), result))
    g_signal_emit (self, signals [START], 0, self->routine);
}

static void
start_flow (LcRoutineView *self)
{
  if (!lc_start_gate_get_acknowledged (self->routine))
    {
      request_cautions (self, TRUE);
      return;
    }

  lc_start_gate_check_async (self->routine, GTK_WIDGET (self), gate_checked_cb, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_flow (LC_ROUTINE_VIEW (widget));
}

static GtkWidget *
create_step_row (LcStep     *step,
                 guint       number,
                 GHashTable *pictures)
{
  g_autofree char *title = g_markup_printf_escaped ("%u. %s", number, lc_step_get_title (step));
  g_autofree char *timing = lc_step_describe_timing (step);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  /* Decoration: the row says the step's title and instruction */
  GtkWidget *picture = lc_illustration_new_for_step (step, pictures, NULL, 96, 72);

  /* The timing on a line of its own above the instruction: it stays whole in
   * narrow windows, where a column beside the text would be squeezed. */
  subtitle = g_markup_printf_escaped ("<b>%s</b>\n%s", timing, lc_step_get_instruction (step));

  /* Both are markup, with the step's own text escaped. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  return row;
}

/* What the user can do with the routine: change their own, make their own
 * version of a built-in one, copy it, share it, remove their own. */
static void
append_routine_item (GMenu      *menu,
                     const char *label,
                     const char *action,
                     LcRoutine  *routine)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (lc_routine_get_id (routine)));
  g_menu_append_item (menu, item);
}

static void
setup_menu (LcRoutineView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) share = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  gboolean builtin = lc_routine_get_origin (self->routine) == LC_ROUTINE_ORIGIN_BUILTIN;

  if (self->pictures != NULL)
    {
      /* A preview of a shared routine: nothing to do but add it */
      gtk_widget_set_visible (GTK_WIDGET (self->menu_button), FALSE);
      gtk_label_set_label (self->custom_label,
                           _("A routine someone shared with you: look through its steps and cautions before you add it."));
      gtk_widget_set_visible (GTK_WIDGET (self->custom_label), TRUE);
      gtk_button_set_label (self->start_button, _("_Add to My Routines"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "routine.add");
      gtk_widget_set_visible (self->acknowledge_box, FALSE);
      return;
    }

  /* The window's actions, for this routine by its id */
  append_routine_item (edit, builtin ? _("_Customize…") : _("_Edit…"), "win.edit-routine", self->routine);
  append_routine_item (edit, _("_Duplicate…"), "win.duplicate-routine", self->routine);
  append_routine_item (share, _("E_xport…"), "win.export-routine", self->routine);
  if (lc_routine_get_overrides_builtin (self->routine))
    append_routine_item (remove, _("_Reset to Built-in"), "win.remove-routine", self->routine);
  else if (!builtin)
    append_routine_item (remove, _("De_lete Routine"), "win.remove-routine", self->routine);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (share));
  if (g_menu_model_get_n_items (G_MENU_MODEL (remove)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (widget);

  g_signal_emit (self, signals [ADD], 0, self->routine);
}

static void
lc_routine_view_constructed (GObject *object)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (object);
  LcRoutine *routine = self->routine;
  const char * const *cautions = lc_routine_get_cautions (routine);
  g_autofree char *duration = lc_format_duration (lc_routine_get_duration (routine));
  g_autofree char *facts = NULL;
  g_autofree char *hero_description = NULL;
  guint n_steps = lc_routine_get_n_steps (routine);
  GtkWidget *hero;

  G_OBJECT_CLASS (lc_routine_view_parent_class)->constructed (object);

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), lc_routine_get_name (routine));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), lc_routine_get_id (routine));

  /* Translators: what the big picture of a routine shows, for screen readers */
  hero_description = g_strdup_printf (_("Illustration: %s"),
                                      lc_step_get_title (lc_routine_get_illustration_step (routine)));
  hero = lc_illustration_new_for_routine (routine, self->pictures, hero_description, 320, 240);
  adw_bin_set_child (self->hero_bin, hero);

  gtk_label_set_label (self->summary_label, lc_routine_get_summary (routine));
  facts = g_strdup_printf (
    /* Translators: a routine's length, category and number of steps, e.g. "13 min · Massage · 12 steps" */
    g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u step", "%s · %s · %u steps", n_steps),
    duration, lc_category_get_label (lc_routine_get_category (routine)), n_steps);
  gtk_label_set_label (self->facts_label, facts);

  if (lc_routine_get_overrides_builtin (routine))
    {
      gtk_label_set_label (self->custom_label,
                           _("Custom version: this routine from your routines folder replaces the built-in one."));
      gtk_widget_set_visible (GTK_WIDGET (self->custom_label), TRUE);
    }

  /* A routine from a newer version: say which pictures this one lacks */
  if (lc_routine_get_missing_illustrations (routine) != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) lc_routine_get_missing_illustrations (routine));
      g_autofree char *text = g_strdup_printf (
        /* Translators: %s is a list of illustration names */
        _("Some pictures of this routine come from a newer version of Leg Care and are shown as missing: %s. "
          "The steps themselves are complete."), names);

      gtk_label_set_label (self->missing_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_label), TRUE);
    }

  /* The cautions, each a left-aligned paragraph beside its sign, in one
   * card; under it, until they are acknowledged, the button. */
  gtk_widget_set_visible (GTK_WIDGET (self->cautions_group), cautions[0] != NULL);
  for (guint i = 0; cautions[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (cautions[i]);

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Caution"), -1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->cautions_list, row);
    }
  update_cautions (self);
  /* To be read before the first start: first on the page, where the ▶ of
   * the routine's row leads, readable without scrolling at 360 px. Once
   * read, after the summary; the page does not move while it is open. */
  if (cautions[0] != NULL && self->pictures == NULL && !lc_start_gate_get_acknowledged (routine))
    gtk_box_reorder_child_after (self->content_box, GTK_WIDGET (self->cautions_group), NULL);

  for (guint i = 0; i < n_steps; i++)
    adw_preferences_group_add (self->steps_group, create_step_row (lc_routine_get_step (routine, i), i + 1,
                                                                   self->pictures));

  setup_menu (self);
}

/* Pushed to show the cautions: focused once the page is there, as the
 * navigation view moves the focus to a new page itself. */
static void
lc_routine_view_shown (AdwNavigationPage *page)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (page);

  if (ADW_NAVIGATION_PAGE_CLASS (lc_routine_view_parent_class)->shown != NULL)
    ADW_NAVIGATION_PAGE_CLASS (lc_routine_view_parent_class)->shown (page);

  self->shown = TRUE;
  if (self->focus_cautions_pending)
    focus_cautions (self, self->scroll_cautions_pending);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->start_button)))
    /* The page's action first: the keyboard reaches Start without going
     * through every caution and step (Shift+Tab goes back to them) */
    gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
lc_routine_view_hiding (AdwNavigationPage *page)
{
  if (ADW_NAVIGATION_PAGE_CLASS (lc_routine_view_parent_class)->hiding != NULL)
    ADW_NAVIGATION_PAGE_CLASS (lc_routine_view_parent_class)->hiding (page);

  LC_ROUTINE_VIEW (page)->shown = FALSE;
}

static void
lc_routine_view_dispose (GObject *object)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_ROUTINE_VIEW);
  g_clear_object (&self->routine);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pictures, g_hash_table_unref);

  G_OBJECT_CLASS (lc_routine_view_parent_class)->dispose (object);
}

static void
lc_routine_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    case PROP_PICTURES:
      g_value_set_boxed (value, self->pictures);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_routine_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LcRoutineView *self = LC_ROUTINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;

    case PROP_PICTURES:
      self->pictures = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_routine_view_class_init (LcRoutineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwNavigationPageClass *navigation_page_class = ADW_NAVIGATION_PAGE_CLASS (klass);

  object_class->constructed = lc_routine_view_constructed;
  navigation_page_class->shown = lc_routine_view_shown;
  navigation_page_class->hiding = lc_routine_view_hiding;
  object_class->dispose = lc_routine_view_dispose;
  object_class->get_property = lc_routine_view_get_property;
  object_class->set_property = lc_routine_view_set_property;

  properties [PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         LC_TYPE_ROUTINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A shared routine's pictures, by name: set for a preview */
  properties [PROP_PICTURES] =
    g_param_spec_boxed ("pictures", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcRoutineView::start:
   * @routine: the routine to run
   *
   * The user chose Start, answered the questions and read the cautions.
   */
  signals [START] =
    g_signal_new ("start",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ROUTINE);

  /**
   * LcRoutineView::add:
   * @routine: the shared routine being previewed
   *
   * The user chose to add the shared routine to their routines.
   */
  signals [ADD] =
    g_signal_new ("add",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LegCare/ui/lc-routine-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, hero_bin);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, facts_label);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, custom_label);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, missing_label);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, cautions_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, steps_group);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, content_box);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, cautions_list);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, acknowledge_box);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, acknowledged_label);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, start_button);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LcRoutineView, menu_button);

  gtk_widget_class_install_action (widget_class, "routine.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "routine.add", NULL, add_action);
}

static void
lc_routine_view_init (LcRoutineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::cautions-acknowledged",
                           G_CALLBACK (acknowledged_changed_cb), self, G_CONNECT_SWAPPED);

}

LcRoutineView *
lc_routine_view_new (LcRoutine *routine)
{
  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);

  return g_object_new (LC_TYPE_ROUTINE_VIEW,
                       "routine", routine,
                       NULL);
}

/**
 * lc_routine_view_new_preview:
 * @routine: a shared routine, not added yet
 * @pictures: (element-type utf8 GBytes): its pictures
 *
 * The routine as it would be, with "Add to My Routines" instead of Start;
 * #LcRoutineView::add tells when the user chose it.
 */
LcRoutineView *
lc_routine_view_new_preview (LcRoutine  *routine,
                             GHashTable *pictures)
{
  LcRoutineView *self;

  g_return_val_if_fail (LC_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (pictures != NULL, NULL);

  /* The pictures are needed while the page is built. */
  self = g_object_new (LC_TYPE_ROUTINE_VIEW, "pictures", pictures, "routine", routine, NULL);
  return self;
}

LcRoutine *
lc_routine_view_get_routine (LcRoutineView *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_VIEW (self), NULL);

  return self->routine;
}

/**
 * lc_routine_view_show_cautions:
 *
 * Shows the routine's cautions, not acknowledged yet, with the focus on
 * their button (once the page is shown, if it is on its way): what the ▶
 * of its row does until they are acknowledged. They come first on a page
 * opened so, and are seen from the top.
 */
void
lc_routine_view_show_cautions (LcRoutineView *self)
{
  g_return_if_fail (LC_IS_ROUTINE_VIEW (self));

  request_cautions (self, FALSE);
}

/**
 * lc_routine_view_get_pictures:
 *
 * Returns: (transfer none) (nullable): a shared routine's pictures, for a
 *   preview
 */
GHashTable *
lc_routine_view_get_pictures (LcRoutineView *self)
{
  g_return_val_if_fail (LC_IS_ROUTINE_VIEW (self), NULL);

  return self->pictures;
}
