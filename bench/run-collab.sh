#!/usr/bin/env bash
# Meeting notes relay benchmark: a private PostgreSQL and one node on 127.0.0.1; the browsers' typing is made first
# with the real Yjs (bench/OpenTalk.CollabBench/typing.mjs: one update per keystroke, per writer), then the benchmark
# program sends it over the notes' sockets as the pages would.
# A: relay latency between two people (one writer, one reader), with the same two people's chat at the same pace as
#    the baseline; B: 20 writers typing, the node's CPU against the same sockets idle (same run), latency under that
#    load, lost updates and the journal rows written. Writes bench/results/collab.json. Everything it starts, it stops;
#    every wait is bounded.
# Usage: bench/run-collab.sh [keystrokes=400] [writers=20] [seconds=30] [rate=5] [results=bench/results/collab.json]
set -euo pipefail
cd "$(dirname "$0")/.."
keystrokes=${1:-400}; writers=${2:-20}; seconds=${3:-30}; rate=${4:-5}; results=${5:-bench/results/collab.json}
data=$(mktemp -d /tmp/opentalk-bench-data.XXXXXX)
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX)
chmod 755 "$pg_dir"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; timeout 30 tail --pid="$server_pid" -f /dev/null || kill -9 "$server_pid" 2>/dev/null || true; fi
  deploy/scripts/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir" "$data"
}
trap cleanup EXIT

# The web app's packages hold Yjs; npm ci again only when the lock file changed since the last install.
(cd src/Web && { [ node_modules/.package-lock.json -nt package-lock.json ] || timeout 600 npm ci --no-audit --no-fund >/dev/null; })
per_writer=$(( keystrokes > seconds * rate ? keystrokes : seconds * rate ))
timeout 120 node bench/OpenTalk.CollabBench/typing.mjs "$data/typing" "$writers" "$per_writer"

timeout 600 dotnet build src/Host -c Release -nologo -v quiet | { grep -E " error |rror\(s\)" || true; }
timeout 600 dotnet build bench/OpenTalk.CollabBench -c Release -nologo -v quiet | { grep -E " error |rror\(s\)" || true; }
postgres=$(timeout 120 deploy/scripts/postgres.sh start "$pg_dir" 55437)
port=18282
Logging__LogLevel__Default=Warning dotnet src/Host/bin/Release/net10.0/opentalk.dll \
  --urls "http://127.0.0.1:$port" --OpenTalk:DataFolder "$data" --OpenTalk:Postgres "$postgres" \
  --SignIn:InitialAdminPassword bench-admin-password --Recorder:InProcess false > "$data/server.log" 2>&1 &
server_pid=$!
timeout 60 bash -c "until curl -sf http://127.0.0.1:$port/health/ready >/dev/null; do sleep 0.5; done" \
  || { echo "the node did not get ready:" >&2; tail -n 30 "$data/server.log" >&2; exit 1; }

commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "-dirty")
status=0
timeout 300 dotnet bench/OpenTalk.CollabBench/bin/Release/net10.0/OpenTalk.CollabBench.dll \
  --server "http://127.0.0.1:$port/" --server-pid "$server_pid" --admin-password bench-admin-password \
  --postgres "$postgres" --updates "$data/typing" --server-log "$data/server.log" --commit "$commit" \
  --keystrokes "$keystrokes" --writers "$writers" --seconds "$seconds" --rate "$rate" --results "$results" || status=$?
if grep -qE "^(warn|fail|crit):" "$data/server.log"; then
  echo "The node logged warnings or errors:" >&2; grep -A3 -E "^(warn|fail|crit):" "$data/server.log" | head -n 40 >&2
fi
exit $status
