#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Voice cues against a real sound server: a private PulseAudio daemon with
# a null sink, whose monitor parecord records, so that what the app played
# can be measured. Checks that a cue plays through the default output and
# arrives at the sink, that the server shows the stream as Leg Care (name,
# id, icon, media role), and that without a server the player reports the
# problem and, once the server is back, the next cue plays.
#
# Usage: test-pulse.sh PLAY_CUES (the tests/play-cues program). TAP output;
# skips if PulseAudio, its utilities or sox are not installed.
set -eu

play_cues=$1
sink=legcare_test
speech="Heel raises. Fifteen times, lift and lower both heels."
short_speech="Now the right leg."

for tool in pulseaudio pactl parecord sox; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/legcare-pulse-XXXXXX")
server=
recorder=
player=

# Stops a process this script started: politely, then not.
stop () {
  [ -n "$1" ] || return 0
  kill "$1" 2> /dev/null || true
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    kill -0 "$1" 2> /dev/null || break
    sleep 0.1
  done
  kill -KILL "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}

cleanup () {
  stop "$player"
  stop "$recorder"
  stop "$server"
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Everything the server and its clients keep, in the private directory;
# and no session bus or X11 display for them to find.
mkdir -m 700 "$dir/home" "$dir/runtime" "$dir/state"
export HOME="$dir/home"
export XDG_RUNTIME_DIR="$dir/runtime"
export XDG_CONFIG_HOME="$dir/home/.config"
export PULSE_RUNTIME_PATH="$dir/runtime/pulse"
export PULSE_STATE_PATH="$dir/state"
export PULSE_CLIENTCONFIG="$dir/client.conf"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$dir/no-bus"
unset DISPLAY WAYLAND_DISPLAY PULSE_SINK PULSE_SOURCE
echo "autospawn = no" > "$PULSE_CLIENTCONFIG"
# Nor any other sound output autoaudiosink could pick instead, on a
# developer's machine: PipeWire, JACK, ALSA devices (an empty ALSA
# configuration has none).
export PIPEWIRE_REMOTE="$dir/no-pipewire"
export JACK_NO_START_SERVER=1 JACK_DEFAULT_SERVER=legcare-test-none
export ALSA_CONFIG_PATH="$dir/alsa.conf"
: > "$ALSA_CONFIG_PATH"

now_ms () { echo $(($(date +%s%N) / 1000000)); }
started=$(now_ms)
elapsed () { awk -v ms=$(($(now_ms) - started)) 'BEGIN { printf "%.2f s", ms / 1000 }'; }

n=0
failures=0
pass () { n=$((n + 1)); echo "ok $n - $*"; }
fail () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $*"; }
note () { sed 's/^/# /' "$@"; }
bail () {
  echo "Bail out! $*"
  [ -f "$dir/pulseaudio.log" ] && note "$dir/pulseaudio.log"
  exit 1
}

# Starts the daemon on the socket $1 with the null sink as the default.
# Runs as root too (in a chroot): --system is for something else; as root
# it warns that it is not meant to, and works. Without norewinds, the null
# sink's monitor delivers nothing for a second or two after a recording
# starts (it rewinds what it rendered ahead).
start_server () {
  pulseaudio --daemonize=no --use-pid-file=no --exit-idle-time=-1 --disallow-exit \
    --high-priority=no --realtime=no --no-cpu-limit -n --log-target=stderr \
    --load="module-null-sink sink_name=$sink norewinds=1" \
    --load="module-native-protocol-unix socket=$1 auth-anonymous=1" \
    >> "$dir/pulseaudio.log" 2>&1 &
  server=$!
  export PULSE_SERVER="unix:$1"
  for i in $(seq 100); do
    kill -0 "$server" 2> /dev/null || return 1
    if pactl info > /dev/null 2>&1; then
      pactl set-default-sink "$sink"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# Records the null sink's monitor into $1, and waits until it does: until
# the file holds 0.1 s (mono, 44.1 kHz, 16 bits, after a 44-byte header).
start_recording () {
  parecord --device="$sink.monitor" --file-format=wav --channels=1 --rate=44100 \
    --latency-msec=20 "$1" 2>> "$dir/parecord.log" &
  recorder=$!
  for i in $(seq 100); do
    kill -0 "$recorder" 2> /dev/null || return 1
    [ "$(stat -c %s "$1" 2> /dev/null || echo 0)" -gt 8864 ] && return 0
    sleep 0.05
  done
  return 1
}

# parecord writes the WAV header as it exits; the monitor lags the sink by
# its latency.
stop_recording () {
  sleep 0.3
  kill -INT "$recorder" 2> /dev/null || true
  wait "$recorder" || true
  recorder=
}

# Runs play-cues in the background, its output in $dir/$1.out.
start_player () {
  name=$1
  shift
  "$play_cues" "$@" > "$dir/$name.out" 2>&1 &
  player=$!
}

# Waits at most $1 seconds for play-cues to exit; its status in $status.
wait_player () {
  for i in $(seq $(($1 * 10))); do
    kill -0 "$player" 2> /dev/null || break
    sleep 0.1
  done
  if kill -0 "$player" 2> /dev/null; then
    echo "# play-cues still runs after $1 s: stopped"
    stop "$player"
    status=124
  else
    status=0
    wait "$player" || status=$?
  fi
  player=
}

# Measures the sound in the recording $1 from its first to its last sample
# louder than 1% of full scale, as play-cues measures a cue: sets $length
# (seconds), $peak and $rms (of full scale) and $frequency (Hz, from the
# upward zero crossings).
measure () {
  set -- "$1" $(sox "$1" -t dat - 2> /dev/null | awk '
    /^;/ { next }
    {
      t[n] = $1; x[n] = $2
      if ((x[n] < 0 ? -x[n] : x[n]) > 0.01) { if (first == "") first = n; last = n }
      n++
    }
    END {
      if (first == "") { print 0, 0, 0, 0; exit }
      for (i = first; i <= last; i++) {
        a = x[i] < 0 ? -x[i] : x[i]
        if (a > peak) peak = a
        sum += x[i] * x[i]
        if (i > first && x[i - 1] < 0 && x[i] >= 0) { if (!c) c0 = t[i]; c1 = t[i]; c++ }
      }
      printf "%.3f %.3f %.3f %.0f\n", t[last] - t[first] + (t[1] - t[0]), peak,
        sqrt(sum / (last - first + 1)), (c > 1 ? (c - 1) / (c1 - c0) : 0)
    }')
  length=${2:-0} peak=${3:-0} rms=${4:-0} frequency=${5:-0}
  echo "# $(basename "$1"): $length s of sound, peak $peak, RMS $rms, about $frequency Hz"
}

# Whether $1 lies in [$2, $3].
between () { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }

# How long play-cues said the cue in $dir/$1.out sounds.
expected () { sed -n 's/^sound: //p' "$dir/$1.out"; }

# Whether the recording holds the whole cue: as long as it, give or take
# 25 ms (the threshold meets the resampled sound a little earlier or later).
whole () {
  [ -n "$1" ] && awk -v a="$length" -v e="$1" 'BEGIN { exit !(a >= e - 0.025 && a <= e + 0.025) }'
}

echo "1..9"

# --- 1: the server -------------------------------------------------------------

if start_server "$dir/native"; then
  pass "PulseAudio runs with the null sink $sink as the default ($(elapsed))"
else
  bail "PulseAudio did not start"
fi

# --- 2-5: a spoken cue through the default output --------------------------------

start_recording "$dir/speech.wav" || bail "parecord did not record"
start_player say say "$speech"

# The stream as the server sees it, while it plays. pulsesink creates the
# stream before the title tag reaches it and renames it then, so wait for
# both (a slow build, e.g. under the sanitizers, shows the gap).
: > "$dir/sink-inputs"
for i in $(seq 150); do
  pactl list sink-inputs > "$dir/poll" 2>&1 || true
  if grep -q 'application.id = "com.example.LegCare"' "$dir/poll"; then
    cp "$dir/poll" "$dir/sink-inputs"
    grep -qF 'media.name = "Voice cues"' "$dir/poll" && break
  fi
  kill -0 "$player" 2> /dev/null || break
  sleep 0.1
done
wait_player 20
note "$dir/say.out"
stop_recording
if [ "$status" -eq 0 ]; then
  pass "a spoken cue plays without a problem ($(elapsed))"
else
  fail "a spoken cue plays without a problem: play-cues exited with $status"
fi

grep -E '^Sink Input|^[[:space:]]+(media|application)\.(role|name|id|icon_name) ' "$dir/sink-inputs" | note
missing=
for property in 'application.name = "Leg Care"' \
                'application.id = "com.example.LegCare"' \
                'application.icon_name = "com.example.LegCare"' \
                'media.role = "a11y"'; do
  grep -qF "$property" "$dir/sink-inputs" || missing="$missing, $property"
done
if [ -z "$missing" ]; then
  pass "the sound server shows the stream as Leg Care's, with its icon, as speech (a11y)"
else
  fail "the sound server shows the stream as Leg Care's, with its icon, as speech (a11y): missing ${missing#, }"
fi

# pulsesink names the stream after the title tag (the player's taginject),
# or "Playback Stream" without one.
if grep -qF 'media.name = "Voice cues"' "$dir/sink-inputs"; then
  pass "the sound server names the stream Voice cues"
else
  fail "the sound server names the stream Voice cues"
fi

measure "$dir/speech.wav"
cue=$(expected say)
if between "$peak" 0.1 1 && whole "$cue"; then
  pass "the whole spoken cue arrived at the sink: $length s of sound"
else
  fail "the whole spoken cue arrived at the sink: $length s of sound (the cue: ${cue:-?} s), peak $peak"
fi

# --- 6: a tick, at its pitch --------------------------------------------------------

start_recording "$dir/tick.wav" || bail "parecord did not record"
start_player tick tick
wait_player 15
note "$dir/tick.out"
stop_recording
measure "$dir/tick.wav"
cue=$(expected tick)
if [ "$status" -eq 0 ] && between "$peak" 0.4 0.6 && whole "$cue" && between "$frequency" 860 900; then
  pass "a whole tick arrived at the sink: $length s at $frequency Hz"
else
  fail "a whole tick arrived at the sink: play-cues exited with $status; $length s (the tick: ${cue:-?} s), peak $peak, $frequency Hz"
fi

# --- 7-9: no server, then the server comes back ------------------------------------

stop "$server"
server=
export PULSE_SERVER="unix:$dir/native-later"

start_player recover recover "$dir/server-is-back" "$short_speech"
for i in $(seq 150); do
  grep -q '^problem:' "$dir/recover.out" && break
  kill -0 "$player" 2> /dev/null || break
  sleep 0.1
done
if grep -q '^problem:' "$dir/recover.out"; then
  pass "without a sound server the player reports: $(sed -n 's/^problem: //p' "$dir/recover.out")"
else
  fail "without a sound server the player reports a problem"
fi

if start_server "$dir/native-later" && start_recording "$dir/recovered.wav"; then
  echo "# the server is back ($(elapsed))"
  touch "$dir/server-is-back"
else
  echo "# the server did not start again"
fi
wait_player 35
note "$dir/recover.out"
[ -n "$recorder" ] && stop_recording
if [ "$status" -eq 0 ]; then
  pass "when the sound server is back, the next cue plays ($(elapsed))"
else
  fail "when the sound server is back, the next cue plays: play-cues exited with $status"
fi

measure "$dir/recovered.wav"
cue=$(expected recover)
if between "$peak" 0.1 1 && whole "$cue"; then
  pass "that whole cue arrived at the sink: $length s of sound"
else
  fail "that whole cue arrived at the sink: $length s of sound (the cue: ${cue:-?} s), peak $peak"
fi

if [ "$failures" -gt 0 ]; then
  echo "# the server's log:"
  note "$dir/pulseaudio.log"
fi
exit 0
