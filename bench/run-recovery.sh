#!/usr/bin/env bash
# Recovery: how long a meeting with EVENTS events (default 10,000) takes to come back from the journal, with its
# snapshot and, as the baseline in the same run, with the whole stream replayed. Runs the engine's own meeting entity
# on a private durable PostgreSQL, writes bench/results/recovery.json and prints what it measured. Bounded by `timeout`.
# Usage: bench/run-recovery.sh [EVENTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000}; rounds=${2:-5}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=55832; while ! port_free $pg_port; do pg_port=$((pg_port + 1)); done
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX); chmod 755 "$pg_dir"
cleanup() { deploy/scripts/postgres.sh stop "$pg_dir" "$pg_port"; rm -rf "$pg_dir"; }
trap cleanup EXIT

postgres=$(deploy/scripts/postgres.sh start "$pg_dir" "$pg_port")
dotnet build bench/OpenTalk.RecoveryBench -c Release -nologo -v quiet >/dev/null
timeout 900 dotnet bench/OpenTalk.RecoveryBench/bin/Release/net10.0/OpenTalk.RecoveryBench.dll \
  --postgres "$postgres" --events "$events" --rounds "$rounds" --results bench/results
