#!/usr/bin/env bash
# Help-center search quality and latency (docs/performance.md, "Help-center search"). Runs
# bench/helpcenter/HelpSearchBench.java against the compiled application: it is compiled into the package of
# SearchIndex so that the benchmark measures the server's own analyzers, queries and highlighting.
#
#   ./mvnw -q -B -ntp -DskipTests package   # or compile: this script builds nothing but the benchmark
#   bench/help-search.sh
#
# Settings (environment): BENCH_ARTICLES (10000 generated articles), BENCH_WARMUP (5000), BENCH_QUERIES (20000),
# JAVA_OPTS (-Xmx512m -XX:+UseSerialGC).
set -euo pipefail
cd "$(dirname "$0")/.."

JDK="${JDK:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}"
test -d target/classes/org/sohbet/helpcenter || { echo "Build first: ./mvnw -q -B -ntp -DskipTests compile" >&2; exit 1; }

./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes && mkdir -p target/bench-classes
"$JDK/bin/javac" -nowarn -d target/bench-classes -cp "$CP" bench/helpcenter/HelpSearchBench.java
# shellcheck disable=SC2086
"$JDK/bin/java" $JAVA_OPTS -cp "target/bench-classes:$CP" org.sohbet.helpcenter.HelpSearchBench bench/helpcenter
