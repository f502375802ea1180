#!/usr/bin/env bash
# Page-tracking load (issue 5, ADR 30): 10,000 tracked visitors on one node, event ingestion through
# POST /widget/events in batches, and the live visitors list's change-to-screen time while that runs. Drives the
# endpoint with bench/TrackLoad.java (JDK only, run from source).
#
#   ./mvnw -q -B -ntp -DskipTests package   # first: this script builds nothing
#   bench/track-load.sh
#   BENCH_RATE=8000 BENCH_BATCH=10 bench/track-load.sh
#
# Settings (environment): BENCH_VISITORS (10000), BENCH_RATE (5000 events/s), BENCH_BATCH (5 events per POST),
# BENCH_SECONDS (60), BENCH_WARMUP (20 s), BENCH_PORT (18283).
#
# Starts Sohbet from target/ on a fresh data directory under /tmp (embedded PostgreSQL) with the first owner seeded
# and SOHBET_RATE_LIMITS_ENABLED=false. After the run it waits for the visitor module's writer to drain and checks in
# PostgreSQL that every accepted event is a row of visitor_event and every visitor a row of visitor; the writer's
# flushes are read from the log when it is at DEBUG. The server is stopped by its PID, and the script checks that no
# PostgreSQL of its data directory is left.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18283}"
JDK="${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
JAVA="$JDK/bin/java"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseZGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xmx1g}"
LOAD_OPTS="${LOAD_OPTS:--Xmx1g -Xss512k -XX:+UseZGC}"
VISITORS="${BENCH_VISITORS:-10000}"
RATE="${BENCH_RATE:-5000}"
BATCH="${BENCH_BATCH:-5}"
SECONDS_RUN="${BENCH_SECONDS:-60}"
WARMUP="${BENCH_WARMUP:-20}"
EMAIL=bench@sohbet.test
PASSWORD="bench password 1"
DATA="$(mktemp -d /tmp/sohbet-track-load-XXXXXX)"
JAR="$(ls target/sohbet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
[ -n "$JAR" ] || { echo "no jar in target/: run ./mvnw -q -B -ntp -DskipTests package first"; exit 1; }

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
  fi
  SERVER_PID=""
  for _ in $(seq 1 100); do pgrep -f "postgres.*$DATA" >/dev/null || break; sleep 0.1; done
  if pgrep -f "postgres.*$DATA" >/dev/null; then
    echo "PostgreSQL still running after stop; stopping it"
    kill -INT "$(head -1 "$DATA/postgres/postmaster.pid")" 2>/dev/null || true
  fi
}
trap 'stop_server; cp "$DATA/app.log" "$DATA.app.log" 2>/dev/null; rm -rf "$DATA"' EXIT

SOHBET_DATA_DIR="$DATA" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 SOHBET_ADMIN_EMAIL="$EMAIL" \
  SOHBET_ADMIN_PASSWORD="$PASSWORD" SOHBET_RATE_LIMITS_ENABLED=false \
  "$JAVA" $JAVA_OPTS -jar "$JAR" >"$DATA/app.log" 2>&1 &
SERVER_PID=$!
until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "Sohbet exited; log:"; tail -30 "$DATA/app.log"; exit 1; fi
  sleep 0.2
done

PID_FILE="$(find "$DATA" -name postmaster.pid | head -1)"
PGPORT_EMBEDDED="$(sed -n 4p "$PID_FILE")"
sql() { psql -X -q -At -h 127.0.0.1 -p "$PGPORT_EMBEDDED" -U postgres -d sohbet -c "$1"; }

echo "java: $("$JAVA" -version 2>&1 | head -1)   cores: $(nproc)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server options: $JAVA_OPTS   load generator: $LOAD_OPTS"
out=$("$JAVA" $LOAD_OPTS bench/TrackLoad.java --port "$PORT" --email "$EMAIL" --password "$PASSWORD" \
  --visitors "$VISITORS" --rate "$RATE" --batch "$BATCH" --seconds "$SECONDS_RUN" --warmup "$WARMUP")
echo "$out"
expected=$(grep '^EXPECTED_ROWS' <<<"$out" | cut -d' ' -f2)

# The writer flushes every 250 ms; wait until the row count stops moving.
last=-1
for _ in $(seq 1 120); do
  rows=$(sql "select count(*) from visitor_event")
  [ "$rows" = "$last" ] && break
  last=$rows
  sleep 1
done
visitors=$(sql "select count(*) from visitor where visitor_key like 'bench%v%'")
echo "STORED visitor_event rows $rows (accepted events $expected)   visitor rows $visitors"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "Could not (write|record)" "$DATA/app.log" | head -5 || true
[ "$rows" = "$expected" ] || { echo "MISMATCH: accepted events and stored rows differ"; exit 1; }
