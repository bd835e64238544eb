#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of the real app in English and every language of po/LINGUAS,
# light and dark, wide and narrow. Runs inside the dev-env chroot after the build:
#   build-aux/dev-env screenshots [OUTDIR]
set -eu

out=${1:-data/screenshots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# English and every language of po/LINGUAS
languages="en $(sed 's/#.*//' po/LINGUAS)"

for lang in $languages; do
  locale=$(build-aux/locale-of.sh "$lang")
  suffix=$lang
  if [ "$lang" = en ]; then suffix=; fi
  echo "screenshots ($lang):"
  home=$tmp/$lang
  env LANG=$locale LANGUAGE=$lang \
      HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
      GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 LEGCARE_AUDIO_SINK="fakesink sync=true" \
      xvfb-run -a -s "-screen 0 2600x1500x24" dbus-run-session -- \
      _build/tests/screenshot "$out" $suffix 2>&1 | grep -v -e 'dbus-daemon' -e 'shader cache'
done

# Large text (GNOME's Large Text, 1.25, at 360 px; Text Size 2.0 at the
# default and a wide size) and high contrast, in every language, of the
# views with the most text: NAME-LANG-text125.png, NAME-LANG-text2.png and
# NAME-LANG-hc.png
for lang in $languages; do
  locale=$(build-aux/locale-of.sh "$lang")
  for look in text125 text2 hc; do
    echo "screenshots ($lang, $look):"
    home=$tmp/$lang-$look
    # Large text at 360 px, the default and a wide size (the narrow pages
    # at each text size are also measured in the translation ui tests).
    case $look in
      text125) extra="LC_SCREENSHOT_TEXT_SCALE=1.25"
               shots='narrow-diary*:narrow-entry*:narrow-trends-period-month*:narrow-session*:narrow-routine:narrow-step-editor*:narrow-report-dialog*' ;;
      text2) extra="LC_SCREENSHOT_TEXT_SCALE=2"
             shots='main:routine:diary:diary-wide*:entry:trends-period-month:trends-period-3-months:player-1000x700*:player-1400x1000:narrow-diary*:narrow-trends-period-month*:narrow-routine:narrow-volume*:narrow-trends-volume*' ;;
      hc) extra="ADW_DEBUG_HIGH_CONTRAST=1"
          shots='main:narrow-diary*:diary-wide*:narrow-entry*:trends-period-month:narrow-trends-period-month*:trends-warning:narrow-session*:player-1000x700*:volume*:narrow-volume*:trends-volume' ;;
    esac
    env LANG=$locale LANGUAGE=$lang $extra \
        LC_SCREENSHOTS="$shots" \
        HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
        GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 LEGCARE_AUDIO_SINK="fakesink sync=true" \
        xvfb-run -a -s "-screen 0 2600x1500x24" dbus-run-session -- \
        _build/tests/screenshot "$out" "$lang-$look" 2>&1 | grep -v -e 'dbus-daemon' -e 'shader cache'
  done
done
