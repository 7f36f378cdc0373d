#!/usr/bin/env bash
# Starts (or stops) a private RabbitMQ broker: its own folder, node name and ports, on 127.0.0.1 only
# (AMQP on <port>, its own epmd on <port>+1, the Erlang distribution on <port>+2). Installs the Debian package when it is missing.
# Prints the AMQP URI (user "opentalk", password in <dir>/password).
# Usage: rabbitmq.sh install
#        rabbitmq.sh start <dir> <port>
#        rabbitmq.sh stop <dir>
#        rabbitmq.sh restart <dir> <port>     (stops and starts the same broker: durable queues keep their messages)
set -euo pipefail
action=$1; dir=${2:-}; port=${3:-}

install() {
  if ! command -v rabbitmq-server >/dev/null; then
    echo "Installing RabbitMQ (Debian package)..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >&2
  fi
}

# Everything the broker and rabbitmqctl need to find this broker and nothing else.
environment() {
  # Broker and rabbitmqctl share this broker's own cookie (the Debian scripts would use the system broker's).
  local cookie
  cookie=$(cat "$dir/cookie")
  export RABBITMQ_NODENAME="opentalk-$(basename "$dir" | tr -c "A-Za-z0-9_\n-" "_")@localhost"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 2))
  export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((port + 1))
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -setcookie $cookie"
  export RABBITMQ_CTL_ERL_ARGS="-setcookie $cookie"
}

start() {
  install
  mkdir -p "$dir/mnesia" "$dir/log"
  [ -f "$dir/password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password"
  [ -f "$dir/cookie" ] || head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/cookie"
  [ -f "$dir/enabled_plugins" ] || echo "[]." > "$dir/enabled_plugins"
  [ -f "$dir/advanced.config" ] || echo "[]." > "$dir/advanced.config"
  # No guest account, nothing but loopback; the default user is ours.
  cat > "$dir/rabbitmq.conf" <<CONF
loopback_users.guest = true
default_user = opentalk
default_pass = $(cat "$dir/password")
listeners.tcp.default = 127.0.0.1:$port
CONF
  environment
  if [ "$(id -u)" = 0 ]; then chown -R rabbitmq:rabbitmq "$dir"; fi
  if ! as_broker rabbitmqctl -q status >/dev/null 2>&1; then
    as_broker rabbitmq-server >"$dir/log/stdout.log" 2>&1 &
    # rabbitmqctl can only wait for a node that answers: until the node is up, it fails at once.
    for _ in $(seq 60); do
      as_broker rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1 && break
      sleep 1
    done
    as_broker rabbitmqctl -q await_startup --timeout 5 >/dev/null
  fi
  echo "amqp://opentalk:$(cat "$dir/password")@127.0.0.1:$port/"
}

as_broker() {
  # The broker must not run as root; its files belong to the rabbitmq user.
  if [ "$(id -u)" = 0 ]; then runuser -u rabbitmq --preserve-environment -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$dir/cookie" ] || return 0
  port=${port:-$(sed -n 's/^listeners.tcp.default = 127.0.0.1://p' "$dir/rabbitmq.conf" 2>/dev/null || echo 0)}
  environment
  as_broker rabbitmqctl -q shutdown >/dev/null 2>&1 || true
  as_broker epmd -kill >/dev/null 2>&1 || true
}

case "$action" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  *) echo "usage: $0 install|start|stop|restart <dir> [port]" >&2; exit 2 ;;
esac
