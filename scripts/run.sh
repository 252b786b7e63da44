#!/usr/bin/env bash
# Starts the whole hub locally: installs missing Debian packages, builds the jar if needed, starts
# Redis and the hub in the background (logs and pid files in run/), waits until the hub is ready,
# then prints a few requests to try. scripts/stop.sh stops everything this started.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
. scripts/java-home.sh

RUN_DIR="$PWD/run"
HUB_PORT="${SERVER_PORT:-9000}"
REDIS_PORT="${REDIS_PORT:-6380}"
mkdir -p "$RUN_DIR"

running() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

if [ ! -f target/wise-ai-hub.jar ] || [ -n "$(find src pom.xml -newer target/wise-ai-hub.jar -print -quit)" ]; then
  echo "Building the hub..."
  ./mvnw -B -q -ntp package -DskipTests
fi

if ! running redis; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize no --save "" --appendonly yes \
    --dir "$RUN_DIR" --maxmemory 512mb --maxmemory-policy allkeys-lru >"$RUN_DIR/redis.log" 2>&1 &
  echo $! >"$RUN_DIR/redis.pid"
fi
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "Redis did not start; see $RUN_DIR/redis.log"; exit 1; }

# Engines: scripts/engines-up.sh (the local engine pack) exports their URLs when present.
if [ -x scripts/engines-up.sh ]; then
  . scripts/engines-up.sh
fi

if ! running hub; then
  # A local run has no identity backend: callers are told apart by address unless AUTH_MODE is set.
  AUTH_MODE="${AUTH_MODE:-off}" CACHE_URL="redis://127.0.0.1:$REDIS_PORT" SERVER_PORT="$HUB_PORT" \
    nohup "$JAVA_HOME/bin/java" -XX:+ExitOnOutOfMemoryError -jar target/wise-ai-hub.jar >"$RUN_DIR/hub.log" 2>&1 &
  echo $! >"$RUN_DIR/hub.pid"
fi
for _ in $(seq 120); do
  curl -fs "http://localhost:$HUB_PORT/health/ready" >/dev/null 2>&1 && break
  running hub || { echo "The hub exited; see $RUN_DIR/hub.log"; exit 1; }
  sleep 0.5
done
curl -fs "http://localhost:$HUB_PORT/health/ready" >/dev/null || { echo "The hub is not ready; see $RUN_DIR/hub.log"; exit 1; }

cat <<MSG
The hub is up on http://localhost:$HUB_PORT (logs in run/, stop with scripts/stop.sh). Try:
  curl -s localhost:$HUB_PORT/health/ready | jq
  curl -s localhost:$HUB_PORT/openapi.json | jq '.paths | keys'
  curl -s localhost:$HUB_PORT/metrics | grep '^hub_'
MSG
if [ -f "$RUN_DIR/examples.txt" ]; then
  cat "$RUN_DIR/examples.txt"
fi
