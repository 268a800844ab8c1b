package org.urgentaction.reporting;

import java.io.IOException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.audit.AuditEntry;
import org.urgentaction.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The letters that carry the count back to the officials: figures, wording, scripts and paper. */
@IntegrationTest
class TallyLetterTests {

    private static final RequestPostProcessor ORGANISER =
            user("org@example.org").roles("ORGANISER");
    private static final RequestPostProcessor ADMIN = user("root@example.org").roles("ADMIN");
    private static final String[] KINDS = {
        "LETTER", "EMAIL", "FAX", "PHONE_CALL", "SOCIAL_POST", "SIGNATURE", "SOLIDARITY_MESSAGE"
    };
    private static final String[] COUNTRIES = {"GB", "US", "DE", "FR", null};

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActionStatistics statistics;

    @Autowired
    ActionDayRollup rollup;

    @Autowired
    TallyPdf pdf;

    @Autowired
    AuditLog audit;

    @AfterEach
    void organisationAsShipped() {
        jdbc.sql("update organisation_settings set name = null, signatory = null, address = null, paper_size = 'A4', "
                        + "tally_wording_en = null, tally_wording_fr = null")
                .update();
    }

    /** What the generated reports should add up to. */
    private record Expected(long inAll, long solidarity, Map<Long, Long> perOfficial) {}

    /**
     * Reports written as the benchmark's generator writes them, straight into the table (every kind,
     * messages of solidarity too, each naming some of the officials), over nine days; the past days
     * rolled up, today's read one by one.
     */
    private Expected generate(TestFixtures.Created appeal, int reports, long seed) {
        Random random = new Random(seed);
        long inAll = 0;
        long solidarity = 0;
        Map<Long, Long> perOfficial = new HashMap<>();
        for (int i = 0; i < reports; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            int quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 3);
            Instant at = Instant.now().minus(i % 9, ChronoUnit.DAYS).minus(i % 5, ChronoUnit.MINUTES);
            long id = jdbc.sql(
                            "insert into action_report (appeal_id, kind, quantity, supporter_country, submission_token, "
                                    + "reported_at) values (?, ?, ?, ?, ?, ?) returning id")
                    .params(
                            appeal.id(),
                            kind,
                            quantity,
                            COUNTRIES[random.nextInt(COUNTRIES.length)],
                            UUID.randomUUID(),
                            Timestamp.from(at))
                    .query(Long.class)
                    .single();
            List<Long> named = new ArrayList<>();
            if (random.nextBoolean()) {
                named.add(appeal.primaryTargetId());
            }
            if (random.nextInt(3) == 0) {
                named.add(appeal.copyTargetId());
            }
            for (long target : named) {
                jdbc.sql("insert into action_report_target (report_id, target_id) values (?, ?)")
                        .params(id, target)
                        .update();
            }
            if (kind.equals("SOLIDARITY_MESSAGE")) {
                solidarity += quantity;
                continue;
            }
            inAll += quantity;
            for (long target : named) {
                perOfficial.merge(target, (long) quantity, Long::sum);
            }
        }
        rollup.rebuild();
        return new Expected(inAll, solidarity, perOfficial);
    }

    @Test
    void eachOfficialsLetterCountsWhatNamedThemLikeTheDashboardAndNeverAMessageOfSolidarity() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Per official", "CN", null);
        Expected expected = generate(appeal, 150, 13);
        assertThat(expected.solidarity())
                .as("the data has messages of solidarity naming officials")
                .isPositive();

        ActionStatistics.Tally tally = statistics.tally(appeal.id());
        ActionStatistics.Breakdown dashboard =
                statistics.breakdown(appeal.id(), new Period(LocalDate.now().minusDays(30), LocalDate.now()));
        Map<Long, Long> dashboardPerOfficial = dashboard.byTarget().stream()
                .collect(Collectors.toMap(c -> Long.parseLong(c.key()), ActionStatistics.Count::actions));

        assertThat(tally.perOfficial()).isEqualTo(expected.perOfficial()).isEqualTo(dashboardPerOfficial);
        assertThat(tally.actions()).isEqualTo(expected.inAll());
        assertThat(tally.byKind()).extracting(ActionStatistics.Count::key).doesNotContain("SOLIDARITY_MESSAGE");
        assertThat(dashboard.actions())
                .as("the dashboard's total still has them")
                .isEqualTo(expected.inAll() + expected.solidarity());

        String html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains(
                        String.format(
                                "supporters have taken %,d actions addressed to you",
                                expected.perOfficial().get(appeal.primaryTargetId())),
                        String.format(
                                "supporters have taken %,d actions addressed to you",
                                expected.perOfficial().get(appeal.copyTargetId())),
                        String.format(
                                "In all, supporters in 4 countries have taken %,d actions on this appeal",
                                expected.inAll()));
        assertThat(html).doesNotContainIgnoringCase("solidarity");
    }

    @Test
    void theSalutationIsPrintedAsStaffTypedIt() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Salutation", "CN", null);
        jdbc.sql("update target set salutation = 'Your Excellency:' where id = ?")
                .param(appeal.primaryTargetId())
                .update();

        String html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String text = text(pdfOf(appeal, appeal.primaryTargetId(), "A4"));

        assertThat(html)
                .contains(">Your Excellency:</p>", ">Dear Sir or Madam,</p>")
                .doesNotContain("Your Excellency:,");
        assertThat(text).contains("Your Excellency:\n").doesNotContain("Your Excellency:,");
        jdbc.sql("update target set salutation = 'Dear Director' where id = ?")
                .param(appeal.primaryTargetId())
                .update();
        assertThat(text(pdfOf(appeal, appeal.primaryTargetId(), "A4")))
                .contains("Dear Director\n")
                .doesNotContain("Dear Director,");
    }

    // Names as staff store them; the long one has no space to break at.
    private static final Map<String, String> NAMES = new java.util.LinkedHashMap<>();

    static {
        NAMES.put("Latin", "Łukasz Wiśniewski-Brzęczyszczykiewicz");
        NAMES.put("Chinese", "黄雪琴");
        NAMES.put("Chinese Extension B", "𠀋𠀌𠀍");
        NAMES.put("Arabic", "عبد الهادي الخواجة");
        NAMES.put("Cyrillic", "Алексей Навальный");
        NAMES.put("Persian", "نرگس محمدی");
        NAMES.put("Devanagari", "सुधा भारद्वाज");
        NAMES.put("Greek", "Ελευθερία Παπαδοπούλου");
    }

    private static final String UNBROKEN = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3);

    private static TallyLetter letterWith(List<String> people, List<String> demands, String language) {
        return new TallyLetter(
                1,
                language,
                "2 December 2026",
                List.of("Hojjatoleslam Gholamhossein Mohseni Ejei", "رئیس قوه قضاییه", "Pasteur St, Tehran"),
                "UA 1.26",
                "A title",
                "Re: UA 1.26 \u2014 A title",
                people,
                "Your Excellency:",
                List.of("As of 2 December 2026, supporters have taken 12 actions addressed to you concerning "
                        + String.join(", ", people) + "."),
                "They ask you to:",
                demands,
                "We urge you to act.",
                List.of("Yours faithfully,", "A. Signatory", "An Organisation", "1 High Street"),
                12,
                340);
    }

    @Test
    void namesInEveryScriptArePrintedExtractableAndWithinTheMargins() throws Exception {
        List<String> people = new ArrayList<>(NAMES.values());
        people.add(UNBROKEN);
        byte[] bytes = pdf.render(letterWith(people, List.of("release them"), "en"), PaperSize.A4);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            Extracted extracted = extract(document);
            String text = Normalizer.normalize(extracted.text(), Normalizer.Form.NFKC);
            // Each glyph maps back to the characters it was shaped from (a joined Arabic letter, a
            // conjunct), so every name comes out whole and in logical order.
            for (Map.Entry<String, String> name : NAMES.entrySet()) {
                // A name may be wrapped at a space or after a hyphen.
                assertThat(List.of(text.replace("\n", " "), text.replace("\n", "")))
                        .as(name.getKey())
                        .anyMatch(joined -> joined.contains(name.getValue()));
            }
            assertThat(text).as("the long name wrapped").doesNotContain(UNBROKEN);
            assertThat(text.replace("\n", "")).contains(UNBROKEN);
            assertThat(text).contains("رئیس قوه قضاییه");
            float width = document.getPage(0).getMediaBox().getWidth();
            assertThat(extracted.lowestX()).isGreaterThanOrEqualTo(TallyPdf.MARGIN - 0.5f);
            assertThat(extracted.highestX()).isLessThanOrEqualTo(width - TallyPdf.MARGIN + 0.5f);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.getName()).as("subset").matches("[A-Z]{6}\\+.*");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
        }
        assertThat(bytes.length).as("subset, not whole fonts").isLessThan(300_000);
    }

    @Test
    void aShortLetterIsOnePagePerOfficialOnA4AndOnLetterAndALongOneGoesOnWithoutLosingText() throws Exception {
        TestFixtures.Created appeal = fixtures.published("One page", "CN", null);
        generate(appeal, 20, 5);
        for (String paper : List.of("A4", "LETTER")) {
            for (long target : List.of(appeal.primaryTargetId(), appeal.copyTargetId())) {
                try (PDDocument document = Loader.loadPDF(pdfOf(appeal, target, paper))) {
                    assertThat(document.getNumberOfPages()).as(paper).isEqualTo(1);
                    float height = document.getPage(0).getMediaBox().getHeight();
                    assertThat(height).isEqualTo(PaperSize.valueOf(paper).page().getHeight());
                }
            }
            String html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id())
                            .param("paper", paper)
                            .with(ORGANISER))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).contains(paper.equals("A4") ? "/css/paper-a4.css" : "/css/paper-letter.css");
        }
        mvc.perform(get("/admin/appeals/{id}/tally", appeal.id())
                        .param("paper", "A0")
                        .with(ORGANISER))
                .andExpect(status().isBadRequest());

        List<String> demands = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            demands.add("Demand number " + i + ": end the arbitrary detention and allow access to lawyers and family.");
        }
        for (PaperSize paper : PaperSize.values()) {
            try (PDDocument document = Loader.loadPDF(pdf.render(letterWith(List.of("黄雪琴"), demands, "en"), paper))) {
                assertThat(document.getNumberOfPages()).isGreaterThan(1);
                String text = extract(document).text();
                for (int i = 1; i <= 40; i++) {
                    assertThat(text).contains("Demand number " + i + ":");
                }
                assertThat(text).contains("1 High Street");
            }
        }
    }

    @Test
    void staffEditTheWordingAndSignOffAndAFrenchOfficialGetsAFrenchLetter() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Wording", "CN", null);
        generate(appeal, 10, 3);
        jdbc.sql("update target set preferred_language = 'fr' where id = ?")
                .param(appeal.copyTargetId())
                .update();
        long version = jdbc.sql("select version from organisation_settings")
                .query(Long.class)
                .single();

        String refused = mvc.perform(post("/admin/organisation")
                        .with(ADMIN)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("name", "Should not be saved")
                        .param("paperSize", "A4")
                        .param("wordingEn", "{count} for {oficial}, {date}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Unknown placeholder: {oficial}");
        mvc.perform(post("/admin/organisation")
                        .with(ADMIN)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("paperSize", "A5"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/organisation")
                        .with(ORGANISER)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("paperSize", "A4"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name is null from organisation_settings")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        mvc.perform(post("/admin/organisation")
                        .with(ADMIN)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("name", "Droits Maintenant")
                        .param("signatory", "Ada Example, Campaigns Director")
                        .param("address", "1 Rights Road\nLondon N1 1AA")
                        .param("paperSize", "LETTER")
                        .param(
                                "wordingEn",
                                "Our count for {official}: {count} of {total}. <b>{reference}</b> {unknown_text")
                        .param("wordingFr", "Pour {official} : {count} sur {total}, au {date}."))
                .andExpect(status().isFound());
        assertThat(audit.recent("organisation.updated", 1))
                .extracting(AuditEntry::getActor)
                .containsExactly("root@example.org");

        String html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains(
                        "Our count for Official " + appeal.reference() + ":",
                        "&lt;b&gt;" + appeal.reference(),
                        "Ada Example, Campaigns Director",
                        "Droits Maintenant",
                        "1 Rights Road",
                        "London N1 1AA",
                        "/css/paper-letter.css",
                        "Pour Ambassador " + appeal.reference() + " :",
                        "Objet\u00a0:",
                        "Veuillez agréer",
                        "Ils vous demandent de");
        assertThat(html).doesNotContain("As of ");
        try (PDDocument french = Loader.loadPDF(pdfOf(appeal, appeal.copyTargetId(), null))) {
            assertThat(french.getPage(0).getMediaBox().getHeight())
                    .as("the organisation's paper")
                    .isEqualTo(792f);
            String text = extract(french).text();
            assertThat(text).contains("Pour Ambassador " + appeal.reference(), "Droits Maintenant", "Veuillez agréer");
            assertThat(text).containsPattern("au \\d{1,2} [a-zéû]+ \\d{4}");
        }

        // The appeal's own wording wins over the organisation's, language by language.
        mvc.perform(post("/admin/appeals/{id}/tally/wording", appeal.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("wordingEn", "{nope}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/appeals/{id}/tally/wording", appeal.id())
                        .with(ORGANISER)
                        .with(csrf())
                        .param("wordingEn", "Words of this appeal only: {count}.")
                        .param("wordingFr", ""))
                .andExpect(status().isFound());
        html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id()).with(ORGANISER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Words of this appeal only:", "Pour Ambassador")
                .doesNotContain("Our count for");
        assertThat(audit.trailOf("appeal", appeal.id()))
                .extracting(AuditEntry::getAction)
                .contains("appeal.tallyWording.updated");
    }

    private byte[] pdfOf(TestFixtures.Created appeal, long target, String paper) throws Exception {
        var request =
                get("/admin/appeals/{id}/tally/{t}.pdf", appeal.id(), target).with(ORGANISER);
        if (paper != null) {
            request.param("paper", paper);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return extract(document).text();
        }
    }

    private record Extracted(String text, float lowestX, float highestX) {}

    private static Extracted extract(PDDocument document) throws IOException {
        float[] bounds = {Float.MAX_VALUE, 0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition position : positions) {
                    bounds[0] = Math.min(bounds[0], position.getXDirAdj());
                    bounds[1] = Math.max(bounds[1], position.getXDirAdj() + position.getWidthDirAdj());
                }
                super.writeString(text, positions);
            }
        };
        return new Extracted(stripper.getText(document), bounds[0], bounds[1]);
    }
}
