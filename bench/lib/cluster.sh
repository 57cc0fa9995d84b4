# Shared by bench/burst and bench/drill: a private MariaDB, the SMTP sink and two Herald instances from the
# packaged jar, all on 127.0.0.1 and all stopped on exit. Source it after `cd` to the repository root.
# Ports (override by env): BENCH_DB_PORT 3307, BENCH_SINK_PORT 12525 (+1 for its HTTP), BENCH_HERALD_PORTS "8091 8092".
# MariaDB runs with --skip-grant-tables (root, no password) on its own datadir under target/bench/; its InnoDB
# settings are the server defaults except a 1 GB buffer pool and 1,000 connections (BENCH_DB_OPTS adds more).

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
DB_PORT=${BENCH_DB_PORT:-3307}
SINK_PORT=${BENCH_SINK_PORT:-12525}
SINK_HTTP=$((SINK_PORT + 1))
read -r -a HERALD_PORTS <<<"${BENCH_HERALD_PORTS:-8091 8092}"
API_KEY=bench-bootstrap-key-0123456789abcdefghijklmnop
SECRET_KEY=$(printf 'herald-bench-secret-key-32bytes!' | base64)
HARNESS=bench/harness/target/harness.jar
declare -A PIDS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

bench_init() { # name
  W="$PWD/target/bench/$1"
  rm -rf "$W"; mkdir -p "$W"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local name
  for name in "${!PIDS[@]}"; do
    kill "${PIDS[$name]}" 2>/dev/null || true
  done
  for name in "${!PIDS[@]}"; do
    wait "${PIDS[$name]}" 2>/dev/null || true
  done
}

machine() {
  echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1); $(mariadbd --version | awk '{print $3}'); $(date -u '+%Y-%m-%d %H:%M UTC')"
}

build() {
  if [ ! -f "$HARNESS" ] || [ -n "$(find bench/harness/src bench/harness/pom.xml -newer "$HARNESS" | head -1)" ]; then
    log "building bench/harness"
    ./mvnw -f bench/harness/pom.xml -B -q -ntp package >/dev/null 2>&1 || ./mvnw -f bench/harness/pom.xml -B -ntp package
  fi
  HERALD_JAR=$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)
  if [ -z "$HERALD_JAR" ] || [ -n "$(find src/main pom.xml -newer "$HERALD_JAR" | head -1)" ]; then
    log "building Herald (package -DskipTests)"
    ./mvnw -B -q -ntp -o package -DskipTests -DskipUnitTests -Dspotless.check.skip=true >/dev/null 2>&1 \
      || ./mvnw -B -ntp package -DskipTests -DskipUnitTests -Dspotless.check.skip=true
    HERALD_JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
  fi
}

# ---- MariaDB ----
DB_URL_BASE="jdbc:mariadb://127.0.0.1:$DB_PORT"
sql() { mariadb --no-defaults -h127.0.0.1 -P"$DB_PORT" -uroot -N -B "$@"; }

db_start() {
  if [ ! -d "$W/db/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$W/db" --user="$(whoami)" --skip-test-db \
      --auth-root-authentication-method=normal >"$W/db-install.log" 2>&1 || die "mariadb-install-db, see $W/db-install.log"
  fi
  # shellcheck disable=SC2086
  mariadbd --no-defaults --datadir="$W/db" --port="$DB_PORT" --bind-address=127.0.0.1 --socket="$W/db.sock" \
    --pid-file="$W/db.pid" --user="$(whoami)" --skip-grant-tables --skip-name-resolve --max-connections=1000 \
    --innodb-buffer-pool-size=1G --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --log-error="$W/db.err" ${BENCH_DB_OPTS:-} &
  PIDS[db]=$!
  local i
  for i in $(seq 1 150); do
    sql -e 'SELECT 1' >/dev/null 2>&1 && return 0
    kill -0 "${PIDS[db]}" 2>/dev/null || die "mariadbd exited, see $W/db.err"
    sleep 0.2
  done
  die "mariadbd did not answer"
}

db_stop() { # clean shutdown (SIGTERM), waits
  kill "${PIDS[db]}" 2>/dev/null || true
  wait "${PIDS[db]}" 2>/dev/null || true
  unset 'PIDS[db]'
}

# ---- SMTP sink ----
SINK_FILE=""
sink_start() {
  SINK_FILE="$W/sink-messages.tsv"
  "$JAVA" -XX:+UseSerialGC -Xmx512m -cp "$HARNESS" com.herald.bench.SmtpSink --port "$SINK_PORT" --http "$SINK_HTTP" \
    --file "$SINK_FILE" >"$W/sink.log" 2>&1 &
  PIDS[sink]=$!
  local i
  for i in $(seq 1 100); do
    grep -q "sink ready" "$W/sink.log" 2>/dev/null && return 0
    sleep 0.1
  done
  die "sink did not start, see $W/sink.log"
}
sink() { curl -fs -X "${2:-GET}" "http://127.0.0.1:$SINK_HTTP/$1"; }

# ---- Herald ----
herald_url() { echo "http://127.0.0.1:${HERALD_PORTS[$1]}"; }

herald_start() { # index (0 or 1); the first one on a fresh database creates the admin and its API key
  local i=$1
  env -i PATH="$PATH" HOME="$HOME" \
    SPRING_DATASOURCE_URL="$DB_URL_BASE/herald" SPRING_DATASOURCE_USERNAME=root SPRING_DATASOURCE_PASSWORD= \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SINK_PORT" \
    HERALD_ADMIN_EMAIL=admin@bench.local HERALD_ADMIN_PASSWORD='bench admin passphrase' \
    HERALD_BOOTSTRAP_API_KEY="$API_KEY" HERALD_SECRET_KEY="$SECRET_KEY" HERALD_DEMO_ENABLED=false \
    HERALD_PUBLIC_URL="http://herald-bench.local" HERALD_API_RATE_LIMIT_PER_MINUTE=10000000 \
    HERALD_DATA_DIR="$W/herald-data-$i" PORT="${HERALD_PORTS[$i]}" ${HERALD_ENV:-} \
    "$JAVA" ${HERALD_JAVA_OPTS:--Xmx1g} -jar "$HERALD_JAR" >"$W/herald-$i.log" 2>&1 &
  PIDS[herald$i]=$!
}

herald_wait() { # index [timeout s]
  local i=$1 t=${2:-120} k
  for k in $(seq 1 $((t * 5))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$(herald_url "$i")/actuator/health")" = 200 ] && return 0
    [ -n "${PIDS[herald$i]:-}" ] && ! kill -0 "${PIDS[herald$i]}" 2>/dev/null && die "Herald $i exited, see $W/herald-$i.log"
    sleep 0.2
  done
  die "Herald $i not healthy after $t s, see $W/herald-$i.log"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ports_free() { # refuse to run next to another bench using the same ports (its services would answer ours)
  local p
  for p in "$DB_PORT" "$SINK_PORT" "$SINK_HTTP" "${HERALD_PORTS[@]}"; do
    port_free "$p" || die "port $p is in use (another bench running?); set BENCH_DB_PORT, BENCH_SINK_PORT, BENCH_HERALD_PORTS"
  done
}

cluster_start() { # database (fresh), sink, two Heralds one after the other (the first creates the schema and admin)
  ports_free
  db_start
  sql -e "CREATE DATABASE IF NOT EXISTS herald CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  sink_start
  local t0; t0=$(date +%s)
  herald_start 0; herald_wait 0 180
  herald_start 1; herald_wait 1 180
  log "MariaDB :$DB_PORT, sink :$SINK_PORT, Herald :${HERALD_PORTS[0]} :${HERALD_PORTS[1]} up in $(( $(date +%s) - t0 )) s"
}

api() { # method path [json]
  curl -fsS -X "$1" "$(herald_url 0)/api/v1$2" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# A team and a report type of three rows on Herald's own database, granted to it (the API has no
# report-type creation: report types are defined by administrators in the portal, so the bench writes the row).
# Prints "<team id> <report type key>".
team_with_report() { # name
  local team key
  team=$(api POST /teams "{\"name\": \"$1\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  [ ${#team} = 36 ] || die "team not created"
  key="bench_$(echo "$1" | tr -c 'a-z0-9\n' '_' | tr 'A-Z' 'a-z')"
  sql herald -e "
    INSERT INTO report_types (id, type_key, name, description, data_source_id, sql_text, parameters, default_format,
        min_interval, system_report, created_at, updated_at)
    SELECT UUID(), '$key', 'Bench $1', NULL, id,
        'SELECT n, CONCAT(''row '', n) AS label FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) t WHERE :period_end IS NOT NULL ORDER BY n',
        '[]', 'csv', NULL, FALSE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM data_sources WHERE builtin = 'herald';
    INSERT INTO report_type_teams (report_type_id, team_id) SELECT id, '$team' FROM report_types WHERE type_key = '$key';"
  echo "$team $key"
}

seed() { # n mode fire_epoch prefix team key
  "$JAVA" -cp "$HARNESS" com.herald.bench.HeraldSeed "$(herald_url 0),$(herald_url 1)" "$API_KEY" "$5" "$6" "$1" "$2" "$3" "$4" \
    "${BENCH_SEED_CLIENTS:-16}"
}

herald_report() { # team prefix n mode fire_epoch results-file [timeout] [stall]
  "$JAVA" -cp "$HARNESS" com.herald.bench.BurstReport "$DB_URL_BASE/herald?user=root" "$1" "$SINK_FILE" "$2" "$3" "$4" "$5" \
    "${7:-300}" "${8:-60}" "$6"
}

next_second() { # seconds ahead → an epoch second; "minute" as 2nd arg rounds up to a whole minute
  local t=$(( $(date +%s) + $1 ))
  [ "${2:-}" = minute ] && t=$(( (t + 59) / 60 * 60 ))
  echo "$t"
}
