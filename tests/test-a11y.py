#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An accessibility audit of every view of the real app, over AT-SPI.

The legcare binary runs as its own process with GTK's AT-SPI backend, on
an accessibility bus started here, with a diary of some weeks (written by
seed-diary). Each view is opened in a fresh start of the app through its
exported actions (org.gtk.Actions on the session bus, as a notification
or the desktop would): the three pages, Preferences, About, the keyboard
shortcuts, the safety notice, a new entry and a routine's start. In each,
every node that is showing is read as Orca would, and the audit fails on
- a focusable control without a name (Orca says only "button"),
- an image without a name (decorative ones must not be in the tree),
- a control that says its name twice ("Name Name").
It prints the counts of nodes, focusable controls and images per view.
Then it Tabs round each view with real key events (XTest, through AT-SPI),
listening for the focus as Orca does, and fails on a stop a screen reader
can't follow: a control that takes the focus but is missing from the tree
(as libadwaita 1.7's AdwSpinRow is, see spin-row-a11y.py) or a Tab after
which nothing took it. The flows by keyboard are in test-keyboard.py.

Usage: test-a11y.py LEGCARE SEED-DIARY   (under xvfb-run and dbus-run-session)
Output: TAP.
"""
import os
import subprocess
import sys
import time

try:
    import lc_atspi
    from lc_atspi import Atspi, GLib, where
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI client library: {e}")
    sys.exit(0)

APP_ID = "com.example.LegCare"
APP_PATH = "/com/example/LegCare"

# name, then the actions that open it: (object path under APP_PATH, action, GVariant text or None)
VIEWS = [
    ("Routines page", []),
    ("Diary page", [("/window/1", "page", "'diary'")]),
    ("Trends page", [("/window/1", "page", "'trends'")]),
    ("Preferences", [("", "preferences", None)]),
    ("About", [("", "about", None)]),
    ("Keyboard Shortcuts", [("", "shortcuts", None)]),
    ("Safety notice", [("", "safety", None)]),
    ("New entry", [("", "reminder-log", "'diary-evening'")]),
    ("Routine start", [("", "reminder-start", "'leg-elevation'")]),
]

# Roles that hold others and are not controls a user acts on: a list
# passes the focus to its rows, which are checked
CONTAINERS = {
    Atspi.Role.APPLICATION, Atspi.Role.FRAME, Atspi.Role.WINDOW, Atspi.Role.DIALOG, Atspi.Role.FILLER,
    Atspi.Role.PANEL, Atspi.Role.SCROLL_PANE, Atspi.Role.VIEWPORT, Atspi.Role.SECTION, Atspi.Role.GROUPING,
    Atspi.Role.LIST, Atspi.Role.LIST_BOX, Atspi.Role.TREE, Atspi.Role.TABLE, Atspi.Role.TREE_TABLE,
}


def in_combo_box(node):
    """A drop-down's own display of its choice, which the drop-down's name
    and value say"""
    node = node.get_parent()
    for _ in range(4):
        if node is None:
            return False
        if node.get_role() == Atspi.Role.COMBO_BOX:
            return True
        node = node.get_parent()
    return False



def activate(path, action, parameter):
    args = ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", APP_PATH + path,
            "--method", "org.gtk.Actions.Activate", action, f"[<{parameter}>]" if parameter else "[]", "{}"]
    return subprocess.run(args, capture_output=True, text=True, timeout=30)


def doubled(name):
    """A name said twice over ("Name Name"): a label and a title both given"""
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def audit(root):
    """Walks the showing nodes below @root; returns the counts and problems."""
    counts = {"nodes": 0, "focusable": 0, "images": 0, "unanswered": 0}
    unnamed_controls = []
    unnamed_images = []
    doubled_names = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node is None or depth > 80:
            continue
        try:
            states = node.get_state_set()
            if node.get_role() != Atspi.Role.APPLICATION and not states.contains(Atspi.StateType.SHOWING):
                continue
            role = node.get_role()
            name = (node.get_name() or "").strip()
            focusable = (states.contains(Atspi.StateType.FOCUSABLE) and role not in CONTAINERS and
                         not in_combo_box(node))
            children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
            place = where(node) if focusable and (not name or doubled(name)) or (role == Atspi.Role.IMAGE and
                                                                                 not name) else None
        except GLib.Error:
            # A busy app under the sanitizers may not answer in time: that
            # node is not judged, and the count says so
            counts["unanswered"] += 1
            continue
        counts["nodes"] += 1
        if focusable:
            counts["focusable"] += 1
            if not name:
                unnamed_controls.append(place)
            elif doubled(name):
                doubled_names.append(place)
        if role == Atspi.Role.IMAGE:
            counts["images"] += 1
            if not name:
                unnamed_images.append(place)
        stack.extend((child, depth + 1) for child in children)
    return counts, unnamed_controls, unnamed_images, doubled_names


def main():
    legcare, seed_diary = sys.argv[1], sys.argv[2]

    def views(app):
        app.seed(seed_diary, 60)
        app.start_bus()
        for view, actions in VIEWS:
            root = app.start(legcare)
            lc_atspi.ok(root is not None, f"{view}: the app is on the accessibility bus")
            if root is None:
                continue
            time.sleep(1 * lc_atspi.slowdown())
            for path, action, parameter in actions:
                result = activate(path, action, parameter)
                if result.returncode != 0:
                    print(f"# {action}: {result.stderr.strip()}", flush=True)
            time.sleep(1.5 * lc_atspi.slowdown())
            counts, controls, images, doubles = audit(root)
            print(f"# {view}: {counts['nodes']} nodes, {counts['focusable']} focusable, {counts['images']} images"
                  f"{', %d not answered in time' % counts['unanswered'] if counts['unanswered'] else ''}",
                  flush=True)
            lc_atspi.ok(not controls, f"{view}: every focusable control has a name ({len(controls)} without)", controls)
            lc_atspi.ok(not images, f"{view}: every image has a name or is left out as decoration ({len(images)} without)",
               images)
            lc_atspi.ok(not doubles, f"{view}: no control says its name twice ({len(doubles)} do)", doubles)
            events = lc_atspi.Events(app.process.pid)
            stops, lost = lc_atspi.tab_walk(events)
            events.close()
            print(f"# {view}: {len(stops)} Tab stops", flush=True)
            lc_atspi.ok(stops and not lost, f"{view}: a screen reader follows every Tab stop", lost)
            app.stop()

    return lc_atspi.run(5 * len(VIEWS), views)

if __name__ == "__main__":
    sys.exit(main())
