#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse the Flatpak manifest with flatpak-builder and check it against the project.

Usage: check-manifest.py FLATPAK_BUILDER MANIFEST APP_ID COMMAND
"""
import json
import subprocess
import sys

# What the app may ask of the sandbox, and nothing more: files go through
# portals, there is no network.
EXPECTED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
RUNTIME_VERSION = "50"


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

    for error in errors:
        print(f"{path}: {error}")
    if errors:
        return 1
    print(f"{path}: {app_id}, command {command}, {len(modules)} module(s), "
          f"finish-args {sorted(finish_args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
