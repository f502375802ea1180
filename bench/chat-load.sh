#!/usr/bin/env bash
# Live-chat load: visitor → agent latency at a fixed rate, sustained messages a second, and memory with idle visitor
# sockets. Drives the sockets with bench/ChatLoad.java (JDK only, run from source).
#
#   ./mvnw -q -B -ntp -DskipTests package   # first: this script builds nothing
#   bench/chat-load.sh                      # all three modes
#   BENCH_MODES="latency idle" bench/chat-load.sh
#
# Settings (environment): BENCH_RATE (1000 msg/s), BENCH_SECONDS (30), BENCH_WARMUP (15 s, latency), BENCH_VISITORS (100, latency),
# BENCH_THROUGHPUT_VISITORS (400), BENCH_IDLE_SOCKETS (10000), BENCH_PORT (18282).
#
# Starts Sohbet from target/ on a fresh data directory under /tmp with the first owner seeded, and with
# SOHBET_RATE_LIMITS_ENABLED=false: one address at a high rate would hit the widget's abuse limits (for load tests
# only). Each mode gets its own server start, so one mode's conversations don't weigh on the next. For the idle mode
# it reads the JVM's heap after a full GC (jcmd GC.run, GC.heap_info), the JVM's RSS and the embedded PostgreSQL's
# PSS, before the sockets and while they are open. Every server is stopped by its PID, and the script checks that no
# PostgreSQL of its data directory is left.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18282}"
JDK="${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
JAVA="$JDK/bin/java"
JCMD="$JDK/bin/jcmd"
# Latency and throughput run with ZGC on both sides: G1's young pauses (20-30 ms here, in the server and in the load
# generator alike) were most of the p99. The idle mode measures the heap with G1, whose heap_info the script reads.
JAVA_OPTS="${JAVA_OPTS:--XX:+UseZGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xmx1g}"
IDLE_JAVA_OPTS="${IDLE_JAVA_OPTS:--XX:+UseG1GC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xmx1g}"
LOAD_OPTS="${LOAD_OPTS:--Xmx1g -Xss512k -XX:+UseZGC}"
MODES="${BENCH_MODES:-latency throughput idle}"
RATE="${BENCH_RATE:-1000}"
SECONDS_RUN="${BENCH_SECONDS:-30}"
WARMUP="${BENCH_WARMUP:-15}"
VISITORS="${BENCH_VISITORS:-100}"
TP_VISITORS="${BENCH_THROUGHPUT_VISITORS:-400}"
IDLE="${BENCH_IDLE_SOCKETS:-10000}"
EMAIL=bench@sohbet.test
PASSWORD="bench password 1"
DATA="$(mktemp -d /tmp/sohbet-chat-load-XXXXXX)"
JAR="$(ls target/sohbet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
[ -n "$JAR" ] || { echo "no jar in target/: run ./mvnw -q -B -ntp -DskipTests package first"; exit 1; }

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
  fi
  SERVER_PID=""
  local dir="$1"
  for _ in $(seq 1 100); do pgrep -f "postgres.*$dir" >/dev/null || break; sleep 0.1; done
  if pgrep -f "postgres.*$dir" >/dev/null; then
    echo "PostgreSQL still running after stop; stopping it"
    kill -INT "$(head -1 "$dir/postgres/postmaster.pid")" 2>/dev/null || true
  fi
}
CURRENT=""
trap 'stop_server "$CURRENT"; rm -rf "$DATA"' EXIT

start_server() {
  CURRENT="$DATA/$1"
  mkdir -p "$CURRENT"
  SOHBET_DATA_DIR="$CURRENT" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 SOHBET_ADMIN_EMAIL="$EMAIL" \
    SOHBET_ADMIN_PASSWORD="$PASSWORD" SOHBET_RATE_LIMITS_ENABLED=false \
    "$JAVA" $([ "$1" = idle ] && echo "$IDLE_JAVA_OPTS" || echo "$JAVA_OPTS") -jar "$JAR" >"$CURRENT/app.log" 2>&1 &
  SERVER_PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "Sohbet exited; log:"; tail -30 "$CURRENT/app.log"; exit 1; fi
    sleep 0.1
  done
}

load() {
  "$JAVA" $LOAD_OPTS bench/ChatLoad.java "$@" --port "$PORT" --email "$EMAIL" --password "$PASSWORD"
}

pss_of_postgres() {
  local total=0
  for pid in $(pgrep -f "postgres.*$CURRENT" || true); do
    local pss
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${pss:-0}))
  done
  echo $((total / 1024))
}

# Heap in use after a full collection, in MB (SerialGC: young + tenured "used").
heap_after_gc() {
  "$JCMD" "$SERVER_PID" GC.run >/dev/null
  "$JCMD" "$SERVER_PID" GC.heap_info | awk '/ used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v); s += v } }
    END { printf "%d", s / 1024 }'
}

memory() {
  local rss
  rss=$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$SERVER_PID/status")
  printf 'heap used after GC %4d MB   JVM RSS %5d MB   PostgreSQL PSS %4d MB   threads %5d' \
    "$(heap_after_gc)" "$rss" "$(pss_of_postgres)" "$(awk '/^Threads:/ {print $2}' "/proc/$SERVER_PID/status")"
}

SUMMARY=()
echo "java: $("$JAVA" -version 2>&1 | head -1)   cores: $(nproc)"
echo "server options: $JAVA_OPTS (idle: $IDLE_JAVA_OPTS)   load generator: $LOAD_OPTS"

for mode in $MODES; do
  echo
  echo "== $mode"
  start_server "$mode"
  case "$mode" in
    latency)
      out=$(load latency --rate "$RATE" --seconds "$SECONDS_RUN" --visitors "$VISITORS" --warmup "$WARMUP"); echo "$out"
      SUMMARY+=("$(grep '^RESULT' <<<"$out")")
      ;;
    throughput)
      out=$(load throughput --seconds "$SECONDS_RUN" --visitors "$TP_VISITORS" ); echo "$out"
      SUMMARY+=("$(grep '^RESULT' <<<"$out")")
      ;;
    idle)
      sleep 5
      before="before the sockets: $(memory)"
      echo "$before"
      load idle --sockets "$IDLE" --hold 60 >"$CURRENT/idle.out" 2>&1 &
      LOAD_PID=$!
      until grep -q '^HOLDING' "$CURRENT/idle.out" 2>/dev/null; do
        if ! kill -0 "$LOAD_PID" 2>/dev/null; then cat "$CURRENT/idle.out"; exit 1; fi
        sleep 0.5
      done
      sleep 10
      during="with $(grep '^HOLDING' "$CURRENT/idle.out" | cut -d' ' -f2) idle sockets: $(memory)"
      echo "$during"
      wait "$LOAD_PID" || true
      cat "$CURRENT/idle.out"
      SUMMARY+=("idle $before" "idle $during" "$(grep '^RESULT' "$CURRENT/idle.out")")
      ;;
    *) echo "unknown mode $mode"; exit 1 ;;
  esac
  stop_server "$CURRENT"
done

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
