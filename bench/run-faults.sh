#!/usr/bin/env bash
# Fault timings: runs the fault tests (a meeting's node killed under chat, the database stopped for
# 10 s under chat, a node stopped with SIGTERM) against real nodes and a private PostgreSQL, and
# collects what they measured: longest chat silence per participant (baseline: the gap between
# echoes before the fault, the chat's own pace), time until chat is answered again after Postgres
# returns (baseline: a healthy chat round trip), SIGTERM to socket close, to exit and to resumption.
# Writes bench/results/faults.json and prints BENCHMARKS.md rows. Bounded by `timeout`.
# Usage: bench/run-faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX); chmod 755 "$pg_dir"
pg_port=56532
results=$(mktemp /tmp/opentalk-faults.XXXXXX.jsonl)
cleanup() { deploy/scripts/postgres.sh stop "$pg_dir" "$pg_port"; rm -rf "$pg_dir" "$results"; }
trap cleanup EXIT

OPENTALK_TEST_POSTGRES=$(deploy/scripts/postgres.sh start "$pg_dir" "$pg_port")
export OPENTALK_TEST_POSTGRES OPENTALK_FAULT_RESULTS=$results
dotnet build tests/OpenTalk.Host.Tests -c Release -nologo -v quiet >/dev/null
timeout 900 dotnet test tests/OpenTalk.Host.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Chat_through_a_killed|FullyQualifiedName~A_node_stopped_gracefully|FullyQualifiedName~PostgresOutageTests" \
  | grep -E "Passed!|Failed!" || true

mkdir -p bench/results
python3 - "$results" <<'PY'
import json, sys, datetime
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
out = {"measured_at": datetime.datetime.utcnow().isoformat() + "Z", "cores": __import__("os").cpu_count(), "results": rows}
json.dump(out, open("bench/results/faults.json", "w"), indent=2)
print("| fault | measured | baseline (same run) |")
print("|---|---|---|")
for r in rows:
    base = f"{r['baseline']:.2f} {r['unit']}" if r.get("baseline") is not None else "-"
    print(f"| {r['name']} | {r['value']:.2f} {r['unit']} | {base} |")
PY
