#!/usr/bin/env bash
# What a running CPU profile costs a server: /version throughput under wrk without a profile,
# with a 30 s /pprof/profile in flight, and without again (the two baselines bracket the
# profiled run, so JIT warm-up and drift do not flatter either side). Prints the three rates and
# the ratio profiled / mean(baselines); the target is >= 97 % kept. Also prints the server's CPU
# time per request in each run, which other load on the machine disturbs much less.
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

hz=$(getconf CLK_TCK)
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# One wrk run against /version: prints "<requests/s> <server CPU microseconds per request>".
# CPU per request is far less disturbed by other processes on a shared machine than req/s.
measure() {
  local before after out
  before=$(server_cpu_ticks)
  out=$(wrk -t"$threads" -c"$connections" -d"${1}s" "$url/version")
  after=$(server_cpu_ticks)
  awk -v ticks=$((after - before)) -v hz="$hz" '
    /requests in/ {requests = $1}
    /^Requests\/sec:/ {rate = $2}
    END {printf "%.0f %.2f\n", rate, ticks / hz * 1e6 / requests}' <<<"$out"
}

echo "server $url; wrk -t$threads -c$connections -d${duration}s $url/version"
measure 30 >/dev/null # warm-up: JIT compilation of the request path
read -r base1 cpu1 < <(measure "$duration")
curl -s -o "$work/cpu.prof" -w '%{http_code}' "$url/pprof/profile?seconds=30" >"$work/status" &
curl_pid=$!
sleep 2 # the first JFR recording of a JVM takes up to a second to start
read -r profiled cpup < <(measure "$duration")
wait "$curl_pid"
status=$(cat "$work/status")
size=$(stat -c %s "$work/cpu.prof")
read -r base2 cpu2 < <(measure "$duration")
if [[ "$status" != 200 || "$size" -lt 64 ]]; then
  echo "the profile failed: HTTP $status, $size bytes" >&2
  exit 1
fi
awk -v b1="$base1" -v b2="$base2" -v p="$profiled" -v c1="$cpu1" -v c2="$cpu2" -v cp="$cpup" \
    -v size="$size" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "without profile:   %8.0f req/s, %6.2f us CPU/req (before); %8.0f req/s, %6.2f us CPU/req (after)\n", b1, c1, b2, c2
  printf "with 30 s profile: %8.0f req/s, %6.2f us CPU/req (profile: %d bytes)\n", p, cp, size
  printf "kept: %.1f %% of the mean baseline throughput (target >= 97 %%); CPU per request %+.1f %%\n", 200 * p / (b1 + b2), 100 * (2 * cp / (c1 + c2) - 1)
  printf "load average at the end: %s (a shared machine makes req/s noisy)\n", load
}'
