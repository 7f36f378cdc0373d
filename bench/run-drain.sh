#!/usr/bin/env bash
# Drain under load: three nodes on loopback, ROOMS meetings of PEOPLE participants spread over all three, each
# chatting once a second; an administrator drains one node. Runs the suite's drain test at these sizes against a
# private PostgreSQL and prints what it measured: how long the drained node took to exit, the longest gap between a
# participant's own echoes (baseline: the median gap, the chat's own pace, in the same run) and how many messages were
# refused. The test itself fails if any message is lost, anyone sees someone leave or anyone gets a new id.
# Writes bench/results/drain.json and prints BENCHMARKS.md rows. Bounded by `timeout`.
# Usage: bench/run-drain.sh [ROOMS] [PEOPLE]     (default 10 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rooms=${1:-10}; people=${2:-5}
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX); chmod 755 "$pg_dir"
pg_port=56533
results=$(mktemp /tmp/opentalk-drain.XXXXXX.jsonl)
cleanup() { deploy/scripts/postgres.sh stop "$pg_dir" "$pg_port"; rm -rf "$pg_dir" "$results"; }
trap cleanup EXIT

OPENTALK_TEST_POSTGRES=$(deploy/scripts/postgres.sh start "$pg_dir" "$pg_port")
export OPENTALK_TEST_POSTGRES OPENTALK_FAULT_RESULTS=$results OPENTALK_DRAIN_ROOMS=$rooms OPENTALK_DRAIN_PEOPLE=$people
dotnet build tests/OpenTalk.Host.Tests -c Release -nologo -v quiet >/dev/null
load_before=$(cut -d' ' -f1 /proc/loadavg)
log=/tmp/opentalk-drain-test.log
timeout 900 dotnet test tests/OpenTalk.Host.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Draining_one_of_three_nodes" >"$log" 2>&1 || echo "The drain test failed: see $log"
grep -E "Passed!|Failed!" "$log" || true

mkdir -p bench/results
python3 - "$results" "$rooms" "$people" "$load_before" <<'PY'
import json, sys, datetime, os
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
out = {"measured_at": datetime.datetime.utcnow().isoformat() + "Z", "cores": os.cpu_count(), "rooms": int(sys.argv[2]),
       "people_per_room": int(sys.argv[3]), "load_average_before": float(sys.argv[4]), "results": rows}
json.dump(out, open("bench/results/drain.json", "w"), indent=2)
print("| drain | measured | baseline (same run) |")
print("|---|---|---|")
for r in rows:
    base = f"{r['baseline']:.2f} {r['unit']}" if r.get("baseline") is not None else "-"
    print(f"| {r['name']} | {r['value']:.2f} {r['unit']} | {base} |")
PY
