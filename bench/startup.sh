#!/usr/bin/env bash
# Seconds from starting the app to the first 200, three ways, each the median of RUNS runs, with the
# references measured in the same rounds (interleaved):
#
#   prepared     java -XX:AOTCache=app.aot -jar (extracted jar; the cache from a training run)
#                against the PostgreSQL server, to the first 200 on an appeal page
#   unprepared   java -jar on the packaged jar, the same database and page
#   newcomer     ./mvnw spring-boot:run on an empty embedded database (initdb, migrations, demo
#                load), to the first 200 on the appeal list
#   references   the JVM's bare start (java -version) and psql -c 'select 1'
#
# Needs: JDK 25 (JAVA_HOME; the AOT cache is JEP 483/514/515), psql, curl, bc; a PostgreSQL server
# (default 127.0.0.1:5432, user postgres, trust). Uses the database $DB (made, with 2000 appeals, when
# missing). Usage: bench/startup.sh   (RUNS=3; about 5 minutes). bench/speed.sh calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-ua_start}
RUNS=${RUNS:-3}
APP_PORT=${APP_PORT:-18110}
HEAP=${HEAP:-512m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
APP="http://127.0.0.1:$APP_PORT"

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -ntp -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi
if [ "$(psql -d "$DB" -Atc "select count(*) > 0 from appeal" 2>/dev/null)" != t ]; then
  bench/generate-data.sh "$DB" 100000
fi
slug=$(psql -d "$DB" -Atc "select slug from appeal where status = 'PUBLISHED' and deadline >= current_date order by id limit 1")

work=$(mktemp -d)
app=
cleanup() {
  set +e
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
record() { echo "$2" >> "$work/$1"; }
m() { median < "$work/$1"; }
runs() { tr '\n' ' ' < "$work/$1"; }

# start_app URL COMMAND...: runs COMMAND in the background until URL answers 200, prints the seconds.
start_app() {
  local url=$1 start
  shift
  start=$(now)
  setsid "$@" > "$work/app.log" 2>&1 &   # its own process group, so stop_app ends all of it
  app=$!
  until curl -fs -o /dev/null "$url"; do
    kill -0 $app 2>/dev/null || { echo "the app did not start:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  since "$start"
  stop_app
}
stop_app() {
  # The whole group: spring-boot:run forks the app's JVM.
  kill -- -"$app" 2>/dev/null || kill "$app" 2>/dev/null
  wait "$app" 2>/dev/null || true
  app=
}
server_env=(env SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER
  URGENT_ACTION_DATA_DIR="$work/unused" URGENT_ACTION_SECRET_KEY_FILE="$work/staff-secrets.json" PORT=$APP_PORT)

# --- Preparation: the extracted jar and its AOT cache, from a training run ------------------------
# The training run starts the app, asks it for the first pages a supporter opens, and exits.
"$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
train_start=$(now)
"${server_env[@]}" "$JAVA" -Xmx$HEAP -XX:AOTCacheOutput="$work/app.aot" -Durgent-action.training-run=true \
  -jar "$work/app/$(basename "$jar")" > "$work/train.log" 2>&1
training=$(since "$train_start")

for round in $(seq "$RUNS"); do
  start=$(now); "$JAVA" -version > /dev/null 2>&1; record jvm "$(since "$start")"
  start=$(now); psql -d "$DB" -qAtc 'select 1' > /dev/null; record psql "$(since "$start")"
  record prepared "$(start_app "$APP/appeals/$slug" "${server_env[@]}" "$JAVA" -Xmx$HEAP -XX:AOTCache="$work/app.aot" \
    -jar "$work/app/$(basename "$jar")")"
  record unprepared "$(start_app "$APP/appeals/$slug" "${server_env[@]}" "$JAVA" -Xmx$HEAP -jar "$jar")"
  rm -rf "$work/embedded" "$work/newcomer-secrets.json"
  record newcomer "$(start_app "$APP/appeals" env URGENT_ACTION_DATA_DIR="$work/embedded" \
    URGENT_ACTION_SECRET_KEY_FILE="$work/newcomer-secrets.json" PORT=$APP_PORT ./mvnw -B -ntp -q spring-boot:run)"
done

echo "Urgent Action start-up, $(date -u +%FT%TZ), $(nproc) cores, $RUNS interleaved rounds, medians"
echo "data: $(psql -d "$DB" -Atc "select count(*) from appeal") appeals in $DB; page /appeals/$slug; app -Xmx$HEAP; $("$JAVA" -version 2>&1 | head -1)"
printf '%-44s %7s  %s\n' "start" "s" "runs"
printf '%-44s %7.2f  %s\n' "prepared (AOT cache), first 200, appeal page" "$(m prepared)" "$(runs prepared)"
printf '%-44s %7.2f  %s\n' "unprepared (java -jar), first 200, same" "$(m unprepared)" "$(runs unprepared)"
printf '%-44s %7.2f  %s\n' "newcomer (mvnw spring-boot:run), empty" "$(m newcomer)" "$(runs newcomer)"
printf '%-44s %7.2f  %s\n' "  reference: java -version" "$(m jvm)" "$(runs jvm)"
printf '%-44s %7.2f  %s\n' "  reference: psql -c 'select 1'" "$(m psql)" "$(runs psql)"
printf '%-44s %7.2f  %s\n' "training run (makes the cache, once)" "$training" "cache $(du -m "$work/app.aot" | cut -f1) MB"
