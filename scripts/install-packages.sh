#!/usr/bin/env bash
# Installs, on Debian 12, the packages the hub, its tests and the local engine pack need.
# Idempotent: installs only what is missing. Needs root (or sudo).
set -euo pipefail

# libsox-fmt-mp3 lets sox read and write MP3 (the engine pack's OpenAI default speech format and
# MP3 uploads); without it sox has no MP3 handler on Debian 12.
packages=(redis-server prometheus curl jq sox libsox-fmt-mp3 espeak-ng flite pocketsphinx pocketsphinx-en-us
          apertium apertium-en-es)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A JDK: the hub builds with the newest one present and needs at least 17.
if ! ls /usr/lib/jvm/*/bin/javac >/dev/null 2>&1 && ! command -v javac >/dev/null 2>&1; then
  missing+=(openjdk-17-jdk-headless)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start system redis and prometheus services; the hub runs its own.
for service in redis-server prometheus prometheus-node-exporter; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
  fi
done
