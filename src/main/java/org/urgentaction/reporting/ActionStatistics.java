package org.urgentaction.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action counts for organisers. Every figure is a sum of the reports' quantities, the same numbers
 * the public tally adds up, so the dashboard, the public page and the exports agree.
 */
// Public, with its records, so templates can read them.
@Component
@Transactional(readOnly = true)
public class ActionStatistics {

    public record AppealTotal(
            long id,
            String reference,
            String title,
            String status,
            LocalDate deadline,
            long actionsInPeriod,
            long actionsAllTime,
            long countriesAllTime) {}

    public record Count(String key, String label, long actions, long reports) {}

    public record Day(LocalDate day, long actions) {}

    public record Breakdown(
            long actions,
            long reports,
            long countries,
            List<Count> byKind,
            List<Count> byTarget,
            List<Count> byCountry,
            List<Day> byDay) {}

    /**
     * All-time figures for the letters to the officials. Messages of solidarity go to the person at
     * risk and are pressure on no official, so none of these counts them.
     *
     * @param actions     the appeal's actions in all
     * @param perOfficial actions whose report named the official, by target id (a report naming
     *                    two counts for each; the same figures as the dashboard's "by official")
     */
    public record Tally(long actions, long countries, List<Count> byKind, Map<Long, Long> perOfficial) {

        public long forOfficial(long targetId) {
            return perOfficial.getOrDefault(targetId, 0L);
        }
    }

    private final JdbcClient jdbc;

    ActionStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Published and closed appeals; open ones with the nearest deadline first. */
    List<AppealTotal> perAppeal(Period period, LocalDate today) {
        // The planner expects millions of reports after the last rolled-up day, not a few minutes'
        // worth, and would compile the query to machine code first (docs/decisions/performance.md).
        jdbc.sql("set local jit = off").update();
        return jdbc.sql("""
                        with in_period as (
                            select appeal_id, sum(actions) as actions from action_days
                            where day between :from and :to group by appeal_id),
                        all_time as (
                            select appeal_id, sum(actions) as actions, count(distinct supporter_country) as countries
                            from action_countries group by appeal_id)
                        select a.id, a.reference, a.title, a.status, a.deadline,
                               coalesce(p.actions, 0) as in_period, coalesce(t.actions, 0) as all_time,
                               coalesce(t.countries, 0) as countries
                        from reporting_appeal a
                        left join in_period p on p.appeal_id = a.id
                        left join all_time t on t.appeal_id = a.id
                        where a.status <> 'DRAFT'
                        order by (a.status = 'PUBLISHED' and (a.deadline is null or a.deadline >= :today)) desc,
                                 a.deadline asc nulls last, all_time desc, a.id desc
                        """)
                .param("from", java.sql.Date.valueOf(period.from()))
                .param("to", java.sql.Date.valueOf(period.to()))
                .param("today", java.sql.Date.valueOf(today))
                .query((rs, n) -> new AppealTotal(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("status"),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getLong("in_period"),
                        rs.getLong("all_time"),
                        rs.getLong("countries")))
                .list();
    }

    Breakdown breakdown(long appealId, Period period) {
        Map<String, Object> where = Map.of(
                "appeal",
                appealId,
                "from",
                java.sql.Date.valueOf(period.from()),
                "to",
                java.sql.Date.valueOf(period.to()));
        String filter = " d.appeal_id = :appeal and d.day between :from and :to ";
        Count total = jdbc.sql("select coalesce(sum(d.actions), 0) as actions, coalesce(sum(d.reports), 0) as reports, "
                        + "count(distinct d.supporter_country) as countries from action_days d where" + filter)
                .params(where)
                .query((rs, n) -> new Count(
                        "total", String.valueOf(rs.getLong("countries")), rs.getLong("actions"), rs.getLong("reports")))
                .single();
        List<Count> byKind = counts(
                "select d.kind as key, d.kind as label, sum(d.actions) as actions, sum(d.reports) as reports "
                        + "from action_days d where" + filter + "group by d.kind order by actions desc, key",
                where);
        List<Count> byTarget = counts(
                "select t.id::text as key, t.name as label, sum(d.actions) as actions, sum(d.reports) as reports "
                        + "from action_day_targets d join reporting_official t on t.id = d.target_id "
                        + "where" + filter + "group by t.id, t.name order by actions desc, label",
                where);
        List<Count> byCountry = counts(
                "select coalesce(d.supporter_country, '') as key, coalesce(d.supporter_country, '') as label, "
                        + "sum(d.actions) as actions, sum(d.reports) as reports from action_days d where" + filter
                        + "group by d.supporter_country order by actions desc, key",
                where);
        return new Breakdown(
                total.actions(),
                total.reports(),
                Long.parseLong(total.label()),
                byKind,
                byTarget,
                byCountry,
                perDay(period, filter, where));
    }

    /** Every day of the period, a day without actions as 0. */
    private List<Day> perDay(Period period, String filter, Map<String, Object> where) {
        Map<LocalDate, Long> actions = new HashMap<>();
        jdbc.sql("select d.day, sum(d.actions) as actions from action_days d where" + filter + "group by d.day")
                .params(where)
                .query(rs -> {
                    actions.put(rs.getObject("day", LocalDate.class), rs.getLong("actions"));
                });
        return period.days()
                .map(day -> new Day(day, actions.getOrDefault(day, 0L)))
                .toList();
    }

    Tally tally(long appealId) {
        Map<String, Object> appeal = Map.of("appeal", appealId);
        // Per day, kind and country: one appeal's whole life is a few thousand rows at most.
        long[] totals = jdbc.sql(
                        "select coalesce(sum(actions), 0) as actions, count(distinct supporter_country) as countries "
                                + "from action_days where appeal_id = :appeal and kind <> 'SOLIDARITY_MESSAGE'")
                .params(appeal)
                .query((rs, n) -> new long[] {rs.getLong("actions"), rs.getLong("countries")})
                .single();
        List<Count> byKind = counts(
                "select d.kind as key, d.kind as label, sum(d.actions) as actions, sum(d.reports) as reports "
                        + "from action_days d where d.appeal_id = :appeal and d.kind <> 'SOLIDARITY_MESSAGE' "
                        + "group by d.kind order by actions desc, key",
                appeal);
        // A report of a solidarity message names no official (V9), so the per-official view never counts one.
        Map<Long, Long> perOfficial = new HashMap<>();
        jdbc.sql(
                        "select target_id, sum(actions) as actions from action_day_targets where appeal_id = :appeal group by target_id")
                .params(appeal)
                .query(rs -> {
                    perOfficial.put(rs.getLong("target_id"), rs.getLong("actions"));
                });
        return new Tally(totals[0], totals[1], byKind, Map.copyOf(perOfficial));
    }

    private List<Count> counts(String sql, Map<String, Object> params) {
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Count(
                        rs.getString("key"), rs.getString("label"), rs.getLong("actions"), rs.getLong("reports")))
                .list();
    }
}
