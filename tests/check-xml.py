#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every XML file of the project is well-formed: templates, routines,
illustrations, icons, ITS rules, schema, metainfo, resources.

Usage: check-xml.py SOURCE_ROOT
"""
import glob
import os
import sys
import xml.dom.minidom
from xml.parsers.expat import ExpatError

PATTERNS = [
    "src/**/*.ui", "src/**/*.svg", "src/*.xml",
    "data/*.xml", "data/*.xml.in", "data/routines/*.xml", "data/its/*",
    "data/illustrations/*.svg", "data/icons/**/*.svg",
]


def main():
    root = sys.argv[1]
    checked = 0
    errors = []
    for pattern in PATTERNS:
        for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
            checked += 1
            try:
                xml.dom.minidom.parse(path)
            except ExpatError as e:
                errors.append(f"{os.path.relpath(path, root)}:{e.lineno}:{e.offset + 1}: {e}")
    for error in errors:
        print(error)
    print(f"{checked} XML files, {len(errors)} not well-formed")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
