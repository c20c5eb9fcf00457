#!/usr/bin/env bash
# Load test: /version on a pegasus-http server side by side with a bare Undertow handler that
# serves the same bytes (same I/O threads, same JVM), with wrk on 127.0.0.1. Prints both rates and
# their ratio. Usage: bench/load.sh [seconds per run, default 15] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian..." >&2
  apt-get install -y wrk >/dev/null
fi
mvn -B -q install -DskipTests -pl http-core -am
mvn -B -q test-compile -pl http-core
cp_file=$(mktemp)
out=$(mktemp)
trap 'rm -f "$cp_file" "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
mvn -B -q dependency:build-classpath -pl http-core -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
lifetime=$(( duration * 4 + 60 ))
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Xms512m -Xmx512m \
  -cp "http-core/target/test-classes:http-core/target/classes:$(cat "$cp_file")" \
  dev.pegasus.http.core.bench.LoadTargets "$lifetime" false >"$out" &
pid=$!
for _ in $(seq 1 100); do grep -q framework= "$out" && break; sleep 0.2; done
read -r framework bare < <(sed -E 's/framework=([0-9]+) bare=([0-9]+)/\1 \2/' "$out")
rate() { wrk -t2 -c"$connections" -d"${duration}s" "http://127.0.0.1:$1/version" | awk '/Requests\/sec/ {print $2}'; }
echo "warming up..." >&2
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$framework/version" >/dev/null
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$bare/version" >/dev/null
bare_rate=$(rate "$bare")
framework_rate=$(rate "$framework")
bare_rate2=$(rate "$bare")
framework_rate2=$(rate "$framework")
awk -v b1="$bare_rate" -v f1="$framework_rate" -v b2="$bare_rate2" -v f2="$framework_rate2" 'BEGIN {
  b = (b1 + b2) / 2; f = (f1 + f2) / 2;
  printf "bare Undertow : %.0f req/s (runs %.0f, %.0f)\n", b, b1, b2;
  printf "pegasus-http  : %.0f req/s (runs %.0f, %.0f)\n", f, f1, f2;
  printf "ratio         : %.1f%%\n", 100 * f / b }'
