#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Smoke test of the sandboxed app: com.example.LegCare as installed by
build-aux/flatpak in FLATPAK_USER_DIR, run with `flatpak run` on the host
under Xvfb, a private session bus, a private accessibility bus and a
private PulseAudio with a null sink. Everything lives in a temporary folder
(the app's HOME among it), removed at the end. TAP; the last line is
'N passed, N failed'.

Environment: FLATPAK_USER_DIR (the installation with the app and the
stand-in runtimes), LEGCARE_FLATPAK_REPO (the app's repo, for the bundle),
LEGCARE_FLATPAK_RUNTIME_REPO (the runtimes' repo, for the bundle's fresh
installation). LEGCARE_SMOKE_KEEP=1 keeps the temporary folder."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = "com.example.LegCare"
APP_PATH = "/com/example/LegCare"
BRANCH = "50"
SRC_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

results = {"number": 0, "passed": 0, "failed": 0, "skipped": 0}


def ok(condition, what, details=()):
    results["number"] += 1
    print(f"{'ok' if condition else 'not ok'} {results['number']} {what}", flush=True)
    for detail in details:
        for line in str(detail).splitlines():
            print(f"# {line}", flush=True)
    results["passed" if condition else "failed"] += 1
    return condition


def skip(what, reason):
    results["number"] += 1
    print(f"ok {results['number']} {what} # SKIP {reason}", flush=True)
    results["skipped"] += 1


def note(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


try:
    # The AT-SPI helpers of the other ui tests (this folder)
    import lc_atspi
    from lc_atspi import Atspi, GLib, LAUNCHERS
except (ImportError, ValueError) as e:  # pragma: no cover
    Atspi = None
    ATSPI_ERROR = str(e)
    LAUNCHERS = []

# A routine of the user's with no cautions (so no acknowledgement is asked)
# and no massage (so no lymph node question): a 6 s step with a voice cue.
SMOKE_ROUTINE = """<?xml version="1.0" encoding="UTF-8"?>
<routine id="smoke-cue" version="1">
  <name>Smoke Test Cue</name>
  <summary>A few seconds, for the Flatpak smoke test</summary>
  <category>elevation</category>
  <step id="rest" illustration="legs-elevated-rest" duration="6">
    <title>Rest</title>
    <instruction>Rest your legs.</instruction>
    <cue>Rest your legs on the cushions and breathe slowly.</cue>
  </step>
</routine>
"""
SHARED_NAME = "Shared Smoke Preview"


class Session:
    """Xvfb, a session bus, an accessibility bus and PulseAudio, all private"""

    def __init__(self, top):
        self.top = top
        self.procs = []
        self.runtime = f"{top}/run"
        os.makedirs(self.runtime, mode=0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
            "XDG_RUNTIME_DIR": self.runtime,
            "LANG": "C.UTF-8",
            "FLATPAK_USER_DIR": os.environ["FLATPAK_USER_DIR"],
            "NO_AT_BRIDGE": "0",
            "GTK_A11Y": "atspi",
        }
        # Xvfb picks a free display itself
        r, w = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                                pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        self.procs.append(xvfb)
        with os.fdopen(r) as f:
            self.env["DISPLAY"] = ":" + f.readline().strip()
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=open(f"{top}/dbus.log", "w"), text=True,
                               env=self.env)
        self.procs.append(bus)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        launcher = next((p for p in LAUNCHERS if os.path.exists(p)), None)
        self.atspi = launcher is not None and Atspi is not None
        if self.atspi:
            self.procs.append(subprocess.Popen([launcher, "--launch-immediately"], env=self.env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        self.pulse = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--disallow-exit",
             "--use-pid-file=no", "--load=module-null-sink sink_name=smoke",
             "--load=module-native-protocol-unix", "--log-target=stderr"],
            env={**self.env, "HOME": f"{top}/pulse-home"}, stdout=subprocess.DEVNULL,
            stderr=open(f"{top}/pulse.log", "w"))
        self.procs.append(self.pulse)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not os.path.exists(f"{self.runtime}/pulse/native"):
            time.sleep(0.1)
        # The host side sees the same buses as the app: point this process at them
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.env["DBUS_SESSION_BUS_ADDRESS"]
        os.environ["DISPLAY"] = self.env["DISPLAY"]
        if self.atspi:
            time.sleep(0.5)
            Atspi.init()

    def close(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()


class App:
    """One `flatpak run` of the app with HOME, its output in a file"""

    count = 0

    def __init__(self, session, home, args=(), env=None, user_dir=None):
        App.count += 1
        self.session = session
        self.log_path = f"{session.top}/app-{App.count}.log"
        environment = dict(session.env, HOME=home, LEGCARE_REPORT_FIRST_FRAME="1", **(env or {}))
        if user_dir:
            environment["FLATPAK_USER_DIR"] = user_dir
        self.out = open(self.log_path, "w")
        self.process = subprocess.Popen(["flatpak", "run", "--user", APP_ID, *args], env=environment,
                                        stdout=self.out, stderr=subprocess.STDOUT, start_new_session=True)

    def output(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def wait_first_frame(self, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if "first-frame" in self.output():
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.2)
        return False

    def quit(self, seconds=20):
        """app.quit through D-Bus; whether the app ended by itself"""
        gdbus("", "quit")
        try:
            self.process.wait(seconds)
            return True
        except subprocess.TimeoutExpired:
            self.kill()
            return False

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def gdbus(path, action, parameter=None, method="Activate"):
    if method == "Activate":
        args = [action, f"[<{parameter}>]" if parameter else "[]", "{}"]
    else:
        args = [action]
    r = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", APP_PATH + path,
                        "--method", f"org.gtk.Actions.{method}", *args],
                       capture_output=True, text=True, timeout=30)
    return r.returncode == 0, (r.stdout + r.stderr).strip()


def in_sandbox(session, home, *command, env=None):
    environment = dict(session.env, HOME=home, **(env or {}))
    return subprocess.run(["flatpak", "run", "--user", f"--command={command[0]}", APP_ID, *command[1:]],
                          env=environment, capture_output=True, text=True, timeout=120)


def distinct_colours(display, path):
    """Distinct pixel values of the root window, from an xwd dump (ZPixmap)"""
    r = subprocess.run(["xwd", "-root", "-silent", "-display", display, "-out", path], capture_output=True)
    if r.returncode != 0:
        return 0
    with open(path, "rb") as f:
        data = f.read()
    be = lambda offset: int.from_bytes(data[offset:offset + 4], "big")  # noqa: E731
    header, width, height = be(0), be(16), be(20)
    line, ncolors = be(48), be(76)
    step = line // width if width else 0
    if step < 3:
        return 0
    pixels = data[header + 12 * ncolors:]
    colours = set()
    for y in range(0, height, 2):
        row = pixels[y * line:y * line + width * step]
        colours.update(row[i:i + 3] for i in range(0, len(row), 2 * step))
        if len(colours) > 5000:
            break
    return len(colours)


def find_app_root(name_hint="legcare", seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and name_hint in (child.get_name() or "").lower():
                    return child
            except GLib.Error:
                pass
        time.sleep(0.3)
    return None


def showing_named(text, exact=True):
    def predicate(node):
        name = node.get_name() or ""
        return ((name == text) if exact else (text in name)) and \
            node.get_state_set().contains(Atspi.StateType.SHOWING)
    return predicate


def wait_node(root, predicate, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = lc_atspi.find(root, predicate)
        if found is not None:
            return found
        time.sleep(0.3)
    return None


def files_under(top):
    found = []
    for folder, dirs, files in os.walk(top):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            found.append(os.path.relpath(os.path.join(folder, name), top))
    return sorted(found)


def keyfile(home):
    try:
        with open(f"{home}/.var/app/{APP_ID}/config/glib-2.0/settings/keyfile") as f:
            return f.read()
    except OSError:
        return ""


def translation(po, msgid):
    """msgstr of @msgid in po/@po.po (single-line entries)"""
    with open(f"{SRC_DIR}/po/{po}.po") as f:
        text = f.read()
    m = re.search(r'^msgid "' + re.escape(msgid) + r'"\nmsgstr "(.+)"$', text, re.M)
    return m.group(1) if m else None


def main():
    if "FLATPAK_USER_DIR" not in os.environ:
        print("1..0 # SKIP FLATPAK_USER_DIR is not set: run me through build-aux/flatpak test")
        print("0 passed, 0 failed")
        return 0
    top = tempfile.mkdtemp(prefix="legcare-flatpak-smoke-")
    session = Session(top)
    home = f"{top}/home"
    os.makedirs(home)
    app_dir = f"{home}/.var/app/{APP_ID}"
    try:
        run_checks(session, top, home, app_dir)
    finally:
        session.close()
        if os.environ.get("LEGCARE_SMOKE_KEEP"):
            note(f"kept {top}")
        else:
            shutil.rmtree(top, ignore_errors=True)
    print(f"1..{results['number']}")
    # As build-aux/test-summary.py says it: the skipped only when there are some
    skipped = f", {results['skipped']} skipped" if results["skipped"] else ""
    print(f"{results['passed']} passed, {results['failed']} failed{skipped}")
    return 1 if results["failed"] else 0


def run_checks(session, top, home, app_dir):
    # --- first start ---------------------------------------------------------
    app = App(session, home)
    drawn = app.wait_first_frame()
    ok(drawn, "the sandboxed app starts and draws its first frame",
       [] if drawn else app.output().splitlines()[-15:])
    time.sleep(1.5)
    colours = distinct_colours(session.env["DISPLAY"], f"{top}/first.xwd")
    ok(colours >= 32, f"the screen is not blank ({colours} distinct colours in a screenshot of the root window)")

    root = None
    if session.atspi:
        root = find_app_root()
        title = "Safety Information"
        notice = wait_node(root, showing_named(title)) if root is not None else None
        ok(notice is not None, "first start shows the safety notice (read through AT-SPI, from the sandbox)",
           [] if root is not None else ["the app is not on the accessibility bus"])
    else:
        skip("first start shows the safety notice", "no AT-SPI client library or bus launcher on the host")

    # Changed while the notice is open: the Diary page, then app.quit
    changed, out = gdbus("/window/1", "page", "'diary'")
    quit_ok = app.quit()
    ok(quit_ok, "app.quit through D-Bus ends the app", [] if quit_ok else [out] + app.output().splitlines()[-10:])
    settings = keyfile(home)
    ok("window-width=" in settings and "last-page='diary'" in settings,
       "quitting with the safety notice open saves the window state and the page (keyfile backend, in ~/.var/app)",
       [f"keyfile: {settings.strip()!r}"])
    ok("safety-acknowledged=true" not in settings, "the safety notice is not acknowledged by quitting")

    # --- where things are written ---------------------------------------------
    written = files_under(home)
    diary = [f for f in written if re.match(rf"\.var/app/{re.escape(APP_ID)}/data/legcare/[^/]+\.sqlite3?$", f)]
    # The backups are made later (daily, off the start-up path): where they
    # go is the same folder, and the next check sees any written elsewhere
    ok(bool(diary), "the diary is created under ~/.var/app/com.example.LegCare/data/legcare/",
       [f"files in HOME: {written}"] if not diary else [f"diary: {diary[0]}"])
    outside = [f for f in written if not f.startswith(f".var/app/{APP_ID}/")]
    ok(not outside, "nothing is written in HOME outside ~/.var/app/com.example.LegCare/", outside[:10])

    # --- restart: the settings are read back ----------------------------------
    app = App(session, home)
    drawn = app.wait_first_frame()
    good, state = gdbus("/window/1", "page", method="Describe")
    ok(drawn and "'diary'" in state, "after a restart the app opens on the page it was left on",
       [f"page action: {state}"])
    if session.atspi:
        notice = wait_node(find_app_root(), showing_named("Safety Information")) if drawn else None
        ok(notice is not None, "the safety notice, never acknowledged, is shown again after the restart")
    else:
        skip("the safety notice is shown again after the restart", "no AT-SPI on the host")
    app.quit()

    # --- the built-in routines and their pictures are in /app ----------------
    r = in_sandbox(session, home, "gresource", "list", "/app/bin/legcare")
    routines = [x for x in r.stdout.split() if re.match(r"/com/example/LegCare/routines/.*\.xml$", x)]
    pictures = [x for x in r.stdout.split() if x.endswith(".svg") and "/illustrations/" in x]
    want_routines = len([x for x in os.listdir(f"{SRC_DIR}/data/routines") if x.endswith(".xml")])
    want_pictures = len([x for x in os.listdir(f"{SRC_DIR}/data/illustrations") if x.endswith(".svg")])
    ok(r.returncode == 0 and len(routines) == want_routines and len(pictures) == want_pictures,
       f"/app/bin/legcare holds the {want_routines} built-in routines and {want_pictures} pictures",
       [f"found {len(routines)} routines, {len(pictures)} pictures", r.stderr.strip()[-300:]])
    r = in_sandbox(session, home, "sh", "-c",
                   "ls /usr/lib/*/gdk-pixbuf-2.0/2.10.0/loaders/ | grep -c svg; "
                   "test -s /app/share/glib-2.0/schemas/gschemas.compiled && echo schemas")
    ok(r.stdout.split()[:2] == ["1", "schemas"] if r.stdout.split() else False,
       "the sandbox has the SVG loader for the pictures and the app's compiled schemas", [r.stdout + r.stderr])

    # The sound module is loaded when a session starts (src/audio/lc-audio-module.h)
    r = in_sandbox(session, home, "sh", "-c",
                   "ldd /app/bin/legcare /app/lib*/legcare/liblegcare-audio.so /app/lib/libespeak-ng.so.1")
    missing = [x.strip() for x in r.stdout.splitlines() if "not found" in x]
    ok(r.returncode == 0 and not missing and "libespeak-ng.so.1 =>" in r.stdout and "libgstreamer" in r.stdout,
       "every library of /app/bin/legcare, of its sound module and of espeak-ng resolves in the sandbox (ldd)",
       missing + ([r.stderr.strip()] if r.returncode != 0 else []))

    # --- a short routine and its cues on the host's PulseAudio ---------------
    # Voice only, no countdown ticks: what is heard is espeak-ng from /app
    r = in_sandbox(session, home, "gsettings", "set", APP_ID, "safety-acknowledged", "true")
    in_sandbox(session, home, "gsettings", "set", APP_ID, "countdown-ticks", "false")
    os.makedirs(f"{app_dir}/data/legcare/routines", exist_ok=True)
    with open(f"{app_dir}/data/legcare/routines/smoke-cue.xml", "w") as f:
        f.write(SMOKE_ROUTINE)
    wav = f"{top}/cues.wav"
    record = subprocess.Popen(["parec", "-d", "smoke.monitor", "--file-format=wav", "--rate=22050",
                               "--channels=1", wav], env=session.env, stderr=subprocess.DEVNULL)
    app = App(session, home)
    drawn = app.wait_first_frame()
    started, out = gdbus("", "reminder-start", "'smoke-cue'")
    time.sleep(9)
    app.quit()
    record.send_signal(signal.SIGINT)
    try:
        record.wait(10)
    except subprocess.TimeoutExpired:
        record.kill()
    stat = subprocess.run(["sox", wav, "-n", "stat"], capture_output=True, text=True)
    m = re.search(r"RMS\s+amplitude:\s+([0-9.]+)", stat.stderr)
    rms = float(m.group(1)) if m else 0.0
    m = re.search(r"Length \(seconds\):\s+([0-9.]+)", stat.stderr)
    length = float(m.group(1)) if m else 0.0
    ok(drawn and started and rms > 0.005,
       f"a short routine's spoken cue reaches the host's PulseAudio null sink (RMS {rms:.4f} over {length:.1f} s)",
       [out] if not started else ([] if rms > 0.005 else app.output().splitlines()[-10:]))

    # --- Italian, through the app's Locale extension ------------------------
    r = in_sandbox(session, home, "sh", "-c",
                   "readlink /app/share/locale/it; ls /app/share/locale/it/LC_MESSAGES/")
    ok("share/runtime/locale" in r.stdout and "legcare.mo" in r.stdout,
       "the Italian translation comes from the Locale extension (/app/share/locale/it is its link)",
       [r.stdout.strip() + r.stderr.strip()])
    it_home = f"{top}/home-it"
    os.makedirs(it_home)
    app = App(session, it_home, env={"LANG": "it_IT.UTF-8", "LANGUAGE": "it", "LC_ALL": ""})
    drawn = app.wait_first_frame()
    italian = translation("it", "Safety Information")
    if session.atspi and drawn and italian:
        node = wait_node(find_app_root(), showing_named(italian))
        ok(node is not None, f"in Italian the safety notice is titled “{italian}”")
    else:
        ok(False, "in Italian the app starts and its safety notice is translated",
           [f"drawn={drawn} translation={italian} atspi={session.atspi}"])
    app.quit()
    problems = [x for x in app.output().splitlines() if re.search(r"locale|WARNING|CRITICAL", x)]
    ok(drawn and not problems, "the app starts in Italian without a locale warning", problems[:5])

    # --- a shared routine passed on the command line ------------------------
    # In real use the file comes through the document portal, which is not
    # running here: the file is put where the sandbox sees it as it is.
    shared = f"{app_dir}/smoke.legcare-routine"
    body = SMOKE_ROUTINE.split("\n", 1)[1].replace("Smoke Test Cue", SHARED_NAME).replace("smoke-cue", "smoke-shared")
    with open(shared, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<legcare-routine version="1">\n' + body +
                "</legcare-routine>\n")
    app = App(session, home, args=[shared])
    drawn = app.wait_first_frame()
    if session.atspi:
        node = wait_node(find_app_root(), showing_named(SHARED_NAME, exact=False)) if drawn else None
        ok(node is not None, "a .legcare-routine file given on the command line opens its preview",
           [] if node is not None else app.output().splitlines()[-10:])
    else:
        skip("a .legcare-routine file given on the command line opens its preview", "no AT-SPI on the host")
    app.quit()

    # --- a bundle, installed into a fresh installation -----------------------
    repo = os.environ.get("LEGCARE_FLATPAK_REPO")
    runtime_repo = os.environ.get("LEGCARE_FLATPAK_RUNTIME_REPO")
    if not repo or not runtime_repo:
        skip("a bundle installs into a fresh installation and runs", "LEGCARE_FLATPAK_REPO(S) not set")
        return
    bundle = f"{top}/legcare.flatpak"
    fresh = f"{top}/fresh-installation"
    env = dict(session.env, FLATPAK_USER_DIR=fresh)
    steps = [
        ["flatpak", "build-bundle", repo, bundle, APP_ID, "master"],
        ["flatpak", "--user", "remote-add", "--no-gpg-verify", "runtimes", f"file://{runtime_repo}"],
        ["flatpak", "--user", "install", "-y", "--noninteractive", "runtimes", f"org.gnome.Platform//{BRANCH}"],
        ["flatpak", "--user", "install", "-y", "--noninteractive", "--bundle", bundle],
    ]
    failed = None
    for step in steps:
        r = subprocess.run(step, env=env, capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            failed = [" ".join(step), (r.stdout + r.stderr).strip()[-500:]]
            break
    drawn = False
    if failed is None:
        bundle_home = f"{top}/home-bundle"
        os.makedirs(bundle_home)
        app = App(session, bundle_home, user_dir=fresh)
        drawn = app.wait_first_frame()
        app.quit()
        failed = [] if drawn else app.output().splitlines()[-10:]
    size = os.path.getsize(bundle) // 1024 if os.path.exists(bundle) else 0
    ok(drawn, f"flatpak build-bundle makes a bundle ({size} KiB) that installs into a fresh installation and runs",
       failed)


if __name__ == "__main__":
    sys.exit(main())
