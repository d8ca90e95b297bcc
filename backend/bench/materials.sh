#!/usr/bin/env bash
# Benchmark: streaming a large archive of materials through OKO (upload, whole download by
# several schools at once, resumed download) in a small heap, against a baseline in the same
# run: reading the same file straight from disk.
#
#   mvn -B -q -DskipTests package && bash backend/bench/materials.sh
#
# Starts the built jar with -Xmx256m on loopback with a fresh embedded PostgreSQL and the demo
# data, uploads a SIZE_MB attachment to a new publication of the demo ВПР, publishes it to the
# schools of region 64 and has PARALLEL schools' accounts download it at once. Peak RSS of the
# server is sampled during the downloads: it must not grow with the file.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE_MB=${SIZE_MB:-190}
PARALLEL=${PARALLEL:-4}
HTTP_PORT=${HTTP_PORT:-18081}
JAR=backend/target/oko.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 1; }

data=$(mktemp -d)
OKO_DATA_DIR="$data/oko" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=${OKO_MANAGEMENT_PORT:-0} java -Xmx256m -jar "$JAR" >"$data/oko.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://localhost:$HTTP_PORT"
for _ in $(seq 1 120); do
  curl -sf "$base/actuator/health/readiness" >/dev/null && break
  sleep 1
done
sleep 5 # demo campaigns and publications are created just after readiness

token() {
  curl -sf "$base/oauth2/token" -d grant_type=password -d "username=$1" -d "password=$2" \
    | jq -r .access_token
}
FED=$(token federal federal-demo)

# A zip-looking file (the type check reads the first bytes) of SIZE_MB of random bytes.
file="$data/variants.zip"
{ printf 'PK\003\004'; head -c $((SIZE_MB * 1024 * 1024 - 4)) /dev/urandom; } >"$file"
bytes=$(stat -c %s "$file")

campaign=$(curl -sf -H "Authorization: Bearer $FED" "$base/api/campaigns?kind=VPR" | jq '.items[0].id')
pub=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  "$base/api/publications" -d "{\"campaignId\":$campaign,\"title\":\"Бенчмарк\",\"body\":\"\",
  \"audience\":{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],\"sampleOnly\":false}}" | jq .id)

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / 1048576 / s }'; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

t0=$(date +%s%N)
attachment=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/octet-stream' \
  --data-binary @"$file" "$base/api/publications/$pub/attachments?fileName=variants.zip&kind=VARIANTS" | jq .id)
t1=$(date +%s%N)
upload_s=$(seconds "$t0" "$t1")
curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  "$base/api/publications/$pub/publish" -d '{}' >/dev/null

# Baseline: the same bytes read from disk (page cache warm, as for the server).
t0=$(date +%s%N); cat "$file" >/dev/null; t1=$(date +%s%N)
disk_s=$(seconds "$t0" "$t1")

SCHOOL=$(token edu640001 edu640001-demo)
url="$base/api/publications/$pub/attachments/$attachment/content"
rss_before=$(ps -o rss= -p $pid)
peak=$rss_before
t0=$(date +%s%N)
downloads=()
for i in $(seq 1 "$PARALLEL"); do
  curl -sf -H "Authorization: Bearer $SCHOOL" -o "$data/download-$i" "$url" &
  downloads+=($!)
done
running() { for p in "${downloads[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
while running; do
  rss=$(ps -o rss= -p $pid); [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 0.1
done
for p in "${downloads[@]}"; do wait "$p"; done
t1=$(date +%s%N)
download_s=$(seconds "$t0" "$t1")
for i in $(seq 1 "$PARALLEL"); do cmp -s "$file" "$data/download-$i" || { echo "download $i differs" >&2; exit 1; }; done

# Resume: the last quarter, as a browser continuing a broken download.
from=$((bytes * 3 / 4))
t0=$(date +%s%N)
status=$(curl -s -o "$data/tail" -w '%{http_code}' -H "Authorization: Bearer $SCHOOL" -H "Range: bytes=$from-" "$url")
t1=$(date +%s%N)
[ "$status" = 206 ] && cmp -s <(tail -c +$((from + 1)) "$file") "$data/tail" || { echo "resume failed ($status)" >&2; exit 1; }
resume_s=$(seconds "$t0" "$t1")

echo "OKO materials streaming benchmark: ${SIZE_MB} MB file, -Xmx256m, $(nproc) cores, $(date -u +%F)"
printf '| %-52s | %8s | %8s |\n' "what" "seconds" "MB/s"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "----------" "----------"
printf '| %-52s | %8s | %8s |\n' "baseline: read the file from disk (cat)" "$disk_s" "$(mbps "$bytes" "$disk_s")"
printf '| %-52s | %8s | %8s |\n' "upload (POST .../attachments, streamed to the store)" "$upload_s" "$(mbps "$bytes" "$upload_s")"
printf '| %-52s | %8s | %8s |\n' "$PARALLEL schools download it at once (total)" "$download_s" "$(mbps $((bytes * PARALLEL)) "$download_s")"
printf '| %-52s | %8s | %8s |\n' "resume the last quarter (Range, 206)" "$resume_s" "$(mbps $((bytes - from)) "$resume_s")"
echo
echo "server RSS: $((rss_before / 1024)) MB before the downloads, peak $((peak / 1024)) MB during them (heap limit 256 MB, file ${SIZE_MB} MB × $PARALLEL)"
