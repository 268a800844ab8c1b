package org.urgentaction.reporting;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.actions.ReportForms;
import org.urgentaction.actions.UnusualActivity;
import org.urgentaction.appeals.ActionTotals;
import org.urgentaction.audit.AuditEntry;
import org.urgentaction.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ReportingTests {

    private static final RequestPostProcessor ORGANISER =
            user("org@example.org").roles("ORGANISER");
    private static final RequestPostProcessor ADMIN = user("root@example.org").roles("ADMIN");
    private static final String[] KINDS = {"LETTER", "EMAIL", "FAX", "PHONE_CALL", "SOCIAL_POST", "SIGNATURE"};
    private static final String[] COUNTRIES = {"GB", "US", "DE", "CN", "FR", ""};

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    @Autowired
    ActionStatistics statistics;

    @Autowired
    ActionDayRollup rollup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    @Autowired
    UnusualActivity activity;

    /** Reports through the public form, then spread over the last days as supporters would have. */
    private long generate(TestFixtures.Created appeal, int reports, long seed) throws Exception {
        Random random = new Random(seed);
        fixtures.offer(appeal, KINDS);
        long actions = 0;
        for (int i = 0; i < reports; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            if (kind.equals("SIGNATURE")) {
                // Signatures have the petition's own form: one each, to no official in particular.
                mvc.perform(post("/appeals/{slug}/petition", appeal.slug())
                                .with(csrf())
                                .param("submissionToken", ReportForms.token(mvc, appeal.slug()))
                                .param("name", "Signer " + i)
                                .param("country", COUNTRIES[random.nextInt(COUNTRIES.length - 1)])) // required
                        .andExpect(status().isFound());
                actions += 1;
                continue;
            }
            int quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 3);
            var request = ReportForms.report(mvc, appeal.slug())
                    .param("kind", kind)
                    .param("outcome", "SPOKE") // read for phone calls only
                    .param("quantity", String.valueOf(quantity))
                    .param("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
            if (random.nextBoolean()) {
                request.param("targetIds", String.valueOf(appeal.primaryTargetId()));
            }
            if (random.nextInt(4) == 0) {
                request.param("targetIds", String.valueOf(appeal.copyTargetId()));
            }
            mvc.perform(request).andExpect(status().isFound());
            actions += quantity;
        }
        jdbc.sql("update action_report set reported_at = reported_at - (id % 9) * interval '1 day' where appeal_id = ?")
                .param(appeal.id())
                .update();
        rollup.rebuild(); // past days' totals, as if the days had passed
        return actions;
    }

    private String download(String url, RequestPostProcessor who) throws Exception {
        MvcResult started = mvc.perform(get(url).with(who))
                .andExpect(request().asyncStarted())
                .andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void countsAgreeOnThePublicPageTheDashboardAndEveryExport() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Counted", "CN", null);
        long expected = generate(appeal, 120, 7);
        String range = "appeal=" + appeal.id() + "&from=" + LocalDate.now().minusDays(20) + "&to=" + LocalDate.now();

        long publicCount = totals.actionsFor(appeal.id());
        ActionStatistics.Breakdown dashboard =
                statistics.breakdown(appeal.id(), new Period(LocalDate.now().minusDays(20), LocalDate.now()));
        List<CSVRecord> counts = parse(download("/admin/exports/counts.csv?" + range, ORGANISER));
        JsonNode countsJson = json.readTree(download("/admin/exports/counts.json?" + range, ORGANISER));
        List<CSVRecord> reports = parse(download("/admin/exports/reports.csv?" + range, ORGANISER));

        assertThat(publicCount).isEqualTo(expected);
        assertThat(dashboard.actions()).isEqualTo(expected);
        assertThat(dashboard.byDay().stream()
                        .mapToLong(ActionStatistics.Day::actions)
                        .sum())
                .isEqualTo(expected);
        assertThat(dashboard.byKind().stream()
                        .mapToLong(ActionStatistics.Count::actions)
                        .sum())
                .isEqualTo(expected);
        assertThat(dashboard.byCountry().stream()
                        .mapToLong(ActionStatistics.Count::actions)
                        .sum())
                .isEqualTo(expected);
        assertThat(counts.stream()
                        .mapToLong(r -> Long.parseLong(r.get("actions")))
                        .sum())
                .isEqualTo(expected);
        long jsonSum = 0;
        for (JsonNode row : countsJson) {
            jsonSum += row.get("actions").asLong();
        }
        assertThat(jsonSum).isEqualTo(expected);
        assertThat(reports.stream()
                        .mapToLong(r -> Long.parseLong(r.get("quantity")))
                        .sum())
                .isEqualTo(expected);
        assertThat(reports).hasSize(120);

        Map<String, Long> csvByKind = new HashMap<>();
        counts.forEach(r -> csvByKind.merge(r.get("kind"), Long.parseLong(r.get("actions")), Long::sum));
        dashboard
                .byKind()
                .forEach(k -> assertThat(csvByKind.get(k.key())).as(k.key()).isEqualTo(k.actions()));
        Map<String, Long> csvByDay = new HashMap<>();
        counts.forEach(r -> csvByDay.merge(r.get("day"), Long.parseLong(r.get("actions")), Long::sum));
        dashboard.byDay().stream()
                .filter(d -> d.actions() > 0)
                .forEach(d -> assertThat(csvByDay.get(d.day().toString()))
                        .as(d.day().toString())
                        .isEqualTo(d.actions()));

        String page = mvc.perform(get("/admin/dashboard/appeals/{id}", appeal.id())
                        .param("from", LocalDate.now().minusDays(20).toString())
                        .with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg", "<rect", String.format("%,d", expected));
        assertThat(statistics.tally(appeal.id()).actions()).isEqualTo(expected);
    }

    @Test
    void noCellCanRunAsAFormulaAndEveryValueRoundTrips() throws Exception {
        List<String> adversarial = List.of(
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "+1+1",
                "-2+3",
                "@SUM(A1:A9)",
                "\tTAB",
                "\rCR",
                "\"quoted\", with a comma",
                "two\nlines",
                "crlf\r\nline",
                "黄雪琴",
                " leading space",
                "plain",
                "=cmd|' /C calc'!A0",
                "a,b;c\"d");
        TestFixtures.Created appeal = fixtures.published("Adversarial", "CN", null);
        for (String name : adversarial) {
            mvc.perform(ReportForms.report(mvc, appeal.slug())
                            .param("kind", "LETTER")
                            .param("quantity", "1")
                            .param("name", name)
                            .param("email", "a@example.org")
                            .param("consent", "true"))
                    .andExpect(status().isFound());
        }

        List<CSVRecord> rows = parse(download("/admin/exports/reports.csv?personal=true&appeal=" + appeal.id(), ADMIN));

        assertThat(rows)
                .extracting(r -> r.get("supporter_name"))
                .containsExactlyElementsOf(adversarial.stream()
                        .map(String::strip)
                        .map(ReportingTests::asText)
                        .toList());
        for (CSVRecord row : rows) {
            String cell = row.get("supporter_name");
            assertThat(cell.isEmpty() ? ' ' : cell.charAt(0)).isNotIn('=', '+', '-', '@', '\t', '\r');
        }
    }

    @Test
    void noCellASemicolonLocaleSplitsOffCanRunAsAFormula() throws Exception {
        List<String> adversarial = List.of(
                "Ann;=HYPERLINK(\"http://evil.example\",\"x\")",
                "Ann,+1+1",
                "Ann; -2+3",
                "a;@SUM(A1:A9)",
                "a,\tTAB",
                "a;\rCR",
                "two\n=lines",
                "crlf\r\n@line",
                "a;;=1",
                "x;\r=1",
                "Jean-Pierre, a;b",
                "plain;text");
        TestFixtures.Created appeal = fixtures.published("Semicolons", "CN", null);
        jdbc.sql("update target set name = ? where id = ?")
                .param("Official;=1+1,@A1")
                .param(appeal.primaryTargetId())
                .update();
        for (String name : adversarial) {
            mvc.perform(post("/appeals/{slug}/report", appeal.slug())
                            .with(csrf())
                            .param("submissionToken", ReportForms.token(mvc, appeal.slug()))
                            .param("kind", "LETTER")
                            .param("quantity", "1")
                            .param("targetIds", String.valueOf(appeal.primaryTargetId()))
                            .param("name", name)
                            .param("email", "a@example.org")
                            .param("consent", "true"))
                    .andExpect(status().isFound());
        }

        for (String url : List.of(
                "/admin/exports/reports.csv?personal=true&appeal=" + appeal.id(),
                "/admin/exports/counts.csv?appeal=" + appeal.id())) {
            String csv = download(url, ADMIN);
            // As a spreadsheet of a semicolon locale reads it: cells end at every ; and every line break.
            List<CSVRecord> rows = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .setQuote(null)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
            assertThat(rows).hasSizeGreaterThan(1);
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    String text = cell.stripLeading();
                    assertThat(text.isEmpty() ? ' ' : text.charAt(0))
                            .as(url + ": " + cell)
                            .isNotIn('=', '+', '-', '@', '\t', '\r');
                }
            }
            // And as the comma-separated file it is, every name still reads back, an apostrophe before each starter.
            assertThat(csv).contains("Official;'=1+1,'@A1");
        }
        assertThat(parse(download("/admin/exports/reports.csv?personal=true&appeal=" + appeal.id(), ADMIN)))
                .extracting(r -> r.get("supporter_name"))
                .contains(
                        "Ann;'=HYPERLINK(\"http://evil.example\",\"x\")",
                        "Ann,'+1+1",
                        "Ann; '-2+3",
                        "two\n'=lines",
                        "x;'\r'=1",
                        "Jean-Pierre, a;b",
                        "plain;text");
    }

    /** What a spreadsheet-safe export makes of a text: an apostrophe before anything that reads as a formula. */
    private static String asText(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Test
    void personalDataOnlyForAdministratorsOnlyWithConsentAndAlwaysAudited() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Personal data", "CN", null);
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "EMAIL")
                        .param("quantity", "1")
                        .param("name", "Consenting Carol")
                        .param("email", "carol@example.org")
                        .param("consent", "true"))
                .andExpect(status().isFound());
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "EMAIL")
                        .param("quantity", "1"))
                .andExpect(status().isFound());
        String query = "?appeal=" + appeal.id();

        String organiserRaw = download("/admin/exports/reports.csv" + query, ORGANISER);
        String adminRawWithoutAsking = download("/admin/exports/reports.csv" + query, ADMIN);
        String counts = download("/admin/exports/counts.csv" + query, ADMIN)
                + download("/admin/exports/counts.json" + query, ADMIN);
        mvc.perform(get("/admin/exports/reports.csv" + query + "&personal=true").with(ORGANISER))
                .andExpect(status().isForbidden());
        String adminPersonal = download("/admin/exports/reports.csv" + query + "&personal=true", ADMIN);
        String tally = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id()).with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString();

        for (String withoutPersonalData : List.of(organiserRaw, adminRawWithoutAsking, counts, tally)) {
            assertThat(withoutPersonalData).doesNotContain("Carol", "carol@example.org", "supporter_name");
        }
        List<CSVRecord> rows = parse(adminPersonal);
        assertThat(rows).extracting(r -> r.get("supporter_name")).containsExactly("Consenting Carol", "");
        assertThat(rows).extracting(r -> r.get("consent_given")).containsExactly("true", "false");
        assertThat(audit.recent("export.personalData", 5))
                .extracting(AuditEntry::getActor)
                .contains("root@example.org");
    }

    @Test
    void anExcelExportStartsWithAByteOrderMarkAndUsesCrlf() throws Exception {
        MvcResult started = mvc.perform(
                        get("/admin/exports/counts.csv?excel=true").with(ORGANISER))
                .andReturn();
        byte[] body =
                mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();

        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("reference,appeal_id,day,kind,targets,supporter_country,actions,reports\r\n");
    }

    @Test
    void theTallyPdfCarriesTheFiguresAndNamesInChineseScript() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Tally", "CN", null);
        long expected = generate(appeal, 12, 3);

        byte[] pdf = mvc.perform(get("/admin/appeals/{id}/tally/{t}.pdf", appeal.id(), appeal.primaryTargetId())
                        .with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            appeal.reference(),
                            "Person " + appeal.reference(),
                            "测试",
                            "Dear Director\n",
                            "Testville, Test Province, 100000",
                            String.format("%,d", expected),
                            "have taken",
                            "release the person");
        }
        mvc.perform(get("/admin/appeals/{id}/tally/{t}.pdf", appeal.id(), 999_999)
                        .with(ORGANISER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/appeals/{id}/tally", appeal.id())
                        .with(user("ed@example.org").roles("EDITOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDashboardPutsTheNearestDeadlinesFirst() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        fixtures.published("Far deadline " + theme, "CN", LocalDate.now().plusDays(300), theme);
        fixtures.published("Near deadline " + theme, "CN", LocalDate.now().plusDays(1), theme);

        String html = mvc.perform(get("/admin/dashboard").with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html.indexOf("Near deadline " + theme))
                .isLessThan(html.indexOf("Far deadline " + theme))
                .isPositive();
    }

    @Test
    void figuresFromDailyTotalsEqualFiguresFromTheReportsAndTodayAddsOnTop() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Rolled up", "CN", null);
        long expected = generate(appeal, 60, 11); // spread over nine days, then rolled up
        Period period = new Period(LocalDate.now().minusDays(20), LocalDate.now());
        LocalDate today = LocalDate.now();
        int daysRolledUp = jdbc.sql("select count(distinct day) from action_day_total where appeal_id = ?")
                .param(appeal.id())
                .query(Integer.class)
                .single();
        assertThat(daysRolledUp).as("past days in the totals").isGreaterThanOrEqualTo(7);

        ActionStatistics.Breakdown rolledUp = statistics.breakdown(appeal.id(), period);
        ActionStatistics.Tally rolledUpTally = statistics.tally(appeal.id());
        ActionStatistics.AppealTotal rolledUpTotal = totalOf(appeal, period, today);

        // The same figures with nothing rolled up: every one read from the reports themselves.
        jdbc.sql("truncate action_day_total, action_country_total, action_day_target_total")
                .update();
        jdbc.sql("update action_rollup set rolled_up_before = null").update();
        assertThat(statistics.breakdown(appeal.id(), period)).isEqualTo(rolledUp);
        assertThat(statistics.tally(appeal.id())).isEqualTo(rolledUpTally);
        assertThat(totalOf(appeal, period, today)).isEqualTo(rolledUpTotal);
        assertThat(rolledUp.actions()).isEqualTo(expected);
        assertThat(rolledUpTotal.actionsAllTime()).isEqualTo(expected);

        // Rolled up again, a report made today counts at once, on top of the finished days.
        rollup.rebuild();
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "FAX")
                        .param("quantity", "5")
                        .param("country", "NZ")
                        .param("targetIds", String.valueOf(appeal.primaryTargetId())))
                .andExpect(status().isFound());
        ActionStatistics.Breakdown withToday = statistics.breakdown(appeal.id(), period);
        assertThat(withToday.actions()).isEqualTo(expected + 5);
        assertThat(withToday.byDay().getLast().actions())
                .isEqualTo(rolledUp.byDay().getLast().actions() + 5);
        assertThat(withToday.byCountry()).anySatisfy(c -> assertThat(c.key()).isEqualTo("NZ"));
        assertThat(withToday.byTarget())
                .anySatisfy(t -> assertThat(t.key()).isEqualTo(String.valueOf(appeal.primaryTargetId())));
        assertThat(totalOf(appeal, period, today).countriesAllTime()).isEqualTo(rolledUpTotal.countriesAllTime() + 1);
        assertThat(statistics.tally(appeal.id()).actions()).isEqualTo(expected + 5);

        // Rolling up the same days twice adds nothing.
        rollup.rollUp();
        assertThat(statistics.breakdown(appeal.id(), period)).isEqualTo(withToday);

        // Today's reports are rolled up in slices too (the job's grace is skipped here),
        // each slice adding to the day's rows: the figures stay the same.
        jdbc.sql("select roll_up_action_days(now() + interval '1 second')")
                .query()
                .singleRow();
        assertThat(jdbc.sql(
                                "select count(*) from action_report r, action_rollup s where r.appeal_id = ? and r.reported_at >= s.rolled_up_before")
                        .param(appeal.id())
                        .query(Long.class)
                        .single())
                .as("reports left to read one by one")
                .isZero();
        assertThat(statistics.breakdown(appeal.id(), period)).isEqualTo(withToday);
        assertThat(totalOf(appeal, period, today).actionsAllTime()).isEqualTo(expected + 5);
        rollup.rebuild(); // back to the job's rule for the tests after this one
    }

    /** Every figure an organiser or the public sees of one appeal's actions. */
    private record Figures(
            long publicCount,
            long dashboard,
            long dashboardAllTime,
            long dashboardByTarget,
            long countsCsv,
            long countsJson,
            long reportsCsv,
            long tally) {}

    private Figures figuresOf(TestFixtures.Created appeal) throws Exception {
        Period period = new Period(LocalDate.now().minusDays(20), LocalDate.now());
        String range = "appeal=" + appeal.id() + "&from=" + period.from() + "&to=" + period.to();
        ActionStatistics.Breakdown breakdown = statistics.breakdown(appeal.id(), period);
        long jsonSum = 0;
        for (JsonNode row : json.readTree(download("/admin/exports/counts.json?" + range, ORGANISER))) {
            jsonSum += row.get("actions").asLong();
        }
        long tally = statistics.tally(appeal.id()).actions();
        String letters = mvc.perform(
                        get("/admin/appeals/{id}/tally", appeal.id()).with(ORGANISER))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(letters).as("the tally letter states the figure").contains(String.format("%,d action", tally));
        return new Figures(
                totals.actionsFor(appeal.id()),
                breakdown.actions(),
                totalOf(appeal, period, LocalDate.now()).actionsAllTime(),
                breakdown.byTarget().stream()
                        .mapToLong(ActionStatistics.Count::actions)
                        .sum(),
                parse(download("/admin/exports/counts.csv?" + range, ORGANISER)).stream()
                        .mapToLong(r -> Long.parseLong(r.get("actions")))
                        .sum(),
                jsonSum,
                parse(download("/admin/exports/reports.csv?" + range, ORGANISER)).stream()
                        .mapToLong(r -> Long.parseLong(r.get("quantity")))
                        .sum(),
                tally);
    }

    private static Figures less(Figures f, long actions, long targetActions) {
        return new Figures(
                f.publicCount() - actions,
                f.dashboard() - actions,
                f.dashboardAllTime() - actions,
                f.dashboardByTarget() - targetActions,
                f.countsCsv() - actions,
                f.countsJson() - actions,
                f.reportsCsv() - actions,
                f.tally() - actions);
    }

    @Test
    void aVoidedReportLeavesEveryCountAndComesBackWhenRestored() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Voided", "CN", null);
        long expected = generate(appeal, 40, 5); // spread over nine days and rolled up
        // And one made just now, not yet in the per-day totals, naming both officials.
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "FAX")
                        .param("quantity", "37")
                        .param("country", "NZ")
                        .param(
                                "targetIds",
                                String.valueOf(appeal.primaryTargetId()),
                                String.valueOf(appeal.copyTargetId())))
                .andExpect(status().isFound());
        long recent = jdbc.sql("select max(id) from action_report where appeal_id = ?")
                .param(appeal.id())
                .query(Long.class)
                .single();
        record Report(long id, int quantity, int targets) {}
        Report rolledUp = jdbc.sql("""
                        select r.id, r.quantity, (select count(*) from action_report_target t where t.report_id = r.id) as targets
                        from action_report r, action_rollup s
                        where r.appeal_id = ? and r.reported_at < s.rolled_up_before and r.reported_at >= current_date - 7
                        order by (select count(*) from action_report_target t where t.report_id = r.id) desc, r.quantity desc, r.id limit 1
                        """)
                .param(appeal.id())
                .query((rs, n) -> new Report(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
                .single();
        assertThat(rolledUp.targets())
                .as("a rolled-up report naming an official")
                .isPositive();
        Figures before = figuresOf(appeal);
        assertThat(before.publicCount()).isEqualTo(expected + 37);
        assertThat(before)
                .isEqualTo(new Figures(
                        expected + 37,
                        expected + 37,
                        expected + 37,
                        before.dashboardByTarget(),
                        expected + 37,
                        expected + 37,
                        expected + 37,
                        expected + 37));

        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), recent)
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "Forty faxes from one script"))
                .andExpect(status().isFound());
        assertThat(figuresOf(appeal)).isEqualTo(less(before, 37, 2 * 37));
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/void", appeal.id(), rolledUp.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("reason", "Duplicate of a paper batch"))
                .andExpect(status().isFound());
        Figures voided =
                less(before, 37 + rolledUp.quantity(), 2 * 37 + (long) rolledUp.targets() * rolledUp.quantity());
        assertThat(figuresOf(appeal)).isEqualTo(voided);
        // The per-day totals were corrected, not just hidden: recomputed from the reports, they agree.
        rollup.rebuild();
        assertThat(figuresOf(appeal)).isEqualTo(voided);

        mvc.perform(post("/admin/appeals/{id}/reports/{r}/restore", appeal.id(), recent)
                        .with(ORGANISER)
                        .with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/appeals/{id}/reports/{r}/restore", appeal.id(), rolledUp.id())
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(figuresOf(appeal)).isEqualTo(before);
        rollup.rebuild();
        assertThat(figuresOf(appeal)).isEqualTo(before);

        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getAction)
                .contains("report.voided", "report.restored");
        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getDetails)
                .anySatisfy(details -> assertThat(details).contains("report " + recent, "Forty faxes from one script"));
    }

    @Test
    void anAppealWhoseLastHourIsSeveralTimesItsUsualRateIsFlaggedOnTheDashboardAndItsReportsPage() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created quiet = fixtures.published("Quiet until now " + theme, "CN", null, theme);
        TestFixtures.Created busy = fixtures.published("Always busy " + theme, "CN", null, theme);
        // Six days before today: one action an hour on the quiet one, 200 an hour on the busy one.
        jdbc.sql("""
                        insert into action_report (appeal_id, kind, quantity, submission_token, reported_at)
                        select a.id, 'LETTER', a.per_hour, gen_random_uuid(), now() - d * interval '1 day' - h * interval '1 hour'
                        from (values (:quiet, 1), (:busy, 200)) as a (id, per_hour),
                             generate_series(1, 6) d, generate_series(0, 23) h
                        """).param("quiet", quiet.id()).param("busy", busy.id()).update();
        rollup.rebuild();
        // The last hour: 300 actions on each.
        for (int i = 0; i < 10; i++) {
            for (TestFixtures.Created appeal : List.of(quiet, busy)) {
                mvc.perform(ReportForms.report(mvc, appeal.slug())
                                .param("kind", "EMAIL")
                                .param("quantity", "30"))
                        .andExpect(status().isFound());
            }
        }

        assertThat(activity.now()).containsKey(quiet.id()).doesNotContainKey(busy.id());
        String dashboard = mvc.perform(get("/admin/dashboard").with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard)
                .contains("href=\"/admin/appeals/" + quiet.id() + "/reports\">Unusual activity")
                .doesNotContain("href=\"/admin/appeals/" + busy.id() + "/reports\">Unusual activity");
        mvc.perform(get("/admin/appeals/{id}/reports", quiet.id()).with(ORGANISER))
                .andExpect(content().string(containsString("Unusual activity: the reports of the last hour")));
        mvc.perform(get("/admin/dashboard/appeals/{id}", quiet.id()).with(ORGANISER))
                .andExpect(content().string(containsString("Unusual activity: the reports of the last hour")));
        mvc.perform(get("/admin/appeals/{id}/reports", busy.id()).with(ORGANISER))
                .andExpect(content().string(not(containsString("Unusual activity"))));
    }

    private ActionStatistics.AppealTotal totalOf(TestFixtures.Created appeal, Period period, LocalDate today) {
        return statistics.perAppeal(period, today).stream()
                .filter(t -> t.id() == appeal.id())
                .findFirst()
                .orElseThrow();
    }
}
