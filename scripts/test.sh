#!/usr/bin/env bash
# Runs the whole test suite: installs missing Debian packages, picks the JDK, builds and tests the
# local engine pack (real flite, espeak-ng, pocketsphinx, apertium), then builds and tests the hub,
# whose end-to-end tests run it against that engine pack. The tests start their own redis-server
# processes, engines and fakes on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
. scripts/java-home.sh
echo "Using JDK at $JAVA_HOME"
./mvnw -B -ntp -f engine-pack/pom.xml verify
./mvnw -B -ntp verify "$@"
