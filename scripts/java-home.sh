#!/usr/bin/env bash
# Sourced by the other scripts: picks the newest JDK present (Temurin 25 where it exists, else 21,
# else 17) unless JAVA_HOME is already set to a JDK.
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "${JAVA_HOME}/bin/javac" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-* \
                   /usr/lib/jvm/temurin-21-jdk-* /usr/lib/jvm/java-21-* /usr/lib/jvm/java-17-openjdk-*; do
    if [ -x "$candidate/bin/javac" ]; then
      JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
