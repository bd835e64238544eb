#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The MIME type of shared routines: the built shared-mime-info file goes,
# with freedesktop.org's own, into a private MIME database made by
# update-mime-database, which must accept it without a word; then GIO,
# looking only there, must name a .legcare-routine file by its name and a
# shared routine without that name by its root element; and the desktop
# file must say that Leg Care opens the type.
#
# Usage: test-mime.sh MIME_XML DESKTOP_FILE. TAP output.
set -eu

mime_xml=$1
desktop=$2
type=application/x-legcare-routine

for tool in update-mime-database gio xmllint; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/legcare-mime-XXXXXX")
trap 'rm -rf "$dir"' EXIT

n=0
pass () { n=$((n + 1)); echo "ok $n - $*"; }
fail () { n=$((n + 1)); echo "not ok $n - $*"; }

echo "1..6"

if xmllint --noout "$mime_xml" 2> "$dir/xmllint.log"; then
  pass "the MIME file is well-formed XML"
else
  fail "the MIME file is well-formed XML"
  sed 's/^/# /' "$dir/xmllint.log"
fi

mkdir -p "$dir/data/mime/packages" "$dir/home"
cp /usr/share/mime/packages/freedesktop.org.xml "$dir/data/mime/packages/"
cp "$mime_xml" "$dir/data/mime/packages/com.example.LegCare.xml"
if XDG_DATA_DIRS="$dir/data" XDG_DATA_HOME="$dir/home" \
     update-mime-database "$dir/data/mime" > "$dir/update.log" 2>&1 && [ ! -s "$dir/update.log" ]; then
  pass "update-mime-database accepts it without warnings"
else
  fail "update-mime-database accepts it without warnings"
  sed 's/^/# /' "$dir/update.log"
fi

if grep -qxF "50:$type:*.legcare-routine" "$dir/data/mime/globs2"; then
  pass "the database has the glob *.legcare-routine"
else
  fail "the database has the glob *.legcare-routine: $(grep legcare "$dir/data/mime/globs2" || echo none)"
fi

cat > "$dir/Knee Routine.legcare-routine" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<legcare-routine version="1">
  <routine id="knee" version="1"/>
</legcare-routine>
XML
cp "$dir/Knee Routine.legcare-routine" "$dir/received"

content_type () {
  XDG_DATA_DIRS="$dir/data" XDG_DATA_HOME="$dir/home" \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

got=$(content_type "$dir/Knee Routine.legcare-routine")
if [ "$got" = "$type" ]; then
  pass "GIO names a .legcare-routine file $type"
else
  fail "GIO names a .legcare-routine file $type, not ${got:-nothing}"
fi

got=$(content_type "$dir/received")
if [ "$got" = "$type" ]; then
  pass "GIO names a shared routine without the suffix by its root element"
else
  fail "GIO names a shared routine without the suffix by its root element, not ${got:-nothing}"
fi

if grep -q "^MimeType=.*$type;" "$desktop" && grep -q '^Exec=legcare %U$' "$desktop"; then
  pass "the desktop file opens $type with Leg Care"
else
  fail "the desktop file opens $type with Leg Care: $(grep -E '^(MimeType|Exec)=' "$desktop" | tr '\n' ' ')"
fi
