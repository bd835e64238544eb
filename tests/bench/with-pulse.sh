#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a private PulseAudio server whose default output
# is a null sink named legcare_bench (whose monitor can be recorded), then
# prints how many underruns the server logged for its clients: a client's
# stream that ran dry is heard as a gap; each cue's end counts as one too.
# The server's process id is in LEGCARE_BENCH_SERVER_PID, for the command
# to count its CPU time.
#
# The server logs at the debug level, where it tells underruns, unless
# LEGCARE_BENCH_PULSE_LOG says otherwise (logging costs the server CPU time:
# "notice" where that is measured).
#
# Usage: with-pulse.sh COMMAND [ARGS...]
set -eu

dir=$(mktemp -d "${TMPDIR:-/tmp}/legcare-bench-pulse-XXXXXX")
server=
cleanup () {
  [ -z "$server" ] || kill "$server" 2> /dev/null || true
  [ -z "$server" ] || wait "$server" 2> /dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

mkdir -m 700 "$dir/home" "$dir/runtime" "$dir/state"
export HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" XDG_CONFIG_HOME="$dir/home/.config"
export PULSE_RUNTIME_PATH="$dir/runtime/pulse" PULSE_STATE_PATH="$dir/state"
export PULSE_CLIENTCONFIG="$dir/client.conf" PIPEWIRE_REMOTE="$dir/no-pipewire"
export JACK_NO_START_SERVER=1 ALSA_CONFIG_PATH="$dir/alsa.conf"
unset PULSE_SINK PULSE_SOURCE
echo "autospawn = no" > "$PULSE_CLIENTCONFIG"
: > "$ALSA_CONFIG_PATH"

pulseaudio --daemonize=no --use-pid-file=no --exit-idle-time=-1 --disallow-exit \
  --high-priority=no --realtime=no --no-cpu-limit -n --log-target=stderr --log-level="${LEGCARE_BENCH_PULSE_LOG:-debug}" \
  --load="module-null-sink sink_name=legcare_bench norewinds=1" \
  --load="module-native-protocol-unix socket=$dir/native auth-anonymous=1" \
  > "$dir/server.log" 2>&1 &
server=$!
export PULSE_SERVER="unix:$dir/native" LEGCARE_BENCH_SERVER_PID=$server
for i in $(seq 100); do
  pactl info > /dev/null 2>&1 && break
  kill -0 "$server" 2> /dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
pactl set-default-sink legcare_bench

status=0
"$@" || status=$?
if [ "${LEGCARE_BENCH_PULSE_LOG:-debug}" = debug ]; then
  echo "underruns the server logged: $(grep -ci "underrun" "$dir/server.log" || true)"
fi
exit $status
