#!/usr/bin/env bash
# Installs the Debian 12 packages the WISE AI Hub, its tests and the local engine pack need.
# Idempotent: packages already installed are skipped, and apt runs only when something is missing.
# Usage: scripts/install-packages.sh        (as root, or with sudo available)
set -euo pipefail

packages=(
  # Build and run: JDK 17 for ./mvnw (Java 17 bytecode), curl for the scripts' health checks
  openjdk-17-jdk-headless ca-certificates curl
  # Cache, idempotency and rate limits; the tests start redis-server themselves
  redis-server
  # The local engine pack's engines (engine-pack/)
  espeak-ng flite pocketsphinx pocketsphinx-en-us apertium apertium-en-es
  # Audio conversion for the engine pack; libsox-fmt-mp3 lets sox read and write MP3
  sox libsox-fmt-mp3
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "All ${#packages[@]} packages are already installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "Installing ${missing[*]} needs root: run this script as root or install sudo." >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "Installed ${#missing[@]} package(s)."
