#!/usr/bin/env bash
# Benchmark: parsing (and validating) a large ВПР results protocol uploaded as .xlsx, against
# baselines in the same run: fastexcel-reader (the fastest JVM reader known, test scope only),
# POI's stock SAX handler and POI's whole-workbook model.
#
#   mvn -B -q -pl backend test-compile -Dfrontend.skip && bash backend/bench/forms-parse.sh
#   # knobs: ROWS=200000 HEAP=128m BIG_HEAP=3g WARMUP=1 RUNS=3 ROUNDS=3 CASES="..."
#
# Writes the protocol once (SXSSF: class, participant code, variant, 7 task scores, total; the
# class as a shared string), then reads it in a FRESH JVM per case: WARMUP unmeasured reads, then
# RUNS measured ones (their median). The cases take turns for ROUNDS rounds, so that a burst of
# other work on the machine hits them alike, and each case's least disturbed round is reported
# (the whole-workbook model, ~1 minute a run, only in the first round). Every case runs with
# -Xmx$HEAP except the whole-workbook model, which needs -Xmx$BIG_HEAP. Peak heap comes from the
# collector's own reports: "peak" is the heap in use before a collection (G1 lets garbage fill
# the heap it is given), "live" the most that survived one (what the reader really keeps).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-200000}
HEAP=${HEAP:-128m}
BIG_HEAP=${BIG_HEAP:-3g}
WARMUP=${WARMUP:-1}
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-3}
CASES=${CASES:-"fastexcel ours-read ours-validate poi-sax poi-usermodel"}

[ -d backend/target/test-classes/org/oko/platform/excel/bench ] \
  || { echo "compile first: mvn -B -q -pl backend test-compile -Dfrontend.skip" >&2; exit 1; }
deps=backend/target/bench-classpath.txt
mvn -B -q -pl backend dependency:build-classpath -Dfrontend.skip -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$deps" >/dev/null
CP="backend/target/test-classes:backend/target/classes:$(cat "$deps")"
MAIN=org.oko.platform.excel.bench.FormsParseBenchmark

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
file="$data/protocol.xlsx"
java -Xmx1g -cp "$CP" $MAIN generate "$file" "$ROWS"

for round in $(seq 1 "$ROUNDS"); do
  for c in $CASES; do
    heap=$HEAP
    if [ "$c" = poi-usermodel ]; then
      [ "$round" = 1 ] || continue
      heap=$BIG_HEAP
    fi
    if java -Xmx"$heap" -cp "$CP" $MAIN run "$c" "$file" "$WARMUP" "$RUNS" 2>>"$data/$c.err" \
      | grep '^RESULT' | sed "s/^RESULT /heap=$heap /" >>"$data/$c.results"; then :; else
      echo "failed: $(grep -m1 -E 'Error|Exception' "$data/$c.err" || tail -1 "$data/$c.err")" >>"$data/$c.failed"
    fi
  done
done

echo "OKO forms parse benchmark: $ROWS rows, $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F)"
printf '| %-16s | %5s | %9s | %8s | %8s | %-22s | %9s | %10s | %9s |\n' \
  case heap rows cells median_s "rounds (median_s)" rows/s peak_heap live_max
for c in $CASES; do
  if [ ! -s "$data/$c.results" ]; then
    printf '| %-16s | %s |\n' "$c" "$(head -1 "$data/$c.failed" 2>/dev/null || echo 'no result')"
    continue
  fi
  rounds=$(grep -o 'median_s=[0-9.]*' "$data/$c.results" | cut -d= -f2 | paste -sd' ')
  best=$(sort -g -k1,1 <(sed 's/.*median_s=\([0-9.]*\).*/\1 &/' "$data/$c.results") | head -1 | cut -d' ' -f2-)
  eval "$best"
  printf '| %-16s | %5s | %9s | %8s | %8s | %-22s | %9s | %7s MB | %6s MB |\n' \
    "$c" "$heap" "$rows" "$cells" "$median_s" "$rounds" "$rows_per_s" "$peak_heap_mb" "$max_live_mb"
done
