#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse the Flatpak manifest with flatpak-builder and check it against the project.

Usage: check-manifest.py FLATPAK_BUILDER MANIFEST APP_ID COMMAND
"""
import json
import re
import subprocess
import sys

# What the app may ask of the sandbox, and nothing more: files go through
# portals, there is no network; voice cues play through GStreamer's pulsesink.
# The sitting breaks learn whether the user is at the computer from GNOME's
# idle monitor (src/core/lc-idle-monitor.c): that one name on the session
# bus, not the whole bus.
EXPECTED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--socket=pulseaudio",
    "--device=dri",
    "--talk-name=org.gnome.Mutter.IdleMonitor",
}
RUNTIME_VERSION = "50"

# The app links libespeak-ng; the module must be pinned to this release.
ESPEAK_MODULE = "espeak-ng"
ESPEAK_URL = "https://github.com/espeak-ng/espeak-ng.git"
ESPEAK_TAG = "1.52.0"
ESPEAK_COMMIT = "4870adfa25b1a32b4361592f1be8a40337c58d6c"
# Options the espeak-ng module must pass to cmake. BUILD_SHARED_LIBS defaults
# to OFF in espeak-ng's CMakeLists.txt, which would install libespeak-ng.a
# instead of the shared library. Without SONIC_LIB and SONIC_INC set,
# 1.52.0's cmake/deps.cmake git-clones sonic at configure time, which fails in
# flatpak-builder's offline build.
ESPEAK_CONFIG_OPTS = (
    "-DBUILD_SHARED_LIBS=ON",
    "-DUSE_LIBSONIC=OFF",
)
ESPEAK_CONFIG_PREFIXES = (
    "-DSONIC_LIB=",
    "-DSONIC_INC=",
)


def check_espeak(modules, errors, expect):
    """The espeak-ng module: before the app, pinned, shared library only."""
    found = [i for i, m in enumerate(modules)
             if isinstance(m, dict) and m.get("name") == ESPEAK_MODULE]
    if len(found) != 1:
        errors.append(f"modules: expected one module named {ESPEAK_MODULE!r}, "
                      f"found {len(found)}")
        return
    index = found[0]
    if index >= len(modules) - 1:
        errors.append(f"modules: {ESPEAK_MODULE} must come before the app module")
    module = modules[index]
    expect(f"{ESPEAK_MODULE} buildsystem", module.get("buildsystem"), "cmake-ninja")

    sources = module.get("sources", [])
    if len(sources) != 1 or not isinstance(sources[0], dict):
        errors.append(f"{ESPEAK_MODULE}: expected exactly one source, found {len(sources)}")
    else:
        source = sources[0]
        expect(f"{ESPEAK_MODULE} source type", source.get("type"), "git")
        expect(f"{ESPEAK_MODULE} source url", source.get("url"), ESPEAK_URL)
        expect(f"{ESPEAK_MODULE} source tag", source.get("tag"), ESPEAK_TAG)
        commit = source.get("commit")
        if not isinstance(commit, str) or not re.fullmatch(r"[0-9a-f]{40}", commit):
            errors.append(f"{ESPEAK_MODULE} source commit: {commit!r} is not "
                          "a pinned 40-hex commit")
        else:
            expect(f"{ESPEAK_MODULE} source commit", commit, ESPEAK_COMMIT)

    config_opts = module.get("config-opts", [])
    for opt in ESPEAK_CONFIG_OPTS:
        if opt not in config_opts:
            errors.append(f"{ESPEAK_MODULE} config-opts: {opt} is missing")
    for prefix in ESPEAK_CONFIG_PREFIXES:
        if not any(o.startswith(prefix) for o in config_opts):
            errors.append(f"{ESPEAK_MODULE} config-opts: {prefix}... is missing")


def main():
    flatpak_builder, path, app_id, command = sys.argv[1:5]
    out = subprocess.run([flatpak_builder, "--show-manifest", path],
                         check=True, capture_output=True, text=True).stdout
    manifest = json.loads(out)
    errors = []

    def expect(what, got, want):
        if got != want:
            errors.append(f"{what}: {got!r}, expected {want!r}")

    expect("id", manifest.get("id", manifest.get("app-id")), app_id)
    expect("command", manifest.get("command"), command)
    expect("runtime", manifest.get("runtime"), "org.gnome.Platform")
    expect("sdk", manifest.get("sdk"), "org.gnome.Sdk")
    expect("runtime-version", manifest.get("runtime-version"), RUNTIME_VERSION)

    finish_args = set(manifest.get("finish-args", []))
    for arg in sorted(finish_args - EXPECTED_FINISH_ARGS):
        errors.append(f"finish-args: {arg} is not needed by the app")
    for arg in sorted(EXPECTED_FINISH_ARGS - finish_args):
        errors.append(f"finish-args: {arg} is missing")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict):
        errors.append("modules: the app module must come last")
    else:
        app = modules[-1]
        expect("app module name", app.get("name"), "legcare")
        expect("app module buildsystem", app.get("buildsystem"), "meson")
        sources = app.get("sources", [])
        if not any(s.get("type") == "dir" and s.get("path") == "." for s in sources):
            errors.append("app module: must be built from the checkout (type dir, path .)")

    check_espeak(modules, errors, expect)

    for error in errors:
        print(f"{path}: {error}")
    if errors:
        return 1
    print(f"{path}: {app_id}, command {command}, {len(modules)} module(s), "
          f"finish-args {sorted(finish_args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
