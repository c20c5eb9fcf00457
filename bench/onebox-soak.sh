#!/usr/bin/env bash
# Soak run against a real onebox (loopback only, bounded): wrk -c<connections> for <seconds> on a
# replica's /version and on the primary meta's /meta/apps?detail, one after the other. Reports
# wrk's rates and errors, and the onebox's open descriptors and RSS before, right after and once
# the connections are gone (polled with a deadline). Usage: bench/onebox-soak.sh [seconds, 60]
# [connections, 256]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-60}
connections=${2:-256}
command -v wrk >/dev/null 2>&1 || { echo "installing wrk from Debian..." >&2; apt-get install -y wrk >/dev/null; }
[ -f onebox/target/pegasus-onebox.jar ] || mvn -B -q install -DskipTests
log=$(mktemp)
trap 'rm -f "$log"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
java -Xmx1g -jar onebox/target/pegasus-onebox.jar --no-console >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do curl -sf http://127.0.0.1:34101/collector/app_stat >/dev/null 2>&1 && break; sleep 0.2; done
fds() { ls "/proc/$pid/fd" | wc -l; }
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
idle_fds=$(fds)
echo "start: fds=$idle_fds rss=$(rss)"
for target in "http://127.0.0.1:34801/version" "http://127.0.0.1:34601/meta/apps?detail"; do
  echo "--- wrk -t2 -c$connections -d${duration}s $target"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$target" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|requests in|99%' || true
  echo "right after: fds=$(fds) rss=$(rss)"
done
for _ in $(seq 1 150); do
  [ "$(fds)" -le $(( idle_fds + 10 )) ] && break   # back to the idle set, give or take a few
  sleep 0.2
done
echo "after the clients left: fds=$(fds) rss=$(rss)"
