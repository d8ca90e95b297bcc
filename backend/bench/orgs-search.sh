#!/usr/bin/env bash
# Benchmark: organization search and the region tree over HTTP, against a baseline endpoint
# that does no database work, in the same run, on a hierarchy of national size.
#
#   mvn -B -q -DskipTests package && bash backend/bench/orgs-search.sh
#
# Starts the built jar on loopback with a fresh embedded PostgreSQL, adds ORGS organizations
# (default 40 000, about the number of schools in Russia) to region 64, then drives each
# endpoint with wrk for DURATION seconds. Needs wrk (apt-get install -y wrk) and psql.
set -euo pipefail
cd "$(dirname "$0")/../.."

ORGS=${ORGS:-40000}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
HTTP_PORT=${HTTP_PORT:-18080}
PG_PORT=${PG_PORT:-55432}
JAR=backend/target/oko.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }

data=$(mktemp -d)
log="$data/oko.log"
OKO_DATA_DIR="$data" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx1g -jar "$JAR" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null \
  || { echo "OKO did not become ready; see $log" >&2; tail -50 "$log" >&2; exit 1; }
# The demo loader runs just before readiness; wait until its last organization is there.
for _ in $(seq 1 60); do
  n=$(psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "select count(*) from organization")
  [ "$n" -ge 300 ] && break
  sleep 1
done

psql -q -h localhost -p "$PG_PORT" -U postgres oko <<SQL
insert into organization (login, name, kind, region_code, municipality_id, settlement_type,
                          education_levels, address)
select 'edu64' || lpad((1000 + g)::text, 6, '0'),
       (array['МОУ «Средняя общеобразовательная школа № ', 'МОУ «Гимназия № ',
              'МОУ «Лицей № ', 'МОУ «Основная общеобразовательная школа № '])[1 + g % 4]
         || g || '» с. Посёлок-' || (g % 500),
       'SCHOOL', '64', (select min(id) from municipality where region_code = '64') + g % 4,
       (array['CITY', 'TOWN', 'VILLAGE'])[1 + g % 3], '{PRIMARY,BASIC,SECONDARY}',
       'с. Посёлок-' || (g % 500) || ', ул. Школьная, д. ' || (g % 90 + 1)
from generate_series(1, $ORGS) g;
vacuum analyze organization;
SQL
total=$(psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "select count(*) from organization")
muni=$(psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "select min(id) from municipality where region_code = '64'")

base="http://localhost:$HTTP_PORT"
declare -a names=(
  "baseline: /actuator/health/liveness (no database)"
  "first page of a region (count + page)"
  "page 50 of a municipality"
  "name search «лицей» in a region"
  "exact login search"
  "region tree (counts per municipality and kind)"
)
declare -a urls=(
  "$base/actuator/health/liveness"
  "$base/api/organizations?regionCode=64&size=20"
  "$base/api/organizations?municipalityId=$muni&page=50&size=20"
  "$base/api/organizations?regionCode=64&q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9&size=20"
  "$base/api/organizations?q=edu64001234"
  "$base/api/regions/64/tree"
)

echo "OKO benchmark: $total organizations, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores, $(date -u +%F)"
printf '| %-55s | %10s | %9s | %9s |\n' "endpoint" "req/s" "p50 ms" "p99 ms"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..57})" "------------" "-----------" "-----------"
for i in "${!urls[@]}"; do
  # Warm-up: JIT and the connection pool.
  wrk -t2 -c"$CONNECTIONS" -d3s "${urls[$i]}" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${urls[$i]}")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /ms$/) { sub(/ms/,"",v); print v } else if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else { sub(/s/,"",v); print v*1000 } }'; }
  printf '| %-55s | %10s | %9s | %9s |\n' "${names[$i]}" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")"
  [ -z "$errors" ] || echo "  !! $errors"
done
