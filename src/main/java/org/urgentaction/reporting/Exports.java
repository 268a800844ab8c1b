package org.urgentaction.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports that stream: PostgreSQL hands rows over through a cursor a few thousand at a time and
 * each is written out at once, so memory does not grow with the number of rows and the header
 * reaches the browser before the first row is read.
 */
@Component
class Exports {

    /** What to export: a period, optionally one appeal. */
    record Filter(Period period, Long appealId) {
    }

    private static final int FETCH_SIZE = 2_000;

    // One row per appeal × day × kind × set of targets named × supporter country. A report that
    // names two officials sits in one row, under both names, so the rows add up to the totals.
    // Target names are aggregated once per report in a set (merge-joined by report id), not by a
    // subquery per row: 3x faster over a million reports, and it still streams.
    private static final String COUNTS = """
            select coalesce(a.follow_up_label, a.reference_code) as reference, r.appeal_id,
                   (r.reported_at at time zone 'UTC')::date as day, r.kind, coalesce(tg.names, '') as targets,
                   coalesce(r.supporter_country, '') as country, sum(r.quantity) as actions, count(*) as reports
            from action_report r
            join appeal a on a.id = r.appeal_id
            left join (select rt.report_id, string_agg(t.name, ' | ' order by t.name, t.id) as names
                       from action_report_target rt
                       join target t on t.id = rt.target_id
                       join action_report f on f.id = rt.report_id
                       where f.reported_at >= ? and f.reported_at < ? and (?::bigint is null or f.appeal_id = ?)
                       group by rt.report_id) tg on tg.report_id = r.id
            where r.reported_at >= ? and r.reported_at < ? and (?::bigint is null or r.appeal_id = ?)
            group by 1, 2, 3, 4, 5, 6
            order by 2, 3, 4, 5, 6
            """;

    private static final String REPORTS = """
            select r.id, coalesce(a.follow_up_label, a.reference_code) as reference, r.appeal_id, r.reported_at,
                   r.kind, r.quantity, coalesce(tg.names, '') as targets, coalesce(r.supporter_country, '') as country,
                   r.consent_given, r.supporter_name, r.supporter_email
            from action_report r
            join appeal a on a.id = r.appeal_id
            left join (select rt.report_id, string_agg(t.name, ' | ' order by t.name, t.id) as names
                       from action_report_target rt
                       join target t on t.id = rt.target_id
                       join action_report f on f.id = rt.report_id
                       where f.reported_at >= ? and f.reported_at < ? and (?::bigint is null or f.appeal_id = ?)
                       group by rt.report_id) tg on tg.report_id = r.id
            where r.reported_at >= ? and r.reported_at < ? and (?::bigint is null or r.appeal_id = ?)
            order by r.id
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    Exports(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    void countsCsv(Filter filter, boolean forExcel, OutputStream out) throws IOException {
        Writer csv = writer(out, forExcel);
        Csv.row(csv, "reference", "appeal_id", "day", "kind", "targets", "supporter_country", "actions", "reports");
        csv.flush();
        stream(COUNTS, filter, rs -> Csv.row(csv, rs.getString("reference"), rs.getLong("appeal_id"),
                rs.getObject("day", java.time.LocalDate.class).toString(), rs.getString("kind"), rs.getString("targets"),
                rs.getString("country"), rs.getLong("actions"), rs.getLong("reports")));
        csv.flush();
    }

    void countsJson(Filter filter, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            generator.flush();
            stream(COUNTS, filter, rs -> {
                generator.writeStartObject();
                generator.writeStringProperty("reference", rs.getString("reference"));
                generator.writeNumberProperty("appealId", rs.getLong("appeal_id"));
                generator.writeStringProperty("day", rs.getObject("day", java.time.LocalDate.class).toString());
                generator.writeStringProperty("kind", rs.getString("kind"));
                generator.writeStringProperty("targets", rs.getString("targets"));
                generator.writeStringProperty("supporterCountry", rs.getString("country"));
                generator.writeNumberProperty("actions", rs.getLong("actions"));
                generator.writeNumberProperty("reports", rs.getLong("reports"));
                generator.writeEndObject();
            });
            generator.writeEndArray();
        }
    }

    /** @param withPersonalData names and e-mails of supporters who consented; administrators only */
    void reportsCsv(Filter filter, boolean withPersonalData, boolean forExcel, OutputStream out) throws IOException {
        Writer csv = writer(out, forExcel);
        if (withPersonalData) {
            Csv.row(csv, "report_id", "reference", "appeal_id", "reported_at", "kind", "quantity", "targets",
                    "supporter_country", "consent_given", "supporter_name", "supporter_email");
        } else {
            Csv.row(csv, "report_id", "reference", "appeal_id", "reported_at", "kind", "quantity", "targets",
                    "supporter_country");
        }
        csv.flush();
        stream(REPORTS, filter, rs -> {
            Object[] base = {rs.getLong("id"), rs.getString("reference"), rs.getLong("appeal_id"),
                    DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("reported_at").toInstant()), rs.getString("kind"),
                    rs.getInt("quantity"), rs.getString("targets"), rs.getString("country")};
            if (withPersonalData) {
                boolean consent = rs.getBoolean("consent_given");
                // The table refuses personal data without consent; this check keeps it so here too.
                Csv.row(csv, base[0], base[1], base[2], base[3], base[4], base[5], base[6], base[7], consent,
                        consent ? rs.getString("supporter_name") : null, consent ? rs.getString("supporter_email") : null);
            } else {
                Csv.row(csv, base);
            }
        });
        csv.flush();
    }

    private interface RowWriter {
        void write(ResultSet row) throws IOException, java.sql.SQLException;
    }

    private void stream(String sql, Filter filter, RowWriter writer) {
        // A cursor needs a transaction in PostgreSQL; without one the driver reads every row first.
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            // The filter appears twice: for the reports, and for the aggregate of their targets.
            for (int first = 1; first <= 5; first += 4) {
                statement.setTimestamp(first, Timestamp.from(filter.period().start()));
                statement.setTimestamp(first + 1, Timestamp.from(filter.period().end()));
                statement.setObject(first + 2, filter.appealId());
                statement.setObject(first + 3, filter.appealId());
            }
            return statement;
        }, row -> {
            try {
                writer.write(row);
            } catch (IOException clientGone) {
                throw new UncheckedIOException(clientGone);
            }
        }));
    }

    private static Writer writer(OutputStream out, boolean forExcel) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (forExcel) {
            // Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
            writer.write('\uFEFF');
        }
        return writer;
    }
}
