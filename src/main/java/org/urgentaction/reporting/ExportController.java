package org.urgentaction.reporting;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.urgentaction.accounts.CanSeeCounts;
import org.urgentaction.accounts.CurrentStaff;
import org.urgentaction.audit.AuditLog;

/**
 * Counts for organisers' own analysis (CSV, or JSON for other tools) and the raw reports. Names and
 * e-mails appear only in the raw export, only for administrators who ask for them, only where the
 * supporter consented; each such export is in the audit trail.
 */
@Controller
@CanSeeCounts
class ExportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Exports exports;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExportController(Exports exports, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.exports = exports;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping("/admin/exports/counts.csv")
    ResponseEntity<StreamingResponseBody> countsCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long appeal,
            @RequestParam(defaultValue = "false") boolean excel) {
        Exports.Filter filter = filter(from, to, appeal);
        return download(
                CSV,
                "action-counts-" + filter.period().from() + "-"
                        + filter.period().to() + ".csv",
                out -> exports.countsCsv(filter, excel, out));
    }

    @GetMapping("/admin/exports/counts.json")
    ResponseEntity<StreamingResponseBody> countsJson(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long appeal) {
        Exports.Filter filter = filter(from, to, appeal);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> exports.countsJson(filter, out));
    }

    @GetMapping("/admin/exports/reports.csv")
    ResponseEntity<StreamingResponseBody> reportsCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long appeal,
            @RequestParam(defaultValue = "false") boolean personal,
            @RequestParam(defaultValue = "false") boolean excel,
            Authentication staff) {
        Exports.Filter filter = filter(from, to, appeal);
        if (personal) {
            if (!CurrentStaff.of(staff).map(CurrentStaff::isAdmin).orElse(false)) {
                throw new AccessDeniedException("Only administrators export supporters' personal data");
            }
            transaction.executeWithoutResult(status -> audit.record(
                    "export.personalData",
                    "export",
                    appeal,
                    "raw reports with names and e-mails, " + filter.period().from() + " to "
                            + filter.period().to() + (appeal == null ? ", all appeals" : "")));
        }
        return download(
                CSV,
                "action-reports-" + filter.period().from() + "-"
                        + filter.period().to() + ".csv",
                out -> exports.reportsCsv(filter, personal, excel, out));
    }

    private Exports.Filter filter(LocalDate from, LocalDate to, Long appeal) {
        // Exports default to everything up to today, not only the last 30 days.
        LocalDate today = LocalDate.now(clock);
        return new Exports.Filter(Period.of(from != null ? from : today.minusDays(Period.MAX_DAYS), to, today), appeal);
    }

    private static ResponseEntity<StreamingResponseBody> download(
            MediaType type, String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }
}
