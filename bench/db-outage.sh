#!/usr/bin/env bash
# PostgreSQL killed (kill -9 of every server process) three times during a stream of action reports,
# in two runs:
#  - external: a private PostgreSQL the script starts (Debian's binaries) and starts again after each kill;
#  - embedded: the app's own embedded PostgreSQL (no datasource configured), which the app itself must
#    notice and start again; the script only kills it.
# Checks: every report the app answered with success (302) is in the database (0 lost); replaying
# answered submissions adds nothing (0 duplicates); requests during an outage get 503, never 500;
# the app recovers by itself, without a restart.
#
# No other database is touched: the external server has its own port and data directory, the
# embedded one its own data directory. Processes are killed by the pids in postmaster.pid.
# Needs a JDK 21+ (JAVA_HOME), curl, psql.
# Usage: bench/db-outage.sh [reports]   (default 600 per run, about a minute each; the app logs are
# left in ${TMPDIR:-/tmp}/ua-outage-app-external.log and …-embedded.log)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=${1:-600}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PGPORT=${PGPORT_PRIVATE:-55432}
PORT=${PORT:-18092}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
TMP=${TMPDIR:-/tmp}
DATA=$(mktemp -d "$TMP/ua-outage-XXXXXX")
WORK=$(mktemp -d "$TMP/ua-outage-work-XXXXXX")
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DATA"

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi

postmaster_of() { head -1 "$1/postmaster.pid" 2>/dev/null || true; }
kill_server() {  # data directory: kill -9 of the postmaster and every process it started, by pid
  local pm children
  pm=$(postmaster_of "$1")
  [ -n "$pm" ] || return 0
  children=$(ps -o pid= --ppid "$pm" 2>/dev/null || true)
  kill -9 "$pm" $children 2>/dev/null || true
}

app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop > /dev/null 2>&1 || true
  kill_server "$DATA"; kill_server "$WORK/embedded/postgres"
  rm -rf "$DATA" "$WORK"
}
trap cleanup EXIT

start_app() {  # name, then the environment of the app → sets $app once it answers
  local name=$1; shift
  env URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_HOUR=1000000 URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_MINUTE=1000000 PORT=$PORT "$@" \
      "$JAVA" -Xmx256m -jar "$jar" > "$TMP/ua-outage-app-$name.log" 2>&1 &
  app=$!
  # Until the demo appeals are in: the server answers before they are loaded.
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/appeals" | grep -q 'href="/appeals/ex-1-2026' && return 0
    kill -0 "$app" 2>/dev/null || break
    sleep 1
  done
  echo "the app ($name) did not come up; its log ends:" >&2; tail -20 "$TMP/ua-outage-app-$name.log" >&2; exit 1
}
stop_app() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; }

report() {  # token → HTTP status of the report
  curl -s -o /dev/null -m 15 -w '%{http_code}' -b "$WORK/cookies" -H 'Accept: text/html' \
    --data-urlencode "submissionToken=$1" --data-urlencode kind=LETTER --data-urlencode quantity=1 \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/appeals/$slug/report" || echo 000
}

# The submission id a token carries (bytes 17-32 of the 48 it encodes), as stored with the report.
submission_id() { tr -- '-_' '+/' <<< "$1" | base64 -d 2>/dev/null | head -c 32 | tail -c 16 | od -An -tx1 | tr -d ' \n' \
  | sed 's/\(.\{8\}\)\(.\{4\}\)\(.\{4\}\)\(.\{4\}\)/\1-\2-\3-\4-/'; echo; }

# One run: a stream of reports while the server is killed three times; $1 is the name, $2 the
# command run after each kill (the external run starts its server again; the embedded one waits).
outage_run() {
  local name=$1 after_kill=$2 results="$WORK/results-$1"
  slug=$(curl -s "http://127.0.0.1:$PORT/appeals" | grep -o 'href="/appeals/ex-1-2026[^"]*"' | head -1 | sed 's|href="/appeals/||;s|"||')
  rm -f "$WORK/cookies"
  csrf=$(curl -s -c "$WORK/cookies" -b "$WORK/cookies" "http://127.0.0.1:$PORT/appeals/$slug/report" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  # Each report opens its form first: the server signs its token, good for one report. A form that
  # does not come (the database is down) is noted with its status instead of a token.
  ( for i in $(seq 1 "$REPORTS"); do
      form=$(curl -s -m 15 -w '\n%{http_code}' -b "$WORK/cookies" -H 'Accept: text/html' "http://127.0.0.1:$PORT/appeals/$slug/report" || true)
      token=$(sed -n 's/.*name="submissionToken" value="\([^"]*\)".*/\1/p' <<< "$form" | head -1)
      if [ -n "$token" ]; then echo "$token $(report "$token")"; else echo "- $(tail -1 <<< "$form")"; fi
      sleep 0.05
    done > "$results" ) &
  local reporter=$! postmasters=""
  sleep 4
  for kill in 1 2 3; do
    postmasters="$postmasters $(postmaster_of "$data_directory")"
    kill_server "$data_directory"
    sleep 3
    $after_kill
    sleep 8
  done
  wait $reporter
  postmasters="$postmasters $(postmaster_of "$data_directory")"

  awk '$2 == 302 { print $1 }' "$results" > "$WORK/accepted-tokens"
  while read -r token; do submission_id "$token"; done < "$WORK/accepted-tokens" | sort > "$WORK/accepted"
  query "select submission_token from action_report" | sort > "$WORK/stored"
  local accepted lost before after replayed=0 public last
  accepted=$(wc -l < "$WORK/accepted")
  lost=$(comm -23 "$WORK/accepted" "$WORK/stored" | wc -l)
  before=$(query "select count(*) from action_report")
  for token in $(head -50 "$WORK/accepted-tokens"); do [ "$(report "$token")" = 302 ] && replayed=$((replayed + 1)); done
  after=$(query "select count(*) from action_report")
  public=$(curl -s "http://127.0.0.1:$PORT/appeals/$slug" | sed -n 's/.*<strong>\([0-9,]*\)<\/strong>.*/\1/p' | head -1 | tr -d ,)
  last=$(tail -20 "$results" | awk '$2 == 302' | wc -l)

  echo "== $name"
  printf '%-48s %s\n' "reports sent" "$REPORTS" \
    "answered 302 (accepted)" "$accepted" \
    "answered 503 (database unavailable page)" "$(awk '$2 == 503' "$results" | wc -l)" \
    "answered 5xx other than 503" "$(awk '$2 ~ /^5/ && $2 != 503' "$results" | wc -l)" \
    "no answer (timeout/connection)" "$(awk '$2 == "000"' "$results" | wc -l)" \
    "accepted but missing from the database (lost)" "$lost" \
    "replays of 50 accepted submissions answered 302" "$replayed" \
    "rows added by those replays (duplicates)" "$((after - before))" \
    "public count equals stored rows" "$([ "$public" = "$after" ] && echo yes || echo "no ($public vs $after)")" \
    "last 20 reports accepted (recovered)" "$last of 20" \
    "postmaster pids (before each kill, at the end)" "${postmasters# }" \
    "app restarted" "no (pid $app still running: $(kill -0 "$app" 2>/dev/null && echo yes || echo no))"
}

# --- external: a private PostgreSQL, started again by the script after each kill ---------------
as_pg "$PGBIN/initdb" -D "$DATA" -A trust -U postgres > /dev/null
start_pg() { as_pg "$PGBIN/pg_ctl" -D "$DATA" -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1" -l "$DATA/server.log" -w start > /dev/null; }
start_pg
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database ua" > /dev/null
query() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ua -Atc "$1"; }
start_app external SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/ua" SPRING_DATASOURCE_USERNAME=postgres
data_directory=$DATA
outage_run "external PostgreSQL (restarted by the script)" start_pg
stop_app

# --- embedded: the app's own PostgreSQL, which the app must start again by itself ------------------
mkdir -p "$WORK/embedded"
start_app embedded URGENT_ACTION_DATA_DIR="$WORK/embedded/postgres"
data_directory=$WORK/embedded/postgres
query() {  # the embedded server takes only its password; its port is in postmaster.pid
  PGPASSWORD=$(cat "$data_directory/urgent-action.password") psql -h 127.0.0.1 \
    -p "$(sed -n 4p "$data_directory/postmaster.pid")" -U postgres -d postgres -Atc "$1"
}
outage_run "embedded PostgreSQL (restarted by the app)" true
echo "restarts logged by the app: $(grep -c 'The embedded PostgreSQL is running again' "$TMP/ua-outage-app-embedded.log")"
stop_app
