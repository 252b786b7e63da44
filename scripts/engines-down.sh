#!/usr/bin/env bash
# Stops engine-pack instances started by engines-up.sh, by the pids in their pid files (nothing
# else is touched): SIGTERM, then SIGKILL after 20 s. Stopping one instance (e.g. stt-1) while the
# others run is how failover is shown.
#
# Usage: scripts/engines-down.sh [instance...]     (no names: every instance with a pid file)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/engines-instances.sh
. "$repo/scripts/engines-instances.sh"
run_dir="${ENGINES_RUN_DIR:-$repo/run/engines}"

selected=("$@")
if [ "${#selected[@]}" -eq 0 ]; then
  for pid_file in "$run_dir"/*.pid; do
    [ -e "$pid_file" ] && selected+=("$(basename "$pid_file" .pid)")
  done
fi
[ "${#selected[@]}" -gt 0 ] || { echo "No engine instances are running."; exit 0; }

# True when pid is alive and is an engine pack (not a recycled pid of something else).
ours() {
  kill -0 "$1" 2>/dev/null && tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -q "wise-engine-pack.jar"
}

for name in "${selected[@]}"; do
  pid_file="$run_dir/$name.pid"
  if [ ! -f "$pid_file" ]; then
    echo "  $name: not started by engines-up.sh (no pid file)"
    continue
  fi
  pid="$(cat "$pid_file")"
  if ours "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do
      ours "$pid" || break
      sleep 0.5
    done
    if ours "$pid"; then
      kill -KILL "$pid"
    fi
    echo "  $name stopped (pid $pid)"
  else
    echo "  $name was not running"
  fi
  rm -f "$pid_file"
done
