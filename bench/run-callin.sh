#!/usr/bin/env bash
# Phone call-in benchmark: a private PostgreSQL and one node on 127.0.0.1 (no Janus: callers join and are in the room,
# their publish is refused with media_unavailable; the gateway still receives and decodes their RTP, plays the prompts
# and mixes the room's silence for them); the gateway runs inside the benchmark program, SIPp (sip-tester) calls it.
# Measures the call set-up, the gateway's CPU per active call against the idle gateway (same run) and RTP packet loss
# at the gateway. Writes bench/results/callin.json and prints a BENCHMARKS.md row. Everything it starts, it stops;
# every wait is bounded.
# Usage: bench/run-callin.sh [calls=50] [seconds=30] [rate=10] [results=bench/results/callin.json]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}; seconds=${2:-30}; rate=${3:-10}; results=${4:-bench/results/callin.json}
[ -x /usr/bin/sipp ] || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 1; }
data=$(mktemp -d /tmp/opentalk-bench-data.XXXXXX)
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX)
chmod 755 "$pg_dir"
secret=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; timeout 30 tail --pid="$server_pid" -f /dev/null || kill -9 "$server_pid" 2>/dev/null || true; fi
  deploy/scripts/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir" "$data"
}
trap cleanup EXIT

timeout 600 dotnet build src/Host -c Release -nologo -v quiet | { grep -E " error |rror\(s\)" || true; }
timeout 600 dotnet build bench/OpenTalk.CallInBench -c Release -nologo -v quiet | { grep -E " error |rror\(s\)" || true; }
postgres=$(timeout 120 deploy/scripts/postgres.sh start "$pg_dir" 55436)
port=18281
Logging__LogLevel__Default=Warning dotnet src/Host/bin/Release/net10.0/opentalk.dll \
  --urls "http://127.0.0.1:$port" --OpenTalk:DataFolder "$data" --OpenTalk:Postgres "$postgres" \
  --SignIn:InitialAdminPassword bench-admin-password --Recorder:InProcess false \
  --SignIn:ServiceAccounts:0:ClientId bench-call-in --SignIn:ServiceAccounts:0:ClientSecret "$secret" \
  --SignIn:ServiceAccounts:0:Roles:0 opentalk-call-in > "$data/server.log" 2>&1 &
server_pid=$!
timeout 60 bash -c "until curl -sf http://127.0.0.1:$port/health/ready >/dev/null; do sleep 0.5; done" \
  || { echo "the node did not get ready:" >&2; tail -n 30 "$data/server.log" >&2; exit 1; }

timeout 600 dotnet bench/OpenTalk.CallInBench/bin/Release/net10.0/OpenTalk.CallInBench.dll \
  --server "http://127.0.0.1:$port/" --server-pid "$server_pid" --admin-password bench-admin-password \
  --client-id bench-call-in --client-secret "$secret" --calls "$calls" --seconds "$seconds" --rate "$rate" \
  --results "$results"
