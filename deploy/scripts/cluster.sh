#!/usr/bin/env bash
# Runs N OpenTalk nodes as one cluster on loopback behind a local nginx (deploy/compose/nginx.conf's rules), for trying
# a cluster on one machine: `./run --nodes N` calls it once Postgres (and Janus) run. Stops everything on Ctrl-C.
# Usage: OPENTALK_POSTGRES_URL=<connection string> cluster.sh <nodes> <url> <data-dir> <web-root> [node switches...]
# Node 1 keeps the data folder itself (the single node's keys and admin password); node i > 1 uses <data-dir>/nodes/i
# with node 1's sign-in keys. HTTP from port 8081, cluster ports from 4053, the first node as the seed of all.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
count=$1; url=$2; data=$3; web=$4; shift 4
extra=("$@")
listen=${url#http://}; listen=${listen%%/*}
case "$url" in http://*) ;; *) echo "cluster.sh: the address must be http://host:port" >&2; exit 2 ;; esac

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# GET /health/ready over bash's /dev/tcp (no curl needed): true on 200.
ready() { (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n1 <&3 | grep -q ' 200 ') 2>/dev/null; }

nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
  echo "Installing nginx (Debian package)" >&2
  # The package must not start its own nginx on every interface.
  guard=/usr/sbin/policy-rc.d; added_guard=""
  if [ ! -e "$guard" ]; then printf '#!/bin/sh\nexit 101\n' > "$guard"; chmod +x "$guard"; added_guard=1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  if [ -n "$added_guard" ]; then rm -f "$guard"; fi
  nginx_bin=/usr/sbin/nginx
fi

http_ports=(); cluster_ports=(); folders=(); pids=()
http=8081; cluster=4053
for i in $(seq 1 "$count"); do
  while ! port_free "$http" || [ "127.0.0.1:$http" = "$listen" ]; do http=$((http + 1)); done
  while ! port_free "$cluster"; do cluster=$((cluster + 1)); done
  http_ports+=("$http"); cluster_ports+=("$cluster")
  if [ "$i" = 1 ]; then folders+=("$data"); else folders+=("$data/nodes/$i"); fi
  http=$((http + 1)); cluster=$((cluster + 1))
done
seed="akka.tcp://opentalk@127.0.0.1:${cluster_ports[0]}"
logs="$data/logs"
(umask 077 && mkdir -p "$logs")

run_dir=$(mktemp -d /tmp/opentalk-nginx.XXXXXX)
chmod 755 "$run_dir"
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$run_dir/nginx.pid" ] && kill -QUIT "$(cat "$run_dir/nginx.pid")" 2>/dev/null || true
  sleep 0.5; rm -rf "$run_dir"
}
trap stop_all EXIT
trap 'exit 0' INT TERM

start_node() {
  local i=$1
  (umask 077 && mkdir -p "${folders[$i]}")
  # Every node trusts nginx's X-Forwarded-For: the sign-in throttle sees the browser's address, not nginx's.
  OpenTalk__Postgres="$OPENTALK_POSTGRES_URL" ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    dotnet "$here/src/Host/bin/Release/net10.0/opentalk.dll" \
    --contentRoot "$here/src/Host/bin/Release/net10.0" \
    --urls "http://127.0.0.1:${http_ports[$i]}" \
    --OpenTalk:DataFolder "${folders[$i]}" \
    --OpenTalk:WebRoot "$web" \
    --OpenTalk:ClusterHostname 127.0.0.1 \
    --OpenTalk:ClusterPort "${cluster_ports[$i]}" \
    --OpenTalk:ClusterSeeds:0 "$seed" \
    --SignIn:RedirectUris:0 "$url/auth/callback" \
    "${extra[@]}" >"$logs/node-$((i + 1)).log" 2>&1 &
  pids+=($!)
}

wait_ready() {
  local i=$1
  for _ in $(seq 1 240); do
    ready "${http_ports[$i]}" && return 0
    kill -0 "${pids[$i]}" 2>/dev/null || break
    sleep 0.5
  done
  echo "Node $((i + 1)) did not become ready; see $logs/node-$((i + 1)).log" >&2
  return 1
}

# The first node forms the cluster and, on the first start, makes the sign-in keys and the administrator; the others
# get the same keys (tokens of one node are good on all) and join it.
echo "Starting node 1 of $count"
start_node 0
wait_ready 0
for i in $(seq 1 $((count - 1))); do
  (umask 077 && mkdir -p "${folders[$i]}")
  for key in signing-key.pem encryption-key.pem; do cp "$data/$key" "${folders[$i]}/$key"; done
  echo "Starting node $((i + 1)) of $count"
  start_node "$i"
done
for i in $(seq 1 $((count - 1))); do wait_ready "$i"; done

# nginx with the compose file's rules, the upstream pointing at these nodes. least_conn rather than ip_hash: every
# browser here comes from 127.0.0.1, and these nodes share one key ring for cookies (the same user's home).
upstream=""
for port in "${http_ports[@]}"; do upstream+="    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"; done
awk -v servers="$upstream" -v listen="$listen" '
  /^    ip_hash;/ { print "    least_conn;"; next }
  /^    server [0-9.]+:8080 / { if (!done) { printf "%s", servers; done = 1 } next }
  /^    listen 80;/ { print "    listen " listen ";"; next }
  { print }' "$here/deploy/compose/nginx.conf" >"$run_dir/site.conf"
cat >"$run_dir/nginx.conf" <<CONF
pid $run_dir/nginx.pid;
error_log $run_dir/error.log;
daemon off;
events {}
http {
    client_body_temp_path $run_dir/body;
    proxy_temp_path $run_dir/proxy;
    fastcgi_temp_path $run_dir/fastcgi;
    uwsgi_temp_path $run_dir/uwsgi;
    scgi_temp_path $run_dir/scgi;
    access_log off;
    include $run_dir/site.conf;
}
CONF
"$nginx_bin" -p "$run_dir" -e "$run_dir/error.log" -c "$run_dir/nginx.conf" &
nginx_pid=$!
# Announced only once nginx takes connections.
listen_host=${listen%:*}; listen_port=${listen##*:}
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/$listen_host/$listen_port") 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx did not start; see $run_dir/error.log" >&2; cat "$run_dir/error.log" >&2; exit 1; }
  sleep 0.1
done

nodes_list=""
for i in $(seq 0 $((count - 1))); do nodes_list+="    node $((i + 1)): http://127.0.0.1:${http_ports[$i]} (cluster port ${cluster_ports[$i]}), log $logs/node-$((i + 1)).log\n"; done
printf '\nOpenTalk runs as a cluster of %s nodes behind nginx on %s\n%b' "$count" "$url" "$nodes_list"
printf '  Sign in as admin; the password is in %s/admin-password.txt. Cluster view: %s/admin\n' "$data" "$url"
printf '  Stop one node to watch its meetings move: kill <pid> (pids %s). Stop all with Ctrl-C.\n\n' "${pids[*]}"
wait "$nginx_pid" || true
