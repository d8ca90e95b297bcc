#!/usr/bin/env bash
# Results benchmark (docs/benchmarks.md, «Results»): a synthetic country (SyntheticCountry's
# participants; LOAD=bulk writes them by batched inserts of 20 000 and builds the tallies by the
# full rebuild, LOAD=protocols sends every school through the protocol path), then in the same run
# the full rebuild, the flags, the baseline select count(*), the HTTP baseline (an indexed GET),
# report p95s over HTTP, one school's resubmission, a second rebuild, and the flags' recall / false
# positives. Size: the first region has LARGEST schools, the other REGIONS−1 SCHOOLS each, about
# PARTICIPANTS per school, × 15 tasks. Defaults: the issue's 85 regions, 40 052 schools, ≈ 1 000 000
# participants (15 million scores).
set -euo pipefail
cd "$(dirname "$0")/../.."
REGIONS=${REGIONS:-85}
SCHOOLS=${SCHOOLS:-453}
LARGEST=${LARGEST:-2000}
PARTICIPANTS=${PARTICIPANTS:-25}
PLANTED=${PLANTED:-40}
LOAD=${LOAD:-bulk}
HOLD=${HOLD:-0} # seconds to keep the database up afterwards, for EXPLAIN (the psql command is printed)
echo "[results-bench] uptime before: $(uptime)"
mvn -B -o -pl backend test -Dtest=ResultsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine=-Xmx2g -Doko.bench.results=true -Doko.bench.load="$LOAD" \
  -Doko.bench.regions="$REGIONS" -Doko.bench.schools="$SCHOOLS" \
  -Doko.bench.largestRegion="$LARGEST" -Doko.bench.participants="$PARTICIPANTS" \
  -Doko.bench.planted="$PLANTED" -Doko.bench.hold="$HOLD" \
  | grep --line-buffered -E '^\[results-bench\]|Tests run|FAIL|ERROR'
echo "[results-bench] uptime after: $(uptime)"
