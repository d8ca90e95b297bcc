#!/usr/bin/env bash
# OKO as several instances, the way production runs it: one PostgreSQL and one Kafka broker, each
# its own process, and N stateless OKO instances sharing them (and one blob directory). For trying
# a load balancer in front, and for ClusterIT, which drives it.
#
#   mvn -B -q -DskipTests package && bash backend/bench/cluster.sh up
#   bash backend/bench/cluster.sh kill 2     # kill -9 instance 2
#   bash backend/bench/cluster.sh start 2    # start it again
#   bash backend/bench/cluster.sh restart-postgres   # fast shutdown of PostgreSQL, then start it
#   bash backend/bench/cluster.sh down       # stop everything (the data stays in CLUSTER_DIR)
#   bash backend/bench/cluster.sh kafka      # only the broker, in a JVM of its own (another
#                                            # benchmark's server then uses OKO_KAFKA_BOOTSTRAP)
#   # knobs: CLUSTER_DIR=data/cluster INSTANCES=2 HTTP_PORT=18090 (instance i: HTTP_PORT+i-1)
#   #        PG_PORT=55440 KAFKA_PORT=19092 HEAP=512m ISSUER=http://localhost:$HTTP_PORT
#   #        PG_DIR=$CLUSTER_DIR (PostgreSQL's binaries and data; as root they run as nobody, who
#   #        must be able to reach it: give a directory under /tmp if CLUSTER_DIR is private)
#   #        BLOB_LIMIT=20m (as root: the shared blob directory is a tmpfs of that size, to see
#   #        what a full disk does)
#   #        DEMO=true OKO_CLASSPATH (a classpath with Kafka's server and PostgreSQL's binaries;
#   #        default: the backend's runtime classpath, resolved by Maven once)
#
# PostgreSQL comes from the same binaries the embedded mode uses (zonky's jar), Kafka is a KRaft
# broker+controller started from the Kafka artifact (kafka.Kafka). Both run as separate processes;
# OKO sees only OKO_DB_URL and OKO_KAFKA_BOOTSTRAP, exactly as against managed services.
#
# Every instance must be given the same public issuer (OKO_ISSUER): a token signed by one instance
# is checked by another, and its iss must be the deployment's, not the instance's. Each instance's
# management port (health details, metrics; loopback only) is a free one, so that several
# instances fit on one machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

CLUSTER_DIR=${CLUSTER_DIR:-data/cluster}
INSTANCES=${INSTANCES:-2}
HTTP_PORT=${HTTP_PORT:-18090}
PG_PORT=${PG_PORT:-55440}
KAFKA_PORT=${KAFKA_PORT:-19092}
CONTROLLER_PORT=${CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
HEAP=${HEAP:-512m}
ISSUER=${ISSUER:-http://localhost:$HTTP_PORT}
DEMO=${DEMO:-true}
JAR=${JAR:-backend/target/oko.jar}

mkdir -p "$CLUSTER_DIR"
dir=$(cd "$CLUSTER_DIR" && pwd)
mkdir -p "$dir/pids" "$dir/logs"
PG_DIR=${PG_DIR:-$dir}
mkdir -p "$PG_DIR"

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

classpath() {
  if [ -n "${OKO_CLASSPATH:-}" ]; then
    echo "$OKO_CLASSPATH"
    return
  fi
  local file="$dir/classpath.txt"
  if [ ! -s "$file" ]; then
    log "resolving the runtime classpath with Maven (once)"
    mvn -B -q -pl backend dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$file" >/dev/null
  fi
  cat "$file"
}

# Runs a command as an unprivileged user when we are root: PostgreSQL refuses to run as root.
# setpriv executes it in place (no parent waiting around), so $! is PostgreSQL's own pid.
as_postgres_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # $1 port, $2 what, $3 log
  for _ in $(seq 1 120); do
    port_open "$1" && return 0
    sleep 0.5
  done
  tail -30 "$3" >&2 || true
  die "$2 did not open port $1"
}

alive() { [ -f "$dir/pids/$1" ] && kill -0 "$(cat "$dir/pids/$1")" 2>/dev/null; }

postgres_up() {
  alive postgres && return
  local pg="$PG_DIR/pg"
  if [ ! -x "$pg/bin/postgres" ]; then
    local jar
    jar=$(classpath | tr ':' '\n' | grep 'embedded-postgres-binaries-linux' | head -1)
    [ -n "$jar" ] || die "PostgreSQL's binaries (embedded-postgres-binaries-linux-*) are not on the classpath"
    mkdir -p "$pg"
    unzip -p "$jar" '*.txz' | tar -xJ -C "$pg"
    chmod -R a+rX "$pg"
  fi
  local data="$PG_DIR/pgdata"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    chmod 700 "$data"
    if [ "$(id -u)" = 0 ]; then chown nobody "$data"; fi
    as_postgres_user "$pg/bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C \
      >"$dir/logs/initdb.log" 2>&1 || { cat "$dir/logs/initdb.log" >&2; die "initdb failed"; }
    echo "create database oko" | as_postgres_user "$pg/bin/postgres" --single -D "$data" postgres \
      >"$dir/logs/createdb.log" 2>&1
  fi
  log "PostgreSQL on port $PG_PORT"
  # The same durability as production: every commit waits for the disk.
  as_postgres_user "$pg/bin/postgres" -D "$data" -p "$PG_PORT" -c listen_addresses=localhost \
    -c unix_socket_directories= -c max_connections=200 -c synchronous_commit=on \
    >>"$dir/logs/postgres.log" 2>&1 &
  echo $! >"$dir/pids/postgres"
  wait_port "$PG_PORT" PostgreSQL "$dir/logs/postgres.log"
}

kafka_up() {
  alive kafka && return
  local data="$dir/kafka" props="$dir/kafka.properties" cp
  cp=$(classpath)
  cat >"$props" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/kafka-logback.xml" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF
  local java_opts=(-Xmx512m -Dlogback.configurationFile="$dir/kafka-logback.xml")
  if [ ! -f "$data/meta.properties" ]; then
    local id
    id=$(java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid | tail -1)
    java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$props" \
      >"$dir/logs/kafka-format.log" 2>&1 || { cat "$dir/logs/kafka-format.log" >&2; die "Kafka storage format failed"; }
  fi
  log "Kafka on port $KAFKA_PORT"
  java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$props" >>"$dir/logs/kafka.log" 2>&1 &
  echo $! >"$dir/pids/kafka"
  wait_port "$KAFKA_PORT" Kafka "$dir/logs/kafka.log"
}

blobs_up() {
  mkdir -p "$dir/blobs"
  if [ -n "${BLOB_LIMIT:-}" ] && ! mountpoint -q "$dir/blobs"; then
    mount -t tmpfs -o "size=$BLOB_LIMIT" oko-blobs "$dir/blobs" || die "cannot mount a tmpfs for BLOB_LIMIT (root needed)"
  fi
}

instance_port() { echo $((HTTP_PORT + $1 - 1)); }

instance_start() { # $1: instance number
  local n=$1 port
  port=$(instance_port "$n")
  alive "oko-$n" && return
  [ -f "$JAR" ] || die "$JAR is missing: mvn -B -q -DskipTests package"
  mkdir -p "$dir/oko-$n"
  blobs_up
  log "OKO instance $n on port $port"
  env OKO_DB_URL="jdbc:postgresql://localhost:$PG_PORT/oko" OKO_DB_USER=postgres \
    OKO_KAFKA_BOOTSTRAP="localhost:$KAFKA_PORT" OKO_PORT="$port" \
    OKO_DATA_DIR="$dir/oko-$n" OKO_BLOB_DIR="$dir/blobs" OKO_ISSUER="$ISSUER" \
    OKO_DEMO_DATA="$DEMO" OKO_MANAGEMENT_PORT=0 \
    java -Xmx"$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" >>"$dir/logs/oko-$n.log" 2>&1 &
  echo $! >"$dir/pids/oko-$n"
}

instance_ready() { # $1: instance number; waits until it takes traffic
  local port
  port=$(instance_port "$1")
  for _ in $(seq 1 240); do
    alive "oko-$1" || { tail -40 "$dir/logs/oko-$1.log" >&2; die "instance $1 exited"; }
    curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness" && return 0
    sleep 0.5
  done
  tail -40 "$dir/logs/oko-$1.log" >&2
  die "instance $1 is not ready after 120 s"
}

stop() { # $1 name, $2 signal
  if alive "$1"; then
    local pid
    pid=$(cat "$dir/pids/$1")
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$dir/pids/$1"
}

case "${1:-}" in
  up)
    postgres_up
    kafka_up
    # The first instance alone: it migrates the schema and loads the demo data.
    instance_start 1
    instance_ready 1
    for n in $(seq 2 "$INSTANCES"); do instance_start "$n"; done
    for n in $(seq 2 "$INSTANCES"); do instance_ready "$n"; done
    for n in $(seq 1 "$INSTANCES"); do echo "http://localhost:$(instance_port "$n")"; done
    ;;
  start)
    instance_start "$2"
    instance_ready "$2"
    ;;
  kill)
    stop "oko-$2" KILL
    ;;
  kafka)
    kafka_up
    echo "localhost:$KAFKA_PORT"
    ;;
  restart-postgres)
    # Fast shutdown: sessions are cut, transactions in flight roll back.
    as_postgres_user "$PG_DIR/pg/bin/pg_ctl" stop -D "$PG_DIR/pgdata" -m fast -w >>"$dir/logs/postgres.log" 2>&1
    rm -f "$dir/pids/postgres"
    postgres_up
    ;;
  down)
    for f in "$dir"/pids/oko-*; do [ -e "$f" ] && stop "$(basename "$f")" TERM; done
    stop kafka TERM
    stop postgres INT # PostgreSQL's fast shutdown
    if mountpoint -q "$dir/blobs"; then umount "$dir/blobs"; fi
    ;;
  *)
    echo "usage: $0 up | start N | kill N | kafka | restart-postgres | down" >&2
    exit 2
    ;;
esac
