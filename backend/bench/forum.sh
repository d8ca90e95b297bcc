#!/usr/bin/env bash
# Benchmark (issue 22): the forum's search over QUESTIONS questions with as many answers, and the
# fan-out of one publication to every organization's account of a region — each against a
# baseline in the same run.
#
#   mvn -B -q -DskipTests package && bash backend/bench/forum.sh
#   # knobs: QUESTIONS=50000 ORGS=40000 REQUESTS=200 HTTP_PORT=18082 PG_PORT=55433 READY_SECONDS=180
#
# Starts the built jar on loopback with a fresh embedded PostgreSQL and the demo data, adds
# QUESTIONS questions and QUESTIONS answers (Russian text from a vocabulary of school-assessment
# words, so every word matches thousands of rows) to the spring ВПР's forum, and ORGS schools of
# region 64 with an account each; VACUUM ANALYZE. Then:
#  - search: REQUESTS sequential requests per query, p50/p95/max of curl's time_total, next to
#    the same for /actuator/health/liveness (Netty + WebFlux + actuator, no database);
#  - fan-out: a publication to every organization of region 64 is published; the time from the
#    publish request's answer until every recipient's row is readable (polled every 50 ms), next
#    to the same path for one recipient (an answer to a question → its author's bell).
# Needs psql (apt-get install -y postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."

QUESTIONS=${QUESTIONS:-50000}
ORGS=${ORGS:-40000}
REQUESTS=${REQUESTS:-200}
HTTP_PORT=${HTTP_PORT:-18082}
PG_PORT=${PG_PORT:-55433}
READY_SECONDS=${READY_SECONDS:-180}
JAR=backend/target/oko.jar

command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -DskipTests package" >&2; exit 1; }

data=$(mktemp -d)
log="$data/oko.log"
OKO_DATA_DIR="$data" OKO_PORT=$HTTP_PORT OKO_MANAGEMENT_PORT=0 OKO_EMBEDDED_PG_PORT=$PG_PORT \
  java -Xmx1g -jar "$JAR" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://localhost:$HTTP_PORT"
sql() { psql -qtA -h localhost -p "$PG_PORT" -U postgres oko "$@"; }

for _ in $(seq 1 "$READY_SECONDS"); do
  curl -sf "$base/actuator/health/readiness" >/dev/null && break
  sleep 1
done
curl -sf "$base/actuator/health/readiness" >/dev/null || { echo "not ready; see $log" >&2; tail -50 "$log" >&2; exit 1; }
for _ in $(seq 1 60); do
  [ "$(sql -c 'select count(*) from forum_section')" -ge 5 ] && break
  sleep 1
done

echo "seeding $QUESTIONS questions, $QUESTIONS answers, $ORGS schools with accounts…"
seed_start=$(date +%s)
sql <<SQL
create temporary table words as select w, row_number() over () - 1 as n from unnest(array[
  'выборка','протокол','сканирование','бланк','вариант','архив','критерии','эксперт','анкета',
  'колледж','школа','муниципалитет','координатор','регион','публикация','материалы','логин',
  'пароль','форма','выверка','наблюдатель','комплект','участник','результаты','отчёт','загрузка',
  'ошибка','срок','этап','проверка','баллы','задание','класс','предмет','математика','русский',
  'разрешение','файл','шаблон','заявка','доставка','ведомость','опись','печать','подпись',
  'инструкция','консультация','объективность','мониторинг','расписание']) w;
insert into forum_question (section_id, campaign_id, title, body, author_login, author_role,
  author_region, status, answers, created_at, last_activity_at)
select s.id, s.campaign_id,
  initcap((select w from words where n = g % 50)) || ' и ' || (select w from words where n = (g * 7) % 50)
    || ': вопрос № ' || g,
  'Подскажите, как быть: ' || (select w from words where n = (g * 3) % 50) || ', '
    || (select w from words where n = (g * 11) % 50) || ' и ' || (select w from words where n = (g * 13) % 50)
    || ' — в нашей организации возникла трудность номер ' || g || '.',
  'region64', 'REGIONAL', '64', 'ANSWERED', 1, now() - (g || ' minutes')::interval, now()
from generate_series(1, $QUESTIONS) g
cross join lateral (select id, campaign_id from forum_section where campaign_id is not null
  order by id limit 1 offset g % 4) s;
insert into forum_answer (question_id, body, author_login, author_role, created_at)
select q.id, 'Ответ: ' || (select w from words where n = (q.id * 5) % 50) || ' оформляется через '
  || (select w from words where n = (q.id * 17) % 50) || ', подробности в инструкции.',
  'federal', 'FEDERAL', now()
from forum_question q where q.author_login = 'region64' and q.title like '%вопрос № %';
insert into organization (login, name, kind, region_code, municipality_id, settlement_type,
                          education_levels, address)
select 'edu64' || lpad((1000 + g)::text, 6, '0'), 'МОУ «Школа № ' || g || '»', 'SCHOOL', '64',
       (select min(id) from municipality where region_code = '64') + g % 4, 'VILLAGE',
       '{PRIMARY,BASIC}', 'с. Посёлок-' || g
from generate_series(1, $ORGS) g;
insert into account (login, display_name, role, region_code, municipality_id, organization_id)
select o.login, o.name, 'ORGANIZATION', o.region_code, o.municipality_id, o.id
from organization o where o.login like 'edu64%' and not exists (select 1 from account a where a.login = o.login);
vacuum analyze forum_question;
vacuum analyze forum_answer;
vacuum analyze organization;
vacuum analyze account;
SQL
echo "seeded in $(( $(date +%s) - seed_start )) s: $(sql -c 'select count(*) from forum_question') questions, $(sql -c 'select count(*) from forum_answer') answers, $(sql -c "select count(*) from account where role = 'ORGANIZATION' and region_code = '64'") organization accounts in region 64"

token() {
  curl -sf "$base/oauth2/token" -d grant_type=password -d "username=$1" -d "password=$2" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
FED=$(token federal federal-demo)
R02=$(token region02 region02-demo)
M64=$(token mun64-engels mun64-demo)

# p50 / p95 / max in ms of REQUESTS sequential requests.
measure() {
  local label=$1 url=$2 auth=${3:-}
  for _ in 1 2 3 4 5; do curl -s -o /dev/null ${auth:+-H "Authorization: Bearer $auth"} "$url"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' ${auth:+-H "Authorization: Bearer $auth"} "$url"
  done | sort -k2 -g | awk -v label="$label" '
    $1 != 200 { bad++ }
    { t[NR] = $2 * 1000 }
    END {
      printf "| %s | %d | %.1f | %.1f | %.1f |%s\n", label, NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[NR],
        bad ? " " bad " not 200!" : ""
    }'
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
vpr=$(sql -c "select campaign_id from forum_section where campaign_id is not null order by id limit 1")

echo
echo "| request | n | p50 ms | p95 ms | max ms |"
echo "|---|---:|---:|---:|---:|"
measure "baseline /actuator/health/liveness" "$base/actuator/health/liveness"
measure "search «выборку колледжа» (stems), every forum, region02" "$base/api/forum/search?q=$(enc 'выборку колледжа')" "$R02"
measure "search «сканировние бланков» (typo), the campaign's forum" "$base/api/forum/search?campaignId=$vpr&q=$(enc 'сканировние бланков')" "$R02"
measure "search «инструкции» (in every answer), suggestions (answered, 5)" "$base/api/forum/search?answeredOnly=true&size=5&q=$(enc 'инструкции')" "$M64"
measure "search «вопрос 12345» (one number)" "$base/api/forum/search?q=$(enc 'вопрос 12345')" "$R02"
measure "list: section page 1 (pinned, latest)" "$base/api/forum/questions?campaignId=$vpr" "$R02"

echo
echo "fan-out: one answer (1 recipient) vs one publication (every organization of region 64)"
wait_rows() { # subject expected → ms from now until the rows are there
  local start=$(date +%s%N)
  for _ in $(seq 1 2400); do
    [ "$(sql -c "select count(*) from notification where subject = '$1'")" -ge "$2" ] && break
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
q=$(curl -sf -H "Authorization: Bearer $M64" -H 'Content-Type: application/json' \
  "$base/api/forum/sections/$(sql -c "select id from forum_section where campaign_id = $vpr order by id limit 1")/questions" \
  -d '{"title":"Замер","body":"Один получатель"}' | sed -E 's/^\{"id":([0-9]+).*/\1/')
a=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' \
  "$base/api/forum/questions/$q/answers" -d '{"body":"Ответ для замера"}' | sed -E 's/^\{"id":([0-9]+).*/\1/')
one=$(wait_rows "forum-answer:$a" 1)
echo "| one answer → its author's bell (outbox → Kafka → consumer → insert) | 1 | $one ms |"
expected=$(sql -c "select count(*) from account a join organization o on o.id = a.organization_id
  where a.role = 'ORGANIZATION' and o.region_code = '64' and o.kind in ('SCHOOL', 'COLLEGE')")
p=$(curl -sf -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' "$base/api/publications" \
  -d "{\"campaignId\":$vpr,\"title\":\"Замер рассылки\",\"body\":\"\",\"audience\":{\"roles\":[\"ORGANIZATION\"],\"regionCodes\":[\"64\"],\"sampleOnly\":false}}" \
  | sed -E 's/^\{"id":([0-9]+).*/\1/')
curl -sf -o /dev/null -H "Authorization: Bearer $FED" -H 'Content-Type: application/json' "$base/api/publications/$p/publish" -d '{}'
many=$(wait_rows "publication:$p" "$expected")
got=$(sql -c "select count(*) from notification where subject = 'publication:$p'")
echo "| one publication → every organization's bell in region 64 | $got of $expected | $many ms |"
unread=$(curl -sf -H "Authorization: Bearer $(token edu640001 edu640001-demo)" "$base/api/notifications/unread-count")
echo "edu640001's bell afterwards: $unread"
grep -E "Notifications stopped|ERROR" "$log" | head -5 || true
