#!/usr/bin/env bash
# What a running CPU profile costs a server: /version throughput under wrk without a profile,
# with a 30 s /pprof/profile in flight, and without again (the two baselines bracket the
# profiled run, so JIT warm-up and drift do not flatter either side). Prints the three rates and
# the ratio profiled / mean(baselines); the target is >= 97 % kept.
#   bench/profile-overhead.sh [seconds per run, <= 25; default 10] [connections; 16] [wrk threads; 2]
# Everything runs on 127.0.0.1; the server stops by itself even if this script is killed.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}
threads=${3:-2}
if (( duration < 1 || duration > 25 )); then
  echo "seconds per run must be 1..25 so that the profiled run fits in the 30 s profile" >&2
  exit 2
fi
if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null
fi
for tool in curl java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

# Compile profiler and its test/jmh sources against the installed http-core (no -am, so
# http-core itself is not rebuilt).
mvn -B -q -pl profiler test-compile
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mvn -B -q dependency:build-classpath -pl profiler -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp"

java -Xms256m -Xmx256m \
  -cp "profiler/target/test-classes:profiler/target/classes:$(cat "$work/cp")" \
  dev.pegasus.http.profiler.ProfiledServerMain 0 "$work/port" $((3 * duration + 120)) \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 150); do
  [[ -s "$work/port" ]] && break
  sleep 0.2
done
[[ -s "$work/port" ]] || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
url="http://127.0.0.1:$(cat "$work/port")"

rate() {  # requests/s of one wrk run against /version
  wrk -t"$threads" -c"$connections" -d"${1}s" "$url/version" | awk '/^Requests\/sec:/ {print $2}'
}

echo "server $url; wrk -t$threads -c$connections -d${duration}s $url/version"
rate 15 >/dev/null # warm-up: JIT compilation of the request path
base1=$(rate "$duration")
curl -s -o "$work/cpu.prof" -w '%{http_code}' "$url/pprof/profile?seconds=30" >"$work/status" &
curl_pid=$!
sleep 2 # the first JFR recording of a JVM takes up to a second to start
profiled=$(rate "$duration")
wait "$curl_pid"
status=$(cat "$work/status")
size=$(stat -c %s "$work/cpu.prof")
base2=$(rate "$duration")
if [[ "$status" != 200 || "$size" -lt 64 ]]; then
  echo "the profile failed: HTTP $status, $size bytes" >&2
  exit 1
fi
awk -v b1="$base1" -v b2="$base2" -v p="$profiled" -v size="$size" 'BEGIN {
  base = (b1 + b2) / 2
  printf "without profile:   %10.0f req/s (before), %10.0f req/s (after)\n", b1, b2
  printf "with 30 s profile: %10.0f req/s (profile: %d bytes)\n", p, size
  printf "kept: %.1f %% of the mean baseline (target >= 97 %%)\n", 100 * p / base
}'
