#!/usr/bin/env bash
# Change-feed benchmark (docs/benchmarks.md, «A region mirrors its feed»; issue 23 "Performance":
# «a region mirrors 1 000 000 events — events/s per client»): EVENTS published events of region 64
# (1 000 000 unless given, and a tenth as many of region 02 among them) written into the outbox as
# the relay leaves them; then CLIENTS regional systems (1 unless given) read the whole feed at once,
# in pages of 1 000 over HTTP. Baseline in the same run: the same pages read by SQL alone.
# The per-client rate limit (oko.api.rate-limit, 50 requests/s by default) caps one client at
# 50 pages/s; RATE raises it for a run that measures the server rather than the limit.
# Tiny check: EVENTS=5000 bash backend/bench/feed.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${EVENTS:-1000000}
CLIENTS=${CLIENTS:-1}
RATE=${RATE:-50}
HEAP=${HEAP:-1536m}
uptime
nice mvn -B -o -pl backend test -Dtest=FeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Doko.bench.feed=true -Doko.bench.events="$EVENTS" -Doko.bench.clients="$CLIENTS" \
  -Doko.api.rate-limit.per-second="$RATE" -Doko.api.rate-limit.burst="$((RATE * 12))" \
  -DargLine="-Xmx$HEAP" \
  | grep --line-buffered -E '^\[feed-bench\]|Tests run|FAIL'
uptime
