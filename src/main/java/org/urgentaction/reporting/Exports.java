package org.urgentaction.reporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports that stream. The CSV files are written by PostgreSQL itself (COPY ... TO STDOUT), whose
 * bytes go straight to the browser: nothing is decoded into Java objects and formatted again, so an
 * export runs at nearly the speed of psql, memory does not grow with the number of rows, and the
 * header arrives before the first row is read. JSON goes through a cursor, a few thousand rows at a time.
 */
@Component
class Exports {

    /** What to export: a period, optionally one appeal. */
    record Filter(Period period, Long appealId) {}

    private static final int FETCH_SIZE = 2_000;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    Exports(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /**
     * The filtered reports with the names of the officials each one names, aggregated once per report
     * and merge-joined by report id, not a subquery per row (docs/decisions/performance.md).
     */
    private static String reportsWithTargets(Filter filter) {
        return """
                from reporting_report r
                join reporting_appeal a on a.id = r.appeal_id
                left join (select rt.report_id, string_agg(t.name, ' | ' order by t.name, t.id) as names
                           from reporting_report_official rt
                           join reporting_official t on t.id = rt.target_id
                           join reporting_report f on f.id = rt.report_id
                           where %s
                           group by rt.report_id) tg on tg.report_id = r.id
                where %s
                """.formatted(condition("f", filter), condition("r", filter));
    }

    /**
     * COPY takes no parameters; the filter is an instant and a number, never text a person typed.
     * Only counted reports: held, voided and rejected ones are in no export, as in no other count.
     */
    private static String condition(String report, Filter filter) {
        return "%1$s.status = 'COUNTED' and %1$s.reported_at >= '%2$s'::timestamptz and %1$s.reported_at < '%3$s'::timestamptz%4$s"
                .formatted(
                        report,
                        filter.period().start(),
                        filter.period().end(),
                        filter.appealId() == null ? "" : " and %s.appeal_id = %d".formatted(report, filter.appealId()));
    }

    // One row per appeal × day × kind × set of targets named × supporter country. A report that
    // names two officials sits in one row, under both names, so the rows add up to the totals.
    private static String counts(Filter filter) {
        return """
                select a.reference as reference, r.appeal_id,
                       (r.reported_at at time zone 'UTC')::date as day, r.kind, tg.names as targets,
                       r.supporter_country, sum(r.quantity) as actions, count(*) as reports
                """ + reportsWithTargets(filter) + "group by 1, 2, 3, 4, 5, 6";
    }

    private static final String COUNTS_ORDER =
            " order by appeal_id, day, kind, targets nulls first, supporter_country nulls first";

    void countsCsv(Filter filter, boolean forExcel, OutputStream out) throws IOException {
        copyCsv("""
                select csv_text(reference) as reference, appeal_id, day, kind, csv_text(targets) as targets,
                       supporter_country, actions, reports
                from (%s) c""".formatted(counts(filter)) + COUNTS_ORDER, forExcel, out);
    }

    void countsJson(Filter filter, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            generator.flush();
            stream("select * from (" + counts(filter) + ") c" + COUNTS_ORDER, rs -> {
                generator.writeStartObject();
                generator.writeStringProperty("reference", rs.getString("reference"));
                generator.writeNumberProperty("appealId", rs.getLong("appeal_id"));
                generator.writeStringProperty(
                        "day", rs.getObject("day", java.time.LocalDate.class).toString());
                generator.writeStringProperty("kind", rs.getString("kind"));
                generator.writeStringProperty("targets", Objects.toString(rs.getString("targets"), ""));
                generator.writeStringProperty(
                        "supporterCountry", Objects.toString(rs.getString("supporter_country"), ""));
                generator.writeNumberProperty("actions", rs.getLong("actions"));
                generator.writeNumberProperty("reports", rs.getLong("reports"));
                generator.writeEndObject();
            });
            generator.writeEndArray();
        }
    }

    /** @param withPersonalData names and e-mails of supporters who consented; administrators only */
    void reportsCsv(Filter filter, boolean withPersonalData, boolean forExcel, OutputStream out) throws IOException {
        // The table refuses personal data without consent; the case expressions keep it so here too.
        String personal = !withPersonalData ? "" : """
                , r.consent_given::text as consent_given,
                  case when r.consent_given then csv_text(r.supporter_name) end as supporter_name,
                  case when r.consent_given then csv_text(r.supporter_email) end as supporter_email
                """;
        copyCsv("""
                select r.id as report_id, csv_text(a.reference) as reference, r.appeal_id,
                       to_char(r.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as reported_at, r.kind,
                       r.quantity, csv_text(tg.names) as targets, r.supporter_country
                """ + personal + reportsWithTargets(filter) + "order by r.id", forExcel, out);
    }

    private void copyCsv(String query, boolean forExcel, OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        if (forExcel) {
            // Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark.
            buffered.write(BYTE_ORDER_MARK);
        }
        OutputStream csv = new CrlfLineEnds(buffered);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("copy (" + query + ") to stdout with (format csv, header)", csv);
            } catch (IOException clientGone) {
                throw new UncheckedIOException(clientGone);
            }
        });
        buffered.flush();
    }

    private interface RowWriter {
        void write(ResultSet row) throws IOException, java.sql.SQLException;
    }

    private void stream(String sql, RowWriter writer) {
        // A cursor needs a transaction in PostgreSQL; without one the driver reads every row first.
        readOnly.executeWithoutResult(status -> jdbc.query(
                connection -> {
                    PreparedStatement statement =
                            connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                row -> {
                    try {
                        writer.write(row);
                    } catch (IOException clientGone) {
                        throw new UncheckedIOException(clientGone);
                    }
                }));
    }
}
