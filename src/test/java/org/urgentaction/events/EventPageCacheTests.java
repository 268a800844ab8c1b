package org.urgentaction.events;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The events pages are kept by the public page cache like the appeal pages, and a staff edit of an
 * event renews them and the pages of its appeals at once. The same settings as PublicPageCacheTests,
 * so the same Spring context.
 */
@IntegrationTest
@TestPropertySource(properties = "urgent-action.page-cache.time-to-live=300s")
class EventPageCacheTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EventEditing editing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditOfAnEventRenewsTheKeptEventPagesAndItsAppealsPage() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Appeal of a kept event", "CN", null);
        String before = "Kept vigil " + System.nanoTime();
        long id = editing.create(new EventForm(
                null,
                EventKind.VIGIL,
                before,
                null,
                null,
                null,
                "London",
                null,
                null,
                "GB",
                null,
                LocalDateTime.of(2031, 6, 1, 20, 0),
                LocalDateTime.of(2031, 6, 1, 21, 0),
                "Europe/London",
                null,
                List.of(appeal.id())));
        editing.publish(id, editing.currentVersion(id));
        String slug = jdbc.sql("select slug from event where id = ?")
                .param(id)
                .query(String.class)
                .single();
        fixtures.awaitEventsDelivered();
        List<String> pages =
                List.of("/events", "/events/" + slug, "/events/" + slug + ".ics", "/appeals/" + appeal.slug());
        for (String page : pages) {
            mvc.perform(get(page))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "public, max-age=300"))
                    .andExpect(content().string(containsString(before)));
        }

        String after = "Renamed vigil " + System.nanoTime();
        mvc.perform(post("/admin/events/{id}", id)
                        .with(user("ed@example.org").roles("EDITOR"))
                        .with(csrf())
                        .param("version", String.valueOf(editing.currentVersion(id)))
                        .param("kind", "VIGIL")
                        .param("title", after)
                        .param("city", "London")
                        .param("country", "GB")
                        .param("startsAt", "2031-06-01T20:00")
                        .param("endsAt", "2031-06-01T21:00")
                        .param("timeZone", "Europe/London")
                        .param("appealIds", String.valueOf(appeal.id())))
                .andExpect(status().isFound());

        for (String page : pages) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> mvc.perform(get(page)).andExpect(content().string(containsString(after))));
        }
    }
}
