#!/usr/bin/env bash
# Streamed exports benchmark (docs/benchmarks.md, «Streamed exports»): ROWS submitted
# questionnaires (1 000 000 unless given) seeded into the embedded PostgreSQL, then in the same run
# the baseline COPY … TO STDOUT of the same rows, and the export as CSV, NDJSON and .xlsx over
# HTTP: time to the first byte, whole time, rows/s and the heap's peak over its level before.
# HEAP caps the JVM (the server's heap must stay flat whatever ROWS is). The same exports run first
# for SMALL_ROWS (a tenth of ROWS unless given; 0: none), each reporting its live set (used heap
# after forced full GCs during it), so flatness is the same live set at both sizes.
# MODE=forms (issue 24): a form's export instead, one response of ROWS/10 rows and one of ROWS
# rows (200 000 unless given) streamed from form_response_row, baseline COPY of the same rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${MODE:-questionnaires}
HEAP=${HEAP:-1536m}
if [ "$MODE" = forms ]; then
  ROWS=${ROWS:-200000} TEST=FormExportBenchmark ENABLE=-Doko.bench.formExports=true
else
  ROWS=${ROWS:-1000000} TEST=ExportBenchmark ENABLE=-Doko.bench.exports=true
fi
SMALL_ROWS=${SMALL_ROWS:-$((ROWS / 10))}
uptime
nice mvn -B -o -pl backend test -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false \
  "$ENABLE" -Doko.bench.rows="$ROWS" -Doko.bench.smallRows="$SMALL_ROWS" -DargLine="-Xmx$HEAP" \
  | grep --line-buffered -E '^\[exports-bench\]|Tests run|FAIL'
uptime
