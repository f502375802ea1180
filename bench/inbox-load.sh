#!/usr/bin/env bash
# Inbox, routing and queue on a large database (issue 4's benchmark): inbox lists and counts, opening a conversation
# with 500 messages, and automatic assignment under 200 arrivals a second. Drives Sohbet with bench/InboxLoad.java
# (JDK only, run from source); the decisions mode runs bench/RoutingDecisions.java with Sohbet in its own JVM.
#
#   ./mvnw -q -B -ntp -DskipTests package   # first: this script builds nothing
#   bench/inbox-load.sh                     # generate, then lists, open, routing and decisions; drops the database
#   BENCH_KEEP_DB=1 bench/inbox-load.sh     # keep the generated database for re-runs ...
#   BENCH_REUSE_DB=1 BENCH_MODES=lists bench/inbox-load.sh   # ... and measure again without generating
#   BENCH_DROP_ONLY=1 bench/inbox-load.sh   # drop a kept database
#
# Modes: lists and open (console requests), routing (whole visitors over the network: socket, hello, first message,
# resolve over HTTP) and decisions (the router fed at the service layer, the same calls the visitor socket makes for
# a first message, without the visitor edge; see bench/RoutingDecisions.java).
#
# Settings (environment): BENCH_DB (sohbet_bench), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# BENCH_MODES ("lists open routing decisions"), BENCH_CLIENTS (2 closed-loop clients for lists and open),
# BENCH_SECONDS (30 per measurement), BENCH_WARMUP (10 s; the decisions mode uses BENCH_DECISIONS_WARMUP, 60 s, since
# its server starts cold), BENCH_RATE (200 arrivals/s), BENCH_HOLD (5 s a chat stays open before its agent resolves
# it), BENCH_PORT (18283).
#
# Needs a local PostgreSQL 15+ that the user can create databases on (trust auth). Sohbet's own Flyway migrations
# make the schema and the first-owner seeding makes account 1 and its owner; bench/inbox-data.sql then fills the
# rest with generate_series. The server binds 127.0.0.1 and is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-sohbet_bench}"
PORT="${BENCH_PORT:-18283}"
JDK="${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
JAVA="$JDK/bin/java"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseZGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xmx1g}"
LOAD_OPTS="${LOAD_OPTS:--Xmx1g -Xss512k -XX:+UseZGC}"
MODES="${BENCH_MODES:-lists open routing decisions}"
SECONDS_RUN="${BENCH_SECONDS:-30}"
WARMUP="${BENCH_WARMUP:-10}"
RATE="${BENCH_RATE:-200}"
HOLD="${BENCH_HOLD:-5}"
EMAIL=agent1@bench.test
PASSWORD="bench password 1"
DATA="$(mktemp -d /tmp/sohbet-inbox-load-XXXXXX)"
JAR="$(ls target/sohbet-*.jar 2>/dev/null | grep -v original | head -1 || true)"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")

if [ -n "${BENCH_DROP_ONLY:-}" ]; then
  dropdb --if-exists "$DB" && echo "dropped $DB"
  rmdir "$DATA"
  exit 0
fi
[ -n "$JAR" ] || { echo "no jar in target/: run ./mvnw -q -B -ntp -DskipTests package first"; exit 1; }

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [ -z "${BENCH_KEEP_DB:-}" ] && [ -z "${BENCH_REUSE_DB:-}" ]; then
    dropdb --if-exists "$DB" && echo "dropped database $DB (BENCH_KEEP_DB=1 keeps it)"
  else
    echo "kept database $DB; drop it with BENCH_DROP_ONLY=1 bench/inbox-load.sh"
  fi
  # The server's log outlives the run, for reading after a surprising result.
  cp "$DATA/app.log" "${BENCH_APP_LOG:-/tmp/sohbet-inbox-load-app.log}" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

start_server() {
  SOHBET_DATA_DIR="$DATA/data" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    SOHBET_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SOHBET_DATABASE_USER="$PGUSER" \
    SOHBET_ADMIN_EMAIL="$EMAIL" SOHBET_ADMIN_PASSWORD="$PASSWORD" SOHBET_RATE_LIMITS_ENABLED=false \
    "$JAVA" $JAVA_OPTS -jar "$JAR" >>"$DATA/app.log" 2>&1 &
  SERVER_PID=$!
  until curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "Sohbet exited; log:"; tail -30 "$DATA/app.log"; exit 1; fi
    sleep 0.2
  done
}

load() {
  "$JAVA" $LOAD_OPTS bench/InboxLoad.java "$@" --port "$PORT" --password "$PASSWORD" \
    --seconds "$SECONDS_RUN" --warmup "$WARMUP" --clients "${BENCH_CLIENTS:-2}"
}

echo "java: $("$JAVA" -version 2>&1 | head -1)   cores: $(nproc)   PostgreSQL: $("${PSQL[@]}" -d postgres -Atc 'show server_version')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${BENCH_REUSE_DB:-}" ]; then
  echo "== generate"
  t0=$(date +%s)
  dropdb --if-exists "$DB"
  createdb "$DB"
  # Sohbet's migrations make the schema; the first-owner seeding makes account 1, agent 1 and inbox 1.
  start_server
  stop_server
  "${PSQL[@]}" -f bench/inbox-data.sql
  t1=$(date +%s)
  echo "generated in $((t1 - t0)) s (including one start of Sohbet for the migrations)"
fi

# Before a routing or decisions run. On a kept database, an earlier run's arrivals that failed after their
# conversation was made were never resolved and still count as load: end them, so every run starts from the generated
# state. Then vacuum as autovacuum would have (the local server may run without it), so that runs start alike.
prepare_routing() {
  "${PSQL[@]}" -c "update conversation set status = 'resolved', assignee_id = null, queued_at = null,
                     reply_due_at = null, first_response_due_at = null, resolution_due_at = null
                   where id > 1000000 and status <> 'resolved'"  # ids up to 1,000,000 are inbox-data.sql's
  "${PSQL[@]}" -c 'vacuum analyze conversation, conversation_cycle, visitor_session'
}

# After one: decision times, double assignments and loads of the run's window, read from the message table.
check_routing() {
  local out="$1" from to first check
  from=$(sed -n 's/^WINDOW from_id=\([0-9]*\) to_id=\([0-9]*\).*/\1/p' <<<"$out")
  to=$(sed -n 's/^WINDOW from_id=\([0-9]*\) to_id=\([0-9]*\).*/\2/p' <<<"$out")
  first=$(sed -n 's/^WINDOW .*first_id=\([0-9]*\).*/\1/p' <<<"$out")
  check=$("${PSQL[@]}" -At -F ' ' -v first="$first" -v from="$from" -v to="$to" -f bench/inbox-routing-check.sql)
  echo "$check"
  SUMMARY+=("$(grep '^RESULT' <<<"$out")" "$(grep '^RESULT' <<<"$check")")
}

# The decisions mode runs Sohbet inside its own JVM, from the jar's unpacked class path.
decisions() {
  local app="$DATA/app"
  [ -d "$app" ] || { mkdir -p "$app" && (cd "$app" && unzip -q "$OLDPWD/$JAR"); }
  SOHBET_DATA_DIR="$DATA/data" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    SOHBET_DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SOHBET_DATABASE_USER="$PGUSER" \
    SOHBET_ADMIN_EMAIL="$EMAIL" SOHBET_ADMIN_PASSWORD="$PASSWORD" SOHBET_RATE_LIMITS_ENABLED=false \
    "$JAVA" $JAVA_OPTS -cp "$app/BOOT-INF/classes:$app/BOOT-INF/lib/*" bench/RoutingDecisions.java \
    --rate "$RATE" --hold "$HOLD" --seconds "$SECONDS_RUN" --warmup "${BENCH_DECISIONS_WARMUP:-60}" \
    2>>"$DATA/app.log" | tee -a "$DATA/app.log" | grep -E '^(decisions:|arrivals |arrival|WINDOW|RESULT)'
}

SUMMARY=()
for mode in $MODES; do
  echo
  echo "== $mode   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  case "$mode" in
    lists | open)
      [ -n "$SERVER_PID" ] || start_server
      out=$(load "$mode"); echo "$out"
      SUMMARY+=("$(grep '^RESULT' <<<"$out")")
      ;;
    routing)
      [ -n "$SERVER_PID" ] || start_server
      prepare_routing
      # Every chat ends HOLD s after it starts (its account's owner resolves it), so capacity frees as in a shift.
      out=$(load routing --rate "$RATE" --hold "$HOLD"); echo "$out"
      # Let the last resolves land before checking.
      sleep $((HOLD + 3))
      check_routing "$out"
      ;;
    decisions)
      stop_server  # this mode's JVM is the server
      prepare_routing
      out=$(decisions) || echo "the driver reported failed arrivals; its log is kept in ${BENCH_APP_LOG:-/tmp/sohbet-inbox-load-app.log}"
      echo "$out"
      check_routing "$out"
      ;;
    *) echo "unknown mode $mode"; exit 1 ;;
  esac
done
stop_server

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
