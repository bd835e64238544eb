#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations.

1. Every source file with translatable strings is listed in po/POTFILES.in,
   and every listed file exists.
2. Every .po file in po/LINGUAS compiles (msgfmt --check).
3. Every .po file translates every string the app ships: none untranslated,
   none fuzzy, against a template made afresh from the sources.

Usage: check-po.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

C_MARKERS = re.compile(r"\b(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(")
UI_MARKERS = re.compile(r'translatable="yes"')
SEARCH_DIRS = ("src", "data")

# The same keywords as meson's i18n 'glib' preset.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
]


def has_translatable_strings(path):
    if not path.endswith((".c", ".ui", ".desktop.in", ".metainfo.xml.in", ".xml")):
        return False
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".c"):
        # Strip comments so that documentation mentioning _() does not count.
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        return bool(C_MARKERS.search(text))
    if path.endswith(".ui"):
        return bool(UI_MARKERS.search(text))
    if path.endswith((".desktop.in", ".metainfo.xml.in")):
        return True
    if path.endswith(".gschema.xml"):
        return "gettext-domain" in text
    if path.endswith(".xml"):
        return "<routine" in text
    return False


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, "po")
    errors = []

    with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]

    for rel in listed:
        if not os.path.isfile(os.path.join(root, rel)):
            errors.append(f"po/POTFILES.in lists {rel}, which does not exist")

    for top in SEARCH_DIRS:
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if has_translatable_strings(path) and rel not in listed:
                    errors.append(f"{rel} has translatable strings but is missing from po/POTFILES.in")

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        linguas = [w for line in f for w in line.split("#")[0].split()]
    if not linguas:
        errors.append("po/LINGUAS lists no language")

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "legcare.pot")
        # The routines' ITS rules are found through GETTEXTDATADIRS, as in po/meson.build.
        env = dict(os.environ, GETTEXTDATADIRS=os.path.join(root, "data"))
        result = run(["xgettext", *XGETTEXT_ARGS, "--output", pot,
                      "--directory", root, *listed], env=env)
        if result.returncode != 0:
            errors.append(f"xgettext failed:\n{result.stderr}")

        for lang in linguas:
            po = os.path.join(po_dir, f"{lang}.po")
            if not os.path.isfile(po):
                errors.append(f"po/{lang}.po is missing")
                continue

            result = run(["msgfmt", "--check", "--check-format", "--output-file", os.devnull, po])
            if result.returncode != 0:
                errors.append(f"po/{lang}.po does not compile:\n{result.stderr}")
                continue

            if not os.path.isfile(pot):
                continue
            merged = os.path.join(tmp, f"{lang}.po")
            result = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged, po, pot])
            if result.returncode != 0:
                errors.append(f"msgmerge po/{lang}.po failed:\n{result.stderr}")
                continue
            result = run(["msgfmt", "--statistics", "--output-file", os.devnull, merged])
            counts = {kind: int(n) for n, kind in
                      re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr)}
            for kind, flag in (("untranslated", "--untranslated"), ("fuzzy", "--only-fuzzy")):
                if counts.get(kind, 0) == 0:
                    continue
                listing = run(["msgattrib", flag, "--no-obsolete", merged]).stdout
                entries = [e for e in listing.split("\n\n") if 'msgid ""\nmsgstr ""\n"' not in e]
                errors.append(f"po/{lang}.po: {counts[kind]} {kind} message(s):\n"
                              + "\n\n".join(entries))

    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} problem(s); run 'meson compile -C _build legcare-update-po' to refresh the .po files")
        return 1
    print(f"translations complete and valid: {', '.join(linguas)}; {len(listed)} source files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
