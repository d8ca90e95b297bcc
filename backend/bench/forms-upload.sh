#!/usr/bin/env bash
# Benchmark: a ВПР results protocol uploaded as .xlsx over HTTP until it is saved and submitted —
# one school with BIG_ROWS rows, then SCHOOLS schools at once with EACH_ROWS rows each — against a
# baseline in the same run: the same bytes uploaded as a publication attachment (streamed to disk,
# never read). Server heap is sampled with jstat during the uploads.
#
# Heap (issue 24, "≤ 256 MB"): "heap in use at most" (jstat, every 0.5 s) counts garbage not yet
# collected — G1 lets the young generation grow into whatever heap is free, so at -Xmx2g it mostly
# measures how lazy the collector may be. What the uploads hold is reported twice more:
#   - "live set": LIVE_SAMPLES times (1 s apart) after the schools start uploading at once, a full
#     GC is forced (jcmd GC.run) and the heap in use right after it is read; the largest is shown;
#   - whether the same run succeeds with the server at HEAP=256m with a p95 no worse than at 2g:
#     run the script twice, HEAP=2g and HEAP=256m, and compare the two "per upload" lines.
#
#   mvn -B -q -DskipTests package && bash backend/bench/forms-upload.sh
#   # knobs: BIG_ROWS=200000 SCHOOLS=50 EACH_ROWS=5000 HEAP=2g HTTP_PORT=18082 PG_PORT=55433
#   #        LIVE_SAMPLES=3 (forced full GCs during the concurrent uploads; 0: none)
#   #        WARMUP=1: the big upload once first, untimed, to a twin form as a draft, so that the
#   #        timed one meets a server whose reader is compiled, as in production (0: a cold server)
#   #        SETUP_SQL="…" run against the server's database after the setup (an experiment: an
#   #        index dropped, a setting changed), OKO_DB_POOL_MAX=20 (the server's connection pool)
#   #        SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/oko.jfr" to profile the server
#   #        KAFKA=separate: the server talks to a Kafka broker in a JVM of its own (cluster.sh's,
#   #        on KAFKA_PORT=19192), as in production, instead of the demo mode's in-process broker,
#   #        whose heap would otherwise count as the server's (issue 24: "server heap ≤ 256 MB")
#   #        SERVER_LOG=/path: keep the server's log there
#        JAR=another build's oko.jar (old against new, in turn) REUSE_CLASSPATH=1 (skip
#   #        rebuilding the load generator) CLASSES=the load generator's classes, copied elsewhere
#
# Setup (not measured): a ВПР campaign in region 64 with math-4 (10 tasks) whose RESULTS_PROTOCOL
# stage is open, a results-protocol form, SCHOOLS+1 schools of region 64 put into its published
# sample and given accounts with the demo password of edu640001 straight in the database (psql).
# Needs jq, psql (postgresql-client) and a JDK's jstat.
set -euo pipefail
cd "$(dirname "$0")/../.."

BIG_ROWS=${BIG_ROWS:-200000}
SCHOOLS=${SCHOOLS:-50}
EACH_ROWS=${EACH_ROWS:-5000}
HEAP=${HEAP:-2g}
HTTP_PORT=${HTTP_PORT:-18082}
PG_PORT=${PG_PORT:-55433}
JAR=${JAR:-backend/target/oko.jar} # another build's jar: JAR=/path/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in jq psql jstat jcmd; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

cp=backend/target/bench-classpath.txt
[ -n "${REUSE_CLASSPATH:-}" ] && [ -s "$cp" ] || mvn -B -q -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
kafka_env=()
if [ "${KAFKA:-}" = separate ]; then
  export CLUSTER_DIR="$data/cluster" KAFKA_PORT=${KAFKA_PORT:-19192} OKO_CLASSPATH="$(cat "$cp")"
  bootstrap=$(bash backend/bench/cluster.sh kafka | tail -1)
  kafka_env=(OKO_KAFKA_BOOTSTRAP="$bootstrap")
fi
env "${kafka_env[@]}" OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" >"$data/oko.log" 2>&1 &
pid=$!
cleanup() {
  set +e # the server may be gone already: the rest must still run (its data is 1.5 GB)
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  [ -n "${SERVER_LOG:-}" ] && cp "$data/oko.log" "$SERVER_LOG"
  [ -n "${CLUSTER_DIR:-}" ] && bash backend/bench/cluster.sh down 2>/dev/null
  rm -rf "$data"
}
trap cleanup EXIT
base="http://localhost:$HTTP_PORT"
for _ in $(seq 1 600); do
  curl -sf "$base/actuator/health/readiness" >/dev/null && break
  sleep 1
done
sleep 5 # demo data is created just after readiness

sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }
FED=$(curl -sf "$base/oauth2/token" -d grant_type=password -d username=federal \
  -d password=federal-demo | jq -r .access_token)
api() { curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' "$@"; }

tasks=$(jq -nc '[range(1;11) | {label: tostring, maxScore: 1}]')
campaign=$(api -X POST "$base/api/campaigns" -d "$(jq -nc --argjson t "$tasks" '{kind:"VPR",
  title:"ВПР (бенчмарк загрузки протоколов)", academicYear:"2025/2026", regionCodes:["64"],
  subjects:[{key:"math-4", name:"Математика", grade:4, maxScore:10, tasks:$t}]}')" | jq -r .id)
now=$(date -u +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
api -X PUT "$base/api/campaigns/$campaign/schedule" -d "{\"version\":0,\"stages\":[
  {\"code\":\"RESULTS_PROTOCOL\",\"opensAt\":\"$(iso $((now - 3600)))\",\"closesAt\":\"$(iso $((now + 86400)))\"}]}" >/dev/null \
  || api -X PUT "$base/api/campaigns/$campaign/schedule" -d "{\"version\":1,\"stages\":[
  {\"code\":\"RESULTS_PROTOCOL\",\"opensAt\":\"$(iso $((now - 3600)))\",\"closesAt\":\"$(iso $((now + 86400)))\"}]}" >/dev/null
results_form() { api -X POST "$base/api/campaigns/$campaign/forms" -d '{
  "code": "'"$1"'", "title": "Протокол результатов ВПР, математика, 4 класс",
  "stage": "RESULTS_PROTOCOL", "respondent": "ORGANIZATION", "subjectKey": "math-4",
  "sheets": [{"key": "results", "title": "Результаты", "maxRows": 250000, "columns": [
    {"key": "class", "title": "Класс", "type": "TEXT", "required": true, "maxLength": 10},
    {"key": "code", "title": "Код участника", "type": "PARTICIPANT_CODE", "required": true, "unique": true},
    {"key": "variant", "title": "Вариант", "type": "INTEGER", "required": true, "min": 1, "max": 4},
    {"key": "tasks", "title": "Баллы за задания", "type": "TASK_SCORES", "required": true},
    {"key": "total", "title": "Сумма баллов", "type": "COMPUTED_SUM", "sumOf": ["tasks"]}]}]}' | jq -r .id; }
form=$(results_form results-math-4)
# A twin of the form for the warm-up upload (WARMUP=0: none, the server's first upload is timed).
warmup=()
[ "${WARMUP:-1}" != 0 ] && warmup=(-Dbench.warmupForm="$(results_form results-math-4-warmup)")

mapfile -t logins < <(sql "select login from organization where region_code = '64'
  and kind = 'SCHOOL' and login <> 'edu640001' order by login limit $((SCHOOLS + 1))")
list=$(printf "'%s'," "${logins[@]}"); list=${list%,}
sql "insert into sample_entry (campaign_id, organization_id, region_code, status, participants,
       institution_type, settlement_type)
     select $campaign, id, region_code, 'SELECTED', 100, 'school', settlement_type
     from organization where login in ($list);
     insert into sample_publication values ($campaign, '64', now(), 'bench');
     insert into account (login, display_name, role, region_code, municipality_id,
         organization_id, password_hash, password_set_at)
     select o.login, o.name, 'ORGANIZATION', o.region_code, o.municipality_id, o.id,
         (select password_hash from account where login = 'edu640001'), now()
     from organization o where o.login in ($list)
     on conflict (login) do update set password_hash = excluded.password_hash,
         password_set_at = now();" >/dev/null

[ -n "${SETUP_SQL:-}" ] && sql "$SETUP_SQL" >/dev/null

peak="$data/heap"
echo 0 >"$peak"
( while kill -0 $pid 2>/dev/null; do
    used=$(jstat -gc $pid | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)/1024}')
    [ "${used:-0}" -gt "$(cat "$peak")" ] && echo "$used" >"$peak"
    sleep 0.5
  done ) &
sampler=$!
# The live set: full GCs forced once the schools upload at once (the load generator touches $marker).
marker="$data/concurrent"
live="$data/live"
echo 0 >"$live"
( while kill -0 $pid 2>/dev/null && [ ! -f "$marker" ]; do sleep 0.2; done
  for _ in $(seq 1 "${LIVE_SAMPLES:-3}"); do
    sleep 1
    jcmd $pid GC.run >/dev/null 2>&1 || break
    used=$(jstat -gc $pid | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)/1024}')
    [ "${used:-0}" -gt "$(cat "$live")" ] && echo "$used" >"$live"
  done ) &
liver=$!

echo "OKO forms upload benchmark: $(nproc) cores, server -Xmx$HEAP, Kafka ${KAFKA:-in-process}, $(date -u +%F)"
java -Xmx2g -Dbench.marker="$marker" "${warmup[@]}" \
  -cp "${CLASSES:-backend/target/test-classes:backend/target/classes}:$(cat $cp)" \
  org.oko.forms.bench.FormsUploadBenchmark "$base" "$campaign" "$form" edu640001-demo \
  "$BIG_ROWS" "$EACH_ROWS" federal-demo "${logins[@]}"
kill $sampler 2>/dev/null || true
if [ -f "$marker" ]; then wait $liver 2>/dev/null || true; else kill $liver 2>/dev/null || true; fi
echo "server heap in use at most: $(cat "$peak") MB (jstat, sampled every 0.5 s; garbage included)"
echo "server live set during the concurrent uploads: $(cat "$live") MB (after a forced full GC, largest of ${LIVE_SAMPLES:-3}; server -Xmx$HEAP)"
submitted=$(sql "select count(*) from form_response where form_id = $form and status = 'SUBMITTED'")
echo "responses submitted in the database: $submitted of $((SCHOOLS + 1))"
# The database's own floor, same run: the big upload's rows written by psql's COPY into a table
# made like form_response_row (its indexes, and its foreign key unless the schema dropped it), as
# fast as PostgreSQL takes them with nothing parsed or checked on the way.
# (after the server's own work on the submitted protocols has ended: results read them from Kafka)
idle=0
for _ in $(seq 1 120); do
  if [ "$(sql "select count(*) from pg_stat_activity where datname = 'oko' and state = 'active'
              and pid <> pg_backend_pid()")" = 0 ]; then idle=$((idle + 1)); else idle=0; fi
  [ $idle -ge 3 ] && break # idle for 3 s in a row: results are written in several statements
  sleep 1
done
big=$(sql "select response_id from form_response_row where response_id in
            (select id from form_response where form_id = $form)
           group by response_id order by count(*) desc limit 1")
psql -qtA -h localhost -p "$PG_PORT" -U postgres oko \
  -c "\\copy (select response_id, sheet, position, cells, valid_from from form_response_row where response_id = $big) to '$data/rows.txt'"
fk=$(sql "select count(*) from pg_constraint where conrelid = 'form_response_row'::regclass and contype = 'f'")
sql "create table bench_copy (like form_response_row including all)" >/dev/null
[ "$fk" -gt 0 ] && sql "alter table bench_copy add foreign key (response_id) references form_response (id) on delete cascade" >/dev/null
t0=$(date +%s%N)
psql -qtA -h localhost -p "$PG_PORT" -U postgres oko \
  -c "\\copy bench_copy (response_id, sheet, position, cells, valid_from) from '$data/rows.txt'" >/dev/null
t1=$(date +%s%N)
printf 'database floor: psql COPY of the same %s rows into a table like form_response_row%s: %.2f s\n' \
  "$(sql "select count(*) from bench_copy")" "$([ "$fk" -gt 0 ] && echo ' (with its foreign key)')" \
  "$(awk "BEGIN {print ($t1 - $t0) / 1e9}")"
# The same floor for the concurrent uploads: the schools' rows COPYed into the same table (emptied
# first) by SESSIONS psql sessions at once, each with its share of the schools; the time until the
# last one has ended. One session per school is what the uploads ask of the database; fewer
# sessions show what the same rows cost when PostgreSQL is not asked to take them all at once.
schools=$(sql "select string_agg(response_id::text, ' ') from (select response_id from form_response_row
               where response_id <> $big and response_id in
               (select id from form_response where form_id = $form) group by response_id) r")
for r in $schools; do
  psql -qtA -h localhost -p "$PG_PORT" -U postgres oko \
    -c "\\copy (select response_id, sheet, position, cells, valid_from from form_response_row where response_id = $r) to '$data/rows-$r.txt'"
done
n_schools=$(echo $schools | wc -w)
for sessions in $n_schools ${FLOOR_SESSIONS:-2 1}; do
  [ "$sessions" -le "$n_schools" ] || continue
  sql "truncate bench_copy" >/dev/null
  i=0
  rm -f "$data"/share-*.txt
  for r in $schools; do
    cat "$data/rows-$r.txt" >>"$data/share-$((i % sessions)).txt"
    i=$((i + 1))
  done
  copiers=()
  t0=$(date +%s%N)
  for share in "$data"/share-*.txt; do
    psql -qtA -h localhost -p "$PG_PORT" -U postgres oko \
      -c "\\copy bench_copy (response_id, sheet, position, cells, valid_from) from '$share'" >/dev/null &
    copiers+=($!)
  done
  wait "${copiers[@]}"
  t1=$(date +%s%N)
  printf 'database floor, concurrent: %s psql sessions COPYing the %s schools'"'"' %s rows at once: %.2f s\n' \
    "$sessions" "$n_schools" "$(sql "select count(*) from bench_copy")" \
    "$(awk "BEGIN {print ($t1 - $t0) / 1e9}")"
done
{ kill $pid; wait $pid; } 2>/dev/null || true # ends a flight recording, if any
