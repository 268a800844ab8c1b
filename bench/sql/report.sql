-- The SQL of one action report, for pgbench, as the app sends it for a supporter's first report:
-- first the report form (its appeal with the officials in order and the ways to act it offers, and the public count; the form's
-- submission token is signed in the app, without SQL), then the per-address rate-limit bucket (Bucket4j's advisory-lock variant: a look that finds none, then
-- the new bucket), the appeal with the officials a report may name (AppealCatalog.reportable),
-- then one transaction with the submission's advisory lock, the duplicate check, the report and one
-- tally shard (ActionReporting.record). :open_ids (the appeals reported on) is filled in by
-- bench/speed.sh; :lock and :address also make the submission token (a UUID, by md5).
\set address random(1, 16000000)
\set pick random(1, 1000000)
\set shard random(0, 63)
\set lock random(1, 1000000000)
select a.id, a.slug, coalesce(a.follow_up_label, a.reference_code) as reference, a.title, a.status, a.deadline, a.outcome,
       t.id as target_id, t.name as target_name, t.title as target_title,
       array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
  from appeal a left join appeal_target at on at.appeal_id = a.id left join target t on t.id = at.target_id
  where a.slug = (select 'bench-appeal-' || ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o)
  and a.status <> 'DRAFT' order by at.position;
select appeal_id, sum(actions) as actions from action_tally
  where appeal_id in ((select ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o)) group by appeal_id;
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
select a.id, a.status, a.deadline, a.outcome, array(select t.target_id from appeal_target t where t.appeal_id = a.id) as target_ids,
       array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
  from appeal a where a.slug = (select 'bench-appeal-' || ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o)
  and a.status <> 'DRAFT';
begin;
select pg_advisory_xact_lock(:lock);
select exists (select from action_report where submission_token = md5(:lock || '-' || :address)::uuid);
insert into action_report (appeal_id, kind, quantity, supporter_country, supporter_name, supporter_email, consent_given,
                           submission_token, reported_at, event_code_id, status)
  values ((select ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o),
          'LETTER', 1, 'GB', null, null, false, md5(:lock || '-' || :address)::uuid, now(), null,
          case when 1 > least(50, coalesce((select s.review_threshold from appeal_report_setting s
                                             where s.appeal_id = (select ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o)), 50))
               then 'HELD' else 'COUNTED' end) returning id, status;
insert into action_tally (appeal_id, shard, actions, reports)
  values ((select ids[1 + :pick % cardinality(ids)] from (select array[:open_ids] as ids) o), :shard, 1, 1)
  on conflict (appeal_id, shard) do update set actions = action_tally.actions + excluded.actions,
                                               reports = action_tally.reports + 1;
commit;
