package org.urgentaction.actions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.ActionTotals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PetitionPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    @Autowired
    JdbcClient jdbc;

    private TestFixtures.Created petition() {
        TestFixtures.Created appeal = fixtures.published("Sign for them", "CN", null);
        fixtures.offerPetition(appeal);
        return appeal;
    }

    private MockHttpServletRequestBuilder sign(String slug) throws Exception {
        String page = mvc.perform(get("/appeals/{slug}/petition", slug))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return post("/appeals/{slug}/petition", slug).with(csrf()).param("submissionToken", ReportForms.tokenIn(page));
    }

    private long count(String sql, long appealId) {
        return jdbc.sql(sql).param(appealId).query(Long.class).single();
    }

    private long signatures(long appealId) {
        return count("select count(*) from petition_signature where appeal_id = ?", appealId);
    }

    private long signatureReports(long appealId) {
        return count(
                "select coalesce(sum(quantity), 0) from action_report where appeal_id = ? and kind = 'SIGNATURE'",
                appealId);
    }

    @Test
    void aSupporterReadsTheOpenLetterSignsItAndIsCountedOnceAsASignature() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(get("/appeals/{slug}", appeal.slug()))
                .andExpect(content().string(containsString("href=\"/appeals/" + appeal.slug() + "/petition\"")));
        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Open letter to the Minister"),
                                containsString("To: The Minister of Justice"),
                                containsString("<p>Release them now.</p>"),
                                containsString("0</strong>"))));
        MockHttpServletRequestBuilder signing = sign(appeal.slug())
                .param("name", "Ana Lima")
                .param("country", "BR")
                .param("email", "Ana@Example.org")
                .param("showName", "true");
        mvc.perform(signing)
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/petition/thanks"));
        // The same form sent again (a double click, the back button) is not counted again.
        mvc.perform(signing).andExpect(status().isConflict());

        assertThat(signatures(appeal.id())).isEqualTo(1);
        assertThat(signatureReports(appeal.id())).isEqualTo(1);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(1);
        // No consent: the address is not kept, only its keyed hash.
        assertThat(jdbc.sql("select email is null and octet_length(email_hash) = 32 from petition_signature"
                                + " where appeal_id = ?")
                        .param(appeal.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(content().string(allOf(containsString("<bdi>Ana Lima</bdi>,"), containsString("Brazil"))));
    }

    @Test
    void aSecondSignatureWithTheSameEmailIsRefusedOnItsFieldAndNothingIsSaved() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(sign(appeal.slug())
                        .param("name", "Ana")
                        .param("country", "BR")
                        .param("email", "ana@example.org"))
                .andExpect(status().isFound());
        mvc.perform(sign(appeal.slug())
                        .param("name", "Ana again")
                        .param("country", "BR")
                        .param("email", " ANA@example.org "))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("This e-mail address has already signed this petition"),
                                containsString("value=\"Ana again\""))));
        assertThat(signatures(appeal.id())).isEqualTo(1);
        assertThat(signatureReports(appeal.id())).isEqualTo(1);
    }

    @Test
    void signaturesWithoutAnEmailAreEachCounted() throws Exception {
        TestFixtures.Created appeal = petition();
        for (String name : new String[] {"One", "Two"}) {
            mvc.perform(sign(appeal.slug()).param("name", name).param("country", "GB"))
                    .andExpect(status().isFound());
        }
        assertThat(signatures(appeal.id())).isEqualTo(2);
        // Names are shown only to those who asked: none here.
        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(content().string(not(containsString("Recent signatures"))));
    }

    @Test
    void aSignatureWithoutANameOrCountryIsRefusedWithMessagesAndNothingIsSaved() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(sign(appeal.slug())
                        .param("name", "   ")
                        .param("country", "XX")
                        .param("consent", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Please give your name"),
                                containsString("To hear from us, give your e-mail address"))));
        mvc.perform(sign(appeal.slug()).param("name", "Ana").param("country", "ZZ"))
                .andExpect(status().isBadRequest());
        mvc.perform(sign(appeal.slug()).param("name", "Ana"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose your country.")));
        mvc.perform(sign(appeal.slug()).param("name", "x".repeat(201)).param("country", "BR"))
                .andExpect(status().isBadRequest());
        mvc.perform(sign(appeal.slug())
                        .param("name", "Ana")
                        .param("country", "BR")
                        .param("email", "not an address"))
                .andExpect(status().isBadRequest());
        assertThat(signatures(appeal.id())).isZero();
        assertThat(signatureReports(appeal.id())).isZero();
    }

    @Test
    void aForgedOrForeignTokenIsRefusedAndAnAppealWithoutAPetitionHasNone() throws Exception {
        TestFixtures.Created appeal = petition();
        TestFixtures.Created other = petition();
        mvc.perform(post("/appeals/{slug}/petition", appeal.slug())
                        .with(csrf())
                        .param("submissionToken", "forged")
                        .param("name", "Ana")
                        .param("country", "BR"))
                .andExpect(status().isBadRequest());
        mvc.perform(sign(other.slug()).param("name", "Ana").param("country", "BR"))
                .andExpect(status().isFound());
        String otherToken = ReportForms.tokenIn(mvc.perform(get("/appeals/{slug}/petition", other.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        mvc.perform(post("/appeals/{slug}/petition", appeal.slug())
                        .with(csrf())
                        .param("submissionToken", otherToken)
                        .param("name", "Ana")
                        .param("country", "BR"))
                .andExpect(status().isBadRequest());
        assertThat(signatures(appeal.id())).isZero();

        TestFixtures.Created letterOnly = fixtures.published("Letters only", "CN", null);
        mvc.perform(get("/appeals/{slug}/petition", letterOnly.slug())).andExpect(status().isNotFound());
    }

    @Test
    void theReportFormDoesNotTakeSignatures() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(get("/appeals/{slug}/report", appeal.slug()))
                .andExpect(content().string(not(containsString("value=\"SIGNATURE\""))));
        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "SIGNATURE")
                        .param("quantity", "50"))
                .andExpect(status().isBadRequest());
        assertThat(signatureReports(appeal.id())).isZero();
    }

    @Test
    void staffAddAPaperBatchSetAGoalAndRecordTheHandInAllShownAndAudited() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(sign(appeal.slug()).param("name", "Ana").param("country", "BR"))
                .andExpect(status().isFound());
        var organiser = user("organiser@example.org").roles("ORGANISER");
        String admin = "/admin/appeals/" + appeal.id() + "/petition";
        mvc.perform(post(admin + "/goal").with(organiser).with(csrf()).param("goal", "1000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(admin + "/paper-batches")
                        .with(organiser)
                        .with(csrf())
                        .param("signatures", "249")
                        .param("gathered", "Stall at the town fair"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(admin + "/hand-ins")
                        .with(organiser)
                        .with(csrf())
                        .param("handedInOn", "2026-01-10")
                        .param("handedTo", "The Embassy in London")
                        .param("signatures", "250"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("250</strong>"),
                                containsString("of a goal of 1,000"),
                                containsString("<progress max=\"1000\" value=\"250\""),
                                containsString(
                                        "Handed in on January 10, 2026 to The Embassy in London: 250 signatures"))));
        assertThat(signatureReports(appeal.id())).isEqualTo(250);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(250);
        assertThat(count(
                        "select count(*) from audit_entry where subject_id = ? and action like 'petition.%'",
                        appeal.id()))
                .isEqualTo(3);
        mvc.perform(get(admin).with(organiser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Stall at the town fair")));
    }

    @Test
    void badStaffInputIsRefusedWithMessagesAndChangesNothing() throws Exception {
        TestFixtures.Created appeal = petition();
        var organiser = user("organiser@example.org").roles("ORGANISER");
        String admin = "/admin/appeals/" + appeal.id() + "/petition";
        mvc.perform(post(admin + "/paper-batches").with(organiser).with(csrf()).param("signatures", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(admin + "/paper-batches")
                        .with(organiser)
                        .with(csrf())
                        .param("signatures", "abc")
                        .param("gathered", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(admin + "/goal").with(organiser).with(csrf()).param("goal", "-5"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(admin + "/hand-ins")
                        .with(organiser)
                        .with(csrf())
                        .param("handedInOn", "2999-01-01")
                        .param("handedTo", "Someone")
                        .param("signatures", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Record a hand-in on the day it happened")));
        mvc.perform(post(admin + "/hand-ins")
                        .with(organiser)
                        .with(csrf())
                        .param("handedInOn", "0001-01-01")
                        .param("handedTo", "Someone")
                        .param("signatures", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Check the year")));
        // Campaign staff who cannot see counts cannot change them either.
        mvc.perform(post(admin + "/paper-batches")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf())
                        .param("signatures", "5")
                        .param("gathered", "x"))
                .andExpect(status().isForbidden());
        assertThat(signatureReports(appeal.id())).isZero();
        assertThat(count("select count(*) from petition_hand_in where appeal_id = ?", appeal.id()))
                .isZero();
    }

    @Test
    void voidingASignatureReportTakesItOutOfThePetitionsCountToo() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(sign(appeal.slug()).param("name", "Ana").param("country", "BR"))
                .andExpect(status().isFound());
        long reportId = count("select id from action_report where appeal_id = ?", appeal.id());
        mvc.perform(post("/admin/appeals/{id}/reports/{report}/void", appeal.id(), reportId)
                        .with(user("organiser@example.org").roles("ORGANISER"))
                        .with(csrf())
                        .param("reason", "A test signature"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select coalesce(sum(signatures), 0) from petition_tally where appeal_id = ?", appeal.id()))
                .isZero();
    }

    @Test
    void staffRemoveAShownNameThatIsNotASignersAndItLeavesThePageAndTheCount() throws Exception {
        TestFixtures.Created appeal = petition();
        // U+202E would turn the text after it (the country) around on the page.
        mvc.perform(sign(appeal.slug())
                        .param("name", "\u202eSIGNED BY THE MINISTER")
                        .param("country", "BR")
                        .param("showName", "true"))
                .andExpect(status().isFound());
        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(content()
                        .string(allOf(
                                containsString("<bdi>SIGNED BY THE MINISTER</bdi>"), not(containsString("\u202e")))));
        var organiser = user("organiser@example.org").roles("ORGANISER");
        String admin = "/admin/appeals/" + appeal.id() + "/petition";
        long reportId = count("select id from action_report where appeal_id = ?", appeal.id());
        mvc.perform(get(admin).with(organiser)).andExpect(content().string(containsString("Remove and void")));
        mvc.perform(post(admin + "/signatures/{report}/void", reportId)
                        .with(organiser)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say why the signature is removed.")));
        mvc.perform(post(admin + "/signatures/{report}/void", reportId)
                        .with(organiser)
                        .with(csrf())
                        .param("reason", "Not a signer: a defacement"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/appeals/{slug}/petition", appeal.slug()))
                .andExpect(content()
                        .string(allOf(not(containsString("SIGNED BY THE MINISTER")), containsString("0</strong>"))));
        // A report that is not a shown signature of this petition is not removed from here.
        mvc.perform(post(admin + "/signatures/{report}/void", 999_999_999L)
                        .with(organiser)
                        .with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAppealWithoutAPetitionTakesNoPaperSignatures() throws Exception {
        TestFixtures.Created letters = fixtures.published("No petition here", "CN", null);
        mvc.perform(post("/admin/appeals/{id}/petition/paper-batches", letters.id())
                        .with(user("organiser@example.org").roles("ORGANISER"))
                        .with(csrf())
                        .param("signatures", "1000")
                        .param("gathered", "x"))
                .andExpect(status().isConflict());
        assertThat(signatureReports(letters.id())).isZero();
        assertThat(totals.actionsFor(letters.id())).isZero();
    }

    @Test
    void administratorsDownloadTheSignersForTheHandInWithEmailsOnlyWhereSignersAgreed() throws Exception {
        TestFixtures.Created appeal = petition();
        mvc.perform(sign(appeal.slug())
                        .param("name", "=HYPERLINK(\"http://x\")")
                        .param("country", "BR")
                        .param("email", "kept@example.org")
                        .param("consent", "true"))
                .andExpect(status().isFound());
        mvc.perform(sign(appeal.slug())
                        .param("name", "Bo")
                        .param("country", "GB")
                        .param("email", "hashed@example.org"))
                .andExpect(status().isFound());
        String csv = mvc.perform(get("/admin/appeals/{id}/petition/signers.csv", appeal.id())
                        .with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var rows = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(csv))
                .getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(0).get("email")).isEqualTo("kept@example.org");
        assertThat(rows.get(1).get("name")).isEqualTo("Bo");
        assertThat(rows.get(1).get("email")).isEmpty();
        assertThat(csv).doesNotContain("hashed@example.org");
        assertThat(count(
                        "select count(*) from audit_entry where subject_id = ? and action = 'export.personalData'",
                        appeal.id()))
                .isEqualTo(1);
        // Organisers see counts, not the people behind them.
        mvc.perform(get("/admin/appeals/{id}/petition/signers.csv", appeal.id())
                        .with(user("organiser@example.org").roles("ORGANISER")))
                .andExpect(status().isForbidden());
    }
}
