#!/usr/bin/env bash
# Runs the whole test suite: installs missing Debian packages, picks the JDK, builds, tests.
# The tests start their own redis-server processes and fake engines on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
. scripts/java-home.sh
echo "Using JDK at $JAVA_HOME"
./mvnw -B -ntp verify "$@"
