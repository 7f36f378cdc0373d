#!/usr/bin/env bash
# Starts (or stops) a real SMTP server for tests: aiosmtpd on 127.0.0.1, storing every message it receives in a
# Maildir (<dir>/new/). Installs the Debian package when it is missing.
# Usage: smtp.sh start|stop <maildir> <port>
set -euo pipefail
action=$1; dir=$2; port=$3
python=/usr/bin/python3

case "$action" in
  start)
    if ! "$python" -c "import aiosmtpd" 2>/dev/null; then
      echo "Installing aiosmtpd (Debian package)..." >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >&2
    fi
    mkdir -p "$dir/tmp" "$dir/new" "$dir/cur"  # a Maildir
    nohup "$python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir" >"$dir.log" 2>&1 &
    echo $! >"$dir.pid"
    for _ in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port"; exit 0; fi
      sleep 0.1
    done
    echo "aiosmtpd did not start; see $dir.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir.pid" ]; then kill "$(cat "$dir.pid")" 2>/dev/null || true; rm -f "$dir.pid" "$dir.log"; fi
    ;;
  *)
    echo "usage: $0 start|stop <maildir> <port>" >&2; exit 2 ;;
esac
