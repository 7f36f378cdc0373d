#!/usr/bin/env bash
# Starts (or stops) one Janus instance with OpenTalk's configuration (deploy/janus/), in its own run
# folder, optionally inside a network namespace. Installs the Debian package when it is missing.
# Usage: janus.sh start <run-dir> <ws-ip> <ws-port> <ice-interface> <api-secret> [netns]
#        janus.sh configure <run-dir> <ws-ip> <ws-port> <ice-interface> <api-secret>
#        janus.sh stop <run-dir>
# The admin API listens on ws-port + 1000; RTP uses a port range derived from ws-port.
# `configure` only writes the run folder (for a service manager that starts Janus itself: deploy/systemd,
# deploy/container); there JANUS_RTP_RANGE (e.g. 20000-20999) and JANUS_NAT_1_1 (the public address behind NAT)
# may be set. JANUS_TURN_REST_API (a node's http://node:8080/v1/turn/media-server) with JANUS_TURN_REST_API_KEY
# (the nodes' Turn__MediaServerKey) lets Janus take TURN credentials from the nodes for its own relay candidates.
set -euo pipefail
here=$(cd "$(dirname "$0")/../janus" && pwd)
action=$1; dir=$2

# Writes the run folder: links to the plugins OpenTalk uses and the configuration with its values filled in.
configure() {
  local dir=$1 ip=$2 port=$3 iface=$4 secret=$5
  local libs low high range file
  libs=$(dirname "$(dpkg -L janus | grep -m1 '/janus/plugins/libjanus_videoroom.so$')")/..
  mkdir -p "$dir/plugins" "$dir/transports" "$dir/events" "$dir/loggers"
  for plugin in videoroom audiobridge; do ln -sf "$libs/plugins/libjanus_$plugin.so" "$dir/plugins/"; done
  ln -sf "$libs/transports/libjanus_websockets.so" "$dir/transports/"
  low=$(( 20000 + (port % 100) * 400 )); high=$(( low + 399 ))
  range=${JANUS_RTP_RANGE:-$low-$high}
  for file in "$here"/*.jcfg; do
    sed -e "s|@RUN_DIR@|$dir|g" -e "s|@API_SECRET@|$secret|g" -e "s|@ADMIN_SECRET@|$secret-admin|g" \
        -e "s|@WS_IP@|$ip|g" -e "s|@WS_PORT@|$port|g" -e "s|@ADMIN_PORT@|$((port + 1000))|g" \
        -e "s|@ICE_INTERFACE@|$iface|g" -e "s|@RTP_RANGE@|$range|g" -e "s|@NAME@|janus-$port|g" \
        "$file" >"$dir/$(basename "$file")"
  done
  # Behind NAT (a container, a cloud machine) Janus announces the public address in its candidates.
  if [ -n "${JANUS_NAT_1_1:-}" ]; then
    sed -i -e "s|^nat: {|nat: {\n\tnat_1_1_mapping = \"$JANUS_NAT_1_1\"|" "$dir/janus.jcfg"
  fi
  # TURN for Janus itself: before each connection it asks a node for time-limited credentials (TURN REST API).
  if [ -n "${JANUS_TURN_REST_API:-}" ]; then
    sed -i -e "s|^nat: {|nat: {\n\tturn_rest_api = \"$JANUS_TURN_REST_API\"\n\tturn_rest_api_key = \"${JANUS_TURN_REST_API_KEY:-}\"\n\tturn_rest_api_method = \"GET\"\n\tturn_rest_api_timeout = 5|" "$dir/janus.jcfg"
  fi
}

case "$action" in
  configure)
    configure "$dir" "$3" "$4" "$5" "$6"
    ;;
  start)
    ip=$3; port=$4; iface=$5; secret=$6; netns=${7:-}
    if ! command -v janus >/dev/null; then
      echo "Installing Janus (Debian package)..." >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus janus-tools >&2
    fi
    configure "$dir" "$ip" "$port" "$iface" "$secret"
    run=(janus -F "$dir" -C "$dir/janus.jcfg")
    if [ -n "$netns" ]; then run=(ip netns exec "$netns" "${run[@]}"); fi
    nohup "${run[@]}" >"$dir/stdout.log" 2>&1 &
    echo $! >"$dir/janus.pid"
    for _ in $(seq 1 100); do
      if grep -qi "websockets server started" "$dir/janus.log" 2>/dev/null; then echo "ws://$ip:$port"; exit 0; fi
      if ! kill -0 "$(cat "$dir/janus.pid")" 2>/dev/null; then break; fi
      sleep 0.1
    done
    echo "Janus did not start; see $dir/janus.log and $dir/stdout.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/janus.pid" ]; then
      pid=$(cat "$dir/janus.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/janus.pid"
    fi
    ;;
  *)
    echo "usage: $0 start|configure <run-dir> <ws-ip> <ws-port> <ice-interface> <api-secret> [netns] | stop <run-dir>" >&2; exit 2 ;;
esac
