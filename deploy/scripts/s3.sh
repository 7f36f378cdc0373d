#!/usr/bin/env bash
# Starts (or stops) a private S3-compatible server for tests: s3rver (npm) on 127.0.0.1, keeping its buckets in
# <dir>/data. Installs s3rver once into the repository's .cache/s3rver (node and npm come from Debian when missing).
# Prints the endpoint URL; the credentials are s3rver's own: access key S3RVER, secret key S3RVER.
# Usage: s3.sh install
#        s3.sh start|stop <dir> <port>
set -euo pipefail
action=$1; dir=${2:-}; port=${3:-}
version=3.7.1
prefix="$(cd "$(dirname "$0")/../.." && pwd)/.cache/s3rver"
server="$prefix/node_modules/s3rver/bin/s3rver.js"

install() {
  if ! command -v npm >/dev/null; then
    echo "Installing node and npm (Debian packages)..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
  fi
  # Installed once; a second start (or a second test run) finds it in place.
  if [ ! -f "$prefix/node_modules/s3rver/package.json" ] \
      || ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/s3rver/package.json"; then
    echo "Installing s3rver $version (npm) into $prefix..." >&2
    mkdir -p "$prefix"
    [ -f "$prefix/package.json" ] || echo '{ "private": true }' > "$prefix/package.json"
    npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "s3rver@$version" </dev/null >&2
  fi
}

case "$action" in
  install) install ;;
  start)
    install
    mkdir -p "$dir/data"
    # Loopback only; --silent keeps its request log out of ours.
    nohup node "$server" --address 127.0.0.1 --port "$port" --directory "$dir/data" --silent </dev/null >"$dir/s3rver.log" 2>&1 &
    echo $! >"$dir/s3rver.pid"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "http://127.0.0.1:$port"; exit 0; fi
      kill -0 "$(cat "$dir/s3rver.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "s3rver did not start; see $dir/s3rver.log" >&2
    cat "$dir/s3rver.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/s3rver.pid" ]; then kill "$(cat "$dir/s3rver.pid")" 2>/dev/null || true; rm -f "$dir/s3rver.pid"; fi
    ;;
  *)
    echo "usage: $0 install | start|stop <dir> <port>" >&2; exit 2 ;;
esac
