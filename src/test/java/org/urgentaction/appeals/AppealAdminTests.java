package org.urgentaction.appeals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.AtOnce;
import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.audit.AuditEntry;
import org.urgentaction.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff carry an appeal from draft to closed; conflicts, rules and bad input are refused clearly. */
@IntegrationTest
class AppealAdminTests {

    private static final RequestPostProcessor EDITOR = user("ed@example.org").roles("EDITOR");
    private static final RequestPostProcessor ADMIN = user("root@example.org").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AppealRepository appeals;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder form(String path, Object... vars) {
        return post(path, vars).with(EDITOR).with(csrf());
    }

    private static MockHttpServletRequestBuilder appealFields(MockHttpServletRequestBuilder request, String title) {
        return request.param("referenceCode", "UA " + System.nanoTime())
                .param("title", title)
                .param("country", "ir")
                .param("summary", "A summary")
                .param("themes", "Death penalty, Women's rights")
                .param("demands", "Quash the sentence\n\nRelease her")
                .param("deadline", "2099-01-31")
                .param("actions", "LETTER", "EMAIL", "FAX")
                .param("background", "First paragraph.\n\nSecond with <script>alert(1)</script> **bold**.");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private long version(long id) {
        return appeals.findById(id).orElseThrow().getVersion();
    }

    /** Reads the aggregate inside a transaction, as its collections load lazily. */
    private <T> T read(long id, java.util.function.Function<Appeal, T> reader) {
        return transaction.execute(status -> reader.apply(appeals.findById(id).orElseThrow()));
    }

    @Test
    void createsADraftWithEveryFieldAndSanitisedBackground() throws Exception {
        String location = mvc.perform(appealFields(form("/admin/appeals"), "Created by staff"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));

        Appeal appeal = appeals.findById(id).orElseThrow();
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.DRAFT);
        assertThat(appeal.getCountry()).isEqualTo("IR");
        assertThat(appeal.getThemes()).containsExactly("Death penalty", "Women's rights");
        List<String> demands = read(id, a -> List.copyOf(a.getDemands()));
        assertThat(demands).containsExactly("Quash the sentence", "Release her");
        assertThat(appeal.getBackgroundHtml())
                .contains("<p>First paragraph.</p>", "<strong>bold</strong>")
                .doesNotContain("<script", "alert(1)");
        assertThat(audit.trailOf("appeal", id))
                .extracting(AuditEntry::getAction, AuditEntry::getActor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("appeal.created", "ed@example.org"));
        mvc.perform(get("/admin/appeals/{id}/preview", id).with(EDITOR))
                .andExpect(content().string(allOf(containsString("<strong>bold</strong>"), containsString("Preview"))));
    }

    @Test
    void anIssueDateKnownToTheMonthOrYearIsKeptAndShownThatWayAndABadOneIsRefusedWithAMessage() throws Exception {
        String title = "Issued in a month " + System.nanoTime();
        for (String bad : List.of("2014-13", "2014-02-30", "Dec 2014", "14-12", "2014/12")) {
            mvc.perform(appealFields(form("/admin/appeals"), title).param("issuedOn", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Enter the issue date as the document gives it")));
        }
        assertThat(jdbc.sql("select count(*) from appeal where title = ?")
                        .param(title)
                        .query(Long.class)
                        .single())
                .isZero();

        String location = mvc.perform(
                        appealFields(form("/admin/appeals"), title).param("issuedOn", "2014-12"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));
        Appeal appeal = appeals.findById(id).orElseThrow();
        assertThat(appeal.getIssuedOn()).hasToString("2014-12-01");
        assertThat(appeal.getIssued()).hasToString("2014-12");
        mvc.perform(get("/admin/appeals/{id}/edit", id).with(EDITOR))
                .andExpect(content().string(containsString("value=\"2014-12\"")));
        mvc.perform(get("/admin/appeals/{id}/preview", id).with(EDITOR))
                .andExpect(content()
                        .string(allOf(
                                containsString("<time datetime=\"2014-12\">December 2014</time>"),
                                not(containsString("December 1, 2014")))));

        mvc.perform(appealFields(form("/admin/appeals/" + id), title)
                        .param("version", String.valueOf(version(id)))
                        .param("issuedOn", "2014"))
                .andExpect(status().isFound());
        assertThat(appeals.findById(id).orElseThrow().getIssued()).hasToString("2014");
        mvc.perform(get("/admin/appeals/{id}/preview", id).with(EDITOR))
                .andExpect(content().string(containsString("<time datetime=\"2014\">2014</time>")));
        mvc.perform(appealFields(form("/admin/appeals/" + id), title)
                        .param("version", String.valueOf(version(id)))
                        .param("issuedOn", "2005-05-03"))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/appeals/{id}/preview", id).with(EDITOR))
                .andExpect(content().string(containsString("<time datetime=\"2005-05-03\">May 3, 2005</time>")));
    }

    @Test
    void aReferenceAlreadyInUseIsAFormMessageNotAnError() throws Exception {
        TestFixtures.Created existing = fixtures.published("Existing", "CN", null);

        mvc.perform(form("/admin/appeals")
                        .param("referenceCode", existing.reference())
                        .param("title", "Twin")
                        .param("country", "CN")
                        .param("summary", "s"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Another appeal already has this reference")));
        mvc.perform(form("/admin/appeals")
                        .param("referenceCode", existing.reference())
                        .param("followUpNumber", "2")
                        .param("title", "Its follow-up")
                        .param("country", "CN")
                        .param("summary", "s"))
                .andExpect(status().isFound());
    }

    @Test
    void staffCreatingAtTheSameMomentGetTheirOwnSlugsAndOneOfThemTheReference() throws Exception {
        String reference = "UA " + System.nanoTime();
        List<Integer> sameTitle = atTheSameMoment(8, i -> appealFields(form("/admin/appeals"), "Same moment"));
        List<Integer> sameReference = atTheSameMoment(
                8,
                i -> form("/admin/appeals")
                        .param("referenceCode", reference)
                        .param("title", "Same reference " + i)
                        .param("country", "CN")
                        .param("summary", "s"));

        assertThat(sameTitle).as("statuses, same title").containsOnly(302);
        assertThat(jdbc.sql("select count(distinct slug) from appeal where title = 'Same moment'")
                        .query(Long.class)
                        .single())
                .isEqualTo(8);
        assertThat(sameReference).as("statuses, same reference").containsOnly(302, 400);
        assertThat(sameReference).filteredOn(status -> status == 302).hasSize(1);
    }

    /** Sends n requests from n threads released together; their statuses. */
    private List<Integer> atTheSameMoment(int n, java.util.function.IntFunction<MockHttpServletRequestBuilder> request)
            throws Exception {
        List<java.util.concurrent.Callable<Integer>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            MockHttpServletRequestBuilder one = request.apply(i);
            sends.add(() -> mvc.perform(one).andReturn().getResponse().getStatus());
        }
        return AtOnce.run(n, sends);
    }

    @Test
    void badInputReturnsTheFormWithMessagesAndSavesNothing() throws Exception {
        long before = appeals.count();

        mvc.perform(form("/admin/appeals")
                        .param("referenceCode", "")
                        .param("title", "x")
                        .param("country", "China")
                        .param("summary", "")
                        .param("demands", "x".repeat(20_001)))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Please fill this in."),
                                containsString("Use a two-letter country code"),
                                containsString("20,000 characters at most"))));
        // A value that cannot even be converted is reported first (validation follows once it can be read).
        mvc.perform(form("/admin/appeals")
                        .param("referenceCode", "R")
                        .param("title", "x")
                        .param("country", "CN")
                        .param("summary", "s")
                        .param("deadline", "next week")
                        .param("followUpNumber", "two"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("Enter a date as YYYY-MM-DD."), containsString("value=\"next week\""))));

        assertThat(appeals.count()).isEqualTo(before);
    }

    @Test
    void aSecondSaveFromAnOlderPageIsRefusedShowingWhatChangedAndLosingNothing() throws Exception {
        TestFixtures.Created created = fixtures.published("Two editors", "CN", null);
        long seenByBoth = version(created.id());

        mvc.perform(appealFields(form("/admin/appeals/{id}", created.id()), "Saved by the first editor")
                        .param("version", String.valueOf(seenByBoth)))
                .andExpect(status().isFound());
        mvc.perform(appealFields(form("/admin/appeals/{id}", created.id()), "Typed by the second editor")
                        .param("version", String.valueOf(seenByBoth)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("Someone else saved this while you were editing."),
                                containsString("Saved by the first editor"),
                                containsString("value=\"Typed by the second editor\""))));

        assertThat(appeals.findById(created.id()).orElseThrow().getTitle()).isEqualTo("Saved by the first editor");
    }

    @Test
    void publishingNeedsAPrimaryTargetAndALetter() throws Exception {
        String location = mvc.perform(appealFields(form("/admin/appeals"), "To publish"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));

        mvc.perform(form("/admin/appeals/{id}/publish", id).param("version", String.valueOf(version(id))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Attach at least one primary target before publishing.")));

        TestFixtures.Created other = fixtures.published("Has a target", "CN", null);
        mvc.perform(form("/admin/appeals/{id}/targets", id)
                        .param("version", String.valueOf(version(id)))
                        .param("targetId", String.valueOf(other.primaryTargetId()))
                        .param("role", "PRIMARY"))
                .andExpect(status().isFound());
        mvc.perform(form("/admin/appeals/{id}/publish", id).param("version", String.valueOf(version(id))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Each way to act the appeal offers needs its text")));

        mvc.perform(form("/admin/appeals/{id}/templates", id)
                        .param("language", "en")
                        .param("kind", "APPEAL")
                        .param("heading", "Write")
                        .param("subject", "Free her")
                        .param("body", "{salutation},\n\nFree her.\n\n{supporter_name}"))
                .andExpect(status().isFound());
        mvc.perform(form("/admin/appeals/{id}/publish", id).param("version", String.valueOf(version(id))))
                .andExpect(status().isFound());

        assertThat(appeals.findById(id).orElseThrow().getStatus()).isEqualTo(AppealStatus.PUBLISHED);
        mvc.perform(get("/appeals/{slug}", appeals.findById(id).orElseThrow().getSlug()))
                .andExpect(status().isOk());
    }

    @Test
    void closingNeedsAnOutcomeAndOnlyAnAdministratorReopens() throws Exception {
        TestFixtures.Created created = fixtures.published("To close", "CN", null);

        mvc.perform(form("/admin/appeals/{id}/close", created.id())
                        .param("version", String.valueOf(version(created.id()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose an outcome to close the appeal.")));
        mvc.perform(form("/admin/appeals/{id}/close", created.id())
                        .param("version", String.valueOf(version(created.id())))
                        .param("outcome", "RELEASED")
                        .param("note", "Released on 1 May"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/appeals/{id}/reopen", created.id())
                        .with(EDITOR)
                        .with(csrf())
                        .param("version", String.valueOf(version(created.id()))))
                .andExpect(status().isForbidden());
        assertThat(appeals.findById(created.id()).orElseThrow().getOutcome()).isEqualTo(Outcome.RELEASED);

        mvc.perform(post("/admin/appeals/{id}/reopen", created.id())
                        .with(ADMIN)
                        .with(csrf())
                        .param("version", String.valueOf(version(created.id()))))
                .andExpect(status().isFound());
        assertThat(appeals.findById(created.id()).orElseThrow().getStatus()).isEqualTo(AppealStatus.PUBLISHED);
    }

    @Test
    void aFollowUpIsANewDraftLinkedToTheOriginalWithItsContent() throws Exception {
        TestFixtures.Created original = fixtures.published("Original", "CN", null);

        String location = mvc.perform(form("/admin/appeals/{id}/follow-up", original.id()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", ""));

        Appeal followUp = appeals.findById(id).orElseThrow();
        assertThat(followUp.getStatus()).isEqualTo(AppealStatus.DRAFT);
        assertThat(followUp.getFollowUpNumber()).isEqualTo(2);
        assertThat(followUp.getFollowUpLabel()).isEqualTo("Second " + original.reference());
        assertThat(jdbc.sql("select follow_up_of_id from appeal where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(original.id());
        assertThat(jdbc.sql("select count(*) from appeal_target where appeal_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void peopleTargetsUpdatesAndResourcesAreEditedOnTheAppeal() throws Exception {
        TestFixtures.Created created = fixtures.published("Parts", "CN", null);
        long id = created.id();

        mvc.perform(form("/admin/appeals/{id}/people", id)
                        .param("version", String.valueOf(version(id)))
                        .param("name", "Huang Xueqin")
                        .param("nativeName", "黄雪琴")
                        .param("situation", "SENTENCED")
                        .param("detentionPlace", "Guangzhou No. 1 Detention Centre")
                        .param("city", "Guangzhou")
                        .param("addressCountry", "CN")
                        .param("birthDate", "1988-01-01"))
                .andExpect(status().isFound());
        mvc.perform(form("/admin/appeals/{id}/targets/{t}/move", id, created.copyTargetId())
                        .param("version", String.valueOf(version(id)))
                        .param("direction", "-1"))
                .andExpect(status().isFound());
        mvc.perform(form("/admin/appeals/{id}/updates", id)
                        .param("version", String.valueOf(version(id)))
                        .param("happenedOn", "2024-06-14")
                        .param("headline", "Sentenced"))
                .andExpect(status().isFound());
        mvc.perform(form("/admin/appeals/{id}/resources", id)
                        .param("version", String.valueOf(version(id)))
                        .param("label", "Amnesty page")
                        .param("url", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("https://")));

        List<String> nativeNames = read(
                id, a -> a.getPeople().stream().map(PersonAtRisk::getNativeName).toList());
        assertThat(nativeNames).contains("黄雪琴");
        assertThat(jdbc.sql("select target_id from appeal_target where appeal_id = ? order by position")
                        .param(id)
                        .query(Long.class)
                        .list())
                .containsExactly(created.copyTargetId(), created.primaryTargetId());
        assertThat(jdbc.sql("select count(*) from appeal_update where appeal_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from appeal_resource where appeal_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audit.trailOf("appeal", id))
                .extracting(AuditEntry::getAction)
                .contains("appeal.personAdded", "appeal.targetMoved", "appeal.updateAdded");
    }

    @Test
    void aPdfUploadIsCheckedByContentStoredInTheDatabaseAndServedForPublicAppeals() throws Exception {
        TestFixtures.Created created = fixtures.published("With a PDF", "CN", null);
        long id = created.id();
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF".getBytes();

        mvc.perform(multipart("/admin/appeals/{id}/resources", id)
                        .file(new MockMultipartFile(
                                "file", "fake.pdf", "application/pdf", "<html>not a pdf</html>".getBytes()))
                        .param("label", "Original")
                        .param("version", String.valueOf(version(id)))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Only PDF documents can be uploaded.")));
        mvc.perform(multipart("/admin/appeals/{id}/resources", id)
                        .file(new MockMultipartFile("file", "../../UA 216-16 China.pdf", "application/pdf", pdf))
                        .param("label", "Original PDF")
                        .param("version", String.valueOf(version(id)))
                        .with(EDITOR)
                        .with(csrf()))
                .andExpect(status().isFound());

        String href = read(id, a -> a.getResources().getFirst().href());
        assertThat(href).startsWith("/files/").endsWith("/UA%20216-16%20China.pdf");
        byte[] served = mvc.perform(get(java.net.URI.create(href)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(pdf);
        mvc.perform(get("/appeals/{slug}", created.slug())).andExpect(content().string(containsString(href)));
    }

    @Test
    void anOrganiserReadsButCannotChange() throws Exception {
        TestFixtures.Created created = fixtures.published("Read only", "CN", null);
        RequestPostProcessor organiser = user("org@example.org").roles("ORGANISER");

        mvc.perform(get("/admin/appeals/{id}", created.id()).with(organiser))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Read only"),
                                org.hamcrest.Matchers.not(containsString("Close with an outcome")))));
        mvc.perform(appealFields(
                                post("/admin/appeals/{id}", created.id())
                                        .with(organiser)
                                        .with(csrf()),
                                "Changed")
                        .param("version", String.valueOf(version(created.id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminListSearchesEveryStatusByReferenceTitleOrPerson() throws Exception {
        TestFixtures.Created draft = fixtures.unpublished("Findable draft");

        mvc.perform(get("/admin/appeals").param("q", draft.reference()).with(EDITOR))
                .andExpect(content().string(containsString("Findable draft")));
        mvc.perform(get("/admin/appeals")
                        .param("q", "Person " + draft.reference())
                        .param("status", "DRAFT")
                        .with(EDITOR))
                .andExpect(content().string(containsString("Findable draft")));
        mvc.perform(get("/admin/appeals")
                        .param("q", draft.reference())
                        .param("status", "CLOSED")
                        .with(EDITOR))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Findable draft"))));
        mvc.perform(get("/admin/appeals")
                        .param("q", "50%_\\")
                        .param("sort", "UPDATED")
                        .with(EDITOR))
                .andExpect(status().isOk());
    }

    @Test
    void partsThatAreNotOnTheAppealAreNotFoundAndDuplicatesAreRefusedWithAMessage() throws Exception {
        TestFixtures.Created created = fixtures.published("Parts elsewhere", "CN", null);
        String v = String.valueOf(version(created.id()));

        for (String part : List.of(
                "people/999999/delete", "updates/999999/delete", "resources/999999/delete", "targets/999999/delete")) {
            mvc.perform(form("/admin/appeals/{id}/" + part, created.id()).param("version", v))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(form("/admin/appeals/{id}/targets/999999/move", created.id())
                        .param("version", v)
                        .param("direction", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(form("/admin/appeals/{id}/targets", created.id())
                        .param("version", v)
                        .param("targetId", String.valueOf(created.primaryTargetId()))
                        .param("role", "COPY"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This target is already on the appeal.")));
        mvc.perform(form("/admin/appeals/{id}/targets", created.id())
                        .param("version", v)
                        .param("targetId", "999999")
                        .param("role", "COPY"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Choose a target")));
    }

    @Test
    void draftDocumentsAreNotServed() throws Exception {
        List<Long> none = jdbc.sql("select id from stored_file where id < 0")
                .query(Long.class)
                .list();
        assertThat(none).isEmpty();
        mvc.perform(get("/files/{id}/x.pdf", 999_999)).andExpect(status().isNotFound());
    }
}
