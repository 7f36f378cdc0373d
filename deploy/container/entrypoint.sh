#!/bin/sh
# Starts the node (or, with arguments, `opentalk recorder` / `opentalk call-in`). Two things a cluster needs first:
# - OPENTALK_KEYS_DIR: a read-only folder with the embedded sign-in provider's signing-key.pem and
#   encryption-key.pem, copied into the data folder, so that every node signs and reads the same tokens (not needed
#   with an external provider, SignIn__Authority).
# - OPENTALK_CLUSTER_HOSTNAME_FROM_IP=1: this container's own address as the cluster hostname, where names are not
#   stable (the compose file names its nodes instead; Kubernetes gives the StatefulSet's pods stable names).
set -eu
data=${OpenTalk__DataFolder:-/data}
if [ -n "${OPENTALK_KEYS_DIR:-}" ]; then
  for key in signing-key.pem encryption-key.pem; do
    if [ -f "$OPENTALK_KEYS_DIR/$key" ]; then
      (umask 077 && cp "$OPENTALK_KEYS_DIR/$key" "$data/$key")
    fi
  done
fi
if [ "${OPENTALK_CLUSTER_HOSTNAME_FROM_IP:-0}" = 1 ]; then
  OpenTalk__ClusterHostname=$(hostname -i | cut -d' ' -f1)
  export OpenTalk__ClusterHostname
fi
exec /app/opentalk "$@"
