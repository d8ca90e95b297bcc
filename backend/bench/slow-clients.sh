#!/usr/bin/env bash
# Benchmark: slow clients (slowloris-style) — CLIENTS connections that ask and then never read must
# not make the server hold memory without bound, must not slow other clients down, and must give
# everything back when they go away (issue 15, "Faults").
#
#   mvn -B -q -DskipTests package && bash backend/bench/slow-clients.sh
#   # knobs: CLIENTS=1000 HOLD=30 SIZE_MB=50 ORGS=50 INTERVAL_MS=200 HEAP=512m
#   #        PHASES=downloads,sockets (one or both)
#   #        SEND_TIMEOUT=60s (the server's OKO_HTTP_SEND_TIMEOUT; 0: off) GIVE_UP=90 (how long to
#   #        wait, after the hold, for the server to close the stalled connections)
#   #        HTTP_PORT=18086 PG_PORT=55437 REUSE_CLASSPATH=1 (skip the test-compile)
#
# Starts the built jar on its own ports with a fresh embedded PostgreSQL and Kafka and the demo
# data, -Xmx$HEAP and native memory tracking (so Netty's direct buffers can be counted). The
# federal organizer uploads a SIZE_MB attachment to a new publication of the demo ВПР and
# publishes it to region 64's schools. Then SlowClientsBenchmark (test sources,
# org.oko.platform.web.bench) measures, against a baseline with no extra connection in the same
# run: CLIENTS downloads of that file by edu640001 on sockets with a tiny receive buffer that never
# read, held HOLD s; then CLIENTS /ws/live sockets of region64 subscribed to the demo scanning
# campaign of region 64 that stop reading while ORGS organizations get an accepted sheet every
# INTERVAL_MS. Heap after a full GC (jcmd), native "Other" memory, RSS, open files (/proc), kernel
# send queues (ss), timed requests of a well-behaved client meanwhile; then, the clients still
# holding on, until the server has closed the stalled connections (OKO_HTTP_SEND_TIMEOUT), and
# once the clients have gone. Needs jq, psql, jcmd and ss.
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS=${CLIENTS:-1000}
HOLD=${HOLD:-30}
SIZE_MB=${SIZE_MB:-50}
ORGS=${ORGS:-50}
INTERVAL_MS=${INTERVAL_MS:-200}
HEAP=${HEAP:-512m}
SEND_TIMEOUT=${SEND_TIMEOUT:-}
GIVE_UP=${GIVE_UP:-90}
PHASES=${PHASES:-downloads,sockets}
HTTP_PORT=${HTTP_PORT:-18086}
PG_PORT=${PG_PORT:-55437}
JAR=backend/target/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in jq psql jcmd ss; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
# Every client is a socket on both ends, and every download an open file on the server.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

cp=backend/target/bench-classpath.txt
[ -n "${REUSE_CLASSPATH:-}" ] && [ -f "$cp" ] || mvn -B -q -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
args=()
[ -n "$SEND_TIMEOUT" ] && args+=("--oko.http.send-timeout=$SEND_TIMEOUT")
env OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" -XX:NativeMemoryTracking=summary ${SERVER_JAVA_OPTS:-} -jar "$JAR" "${args[@]}" \
  >>"$data/oko.log" 2>&1 &
pid=$!
# The server's log is kept in backend/target/slow-clients-server.log: what it said about the clients.
trap 'rc=$?; [ $rc -ne 0 ] && tail -20 "$data/oko.log" >&2; kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  cp "$data/oko.log" backend/target/slow-clients-server.log; rm -rf "$data"; exit $rc' EXIT
base="http://localhost:$HTTP_PORT"
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "$base/actuator/health/readiness" && break
  sleep 1
done
for _ in $(seq 1 180); do
  grep -q "Demo accounts created" "$data/oko.log" && break
  sleep 1
done
sleep 5 # demo campaigns and publications are created just after readiness

sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }
token() { curl -sf "$base/oauth2/token" -d grant_type=password -d username="$1" -d password="$2" \
  | jq -r .access_token; }
FED=$(token federal federal-demo)
REGION=$(token region64 region64-demo)
SCHOOL=$(token edu640001 edu640001-demo)

# A zip-looking file (the type check reads the first bytes) of SIZE_MB random bytes, published to
# region 64's schools as materials.sh does.
file="$data/variants.zip"
{ printf 'PK\003\004'; head -c $((SIZE_MB * 1024 * 1024 - 4)) /dev/urandom; } >"$file"
vpr=$(curl -sf -H "Authorization: Bearer $FED" "$base/api/campaigns?kind=VPR" | jq '.items[0].id')
pub=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  "$base/api/publications" -d "{\"campaignId\":$vpr,\"title\":\"Медленные клиенты\",\"body\":\"\",
  \"audience\":{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],\"sampleOnly\":false}}" | jq .id)
attachment=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$file" "$base/api/publications/$pub/attachments?fileName=variants.zip&kind=VARIANTS" \
  | jq .id)
curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  "$base/api/publications/$pub/publish" -d '{}' >/dev/null
path="/api/publications/$pub/attachments/$attachment/content"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SCHOOL" -r 0-99 "$base$path")
[ "$status" = 206 ] || { echo "the school cannot download the attachment ($status)" >&2; exit 1; }
scanning=$(sql "select id from campaign where title = 'ОМК-2026 (осень): сканирование и проверка экспертами'")

echo "OKO slow clients benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "server -Xmx$HEAP, send timeout ${SEND_TIMEOUT:-default}, ${SIZE_MB} MB file, $CLIENTS clients," \
  "hold ${HOLD} s, $(date -u +%F)"
java -Xmx512m -Dbench.orgs="$ORGS" -Dbench.interval="$INTERVAL_MS" -Dbench.give-up="$GIVE_UP" \
  -Dbench.phases="$PHASES" \
  -cp "backend/target/test-classes:backend/target/classes:$(cat $cp)" \
  org.oko.platform.web.bench.SlowClientsBenchmark "$base" "$pid" "$path" "$SCHOOL" "$REGION" \
  "$scanning" "jdbc:postgresql://localhost:$PG_PORT/oko" "$CLIENTS" "$HOLD"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
