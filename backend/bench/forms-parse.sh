#!/usr/bin/env bash
# Benchmark: parsing (and validating) a large ВПР results protocol uploaded as .xlsx, against
# baselines in the same run: fastexcel-reader (the fastest JVM reader known, test scope only),
# POI's stock SAX handler and POI's whole-workbook model.
#
#   mvn -B -q -pl backend test-compile -Dfrontend.skip && bash backend/bench/forms-parse.sh
#   # knobs: ROWS=200000 HEAP=128m BIG_HEAP=3g WARMUP=1 RUNS=3 CASES="..."
#
# Writes the protocol once (SXSSF: class, participant code, variant, 7 task scores, total; the
# class as a shared string), then reads it in a FRESH JVM per case: WARMUP unmeasured reads, then
# RUNS measured ones (median reported). Every case runs with -Xmx$HEAP except the whole-workbook
# model, which needs -Xmx$BIG_HEAP. Peak heap comes from the collector's own reports.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-200000}
HEAP=${HEAP:-128m}
BIG_HEAP=${BIG_HEAP:-3g}
WARMUP=${WARMUP:-1}
RUNS=${RUNS:-3}
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

echo "OKO forms parse benchmark: $ROWS rows, $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F)"
printf '| %-16s | %5s | %9s | %8s | %8s | %9s | %10s | %9s |\n' \
  case heap rows cells median_s rows/s peak_heap live_max
for c in $CASES; do
  heap=$HEAP
  [ "$c" = poi-usermodel ] && heap=$BIG_HEAP
  if line=$(java -Xmx"$heap" -cp "$CP" $MAIN run "$c" "$file" "$WARMUP" "$RUNS" 2>"$data/$c.err" | grep '^RESULT'); then
    eval "$(echo "$line" | sed 's/^RESULT //')"
    printf '| %-16s | %5s | %9s | %8s | %8s | %9s | %7s MB | %6s MB |\n' \
      "$c" "$heap" "$rows" "$cells" "$median_s" "$rows_per_s" "$peak_heap_mb" "$max_live_mb"
  else
    printf '| %-16s | %5s | failed: %s |\n' "$c" "$heap" "$(grep -m1 -E 'Error|Exception' "$data/$c.err" || tail -1 "$data/$c.err")"
  fi
done
