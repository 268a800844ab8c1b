package org.urgentaction.demo;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything the demo loads, as canonical text: every column of the appeal, people, demands,
 * timeline, resources, target links, directory, letter and event tables, read straight from the database.
 * Left out: ids, versions and timestamps; foreign keys are written as the row they point to (targets
 * as T1, T2… in the order they were added, so a shared official shows as one). Dates within 100 days
 * of today, in columns or inside text, are written as offsets from the Clock's today.
 */
final class DemoSnapshot {

    private static final Set<String> LEFT_OUT =
            Set.of("id", "version", "created_at", "updated_at", "appeal_id", "event_id");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

    private final JdbcTemplate jdbc;
    private final LocalDate today;
    private final Map<Long, String> targetNames = new HashMap<>();
    private final Map<Long, String> appealNames = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private DemoSnapshot(JdbcTemplate jdbc, LocalDate today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    static String of(JdbcTemplate jdbc, LocalDate today) {
        return new DemoSnapshot(jdbc, today).write();
    }

    private String write() {
        for (String table : List.of("stored_file", "action_report")) {
            out.append(table).append(" rows: ").append(count(table)).append('\n');
        }
        List<Map<String, Object>> targets = jdbc.queryForList("select * from target order by id");
        for (Map<String, Object> target : targets) {
            targetNames.put((Long) target.get("id"), "T" + (targetNames.size() + 1));
        }
        jdbc.queryForList("select id, slug from appeal order by id")
                .forEach(a -> appealNames.put((Long) a.get("id"), (String) a.get("slug")));
        for (Map<String, Object> target : targets) {
            section("target " + targetNames.get((Long) target.get("id")), target, "");
        }
        for (Map<String, Object> appeal : jdbc.queryForList("select * from appeal order by id")) {
            appeal((Long) appeal.get("id"), appeal);
        }
        for (Map<String, Object> event : jdbc.queryForList("select * from event order by id")) {
            section("event " + event.get("title"), event, "");
            for (Map<String, Object> link : jdbc.queryForList(
                    "select * from event_appeal where event_id = ? order by position", event.get("id"))) {
                out.append("  held for ")
                        .append(appealNames.get((Long) link.get("appeal_id")))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private void appeal(long id, Map<String, Object> appeal) {
        section("appeal " + appealNames.get(id), appeal, "");
        children(id, "demand", "select * from appeal_demand where appeal_id = ? order by position");
        children(id, "person", "select * from person_at_risk where appeal_id = ? order by position");
        children(id, "update", "select * from appeal_update where appeal_id = ? order by happened_on desc, id desc");
        children(id, "resource", "select * from appeal_resource where appeal_id = ? order by position");
        children(id, "target", "select * from appeal_target where appeal_id = ? order by position");
        children(id, "letter", "select * from letter_template where appeal_id = ? order by kind, language");
        children(id, "action", "select * from appeal_action where appeal_id = ? order by kind");
        children(id, "petition", "select goal from petition where appeal_id = ?");
        children(
                id,
                "paper batch",
                "select signatures, gathered, recorded_by from petition_paper_batch where appeal_id = ? order by id");
    }

    private void children(long appealId, String name, String sql) {
        for (Map<String, Object> row : jdbc.queryForList(sql, appealId)) {
            section(name, row, "  ");
        }
    }

    private void section(String heading, Map<String, Object> row, String indent) {
        out.append(indent).append(heading).append('\n');
        row.forEach((column, value) -> {
            if (!LEFT_OUT.contains(column)) {
                out.append(indent).append("  ").append(column).append(": ");
                out.append(value(column, value)).append('\n');
            }
        });
    }

    private String value(String column, Object value) {
        if (value == null) {
            return "null";
        }
        return switch (column) {
            case "target_id" -> targetNames.get((Long) value);
            case "follow_up_of_id" -> appealNames.get((Long) value);
            default -> plain(value);
        };
    }

    private String plain(Object value) {
        if (value instanceof java.sql.Date date) {
            return date(date.toLocalDate());
        }
        // An event's start and end: the time at the venue, its day written like any date.
        if (value instanceof java.sql.Timestamp time) {
            return date(time.toLocalDateTime().toLocalDate()) + "T"
                    + time.toLocalDateTime().toLocalTime();
        }
        if (value instanceof Array array) {
            try {
                return Arrays.stream((Object[]) array.getArray())
                        .map(this::plain)
                        .toList()
                        .toString();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof String text) {
            return quoted(text);
        }
        return String.valueOf(value);
    }

    private String date(LocalDate date) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (Math.abs(days) > 100) {
            return date.toString();
        }
        return days == 0 ? "{today}" : String.format("{today%+dd}", days);
    }

    private String quoted(String text) {
        Matcher dates = ISO_DATE.matcher(text);
        StringBuilder relative = new StringBuilder();
        while (dates.find()) {
            dates.appendReplacement(relative, Matcher.quoteReplacement(date(LocalDate.parse(dates.group(1)))));
        }
        dates.appendTail(relative);
        String escaped = relative.toString()
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\r", "\\r")
                .replace("\t", "\\t");
        return '"' + escaped + '"';
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
