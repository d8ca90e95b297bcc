#!/usr/bin/env bash
# Benchmark: bulk creation of ROWS accounts from one .xlsx (issue 19) — region64 uploads a file of
# observers; baseline in the same run: the same file with one bad row in the middle (read, every
# row checked, refused: nothing hashed, nothing written). Then the sign-in hash cost: the BCrypt
# cost the created accounts' hashes carry (the same as one account's and issued credentials'), and
# a sign-in with a created password (read from the answered list) timed beside region64's.
#
#   mvn -B -q -DskipTests package && bash backend/bench/accounts.sh
#   # knobs: ROWS=10000 HEAP=1g HTTP_PORT=18085 PG_PORT=55436 MVN_OFFLINE=-o
# Needs psql (postgresql-client) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-10000}
HEAP=${HEAP:-1g}
HTTP_PORT=${HTTP_PORT:-18085}
PG_PORT=${PG_PORT:-55436}
JAR=backend/target/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }

cp=backend/target/bench-classpath.txt
mvn -B -q ${MVN_OFFLINE:-} -pl backend test-compile dependency:build-classpath -Dfrontend.skip \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp" >/dev/null

data=$(mktemp -d)
OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx"$HEAP" -jar "$JAR" >"$data/oko.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://localhost:$HTTP_PORT"
for _ in $(seq 1 300); do
  curl -sf "$base/actuator/health/readiness" >/dev/null && break
  sleep 1
done
sleep 10 # demo data is created just after readiness
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko -c "$1"; }

prefix="bench-$(date +%s)-"
echo "OKO bulk account creation benchmark: $(nproc) cores, server -Xmx$HEAP, $(date -u +%F)"
echo "uptime before: $(uptime)"
java -Xmx1g -cp "backend/target/test-classes:backend/target/classes:$(cat $cp)" \
  org.oko.accounts.bench.AccountsImportBenchmark "$base" "$ROWS" "$prefix"
echo "accounts in the database: $(sql "select count(*) from account where login like '$prefix%'") of $ROWS"
echo "hash cost of the created accounts (BCrypt prefix → count):"
sql "select substring(password_hash, 1, 7), count(*) from account where login like '$prefix%' group by 1"
echo "hash cost of issued organizations' and demo accounts, for comparison:"
sql "select substring(password_hash, 1, 7), count(*) from account where login not like 'bench-%' and password_hash is not null group by 1"
echo "uptime after: $(uptime)"
