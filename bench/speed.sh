#!/usr/bin/env bash
# The speed of each hot path as a ratio to the best this machine does with the same work, measured
# side by side: each round measures the app and then its reference, RUNS rounds interleaved, and
# the table shows medians. The app runs as in production: `java -jar` against the PostgreSQL
# server, default settings, behind a trusted proxy (127.0.0.1, which passes X-Forwarded-For).
#
#   appeal page   wrk, 64 connections          vs nginx serving a byte-identical snapshot of the page
#   list          wrk, 16 connections          vs pgbench running the list page's SQL with its bind parameters, 16 clients
#   report POST   wrk, 16 connections          vs pgbench running the SQL of one report, 16 clients;
#                 spread over all open appeals and all on the hottest one; then latency at half
#                 the maximum rate
#   petition      wrk, 16 connections          vs pgbench running the SQL of one signature (page and POST), 16
#                 clients; all on one petition (an open appeal, not the hot one, set up for the run)
#   CSV export    curl of 5 M reports          vs psql \copy of the same query to /dev/null
#   cold start    java -jar to the first 200, then requests/s in the first 10 s vs the warm figure
#   organisers    seconds for the dashboard's overview and for one appeal's year (no reference)
#   start-up      bench/startup.sh: prepared (AOT cache), unprepared and newcomer-embedded starts
#
# Needs: JDK 21+ (JAVA_HOME), psql, pgbench, wrk, nginx, curl, jstat, bc, oathtool; a PostgreSQL server
# (default 127.0.0.1:5432, user postgres, trust auth). Uses (and makes, when missing, with
# bench/generate-data.sh) the database ua_speed; reports the benchmark adds are removed at the end,
# and so are the petition it sets up and its signatures.
# Usage: bench/speed.sh     (RUNS=3 DURATION=10 WARMUP=120 by default; takes about 25 minutes)
#        ONLY=petition bench/speed.sh     only the petition line (the app still starts cold; no
#                 staff login, nginx, other paths or start-up). With REPORTS=100000 DB=ua_speed_petition
#                 it generates and uses a smaller data set (REPORTS: the size made when missing, and the
#                 least an existing DB must hold).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-ua_speed}
REPORTS=${REPORTS:-5000000}
ONLY=${ONLY:-}
case $ONLY in ""|petition) ;; *) echo "ONLY=$ONLY: only ONLY=petition is known" >&2; exit 2 ;; esac
everything() { [ -z "$ONLY" ]; }
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-120}
APP_PORT=${APP_PORT:-18100}
NGINX_PORT=${NGINX_PORT:-18101}
HEAP=${HEAP:-512m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
APP="http://127.0.0.1:$APP_PORT"

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi
if [ "$(psql -d "$DB" -Atc "select count(*) >= $REPORTS from action_report" 2>/dev/null)" != t ]; then
  bench/generate-data.sh "$DB" "$REPORTS"
fi

# This server may run without autovacuum (as CI's does); production's would have cleaned up after
# the last run's reports and refreshed the planner's statistics by now.
psql -d "$DB" -qc "vacuum (analyze)"

work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as an unprivileged user and read the snapshot from here
app=
nginx=
last_generated=$(psql -d "$DB" -Atc "select max(id) from action_report")
generated_reports=$(psql -d "$DB" -Atc "select count(*) from action_report")
petition_id=
cleanup() {
  set +e
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$nginx" ] && kill "$nginx" 2>/dev/null && wait "$nginx" 2>/dev/null
  # Put the data set back as generated, so the next run measures the same thing: without the
  # petition set up below (generated appeals have none) and its signatures, whose SIGNATURE reports
  # go with the other reports added.
  psql -d "$DB" -q >/dev/null <<SQL || true
delete from petition_signature where appeal_id = ${petition_id:-0};
delete from petition_tally where appeal_id = ${petition_id:-0};
delete from petition where appeal_id = ${petition_id:-0};
delete from letter_template where appeal_id = ${petition_id:-0} and kind = 'PETITION';
delete from appeal_action where appeal_id = ${petition_id:-0} and kind = 'SIGNATURE';
delete from action_report where id > $last_generated;
begin;
truncate action_tally;
insert into action_tally (appeal_id, shard, actions, reports)
  select appeal_id, id % 16, sum(quantity), count(*) from action_report group by 1, 2;
commit;
delete from rate_limit_bucket;
-- The app rolled some of the removed reports into the organisers' per-day totals: recompute them.
select rebuild_action_days(now() - interval '3 minutes');
SQL
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }   # a value from a STATS line
ratio() { echo "scale=2; $1 / $2" | bc; }
record() { echo "$2" >> "$work/$1"; }             # record NAME VALUE: one measurement of one run
values() { cat "$work/$1"; }

# --- The data the paths work on -------------------------------------------------------------------
today=$(date +%F)
hot=$(psql -d "$DB" -Atc "select a.slug from appeal a join action_tally t on t.appeal_id = a.id
  where a.status = 'PUBLISHED' and a.deadline >= current_date group by a.slug order by sum(t.reports) desc limit 1")
open_slugs=$(psql -d "$DB" -Atc "select string_agg(slug, ',') from appeal where status = 'PUBLISHED' and deadline >= current_date")
SEARCH=${SEARCH:-detained}
COUNTRY=${COUNTRY:-CN}
list_path="/appeals?q=$SEARCH&country=$COUNTRY"
# The petition: the most reported open appeal after the hot one, open until tomorrow at least (so a
# run past midnight keeps it open), made a petition for the run: it offers SIGNATURE, has a text
# (a PETITION template, as a real one has) and a goal. Set up before the app starts, so nothing
# the app keeps can predate it.
read -r petition_id petition_slug <<< "$(psql -d "$DB" -Atc "select a.id || ' ' || a.slug from appeal a
  join action_tally t on t.appeal_id = a.id where a.status = 'PUBLISHED' and a.deadline > current_date and a.slug <> '$hot'
  group by a.id, a.slug order by sum(t.reports) desc limit 1")"
[ -n "$petition_id" ] || { echo "no open appeal (besides $hot) to make the petition" >&2; exit 1; }
psql -d "$DB" -q <<SQL
insert into appeal_action (appeal_id, kind) values ($petition_id, 'SIGNATURE') on conflict do nothing;
insert into letter_template (appeal_id, language, kind, heading, subject, body)
  values ($petition_id, 'en', 'PETITION', 'Open letter on case $petition_id', 'The Minister of Justice',
          E'We, the undersigned, call on you to release them immediately and unconditionally.\n\nWe urge you to protect them from torture in the meantime.')
  on conflict do nothing;
insert into petition (appeal_id, goal) values ($petition_id, 100000) on conflict do nothing;
SQL
petition_path="/appeals/$petition_slug/petition"

# --- Cold start -----------------------------------------------------------------------------------
start=$(date +%s.%N)
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
URGENT_ACTION_ADMIN_EMAIL=bench@example.org URGENT_ACTION_ADMIN_PASSWORD=bench-password-123 \
URGENT_ACTION_TRUSTED_PROXIES='127\.0\.0\.1' PORT=$APP_PORT "$JAVA" -Xmx$HEAP -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
until curl -fs -o /dev/null "$APP/appeals/$hot"; do
  kill -0 $app 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.05
done
cold_start=$(echo "$(date +%s.%N) - $start" | bc)
everything && cold_rps=$(wrk -t2 -c64 -d10s -s bench/wrk/stats.lua "$APP/appeals/$hot" | field rps)

# --- Staff login (exports), the report form's CSRF token and cookie (for the petition too) ----------
cookies="$work/cookies"
if everything; then
  . bench/staff-login.sh
  staff_login "$APP" "$cookies" bench@example.org bench-password-123 "$DB"
fi
form_cookies="$work/form-cookies"
export CSRF CSRF_COOKIE
CSRF=$(curl -s -c "$form_cookies" "$APP/appeals/$hot/report" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
CSRF_COOKIE=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$form_cookies")

# --- References: nginx, and the SQL each path runs --------------------------------------------------
mkdir -p "$work/www" "$work/nginx"
if everything; then
cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location / { default_type "text/html; charset=UTF-8"; }
  }
}
NGINX
nginx -c "$work/nginx.conf" &
nginx=$!
echo ok > "$work/www/ready.txt"
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/ready.txt" && break; sleep 0.1; done
curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/ready.txt" || { echo "nginx did not start (port $NGINX_PORT taken?):" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
fi

# The list page's SQL twice: with the page's values as bind parameters, as the app sends them (the
# reference), and with the values written into the SQL, which PostgreSQL plans once for good (shown too).
# The values are named once, for both.
list_params=(); written_in=()
for value in "search=$SEARCH" "country=$COUNTRY" "today=$today" limit=10 offset=0; do
  list_params+=(-D "$value"); written_in+=(-e "s/:${value%%=*}/'${value#*=}'/g")
done
sed "${written_in[@]}" bench/sql/list-page.sql > "$work/list-template.sql"
page_query=$(sed -n '/^-- page$/,/;/p' "$work/list-template.sql" | grep -v '^--')
page_ids=$(psql -d "$DB" -Atc "$page_query" | cut -d'|' -f1)
sed -e "s/:ids/$(paste -sd, <<< "$page_ids")/g" "$work/list-template.sql" > "$work/list-literal.sql"
n=0; id_variables=
for id in $page_ids; do n=$((n + 1)); list_params+=(-D "id$n=$id"); id_variables+="${id_variables:+, }:id$n"; done
sed -e "s/:ids/$id_variables/g" bench/sql/list-page.sql > "$work/list.sql"
if ! psql -d "$DB" -Atc "explain ${page_query%;}" | grep -q appeal_search_idx; then
  list_plan="NO (the page query does not use appeal_search_idx)"
else
  list_plan="yes (Bitmap Index Scan on appeal_search_idx)"
fi
psql -d "$DB" -Atc "select id from appeal where slug = '$hot'" > "$work/hot-id"
sed -e "s/:open_ids/$(psql -d "$DB" -Atc "select string_agg(id::text, ',') from appeal where status = 'PUBLISHED' and deadline >= current_date")/" \
  bench/sql/report.sql > "$work/report-spread.sql"
sed -e "s/:open_ids/$(cat "$work/hot-id")/" bench/sql/report.sql > "$work/report-hot.sql"
# One signature's SQL, and (shown too) its POST's part alone: the \set lines and what follows "-- post".
petition_params=(-D "petition_id=$petition_id" -D "petition_slug=$petition_slug")
{ grep '^\\set' bench/sql/petition.sql; sed -n '/^-- post$/,$p' bench/sql/petition.sql; } > "$work/petition-post.sql"

pgbench_tps() { pgbench -n -M prepared -c 16 -j 2 -T "$DURATION" "${@:2}" -f "$1" "$DB" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p'; }
wrk_run() { wrk -t2 -c"$1" -d"${DURATION}s" "${@:2}"; }

# Export: the app's export of all reports, and psql running the same COPY (Period: from the start of
# the first day to the end of the last, UTC).
export_to=$(date -d tomorrow +%F)
export_query() {
  sed -e "s/:from/${1}T00:00:00Z/g" -e "s/:to/$(date -d "$export_to + 1 day" +%F)T00:00:00Z/g" bench/sql/export-reports.sql | grep -v '^--'
}
export_run() {  # from-date → "ttfb total rows peakMB"
  local from=$1
  "$JSTAT" -gc $app 100 > "$work/jstat" & local sampler=$!
  curl -s -b "$cookies" -o "$work/export.csv" -w '%{time_starttransfer} %{time_total}' \
    "$APP/admin/exports/reports.csv?from=$from&to=$export_to" > "$work/curl"
  kill $sampler; wait $sampler 2>/dev/null || true
  local peak
  peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$work/jstat")
  echo "$(cat "$work/curl") $(( $(wc -l < "$work/export.csv") - 1 )) $peak"
}

# --- Warm-up: every path at full load for WARMUP seconds, plus one export ---------------------------
# (The JIT compiler shares the two cores with the load: throughput still rose for minutes after a
# 10 s warm-up, which favoured whatever ran last; the list page still gained a fifth after 30 s, and
# a new instance's CPU per report fell from 2.2 to 0.8 ms over its first four minutes of reports.)
warm() { wrk -t2 -c16 -d"${WARMUP}s" "$@" > /dev/null; }
if everything; then
  for path in "/appeals/$hot" "$list_path"; do warm "$APP$path"; done
  curl -s -b "$cookies" -o /dev/null "$APP/admin/dashboard"
  REPORT_SLUGS=$open_slugs REPORT_PATH="/appeals/$hot/report" warm -s bench/wrk/report.lua "$APP"
  REPORT_PATH="/appeals/$hot/report" warm -s bench/wrk/report.lua "$APP"
fi
PETITION_PATH=$petition_path warm -s bench/wrk/petition.lua "$APP"
everything && export_run 2000-01-01 > /dev/null

# --- Rounds ----------------------------------------------------------------------------------------
for run in $(seq 1 "$RUNS"); do
  echo "round $run of $RUNS" >&2
  if everything; then
    curl -s "$APP/appeals/$hot" -o "$work/www/appeal.html"
    curl -s "http://127.0.0.1:$NGINX_PORT/appeal.html" | cmp -s - "$work/www/appeal.html" \
      && curl -s "$APP/appeals/$hot" | cmp -s - "$work/www/appeal.html" || { echo "snapshot differs from the page" >&2; exit 1; }
    out=$(wrk_run 64 -s bench/wrk/stats.lua "$APP/appeals/$hot")
    record page.rps "$(field rps <<< "$out")"; record page.p99 "$(field p99 <<< "$out")"; record page.errors "$(field errors <<< "$out")"
    record nginx.rps "$(wrk_run 64 -s bench/wrk/stats.lua "http://127.0.0.1:$NGINX_PORT/appeal.html" | field rps)"

    out=$(wrk_run 16 -s bench/wrk/stats.lua "$APP$list_path")
    record list.rps "$(field rps <<< "$out")"; record list.p95 "$(field p95 <<< "$out")"; record list.errors "$(field errors <<< "$out")"
    record list.pgbench "$(pgbench_tps "$work/list.sql" "${list_params[@]}")"
    record list.literal "$(pgbench_tps "$work/list-literal.sql")"

    # Spread and hot take turns at going first, so neither always runs on a warmer machine.
    for kind in $([ $((run % 2)) = 1 ] && echo "spread hot" || echo "hot spread"); do
      slugs=$([ $kind = spread ] && echo "$open_slugs" || echo "")
      out=$(REPORT_SLUGS=$slugs REPORT_PATH="/appeals/$hot/report" wrk_run 16 -s bench/wrk/report.lua "$APP")
      record $kind.rps "$(field rps <<< "$out")"; record report.errors "$(field errors <<< "$out")"
    done
    record report.pgbench "$(pgbench_tps "$work/report-spread.sql")"
  fi

  # Signatures, all on the one petition; then its reference, and the reference's POST part alone.
  out=$(PETITION_PATH=$petition_path wrk_run 16 -s bench/wrk/petition.lua "$APP")
  record petition.rps "$(field rps <<< "$out")"; record petition.errors "$(field errors <<< "$out")"
  record petition.requests "$(field requests <<< "$out")"; record petition.p99 "$(field p99 <<< "$out")"
  record petition.pgbench "$(pgbench_tps bench/sql/petition.sql "${petition_params[@]}")"
  record petition.post "$(pgbench_tps "$work/petition-post.sql" "${petition_params[@]}")"
  everything || continue

  read -r ttfb total rows peak <<< "$(export_run 2000-01-01)"
  record export.rows "$rows"; record export.ttfb "$ttfb"; record export.rps "$(echo "$rows / $total" | bc -l)"
  record export.peak "$peak"
  start=$(date +%s.%N)
  export_query 2000-01-01 | psql -d "$DB" -q > /dev/null
  record psql.rps "$(echo "$rows / ($(date +%s.%N) - $start)" | bc -l)"

  # Organisers: the overview of every appeal (last 30 days and all time) and one appeal's year.
  record dash.overview "$(curl -s -b "$cookies" -o /dev/null -w '%{time_total}' "$APP/admin/dashboard")"
  record dash.appeal "$(curl -s -b "$cookies" -o /dev/null -w '%{time_total}' \
    "$APP/admin/dashboard/appeals/$(cat "$work/hot-id")?from=$(date -d '1 year ago' +%F)&to=$today")"
done

# Latency at half the highest report rate (on the hot appeal): each of 16 connections pauses so that
# together they offer half of the median maximum; three runs, medians. Each run also notes whether
# PostgreSQL ran a checkpoint meanwhile: the rounds above write a few hundred MB of WAL, and a
# checkpoint flushing them slows every commit, so a p99 is only comparable with its flag.
# checkpoint_state: how many checkpoints have started, and whether one is writing right now.
checkpoint_state() {
  psql -d "$DB" -Atc "select (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) || ' ' ||
    (select count(*) from pg_stat_activity where backend_type = 'checkpointer' and wait_event = 'CheckpointWriteDelay')"
}
if everything; then
  half=$(echo "$(values hot.rps | median) / 2" | bc -l)
  for run in 1 2 3; do
    read -r started_before writing_before <<< "$(checkpoint_state)"
    out=$(INTERVAL_MS=$(echo "16 * 1000 / $half" | bc) REPORT_PATH="/appeals/$hot/report" wrk_run 16 -s bench/wrk/report.lua "$APP")
    read -r started_after writing_after <<< "$(checkpoint_state)"
    record half.rps "$(field rps <<< "$out")"; record half.p99 "$(field p99 <<< "$out")"
    overlap=""
    if [ "$started_after" != "$started_before" ] || [ "$writing_before$writing_after" != 00 ]; then overlap=" during a checkpoint"; fi
    record half.runs "$(field p99 <<< "$out") ms$overlap"
  done
  half_rps=$(values half.rps | median); half_p99=$(values half.p99 | median)

  # Peak heap for an export of about 1 M reports (the last 73 days) against the 5 M above.
  read -r _ _ rows_1m peak_1m <<< "$(export_run "$(date -d '73 days ago' +%F)")"
fi

# --- The table -------------------------------------------------------------------------------------
m() { values "$1" | median; }
sum() { values "$1" | awk '{ s += $1 } END { print s + 0 }'; }
echo
echo "Urgent Action speed, $(date -u +%FT%TZ), $(nproc) cores, $RUNS interleaved rounds of ${DURATION}s, medians"
echo "data: $(psql -d "$DB" -Atc "select count(*) from appeal") appeals, $(psql -d "$DB" -Atc "select count(*) from target") officials," \
     "$generated_reports reports; hot appeal $hot; petition on $petition_slug; app -Xmx$HEAP"
printf '%-38s %12s %14s %7s  %s\n' path app reference ratio "other measures"
if everything; then
  printf '%-38s %12.0f %14.0f %7s  %s\n' "appeal page, req/s (c=64)" "$(m page.rps)" "$(m nginx.rps)" \
    "$(ratio "$(m page.rps)" "$(m nginx.rps)")" "p99 $(m page.p99) ms; failed $(sum page.errors) (nginx)"
  printf '%-38s %12.0f %14.0f %7s  %s\n' "list, search+filter, req/s (c=16)" "$(m list.rps)" "$(m list.pgbench)" \
    "$(ratio "$(m list.rps)" "$(m list.pgbench)")" "p95 $(m list.p95) ms; failed $(sum list.errors); full-text index: $list_plan (pgbench)"
  printf '%-38s %12s %14.0f %7s  %s\n' "  the same SQL, values written in" "" "$(m list.literal)" \
    "$(ratio "$(m list.rps)" "$(m list.literal)")" "(pgbench; PostgreSQL plans it once for good, the app can't)"
  printf '%-38s %12.0f %14.0f %7s  %s\n' "reports spread, accepted/s (c=16)" "$(m spread.rps)" "$(m report.pgbench)" \
    "$(ratio "$(m spread.rps)" "$(m report.pgbench)")" "failed $(sum report.errors) (pgbench)"
  printf '%-38s %12.0f %14.0f %7s  %s\n' "reports on one appeal, accepted/s" "$(m hot.rps)" "$(m spread.rps)" \
    "$(ratio "$(m hot.rps)" "$(m spread.rps)")" "(reference: the same, spread)"
  printf '%-38s %12.0f %14s %7s  %s\n' "reports at half max, accepted/s" "$half_rps" "" "" "p99 $half_p99 ms (runs: $(values half.runs | paste -sd, | sed 's/,/, /g'))"
fi
printf '%-38s %12.0f %14.0f %7s  %s\n' "petition signatures accepted/s (c=16)" "$(m petition.rps)" "$(m petition.pgbench)" \
  "$(ratio "$(m petition.rps)" "$(m petition.pgbench)")" "p99 $(m petition.p99) ms; failed $(sum petition.errors) of $(sum petition.requests) requests (pgbench: page and POST)"
printf '%-38s %12s %14.0f %7s  %s\n' "  the SQL of the POST alone" "" "$(m petition.post)" \
  "$(ratio "$(m petition.rps)" "$(m petition.post)")" "(pgbench; without the page's six selects)"
if everything; then
  printf '%-38s %12.0f %14.0f %7s  %s\n' "CSV export, rows/s" "$(m export.rps)" "$(m psql.rps)" \
    "$(ratio "$(m export.rps)" "$(m psql.rps)")" "$(m export.rows) rows; first byte $(m export.ttfb) s; peak heap $(m export.peak) MB (psql, same COPY)"
  printf '%-38s %12s %14s %7s  %s\n' "CSV export, peak heap MB" "$peak_1m" "$(m export.peak)" \
    "$(ratio "$peak_1m" "$(m export.peak)")" "$rows_1m rows vs $(m export.rows) rows"
  printf '%-38s %12s %14s %7s  %s\n' "organisers' overview, s" "$(m dash.overview)" "" "" \
    "every appeal's actions in 30 days and all time, from all $generated_reports reports"
  printf '%-38s %12s %14s %7s  %s\n' "one appeal's year, s" "$(m dash.appeal)" "" "" \
    "the hot appeal by kind, official, country and day"
  printf '%-38s %12.0f %14.0f %7s  %s\n' "cold start: first 10 s, req/s" "$cold_rps" "$(m page.rps)" \
    "$(ratio "$cold_rps" "$(m page.rps)")" "first 200 after $(printf %.1f "$cold_start") s (warm appeal page)"
fi

# Each round's ratios, to show the spread behind the medians (and any trend from round to round).
per_round() { paste -d' ' <(values "$1") <(values "$2") | awk '{ printf "%s%.2f", (NR > 1 ? "  " : ""), $1 / $2 }'; }
echo
echo "each round, app / reference:"
if everything; then
  printf '  %-34s %s\n' "appeal page" "$(per_round page.rps nginx.rps)" "list" "$(per_round list.rps list.pgbench)" \
    "reports spread" "$(per_round spread.rps report.pgbench)" "reports on one appeal / spread" "$(per_round hot.rps spread.rps)" \
    "CSV export" "$(per_round export.rps psql.rps)"
fi
printf '  %-34s %s\n' "petition signatures" "$(per_round petition.rps petition.pgbench)" \
  "petition / the POST's SQL" "$(per_round petition.rps petition.post)"

# --- Start-up: prepared, unprepared, newcomer (runs alone too) --------------------------------------
everything || exit 0
echo
# Its own port: this script's app is still up (an APP_PORT given to this script would reach startup.sh too).
DB=$DB HEAP=$HEAP APP_PORT=$((APP_PORT + 10)) bench/startup.sh
