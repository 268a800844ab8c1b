-- The raw-reports export query exactly as reporting.Exports sends it (COPY ... TO STDOUT), for the psql
-- reference in bench/speed.sh; :from and :to are the period's start and end instants.
copy (
select r.id as report_id, csv_text(a.reference) as reference, r.appeal_id,
       to_char(r.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as reported_at, r.kind,
       r.quantity, csv_text(tg.names) as targets, r.supporter_country
from reporting_report r
join reporting_appeal a on a.id = r.appeal_id
left join (select rt.report_id, string_agg(t.name, ' | ' order by t.name, t.id) as names
           from reporting_report_official rt
           join reporting_official t on t.id = rt.target_id
           join reporting_report f on f.id = rt.report_id
           where f.status = 'COUNTED' and f.reported_at >= ':from'::timestamptz and f.reported_at < ':to'::timestamptz
           group by rt.report_id) tg on tg.report_id = r.id
where r.status = 'COUNTED' and r.reported_at >= ':from'::timestamptz and r.reported_at < ':to'::timestamptz
order by r.id
) to stdout with (format csv, header)
