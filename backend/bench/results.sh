#!/usr/bin/env bash
# Results benchmark (docs/benchmarks.md, «Results»): a synthetic country loaded through the
# protocol path, then in the same run the baseline select count(*), report p95s over HTTP, one
# school's resubmission, a rebuild of every tally and the flags' recall / false positives.
# Size: REGIONS × SCHOOLS (per region) × PARTICIPANTS (per school) × 15 tasks.
set -euo pipefail
cd "$(dirname "$0")/../.."
REGIONS=${REGIONS:-85}
SCHOOLS=${SCHOOLS:-470}
PARTICIPANTS=${PARTICIPANTS:-25}
PLANTED=${PLANTED:-40}
mvn -B -o -pl backend test -Dtest=ResultsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Doko.bench.results=true -Doko.bench.regions="$REGIONS" -Doko.bench.schools="$SCHOOLS" \
  -Doko.bench.participants="$PARTICIPANTS" -Doko.bench.planted="$PLANTED" \
  | grep -E '^\[results-bench\]|Tests run|FAIL'
