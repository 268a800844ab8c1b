#!/usr/bin/env bash
# Fills a PostgreSQL database with a realistic load for the speed benchmark: 5,000 officials,
# 2,000 appeals (most published and open, some closed, a few drafts) each with people, three
# officials and a letter, and 5,000,000 action reports spread unevenly: the appeal ranked k gets
# about 1/k of the reports (Zipf), so a few appeals carry most of them, as real campaigns do.
# Reports name one of the appeal's officials three times in five and span the last year, in time order.
#
# Every table is filled by COPY: psql runs the generating query as COPY ... TO STDOUT and a second
# psql reads that with COPY ... FROM STDIN. The schema comes from the app itself (its Flyway
# migrations, by starting the jar once with demo content off).
#
# Needs: a JDK 21+ (JAVA_HOME), psql, a PostgreSQL server (default 127.0.0.1:5432, user postgres,
# trust auth; PGHOST/PGPORT/PGUSER to change).
# Usage: bench/generate-data.sh [database] [reports]   (default: ua_speed 5000000)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-ua_speed}
REPORTS=${2:-5000000}
APPEALS=2000
TARGETS=5000
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PORT=${PORT:-18097}

jar=$(ls target/urgent-action-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/urgent-action-*.jar | head -1); fi

started=$(date +%s)
psql -qc "drop database if exists $DB" -c "create database $DB" >/dev/null

# The schema: start the app once against the empty database, stop it when it answers.
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
URGENT_ACTION_DEMO_ENABLED=false PORT=$PORT "$JAVA" -jar "$jar" > /tmp/ua-generate-app.log 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/appeals" && break; sleep 1; done
kill $app; wait $app 2>/dev/null || true

# copy TABLE(COLUMNS) QUERY: rows made by QUERY, loaded by COPY.
copy() {
  psql -d "$DB" -qc "\\copy ($3) to stdout" | psql -d "$DB" -qc "\\copy $1($2) from stdin"
  echo "$1: $(psql -d "$DB" -Atc "select count(*) from $1") rows" >&2
}

WORDS="array['journalist','lawyer','activist','student','teacher','doctor','poet','farmer','union','leader',
  'blogger','nurse','artist','detained','sentenced','tortured','disappeared','charged','arrested','held','released',
  'prison','court','appeal','trial','health','family','hunger','strike','protest','election','land','water','labour',
  'women','rights','speech']"

copy target "name, title, organisation, salutation, address_lines, address_city, address_postcode, address_country, email, fax, phone" "
  select 'Official ' || g, 'Minister of ' || (array['Justice','Interior','Defence','Foreign Affairs','Health'])[1 + g % 5],
         'Ministry ' || g % 400, 'Your Excellency', g || ' Government Street', 'City ' || g % 300, lpad((g % 99999)::text, 5, '0'),
         (array['CN','IR','EG','SA','TR','RU','BY','MX','VN','NG'])[1 + g % 10], 'official' || g || '@gov.example',
         '+1 555 ' || lpad(g::text, 7, '0'), '+1 556 ' || lpad(g::text, 7, '0')
  from generate_series(1, $TARGETS) g"

# Appeal g: 1-1,500 published (deadlines from last month to three months ahead), 1,501-1,900 closed,
# the rest drafts. Titles and summaries draw on a small vocabulary, so a search word matches a
# realistic fraction of the appeals.
copy appeal "reference_code, slug, title, country, themes, issuer, summary, background, demands_intro, issued_on, deadline, status, outcome, closed_on, search_text" "
  select 'UA ' || g || '/26', 'bench-appeal-' || g, initcap(w1) || ' ' || w2 || ' in case ' || g,
         (array['CN','IR','EG','SA','TR','RU','BY','MX','VN','NG'])[1 + g % 10],
         array[(array['Torture','Death penalty','Freedom of expression','Women''s rights','Labour rights'])[1 + g % 5]],
         'Amnesty International', 'A ' || w1 || ' was ' || w2 || ' after a ' || w3 || '. Appeal number ' || g || '.',
         '**Background.** The ' || w1 || ' has been ' || w2 || ' since last year.', 'Please write, urging the authorities to:',
         current_date - 30 - g % 200, current_date - 30 + g % 120,
         case when g <= 1500 then 'PUBLISHED' when g <= 1900 then 'CLOSED' else 'DRAFT' end,
         case when g > 1500 and g <= 1900 then 'RELEASED' end, case when g > 1500 and g <= 1900 then current_date - g % 30 end,
         'UA ' || g || '/26 ' || initcap(w1) || ' ' || w2 || ' in case ' || g || ' A ' || w1 || ' was ' || w2 || ' after a ' || w3
           || ' Person ' || g || '-0' || case when g % 2 = 1 then ' Person ' || g || '-1' else '' end
  from (select g, ($WORDS)[1 + (g * 7) % 37] w1, ($WORDS)[1 + (g * 13 + 12) % 37] w2,
               ($WORDS)[1 + (g * 17 + 24) % 37] w3 from generate_series(1, $APPEALS) g) s"

copy appeal_demand "appeal_id, position, text" "
  select a.id, p, (array['Release them immediately and unconditionally','Protect them from torture',
                         'Give them access to their family and lawyers'])[p + 1]
  from appeal a cross join generate_series(0, 2) p"

copy person_at_risk "appeal_id, position, name, description, situation, detention_place, detention_address_lines, detention_address_city, detention_address_country" "
  select a.id, p, 'Person ' || a.id || '-' || p, 'Human rights defender', 'DETAINED', 'Detention Centre ' || a.id % 50,
         a.id % 50 || ' Prison Road', 'City ' || a.id % 300, a.country
  from appeal a cross join generate_series(0, (a.id % 2)::int) p"

copy appeal_target "appeal_id, target_id, position, role" "
  select a.id, 1 + (a.id * 3 + p) % $TARGETS, p, case when p < 2 then 'PRIMARY' else 'COPY' end
  from appeal a cross join generate_series(0, 2) p"

# The ways to act each appeal offers (migration V14 gives appeals that existed before it letters,
# e-mails and faxes; these are made after it): without them the report form takes no kind at all.
copy appeal_action "appeal_id, kind" "
  select a.id, k from appeal a cross join unnest(array['LETTER', 'EMAIL', 'FAX']) k"

copy letter_template "appeal_id, language, kind, heading, subject, body" "
  select a.id, 'en', 'APPEAL', 'Write to the authorities', 'Urgent appeal: ' || a.title,
         E'{salutation},\n\nI am writing about {person}. Please release them.\n\nYours sincerely,\n{name}'
  from appeal a"

# Reports: the k-th most reported appeal draws ~1/k of them (inverse-CDF of a Zipf law over the
# 1,900 appeals that have been published; open ones rank first, as a live campaign is the one
# being acted on). They are written in the order they were made, as the app writes them (the
# reports-by-time index is a BRIN index, which relies on that).
copy action_report "appeal_id, kind, quantity, supporter_country, supporter_name, supporter_email, consent_given, submission_token, reported_at" "
  with ranked as (select id, row_number() over (order by status = 'PUBLISHED' and deadline >= current_date desc, id) as k
                  from appeal where status <> 'DRAFT')
  select r.id, (array['LETTER','EMAIL','FAX','PHONE_CALL','SOCIAL_POST','SIGNATURE'])[1 + (g % 6)],
         case when g % 10 = 0 then 1 + g % 20 else 1 end,
         (array['GB','US','DE','FR','NL','ES','IT','CA','AU','BR','JP', null])[1 + (g % 12)],
         case when g % 10 = 3 then 'Supporter ' || g end, case when g % 10 = 3 then 'supporter' || g || '@mail.example' end,
         g % 10 = 3, gen_random_uuid(), s.reported_at
  from (select g, least(1900, floor(exp(random() * ln(1900.0))))::int as k,
               now() - (random() * 365) * interval '1 day' as reported_at
        from generate_series(1, $REPORTS) g) s
  join ranked r on r.k = s.k
  order by s.reported_at"

copy action_report_target "report_id, target_id" "
  select r.id, t.target_id from action_report r join appeal_target t on t.appeal_id = r.appeal_id and t.position = r.id % 5
  where r.id % 5 < 3"

copy action_tally "appeal_id, shard, actions, reports" "
  select appeal_id, id % 16, sum(quantity), count(*) from action_report group by 1, 2"

# The organisers' per-day totals (migration V6), as the app keeps them: up to three minutes ago.
psql -d "$DB" -qc "select rebuild_action_days(now() - interval '3 minutes')" >/dev/null
psql -d "$DB" -qc "vacuum analyze" >/dev/null
echo "generated $DB in $(( $(date +%s) - started )) s: $(psql -d "$DB" -Atc "select count(*) from appeal") appeals," \
     "$(psql -d "$DB" -Atc "select count(*) from target") officials, $(psql -d "$DB" -Atc "select count(*) from action_report") reports;" \
     "top 10 appeals hold $(psql -d "$DB" -Atc "select round(100.0 * sum(n) / (select count(*) from action_report)) from
       (select count(*) n from action_report group by appeal_id order by 1 desc limit 10) t") % of them"
