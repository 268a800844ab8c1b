#!/usr/bin/env bash
# Streaming exports: the raw report export of 1 M and 3 M generated reports, by the app running as in
# production (java -jar, external PostgreSQL) with a deliberately small heap. Prints, per size: time to
# first byte, total time, rows/s, the same query through `psql \copy` (the reference), and the peak heap
# in use during the export. A streaming export keeps the peak flat as rows grow; a buffering one
# would run out of a 128 MB heap long before 3 M rows.
#
# Needs: a JDK 21+ (JAVA_HOME), psql, a PostgreSQL server (default 127.0.0.1:5432, user postgres,
# trust auth; PGHOST/PGPORT/PGUSER to change). Creates and drops the database ua_bench.
# Usage: bench/export-heap.sh [sizes...]   (default: 1000000 3000000)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-1000000 3000000}"); read -r -a SIZES <<< "${SIZES[*]}"
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
PORT=${PORT:-18090}
HEAP=${HEAP:-128m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
DB=ua_bench

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi

psql -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
URGENT_ACTION_ADMIN_EMAIL=bench@example.org URGENT_ACTION_ADMIN_PASSWORD=bench-password-123 \
PORT=$PORT "$JAVA" -Xmx$HEAP -jar "$jar" > /tmp/ua-bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; psql -qc "drop database if exists $DB" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 1; done

jar_cookies=$(mktemp)
. bench/staff-login.sh
staff_login "http://127.0.0.1:$PORT" "$jar_cookies" bench@example.org bench-password-123 "$DB"

# Peak heap in use (young + old, KB) while a command runs, sampled every 100 ms by jstat.
peak_heap_during() {
  "$JSTAT" -gc "$app" 100 > /tmp/ua-bench-jstat.txt &
  local sampler=$!
  "$@"
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' /tmp/ua-bench-jstat.txt
}

printf '%-9s %9s %9s %11s %13s %8s %13s\n' rows "ttfb(s)" "total(s)" "app rows/s" "psql rows/s" "ratio" "peak heap MB"
for n in "${SIZES[@]}"; do
  psql -d $DB -qc "truncate action_report cascade" >/dev/null
  psql -d $DB -qc "insert into action_report (appeal_id, kind, quantity, supporter_country, consent_given, submission_token, reported_at)
      select (select min(id) from appeal), (array['LETTER','EMAIL','FAX','PHONE_CALL'])[1 + g % 4], 1 + g % 5,
             (array['GB','US','DE','FR',null])[1 + g % 5], false, gen_random_uuid(), now() - (g % 365) * interval '1 day'
      from generate_series(1, $n) g" >/dev/null
  # Half the reports name an official, so the export's aggregate of target names does real work.
  psql -d $DB -qc "insert into action_report_target select id, (select min(id) from target) from action_report where id % 2 = 0" >/dev/null
  psql -d $DB -qc "vacuum analyze" >/dev/null

  start=$(date +%s.%N)
  # The reference: psql running the app's own export (bench/sql/export-reports.sql) with the same period.
  sed -e "s/:from/2000-01-01T00:00:00Z/g" -e "s/:to/$(date -d '+2 days' +%F)T00:00:00Z/g" bench/sql/export-reports.sql \
    | grep -v '^--' | psql -d $DB -q > /dev/null
  psql_s=$(echo "$(date +%s.%N) - $start" | bc)

  url="http://127.0.0.1:$PORT/admin/exports/reports.csv?from=2000-01-01&to=$(date -d tomorrow +%F)"
  peak=$(peak_heap_during sh -c "curl -s -b '$jar_cookies' -o /dev/null -w '%{time_starttransfer} %{time_total}' '$url' > /tmp/ua-bench-curl.txt")
  read -r ttfb total < /tmp/ua-bench-curl.txt || true   # curl writes no final newline
  lines=$(curl -s -b "$jar_cookies" "$url" | wc -l)
  [ "$lines" -eq $((n + 1)) ] || { echo "export had $lines lines, expected $((n + 1))" >&2; exit 1; }
  printf '%-9s %9.2f %9.1f %11.0f %13.0f %8.2f %13s\n' "$n" "$ttfb" "$total" "$(echo "$n / $total" | bc -l)" \
      "$(echo "$n / $psql_s" | bc -l)" "$(echo "($n / $total) / ($n / $psql_s)" | bc -l)" "$peak"
done
echo "(heap limit -Xmx$HEAP; rows checked: every export had exactly rows + 1 header lines)"
