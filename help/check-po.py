#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language of help/LINGUAS translates every message of the help
pages: none untranslated, none fuzzy, against a template made afresh from
help/C with itstool, as gnome.yelp()'s help-legcare-pot target makes it.
translator-credits may stay empty: itstool then credits no one.

Usage: check-po.py HELP_DIR ITSTOOL PAGE...
"""
import os
import subprocess
import sys
import tempfile


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def main():
    help_dir, itstool, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    errors = []
    with open(os.path.join(help_dir, "LINGUAS"), encoding="utf-8") as f:
        linguas = f.read().split()

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "help.pot")
        result = run([itstool, "-o", pot, *pages], cwd=os.path.join(help_dir, "C"))
        if result.returncode != 0:
            print(f"itstool failed:\n{result.stderr}")
            return 1
        for lang in linguas:
            po = os.path.join(help_dir, lang, f"{lang}.po")
            merged = os.path.join(tmp, f"{lang}.po")
            result = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged, po, pot])
            if result.returncode != 0:
                errors.append(f"help/{lang}/{lang}.po could not be merged:\n{result.stderr}")
                continue
            result = run(["msgfmt", "--check", "--output-file", os.devnull, merged])
            if result.returncode != 0:
                errors.append(f"help/{lang}/{lang}.po does not compile:\n{result.stderr}")
            for flag in ("--untranslated", "--only-fuzzy"):
                listing = run(["msgattrib", flag, "--no-obsolete", "--no-wrap", merged]).stdout
                entries = [e for e in listing.split("\n\n")
                           if "msgid" in e and 'msgid ""\nmsgstr ""\n"' not in e
                           and 'msgid "translator-credits"' not in e]
                kind = "untranslated" if flag == "--untranslated" else "fuzzy"
                if entries:
                    errors.append(f"help/{lang}/{lang}.po: {len(entries)} {kind} message(s):\n"
                                  + "\n\n".join(entries))

    for error in errors:
        print(error)
    if errors:
        print("run 'meson compile -C _build help-legcare-update-po', then translate")
        return 1
    print(f"help translations complete: {', '.join(linguas)}; {len(pages)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
