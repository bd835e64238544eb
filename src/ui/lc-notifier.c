/* lc-notifier.c: the reminders of the settings, as notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings say which reminders are on and when; an LcReminderScheduler
 * says when one is due; this sends the notification, with buttons that
 * activate the app's reminder-* actions. What the scheduler has handled is
 * kept in the reminder-state setting, so a restart neither repeats a
 * reminder nor loses one: a reminder that came while Leg Care was not
 * running is told once, as missed.
 *
 * While a reminder is on, the app holds itself, so that it goes on running
 * with its window closed; in the Flatpak sandbox that needs the Background
 * portal's permission, asked for when a reminder is turned on. Its answer
 * is kept in the background-permission setting for Preferences to show.
 *
 * The sitting breaks are reminders too: an LcBreakScheduler counts the
 * time at the computer (GNOME's idle monitor tells when the user is away,
 * see LcIdleMonitor) and this offers the break, "sitting-break", with
 * Start, Later and Skip; a session running holds it back, and outside the
 * sandbox GNOME's Do Not Disturb does too (the portal does not tell it
 * inside; there GNOME Shell keeps the banner back itself).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "lc-idle-monitor.h"
#include "lc-notifier.h"

struct _LcNotifier
{
  GObject              parent_instance;

  GtkApplication      *app;          /* weak: the app owns the reminders */
  LcRoutineLibrary    *routines;
  GSettings           *settings;
  LcClock             *clock;
  GTimeZone           *tz;
  LcReminderScheduler *scheduler;
  XdpPortal           *portal;
  LcBreakScheduler    *breaks;
  LcActivity          *activity;     /* nullable: while the breaks are off */
  gboolean             activity_given; /* by a test: kept */
  GSettings           *desktop_notifications;  /* nullable: Do Not Disturb */

  gboolean             started;
  gboolean             any_enabled;
  gboolean             breaks_enabled;
  guint                n_sessions;   /* sessions running */
  gboolean             holding;      /* g_application_hold() is taken */
  gboolean             asking;       /* a portal request is under way */
};

G_DEFINE_FINAL_TYPE (LcNotifier, lc_notifier, G_TYPE_OBJECT)

enum {
  CHANGED,
  NOTIFIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GDateTime *
local_time (LcNotifier *self,
            gint64      unix_s)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_s);

  return utc != NULL ? g_date_time_to_timezone (utc, self->tz) : NULL;
}

static GDateTime *
now (LcNotifier *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc_usec (lc_clock_get_real_time (self->clock));

  return g_date_time_to_timezone (utc, self->tz);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "08:00" today, "Tomorrow, 08:00", otherwise "Wednesday 08:00". */
static char *
describe_time (LcNotifier *self,
               GDateTime  *time)
{
  g_autoptr(GDateTime) today = now (self);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autofree char *clock_time = g_date_time_format (time, "%R");

  if (same_day (time, today))
    return g_steal_pointer (&clock_time);
  if (same_day (time, tomorrow))
    /* Translators: when a reminder comes, e.g. "Tomorrow, 08:00" */
    return g_strdup_printf (_("Tomorrow, %s"), clock_time);

  /* Translators: when a reminder comes or came, e.g. "Wednesday 08:00"; see g_date_time_format() */
  return g_date_time_format (time, _("%A %R"));
}

static guint16
minute_setting (LcNotifier *self,
                const char *key)
{
  return (guint16) MIN (g_settings_get_uint (self->settings, key), LC_REMINDER_MINUTES_PER_DAY - 1);
}

/* The reminders that are on. The scheduler only gets those: one turned
 * off is forgotten, and when it is turned on again it counts from then. */
static GPtrArray *
read_reminders (LcNotifier *self)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) lc_reminder_free);
  g_autofree char *routine_id = g_settings_get_string (self->settings, "routine-reminder-routine");
  guint8 days = g_settings_get_uint (self->settings, "routine-reminder-days") & LC_WEEKDAYS_ALL;

  if (g_settings_get_boolean (self->settings, "routine-reminder-enabled") && routine_id[0] != '\0' && days != 0)
    g_ptr_array_add (reminders, lc_reminder_new (LC_REMINDER_ID_ROUTINE, LC_REMINDER_ROUTINE, routine_id, days,
                                                 minute_setting (self, "routine-reminder-time")));
  if (g_settings_get_boolean (self->settings, "diary-reminder-morning-enabled"))
    g_ptr_array_add (reminders, lc_reminder_new (LC_REMINDER_ID_DIARY_MORNING, LC_REMINDER_DIARY, NULL,
                                                 LC_WEEKDAYS_ALL,
                                                 minute_setting (self, "diary-reminder-morning-time")));
  if (g_settings_get_boolean (self->settings, "diary-reminder-evening-enabled"))
    g_ptr_array_add (reminders, lc_reminder_new (LC_REMINDER_ID_DIARY_EVENING, LC_REMINDER_DIARY, NULL,
                                                 LC_WEEKDAYS_ALL,
                                                 minute_setting (self, "diary-reminder-evening-time")));

  return reminders;
}

static void
read_break_rules (LcNotifier   *self,
                  LcBreakRules *rules)
{
  rules->enabled = g_settings_get_boolean (self->settings, "sitting-break-enabled");
  rules->interval_minutes = g_settings_get_uint (self->settings, "sitting-break-interval");
  rules->start_minute = minute_setting (self, "sitting-break-start");
  rules->end_minute = minute_setting (self, "sitting-break-end");
  rules->weekdays = g_settings_get_uint (self->settings, "sitting-break-days") & LC_WEEKDAYS_ALL;
  rules->only_while_active = g_settings_get_boolean (self->settings, "sitting-break-only-active");

  /* No day: as off */
  if (rules->weekdays == 0)
    rules->enabled = FALSE;
}

/* Keep running with the window closed while a reminder is on, and only then. */
static void
update_hold (LcNotifier *self)
{
  if (self->app == NULL || self->holding == self->any_enabled)
    return;

  self->holding = self->any_enabled;
  if (self->holding)
    g_application_hold (G_APPLICATION (self->app));
  else
    g_application_release (G_APPLICATION (self->app));
}

static void setup_breaks (LcNotifier *self,
                          GVariant   *state);
static void activity_changed_cb (LcNotifier *self);

/* GNOME's idle monitor is asked only while the breaks are on: off, the
 * app adds no watch to the compositor. The count goes on across. */
static void
ensure_activity (LcNotifier *self,
                 gboolean    wanted)
{
  g_autoptr(GVariant) state = NULL;

  if (self->activity_given || wanted == (self->activity != NULL))
    return;

  state = lc_break_scheduler_get_state (self->breaks);
  if (wanted)
    {
      self->activity = lc_idle_monitor_new (NULL);
      g_signal_connect_object (self->activity, "notify::available", G_CALLBACK (activity_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      g_signal_handlers_disconnect_by_data (self->activity, self);
      g_clear_object (&self->activity);
    }
  setup_breaks (self, state);
}

static void
reload (LcNotifier *self)
{
  g_autoptr(GPtrArray) reminders = read_reminders (self);
  LcBreakRules rules;

  read_break_rules (self, &rules);
  ensure_activity (self, rules.enabled);
  self->breaks_enabled = rules.enabled;
  self->any_enabled = reminders->len > 0 || rules.enabled;
  lc_reminder_scheduler_set_reminders (self->scheduler, reminders);
  lc_break_scheduler_set_rules (self->breaks, &rules);
  if (self->started)
    lc_break_scheduler_start (self->breaks);
  update_hold (self);

  g_signal_emit (self, signals [CHANGED], 0);
}

static GNotification *
create_notification (LcNotifier       *self,
                     const LcReminder *reminder,
                     gint64            slot,
                     gboolean          missed)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) slot_time = local_time (self, slot);
  g_autofree char *when = slot_time != NULL ? describe_time (self, slot_time) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GVariant *id = g_variant_new_string (reminder->id);

  if (reminder->kind == LC_REMINDER_ROUTINE)
    {
      LcRoutine *routine = lc_routine_library_find (self->routines, reminder->routine_id);
      const char *name = routine != NULL ? lc_routine_get_name (routine) : _("Your Routine");

      if (missed)
        {
          /* Translators: a notification's title; %s is a routine's name */
          title = g_strdup_printf (_("Missed Reminder: %s"), name);
          /* Translators: %s is when the reminder was due, e.g. "07:30" or "Wednesday 07:30" */
          body = g_strdup_printf (_("It was due at %s. You can still do it now."), when);
        }
      else
        {
          /* Translators: a notification's title; %s is a routine's name */
          title = g_strdup_printf (_("Time for %s"), name);
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Start now, or choose Later to be reminded in %d minute.",
                                               "Start now, or choose Later to be reminded in %d minutes.",
                                               LC_REMINDER_SNOOZE_MINUTES),
                                  LC_REMINDER_SNOOZE_MINUTES);
        }

      notification = g_notification_new (title);
      g_notification_add_button_with_target (notification, _("Start Now"), "app.reminder-start", "s",
                                             reminder->routine_id);
    }
  else
    {
      if (missed)
        {
          title = g_strdup (_("Missed Reminder: How Do Your Legs Feel?"));
          /* Translators: %s is when the reminder was due, e.g. "08:00" or "Wednesday 08:00" */
          body = g_strdup_printf (_("It was due at %s. You can still note how your legs feel."), when);
        }
      else
        {
          title = g_strdup (_("How Do Your Legs Feel?"));
          body = g_strdup (_("A short diary entry shows how your legs change over time."));
        }

      notification = g_notification_new (title);
      g_notification_add_button_with_target_value (notification, _("Log Now"), "app.reminder-log", id);
    }

  g_notification_set_body (notification, body);
  g_notification_add_button_with_target_value (notification, _("Later"), "app.reminder-snooze", id);
  g_notification_set_default_action_and_target_value (notification, "app.reminder-open", id);

  return g_steal_pointer (&notification);
}

static void
due_cb (LcNotifier          *self,
        LcReminder          *reminder,
        gint64               slot,
        gboolean             missed,
        gboolean             snoozed,
        LcReminderScheduler *scheduler)
{
  g_autoptr(GNotification) notification = create_notification (self, reminder, slot, missed);
  g_autofree char *notification_id = g_strconcat ("reminder-", reminder->id, NULL);

  g_debug ("Reminder “%s” is due%s%s", reminder->id, missed ? ", missed" : "", snoozed ? ", snoozed" : "");

  if (self->app != NULL)
    g_application_send_notification (G_APPLICATION (self->app), notification_id, notification);
  g_signal_emit (self, signals [NOTIFIED], 0, notification_id, notification);
}

static void
state_changed_cb (LcNotifier          *self,
                  LcReminderScheduler *scheduler)
{
  g_autoptr(GVariant) state = lc_reminder_scheduler_get_state (scheduler);
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "reminder-state");

  if (!g_variant_equal (state, saved))
    g_settings_set_value (self->settings, "reminder-state", state);

  /* A snooze changes what comes next. */
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
settings_changed_cb (LcNotifier *self,
                     const char *key,
                     GSettings  *settings)
{
  gboolean was_enabled = self->any_enabled;

  if (!g_str_has_prefix (key, "routine-reminder-") && !g_str_has_prefix (key, "diary-reminder-") &&
      !(g_str_has_prefix (key, "sitting-break-") && !g_str_equal (key, "sitting-break-state")))
    return;

  reload (self);

  /* Turned on: ask to run in the background, over the window if it is up. */
  if (self->started && !was_enabled && self->any_enabled && self->app != NULL)
    lc_notifier_request_background (self, gtk_application_get_active_window (self->app));
}

static GNotification *
create_break_notification (LcNotifier *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Time to Move Your Legs"));
  LcBreakRules rules;
  g_autofree char *body = NULL;

  lc_break_scheduler_get_rules (self->breaks, &rules);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You have been sitting for %u minute. Stand up and walk "
                                       "about, or move your feet for a minute: it keeps the blood "
                                       "in your legs flowing.",
                                       "You have been sitting for %u minutes. Stand up and walk "
                                       "about, or move your feet for a minute: it keeps the blood "
                                       "in your legs flowing.",
                                       rules.interval_minutes),
                          rules.interval_minutes);
  g_notification_set_body (notification, body);
  g_notification_add_button (notification, _("Start"), "app.break-start");
  g_notification_add_button (notification, _("Later"), "app.break-later");
  g_notification_add_button (notification, _("Skip"), "app.break-skip");
  g_notification_set_default_action (notification, "app.break-start");
  /* Normal, never urgent: GNOME Shell then holds the banner back while the
   * screen is in fullscreen (a presentation, a video call shared full
   * screen) and shows it after. An app can't tell on Wayland whether
   * another app is in fullscreen, so this is where breaks respect one. */
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);

  return g_steal_pointer (&notification);
}

static void
break_due_cb (LcNotifier       *self,
              LcBreakScheduler *breaks)
{
  g_autoptr(GNotification) notification = create_break_notification (self);

  g_debug ("A sitting break is due");

  /* The same id: sitting on through one prompt replaces it */
  if (self->app != NULL)
    g_application_send_notification (G_APPLICATION (self->app), LC_NOTIFICATION_ID_BREAK, notification);
  g_signal_emit (self, signals [NOTIFIED], 0, LC_NOTIFICATION_ID_BREAK, notification);
}

static void
break_withdrawn_cb (LcNotifier       *self,
                    LcBreakScheduler *breaks)
{
  g_debug ("The sitting break is not needed any more");

  if (self->app != NULL)
    g_application_withdraw_notification (G_APPLICATION (self->app), LC_NOTIFICATION_ID_BREAK);
}

static void
break_state_changed_cb (LcNotifier       *self,
                        LcBreakScheduler *breaks)
{
  g_autoptr(GVariant) state = lc_break_scheduler_get_state (breaks);
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "sitting-break-state");

  if (!g_variant_equal (state, saved))
    g_settings_set_value (self->settings, "sitting-break-state", state);

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
activity_changed_cb (LcNotifier *self)
{
  /* Preferences says whether time away counts */
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
show_banners_changed_cb (LcNotifier *self,
                         const char *key,
                         GSettings  *settings)
{
  gboolean muted = !g_settings_get_boolean (settings, "show-banners");

  if (self->breaks != NULL)
    lc_break_scheduler_set_muted (self->breaks, muted);
}

/* GNOME's Do Not Disturb, where it can be read: outside the sandbox (the
 * Settings portal does not pass this schema on). */
static void
watch_do_not_disturb (LcNotifier *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return;

  schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.notifications", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "show-banners"))
    return;

  self->desktop_notifications = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->desktop_notifications, "changed::show-banners",
                           G_CALLBACK (show_banners_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
setup_breaks (LcNotifier *self,
              GVariant   *state)
{
  if (self->breaks != NULL)
    {
      lc_break_scheduler_stop (self->breaks);
      g_signal_handlers_disconnect_by_data (self->breaks, self);
      g_clear_object (&self->breaks);
    }

  self->breaks = lc_break_scheduler_new (self->clock, self->tz, self->activity);
  lc_break_scheduler_set_state (self->breaks, state);
  lc_break_scheduler_set_busy (self->breaks, self->n_sessions > 0);
  if (self->desktop_notifications != NULL)
    show_banners_changed_cb (self, "show-banners", self->desktop_notifications);
  g_signal_connect_object (self->breaks, "due", G_CALLBACK (break_due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->breaks, "withdrawn", G_CALLBACK (break_withdrawn_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->breaks, "state-changed", G_CALLBACK (break_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
setup_scheduler (LcNotifier *self)
{
  g_autoptr(GVariant) state = g_settings_get_value (self->settings, "reminder-state");

  if (self->scheduler != NULL)
    {
      lc_reminder_scheduler_stop (self->scheduler);
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
      g_clear_object (&self->scheduler);
    }

  {
    g_autoptr(GVariant) break_state = g_settings_get_value (self->settings, "sitting-break-state");

    setup_breaks (self, break_state);
  }
  self->scheduler = lc_reminder_scheduler_new (self->clock, self->tz);
  lc_reminder_scheduler_set_state (self->scheduler, state);
  g_signal_connect_object (self->scheduler, "due", G_CALLBACK (due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "state-changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);

  if (self->started)
    {
      lc_reminder_scheduler_start (self->scheduler);
      lc_break_scheduler_start (self->breaks);
    }
}

static void
background_requested_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(LcNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean granted = xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error);
  const char *outcome;

  self->asking = FALSE;

  /* The user said no (or closed the portal's dialog); an error from D-Bus
   * means there is no portal, or none with a Background interface. */
  if (granted)
    outcome = "granted";
  else if (error == NULL || error->domain != G_DBUS_ERROR)
    outcome = "refused";
  else
    outcome = "unavailable";

  g_debug ("Background permission: %s%s%s", outcome, error ? ": " : "", error ? error->message : "");

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "background-permission", outcome);
}

static void
lc_notifier_dispose (GObject *object)
{
  LcNotifier *self = LC_NOTIFIER (object);

  if (self->scheduler != NULL)
    lc_reminder_scheduler_stop (self->scheduler);
  if (self->breaks != NULL)
    {
      /* Where the count stopped, for the next run */
      lc_break_scheduler_stop (self->breaks);
      if (self->settings != NULL)
        break_state_changed_cb (self, self->breaks);
      g_signal_handlers_disconnect_by_data (self->breaks, self);
    }
  self->any_enabled = FALSE;
  update_hold (self);
  if (self->app != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->app), (gpointer *) &self->app);
  self->app = NULL;

  g_clear_object (&self->scheduler);
  g_clear_object (&self->breaks);
  g_clear_object (&self->activity);
  g_clear_object (&self->desktop_notifications);
  g_clear_object (&self->portal);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->routines);

  G_OBJECT_CLASS (lc_notifier_parent_class)->dispose (object);
}

static void
lc_notifier_finalize (GObject *object)
{
  LcNotifier *self = LC_NOTIFIER (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);

  G_OBJECT_CLASS (lc_notifier_parent_class)->finalize (object);
}

static void
lc_notifier_class_init (LcNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_notifier_dispose;
  object_class->finalize = lc_notifier_finalize;

  /**
   * LcNotifier::changed:
   *
   * The reminders were turned on or off or changed, or the next one
   * changed (a snooze).
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LcNotifier::notified:
   * @id: the notification's id, "reminder-" and the reminder's id
   * @notification: the notification
   *
   * A notification was sent.
   */
  signals [NOTIFIED] =
    g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_NOTIFICATION);
}

static void
lc_notifier_init (LcNotifier *self)
{
  self->tz = g_time_zone_new_local ();
}

/**
 * lc_notifier_new:
 * @app: the application, which sends the notifications and whose
 *   reminder-* actions they activate
 * @settings: the app's settings, with the reminders
 * @routines: the routines, for their names
 * @clock: (nullable): where the time comes from; %NULL for the real clock
 *
 * Reads the reminders and what was handled of them from @settings
 * and follows their changes; lc_notifier_start() starts the notifying.
 *
 * Returns: (transfer full): the reminders
 */
LcNotifier *
lc_notifier_new (GtkApplication   *app,
                 GSettings        *settings,
                 LcRoutineLibrary *routines,
                 LcClock          *clock)
{
  LcNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (LC_IS_ROUTINE_LIBRARY (routines), NULL);
  g_return_val_if_fail (clock == NULL || LC_IS_CLOCK (clock), NULL);

  self = g_object_new (LC_TYPE_NOTIFIER, NULL);
  self->app = app;
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &self->app);
  self->routines = g_object_ref (routines);
  self->settings = g_object_ref (settings);
  self->clock = clock != NULL ? g_object_ref (clock) : lc_clock_new_real ();
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  watch_do_not_disturb (self);
  setup_scheduler (self);

  return self;
}

/**
 * lc_notifier_start:
 *
 * Sends the reminders that are due from now on, and the latest one that
 * came while Leg Care was not running, as missed.
 */
void
lc_notifier_start (LcNotifier *self)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));

  self->started = TRUE;
  lc_reminder_scheduler_start (self->scheduler);
  lc_break_scheduler_start (self->breaks);
}

/**
 * lc_notifier_set_clock:
 * @clock: (nullable): where the time comes from; %NULL for the real clock
 *
 * For tests: the reminders go on from what the settings say was handled,
 * by @clock's time.
 */
void
lc_notifier_set_clock (LcNotifier *self,
                       LcClock    *clock)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (clock == NULL || LC_IS_CLOCK (clock));

  g_clear_object (&self->clock);
  self->clock = clock != NULL ? g_object_ref (clock) : lc_clock_new_real ();
  setup_scheduler (self);
}

/**
 * lc_notifier_any_enabled:
 *
 * Returns: whether a reminder is on (and set for at least one day)
 */
gboolean
lc_notifier_any_enabled (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), FALSE);

  return self->any_enabled;
}

/**
 * lc_notifier_get_holding:
 *
 * Returns: whether the reminders keep the app running without a window
 */
gboolean
lc_notifier_get_holding (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), FALSE);

  return self->holding;
}

/**
 * lc_notifier_get_next:
 * @id: (out) (optional) (transfer none): the reminder that comes next
 *
 * Returns: (transfer full) (nullable): when the next reminder comes, in
 *   local time; %NULL if none will
 */
GDateTime *
lc_notifier_get_next (LcNotifier  *self,
                      const char **id)
{
  LcReminder *reminder = NULL;
  GDateTime *next;

  if (id != NULL)
    *id = NULL;
  g_return_val_if_fail (LC_IS_NOTIFIER (self), NULL);

  next = lc_reminder_scheduler_get_next (self->scheduler, &reminder);
  if (id != NULL && reminder != NULL)
    *id = reminder->id;

  return next;
}

/**
 * lc_notifier_describe_next:
 *
 * Returns: (transfer full) (nullable): when the next reminder comes, for
 *   people, e.g. "Tomorrow, 08:00"; %NULL if none will
 */
char *
lc_notifier_describe_next (LcNotifier *self)
{
  g_autoptr(GDateTime) next = NULL;

  g_return_val_if_fail (LC_IS_NOTIFIER (self), NULL);

  next = lc_notifier_get_next (self, NULL);

  return next != NULL ? describe_time (self, next) : NULL;
}

/**
 * lc_notifier_snooze:
 * @id: a reminder's id, e.g. "diary-morning"
 *
 * Takes the reminder's notification away and sends it again in
 * %LC_REMINDER_SNOOZE_MINUTES minutes.
 */
void
lc_notifier_snooze (LcNotifier *self,
                    const char *id)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  lc_notifier_withdraw (self, id);
  lc_reminder_scheduler_snooze (self->scheduler, id);
}

/**
 * lc_notifier_withdraw:
 * @id: a reminder's id
 *
 * Takes the reminder's notification away: the user has acted on it.
 */
void
lc_notifier_withdraw (LcNotifier *self,
                      const char *id)
{
  g_autofree char *notification_id = NULL;

  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  notification_id = g_strconcat ("reminder-", id, NULL);
  if (self->app != NULL)
    g_application_withdraw_notification (G_APPLICATION (self->app), notification_id);
}

/**
 * lc_notifier_request_background:
 * @parent: (nullable): the window to show the question over
 *
 * Asks the Background portal to let Leg Care run without a window and
 * to start it at login with `--background`. The answer goes to the
 * background-permission setting: granted, refused, or unavailable when
 * there is no portal to ask.
 */
void
lc_notifier_request_background (LcNotifier *self,
                                GtkWindow  *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commandline = NULL;
  g_autofree char *reason = NULL;
  XdpParent *xdp_parent = NULL;

  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (self->asking)
    return;

  if (self->portal == NULL)
    self->portal = xdp_portal_initable_new (&error);
  if (self->portal == NULL)
    {
      g_debug ("No portal: %s", error->message);
      g_settings_set_string (self->settings, "background-permission", "unavailable");
      return;
    }

  commandline = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (commandline, g_strdup ("legcare"));
  g_ptr_array_add (commandline, g_strdup ("--background"));
  reason = g_strdup (_("Leg Care reminds you of your routine and your diary at the times you chose, "
                       "also when its window is closed."));

  /* The portal's dialog goes over a window that is on screen. */
  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    xdp_parent = xdp_parent_new_gtk (parent);

  self->asking = TRUE;
  xdp_portal_request_background (self->portal, xdp_parent, reason, commandline,
                                 XDP_BACKGROUND_FLAG_AUTOSTART, NULL,
                                 background_requested_cb, g_object_ref (self));
  g_clear_pointer (&xdp_parent, xdp_parent_free);
}

/**
 * lc_notifier_set_activity:
 * @activity: where the sitting breaks learn whether the user is at the
 *   computer
 *
 * For tests: another source than GNOME's idle monitor. The count goes on
 * from what the settings say.
 */
void
lc_notifier_set_activity (LcNotifier *self,
                          LcActivity *activity)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (LC_IS_ACTIVITY (activity));

  if (self->breaks != NULL)
    lc_break_scheduler_stop (self->breaks);
  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);
  g_set_object (&self->activity, activity);
  self->activity_given = TRUE;
  g_signal_connect_object (self->activity, "notify::available", G_CALLBACK (activity_changed_cb), self,
                           G_CONNECT_SWAPPED);
  setup_scheduler (self);
}

/**
 * lc_notifier_get_breaks_enabled:
 *
 * Returns: whether the sitting breaks are on (and set for at least one day)
 */
gboolean
lc_notifier_get_breaks_enabled (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), FALSE);

  return self->breaks_enabled;
}

/**
 * lc_notifier_get_activity_available:
 *
 * Returns: whether the desktop tells when the user is away, so that only
 *   the time at the computer can count
 */
gboolean
lc_notifier_get_activity_available (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), FALSE);

  return self->activity != NULL && lc_activity_get_available (self->activity);
}

/**
 * lc_notifier_get_activity:
 *
 * Returns: (transfer none) (nullable): where the sitting breaks learn
 *   whether the user is at the computer; %NULL while they are off
 */
LcActivity *
lc_notifier_get_activity (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), NULL);

  return self->activity;
}

/**
 * lc_notifier_get_breaks:
 *
 * Returns: (transfer none): the sitting breaks' scheduler, for tests
 */
LcBreakScheduler *
lc_notifier_get_breaks (LcNotifier *self)
{
  g_return_val_if_fail (LC_IS_NOTIFIER (self), NULL);

  return self->breaks;
}

/**
 * lc_notifier_break_answered:
 * @answer: what the user chose
 *
 * The break's notification, answered: it is taken away; Later brings it
 * again after %LC_BREAK_LATER_MINUTES more minutes of sitting, Skip after
 * a full interval, Start leaves the count to the session that follows.
 */
void
lc_notifier_break_answered (LcNotifier    *self,
                            LcBreakAnswer  answer)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));

  if (self->app != NULL)
    g_application_withdraw_notification (G_APPLICATION (self->app), LC_NOTIFICATION_ID_BREAK);

  switch (answer)
    {
    case LC_BREAK_ANSWER_LATER:
      lc_break_scheduler_later (self->breaks);
      break;

    case LC_BREAK_ANSWER_SKIP:
      lc_break_scheduler_skip (self->breaks);
      break;

    case LC_BREAK_ANSWER_START:
    default:
      break;
    }
}

/**
 * lc_notifier_session_started:
 *
 * A guided session began: no break is offered while it runs.
 */
void
lc_notifier_session_started (LcNotifier *self)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));

  self->n_sessions++;
  lc_break_scheduler_set_busy (self->breaks, TRUE);
}

/**
 * lc_notifier_session_ended:
 * @moved: whether at least one step was done: a break from sitting
 *
 * A guided session ended (finished or stopped).
 */
void
lc_notifier_session_ended (LcNotifier *self,
                           gboolean    moved)
{
  g_return_if_fail (LC_IS_NOTIFIER (self));
  g_return_if_fail (self->n_sessions > 0);

  self->n_sessions--;
  if (moved)
    lc_break_scheduler_break_taken (self->breaks);
  lc_break_scheduler_set_busy (self->breaks, self->n_sessions > 0);
}
