# SPDX-License-Identifier: GPL-3.0-or-later
"""The real app on a private accessibility bus, for test-atspi.py and
test-a11y.py: a bus of its own, the app in a private home with the safety
notice acknowledged, found on the bus by its process id."""
import os

# GLib warnings of the AT-SPI client library are not the app's: only the
# app runs with the test environment's fatal warnings (App passes them on).
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import gi  # noqa: E402
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"]


_results = {"number": 0, "failures": 0}

# X key codes of Xvfb's keyboard (evdev), for keys pressed with a modifier:
# a key synthesized by its symbol drops the modifiers held
KEYCODES = {
    "Control": 37, "Alt": 64, "Shift": 50, "Escape": 9, "Tab": 23, "Return": 36, "space": 65,
    "Left": 113, "Right": 114, "Up": 111, "Down": 116, "Delete": 119, "F11": 95,
    "comma": 59, "f": 41, "n": 57, "s": 39, "u": 30, "z": 52, "w": 25,
    **{str(digit): 9 + digit for digit in range(1, 10)}, "0": 19,
}
KEY_TAB, KEY_RETURN, KEY_ESCAPE, KEY_SPACE = 0xff09, 0xff0d, 0xff1b, 0x20
KEY_LEFT, KEY_UP, KEY_RIGHT, KEY_DOWN = 0xff51, 0xff52, 0xff53, 0xff54
KEY_HOME, KEY_END, KEY_DELETE = 0xff50, 0xff57, 0xffff
KEY_BACKSPACE = 0xff08


def ok(condition, what, details=()):
    """One TAP result, with lines of details as comments"""
    _results["number"] += 1
    print(f"{'ok' if condition else 'not ok'} {_results['number']} {what}", flush=True)
    for line in details:
        print(f"# {line}", flush=True)
    # A TODO is a known failure (TAP): it does not fail the run
    if not condition and "# TODO" not in what:
        _results["failures"] += 1


def failures():
    return _results["failures"]


def run(plan, body):
    """A test script's TAP run: the plan, @body(app) with a private home
    (its bus not yet started), and the exit status; a skip without the
    accessibility bus"""
    if bus_launcher() is None:
        print("1..0 # SKIP no at-spi-bus-launcher")
        return 0
    print(f"1..{plan}", flush=True)
    app = App()
    try:
        body(app)
    finally:
        app.close()
    return 1 if failures() else 0


def slowdown():
    return max(1.0, float(os.environ.get("LC_TEST_SLOWDOWN", "1")))


def bus_launcher():
    return next((p for p in LAUNCHERS if os.path.exists(p)), None)


class App:
    """A private home and its environment; start() runs the app in it."""

    def __init__(self, app_g_debug=APP_G_DEBUG):
        self.home = tempfile.mkdtemp(prefix="legcare-test-a11y-")
        env = dict(os.environ)
        home = self.home
        env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
                   XDG_CACHE_HOME=f"{home}/cache", XDG_STATE_HOME=f"{home}/state",
                   GSETTINGS_BACKEND="keyfile", GTK_A11Y="atspi")
        env.pop("NO_AT_BRIDGE", None)
        if app_g_debug is not None:
            env["G_DEBUG"] = app_g_debug
        os.makedirs(f"{home}/config/glib-2.0/settings")
        with open(f"{home}/config/glib-2.0/settings/keyfile", "w") as f:
            f.write("[com/example/LegCare]\nsafety-acknowledged=true\n")
        self.env = env
        self.bus = None
        self.process = None

    def seed(self, seed_diary, days):
        """A diary of @days days in the home, written by tests/seed-diary"""
        subprocess.run([seed_diary, f"{self.home}/data/legcare/diary.sqlite3", str(days)], check=True)

    def start_bus(self):
        bus_env = dict(self.env)
        bus_env.pop("G_DEBUG", None)
        self.bus = subprocess.Popen([bus_launcher(), "--launch-immediately"], env=bus_env, stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        Atspi.init()
        # An app built with the sanitizers answers slowly: longer than
        # AT-SPI's own 25 s a call
        Atspi.set_timeout(int(25000 * slowdown()), int(60000 * slowdown()))

    def start(self, legcare, args=()):
        """Starts the app; returns its accessible, or None. Xvfb now and
        then refuses a client under load: an app that ends before it is on
        the bus is started again, twice at most."""
        root = None
        for _ in range(3):
            self.process = subprocess.Popen([legcare, *args], env=self.env)
            root = find_app(self.process, time.monotonic() + 30 * slowdown())
            if root is not None or self.process.poll() is None:
                break
            print(f"# the app ended before it was on the bus (status {self.process.returncode}); starting it again",
                  flush=True)
        return root

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def close(self):
        self.stop()
        if self.bus is not None:
            self.bus.terminate()
            self.bus.wait(10)
        shutil.rmtree(self.home, ignore_errors=True)


def find_app(process, deadline):
    pid = process.pid
    while time.monotonic() < deadline and process.poll() is None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except GLib.Error:
                pass
        time.sleep(0.2)
    return None


# --- real keys (XTest, through AT-SPI) and finding nodes ---------------------

def key(keysym, pause=0.15):
    """A real key event, through the X server, as a keyboard sends it"""
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    time.sleep(pause * slowdown())


def combo(*names):
    """Keys held together, by their key codes: combo("Control", "f")"""
    codes = [KEYCODES[n] for n in names]
    for code in codes[:-1]:
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(codes[-1], None, Atspi.KeySynthType.PRESSRELEASE)
    for code in reversed(codes[:-1]):
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.3 * slowdown())


def type_text(text):
    for c in text:
        key(ord(c))


def where(node):
    """The roles and names from the window down to @node, for a message."""
    parts = []
    try:
        while node is not None and node.get_role() != Atspi.Role.APPLICATION:
            name = node.get_name() or ""
            parts.append(f"{node.get_role_name()}" + (f" “{name[:40]}”" if name else ""))
            node = node.get_parent()
    except GLib.Error:
        parts.append("…")
    return " < ".join(parts[:6]) or "nothing"


def find(node, predicate, depth=0):
    """The first showing node below @node (depth first) that @predicate takes"""
    if node is None or depth > 80:
        return None
    try:
        if node.get_role() != Atspi.Role.APPLICATION and not node.get_state_set().contains(Atspi.StateType.SHOWING):
            return None
        if predicate(node):
            return node
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except GLib.Error:
        return None
    for child in children:
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def focused(root):
    return find(root, lambda n: n.get_state_set().contains(Atspi.StateType.FOCUSED) and
                n.get_role() not in (Atspi.Role.FRAME, Atspi.Role.WINDOW))


def wait_for(root, predicate, seconds=5):
    deadline = time.monotonic() + seconds * slowdown()
    while time.monotonic() < deadline:
        found = find(root, predicate)
        if found is not None:
            return found
        time.sleep(0.2)
    return None


def named(role, name):
    """A predicate: a node of @role called @name"""
    return lambda n: n.get_role() == role and (n.get_name() or "") == name


class Events:
    """What a screen reader hears of the app: the focus moving and the
    announcements (gtk_accessible_announce), as AT-SPI events"""

    def __init__(self, pid):
        self.pid = pid
        self.focus = []
        self.announcements = []
        self.listener = Atspi.EventListener.new(self._event)
        self.listener.register("object:state-changed:focused")
        self.listener.register("object:announcement")
        # The registration reaches the bus and the registry asynchronously:
        # an event right after it could be missed
        self.pump(0.5 * slowdown())

    def _event(self, event):
        try:
            if event.source is None or event.source.get_process_id() != self.pid:
                return
        except GLib.Error:
            return
        if event.type.startswith("object:state-changed:focused"):
            if event.detail1:
                self.focus.append(event.source)
        elif event.type.startswith("object:announcement"):
            text = event.any_data if isinstance(event.any_data, str) else ""
            self.announcements.append(text)

    def pump(self, seconds=0.0):
        """Delivers the events that came, waiting up to @seconds for one"""
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while True:
            while context.pending():
                context.iteration(False)
            if time.monotonic() >= deadline:
                break
            time.sleep(0.02)

    def next_focus(self, seconds):
        """The next node that takes the focus, or None if none does in time"""
        start = len(self.focus)
        deadline = time.monotonic() + seconds * slowdown()
        while time.monotonic() < deadline:
            self.pump()
            if len(self.focus) > start:
                return self.focus[-1]
            time.sleep(0.02)
        return None

    def close(self):
        self.listener.deregister("object:state-changed:focused")
        self.listener.deregister("object:announcement")


def identity(node):
    """A node's place in the tree (indices and roles from the app down), or
    None when its parents don't lead to the app: a node a screen reader gets
    a focus event from but can't find in the tree (libadwaita 1.7's
    AdwSpinRow gives its spin button a parent of role "invalid")"""
    path = []
    try:
        while node is not None and len(path) < 80:
            role = node.get_role()
            if role == Atspi.Role.APPLICATION:
                return tuple(reversed(path))
            if role == Atspi.Role.INVALID:
                return None
            path.append((node.get_index_in_parent(), int(role)))
            node = node.get_parent()
    except GLib.Error:
        pass
    return None


def tab_walk(events, limit=60):
    """Tab round the focus chain of the active window, as a keyboard user
    does, listening for where the focus goes. Returns the stops (their
    descriptions) and the stops a screen reader can't follow: a Tab after
    which nothing took the focus, or a node that took it but is not in the
    tree (see identity). Stops when the focus comes back round."""
    stops, lost, seen = [], [], set()
    silent = 0
    for press in range(1, limit + 1):
        key(KEY_TAB, pause=0)
        # The view has just opened: its first focus may come late under load
        node = events.next_focus(5.0 if press == 1 else 1.0)
        if node is None and press == 1:
            # Nothing at all on the very first Tab is the key's timing (a
            # focus outside the tree still sends its event), not a stop a
            # screen reader can't follow: said, and Tab again
            print("# Tab 1: no focus event; Tab again", flush=True)
            continue
        if node is None:
            silent += 1
            lost.append(f"Tab {press}: no node took the focus")
            if silent >= 3:
                break
            continue
        silent = 0
        try:
            stop = f"{node.get_role_name()} “{(node.get_name() or '')[:40]}”"
        except GLib.Error:
            stop = "?"
        here = identity(node)
        if here is None:
            lost.append(f"Tab {press}: {stop} (not in the tree: {where(node)})")
            here = ("lost", stop)
        elif here in seen:
            break
        seen.add(here)
        stops.append(stop)
    return stops, lost
