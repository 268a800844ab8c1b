package org.urgentaction.letters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TemplateAdminTests {

    private static final RequestPostProcessor EDITOR = user("ed@example.org").roles("EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    LetterTemplateRepository templates;

    private static MockHttpServletRequestBuilder template(
            MockHttpServletRequestBuilder request, String language, String kind, String body) {
        return request.with(EDITOR)
                .with(csrf())
                .param("language", language)
                .param("kind", kind)
                .param("heading", "Écrire au ministre")
                .param("subject", "Pour {recipient_name}")
                .param("body", body);
    }

    @Test
    void theEditorListsEveryPlaceholder() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Placeholders", "CN", null);

        mvc.perform(get("/admin/appeals/{id}/templates/new", appeal.id()).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("{salutation}"),
                                containsString("{supporter_name}"),
                                containsString("{supporter_town}"),
                                containsString("{date}"),
                                containsString("{recipient_name}"))));
    }

    @Test
    void aNewTemplatesBodyAddsNoPunctuationToTheSalutation() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Verbatim", "CN", null);

        // The target's salutation carries its own ("Your Excellency:", "Dear Director,").
        mvc.perform(get("/admin/appeals/{id}/templates/new", appeal.id()).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(">{salutation}\n"),
                                org.hamcrest.Matchers.not(containsString("{salutation},")))));
    }

    @Test
    void anUnknownPlaceholderIsShownBeforeSavingAndNothingIsSaved() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Typo", "CN", null);
        long before = templates.count();

        mvc.perform(template(
                        post("/admin/appeals/{id}/templates", appeal.id()),
                        "fr",
                        "APPEAL",
                        "{salutaton},\n\n{supporter_name}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown placeholder {salutaton}")));

        assertThat(templates.count()).isEqualTo(before);
    }

    @Test
    void previewRendersTheComposersLetterForASampleSupporterAndEachTarget() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Preview", "CN", null);
        long before = templates.count();

        mvc.perform(template(
                                post("/admin/appeals/{id}/templates", appeal.id()),
                                "fr",
                                "APPEAL",
                                "{salutation},\n\nLe {date}.\n\n{supporter_name}\n{supporter_town}")
                        .param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Dear Director,"),
                                containsString("Madame, Monsieur,"),
                                containsString("Ann Example\nLeeds"),
                                containsString("Pour Official " + appeal.reference()),
                                containsString("Testville, Test Province, 100000"))));

        assertThat(templates.count()).as("a preview saves nothing").isEqualTo(before);
    }

    @Test
    void oneTemplatePerLanguageAndKind() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Twice", "CN", null);

        mvc.perform(template(post("/admin/appeals/{id}/templates", appeal.id()), "en", "APPEAL", "{salutation}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already has a letter of this kind in this language")));
        mvc.perform(template(post("/admin/appeals/{id}/templates", appeal.id()), "fr", "APPEAL", "{salutation}"))
                .andExpect(status().isFound());
    }

    @Test
    void aStaleSaveIsRefusedWithTheDifferences() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Stale template", "CN", null);
        long id = fixtures.templateIdOf(appeal.id());
        long version = templates.findById(id).orElseThrow().getVersion();

        mvc.perform(template(post("/admin/templates/{id}", id), "en", "APPEAL", "First editor's text")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(template(post("/admin/templates/{id}", id), "en", "APPEAL", "Second editor's text")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("First editor&#39;s text"),
                                containsString("Second editor&#39;s text"),
                                not(containsString("Exception")))));

        assertThat(templates.findById(id).orElseThrow().getBody()).isEqualTo("First editor's text");
    }
}
