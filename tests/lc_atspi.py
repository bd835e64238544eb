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


def ok(condition, what, details=()):
    """One TAP result, with lines of details as comments"""
    _results["number"] += 1
    print(f"{'ok' if condition else 'not ok'} {_results['number']} {what}", flush=True)
    for line in details:
        print(f"# {line}", flush=True)
    if not condition:
        _results["failures"] += 1


def failures():
    return _results["failures"]


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
