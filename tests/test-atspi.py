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
import time
import sys

try:
    import lc_atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI client library: {e}")
    sys.exit(0)

TESTS = 4


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
    if lc_atspi.bus_launcher() is None:
        print("1..0 # SKIP no at-spi-bus-launcher")
        return 0

    print(f"1..{TESTS}", flush=True)
    app = lc_atspi.App()
    routines = os.fsencode(f"{app.home}/data/legcare/routines")
    os.makedirs(routines)
    files = {
        b"caf\xe9.xml": b'<routine id="x" version="1"><name>x</nam>',
        b"cut.xml": b'<routine id="y" version="1"><name>\xef\xbb</name>',
        b"bad-byte.xml": b'<routine id="z" version="1"><name>Test \xff Routine</name></routine>',
    }
    for name, contents in files.items():
        with open(os.path.join(routines, name), "wb") as f:
            f.write(contents)

    try:
        app.start_bus()
        root = app.start(legcare)
        lc_atspi.ok(root is not None, "the app is on the accessibility bus")

        texts = []
        if root is not None:
            # Let the routines page fill, then read everything, twice
            time.sleep(1 * lc_atspi.slowdown())
            for _ in range(2):
                texts = []
                walk(root, texts)
        rows = [t for t in texts if t.startswith("caf") or "cut.xml" in t or "bad-byte.xml" in t]
        lc_atspi.ok(any(t.startswith("caf") and t.endswith(".xml") for t in texts),
           "the Latin-1 file name is read, as valid text")
        lc_atspi.ok(len(rows) >= 3, f"the problem rows are read ({len(rows)} texts of them)")
        time.sleep(0.5)
        lc_atspi.ok(app.process.poll() is None, f"the app is still running after {len(texts)} texts were read")
    finally:
        app.close()

    return 1 if lc_atspi.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
