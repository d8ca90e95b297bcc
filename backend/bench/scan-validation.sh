#!/usr/bin/env bash
# Benchmark: sheets validated per second by the scan validation pipeline — SHEETS answer sheets
# stored as the uploader stores them (files in the blob directory, then one transaction with the
# batch, the UPLOADED sheets and their outbox events), timed until every one is ACCEPTED (outbox
# relay → Kafka → consumer → file checks, kit and duplicate checks → status + event) — against a
# baseline in the same run: the same files through the same inspection code in a plain loop on one
# thread, without Kafka or the database.
#
#   mvn -B -q -DskipTests package && bash backend/bench/scan-validation.sh
#   # knobs: SHEETS=400 DPI=150 CONCURRENCY=0 (0 = two per core) HEAP=1g HTTP_PORT=18083
#   #        PG_PORT=55434
#
# The sheets belong to edu645001 in the demo ОМК whose scanning is open; the benchmark gives the
# point a range of kits of its own straight in the database (JDBC, no psql needed).
set -euo pipefail
cd "$(dirname "$0")/../.."

SHEETS=${SHEETS:-400}
DPI=${DPI:-150}
CONCURRENCY=${CONCURRENCY:-0}
HEAP=${HEAP:-1g}
HTTP_PORT=${HTTP_PORT:-18083}
PG_PORT=${PG_PORT:-55434}
JAR=backend/target/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }

cp=backend/target/bench-classpath.txt
mvn -B -q -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" \
  --oko.scans.validation-concurrency="$CONCURRENCY" >"$data/oko.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://localhost:$HTTP_PORT"
for _ in $(seq 1 120); do
  curl -sf "$base/actuator/health/readiness" >/dev/null && break
  sleep 1
done
sleep 5 # demo data is created just after readiness

echo "OKO scan validation benchmark: $(nproc) cores, server -Xmx$HEAP," \
  "validation concurrency ${CONCURRENCY/#0/two per core}, $(date -u +%F)"
java -Xmx1g -cp "backend/target/test-classes:backend/target/classes:$(cat $cp)" \
  org.oko.scans.bench.ScanValidationBenchmark \
  "jdbc:postgresql://localhost:$PG_PORT/oko" "$data/oko/blobs" "$SHEETS" "$DPI"
