#!/usr/bin/env bash
# Benchmark: participants submitting questionnaires at once, against two ceilings measured in the
# same run on the same machine: an HTTP one (the same security filter chain and JWT check, one
# R2DBC insert of the same body; questionnaires.SubmitCeilingRoutes, only under the `bench` Spring
# profile this script starts the jar with) and inserting the same rows straight into PostgreSQL.
#
#   mvn -B -q -DskipTests package && bash backend/bench/questionnaire-load.sh
#   # knobs: PARTICIPANTS=120000 CONCURRENCY=1000 DURATION=60 WARMUP=20 RATE=0 (0: half the
#   #        capacity measured in the run) HEAP=2g HTTP_PORT=18083 PG_PORT=55434 READY_SECONDS=180
#   #        JAR=another build's oko.jar (an older one without the bench profile: no HTTP ceiling)
#   #        REUSE_CLASSPATH=1 (skip rebuilding the load generator) CLASSES=its classes elsewhere
#   # crash:  MODE=kill  — kill -9 the server (and crash its PostgreSQL) KILL_AFTER=20 s into the
#   #         burst, restart it, and count the acknowledged submissions that survived
#   # broker: MODE=kafka-down — the server runs with an unreachable Kafka; submissions must still be
#   #         acknowledged and kept, their events wait in the outbox and go out once Kafka is back
#
# Setup (not measured): an ОМК of region 64 with subject rus, CONDUCT open, a TEACHER questionnaire
# (bench/questionnaire/definition.json), PARTICIPANTS kits assigned to the region's assessment
# points through the API (which makes their credentials), the credentials read with psql.
# Needs jq and psql (postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."

PARTICIPANTS=${PARTICIPANTS:-120000}
CONCURRENCY=${CONCURRENCY:-1000}
DURATION=${DURATION:-60}
HEAP=${HEAP:-2g}
HTTP_PORT=${HTTP_PORT:-18083}
PG_PORT=${PG_PORT:-55434}
MODE=${MODE:-load}
KILL_AFTER=${KILL_AFTER:-20}
WARMUP=${WARMUP:-20}
RATE=${RATE:-0} # submissions/s of the paced phase; 0: half the ceiling measured in the run
JAR=${JAR:-backend/target/oko.jar} # another build's jar: JAR=/path/oko.jar
BENCH=backend/bench/questionnaire
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in jq psql; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

cp=backend/target/bench-classpath.txt
[ -n "${REUSE_CLASSPATH:-}" ] && [ -s "$cp" ] || mvn -B -q -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
pid=
start_server() { # $1: extra environment, e.g. OKO_KAFKA_BOOTSTRAP=...
  env SPRING_PROFILES_ACTIVE=${PROFILE:-bench} OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT ${1:-} \
    java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" >>"$data/oko.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 "${READY_SECONDS:-180}"); do
    curl -s -o /dev/null "http://localhost:$HTTP_PORT/actuator/health/liveness" && return 0
    sleep 1
  done
  echo "the server did not start; see $data/oko.log" >&2
  exit 1
}
stop_server() { [ -n "$pid" ] && { kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; }; pid=; }
trap 'rc=$?; [ $rc -ne 0 ] && tail -20 "$data/oko.log" >&2; stop_server; rm -rf "$data"' EXIT

base="http://localhost:$HTTP_PORT"
jdbc="jdbc:postgresql://localhost:$PG_PORT/oko"
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }

if [ "$MODE" = kafka-down ]; then
  start_server OKO_KAFKA_BOOTSTRAP=localhost:9 # nothing listens there
else
  start_server
fi
# Demo accounts are created just after start-up (a minute later without Kafka). Waiting on the
# log, not on sign-in attempts: fifty failed ones would lock this address out.
for _ in $(seq 1 "${READY_SECONDS:-180}"); do
  grep -q "Demo accounts created" "$data/oko.log" && break
  sleep 1
done
FED=$(curl -sf "$base/oauth2/token" -d grant_type=password -d username=federal \
  -d password=federal-demo | jq -r .access_token)
api() { curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' "$@"; }

campaign=$(api -X POST "$base/api/campaigns" -d '{"kind":"OMK",
  "title":"ОМК (бенчмарк анкетирования)", "academicYear":"2025/2026", "regionCodes":["64"],
  "subjects":[{"key":"rus","name":"Русский язык"}]}' | jq -r .id)
now=$(date -u +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
stages="[{\"code\":\"CONDUCT\",\"opensAt\":\"$(iso $((now - 3600)))\",\"closesAt\":\"$(iso $((now + 86400)))\"},
  {\"code\":\"QUESTIONNAIRE\",\"opensAt\":\"$(iso $((now + 86400)))\",\"closesAt\":\"$(iso $((now + 172800)))\"}]"
api -X PUT "$base/api/campaigns/$campaign/schedule" -d "{\"version\":0,\"stages\":$stages}" >/dev/null \
  || api -X PUT "$base/api/campaigns/$campaign/schedule" -d "{\"version\":1,\"stages\":$stages}" >/dev/null
api -X POST "$base/api/campaigns/$campaign/questionnaires" -d @"$BENCH/definition.json" >/dev/null

# Kits in ranges of 10 000 (the largest a range may be), spread over the region's points.
mapfile -t points < <(sql "select login from organization where region_code = '64'
  and kind = 'ASSESSMENT_POINT' order by login")
ranges=$(jq -nc --argjson n "$PARTICIPANTS" --args '[range(0; ($n + 9999) / 10000 | floor) as $i
  | {organization: $ARGS.positional[$i % ($ARGS.positional | length)],
     first: (100000 + $i * 10000), last: (100000 + ([($i + 1) * 10000, $n] | min) - 1)}]' \
  "${points[@]}")
api -X POST "$base/api/campaigns/$campaign/kits" \
  -d "{\"subjectKey\":\"rus\",\"ranges\":$ranges}" >/dev/null
sql "select login || ' ' || password from kit_credential where campaign_id = $campaign" \
  >"$data/credentials.txt"

echo "OKO questionnaire load benchmark ($MODE): $(nproc) cores, server -Xmx$HEAP, $(date -u +%F)"
echo "kits: $(wc -l <"$data/credentials.txt") over ${#points[@]} points"
run_load() { # $@: extra JVM options
  java -Xmx2g -Dbench.warmup="$WARMUP" -Dbench.rate="$RATE" -Dbench.serverPid="$pid" \
    -Dbench.postgresPid="$(head -1 "$data/oko/postgres/postmaster.pid")" "$@" -cp "${CLASSES:-backend/target/test-classes:backend/target/classes}:$(cat $cp)" \
    org.oko.questionnaires.bench.QuestionnaireLoadBenchmark "$base" "$jdbc" \
    "$data/credentials.txt" "$BENCH/answers.json" "$CONCURRENCY" "$DURATION" "$data/acked.txt"
}
acknowledged_kept() {
  psql -qtA -h localhost -p "$PG_PORT" -U postgres oko <<SQL
create temp table acked (login text);
\copy acked from '$data/acked.txt'
select count(*) from questionnaire_session s join acked a using (login) where s.status = 'SUBMITTED';
SQL
}

case "$MODE" in
  load)
    run_load
    ;;
  kill)
    run_load -Dbench.skipCheck=true -Dbench.skipCeiling=true &
    load=$!
    # The prepare phase runs first; wait until the burst has begun before crashing.
    until [ -n "$(sql "select 1 from questionnaire_session where status = 'SUBMITTED' limit 1")" ]; do
      sleep 0.2
    done
    sleep "$KILL_AFTER"
    postmaster=$(head -1 "$data/oko/postgres/postmaster.pid")
    kill -9 "$pid"
    kill -QUIT "$postmaster" # PostgreSQL's immediate shutdown: no checkpoint, WAL replay on start
    echo "killed the server (kill -9) and crashed its PostgreSQL, $KILL_AFTER s into the burst"
    pid=
    wait $load || true
    while kill -0 "$postmaster" 2>/dev/null; do sleep 0.2; done
    start_server
    acked=$(wc -l <"$data/acked.txt")
    echo "after restart: $acked acknowledged before the crash, $(acknowledged_kept) of them SUBMITTED"
    echo "events in the outbox for submitted sessions: $(sql "select count(*) from outbox
      where topic = 'questionnaires.QuestionnaireSubmitted'"), submitted sessions:
      $(sql "select count(*) from questionnaire_session where status = 'SUBMITTED'")"
    ;;
  kafka-down)
    run_load -Dbench.skipCeiling=true
    echo "with Kafka unreachable: $(sql "select count(*) from outbox where published_at is null
      and topic = 'questionnaires.QuestionnaireSubmitted'") submission events wait in the outbox"
    stop_server
    start_server
    for _ in $(seq 1 120); do
      left=$(sql "select count(*) from outbox where published_at is null")
      [ "$left" = 0 ] && break
      sleep 1
    done
    echo "Kafka back: $(sql "select count(*) from outbox where published_at is not null
      and topic = 'questionnaires.QuestionnaireSubmitted'") published, $left unpublished;" \
      "$(acknowledged_kept) of $(wc -l <"$data/acked.txt") acknowledged are SUBMITTED"
    ;;
esac
