#!/usr/bin/env bash
# Creates (or removes) the network namespace media tests run in. Janus skips loopback for ICE and
# so does Chromium, so media needs a real interface; this one is private: a veth pair between the
# host (10.77.0.1) and the namespace (10.77.0.2), nothing else. Janus and the browsers run inside;
# the OpenTalk node under test listens on 10.77.0.1 as well as on loopback.
# A second namespace on another subnet (10.78.0.x) stands for people behind a NAT: there is no route between the
# namespaces, so its browsers reach Janus only through a TURN server listening on both host addresses.
# Usage: media-netns.sh up|down [name] [subnet]   (defaults: otmedia, 10.77.0). Needs root.
set -euo pipefail
action=$1; ns=${2:-otmedia}; net=${3:-10.77.0}
host_if="${ns:0:8}-h"; ns_if="${ns:0:8}-n"

case "$action" in
  up)
    if ip netns list | grep -qw "$ns"; then echo "$ns $net.1 $net.2 $ns_if"; exit 0; fi
    ip netns add "$ns"
    ip link add "$host_if" type veth peer name "$ns_if"
    ip link set "$ns_if" netns "$ns"
    ip addr add "$net.1/24" dev "$host_if"
    ip link set "$host_if" up
    ip netns exec "$ns" ip addr add "$net.2/24" dev "$ns_if"
    ip netns exec "$ns" ip link set "$ns_if" up
    ip netns exec "$ns" ip link set lo up
    echo "$ns $net.1 $net.2 $ns_if"
    ;;
  down)
    ip link del "$host_if" 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 up|down [name]" >&2; exit 2 ;;
esac
