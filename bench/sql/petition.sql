-- The SQL of one petition signature, for pgbench, as the app sends it (read from PostgreSQL's
-- statement log, log_statement = all, for one GET and one POST) for a supporter's first signature:
-- -- page: the petition page (PetitionController.petition): the appeal with its officials and the ways
-- to act it offers (AppealCatalog.reportForm), the petition's text (its PETITION templates),
-- its goal, the names shown (of signatures still counted), the count and the hand-ins (PetitionSignatures.standing); the form's
-- submission token is signed in the app, without SQL.
-- -- post: the signature (PetitionSignatures.sign): the per-address rate-limit bucket (Bucket4j's
-- advisory-lock variant, as in report.sql: a look that finds none, then the new bucket; the app's
-- insert has no "on conflict", added here so that two clients drawing one address do not fail), the
-- appeal with the ways to act it offers (AppealCatalog.reportable), then PetitionSigning's one
-- statement: the signature, its SIGNATURE report, one action_tally and one petition_tally shard.
-- Half of the signatures give an e-mail (unique: its keyed hash goes through the unique partial index
-- petition_signature_email_once, and with consent the address is kept), half none; half show their name.
-- bench/speed.sh passes :petition_id and :petition_slug (-D, so they are bind parameters, as in the
-- app); :lock and :address also make the submission token (a UUID, by md5) and the e-mail.
\set address random(1, 16000000)
\set shard random(0, 63)
\set lock random(1, 1000000000)
\set with_email random(0, 1)
\set show random(0, 1)
-- page
select a.id, a.slug, coalesce(a.follow_up_label, a.reference_code) as reference, a.title,
       a.status, a.deadline, a.outcome, t.id as target_id, t.name as target_name, t.title as target_title,
       array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
  from appeal a left join appeal_target at on at.appeal_id = a.id left join target t on t.id = at.target_id
  where a.slug = :petition_slug and a.status <> 'DRAFT' order by at.position;
select heading, subject, body, language from letter_template
  where appeal_id = :petition_id and kind = 'PETITION' order by language;
select goal from petition where appeal_id = :petition_id;
select s.name, s.country, s.signed_at from petition_signature s
  join action_report r on r.submission_token = s.submission_token and r.status = 'COUNTED'
  where s.appeal_id = :petition_id and s.show_name order by s.signed_at desc limit 20;
select coalesce(sum(signatures), 0) from petition_tally where appeal_id = :petition_id;
select handed_in_on, handed_to, signatures, note from petition_hand_in
  where appeal_id = :petition_id order by handed_in_on, id;
-- post
begin;
select pg_advisory_xact_lock(:address);
select state as state from rate_limit_bucket where id = 'report:' || :address;
rollback;
begin;
select pg_advisory_xact_lock(:address);
select state as state from rate_limit_bucket where id = 'report:' || :address;
insert into rate_limit_bucket (id, state, expires_at, explicit_lock) values ('report:' || :address, '\x0001'::bytea, 0, :address)
  on conflict (id) do update set state = excluded.state;
commit;
select a.id, a.status, a.deadline, a.outcome,
       array(select t.target_id from appeal_target t where t.appeal_id = a.id) as target_ids,
       array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
  from appeal a where a.slug = :petition_slug and a.status <> 'DRAFT';
with signature as (
    insert into petition_signature (appeal_id, name, country, email, email_hash, consent_given,
                                    show_name, submission_token, signed_at)
    values (:petition_id, 'Bench Signer', 'GB',
            case when :with_email = 1 then 'p' || :lock || '-' || :address || '@bench.example' end,
            case when :with_email = 1 then sha256(convert_to('p' || :lock || '-' || :address || '@bench.example', 'UTF8')) end,
            :with_email = 1, :show = 1, md5(:lock || '-' || :address)::uuid, now())
    on conflict do nothing
    returning signed_at),
report as (
    insert into action_report (appeal_id, kind, quantity, supporter_country, submission_token,
                               reported_at, status)
    select :petition_id, 'SIGNATURE', 1, 'GB', md5(:lock || '-' || :address)::uuid, signed_at, 'COUNTED' from signature
    returning id),
counted as (
    insert into action_tally (appeal_id, shard, actions, reports)
    select :petition_id, :shard, 1, 1 from report
    on conflict (appeal_id, shard)
    do update set actions = action_tally.actions + 1, reports = action_tally.reports + 1
    returning 1)
insert into petition_tally (appeal_id, shard, signatures)
select :petition_id, :shard, 1 from counted
on conflict (appeal_id, shard) do update set signatures = petition_tally.signatures + 1
returning 1;
