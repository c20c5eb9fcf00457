#!/usr/bin/env bash
# Runs the JMH benchmarks of one module (its src/jmh/java), e.g.
#   bench/jmh.sh http-core 'VersionEndpoint' -f 1 -wi 3 -i 5
#   bench/jmh.sh meta-endpoints 'MetaBodies' -prof gc
# Arguments after the module are passed to JMH (a regex selects benchmarks; -h lists options).
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: bench/jmh.sh <module> [jmh arguments...]}
shift
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# One reactor invocation, so that the module's pegasus-http dependencies resolve to the reactor's
# freshly compiled classes (not to whatever an older install left in ~/.m2). The modules are built
# in dependency order, so the last classpath written is the benchmarked module's own.
mvn -B -q test-compile dependency:build-classpath -pl "$module" -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
