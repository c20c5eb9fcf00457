#!/usr/bin/env bash
# Load test of the Prometheus scrape: /metrics (Prometheus text 0.0.4, 1,000 replicas = 50,000
# series) on a pegasus-http replica server side by side with client_java's own HTTP exporter
# (io.prometheus:prometheus-metrics-exporter-httpserver) serving the same series, in one JVM, with
# wrk on 127.0.0.1. Prints both rates and their ratio.
# Usage: bench/metrics-load.sh [seconds per run, default 15] [connections, default 4] [replicas, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-4}
replicas=${3:-1000}
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing (Debian package wrk)" >&2; exit 1; }
cp_file=$(mktemp)
out=$(mktemp)
lua=$(mktemp --suffix=.lua)
trap 'rm -f "$cp_file" "$out" "$lua"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
# One reactor run without installing (as bench/jmh.sh): the module's own freshly compiled classes.
mvn -B -q -o test-compile dependency:build-classpath -pl http-core -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
lifetime=$(( duration * 4 + 20 * 2 + 60 ))
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Xms1g -Xmx1g \
  -cp "http-core/target/test-classes:http-core/target/classes:$(cat "$cp_file")" \
  dev.pegasus.http.core.internal.metrics.ExpositionLoadTargets "$lifetime" "$replicas" >"$out" &
pid=$!
for _ in $(seq 1 300); do grep -q pegasus= "$out" && break; sleep 0.2; done
read -r ours theirs < <(sed -E 's/pegasus=([0-9]+) client_java=([0-9]+)/\1 \2/' "$out")
# What Prometheus 2.x sends on a scrape that prefers the text format, and gzip.
cat >"$lua" <<'LUA'
wrk.headers["Accept"] = "text/plain;version=0.0.4;q=1,*/*;q=0.1"
wrk.headers["Accept-Encoding"] = "${ENCODING}"
LUA
run() { # port encoding seconds
  sed "s/\${ENCODING}/$2/" "$lua" >"$lua.run"
  wrk -t2 -c"$connections" -d"$3s" --timeout 10s -s "$lua.run" "http://127.0.0.1:$1/metrics" \
    | awk '/Requests\/sec/ {print $2}'
}
for encoding in identity gzip; do
  # Same body from both (families, series): a sanity check before timing.
  a=$(curl -s -H 'Accept: text/plain;version=0.0.4' "http://127.0.0.1:$ours/metrics" | grep -c 'table_id=' || true)
  b=$(curl -s -H 'Accept: text/plain;version=0.0.4' "http://127.0.0.1:$theirs/metrics" | grep -c 'table_id=' || true)
  echo "series with table_id: pegasus-http $a, client_java $b" >&2
  echo "warming up ($encoding)..." >&2
  run "$ours" "$encoding" 10 >/dev/null
  run "$theirs" "$encoding" 10 >/dev/null
  t1=$(run "$theirs" "$encoding" "$duration"); o1=$(run "$ours" "$encoding" "$duration")
  t2=$(run "$theirs" "$encoding" "$duration"); o2=$(run "$ours" "$encoding" "$duration")
  awk -v e="$encoding" -v t1="$t1" -v o1="$o1" -v t2="$t2" -v o2="$o2" 'BEGIN {
    t = (t1 + t2) / 2; o = (o1 + o2) / 2;
    printf "[%s] client_java HTTPServer : %.1f scrapes/s (runs %.1f, %.1f)\n", e, t, t1, t2;
    printf "[%s] pegasus-http /metrics  : %.1f scrapes/s (runs %.1f, %.1f)\n", e, o, o1, o2;
    printf "[%s] ratio                  : %.0f%%\n", e, 100 * o / t }'
done
rm -f "$lua.run"
