#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A screen reader's view of the real app: every label read over AT-SPI.

The legcare binary runs as a process of its own with GTK's AT-SPI backend,
on an accessibility bus started here, with routine files that once made it
abort (GLib's g_variant_new_string() on a label with invalid UTF-8, when a
client read it): a file with a Latin-1 name, one whose error message
GMarkup cuts in the middle of a character, one with a bad byte. This script
walks the whole accessibility tree, reading the name and description of
every node, as Orca would; the app must still be running afterwards, and
the problem rows must be there, readable.

Usage: test-atspi.py LEGCARE   (under xvfb-run and dbus-run-session)
Output: TAP.
"""
import os

# GLib warnings of the AT-SPI client library are not the app's: only the
# app runs with the test environment's fatal warnings.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI client library: {e}")
    sys.exit(0)

LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"]
TESTS = 4
failures = 0
number = 0


def ok(condition, what):
    global failures, number
    number += 1
    print(f"{'ok' if condition else 'not ok'} {number} {what}", flush=True)
    if not condition:
        failures += 1


def find_app(app, deadline):
    pid = app.pid
    while time.monotonic() < deadline and app.poll() is None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except gi.repository.GLib.Error:
                pass
        time.sleep(0.2)
    return None


def walk(node, texts, depth=0):
    """Reads every name and description below @node, as a screen reader would."""
    if node is None or depth > 60:
        return
    texts.append(node.get_name() or "")
    texts.append(node.get_description() or "")
    for i in range(node.get_child_count()):
        walk(node.get_child_at_index(i), texts, depth + 1)


def main():
    legcare = sys.argv[1]
    launcher = next((p for p in LAUNCHERS if os.path.exists(p)), None)
    if launcher is None:
        print("1..0 # SKIP no at-spi-bus-launcher")
        return 0

    print(f"1..{TESTS}", flush=True)
    home = tempfile.mkdtemp(prefix="legcare-test-atspi-")
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
               XDG_CACHE_HOME=f"{home}/cache", XDG_STATE_HOME=f"{home}/state",
               GSETTINGS_BACKEND="keyfile", GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    if APP_G_DEBUG is not None:
        env["G_DEBUG"] = APP_G_DEBUG
    os.makedirs(f"{home}/config/glib-2.0/settings")
    with open(f"{home}/config/glib-2.0/settings/keyfile", "w") as f:
        f.write("[com/example/LegCare]\nsafety-acknowledged=true\n")
    routines = os.fsencode(f"{home}/data/legcare/routines")
    os.makedirs(routines)
    files = {
        b"caf\xe9.xml": b'<routine id="x" version="1"><name>x</nam>',
        b"cut.xml": b'<routine id="y" version="1"><name>\xef\xbb</name>',
        b"bad-byte.xml": b'<routine id="z" version="1"><name>Test \xff Routine</name></routine>',
    }
    for name, contents in files.items():
        with open(os.path.join(routines, name), "wb") as f:
            f.write(contents)

    bus_env = dict(env)
    bus_env.pop("G_DEBUG", None)
    bus = subprocess.Popen([launcher, "--launch-immediately"], env=bus_env, stdout=sys.stderr)
    app = None
    try:
        time.sleep(0.5)
        Atspi.init()
        slowdown = max(1.0, float(os.environ.get("LC_TEST_SLOWDOWN", "1")))
        # Xvfb now and then refuses a client under load ("Failed to open
        # display"): an app that ends before it is on the bus is started
        # again, twice at most. One that keeps dying still fails.
        for attempt in range(3):
            app = subprocess.Popen([legcare], env=env)
            root = find_app(app, time.monotonic() + 30 * slowdown)
            if root is not None or app.poll() is None:
                break
            print(f"# the app ended before it was on the bus (status {app.returncode}); starting it again",
                  flush=True)
        ok(root is not None, "the app is on the accessibility bus")

        texts = []
        if root is not None:
            # Let the routines page fill, then read everything, twice
            time.sleep(1 * slowdown)
            for _ in range(2):
                texts = []
                walk(root, texts)
        rows = [t for t in texts if t.startswith("caf") or "cut.xml" in t or "bad-byte.xml" in t]
        ok(any(t.startswith("caf") and t.endswith(".xml") for t in texts),
           "the Latin-1 file name is read, as valid text")
        ok(len(rows) >= 3, f"the problem rows are read ({len(rows)} texts of them)")
        time.sleep(0.5)
        ok(app.poll() is None, f"the app is still running after {len(texts)} texts were read")
    finally:
        if app is not None and app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        bus.terminate()
        bus.wait(10)
        shutil.rmtree(home, ignore_errors=True)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
