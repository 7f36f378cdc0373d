#!/usr/bin/env bash
# Media benchmark: a private network namespace with one Janus, one OpenTalk node (private PostgreSQL) listening on the
# namespace's host side, and Debian's Chromium inside the namespace. Writes bench/results/media.json and prints
# BENCHMARKS.md rows. Everything it starts, it stops. Needs root (ip netns). Bounded by `timeout`.
# Usage: bench/run-media.sh [rounds] [publishers]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}; publishers=${2:-100}
ns=otmedia
read -r _ host_ip inside_ip iface < <(deploy/scripts/media-netns.sh up "$ns")
janus_dir=$(mktemp -d /tmp/opentalk-bench-janus.XXXXXX)
data=$(mktemp -d /tmp/opentalk-bench-data.XXXXXX)
pg_dir=$(mktemp -d /tmp/opentalk-bench-pg.XXXXXX)
chmod 755 "$pg_dir"
secret=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  deploy/scripts/janus.sh stop "$janus_dir"; rm -rf "$janus_dir" "$data"
  deploy/scripts/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir"
  deploy/scripts/media-netns.sh down "$ns"
}
trap cleanup EXIT

postgres=$(deploy/scripts/postgres.sh start "$pg_dir" 55434)
janus_url=$(deploy/scripts/janus.sh start "$janus_dir" "$inside_ip" 18488 "$iface" "$secret" "$ns")
dotnet build src/Host -c Release -nologo -v quiet >/dev/null
dotnet build bench/OpenTalk.MediaBench -c Release -nologo -v quiet >/dev/null
port=18280
Logging__LogLevel__Default=Warning dotnet src/Host/bin/Release/net10.0/opentalk.dll \
  --urls "http://$host_ip:$port" --OpenTalk:DataFolder "$data" --OpenTalk:Postgres "$postgres" --SignIn:InitialAdminPassword bench-admin-password \
  --Media:Janus:0:Name janus-a --Media:Janus:0:Url "$janus_url" --Media:Janus:0:ApiSecret "$secret" \
  --Recorder:RtpAddress "$host_ip" > "$data/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://$host_ip:$port/health/ready" >/dev/null && break
  sleep 0.5
done

OPENTALK_TEST_NETNS=$ns timeout 900 dotnet bench/OpenTalk.MediaBench/bin/Release/net10.0/OpenTalk.MediaBench.dll \
  --server "http://$host_ip:$port/" --admin-password bench-admin-password --janus-url "$janus_url" --janus-secret "$secret" \
  --server-pid "$server_pid" --chromium "$PWD/tests/Shared/chromium-in-netns.sh" --rounds "$rounds" --publishers "$publishers" \
  --results bench/results
