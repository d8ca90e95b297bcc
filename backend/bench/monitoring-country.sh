#!/usr/bin/env bash
# A country's monitoring (issue 24, part 3; docs/benchmarks.md, «A country's monitoring»).
# CountryMonitoringLoader loads the demo's campaigns at a country's size on top of the demo data:
# REGIONS regions (region 64, whose demo coordinators sign in, with LARGEST more schools; the others
# SCHOOLS schools each), MUNICIPALITIES municipalities per region with one assessment point each, a
# results protocol per school (ROWS rows in form_response_row; 60 % submitted, 20 % drafts),
# SESSIONS questionnaire sessions and SHEETS scanned sheets per point. Then USERS coordinators (half
# federal, half region64) read the monitoring pages' API calls for DURATION seconds (after WARMUP
# seconds of the same); p50/p95/p99 per call, and the baseline — an indexed authenticated GET of a
# campaign — in the same run under the same load. HOLD=seconds keeps the server and its database up
# afterwards for EXPLAIN (the psql command is printed). THINK=ms pauses each coordinator between
# calls (0: every coordinator calls again as soon as it is answered, a closed loop at full speed;
# 3000: people reading each page for 1.5-4.5 s; THINK=0,3000 runs both, one after the other). ALONE=n times each call alone, with no other load,
# before the concurrent load (its own latency: the query's cost without the queue).
# Defaults: the issue's country (85 regions, 2 380 municipalities and points, 40 052 schools,
# 1 000 000 sessions). A tiny check: REGIONS=3 SCHOOLS=50 LARGEST=100 SESSIONS=5000 DURATION=10.
set -euo pipefail
cd "$(dirname "$0")/../.."
REGIONS=${REGIONS:-85}
MUNICIPALITIES=${MUNICIPALITIES:-28}
SCHOOLS=${SCHOOLS:-453}
LARGEST=${LARGEST:-2000}
ROWS=${ROWS:-25}
SESSIONS=${SESSIONS:-1000000}
SHEETS=${SHEETS:-200}
USERS=${USERS:-50}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-60}
HOLD=${HOLD:-0}
THINK=${THINK:-0}
ALONE=${ALONE:-5}
HEAP=${HEAP:-2g}
echo "[monitoring-bench] uptime before: $(uptime)"
mvn -B -o -pl backend test -Dtest=MonitoringCountryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine=-Xmx"$HEAP" -Doko.bench.monitoring=true \
  -Doko.bench.regions="$REGIONS" -Doko.bench.municipalities="$MUNICIPALITIES" \
  -Doko.bench.schools="$SCHOOLS" -Doko.bench.largest="$LARGEST" -Doko.bench.rows="$ROWS" \
  -Doko.bench.sessions="$SESSIONS" -Doko.bench.sheets="$SHEETS" -Doko.bench.users="$USERS" \
  -Doko.bench.warmup="$WARMUP" -Doko.bench.duration="$DURATION" -Doko.bench.hold="$HOLD" \
  -Doko.bench.think="$THINK" -Doko.bench.alone="$ALONE" \
  | grep -E '^\[monitoring-bench\]|Tests run|FAIL|ERROR'
echo "[monitoring-bench] uptime after: $(uptime)"
