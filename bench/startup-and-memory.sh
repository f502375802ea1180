#!/usr/bin/env bash
# Measures start-to-ready time and idle memory of Sohbet on its embedded PostgreSQL.
#
#   bench/startup-and-memory.sh [runs]             the executable jar, as built
#   BENCH_AOT=1 bench/startup-and-memory.sh [runs] the extracted jar with a JDK 25 AOT cache (see README, "Faster start")
#
# Builds the jar, starts it once on a fresh data directory (the first run: initdb, migrations), then starts and stops
# it RUNS more times on the same data directory. For each run it reports the time from process start until
# /actuator/health says UP, and, after 20 s idle, the resident memory of the JVM (RSS) and of the embedded PostgreSQL
# (the sum of PSS over its processes, so shared memory is counted once).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-5}"
PORT="${BENCH_PORT:-18181}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)/bin/java}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xmx256m -XX:TieredStopAtLevel=1}"
DATA="$(mktemp -d /tmp/sohbet-bench-XXXXXX)"
trap 'rm -rf "$DATA"' EXIT

./mvnw -B -q -ntp package -DskipTests
JAR="$(ls target/sohbet-*.jar | grep -v original | head -1)"
if [ "${BENCH_AOT:-0}" = "1" ]; then
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DATA/app" >/dev/null
  JAR="$DATA/app/$(basename "$JAR")"
  # Training run: starts the application once, records what it loads, and exits after the context refresh.
  SOHBET_DATA_DIR="$DATA/training" SERVER_PORT="$PORT" "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$DATA/app/sohbet.aot" \
    -Dspring.context.exit=onRefresh -jar "$JAR" >"$DATA/training.log" 2>&1
  # spring.context.exit=onRefresh ends the JVM without closing the context, so the training run's PostgreSQL is
  # still up (an ordinary start on that directory would stop it); stop it here with a fast shutdown.
  kill -INT "$(head -1 "$DATA/training/postgres/postmaster.pid")" 2>/dev/null || true
  while pgrep -f "postgres.*$DATA/training" >/dev/null; do sleep 0.1; done
  JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=$DATA/app/sohbet.aot"
fi

pss_of_postgres() {
  local total=0
  for pid in $(pgrep -f "postgres.*$DATA" || true); do
    local pss
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${pss:-0}))
  done
  echo $((total / 1024))
}

run_once() {
  local label="$1"
  local start end pid
  start=$(date +%s%N)
  SOHBET_DATA_DIR="$DATA" SERVER_PORT="$PORT" SOHBET_ADMIN_EMAIL=bench@sohbet.test \
    SOHBET_ADMIN_PASSWORD="bench password 1" "$JAVA" $JAVA_OPTS -jar "$JAR" >"$DATA/app-$label.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "Sohbet exited; see $DATA/app-$label.log"; exit 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  curl -fsS "http://127.0.0.1:$PORT/login" >/dev/null
  sleep 20
  local rss pg
  rss=$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status")
  pg=$(pss_of_postgres)
  printf '%-6s ready %5d ms   JVM RSS %4d MB   PostgreSQL PSS %3d MB   together %4d MB\n' \
    "$label" $(((end - start) / 1000000)) "$rss" "$pg" $((rss + pg))
  kill -TERM "$pid"
  wait "$pid" || true
  if pgrep -f "postgres.*$DATA" >/dev/null; then echo "PostgreSQL still running after stop"; exit 1; fi
}

echo "java: $("$JAVA" -version 2>&1 | head -1)   options: $JAVA_OPTS"
run_once first
for i in $(seq 1 "$RUNS"); do run_once "run$i"; done
