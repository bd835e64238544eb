#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Leg Care is single-instance: starting it again presents the running
# window instead of opening a second process or window.
# Usage: test-single-instance.sh LEGCARE APP_ID (on a session bus and display)
set -eu

legcare=$1
app_id=$2
object_path=/$(echo "$app_id" | tr . /)

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "needs a display and a session bus: run under xvfb-run and dbus-run-session"
  exit 77
fi

home=$(mktemp -d)
trap 'kill "$first" 2> /dev/null || true; rm -rf "$home"' EXIT
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state

"$legcare" &
first=$!

gdbus wait --session --timeout 30 "$app_id"
echo "first instance owns $app_id"

# The second start hands over to the first and exits at once, successfully.
timeout 30 "$legcare"
echo "second start exited with 0"
kill -0 "$first"

# Still exactly one window: the first process exports it as window/1.
gdbus call --session --dest "$app_id" --object-path "$object_path/window/1" \
  --method org.gtk.Actions.DescribeAll > /dev/null
if gdbus call --session --dest "$app_id" --object-path "$object_path/window/2" \
     --method org.gtk.Actions.DescribeAll > /dev/null 2>&1; then
  echo "a second window was opened"
  exit 1
fi
echo "one window"

# Quit through the app's own action; it exits cleanly.
gdbus call --session --dest "$app_id" --object-path "$object_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' > /dev/null
wait "$first"
echo "quit cleanly"
