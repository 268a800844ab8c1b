#!/usr/bin/env bash
# PostgreSQL killed (kill -9 of every server process) three times during a stream of action reports.
# Checks: every report the app answered with success (302) is in the database (0 lost); replaying
# answered submissions adds nothing (0 duplicates); requests during an outage get 503, never 500;
# the app recovers by itself, without a restart.
#
# Runs its own PostgreSQL (Debian's binaries, as the postgres user) on a private port and data
# directory, so no other database is touched. Needs a JDK 21+ (JAVA_HOME), curl, psql.
# Usage: bench/db-outage.sh [reports]   (default 600, about a minute; the app log is left in /tmp/ua-outage-app.log)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=${1:-600}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PGPORT=${PGPORT_PRIVATE:-55432}
PORT=${PORT:-18092}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
DATA=$(mktemp -d /tmp/ua-outage-XXXXXX)
WORK=$(mktemp -d /tmp/ua-outage-work-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DATA"

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi

as_pg "$PGBIN/initdb" -D "$DATA" -A trust -U postgres > /dev/null
start_pg() { as_pg "$PGBIN/pg_ctl" -D "$DATA" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1" -l "$DATA/server.log" -w start > /dev/null; }
kill_pg() { pkill -9 -f -- "-D $DATA" || true; sleep 0.5; pkill -9 -f -- "$DATA" || true; }
start_pg
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database ua" > /dev/null

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/ua" SPRING_DATASOURCE_USERNAME=postgres \
URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_HOUR=1000000 URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_MINUTE=1000000 PORT=$PORT "$JAVA" -Xmx256m -jar "$jar" > "$WORK/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop > /dev/null 2>&1 || true
  kill_pg; cp "$WORK/app.log" /tmp/ua-outage-app.log 2>/dev/null || true; rm -rf "$DATA" "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/appeals" && break; sleep 1; done
slug=$(curl -s "http://127.0.0.1:$PORT/appeals" | grep -o 'href="/appeals/ex-1-2026[^"]*"' | head -1 | sed 's|href="/appeals/||;s|"||')
cookies="$WORK/cookies"
csrf=$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$PORT/appeals/$slug/report" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)

report() {  # token → HTTP status of the report
  curl -s -o /dev/null -m 15 -w '%{http_code}' -b "$cookies" -H 'Accept: text/html' \
    --data-urlencode "submissionToken=$1" --data-urlencode kind=LETTER --data-urlencode quantity=1 \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/appeals/$slug/report" || echo 000
}

# Each report opens its form first: the server signs its token, good for one report. A form that does
# not come (the database is down) is noted with its status instead of a token.
( for i in $(seq 1 "$REPORTS"); do
    form=$(curl -s -m 15 -w '\n%{http_code}' -b "$cookies" -H 'Accept: text/html' "http://127.0.0.1:$PORT/appeals/$slug/report" || true)
    token=$(sed -n 's/.*name="submissionToken" value="\([^"]*\)".*/\1/p' <<< "$form" | head -1)
    if [ -n "$token" ]; then echo "$token $(report "$token")"; else echo "- $(tail -1 <<< "$form")"; fi
    sleep 0.05
  done > "$WORK/results" ) &
reporter=$!

sleep 4
for kill in 1 2 3; do
  kill_pg
  sleep 3
  start_pg
  sleep 8
done
wait $reporter

accepted=$(awk '$2 == 302' "$WORK/results" | wc -l)
# The submission id a token carries (bytes 17-32 of the 48 it encodes), as stored with the report.
submission_id() { tr -- '-_' '+/' <<< "$1" | base64 -d 2>/dev/null | head -c 32 | tail -c 16 | od -An -tx1 | tr -d ' \n' \
  | sed 's/\(.\{8\}\)\(.\{4\}\)\(.\{4\}\)\(.\{4\}\)/\1-\2-\3-\4-/'; echo; }
awk '$2 == 302 { print $1 }' "$WORK/results" > "$WORK/accepted-tokens"
while read -r token; do submission_id "$token"; done < "$WORK/accepted-tokens" | sort > "$WORK/accepted"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ua -Atc "select submission_token from action_report" | sort > "$WORK/stored"
lost=$(comm -23 "$WORK/accepted" "$WORK/stored" | wc -l)
before=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ua -Atc "select count(*) from action_report")
replayed=0
for token in $(head -50 "$WORK/accepted-tokens"); do [ "$(report "$token")" = 302 ] && replayed=$((replayed + 1)); done
after=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d ua -Atc "select count(*) from action_report")
public=$(curl -s "http://127.0.0.1:$PORT/appeals/$slug" | sed -n 's/.*<strong>\([0-9,]*\)<\/strong>.*/\1/p' | head -1 | tr -d ,)

printf '%-44s %s\n' "reports sent" "$REPORTS" \
  "answered 302 (accepted)" "$accepted" \
  "answered 503 (database unavailable page)" "$(awk '$2 == 503' "$WORK/results" | wc -l)" \
  "answered 5xx other than 503" "$(awk '$2 ~ /^5/ && $2 != 503' "$WORK/results" | wc -l)" \
  "no answer (timeout/connection)" "$(awk '$2 == "000"' "$WORK/results" | wc -l)" \
  "accepted but missing from the database (lost)" "$lost" \
  "replays of 50 accepted submissions answered 302" "$replayed" \
  "rows added by those replays (duplicates)" "$((after - before))" \
  "public count equals stored rows" "$([ "$public" = "$after" ] && echo yes || echo "no ($public vs $after)")" \
  "app restarted" "no (pid $app still running: $(kill -0 $app 2>/dev/null && echo yes || echo no))"
