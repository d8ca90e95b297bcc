#!/usr/bin/env bash
# Streamed exports benchmark (docs/benchmarks.md, «Streamed exports»): ROWS submitted
# questionnaires (1 000 000 unless given) seeded into the embedded PostgreSQL, then in the same run
# the baseline COPY … TO STDOUT of the same rows, and the export as CSV, NDJSON and .xlsx over
# HTTP: time to the first byte, whole time, rows/s and the heap's peak over its level before.
# HEAP caps the JVM (the server's heap must stay flat whatever ROWS is). The same exports run first
# for SMALL_ROWS (a tenth of ROWS unless given; 0: none), each reporting its live set (used heap
# after forced full GCs during it), so flatness is the same live set at both sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
SMALL_ROWS=${SMALL_ROWS:-$((ROWS / 10))}
HEAP=${HEAP:-1536m}
uptime
nice mvn -B -o -pl backend test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Doko.bench.exports=true -Doko.bench.rows="$ROWS" -Doko.bench.smallRows="$SMALL_ROWS" \
  -DargLine="-Xmx$HEAP" \
  | grep --line-buffered -E '^\[exports-bench\]|Tests run|FAIL'
uptime
