#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL: its own data folder and port, listening on 127.0.0.1 only.
# Installs the Debian package when it is missing. Prints the Npgsql connection string.
# Usage: postgres.sh install
#        postgres.sh start <data-dir> <port> [fast]
#        postgres.sh stop <data-dir> [port]
# Durable by default (fsync and synchronous commit on): it may hold someone's data. "fast" turns both
# off, for throwaway test databases only (./test); a crash then loses or corrupts the data.
# With OPENTALK_PG_PASSWORD_FILE set, a new server gets that password for "postgres" and asks for
# it on TCP (scram-sha-256; local socket: peer); without it, a new server trusts every local
# connection, which is only for tests.
set -euo pipefail
action=$1; dir=${2:-}; port=${3:-}; mode=${4:-durable}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$bin" ]; then
    echo "Installing PostgreSQL (Debian package)..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  echo "$bin"
}

as_postgres() {
  # initdb/postgres refuse to run as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

init() {
  local bin=$1
  if [ -z "${OPENTALK_PG_PASSWORD_FILE:-}" ]; then
    as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
    return
  fi
  # initdb reads the password as the postgres user: give it a copy it may read, gone right after.
  local pwfile
  pwfile=$(mktemp)
  cp "$OPENTALK_PG_PASSWORD_FILE" "$pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pwfile"; fi
  as_postgres "$bin/initdb" -D "$dir" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 >/dev/null \
    || { rm -f "$pwfile"; return 1; }
  rm -f "$pwfile"
}

case "$action" in
  install)
    pg_bin >/dev/null
    ;;
  start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$dir"; fi
    [ -f "$dir/PG_VERSION" ] || init "$bin"
    if ! as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=500"
      if [ "$mode" = fast ]; then options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
      as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null
    fi
    # A server left running from before keeps the port it was started with (line 4 of its pid file).
    port=$(sed -n 4p "$dir/postmaster.pid")
    password=""
    if [ -n "${OPENTALK_PG_PASSWORD_FILE:-}" ]; then password="Password=$(tr -d '\n' < "$OPENTALK_PG_PASSWORD_FILE");"; fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;${password}Database=postgres;Pooling=true;Maximum Pool Size=50"
    ;;
  stop)
    bin=$(pg_bin)
    if [ -f "$dir/PG_VERSION" ]; then as_postgres "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true; fi
    ;;
  *) echo "usage: $0 install | start <data-dir> <port> [fast] | stop <data-dir> [port]" >&2; exit 2 ;;
esac
