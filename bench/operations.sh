#!/usr/bin/env bash
# Operations checks, each printing PASS or FAIL with its figures:
#  1. SIGTERM while an export of 500,000 reports is in flight: the export completes, every row arrives;
#     and SIGTERM under a load of pages and reports: nothing in flight fails, every accepted report is stored.
#  2. Two instances on one database, requests alternating: counts exact, a staff session made on one is
#     valid on the other, and the report rate limit is shared (one address, both instances, one budget).
#  3. pg_dump and restore into a fresh database: the same row counts, and the app runs on the copy.
# Needs a JDK 21+ (JAVA_HOME), curl, psql, pg_dump, pg_restore and a PostgreSQL server (default
# 127.0.0.1:5432, user postgres, trust auth). Creates and drops the databases ua_ops and ua_ops_copy.
set -uo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
A=18093 B=18094 C=18095
jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi
work=$(mktemp -d)
pids=()
failures=0
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  psql -qc "drop database if exists ua_ops" -c "drop database if exists ua_ops_copy" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
result() { if [ "$1" = PASS ]; then echo "PASS  $2"; else echo "FAIL  $2"; failures=$((failures + 1)); fi; }

start() {  # port database [extra env...] → pid of the app, once it answers
  local port=$1 db=$2; shift 2
  env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME=$PGUSER PORT=$port \
      URGENT_ACTION_ADMIN_EMAIL=ops@example.org URGENT_ACTION_ADMIN_PASSWORD=ops-password-123 "$@" \
      "$JAVA" -Xmx256m -jar "$jar" > "$work/app-$port.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/appeals" && break; sleep 1; done
  echo "$pid"
}
. bench/staff-login.sh
login() { staff_login "http://127.0.0.1:$1" "$2" ops@example.org ops-password-123 ua_ops; }  # port cookie-file
form_value() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" | head -1; }   # a hidden field of a page
report() {  # port cookie-file slug → HTTP status (the form first: its token is signed by the server, for one report)
  local form
  form=$(curl -s -c "$2" -b "$2" "http://127.0.0.1:$1/appeals/$3/report")
  curl -s -o /dev/null -w '%{http_code}' -c "$2" -b "$2" --data-urlencode "submissionToken=$(form_value submissionToken <<< "$form")" \
      --data-urlencode kind=LETTER --data-urlencode quantity=1 --data-urlencode "_csrf=$(form_value _csrf <<< "$form")" \
      "http://127.0.0.1:$1/appeals/$3/report"
}

psql -qc "drop database if exists ua_ops" -c "create database ua_ops" >/dev/null

# --- 1. graceful shutdown -------------------------------------------------------------------------
pid=$(start $A ua_ops)
login $A "$work/staff-a"
psql -d ua_ops -qc "insert into action_report (appeal_id, kind, quantity, consent_given, submission_token)
    select (select min(id) from appeal), 'LETTER', 1, false, gen_random_uuid() from generate_series(1, 500000)" >/dev/null
curl -s -b "$work/staff-a" -o "$work/export.csv" "http://127.0.0.1:$A/admin/exports/reports.csv?from=2000-01-01" &
download=$!
sleep 1
kill -TERM "$pid"
wait $download; curl_exit=$?
rows=$(($(wc -l < "$work/export.csv") - 1))
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done   # not our child: poll
[ $curl_exit -eq 0 ] && [ $rows -eq 500000 ] && grep -q "Graceful shutdown complete" "$work/app-$A.log" \
  && result PASS "SIGTERM during a 500,000-row export: the export finished with all $rows rows, then the app stopped" \
  || result FAIL "SIGTERM during an export: curl exit $curl_exit, $rows of 500000 rows"
psql -d ua_ops -qc "truncate action_report cascade; truncate action_tally; truncate rate_limit_bucket" >/dev/null 2>&1

# --- 1b. graceful shutdown under load -------------------------------------------------------------
# 16 supporters at full speed, each alternating the report form and a report with its token (a fresh
# connection per request); SIGTERM after 3 s. Each request notes when it started. One that started before the
# SIGTERM was in flight and must complete (200/302); one that started after may be refused at
# connect (curl exit 7) or closed unanswered (52/56), as the server no longer takes requests.
pid=$(start $A ua_ops URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_HOUR=1000000 URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_MINUTE=1000000)
slug=$(curl -s "http://127.0.0.1:$A/appeals" | grep -o 'href="/appeals/ex-1-2026[^"]*"' | head -1 | sed 's|href="/appeals/||;s|"||')
csrf=$(curl -s -c "$work/load-cookies" "http://127.0.0.1:$A/appeals/$slug/report" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
supporter() {
  for i in $(seq 1 150); do
    local started form exit=0 token
    started=$(date +%s.%N)
    form=$(curl -s -w '\n%{http_code}' -b "$work/load-cookies" "http://127.0.0.1:$A/appeals/$slug/report") || exit=$?
    echo "$started $(tail -1 <<< "$form") $exit page"
    token=$(form_value submissionToken <<< "$form")
    [ -n "$token" ] || continue   # no form (the server stopped taking requests): no report to send
    echo "$(date +%s.%N) $(curl -s -o /dev/null -w '%{http_code}' -b "$work/load-cookies" --data-urlencode "_csrf=$csrf" \
      --data-urlencode "submissionToken=$token" --data-urlencode kind=LETTER \
      --data-urlencode quantity=1 "http://127.0.0.1:$A/appeals/$slug/report") $? report"
  done
}
for n in $(seq 1 16); do supporter > "$work/load-$n.txt" & done
sleep 3
sigterm=$(date +%s.%N)
kill -TERM "$pid"
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
cat "$work"/load-*.txt > "$work/load.txt"
# Fields: start, status, curl exit, kind. "$(date)" runs before curl, so start is when it began.
before=$(awk -v t="$sigterm" '$1 < t' "$work/load.txt")
after=$(awk -v t="$sigterm" '$1 >= t' "$work/load.txt")
in_flight=$(grep -c . <<< "$before")
completed=$(grep -cE ' (200|302) 0 ' <<< "$before")
failed=$((in_flight - completed))
turned_away=$(grep -vcE ' (200|302) 0 ' <<< "$after")
accepted=$(grep -cE ' 302 0 report' "$work/load.txt")
stored=$(psql -d ua_ops -Atc "select count(*) from action_report")
[ "$failed" -eq 0 ] && [ "$completed" -gt 0 ] && [ "$accepted" = "$stored" ] && grep -q "Graceful shutdown complete" "$work/app-$A.log" \
  && result PASS "SIGTERM under load (16 supporters, pages and reports): $completed of $in_flight requests started before it completed, $failed failed; $turned_away started after it were turned away; $accepted reports accepted = $stored stored" \
  || result FAIL "SIGTERM under load: $completed of $in_flight started before it completed ($(grep -vE ' (200|302) 0 ' <<< "$before" | awk '{print $2, $3, $4}' | sort | uniq -c | tr '\n' ';')); $accepted accepted, $stored stored"
psql -d ua_ops -qc "truncate action_report cascade; truncate action_tally; truncate rate_limit_bucket" >/dev/null 2>&1

# --- 2. two instances -----------------------------------------------------------------------------
start $A ua_ops URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_HOUR=1200 URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_MINUTE=20 >/dev/null
start $B ua_ops URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_HOUR=1200 URGENT_ACTION_RATE_LIMIT_ACTIONS_PER_MINUTE=20 >/dev/null
slug=$(curl -s "http://127.0.0.1:$A/appeals" | grep -o 'href="/appeals/ex-1-2026[^"]*"' | head -1 | sed 's|href="/appeals/||;s|"||')
accepted=0; refused=0
for i in $(seq 1 40); do
  port=$([ $((i % 2)) -eq 0 ] && echo $A || echo $B)
  status=$(report $port "$work/supporter" "$slug")
  [ "$status" = 302 ] && accepted=$((accepted + 1)); [ "$status" = 429 ] && refused=$((refused + 1))
done
count_a=$(curl -s "http://127.0.0.1:$A/appeals/$slug" | sed -n 's/.*<strong>\([0-9,]*\)<\/strong>.*/\1/p' | head -1 | tr -d ,)
count_b=$(curl -s "http://127.0.0.1:$B/appeals/$slug" | sed -n 's/.*<strong>\([0-9,]*\)<\/strong>.*/\1/p' | head -1 | tr -d ,)
stored=$(psql -d ua_ops -Atc "select count(*) from action_report")
# Two separate budgets would accept all 40; one shared budget accepts 20 plus what refills meanwhile (1 per 3 s).
[ "$accepted" -ge 20 ] && [ "$accepted" -le 25 ] && [ $((accepted + refused)) = 40 ] && [ "$count_a" = "$stored" ] \
  && [ "$count_b" = "$stored" ] && [ "$stored" = "$accepted" ] \
  && result PASS "two instances, 40 reports alternating from one address with a limit of 20/min: $accepted accepted, $refused refused (one shared budget); public count $count_a on A, $count_b on B, $stored stored" \
  || result FAIL "two instances: accepted $accepted, refused $refused, count A $count_a, B $count_b, stored $stored"
login $A "$work/staff"
on_b=$(curl -s -b "$work/staff" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$B/admin/appeals")
[ "$on_b" = 200 ] && result PASS "a staff session made on A is valid on B (HTTP $on_b)" \
  || result FAIL "staff session from A on B answered $on_b"

# --- 3. backup and restore ------------------------------------------------------------------------
pg_dump -Fc -d ua_ops -f "$work/ua_ops.dump"
psql -qc "drop database if exists ua_ops_copy" -c "create database ua_ops_copy" >/dev/null
pg_restore -d ua_ops_copy --no-owner "$work/ua_ops.dump"
same=yes
for table in appeal target action_report action_tally letter_template staff_account audit_entry; do
  [ "$(psql -d ua_ops -Atc "select count(*) from $table")" = "$(psql -d ua_ops_copy -Atc "select count(*) from $table")" ] || same="no ($table)"
done
start $C ua_ops_copy >/dev/null
count_c=$(curl -s "http://127.0.0.1:$C/appeals/$slug" | sed -n 's/.*<strong>\([0-9,]*\)<\/strong>.*/\1/p' | head -1 | tr -d ,)
[ "$same" = yes ] && [ "$count_c" = "$stored" ] \
  && result PASS "pg_dump/pg_restore: same row counts in 7 tables; the app runs on the copy and shows the same count ($count_c)" \
  || result FAIL "backup: same counts: $same; count on the copy: $count_c (expected $stored)"

exit $failures
