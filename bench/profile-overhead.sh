#!/usr/bin/env bash
# What a running CPU profile costs a server: /version throughput under wrk, alternating runs
# without a profile and with a /pprof/profile in flight, several cycles after a warm-up, so that
# JIT warm-up and drift do not favour either side. Prints each cycle, then the median ratio
# profiled / unprofiled of requests/s (target >= 97 % kept) and of the server's CPU time per
# request, which other load on the machine disturbs much less.
#   bench/profile-overhead.sh [seconds per run; default 10] [connections; 16] [wrk threads; 2] [cycles; 4]
# Everything runs on 127.0.0.1; the server stops by itself even if this script is killed.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}
threads=${3:-2}
cycles=${4:-4}
if (( duration < 1 || duration > 250 || cycles < 1 )); then
  echo "seconds per run must be 1..250 and cycles at least 1" >&2
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
  dev.pegasus.http.profiler.ProfiledServerMain 0 "$work/port" $((60 + cycles * (2 * duration + 12) + 60)) \
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

echo "server $url; $cycles cycles of wrk -t$threads -c$connections -d${duration}s $url/version, without then with a profile"
measure 40 >/dev/null # warm-up: JIT compilation of the request path
measure 5 >/dev/null
ratios=()
cpu_ratios=()
for cycle in $(seq "$cycles"); do
  read -r base cpu < <(measure "$duration")
  curl -s -o "$work/cpu.prof" -w '%{http_code}' "$url/pprof/profile?seconds=$((duration + 3))" >"$work/status" &
  curl_pid=$!
  sleep 1.5 # the recording starts within a second
  read -r profiled cpup < <(measure "$duration")
  wait "$curl_pid"
  status=$(cat "$work/status")
  size=$(stat -c %s "$work/cpu.prof")
  if [[ "$status" != 200 || "$size" -lt 64 ]]; then
    echo "the profile failed: HTTP $status, $size bytes" >&2
    exit 1
  fi
  sleep 1 # the server writes the profile after the recording; keep that out of the next run
  read -r ratio cpu_ratio < <(awk -v b="$base" -v p="$profiled" -v c="$cpu" -v cp="$cpup" \
    'BEGIN {printf "%.1f %.1f\n", 100 * p / b, 100 * (cp / c - 1)}')
  printf "cycle %d: without %8.0f req/s %6.2f us CPU/req; with profile %8.0f req/s %6.2f us CPU/req; kept %5.1f %%, CPU/req %+5.1f %%\n" \
    "$cycle" "$base" "$cpu" "$profiled" "$cpup" "$ratio" "$cpu_ratio"
  ratios+=("$ratio")
  cpu_ratios+=("$cpu_ratio")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "median kept: $(median "${ratios[@]}") % of unprofiled requests/s (target >= 97 %); median CPU per request $(median "${cpu_ratios[@]}") %"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
