#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print 'N passed, N failed' from meson's own results (testlog.json) of
one or more build folders. Exits non-zero if any test failed.

Usage: test-summary.py BUILD_DIR...
"""
import json
import os
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def main():
    passed = failed = skipped = 0
    for build_dir in sys.argv[1:]:
        path = os.path.join(build_dir, "meson-logs", "testlog.json")
        if not os.path.exists(path):
            print(f"{path}: missing: the tests of {build_dir} did not run")
            failed += 1
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                result = json.loads(line)["result"]
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
