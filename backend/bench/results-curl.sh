#!/usr/bin/env bash
# The reports over plain HTTP (curl), against a server that `HOLD=1800 bash backend/bench/results.sh`
# keeps up with the full-size country loaded (docs/benchmarks.md, «Results», session 8): the test
# client of ResultsBenchmark checks every response against openapi.yaml, which is not what a
# coordinator's browser pays. Baseline in the same run: GET /api/campaigns/{id} (one indexed read).
#   bash backend/bench/results-curl.sh HTTP_PORT CAMPAIGN ORGANIZATION [N=200]
# HTTP_PORT: the test server's port (`ss -ltnp | grep java`: the one answering /oauth2/token);
# CAMPAIGN and ORGANIZATION: printed by results.sh's "holding … for EXPLAIN" line.
set -euo pipefail
port=$1 campaign=$2 organization=$3 n=${4:-200}
base="http://127.0.0.1:$port"
token=$(curl -sf "$base/oauth2/token" -d grant_type=password -d username=federal \
  -d password=federal-demo | jq -r .access_token)
report="/api/campaigns/$campaign/results/reports/math-5"
echo "uptime before: $(uptime)"
for uri in "/api/campaigns/$campaign" "$report" "$report?organizationId=$organization" \
  "/api/campaigns/$campaign" "$report?organizationId=$organization"; do
  for _ in $(seq 1 "$n"); do
    curl -s -o /dev/null -H "Authorization: Bearer $token" -w '%{http_code} %{time_total}\n' "$base$uri"
  done | awk -v u="$uri" '$1 != 200 {bad++} {a[NR] = $2 * 1000}
    END {asort(a); printf "%-60s n=%d median %.1f ms, p95 %.1f ms, max %.1f ms, not 200: %d\n",
      u, NR, a[int(NR / 2) + 1], a[int(NR * 0.95)], a[NR], bad}'
done
echo "uptime after: $(uptime)"
