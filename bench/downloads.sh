#!/usr/bin/env bash
# The public appeal page while 200 clients download a public 10 MB PDF at once, with a 512 MB heap:
# the page's p99 alone, then during the downloads, and their ratio (goal: at most 3x); how many
# downloads completed and how many were told 503 (all download slots taken, try again); and the
# OutOfMemoryErrors in the app's log (goal: 0).
#
# Runs the jar against a private database on the PostgreSQL server at PGHOST:PGPORT (default
# 127.0.0.1:5432, user postgres, trust), which it creates and drops. Needs a JDK 21+ (JAVA_HOME),
# wrk, curl, psql. Usage: bench/downloads.sh [seconds per phase] (default 30); the app log is left in
# /tmp/ua-downloads-app.log.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-30}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${DB:-public_bench_downloads}
PORT=${PORT:-18401}
DOWNLOADERS=${DOWNLOADERS:-200}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/ua-downloads-XXXXXX)
base="http://127.0.0.1:$PORT"

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi

psql -qc "drop database if exists $DB" > /dev/null
psql -qc "create database $DB" > /dev/null
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
URGENT_ACTION_DEMO_ENABLED=true PORT=$PORT "$JAVA" -Xmx512m -jar "$jar" > "$WORK/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  cp "$WORK/app.log" /tmp/ua-downloads-app.log 2>/dev/null || true
  psql -qc "drop database if exists $DB" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 180); do curl -fs -o /dev/null "$base/appeals" && break; sleep 1; done
slug=$(curl -s "$base/appeals" | grep -o 'href="/appeals/ex-1-2026[^"]*"' | head -1 | sed 's|href="/appeals/||;s|"||')
[ -n "$slug" ] || { echo "no demo appeal on $base/appeals" >&2; exit 1; }

# A 10 MiB PDF on that appeal, as an upload stores it (16-byte MD5 blocks: nothing to compress).
file_id=$(psql -d "$DB" -Atq <<SQL
with content as (select '%PDF-1.7'::bytea || string_agg(decode(md5(i::text), 'hex'), ''::bytea order by i) as bytes
                 from generate_series(1, 655360) i),
     stored as (insert into stored_file (file_name, content_type, size_bytes, content, sha256)
                select 'bench.pdf', 'application/pdf', length(bytes), bytes, encode(sha256(bytes), 'hex') from content
                returning id, size_bytes)
insert into appeal_resource (appeal_id, position, label, file_name, content_type, size_bytes, storage_key)
select a.id, 99, 'Benchmark PDF', 'bench.pdf', 'application/pdf', s.size_bytes, s.id::text
from stored s, appeal a where a.slug = '$slug'
returning storage_key;
SQL
)
file="$base/files/$file_id/bench.pdf"
size=$(curl -s -o /dev/null -w '%{size_download}' "$file")
echo "document: $file, $size bytes; appeal page: $base/appeals/$slug"

page() {  # a wrk run on the appeal page → its STATS line, and what its errors were
  wrk -t2 -c16 -d"${SECONDS_PER_PHASE}s" --latency -s bench/wrk/stats.lua "$base/appeals/$slug" > "$WORK/page"
  echo "$(grep '^STATS' "$WORK/page") $(grep -E 'Socket errors|Non-2xx' "$WORK/page" | tr -s ' ' | tr '\n' ' ')"
}
value() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

wrk -t2 -c16 -d10s "$base/appeals/$slug" > /dev/null   # warm-up
alone=$(page)
wrk -t2 -c"$DOWNLOADERS" -d"$((SECONDS_PER_PHASE + 4))s" --timeout 60s -s bench/wrk/download.lua "$file" > "$WORK/downloads" &
downloads=$!
sleep 2
during=$(page)
wait $downloads

p99_alone=$(echo "$alone" | value p99)
p99_during=$(echo "$during" | value p99)
ooms=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)
server_errors=$(grep -c ' ERROR ' "$WORK/app.log" || true)
printf '%-46s %s\n' \
  "appeal page alone" "$alone" \
  "appeal page during $DOWNLOADERS parallel downloads" "$during" \
  "downloads ($DOWNLOADERS clients)" "$(grep '^DOWNLOADS' "$WORK/downloads")"
printf '%-46s %s ms\n' "p99 alone" "$p99_alone" "p99 during downloads" "$p99_during"
printf '%-46s %s (goal <= 3)\n' "ratio" "$(echo "scale=2; $p99_during / $p99_alone" | bc)"
printf '%-46s %s (goal 0)\n' "OutOfMemoryErrors in the app log" "$ooms"
printf '%-46s %s\n' "ERROR lines in the app log" "$server_errors"
