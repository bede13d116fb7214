#!/usr/bin/env bash
# Throughput of the server's PUT and GET of a CoworkerNotification, measured with wrk; with
# --postgres, on a throwaway local PostgreSQL, beside pgbench sending the same statements.
# Usage: bench/run.sh [--postgres] [--quick] [--basic] [--jar PATH]
#   --postgres  run the server on a throwaway PostgreSQL cluster (default: the embedded H2 file)
#   --basic     load with Basic credentials instead of a bearer token
#   --quick     short durations, for plumbing checks only (the figures are not for comparison)
#   --jar PATH  benchmark this jar instead of building the project
# Environment variables: see bench/README.md. The LAST line printed is the one-line summary.
# Exit status: 0 ok; 1 invalid run or error (an ERROR: line says which); 130/143 interrupted.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
MODE=h2
QUICK=0
AUTH=Bearer
JAR=
usage() { sed -n '2,10p' "$HERE/run.sh" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) MODE=postgres; shift ;;
    --quick) QUICK=1; shift ;;
    --basic) AUTH=Basic; shift ;;
    --jar) [ $# -ge 2 ] || { echo "ERROR: --jar needs a path" >&2; exit 1; }; JAR=$2; shift 2 ;;
    --jar=*) JAR=${1#--jar=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ERROR: unknown argument: $1" >&2; usage >&2; exit 1 ;;
  esac
done

exec 2>&1   # one ordered stream: errors appear where they happen, and the summary stays the last line
OUT=${BENCH_OUT:-/tmp/bench-results/$(date -u +%Y%m%dT%H%M%SZ)-$MODE$([ "$QUICK" = 1 ] && echo -quick)}
mkdir -p "$OUT" || { echo "ERROR: cannot create the results directory $OUT"; exit 1; }
OUT=$(cd "$OUT" && pwd)
case "$OUT/" in "$REPO"/*) echo "ERROR: the results directory $OUT is inside the repository; set BENCH_OUT elsewhere"; exit 1 ;; esac
export BENCH_LOG=$OUT/run.log BENCH_ERROR_FILE=$OUT/last-error BENCH_AUTH_SCHEME=$AUTH
: > "$BENCH_LOG"; : > "$OUT/runs.jsonl"; echo '{}' > "$OUT/facts.json"; rm -f "$BENCH_ERROR_FILE"

# ---- durations (seconds) and load shape
if [ "$QUICK" = 1 ]; then
  D_WARM=${BENCH_WARMUP_S:-10}; D_GET_WARM=${BENCH_GET_WARMUP_S:-5}; D_MEAS=${BENCH_MEASURE_S:-5}; D_PG_WARM=${BENCH_PG_WARMUP_S:-3}
else
  D_WARM=${BENCH_WARMUP_S:-60}; D_GET_WARM=${BENCH_GET_WARMUP_S:-15}; D_MEAS=${BENCH_MEASURE_S:-20}; D_PG_WARM=${BENCH_PG_WARMUP_S:-10}
fi
ROUNDS=${BENCH_ROUNDS:-2}
CONNS=${BENCH_CONNECTIONS:-16}
POOL=${BENCH_POOL_SIZE:-16}
PG_JOBS=${BENCH_PGBENCH_JOBS:-1}
PORT=${BENCH_PORT:-18080}
START_TIMEOUT=${BENCH_START_TIMEOUT_S:-180}
N_RECORDS=1000       # bench/pgbench/*.sql pick ids with random(1, 1000)
CHECK_TX=200         # transactions of each pgbench script in the statement check
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
read -r -a JOPTS <<< "${BENCH_JAVA_OPTS:-}"
read -r -a EXTRA_ARGS <<< "${BENCH_SERVER_ARGS:-}"
PY=(python3 "$HERE/bench.py")
PG_OS_USER=${BENCH_PG_OS_USER:-postgres}
SERVER_DB_ROLE=notifications
PGBENCH_ROLE=bench_pgbench
DB=notifications

# ---- bookkeeping: everything started here is stopped by PID (PostgreSQL by pg_ctl) on exit
SERVER_PID=
CHILD_PIDS=()
TMPDIRS=()
PGDATA_DIR=
PG_PID=
FINISHING=0

say() { printf '%s\n' "$*" | tee -a "$BENCH_LOG"; }

descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

running() { kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)" != Z ]; }

stop_pid_tree() {   # TERM the process and its descendants, by PID; KILL what is left after 20 s
  local p=$1 all q i left
  running "$p" || { wait "$p" 2>/dev/null; return 0; }
  all=("$p" $(descendants "$p"))
  kill -TERM "${all[@]}" 2>/dev/null
  for i in $(seq 1 80); do
    left=0
    for q in "${all[@]}"; do running "$q" && left=1; done
    [ $left = 0 ] && break
    sleep 0.25
  done
  for q in "${all[@]}"; do running "$q" && { echo "process $q did not stop on TERM; sending KILL" >> "$BENCH_LOG"; kill -KILL "$q" 2>/dev/null; }; done
  wait "$p" 2>/dev/null
  return 0
}

PG_AS=()   # PostgreSQL's programs refuse to run as root: then they run as $PG_OS_USER
[ "$(id -u)" = 0 ] && PG_AS=(runuser -u "$PG_OS_USER" --)
in_dir() { local d=$1; shift; (cd "$d" && exec "$@"); }

stop_server() { [ -n "$SERVER_PID" ] && { stop_pid_tree "$SERVER_PID"; SERVER_PID=; }; return 0; }

stop_postgres() {
  [ -n "$PGDATA_DIR" ] || return 0
  if [ -n "$PG_PID" ] && running "$PG_PID"; then
    in_dir "$PGDATA_DIR/.." timeout 60 "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 stop >> "$OUT/pg_ctl.log" 2>&1 \
      || stop_pid_tree "$PG_PID"
    running "$PG_PID" && stop_pid_tree "$PG_PID"
  fi
  cp "$PGDATA_DIR/../postgres.log" "$OUT/postgres.log" 2>/dev/null
  PGDATA_DIR=; PG_PID=
}

stop_all() {
  local p
  for p in "${CHILD_PIDS[@]}"; do stop_pid_tree "$p"; done
  CHILD_PIDS=()
  stop_server
  stop_postgres
}

cleanup() {
  local rc=$? p
  trap - EXIT INT TERM HUP
  stop_all
  for p in "${TMPDIRS[@]}"; do rm -rf -- "$p"; done
  exit "$rc"
}
trap cleanup EXIT
on_signal() { trap - INT TERM HUP; say ""; say "INTERRUPTED by SIG$1"; finish interrupted "$2" "INTERRUPTED by SIG$1: figures are partial."; }
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP

bg() {   # run a step in the background and wait for it, so that a signal reaches the traps at once
  "$@" &
  local p=$! rc q keep=()
  CHILD_PIDS+=("$p")
  wait "$p"; rc=$?
  for q in "${CHILD_PIDS[@]}"; do [ "$q" = "$p" ] || keep+=("$q"); done
  CHILD_PIDS=("${keep[@]}")
  return $rc
}

fact() { "${PY[@]}" fact --facts "$OUT/facts.json" "$1" "$2"; }

finish() {   # finish STATUS EXIT_CODE [note...]: stop everything, print the report; the summary is the last line
  local status=$1 code=$2 rrc n notes=(); shift 2
  [ "$FINISHING" = 1 ] && exit "$code"
  FINISHING=1
  stop_all
  for n in "$@"; do notes+=(--note "$n"); done
  "${PY[@]}" report --jsonl "$OUT/runs.jsonl" --facts "$OUT/facts.json" --status "$status" \
    --summary-txt "$OUT/summary.txt" --summary-json "$OUT/summary.json" "${notes[@]}"
  rrc=$?
  [ "$code" = 0 ] && [ "$rrc" != 0 ] && code=1
  exit "$code"
}

die() {
  local detail=""
  [ -s "$BENCH_ERROR_FILE" ] && detail=" ($(tail -1 "$BENCH_ERROR_FILE"))"
  say "ERROR: $*"
  finish error 1 "ERROR: $*$detail"
}

invalid() {   # invalid LABEL LOG: a load run had failed requests, so the run does not count
  local detail="$1 had failed requests"
  [ -s "$BENCH_ERROR_FILE" ] && detail=$(tail -1 "$BENCH_ERROR_FILE")
  finish invalid 1 "ERROR: the run is invalid: $detail (see $2)"
}

need() { command -v "$1" >/dev/null 2>&1 || die "required tool not found: $1 ($2)"; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# =============================================================== 0. environment
command -v python3 >/dev/null 2>&1 || { echo "ERROR: required tool not found: python3"; exit 1; }
fact mode "$MODE"; fact quick "$QUICK"; fact connections "$CONNS"; fact auth "$AUTH"
need wrk "apt-get install -y wrk"; need ps "apt-get install -y procps"
"$JAVA" -version >/dev/null 2>&1 || die "no working java at '$JAVA' (set JAVA_HOME)"
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')
fact java "$JAVA_VERSION"
if [ "$MODE" = postgres ]; then
  PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/pgbench" ] && [ -x "$PG_BIN/psql" ] \
    || die "no PostgreSQL server programs (initdb, pg_ctl, pgbench, psql) in '${PG_BIN}' (apt-get install -y postgresql, or set BENCH_PG_BIN)"
  PATH=$PG_BIN:$PATH
  [ "$(id -u)" != 0 ] || id "$PG_OS_USER" >/dev/null 2>&1 \
    || die "running as root, PostgreSQL needs another OS user to run as: '$PG_OS_USER' does not exist (set BENCH_PG_OS_USER)"
fi
say "== bench $(date -u +%FT%TZ), mode $MODE$([ "$QUICK" = 1 ] && echo ', QUICK (plumbing check: the figures are not for comparison)'); results in $OUT"
say "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $JAVA ($("$JAVA" -version 2>&1 | sed -n 2p)); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)$([ "$MODE" = postgres ] && echo "; $("$PG_BIN/postgres" --version)")"
say "durations (s): PUT warm-up $D_WARM, GET warm-up $D_GET_WARM; measured $ROUNDS rounds x $D_MEAS s, PUT and GET alternating; wrk -t1 -c$CONNS$([ "$MODE" = postgres ] && echo "; pool $POOL; then pgbench -c$CONNS -j$PG_JOBS: warm-up $D_PG_WARM s a statement, $ROUNDS rounds x $D_MEAS s")"
port_free "$PORT" || die "port 127.0.0.1:$PORT is in use (set BENCH_PORT)"

# =============================================================== 1. the jar
if [ -n "$JAR" ]; then
  [ -f "$JAR" ] || die "--jar $JAR: no such file"
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
  say "jar: $JAR (given)"
else
  say "building: ./mvnw -q -B -DskipTests package in $REPO (log: $OUT/build.log)"
  t=$(date +%s)
  bg in_dir "$REPO" timeout 1200 ./mvnw -q -B -DskipTests package > "$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log" | tee -a "$BENCH_LOG"; die "the build failed; log: $OUT/build.log"; }
  JAR=$("${PY[@]}" find-jar --dir "$REPO") || die "no executable jar after the build"
  say "jar: $JAR (built in $(( $(date +%s) - t )) s)"
fi
fact jar "$JAR"

# =============================================================== 2. PostgreSQL (--postgres)
DB_ARGS=()
if [ "$MODE" = postgres ]; then
  need psql "apt-get install -y postgresql"; need pgbench "apt-get install -y postgresql"; need runuser "apt-get install -y util-linux"
  PG_PORT=${BENCH_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  port_free "$PG_PORT" || die "port 127.0.0.1:$PG_PORT is in use (set BENCH_PG_PORT)"
  PGTMP=$(mktemp -d -t bench-pg.XXXXXX) || die "cannot create a temp dir"
  TMPDIRS+=("$PGTMP")
  [ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$PGTMP"
  PGPW=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077; echo "$PGPW" > "$PGTMP/pw"); [ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$PGTMP/pw"
  say "postgres: initdb in $PGTMP/data (scram-sha-256, superuser 'bench'), port 127.0.0.1:$PG_PORT"
  in_dir "$PGTMP" "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PGTMP/data" -U bench --pwfile="$PGTMP/pw" --auth=scram-sha-256 -E UTF8 --locale=C \
    > "$OUT/initdb.log" 2>&1 || { tail -20 "$OUT/initdb.log"; die "initdb failed; log: $OUT/initdb.log"; }
  rm -f "$PGTMP/pw"
  # fsync and synchronous_commit stay at their defaults (on): the durable path is what is measured
  cat >> "$PGTMP/data/postgresql.conf" <<EOF

# bench/run.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGTMP'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
EOF
  PGDATA_DIR=$PGTMP/data
  bg in_dir "$PGTMP" "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/postgres.log" -w -t 60 start > "$OUT/pg_ctl.log" 2>&1
  PG_PID=$(head -1 "$PGTMP/data/postmaster.pid" 2>/dev/null)
  [ -n "$PG_PID" ] && running "$PG_PID" || { tail -20 "$PGTMP/postgres.log" 2>/dev/null; die "PostgreSQL did not start (pg_ctl.log, postgres.log)"; }
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=bench PGPASSWORD=$PGPW PGDATABASE=postgres PGCONNECT_TIMEOUT=5
  for sql in "CREATE ROLE $SERVER_DB_ROLE LOGIN PASSWORD '$PGPW'" \
             "CREATE DATABASE $DB OWNER $SERVER_DB_ROLE" \
             "CREATE ROLE $PGBENCH_ROLE LOGIN PASSWORD '$PGPW' IN ROLE $SERVER_DB_ROLE" \
             "CREATE EXTENSION pg_stat_statements"; do
    "${PY[@]}" psql "$sql" > /dev/null || die "PostgreSQL set-up failed: $sql"
  done
  say "postgres: started (pid $PG_PID; fsync=$("${PY[@]}" psql 'SHOW fsync'), synchronous_commit=$("${PY[@]}" psql 'SHOW synchronous_commit')); database $DB owned by $SERVER_DB_ROLE; pgbench connects as $PGBENCH_ROLE"
  fact pg_version "$("${PY[@]}" psql 'SHOW server_version')"
  DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" --spring.datasource.username=$SERVER_DB_ROLE
           --spring.datasource.password="$PGPW" --spring.datasource.hikari.maximum-pool-size="$POOL")
fi

# =============================================================== 3. the server
SRV_CWD=$(mktemp -d -t bench-server.XXXXXX) || die "cannot create a temp dir"
TMPDIRS+=("$SRV_CWD")
ADMIN_EMAIL=admin@example.com
ADMIN_PW=bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
TOKEN_FILE=$OUT/.token
STORED_PW={noop}$ADMIN_PW
if [ "$AUTH" = Basic ]; then
  # as a production user's password is stored: hashed at a deliberate cost (Spring Security's PBKDF2
  # defaults, 310,000 iterations), so that each Basic request's password check is measured
  STORED_PW={pbkdf2@SpringSecurity_v5_8}$(python3 -c 'import hashlib, os, sys; s = os.urandom(16)
print((s + hashlib.pbkdf2_hmac("sha256", sys.argv[1].encode(), s, 310000, 32)).hex())' "$ADMIN_PW")
fi
say "server: starting in $SRV_CWD on 127.0.0.1:$PORT (rate limit and login throttle off)"
T0=$(date +%s.%N)
(cd "$SRV_CWD" && exec "$JAVA" "${JOPTS[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --notifications.rate-limit.enabled=false --notifications.security.login-throttle.enabled=false \
    "--notifications.security.users[0].email=$ADMIN_EMAIL" "--notifications.security.users[0].password=$STORED_PW" \
    "--notifications.security.users[0].roles=Administrator" "${DB_ARGS[@]}" "${EXTRA_ARGS[@]}") > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
bg "${PY[@]}" probe --base "http://127.0.0.1:$PORT" --email "$ADMIN_EMAIL" --password "$ADMIN_PW" --t0 "$T0" \
  --pid "$SERVER_PID" --timeout "$START_TIMEOUT" --token-out "$TOKEN_FILE" --log "$OUT/server.log" --facts "$OUT/facts.json" \
  || { tail -20 "$OUT/server.log" >> "$BENCH_LOG"; die "the server did not start, or its token or PUT failed (log: $OUT/server.log)"; }
bg "${PY[@]}" seed --base "http://127.0.0.1:$PORT" --token-file "$TOKEN_FILE" --n "$N_RECORDS" --ids "$OUT/ids.txt" \
  || die "the server's API does not behave while creating records or checking GET and PUT (log: $OUT/server.log)"
if [ "$MODE" = postgres ]; then
  # pgbench picks ids 1..1000 (bench/pgbench/*.sql): they must all exist (the probe's record and the 1000 created)
  python3 -c 'import json, sys; ids = {int(l) for l in open(sys.argv[1]) if l.strip()}
ids.add(json.load(open(sys.argv[2]))["probe_id"]); sys.exit(0 if set(range(1, 1001)) <= ids else 1)' "$OUT/ids.txt" "$OUT/facts.json" \
    || die "the records' Ids do not cover 1..1000, which bench/pgbench/*.sql pick from (ids: $OUT/ids.txt)"
fi

wrk_run() {   # wrk_run LABEL CASE PHASE ROUND DURATION
  local mode=put credentials=$TOKEN_FILE; [ "$2" = GET ] && mode=get
  if [ "$AUTH" = Basic ]; then   # req.lua sends "$BENCH_AUTH_SCHEME <file content>"
    credentials=$OUT/.basic; printf '%s' "$ADMIN_EMAIL:$ADMIN_PW" | base64 -w0 > "$credentials"
  fi
  bg "${PY[@]}" wrk --label "$1" --case "$2" --phase "$3" --round "$4" --duration "$5" --pid "$SERVER_PID" \
    ${PG_PID:+--db-pid "$PG_PID"} --url "http://127.0.0.1:$PORT" --lua "$HERE/req.lua" --mode "$mode" \
    --ids "$OUT/ids.txt" --token-file "$credentials" --raw "$OUT/$1.txt" --jsonl "$OUT/runs.jsonl" --connections "$CONNS"
  case $? in 0) ;; 3) invalid "$1" "$OUT/server.log" ;; *) die "load run $1 failed (see $OUT/$1.txt)" ;; esac
}

pgss_phase() {   # reset the statement counters, run a warm-up, read what the server sent
  local label=$1 case=$2 dur=$3
  [ "$MODE" = postgres ] && { "${PY[@]}" psql "SELECT pg_stat_statements_reset()" > /dev/null || die "pg_stat_statements_reset() failed"; }
  wrk_run "$label" "$case" warm 0 "$dur"
  [ "$MODE" = postgres ] && { "${PY[@]}" pgss --db "$DB" --role "$SERVER_DB_ROLE" --case "$case" --label "$label" \
                                --jsonl "$OUT/runs.jsonl" --out "$OUT/statements-server-${case,,}.json" \
                                || die "cannot read pg_stat_statements"; }
  return 0
}

# =============================================================== 4. warm-up, and on PostgreSQL the statements
say ""
say "== warm-up (not counted)"
pgss_phase warm-put PUT "$D_WARM"
pgss_phase warm-get GET "$D_GET_WARM"

if [ "$MODE" = postgres ]; then
  say ""
  say "== do bench/pgbench/*.sql send the server's statements? (pgbench -t $CHECK_TX as $PGBENCH_ROLE, then pg_stat_statements)"
  for c in put get; do
    "${PY[@]}" script --dir "$HERE/pgbench" --case "$c" --out "$OUT/pgbench-$c.sql" --defines-out "$OUT/pgbench-$c.defines" || die "no pgbench script for $c"
    "${PY[@]}" psql "SELECT pg_stat_statements_reset()" > /dev/null || die "pg_stat_statements_reset() failed"
    bg "${PY[@]}" pgbench --label "check-$c" --case "PG_${c^^}" --phase check --raw "$OUT/check-pgbench-$c.txt" \
      --script "$OUT/pgbench-$c.sql" --defines "$OUT/pgbench-$c.defines" --db "$DB" --user "$PGBENCH_ROLE" \
      --db-pid "$PG_PID" --transactions "$CHECK_TX" --connections 1 --jobs 1 \
      || die "bench/pgbench/$c*.sql do not run (see $OUT/check-pgbench-$c.txt)"
    "${PY[@]}" pgss --db "$DB" --role "$PGBENCH_ROLE" --case "PG_${c^^}" --quiet --out "$OUT/statements-pgbench-$c.json" \
      || die "cannot read pg_stat_statements"
    "${PY[@]}" pg-check --server "$OUT/statements-server-$c.json" --script-stmts "$OUT/statements-pgbench-$c.json" \
      --dir "$HERE/pgbench" --case "$c" --script-tx "$CHECK_TX" \
      || die "bench/pgbench/$c*.sql no longer send what the server sends: update them as printed above"
  done
fi

# =============================================================== 5. measured rounds, PUT and GET alternating
for r in $(seq 1 "$ROUNDS"); do
  say ""
  say "== round $r of $ROUNDS (measured, $D_MEAS s each)"
  wrk_run "r$r-put" PUT measure "$r" "$D_MEAS"
  wrk_run "r$r-get" GET measure "$r" "$D_MEAS"
done
fact rss_mb "$("${PY[@]}" rss --pid "$SERVER_PID")"
[ "$MODE" = h2 ] && finish ok 0

# =============================================================== 6. PostgreSQL alone: pgbench with the same statements
say ""
say "== the database alone: server stopped; pgbench -M prepared -c$CONNS -j$PG_JOBS as $PGBENCH_ROLE"
stop_server
pgbench_run() {   # pgbench_run LABEL CASE PHASE ROUND DURATION
  local c=${2#PG_}; c=${c,,}
  bg "${PY[@]}" pgbench --label "$1" --case "$2" --phase "$3" --round "$4" --duration "$5" --raw "$OUT/$1.txt" \
    --jsonl "$OUT/runs.jsonl" --script "$OUT/pgbench-$c.sql" --defines "$OUT/pgbench-$c.defines" --db "$DB" \
    --user "$PGBENCH_ROLE" --db-pid "$PG_PID" --connections "$CONNS" --jobs "$PG_JOBS"
  case $? in 0) ;; 3) invalid "$1" "$OUT/postgres.log" ;; *) die "pgbench run $1 failed (see $OUT/$1.txt)" ;; esac
}
pgbench_run warm-pg-put PG_PUT warm 0 "$D_PG_WARM"
pgbench_run warm-pg-get PG_GET warm 0 "$D_PG_WARM"
for r in $(seq 1 "$ROUNDS"); do
  pgbench_run "r$r-pg-put" PG_PUT measure "$r" "$D_MEAS"
  pgbench_run "r$r-pg-get" PG_GET measure "$r" "$D_MEAS"
done
finish ok 0
