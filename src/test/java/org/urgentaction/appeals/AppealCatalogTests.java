package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The public list's SQL: search, filters, order, pagination, against real PostgreSQL. */
@IntegrationTest
class AppealCatalogTests {

    @Autowired
    AppealCatalog catalog;

    @Autowired
    TestFixtures fixtures;

    private final LocalDate today = LocalDate.now();

    private List<String> titles(AppealSearch search) {
        return catalog.list(search, PageRequest.of(0, 50))
                .map(item -> item.card().title())
                .getContent();
    }

    @Test
    void listsOpenAppealsFirstSoonestDeadlineFirstAndNeverDrafts() {
        String theme = TestFixtures.uniqueTheme();
        fixtures.published("No end date", "CN", null, theme);
        fixtures.published("Forty days", "CN", today.plusDays(40), theme);
        fixtures.published("Passed", "CN", today.minusDays(1), theme);
        fixtures.closed("Closed", Outcome.RELEASED, theme);
        fixtures.published("Two days", "CN", today.plusDays(2), theme);
        fixtures.unpublished("Draft", theme);

        assertThat(titles(new AppealSearch(null, null, theme)))
                .containsExactly("Two days", "Forty days", "No end date", "Closed", "Passed");
    }

    @Test
    void filtersByCountryAndTheme() {
        String theme = TestFixtures.uniqueTheme();
        fixtures.published("In Iran", "IR", null, theme);
        fixtures.published("In China", "CN", null, theme, "Torture");

        assertThat(titles(new AppealSearch(null, "IR", theme))).containsExactly("In Iran");
        assertThat(titles(new AppealSearch(null, "cn", theme))).containsExactly("In China");
        assertThat(titles(new AppealSearch(null, "FR", theme))).isEmpty();
        // Each filter alone, and with a search: the SQL is put together from parts.
        assertThat(titles(new AppealSearch(null, "IR", null)))
                .contains("In Iran")
                .doesNotContain("In China");
        assertThat(titles(new AppealSearch("Iran", "IR", null))).contains("In Iran");
        assertThat(titles(new AppealSearch(null, null, theme))).containsExactlyInAnyOrder("In Iran", "In China");
        assertThat(catalog.countries()).contains("IR", "CN");
        assertThat(catalog.themes()).contains(theme, "Torture");
    }

    @Test
    void fullTextSearchFindsReferenceTitleSummaryAndPeopleInAnyScript() {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created lawyer = fixtures.published("Lawyers detained in crackdown", "CN", null, theme);
        fixtures.published("Poet harassed", "CN", null, theme);

        assertThat(titles(new AppealSearch("lawyer", null, theme))).containsExactly("Lawyers detained in crackdown");
        assertThat(titles(new AppealSearch("crackdowns", null, theme)))
                .containsExactly("Lawyers detained in crackdown");
        assertThat(titles(new AppealSearch("\"Person " + lawyer.reference() + "\"", null, theme)))
                .containsExactly("Lawyers detained in crackdown");
        assertThat(titles(new AppealSearch("测试", null, theme))).hasSize(2);
        assertThat(titles(new AppealSearch("harassed -poet", null, theme))).isEmpty();
        assertThat(titles(new AppealSearch("nothing-like-this", null, theme))).isEmpty();
    }

    @Test
    void searchSurvivesAnythingAVisitorTypes() {
        for (String query : List.of("'", "\"", "&|!", "(", ":*", "a & b", "--", "\\", "%", "<script>")) {
            assertThat(catalog.list(new AppealSearch(query, null, null), PageRequest.of(0, 10)))
                    .isNotNull();
        }
    }

    @Test
    void paginatesWithTotals() {
        String theme = TestFixtures.uniqueTheme();
        for (int i = 0; i < 5; i++) {
            fixtures.published("Appeal " + i, "CN", today.plusDays(i + 1), theme);
        }

        Page<AppealListItem> second = catalog.list(new AppealSearch(null, null, theme), PageRequest.of(1, 2));

        assertThat(second.getTotalElements()).isEqualTo(5);
        assertThat(second.getTotalPages()).isEqualTo(3);
        assertThat(second.map(item -> item.card().title())).containsExactly("Appeal 2", "Appeal 3");
    }

    @Test
    void listShowsPeopleWithNativeNamesAndDeadlineState() {
        String theme = TestFixtures.uniqueTheme();
        TestFixtures.Created created = fixtures.published("With people", "CN", today.plusDays(12), theme);

        AppealListItem item = catalog.list(new AppealSearch(null, null, theme), PageRequest.of(0, 5))
                .getContent()
                .getFirst();

        assertThat(item.card().people()).containsExactly("Person " + created.reference() + " (测试)");
        assertThat(item.card().deadlineState()).isEqualTo(new DeadlineState(DeadlineState.Kind.OPEN_UNTIL, 12, null));
        assertThat(item.actions()).isZero();
    }

    @Test
    void draftsAreNotPublic() {
        TestFixtures.Created draft = fixtures.unpublished("Secret draft");

        assertThat(catalog.findPublic(draft.slug())).isEmpty();
    }
}
