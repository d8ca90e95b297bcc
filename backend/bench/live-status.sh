#!/usr/bin/env bash
# Benchmark: live status over WebSockets — time from the commit of a sheet's status change to the
# delta at every connected client, with CLIENTS clients watching region 64 per organization, side
# by side with one client measured in the same run; server heap per connected client.
#
#   mvn -B -q -DskipTests package && bash backend/bench/live-status.sh
#   # knobs: CLIENTS=10000 CHANGES=30 GAP_MS=1000 WARMUP=5 HEAP=1g HTTP_PORT=18084 PG_PORT=55435
#   #        (the issue-24 goal is at 10 000 clients; the server's heap histogram's growth
#   #        per client, class by class, is printed after they connected)
#   #        REUSE_CLASSPATH=1 (skip the test-compile when nothing changed)
#   #        JAR=another build's oko.jar (before against after, in turn)
#   #        RELAY_INTERVAL=200ms (the outbox relay's poll interval) TICK=50ms (the live hub's tick)
#
# Setup (not measured): a ВПР campaign of regions 64 and 02 through the API, one batch of a region-64
# school inserted with psql. Each change inserts one ACCEPTED sheet and its scans.SheetStatusChanged
# outbox row in one transaction over JDBC, as the uploader does. Needs jq, psql and jcmd.
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS=${CLIENTS:-10000}
CHANGES=${CHANGES:-30}
GAP_MS=${GAP_MS:-1000}
WARMUP=${WARMUP:-5}
HEAP=${HEAP:-1g}
HTTP_PORT=${HTTP_PORT:-18084}
PG_PORT=${PG_PORT:-55435}
RELAY_INTERVAL=${RELAY_INTERVAL:-}
TICK=${TICK:-}
JAR=${JAR:-backend/target/oko.jar}
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in jq psql jcmd; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
# Every client is a socket on both ends.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

cp=backend/target/bench-classpath.txt
[ -n "${REUSE_CLASSPATH:-}" ] && [ -f "$cp" ] || mvn -B -q -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
pid=
args=()
[ -n "$RELAY_INTERVAL" ] && args+=("--oko.events.relay-interval=$RELAY_INTERVAL")
[ -n "$TICK" ] && args+=("--oko.live.tick=$TICK")
env OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" "${args[@]}" >>"$data/oko.log" 2>&1 &
pid=$!
trap 'rc=$?; [ $rc -ne 0 ] && tail -20 "$data/oko.log" >&2; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 180); do
  curl -s -o /dev/null "http://localhost:$HTTP_PORT/actuator/health/liveness" && break
  sleep 1
done
for _ in $(seq 1 180); do
  grep -q "Demo accounts created" "$data/oko.log" && break
  sleep 1
done

base="http://localhost:$HTTP_PORT"
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }
token() { curl -sf "$base/oauth2/token" -d grant_type=password -d username="$1" -d password="$2" \
  | jq -r .access_token; }
FED=$(token federal federal-demo)
REGION=$(token region64 region64-demo)
campaign=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  -X POST "$base/api/campaigns" -d '{"kind":"VPR","title":"ВПР (бенчмарк живого статуса)",
  "academicYear":"2025/2026","regionCodes":["64","02"],
  "subjects":[{"key":"rus-4","name":"Русский язык","grade":4,"maxScore":38}]}' | jq -r .id)
school=$(sql "select id from organization where region_code = '64' and kind = 'SCHOOL'
  order by login limit 1")
batch=$(sql "insert into scan_batch (campaign_id, subject_key, organization_id, region_code,
  file_name, size, uploaded_by, created_at, status) values ($campaign, 'rus-4', $school, '64',
  'bench.zip', 1000, 'scan64', now(), 'DONE') returning id" | head -1)

echo "OKO live status benchmark: $(nproc) cores, server -Xmx$HEAP," \
  "relay interval ${RELAY_INTERVAL:-default}, tick ${TICK:-default}, $(date -u +%F)"
java -Xmx1g -Dbench.warmup="$WARMUP" -Dbench.gap="$GAP_MS" \
  -cp "backend/target/test-classes:backend/target/classes:$(cat $cp)" \
  org.oko.live.bench.LiveStatusBenchmark "ws://localhost:$HTTP_PORT/ws/live" \
  "jdbc:postgresql://localhost:$PG_PORT/oko" "$REGION" "$campaign" "$school" "$batch" \
  "$CLIENTS" "$CHANGES" "$pid"
