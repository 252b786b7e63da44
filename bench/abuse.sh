#!/usr/bin/env bash
# The abuse benchmark (scenario 8 of bench/run.sh): every hostile request of docs/security.md for
# 60 s beside normal traffic, against a -Xmx256m hub with Redis; refreshes its section of
# docs/performance.md.
exec "$(dirname "$0")/run.sh" abuse
