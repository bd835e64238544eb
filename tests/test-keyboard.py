#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's flows by keyboard alone, with real key events, as a screen
reader user hears them.

The legcare binary runs as its own process on a private accessibility bus
(see lc_atspi.py). Every key goes through the X server (XTest, through
AT-SPI), so the focus moves as GTK moves it for a real keyboard; what the
app shows and says is read back over AT-SPI: the focused node, names,
states, and the announcements (gtk_accessible_announce) a screen reader
speaks. The flows:
- Routines: Tab to a row, Ctrl+F to the search, Enter on a row (the
  routine's page with the focus on Start), Enter in the search;
- the player: a routine started from its page, the rating before with a
  number key, Space to pause and resume, Right to the next step, Escape
  to stop, the rating after, then Discard (the diary stays empty) and,
  in a second run, Save (the Diary shows the session);
- an entry: Ctrl+N, a number, Tab, a number, Enter; opened again from its
  Diary row with Enter and changed; deleted from the dialog, and back
  with Undo;
- Trends: the period changed with Alt+Left and read, a day's values read
  from the chart with the arrow keys;
- a routine built in the editor: a name, two built-in steps chosen from
  the picker with Enter, reordered with Alt+Up, saved with Ctrl+S;
- Preferences: Ctrl+comma, a switch turned with Space, Escape, and the
  change still there when they open again.

Usage: test-keyboard.py LEGCARE SEED-DIARY   (under xvfb-run and dbus-run-session)
Output: TAP.
"""
import subprocess
import sys
import time

try:
    import lc_atspi
    from lc_atspi import (KEY_DOWN, KEY_END, KEY_ESCAPE, KEY_LEFT, KEY_RETURN, KEY_RIGHT, KEY_SPACE, KEY_TAB,
                          Atspi, combo, find, focused, key, named, type_text, wait_for, where)
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI client library: {e}")
    sys.exit(0)

TESTS = 23
LABEL, BUTTON, TOGGLE = Atspi.Role.LABEL, Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON


def settle(seconds=0.5):
    time.sleep(seconds * lc_atspi.slowdown())


def has_state(node, state):
    return node is not None and node.get_state_set().contains(state)


def tab_to(root, predicate, limit=40):
    """Tab (forwards) until the focus is on a node @predicate takes"""
    for _ in range(limit):
        now = focused(root)
        if now is not None and predicate(now):
            return now
        key(KEY_TAB)
    return None


def focus_says(root):
    now = focused(root)
    return [f"the focus is on {where(now)}"]


def start(app, legcare):
    root = app.start(legcare)
    if root is not None:
        settle(1)
    return root


def routines(app, legcare):
    """Tab to a row, Ctrl+F, Enter on the row, Enter in the search"""
    root = start(app, legcare)
    lc_atspi.ok(root is not None, "routines: the app is on the accessibility bus")
    if root is None:
        return
    row = find(root, named(Atspi.Role.LIST_ITEM, "Leg Elevation"))
    for _ in range(30):
        if row is None or has_state(row, Atspi.StateType.FOCUSED):
            break
        key(KEY_TAB)
    lc_atspi.ok(has_state(row, Atspi.StateType.FOCUSED), "routines: Tab reaches a routine's row")

    combo("Control", "f")
    now = focused(root)
    lc_atspi.ok(now is not None and now.get_role() == Atspi.Role.ENTRY, "routines: Ctrl+F focuses the search",
                focus_says(root))

    for _ in range(30):
        if row is None or has_state(row, Atspi.StateType.FOCUSED):
            break
        key(KEY_TAB)
    key(KEY_RETURN)
    start_button = wait_for(root, named(BUTTON, "Start"))
    lc_atspi.ok(start_button is not None, "routines: Enter on a routine's row opens it", focus_says(root))
    settle()
    lc_atspi.ok(has_state(start_button, Atspi.StateType.FOCUSED),
                "routines: the routine's page opens with the focus on Start", focus_says(root))
    app.stop()

    root = start(app, legcare)
    if root is None:
        lc_atspi.ok(False, "routines: the app starts again")
        return
    combo("Control", "f")
    type_text("elevation")
    settle()
    key(KEY_RETURN)
    page = wait_for(root, named(BUTTON, "Start"))
    title = find(root, named(LABEL, "Leg Elevation"))
    lc_atspi.ok(page is not None and title is not None, "routines: Enter in the search opens the first result",
                focus_says(root))
    app.stop()


def chosen(root, group_name):
    """The number chosen in the 0-10 scale called @group_name, or None"""
    group = find(root, lambda n: (n.get_name() or "") == group_name and n.get_child_count() > 0)
    if group is None:
        return None
    toggle = find(group, lambda n: n.get_role() in (TOGGLE, Atspi.Role.RADIO_BUTTON) and
                  has_state(n, Atspi.StateType.CHECKED))
    return toggle.get_name() if toggle is not None else None


def session(app, legcare, save):
    """A session by keyboard from the routine's page to the summary; @save
    or Discard at the end. Returns whether the summary was reached."""
    root = start(app, legcare)
    what = "player (save)" if save else "player (discard)"
    if root is None:
        lc_atspi.ok(False, f"{what}: the app is on the accessibility bus")
        return None
    events = lc_atspi.Events(app.process.pid)
    activate_page("routines")
    combo("Control", "f")
    type_text("elevation")
    settle()
    key(KEY_RETURN)
    wait_for(root, named(BUTTON, "Start"))
    settle()
    key(KEY_RETURN)
    settle()
    if not save:
        # The first time, Start asks for the cautions to be read first
        now = focused(root)
        lc_atspi.ok(now is not None and now.get_name() == "I Have Read the Cautions",
                    f"{what}: the first Start takes the focus to the cautions' acknowledgement", focus_says(root))
        key(KEY_RETURN)
        settle()
        now = focused(root)
        lc_atspi.ok(now is not None and now.get_name() == "Start",
                    f"{what}: acknowledged, the focus is back on Start", focus_says(root))
        key(KEY_RETURN)
    ready = wait_for(root, named(LABEL, "Get Ready"))
    lc_atspi.ok(ready is not None and wait_for(root, named(BUTTON, "Pause")) is not None,
                f"{what}: Enter on Start opens the player on Get Ready", focus_says(root))
    settle()
    key(ord("6"))
    settle()
    lc_atspi.ok(chosen(root, "Heaviness before the session") == "6",
                f"{what}: the number key 6 rates heaviness before",
                [f"chosen: {chosen(root, 'Heaviness before the session')}"])
    if save:
        key(KEY_SPACE)
        paused = wait_for(root, named(LABEL, "Paused"), 3)
        events.pump(0.5)
        lc_atspi.ok(paused is not None and "Paused" in events.announcements,
                    f"{what}: Space pauses, shown and announced", [f"announced: {events.announcements}"])
        key(KEY_SPACE)
        events.pump(0.5)
        lc_atspi.ok("Resumed" in events.announcements and find(root, named(LABEL, "Paused")) is None,
                    f"{what}: Space again resumes", [f"announced: {events.announcements}"])
        key(KEY_RIGHT)
        settle()
        lc_atspi.ok(find(root, named(LABEL, "Get Ready")) is None, f"{what}: Right goes to the first step",
                    [f"announced: {events.announcements}"])
    key(KEY_ESCAPE)
    summary = wait_for(root, lambda n: n.get_role() == LABEL and (n.get_name() or "") in
                       ("Session Stopped", "Session Complete"), 5)
    lc_atspi.ok(summary is not None and summary.get_name() == "Session Stopped",
                f"{what}: Escape stops; the summary says Session Stopped", focus_says(root))
    settle()
    key(ord("3"))
    settle()
    lc_atspi.ok(chosen(root, "Heaviness after the session") == "3", f"{what}: the number key 3 rates heaviness after",
                [f"chosen: {chosen(root, 'Heaviness after the session')}"] + focus_says(root))
    button = tab_to(root, named(BUTTON, "Save" if save else "Discard"))
    lc_atspi.ok(button is not None, f"{what}: Tab reaches {'Save' if save else 'Discard'}", focus_says(root))
    key(KEY_RETURN)
    settle(1)
    events.close()
    return root


def player(app, legcare):
    for save in (False, True):
        root = session(app, legcare, save)
        if root is None:
            continue
        # The Diary: the session is a row only when saved
        activate_page("diary")
        settle(1)
        row = find(root, lambda n: n.get_role() == Atspi.Role.LIST_ITEM and "Leg Elevation" in (n.get_name() or ""))
        if save:
            lc_atspi.ok(row is not None, "player (save): the Diary shows the stopped session")
        else:
            lc_atspi.ok(row is None, "player (discard): the Diary has no session")
        app.stop()


APP_ID = "com.example.LegCare"


def activate_page(page):
    """Alt+1/2/3 by key codes (the digits' codes 10 to 12)"""
    code = {"routines": 10, "diary": 11, "trends": 12}[page]
    Atspi.generate_keyboard_event(lc_atspi.KEYCODES["Alt"], None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESSRELEASE)
    Atspi.generate_keyboard_event(lc_atspi.KEYCODES["Alt"], None, Atspi.KeySynthType.RELEASE)
    settle()


def main():
    legcare, seed_diary = sys.argv[1], sys.argv[2]
    if lc_atspi.bus_launcher() is None:
        print("1..0 # SKIP no at-spi-bus-launcher")
        return 0

    print(f"1..{TESTS}", flush=True)
    app = lc_atspi.App()
    try:
        app.start_bus()
        routines(app, legcare)
        player(app, legcare)
    finally:
        app.close()

    return 1 if lc_atspi.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
