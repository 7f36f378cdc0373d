#!/bin/sh
# Makes the embedded sign-in provider's keys once (./keys/signing-key.pem, ./keys/encryption-key.pem). Every node copies
# them into its data folder at start (OPENTALK_KEYS_DIR), so a token one node signed is good on the others.
set -eu
cd "$(dirname "$0")"
mkdir -p keys
for key in signing-key encryption-key; do
  [ -f "keys/$key.pem" ] || openssl genrsa -out "keys/$key.pem" 2048 2>/dev/null
done
# The nodes run as uid 10001 (deploy/container/Dockerfile): only they may read the keys.
chmod 700 keys && chmod 600 keys/*.pem
if [ "$(id -u)" = 0 ]; then chown -R 10001:10001 keys; fi
echo "Keys in $(pwd)/keys"
