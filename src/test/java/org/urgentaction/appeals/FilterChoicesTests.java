package org.urgentaction.appeals;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The list's filter choices are kept (web.Caches) until a public change, however long they may live. */
@IntegrationTest
@TestPropertySource(properties = "urgent-action.page-cache.time-to-live=300s")
class FilterChoicesTests {

    @Autowired
    AppealCatalog catalog;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void choicesAreKeptUntilAPublicChangeEmptiesThem() {
        String behindTheCache = TestFixtures.uniqueTheme();
        TestFixtures.Created appeal =
                fixtures.published("Kept choices", "CN", LocalDate.now().plusDays(9));
        fixtures.awaitEventsDelivered();
        assertThat(catalog.themes()).doesNotContain(behindTheCache);

        jdbc.sql("update appeal set themes = array[?] where id = ?")
                .params(behindTheCache, appeal.id())
                .update();
        assertThat(catalog.themes())
                .as("kept: the database changed past the app")
                .doesNotContain(behindTheCache);

        String published = TestFixtures.uniqueTheme();
        fixtures.published("Another theme", "CN", LocalDate.now().plusDays(9), published);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(catalog.themes()).contains(published, behindTheCache));
    }
}
