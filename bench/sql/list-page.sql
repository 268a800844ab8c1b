-- The SQL of one appeal list page with a search and a country filter, as the app sends it
-- (AppealCatalog.list and ActionTally.actionsByAppeal, no transaction around them), for pgbench.
-- pgbench -M prepared sends each :variable as a bind parameter, as the app does; bench/speed.sh
-- gives them the page's values (-D) and writes :ids out as one variable per appeal on the page. The
-- filters' choices (countries, themes) are kept by the app between staff changes, so they are not
-- part of a page's SQL.
select count(*) from appeal a
where a.status in ('PUBLISHED', 'CLOSED') and a.search_vector @@ websearch_to_tsquery('english', :search) and a.country = :country;
-- page
select a.id, a.slug, coalesce(a.follow_up_label, a.reference_code) as reference, a.title, a.country, a.summary, a.deadline, a.status, a.outcome,
       array(select p.name || coalesce(' (' || p.native_name || ')', '') from person_at_risk p
             where p.appeal_id = a.id order by p.position) as people
from appeal a
where a.status in ('PUBLISHED', 'CLOSED') and a.search_vector @@ websearch_to_tsquery('english', :search) and a.country = :country
order by (a.status = 'PUBLISHED' and (a.deadline is null or a.deadline >= :today)) desc,
         case when (a.status = 'PUBLISHED' and (a.deadline is null or a.deadline >= :today)) then a.deadline end asc nulls last,
         coalesce(a.closed_on, a.deadline, a.issued_on) desc nulls last, a.id desc
limit :limit offset :offset;
select appeal_id, sum(actions) as actions from action_tally
where appeal_id in (:ids)
group by appeal_id;
