#!/usr/bin/env bash
# Benchmark: sign-in throughput (POST /oauth2/token, grant_type=password) against a baseline
# endpoint without password hashing, in the same run.
#
#   mvn -B -q -DskipTests package && bash backend/bench/login.sh
#
# Starts the built jar on loopback with a fresh embedded PostgreSQL and its demo accounts, then
# drives each request with wrk for DURATION seconds at 1 and at CONNECTIONS connections. The
# 1-connection latency of a sign-in is roughly the cost of one BCrypt check.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
HTTP_PORT=${HTTP_PORT:-18080}
JAR=backend/target/oko.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }

data=$(mktemp -d)
OKO_DATA_DIR="$data" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} java -Xmx1g -jar "$JAR" >"$data/oko.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done
sleep 3 # demo accounts are created just before readiness

cat >"$data/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=password&username=federal&password=federal-demo"
LUA
curl -sf -X POST "http://localhost:$HTTP_PORT/oauth2/token" \
  -d grant_type=password -d username=federal -d password=federal-demo >/dev/null \
  || { echo "sign-in failed; see $data/oko.log" >&2; exit 1; }

base="http://localhost:$HTTP_PORT"
echo "OKO sign-in benchmark: ${DURATION}s each, $(nproc) cores, $(date -u +%F)"
printf '| %-48s | %5s | %9s | %8s | %8s |\n' "request" "conns" "req/s" "p50 ms" "p99 ms"
for c in 1 "$CONNECTIONS"; do
  for what in baseline login; do
    if [ "$what" = baseline ]; then
      args=("$base/actuator/health/liveness"); name="baseline: /actuator/health/liveness"
    else
      args=(-s "$data/login.lua" "$base/oauth2/token"); name="POST /oauth2/token (password, BCrypt cost 10)"
    fi
    wrk -t1 -c"$c" -d3s "${args[@]}" >/dev/null
    out=$(wrk -t1 -c"$c" -d"${DURATION}s" --latency "${args[@]}")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    printf '| %-48s | %5s | %9s | %8s | %8s |%s\n' "$name" "$c" "$rps" "$p50" "$p99" "${non2xx:+ non-2xx: $non2xx}"
  done
done
