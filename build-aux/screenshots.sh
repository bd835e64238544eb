#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the real app in English, Italian and German, light and
# dark, wide and narrow. Runs inside the dev-env chroot after the build:
#   build-aux/dev-env screenshots [OUTDIR]
set -eu

out=${1:-data/screenshots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for lang in en it de; do
  case $lang in
    en) locale=en_US.UTF-8 suffix= ;;
    it) locale=it_IT.UTF-8 suffix=it ;;
    de) locale=de_DE.UTF-8 suffix=de ;;
  esac
  echo "screenshots ($lang):"
  home=$tmp/$lang
  env LANG=$locale LANGUAGE=$lang \
      HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
      GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 LEGCARE_AUDIO_SINK="fakesink sync=true" \
      xvfb-run -a -s "-screen 0 2600x1500x24" dbus-run-session -- \
      _build/tests/screenshot "$out" $suffix 2>&1 | grep -v -e 'dbus-daemon' -e 'shader cache'
done
