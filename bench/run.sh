#!/usr/bin/env bash
# Runs every benchmark scenario against the real hub jar and writes docs/performance.md.
# Hub, fake engines, Redis, nginx and the load generators all run on this machine (loopback only);
# every loop is bounded and everything started here is stopped at the end.
#
# Usage: bench/run.sh [scenario...]      scenarios: engine overhead slow cache uploads limits flight startup abuse streams
# (STREAMS=N sets the concurrent chat streams of scenario streams, default 1,000: a small N is a smoke test;
# STREAM_HEAP sets its hub's -Xmx, default 512m;
# BENCH_NOTE="..." is printed under each section's "Measured" line, e.g. what else the machine was doing.)
# Needs: wrk and nginx (apt-get install wrk nginx-light), redis-server, JDK 21+ (virtual threads).
set -euo pipefail
[ -n "${BENCH_TRACE:-}" ] && set -x
cd "$(dirname "$0")/.."
. scripts/java-home.sh
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d /tmp/hub-bench.XXXXXX)"
RESULTS="$WORK/results.md"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; [ -f "$WORK/nginx/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true' EXIT

for tool in wrk nginx redis-server python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install wrk nginx-light redis-server python3 curl" >&2; exit 1; }
done
[ -f target/wise-ai-hub.jar ] || ./mvnw -B -q -ntp package -DskipTests

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_http() { # url seconds
  for _ in $(seq $(( $2 * 10 ))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "not answering: $1" >&2; return 1
}

fake_engine() { # port latency-ms size [status]
  "$JAVA" bench/FakeEngine.java --port "$1" --latency-ms "$2" --size "$3" --status "${4:-200}" >"$WORK/engine-$1.log" 2>&1 &
  PIDS+=($!); wait_http "http://127.0.0.1:$1/health" 60
}

sse_engine() { # port ; an OpenAI-compatible chat engine streaming 50 events 20 ms apart
  "$JAVA" bench/SseEngine.java --port "$1" --events 50 --interval-ms 20 >"$WORK/sse-engine-$1.log" 2>&1 &
  ENGINE_PID=$!; PIDS+=("$ENGINE_PID"); wait_http "http://127.0.0.1:$1/health" 60
}

redis() { # port
  redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis-$1.log" 2>&1 &
  PIDS+=($!); for _ in $(seq 50); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done
}

# Starts a hub and sets HUB_PID (not via $(...): a subshell would lose the pid and leak the process).
hub() { # port heap extra-args... ; limits per caller: $LIMIT a minute (default 10,000; counted in Redis like any limit)
  local p=$1 heap=$2; shift 2
  local limits=() f
  for f in stt tts translation; do
    limits+=(--hub.capabilities.$f.limits.per-minute="${LIMIT:-10000}" --hub.capabilities.$f.limits.per-day=1000000000)
  done
  # Callers are named by X-Forwarded-For from the loopback load generator (CALLERS), as students would be.
  # shellcheck disable=SC2086
  "$JAVA" -Xmx"$heap" -XX:+ExitOnOutOfMemoryError ${HUB_JAVA_OPTS:-} -jar target/wise-ai-hub.jar --server.port="$p" --hub.auth.mode=off \
    --hub.trusted-proxies=127.0.0.1/32 "${limits[@]}" \
    --logging.level.hub.access=WARN "$@" >"$WORK/hub-$p.log" 2>&1 &
  HUB_PID=$!; PIDS+=("$HUB_PID")
  wait_http "http://127.0.0.1:$p/health/ready" 120
}

# A multipart STT request (model whisper-1, boundary benchboundary7d1f) around a WAV of random
# 16 kHz mono 16-bit samples lasting the given seconds.
wav_upload() { # file seconds
  python3 - "$1" "$2" <<'PY'
import sys, struct, os
rate, seconds = 16000, int(sys.argv[2])
data = os.urandom(rate * 2 * seconds)
header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) \
    + b"data" + struct.pack("<I", len(data))
boundary = "benchboundary7d1f"
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.wav\"\r\n"
        f"Content-Type: audio/wav\r\n\r\n").encode() + header + data + f"\r\n--{boundary}--\r\n".encode()
open(sys.argv[1], "wb").write(body)
PY
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

constant_rate() { # url rate seconds body-file extra-headers... ; CALLERS=N as for wrk_post
  local url=$1 rate=$2 seconds=$3 body=$4; shift 4
  local headers=(--callers "${CALLERS:-0}")
  local hdr
  for hdr in "$@"; do headers+=(--header "$hdr"); done
  local line
  line=$("$JAVA" bench/ConstantRateLoad.java --url "$url" --rate "$rate" --seconds "$seconds" --warmup 5 \
    --method POST --body-file "$body" --header "Content-Type: application/json" "${headers[@]}" 2>"$WORK/statuses.txt")
  echo "$line $(grep -o 'statuses=.*' "$WORK/statuses.txt" | tr -d ' ')"
}

stream_load() { # url extra-args... ; STREAMS concurrent streams (default 1,000), after as many uncounted ones
  local url=$1; shift
  local line
  line=$("$JAVA" bench/StreamLoad.java --url "$url" --streams "${STREAMS:-1000}" --warmup-streams "${STREAMS:-1000}" \
    --events 50 --late-ms 50 --clock-ticks "$(getconf CLK_TCK)" --engine-pid "$ENGINE_PID" "$@" 2>"$WORK/stream-statuses.txt")
  echo "$line $(grep -o 'statuses=.*' "$WORK/stream-statuses.txt" | sed -E 's/ //g; s/\}failures=/} failures=/')"
}

field() { # line key
  sed -E "s/.*$2=([^ ]+).*/\1/" <<<"$1"
}

wrk_post() { # url connections seconds body header... ; CALLERS=N spreads requests over N X-Forwarded-For callers
  local url=$1 c=$2 d=$3 body=$4; shift 4
  local lua="$WORK/post-$RANDOM.lua"
  {
    if [ -n "${CALLERS:-}" ]; then
      echo "local n = 0"
      echo "request = function()"
      echo "  n = n + 1"
      echo "  local prefix = (n % 2 == 0) and \"198.51.100.\" or \"203.0.113.\""
      echo "  wrk.headers[\"X-Forwarded-For\"] = prefix .. (math.floor(n / 2) % 250 + 1)"
      echo "  return wrk.format()"
      echo "end"
    fi
    echo "wrk.method = \"POST\""
    printf 'wrk.body = %s\n' "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$body")"
    echo "wrk.headers[\"Content-Type\"] = \"application/json\""
    local hdr
    for hdr in "$@"; do echo "wrk.headers[\"${hdr%%:*}\"] = \"$(sed 's/^ *//' <<<"${hdr#*:}")\""; done
  } >"$lua"
  wrk -t2 -c"$c" -d"${d}s" --timeout 30s --latency -s "$lua" "$url"
}

echo "{\"text\":\"Please open the window.\",\"source\":\"en\",\"target\":\"es\"}" >"$WORK/translate.json"

scenario_engine() {
  log "fake engine alone"
  local e; e=$(port); fake_engine "$e" 0 1024
  local out; out=$(wrk_post "http://127.0.0.1:$e/translate" 5000 15 "$WORK/translate.json")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local errors; errors=$(awk '/Socket errors/ {print}' <<<"$out")
  cat >>"$RESULTS" <<MD
### 0. The fake engine alone (its own ceiling)
\`wrk -t2 -c5000 -d15s\` POST, 1 KB JSON answer, no latency: **${rps} requests/s**${errors:+; $errors}.
The hub's figures below are far under this, so the fake engine is not what limits them.

MD
}

scenario_overhead() {
  log "scenario 1: overhead"
  local e h n; e=$(port); h=$(port); n=$(port)
  fake_engine "$e" 0 1024
  hub "$h" 512m --hub.engines.translate-1.url="http://127.0.0.1:$e"
  mkdir -p "$WORK/nginx/tmp"
  sed "s/__PORT__/$n/; s/__ENGINE__/$e/" bench/nginx.conf >"$WORK/nginx/nginx.conf"
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
  local direct proxied hubbed
  CALLERS=100 constant_rate "http://127.0.0.1:$h/v1/translate" 500 20 "$WORK/translate.json" "Cache-Control: no-store" >/dev/null
  direct=$(constant_rate "http://127.0.0.1:$e/translate" 500 30 "$WORK/translate.json")
  proxied=$(constant_rate "http://127.0.0.1:$n/translate" 500 30 "$WORK/translate.json")
  hubbed=$(CALLERS=100 constant_rate "http://127.0.0.1:$h/v1/translate" 500 30 "$WORK/translate.json" "Cache-Control: no-store")
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop
  python3 - "$direct" "$proxied" "$hubbed" >>"$RESULTS" <<'PY'
import sys
def parse(line): return dict(kv.split("=", 1) for kv in line.split())
d, n, h = (parse(x) for x in sys.argv[1:4])
def ms(r, k): return float(r[k])
print("### 1. Overhead: 500 requests/s, 1 KB JSON engine answer (translation, cache off)")
print("| path | ok | errors | p50 ms | p90 ms | p99 ms | p99.9 ms |")
print("|---|---|---|---|---|---|---|")
for name, r in (("engine directly", d), ("nginx proxy_pass", n), ("hub", h)):
    print(f"| {name} | {r['ok']} | {r['errors']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['p999_ms']} |")
print()
print(f"Hub adds **p50 {ms(h,'p50_ms')-ms(d,'p50_ms'):.3f} ms, p99 {ms(h,'p99_ms')-ms(d,'p99_ms'):.3f} ms** over the engine "
      f"(target ≤ 1 ms and ≤ 5 ms); nginx adds p50 {ms(n,'p50_ms')-ms(d,'p50_ms'):.3f} ms, p99 {ms(n,'p99_ms')-ms(d,'p99_ms'):.3f} ms. "
      f"Hub ÷ nginx added latency at p50: {(ms(h,'p50_ms')-ms(d,'p50_ms'))/max(1e-3, ms(n,'p50_ms')-ms(d,'p50_ms')):.1f}×.")
print()
PY
}

scenario_slow() {
  log "scenario 2: slow engines"
  local e h pid; e=$(port); h=$(port)
  fake_engine "$e" 1000 1024
  hub "$h" 512m --hub.engines.translate-1.url="http://127.0.0.1:$e" \
    --hub.engines.translate-1.max-in-flight=2000
  pid=$HUB_PID
  CALLERS=500 wrk_post "http://127.0.0.1:$h/v1/translate" 200 5 "$WORK/translate.json" "Cache-Control: no-store" >/dev/null
  local out; out=$(CALLERS=500 wrk_post "http://127.0.0.1:$h/v1/translate" 1000 30 "$WORK/translate.json" "Cache-Control: no-store")
  local rss; rss=$(rss_mb "$pid")
  local rps non2xx errors p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {print}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  cat >>"$RESULTS" <<MD
### 2. Slow engines: engine latency 1 s, 1,000 concurrent clients
\`wrk -t2 -c1000 -d30s\` through one hub (translation, cache off, engine in-flight cap raised to 2,000):
**${rps} requests/s** (target ≥ 900), non-2xx ${non2xx}${errors:+, $errors}, p99 ${p99}, hub RSS **${rss} MB** after the run (target ≤ 768 MB).

MD
}

scenario_uploads() {
  log "scenario 4: uploads"
  local e1 e2 h pid; e1=$(port); e2=$(port); h=$(port)
  fake_engine "$e1" 0 256 500
  fake_engine "$e2" 200 256
  hub "$h" 256m --hub.engines.stt-1.url="http://127.0.0.1:$e1" --hub.engines.stt-2.url="http://127.0.0.1:$e2" \
    --hub.engines.stt-2.max-in-flight=100
  pid=$HUB_PID
  wav_upload "$WORK/upload.bin" 312   # 16 kHz mono 16-bit: 312 s is just under 10 MB
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  local before; before=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/used/ {print; exit}')
  local out; out=$("$JAVA" bench/Burst.java --count 50 --body-file "$WORK/upload.bin" \
    --header "Content-Type: multipart/form-data; boundary=benchboundary7d1f" "http://127.0.0.1:$h/v1/audio/transcriptions")
  "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
  local after; after=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/used/ {print; exit}')
  local oom; oom=$(grep -c OutOfMemoryError "$WORK/hub-$h.log" || true)
  local engine2; engine2=$(curl -s "http://127.0.0.1:$e2/__count")
  cat >>"$RESULTS" <<MD
### 4. Uploads: 50 concurrent 10 MB STT uploads, engine 1 answering 500, engine 2 answering, hub at -Xmx256m
Result: \`${out}\`; engine 2 served ${engine2} transcriptions; OutOfMemoryError in the hub log: ${oom}.
Heap after a full GC, before: \`${before}\`; after: \`${after}\`. Hub RSS after the run: $(rss_mb "$pid") MB.

MD
}

scenario_flight() {
  log "scenario 6: single flight under load"
  local e r h1 h2; e=$(port); r=$(port); h1=$(port); h2=$(port)
  fake_engine "$e" 300 1024
  redis "$r"
  hub "$h1" 512m --hub.redis.url="redis://127.0.0.1:$r" --hub.engines.translate-1.url="http://127.0.0.1:$e" 
  hub "$h2" 512m --hub.redis.url="redis://127.0.0.1:$r" --hub.engines.translate-1.url="http://127.0.0.1:$e"
  # Warm both JVMs and their Redis pools first: a cold JVM's first burst can exceed the 100 ms Redis
  # timeout, and the hub then (by design) serves without the cache, calling the engine itself.
  local i
  for i in 1 2 3; do
    "$JAVA" bench/Burst.java --count 200 --body "{\"text\":\"warm-up $i $(date +%s%N)\",\"source\":\"en\",\"target\":\"es\"}" \
      --header "Content-Type: application/json" "http://127.0.0.1:$h1/v1/translate" "http://127.0.0.1:$h2/v1/translate" >/dev/null
  done
  curl -s -X POST "http://127.0.0.1:$e/__reset"
  local body="{\"text\":\"single flight $(date +%s%N)\",\"source\":\"en\",\"target\":\"es\"}"
  local out; out=$("$JAVA" bench/Burst.java --count 200 --body "$body" --header "Content-Type: application/json" \
    "http://127.0.0.1:$h1/v1/translate" "http://127.0.0.1:$h2/v1/translate")
  cat >>"$RESULTS" <<MD
### 6. Single flight under load: 200 concurrent identical translation misses over two replicas
Result: \`${out}\`; engine calls: **$(curl -s "http://127.0.0.1:$e/__count")** (target exactly 1).

MD
}

scenario_cache() {
  log "scenario 3: cache hits"
  local e r h; e=$(port); r=$(port); h=$(port)
  fake_engine "$e" 0 4096
  redis "$r"
  # 500 callers (X-Forwarded-For from the trusted loopback proxy), as many students would be
  hub "$h" 512m --hub.redis.url="redis://127.0.0.1:$r" --hub.engines.tts-1.url="http://127.0.0.1:$e"
  echo '{"model":"tts-1","input":"Please open the window.","voice":"alloy","response_format":"wav"}' >"$WORK/tts.json"
  curl -s -o /dev/null -H 'Content-Type: application/json' --data @"$WORK/tts.json" "http://127.0.0.1:$h/v1/audio/speech"
  local cached; cached=$(curl -s -o /dev/null -D - -H 'Content-Type: application/json' --data @"$WORK/tts.json" \
    "http://127.0.0.1:$h/v1/audio/speech" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')
  CALLERS=500 wrk_post "http://127.0.0.1:$h/v1/audio/speech" 64 30 "$WORK/tts.json" >/dev/null
  local out; out=$(CALLERS=500 wrk_post "http://127.0.0.1:$h/v1/audio/speech" 64 30 "$WORK/tts.json")
  local rps p99 non2xx; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  local steady; steady=$(CALLERS=500 constant_rate "http://127.0.0.1:$h/v1/audio/speech" 5000 20 "$WORK/tts.json")
  cat >>"$RESULTS" <<MD
### 3. Cache hits: cached 4 KB TTS answers, rate limiting on (shared limits in Redis, 500 callers)
Second request answered \`X-Cache: ${cached}\`; the engine was called $(curl -s "http://127.0.0.1:$e/__count") time(s) in all.
Throughput, \`wrk -t2 -c64 -d30s\`: **${rps} requests/s** (target ≥ 5,000), p99 ${p99}, non-2xx ${non2xx}.
At a constant 5,000 requests/s (coordinated-omission corrected): \`${steady}\` (target p99 ≤ 20 ms).

MD
}

scenario_limits() {
  log "scenario 5: exact limits under load"
  local e r h1 h2; e=$(port); r=$(port); h1=$(port); h2=$(port)
  fake_engine "$e" 0 1024
  redis "$r"
  LIMIT=100 hub "$h1" 512m --hub.redis.url="redis://127.0.0.1:$r" --hub.engines.translate-1.url="http://127.0.0.1:$e"
  LIMIT=100 hub "$h2" 512m --hub.redis.url="redis://127.0.0.1:$r" --hub.engines.translate-1.url="http://127.0.0.1:$e"
  # Warm both JVMs first (other callers: X-Forwarded-For), as scenario 6 does.
  local i
  for i in 1 2 3; do
    "$JAVA" bench/Burst.java --count 200 --body '{"text":"warm","source":"en","target":"es"}' \
      --header "Content-Type: application/json" --header "X-Forwarded-For: 198.51.100.$i" \
      "http://127.0.0.1:$h1/v1/translate" "http://127.0.0.1:$h2/v1/translate" >/dev/null
  done
  curl -s -X POST "http://127.0.0.1:$e/__reset"
  local out; out=$("$JAVA" bench/Burst.java --count 2000 --body '{"text":"limit","source":"en","target":"es"}' \
    --header "Content-Type: application/json" --header "Cache-Control: no-store" \
    "http://127.0.0.1:$h1/v1/translate" "http://127.0.0.1:$h2/v1/translate")
  cat >>"$RESULTS" <<MD
### 5. Exact limits under load: two replicas, 100 requests a minute per caller, 2,000 concurrent requests
Result: \`${out}\` (target: exactly 100 answered 200, the rest 429); the engine served $(curl -s "http://127.0.0.1:$e/__count").

MD
}

scenario_startup() {
  log "scenario 7: start-up and footprint"
  local h start pid ready; h=$(port)
  start=$(date +%s%N)
  "$JAVA" -jar target/wise-ai-hub.jar --server.port="$h" >"$WORK/hub-start.log" 2>&1 &
  pid=$!; PIDS+=($pid)
  wait_http "http://127.0.0.1:$h/health/ready" 120
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  cat >>"$RESULTS" <<MD
### 7. Start-up and footprint
\`java -jar target/wise-ai-hub.jar\` with no environment: ready (\`/health/ready\` 200) after **${ready} ms**;
idle RSS **$(rss_mb "$pid") MB** 5 s later.

MD
  kill "$pid"
}

scenario_abuse() {
  log "scenario 8: abuse beside normal traffic"
  local e r h pid tmp; e=$(port); r=$(port); h=$(port); tmp="$WORK/hub-temp"
  fake_engine "$e" 20 1024
  redis "$r"
  hub "$h" 256m --hub.redis.url="redis://127.0.0.1:$r" --hub.temp-dir="$tmp" \
    --hub.engines.translate-1.url="http://127.0.0.1:$e" --hub.engines.stt-1.url="http://127.0.0.1:$e"
  pid=$HUB_PID
  wav_upload "$WORK/small-upload.bin" 2
  local stt_load=("$JAVA" bench/ConstantRateLoad.java --url "http://127.0.0.1:$h/v1/audio/transcriptions" --method POST
    --body-file "$WORK/small-upload.bin" --header "Content-Type: multipart/form-data; boundary=benchboundary7d1f"
    --callers 100 --connections 16)
  # Prime every series the run can create (each hostile case once, normal traffic), then count them.
  # (two rounds: the second answers the translation case from the cache; one scrape: /metrics is a series too)
  "$JAVA" bench/Abuse.java --port "$h" --rounds 2 --threads 1 >/dev/null
  CALLERS=100 constant_rate "http://127.0.0.1:$h/v1/translate" 50 5 "$WORK/translate.json" "Cache-Control: no-store" >/dev/null
  "${stt_load[@]}" --rate 20 --seconds 5 --warmup 0 >/dev/null 2>&1
  local hub_before all_before
  curl -s -o /dev/null "http://127.0.0.1:$h/metrics"
  hub_before=$(curl -s "http://127.0.0.1:$h/metrics" | grep -c '^hub_')
  all_before=$(curl -s "http://127.0.0.1:$h/metrics" | grep -vc '^#')
  local peak=0 sampler
  ( while kill -0 "$pid" 2>/dev/null; do rss_mb "$pid"; echo; sleep 0.5; done >"$WORK/rss.txt" ) &
  sampler=$!; PIDS+=("$sampler")
  "$JAVA" bench/Abuse.java --port "$h" --seconds 60 --threads 4 >"$WORK/abuse.txt" &
  local abuser=$!; PIDS+=("$abuser")
  "${stt_load[@]}" --rate 50 --seconds 60 --warmup 0 >"$WORK/stt-load.txt" 2>"$WORK/stt-statuses.txt" &
  local stt=$!; PIDS+=("$stt")
  local translate; translate=$(CALLERS=100 constant_rate "http://127.0.0.1:$h/v1/translate" 150 60 "$WORK/translate.json" \
    "Cache-Control: no-store")
  wait "$abuser" "$stt" || true
  sleep 2
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$WORK/rss.txt" | tail -1)
  local hub_after all_after files oom
  hub_after=$(curl -s "http://127.0.0.1:$h/metrics" | grep -c '^hub_')
  all_after=$(curl -s "http://127.0.0.1:$h/metrics" | grep -vc '^#')
  files=$(find "$tmp" -type f | wc -l)
  oom=$(grep -c OutOfMemoryError "$WORK/hub-$h.log" || true)
  local stt_line; stt_line="$(cat "$WORK/stt-load.txt") $(grep -o 'statuses=.*' "$WORK/stt-statuses.txt" | tr -d ' ')"
  cat >>"$RESULTS" <<MD
### 8. Abuse beside normal traffic: every hostile request of docs/security.md for 60 s, hub at -Xmx256m with Redis
Four hostile threads (\`bench/Abuse.java\`) loop over chunked 300 MB JSON, 100 MB chunked uploads, a 2 GB
Content-Length, form and multipart bodies to JSON endpoints, 60-part uploads, 300,000-token and
2,000-deep JSON, broken chunked encoding, random invented methods and paths, 20 KB headers and
1,000 query parameters, while normal clients send 150 translations/s (engine path, \`no-store\`) and
50 STT uploads/s (64 KB WAV), 100 callers each:
\`\`\`
$(cat "$WORK/abuse.txt")
\`\`\`
Normal translation traffic: \`${translate}\` (target: errors 0, all 200).
Normal STT traffic: \`${stt_line}\` (target: errors 0, all 200).
Hub RSS peak **${peak} MB** (target ≤ 512 MB); OutOfMemoryError in the log: ${oom}; files left in the
hub's temp directory: **${files}** (target 0); \`hub_*\` series in /metrics before / after: **${hub_before} / ${hub_after}**
(all series: ${all_before} / ${all_after}).

MD
}

scenario_streams() {
  log "scenario 9: chat streams"
  local e n h pid load; e=$(port); n=$(port); h=$(port)
  load=$(cut -d' ' -f1 /proc/loadavg)
  sse_engine "$e"
  local direct proxied hubbed
  direct=$(stream_load "http://127.0.0.1:$e/v1/chat/completions" --pid "$ENGINE_PID")
  # The reference proxy of scenario 1, relaying each event as it comes (nginx buffers answers by default).
  mkdir -p "$WORK/nginx/tmp"
  sed "s/__PORT__/$n/; s/__ENGINE__/$e/; s|^\( *\)proxy_pass .*|&\n\1proxy_buffering off;|" bench/nginx.conf >"$WORK/nginx/nginx.conf"
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
  proxied=$(stream_load "http://127.0.0.1:$n/v1/chat/completions")
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop
  # Chat without a token quota (no Redis: per-replica minute limits), one engine whose stream cap holds them all.
  LLM_ENGINE_URL="http://127.0.0.1:$e" hub "$h" "${STREAM_HEAP:-512m}" \
    --hub.capabilities.chat.limits.per-minute="${LIMIT:-10000}" --hub.capabilities.chat.limits.per-day=1000000000 \
    --hub.capabilities.chat.limits.tokens-per-day=unlimited --hub.engines.llm-1.max-in-flight=2000
  pid=$HUB_PID
  # JIT warm-up in steps: a cold hub's first burst of 500 streams timed its engine calls out and opened the
  # engine's breaker, and every later stream got 503 (its figures would then say nothing about streaming).
  local step
  for step in 20 5 2; do
    STREAMS=$(( ${STREAMS:-1000} / step )) stream_load "http://127.0.0.1:$h/v1/chat/completions" >/dev/null
  done
  # Then about 90 s of streams (as #17 warms every proxy before measuring): on 2 cores the JIT was still
  # compiling after the steps above, and took half of the hub's CPU in a profile of the measured streams.
  local until=$(( SECONDS + ${STREAM_WARMUP_S:-90} ))
  while [ "$SECONDS" -lt "$until" ]; do
    STREAMS=$(( ${STREAMS:-1000} / 5 )) stream_load "http://127.0.0.1:$h/v1/chat/completions" >/dev/null
  done
  hubbed=$(stream_load "http://127.0.0.1:$h/v1/chat/completions" --pid "$pid")
  local rss peak; rss=$(rss_mb "$pid"); peak=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  # A fifth as many streams, hub then engine directly: where the hub's CPU per event fits the cores.
  local few direct_few hubbed_few; few=$(( ${STREAMS:-1000} / 5 ))
  hubbed_few=$(STREAMS=$few stream_load "http://127.0.0.1:$h/v1/chat/completions" --pid "$pid")
  direct_few=$(STREAMS=$few stream_load "http://127.0.0.1:$e/v1/chat/completions" --pid "$ENGINE_PID")
  local timeouts open; timeouts=$(grep -c 'timeout after' "$WORK/hub-$h.log" || true)
  open=$(grep -c 'circuit-open after' "$WORK/hub-$h.log" || true)
  python3 - "$direct" "$proxied" "$hubbed" "$rss" "$peak" "$load" "${STREAMS:-1000}" "$timeouts" "$open" \
    "$direct_few" "$hubbed_few" "${STREAM_HEAP:-512m}" >>"$RESULTS" <<'PY'
import sys, os
def parse(line): return dict(kv.split("=", 1) for kv in line.split())
d, n, h = (parse(x) for x in sys.argv[1:4])
rss, peak, load, streams = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], int(sys.argv[7])
timeouts, rejected = int(sys.argv[8]), int(sys.argv[9])
df, hf = parse(sys.argv[10]), parse(sys.argv[11])
heap = sys.argv[12]
def f(r, k): return float(r[k])
def verdict(ok): return "met" if ok else "**missed**"
print(f"### 9. Chat streams: {streams:,} concurrent streams, 50 events 20 ms apart")
print(f"`bench/StreamLoad.java` opens {streams:,} `stream: true` chat completions at once (one HTTP/1.1 connection each, "
      f"after {streams:,} uncounted ones; the hub is warmed up first with {streams // 20:,}, {streams // 5:,} and {streams // 2:,}, then about 90 s of {streams // 5:,} at a time) against `bench/SseEngine.java`, which writes each chunk with its epoch-µs "
      f"`sent` stamp; TTFT is from just before the request to the first `data:` event, event delay is receipt "
      f"minus `sent`. Hub at -Xmx{heap}, no Redis, token quota off; 1-minute load average when the scenario began: {load}.")
print()
print("| path | streams ok | TTFT p50 ms | TTFT p99 ms | event delay p50 ms | p99 ms | max ms | events late (> 50 ms) "
      "| CPU s: engine / load generator |")
print("|---|---|---|---|---|---|---|---|---|")
few = f"{int(df['streams']):,} streams"
for name, r in (("engine directly", d), ("nginx, `proxy_buffering off`", n), ("hub", h),
                (f"engine directly, {few}", df), (f"hub, {few}", hf)):
    print(f"| {name} | {r['ok']} / {r['streams']} | {r['ttft_p50_ms']} | {r['ttft_p99_ms']} | {r['delay_p50_ms']} | "
          f"{r['delay_p99_ms']} | {r['delay_max_ms']} | {r['late']} of {r['events']} | "
          f"{r['engine_cpu_s']} / {r['client_cpu_s']} |")
print()
added50, added99 = f(h, "ttft_p50_ms") - f(d, "ttft_p50_ms"), f(h, "ttft_p99_ms") - f(d, "ttft_p99_ms")
events = max(1, int(h["events"]))
print(f"Hub adds **TTFT p50 {added50:.3f} ms, p99 {added99:.3f} ms** over the engine (target p99 ≤ 10 ms: "
      f"{verdict(added99 <= 10)}); nginx adds p50 {f(n,'ttft_p50_ms')-f(d,'ttft_p50_ms'):.3f} ms, "
      f"p99 {f(n,'ttft_p99_ms')-f(d,'ttft_p99_ms'):.3f} ms. "
      f"Events late through the hub: **{h['late']}** (target 0: {verdict(int(h['late']) == 0)}; "
      f"engine directly {d['late']}, nginx {n['late']}). Streams not ok through the hub: {h['failed']} "
      f"(answers `{h.get('statuses', '?')}`{', ' + h['failures'] if 'failures' in h else ''}); in the hub's log over the whole "
      f"scenario, warm-up included: {timeouts} engine calls timed out, {rejected} were refused by the engine's open breaker.")
print(f"Hub RSS after the run **{rss} MB** (target ≤ 512 MB: {verdict(rss <= 512)}), peak {peak} MB (VmHWM); "
      f"hub CPU for the measured streams **{f(h,'cpu_s'):.2f} s** ({f(h,'cpu_s') * 1e6 / events:.0f} µs an event) "
      f"over {h['seconds']} s of wall time, on {os.cpu_count()} cores shared with the engine and the load generator (their CPU "
      f"in the table: the engine spends {f(d,'engine_cpu_s') * 1e6 / max(1, int(d['events'])):.0f} µs an event). "
      f"At that cost, {streams:,} streams of 50 events a second need about "
      f"{f(h,'cpu_s') / events * streams * 50:.1f} cores for the hub alone, so on this machine events queue in the hub "
      f"and arrive late; -Xmx{heap} bounds only the heap, not the RSS.")
print()
print(f"At {few} the hub adds TTFT p50 {f(hf,'ttft_p50_ms')-f(df,'ttft_p50_ms'):.3f} ms, "
      f"p99 {f(hf,'ttft_p99_ms')-f(df,'ttft_p99_ms'):.3f} ms, with {hf['late']} events late "
      f"(engine directly {df['late']}); hub CPU {f(hf,'cpu_s'):.2f} s "
      f"({f(hf,'cpu_s') * 1e6 / max(1, int(hf['events'])):.0f} µs an event).")
print()
print("Raw lines: engine `" + sys.argv[1] + "`; nginx `" + sys.argv[2] + "`; hub `" + sys.argv[3] + "`; "
      "engine, fewer streams `" + sys.argv[10] + "`; hub, fewer streams `" + sys.argv[11] + "`.")
print()
PY
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(engine overhead slow cache uploads limits flight startup abuse streams)
stop_all() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
}
# Each scenario writes bench/results/<scenario>.md (kept in git); docs/performance.md is assembled from
# all of them, so running one scenario refreshes its section and keeps the others' last figures.
ALL=(engine overhead slow cache uploads limits flight startup abuse streams)
for s in "${scenarios[@]}"; do
  RESULTS="$WORK/$s.md"
  : >"$RESULTS"
  "scenario_$s"
  stop_all   # each scenario starts from a quiet machine
  { head -1 "$RESULTS"
    echo "_Measured $(date -u +"%Y-%m-%d %H:%M UTC"), $("$JAVA" -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/JDK \1/'), by \`${STREAMS:+STREAMS=$STREAMS }${STREAM_HEAP:+STREAM_HEAP=$STREAM_HEAP }bench/run.sh ${scenarios[*]}\`${HUB_JAVA_OPTS:+ with HUB_JAVA_OPTS=$HUB_JAVA_OPTS}._${BENCH_NOTE:+ $BENCH_NOTE}"
    tail -n +2 "$RESULTS"; } >"bench/results/$s.md"
done

{
  cat <<MD
# Performance

Figures from \`bench/run.sh\` (assembled from \`bench/results/\`; do not edit by hand). Hub, fake
engines, Redis, nginx and load generators share one machine, so every figure includes the load
generator's own cost. Each section says when and how it was measured; hubs run with
\`-XX:+ExitOnOutOfMemoryError\` and G1 unless the section says otherwise.

- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -r)

MD
  for s in "${ALL[@]}"; do
    [ -f "bench/results/$s.md" ] && cat "bench/results/$s.md"
  done
  [ -f bench/NOTES.md ] && cat bench/NOTES.md
} >docs/performance.md
log "wrote docs/performance.md"
