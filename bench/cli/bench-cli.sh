#!/usr/bin/env bash
# Producer CLI benchmarks (docs/BENCHMARKS.md §4), each against its reference in the same run:
#   1. one-event publish, whole process (exec to exit), acks=all: bin/agentobs on the default JDK and, if present,
#      on JDK 25 (AOT cache) vs kcat, with hyperfine;
#   2. NDJSON bulk publish of N agent-actions events, acks=all: `agentobs publish` vs `kcat -P -l` of the same file.
# Uses KAFKA_BROKERS if set; otherwise starts the embedded infrastructure (embedded-infra, Kafka on :9092) for the run.
# Options (environment): RUNS (hyperfine runs, default 30), EVENTS (bulk size, default 1000000), JDK25 (path of a
# JDK 25+ home, default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${RUNS:-30}
events=${EVENTS:-1000000}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
infra_pid=

cleanup() {
  if [[ -n $infra_pid ]]; then
    kill "$infra_pid" 2>/dev/null
    wait "$infra_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

for tool in hyperfine kcat; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool (Debian package)" >&2
    { apt-get install -y -q "$tool" || { apt-get update -q && apt-get install -y -q "$tool"; }; } >/dev/null
  fi
done

./mvnw -q -B -pl skill-producer-cli -am package -DskipTests

if [[ -z ${KAFKA_BROKERS:-} ]]; then
  echo "starting embedded Kafka (embedded-infra) ..." >&2
  ./mvnw -q -B -pl embedded-infra exec:java -Dexec.args="--base-dir=$work/infra" > "$work/infra.log" 2>&1 &
  infra_pid=$!
  until grep -q "ready in" "$work/infra.log"; do
    kill -0 "$infra_pid" 2>/dev/null || { cat "$work/infra.log" >&2; exit 1; }
    sleep 1
  done
  export KAFKA_BROKERS=localhost:9092
fi
export AGENTOBS_SPOOL_DIR=$work/spool KAFKA_ACKS=all

echo "== machine: $(nproc) cores, $(uname -r); java: $(java -version 2>&1 | head -1)"
bin/agentobs topics create >/dev/null
# Warm the start-up caches outside the measurement.
bin/agentobs --version >/dev/null 2>&1
[[ -x $jdk25/bin/java ]] && JAVA_HOME=$jdk25 bin/agentobs --version >/dev/null 2>&1

echo "== 1. one-event publish, whole process, acks=all ($runs runs each)"
event=(log-action --agent agent-bench --action-type tool_call --action-name Read --duration-ms 12)
printf '{"event_id":"%s","correlation_id":"%s","agent_name":"agent-bench","action_type":"tool_call","action_name":"Read","timestamp":"2026-11-23T10:00:00Z"}\n' \
  "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" > "$work/one.json"
commands=("bin/agentobs ${event[*]}")
[[ -x $jdk25/bin/java ]] && commands+=("env JAVA_HOME=$jdk25 bin/agentobs ${event[*]}")
commands+=("kcat -P -b $KAFKA_BROKERS -t agent-actions -X acks=all -k k -l $work/one.json")
hyperfine -N -w 3 -r "$runs" --export-json "$work/one-event.json" "${commands[@]}"

echo "== 2. NDJSON bulk publish of $events agent-actions events, acks=all"
java "$root/bench/cli/GenerateActions.java" "$events" "$work/actions.ndjson"
ls -l "$work/actions.ndjson"
for i in 1 2 3; do
  start=$(date +%s%N)
  bin/agentobs publish --topic agent-actions --file "$work/actions.ndjson"
  end=$(date +%s%N)
  echo "agentobs publish, whole process: $events events in $(( (end - start) / 1000000 )) ms = $(( events * 1000000000 / (end - start) )) events/s"
done
for i in 1 2 3; do
  start=$(date +%s%N)
  kcat -P -b "$KAFKA_BROKERS" -t agent-actions -X acks=all -z lz4 -l "$work/actions.ndjson"
  end=$(date +%s%N)
  echo "kcat: $events events in $(( (end - start) / 1000000 )) ms = $(( events * 1000000000 / (end - start) )) events/s"
done
