#!/usr/bin/env bash
# Starts the local engine pack: one background process per engine instance, each on its own port,
# with pid files and logs under run/engines/; builds engine-pack/target/wise-engine-pack.jar first
# if it is missing or older than its sources, then waits until every instance answers /health.
# Exports the hub's engine URL variables (also written to run/engines/hub.env) and writes
# run/examples.txt, so scripts/run.sh can source it before starting the hub.
#
# Usage: scripts/engines-up.sh [instance...]     (no names: all instances in engines-instances.sh)
# Env:   JAVA_HOME or java on PATH; ENGINE_JAVA_OPTS (default: small heap, quick start-up);
#        ENGINES_RUN_DIR (default run/engines); ENGINES_WAIT_SECONDS (default 180);
#        PORT_<INSTANCE> overrides a port, e.g. PORT_STT_1=9105.
# Stop:  scripts/engines-down.sh [instance...]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/engines-instances.sh
. "$repo/scripts/engines-instances.sh"

jar="$repo/engine-pack/target/wise-engine-pack.jar"
run_dir="${ENGINES_RUN_DIR:-$repo/run/engines}"
wait_seconds="${ENGINES_WAIT_SECONDS:-180}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
read -r -a java_opts <<< "${ENGINE_JAVA_OPTS:--Xms32m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

selected=("$@")
[ "${#selected[@]}" -gt 0 ] || selected=("${ENGINE_INSTANCES[@]}")
for name in "${selected[@]}"; do
  instance_port "$name" >/dev/null || { echo "Unknown instance '$name'; known: ${ENGINE_INSTANCES[*]}" >&2; exit 2; }
done

build_if_needed() {
  if [ -f "$jar" ] && [ -z "$(find "$repo/engine-pack/src" "$repo/engine-pack/pom.xml" -newer "$jar" -print -quit)" ]; then
    return
  fi
  echo "Building the engine pack..."
  (cd "$repo" && ./mvnw -B -q -ntp -f engine-pack/pom.xml package -DskipTests)
}

healthy() {
  curl -fsS --max-time 2 "http://127.0.0.1:$1/health" >/dev/null 2>&1
}

start() {
  local name="$1" port pid_file log_file
  port="$(instance_port "$name")"
  pid_file="$run_dir/$name.pid"
  log_file="$run_dir/$name.log"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "  $name already running (pid $(cat "$pid_file"), port $port)"
    return
  fi
  if healthy "$port" || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port for $name is already in use by another process; set PORT_${name//-/_} to move it." >&2
    exit 1
  fi
  # shellcheck disable=SC2046
  setsid "$java_bin" "${java_opts[@]}" -jar "$jar" --server.port="$port" \
    --pack.exec.work-dir="$run_dir/work/$name" $(instance_args "$name") \
    </dev/null >"$log_file" 2>&1 &
  echo $! > "$pid_file"
  echo "  $name starting on port $port (pid $!, log ${log_file#"$repo"/})"
}

mkdir -p "$run_dir"
build_if_needed
echo "Starting engine instances:"
for name in "${selected[@]}"; do
  start "$name"
done

echo "Waiting up to ${wait_seconds}s for /health..."
deadline=$((SECONDS + wait_seconds))
for name in "${selected[@]}"; do
  port="$(instance_port "$name")"
  until healthy "$port"; do
    if ! kill -0 "$(cat "$run_dir/$name.pid")" 2>/dev/null; then
      echo "$name exited during start-up; last lines of its log:" >&2
      tail -n 20 "$run_dir/$name.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$name did not answer http://127.0.0.1:$port/health within ${wait_seconds}s; see $run_dir/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "  $name up: http://127.0.0.1:$port"
done

write_hub_env "$run_dir/hub.env"
set -a
# shellcheck disable=SC1091
. "$run_dir/hub.env"
set +a
write_examples "$repo/run/examples.txt" "${HUB_PORT:-${SERVER_PORT:-9000}}"
echo "Hub settings for these engines: ${run_dir#"$repo"/}/hub.env (set -a; . ${run_dir#"$repo"/}/hub.env; set +a)"
