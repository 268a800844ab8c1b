-- Reporting reads the appeals', targets' and actions' tables only through these views, which name
-- the columns it uses: a change to those tables that would break reporting fails here, in review.
-- PostgreSQL inlines simple views, so the plans are those of the tables themselves.
-- The roll-up functions of V6 and V8 still read action_report directly (redefining them here would
-- copy them a third time); they move behind these views when they next change.

create view reporting_appeal as
select id, coalesce(follow_up_label, reference_code) as reference, title, status, deadline
from appeal;

create view reporting_official as
select id, name
from target;

create view reporting_report as
select id, appeal_id, reported_at, kind, quantity, supporter_country, status,
       consent_given, supporter_name, supporter_email
from action_report;

create view reporting_report_official as
select report_id, target_id
from action_report_target;
