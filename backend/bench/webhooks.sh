#!/usr/bin/env bash
# Webhooks benchmark (docs/benchmarks.md, «Webhooks at scale»; issue 23 "Performance"): EVENTS
# events of region 64 (100 000 unless given) committed through the outbox in batches of 1 000, to
# RECEIVERS loopback receivers (10 unless given), the first of which answers 500 to everything.
# Prints the delivery rate, p50/p99 from commit to delivery, lost and duplicate deliveries as seen
# by receivers that dedupe by webhook-id. HEAP caps the JVM (server and receivers share it).
# Tiny check: EVENTS=200 RECEIVERS=3 bash backend/bench/webhooks.sh
# REF=<commit> runs the same command on that commit's code instead (a copy kept under /tmp, so a
# second run does not compile again), e.g. REF=main on a branch, to compare the two in one sitting.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -n "${REF:-}" ]; then
  copy=/tmp/webhooks-bench-$(git rev-parse --short "$REF")
  if [ ! -d "$copy" ]; then
    mkdir -p "$copy.tmp" && git archive "$REF" | tar -x -C "$copy.tmp" && mv "$copy.tmp" "$copy"
  fi
  cd "$copy"
  echo "[webhooks-bench] code: $REF ($(basename "$copy"))"
fi
EVENTS=${EVENTS:-100000}
RECEIVERS=${RECEIVERS:-10}
HEAP=${HEAP:-1536m}
uptime
nice mvn -B -o -pl backend test -Dtest=WebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Doko.bench.webhooks=true -Doko.bench.events="$EVENTS" -Doko.bench.receivers="$RECEIVERS" \
  -DargLine="-Xmx$HEAP" \
  | grep --line-buffered -E '^\[webhooks-bench\]|Tests run|FAIL'
uptime
