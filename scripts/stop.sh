#!/usr/bin/env bash
# Stops what scripts/run.sh started: the hub (gracefully), the local engines, Redis.
set -uo pipefail
cd "$(dirname "$0")/.."
RUN_DIR="$PWD/run"

stop() {
  local name=$1 pid
  [ -f "$RUN_DIR/$name.pid" ] || return 0
  pid=$(cat "$RUN_DIR/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "stopped $name"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop hub
if [ -x scripts/engines-down.sh ]; then
  scripts/engines-down.sh
fi
stop redis
