#!/usr/bin/env bash
# Benchmark (issue 18): presence marked by OBSERVERS observers on a conduct morning — every
# observer's «Я на месте» once, open loop at RATE a second (22.3/s puts 20 000 marks in 15 minutes,
# the issue's goal), with the p99 of the mark, of the live push to the coordinators' sockets and of
# the board they re-read; side by side with a baseline of indexed authenticated GETs
# (/api/observer/assignments) at the same rate in the same run. Prints `uptime` before and after.
#
#   mvn -B -q -DskipTests package && bash backend/bench/observers-presence.sh
#   # knobs: OBSERVERS=20000 RATE=22.3 BASELINE=1000 HEAP=1g HTTP_PORT=18086 PG_PORT=55437
#   #        REUSE_CLASSPATH=1 (skip the test-compile when nothing changed)
#
# Set-up (not measured): a ВПР campaign of every demo region through the API; OBSERVERS accepted
# independent observers, each assigned for today (its point's local date) to one of the regions'
# schools and assessment points, inserted with psql; their access tokens minted by the load
# generator with the server's own signing key (read from its database) — a bench-only path, the
# product has no endpoint that issues tokens without a password. Needs jq and psql.
set -euo pipefail
cd "$(dirname "$0")/../.."

OBSERVERS=${OBSERVERS:-20000}
RATE=${RATE:-22.3}
BASELINE=${BASELINE:-1000}
HEAP=${HEAP:-1g}
HTTP_PORT=${HTTP_PORT:-18086}
PG_PORT=${PG_PORT:-55437}
JAR=backend/target/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
for tool in jq psql; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

cp=backend/target/bench-classpath.txt
[ -n "${REUSE_CLASSPATH:-}" ] && [ -f "$cp" ] || mvn -B -q -o -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
env OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" >>"$data/oko.log" 2>&1 &
pid=$!
trap 'rc=$?; [ $rc -ne 0 ] && tail -20 "$data/oko.log" >&2; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
for _ in $(seq 1 240); do
  curl -s -o /dev/null "http://localhost:$HTTP_PORT/actuator/health/liveness" && break
  sleep 1
done
for _ in $(seq 1 240); do
  grep -q "Demo accounts created" "$data/oko.log" && break
  sleep 1
done

base="http://localhost:$HTTP_PORT"
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }
token() { curl -sf "$base/oauth2/token" -d grant_type=password -d username="$1" -d password="$2" \
  | jq -r .access_token; }
FED=$(token federal federal-demo)
REGION=$(token region64 region64-demo)
MUN=$(token mun64-engels mun64-demo)
OBS=$(token observer64 observer64-demo)
regions=$(sql "select json_agg(code order by code) from region")
campaign=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  -X POST "$base/api/campaigns" -d "{\"kind\":\"VPR\",\"title\":\"ВПР (бенчмарк присутствия наблюдателей)\",
  \"academicYear\":\"2025/2026\",\"regionCodes\":$regions,
  \"subjects\":[{\"key\":\"rus-4\",\"name\":\"Русский язык\",\"grade\":4,\"maxScore\":38}]}" | jq -r .id)
municipality=$(sql "select id from municipality where region_code = '64' and name like 'Энгельс%'")
sql "insert into observer (campaign_id, kind, status, full_name, workplace, region_code, login,
       created_by, created_at)
     select $campaign, 'INDEPENDENT', 'ACCEPTED', 'Наблюдатель ' || g, 'бенчмарк', '64',
            'bench-observer-' || g, 'bench', now()
     from generate_series(0, $OBSERVERS - 1) g" >/dev/null
sql "with points as (
       select o.id, o.region_code, row_number() over (order by o.id) - 1 as n,
              count(*) over () as total
       from organization o where o.kind in ('SCHOOL', 'ASSESSMENT_POINT'))
     insert into observer_assignment (observer_id, campaign_id, organization_id, region_code, day,
       activity, assigned_by, assigned_at)
     select b.id, $campaign, p.id, p.region_code, (now() at time zone r.time_zone)::date,
            'CONDUCT', 'bench', now()
     from observer b
     join points p on p.n = substring(b.login from 16)::int % p.total
     join region r on r.code = p.region_code
     where b.campaign_id = $campaign" >/dev/null
sql "update observer b set region_code = a.region_code from observer_assignment a
     where a.observer_id = b.id and b.campaign_id = $campaign" >/dev/null
sql "analyze observer; analyze observer_assignment" >/dev/null
points=$(sql "select count(distinct organization_id) from observer_assignment where campaign_id = $campaign")

echo "OKO observers' presence benchmark: $(nproc) cores, server -Xmx$HEAP, $OBSERVERS observers at" \
  "$points points, $(date -u +%FT%TZ)"
echo "uptime before: $(uptime)"
java -Xmx1g -Dbench.rate="$RATE" -Dbench.baseline="$BASELINE" \
  -cp "backend/target/test-classes:backend/target/classes:$(cat $cp)" \
  org.oko.observers.bench.PresenceBenchmark "$base" "jdbc:postgresql://localhost:$PG_PORT/oko" \
  "$campaign" "$OBS" "$FED" "$REGION" "$MUN" "$municipality"
echo "uptime after: $(uptime)"
