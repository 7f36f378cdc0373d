#!/usr/bin/env bash
# System benchmark: starts a private PostgreSQL and one OpenTalk node on 127.0.0.1, joins
# guests into rooms with the load generator, writes bench/results/<name>.json and prints a
# BENCHMARKS.md row. Everything it starts, it stops. Bounded: the generator gives up after
# --deadline-seconds (default 600).
# The node is warmed up first (WARMUP guests, default 200, join rooms of their own and leave, unmeasured): a node
# that has run for a while has its hot paths compiled; WARMUP=0 measures a node just started.
# Usage: [WARMUP=N] bench/run-load.sh [participants] [rooms] [concurrency] [name]
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-1000}; rooms=${2:-100}; concurrency=${3:-10}
name=${4:-join-$participants-in-$rooms-c$concurrency}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=55532; while ! port_free $pg_port; do pg_port=$((pg_port + 1)); done
http_port=18180; while ! port_free $http_port; do http_port=$((http_port + 1)); done
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX); chmod 755 "$pg_dir"
data=$(mktemp -d /tmp/opentalk-bench-data.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  deploy/scripts/postgres.sh stop "$pg_dir" "$pg_port"; rm -rf "$pg_dir" "$data"
}
trap cleanup EXIT

postgres=$(deploy/scripts/postgres.sh start "$pg_dir" "$pg_port")
dotnet build src/Host -c Release -nologo -v quiet >/dev/null
dotnet build bench/OpenTalk.LoadGenerator -c Release -nologo -v quiet >/dev/null

Logging__LogLevel__Default=Warning dotnet src/Host/bin/Release/net10.0/opentalk.dll \
  --urls "http://127.0.0.1:$http_port" --OpenTalk:DataFolder "$data" --OpenTalk:Postgres "$postgres" \
  --SignIn:InitialAdminPassword bench-admin-password > "$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$http_port/health/live" >/dev/null && break
  sleep 0.5
done

dotnet bench/OpenTalk.LoadGenerator/bin/Release/net10.0/OpenTalk.LoadGenerator.dll \
  --server "http://127.0.0.1:$http_port/" --admin-password bench-admin-password \
  --participants "$participants" --rooms "$rooms" --concurrency "$concurrency" --name "$name" --warmup "${WARMUP:-200}" \
  --postgres "$postgres" --server-pid "$server_pid" --results bench/results
