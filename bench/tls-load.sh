#!/usr/bin/env bash
# Load test: /version on one pegasus-http server over plain HTTP and over HTTPS (TLS 1.3, a
# certificate made at start), side by side in one JVM, with wrk on 127.0.0.1 and keep-alive
# connections (so the rate is that of encrypted requests, not of handshakes). Prints both rates
# and their ratio. Usage: bench/tls-load.sh [seconds per run, default 15] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
command -v wrk >/dev/null 2>&1 || { echo "installing wrk from Debian..." >&2; apt-get install -y wrk >/dev/null; }
mvn -B -q install -DskipTests -pl http-core -am
mvn -B -q test-compile -pl http-core
cp_file=$(mktemp)
out=$(mktemp)
trap 'rm -f "$cp_file" "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
mvn -B -q dependency:build-classpath -pl http-core -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Xms512m -Xmx512m \
  -cp "http-core/target/test-classes:http-core/target/classes:$(cat "$cp_file")" \
  dev.pegasus.http.core.bench.TlsLoadTargets $(( duration * 4 + 60 )) >"$out" &
pid=$!
for _ in $(seq 1 100); do grep -q plain= "$out" && break; sleep 0.2; done
read -r plain tls < <(sed -E 's/plain=([0-9]+) tls=([0-9]+)/\1 \2/' "$out")
rate() { wrk -t2 -c"$connections" -d"${duration}s" "$1/version" | awk '/Requests\/sec/ {print $2}'; }
echo "warming up..." >&2
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$plain/version" >/dev/null
wrk -t2 -c"$connections" -d5s "https://127.0.0.1:$tls/version" >/dev/null
p1=$(rate "http://127.0.0.1:$plain"); t1=$(rate "https://127.0.0.1:$tls")
p2=$(rate "http://127.0.0.1:$plain"); t2=$(rate "https://127.0.0.1:$tls")
awk -v p1="$p1" -v t1="$t1" -v p2="$p2" -v t2="$t2" 'BEGIN {
  p = (p1 + p2) / 2; t = (t1 + t2) / 2;
  printf "plain HTTP : %.0f req/s (runs %.0f, %.0f)\n", p, p1, p2;
  printf "HTTPS      : %.0f req/s (runs %.0f, %.0f)\n", t, t1, t2;
  printf "ratio      : %.1f%%\n", 100 * t / p }'
