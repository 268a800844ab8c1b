package org.urgentaction.web;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public page cache with a lifetime long enough that only a staff change can empty it. */
@IntegrationTest
@TestPropertySource(properties = "urgent-action.page-cache.time-to-live=300s")
class PublicPageCacheTests {

    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private void addActions(long appealId, int actions) {
        jdbc.sql(
                        "insert into action_tally (appeal_id, shard, actions, reports) values (?, 0, ?, 1) "
                                + "on conflict (appeal_id, shard) do update set actions = action_tally.actions + excluded.actions")
                .params(appealId, actions)
                .update();
    }

    private String page(String slug) throws Exception {
        return mvc.perform(get("/appeals/{slug}", slug))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anAppealPageIsRenderedOnceAndKeptWithTheSecurityHeadersAndWithoutAnyToken() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Kept page", "CN", LocalDate.now().plusDays(9));
        // The fixture's own events empty the cache once delivered: from here on, nothing may.
        fixtures.awaitEventsDelivered();
        String first = page(appeal.slug());
        addActions(appeal.id(), 7);

        MvcResult second = mvc.perform(get("/appeals/{slug}?utm_source=newsletter", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=300"))
                .andExpect(header().string("Vary", "Accept-Language"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        // The count of 7 reported after the first visit is not on the kept copy: it was not rendered again.
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first).doesNotContain("_csrf");
        assertThat(second.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");

        String etag = second.getResponse().getHeader("ETag");
        mvc.perform(get("/appeals/{slug}", appeal.slug()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
    }

    @Test
    void anyStaffChangeEmptiesTheCacheAtOnce() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Soon closed", "CN", LocalDate.now().plusDays(9));
        assertThat(page(appeal.slug())).doesNotContain("id=\"outcome-heading\"");
        long version = jdbc.sql("select version from appeal where id = ?")
                .param(appeal.id())
                .query(Long.class)
                .single();

        mvc.perform(post("/admin/appeals/{id}/close", appeal.id())
                        .param("version", String.valueOf(version))
                        .param("outcome", "RELEASED")
                        .with(user("ed@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().isFound());

        // Emptied after the commit, by the registry's listener: a moment later, not within the request.
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(page(appeal.slug())).contains("id=\"outcome-heading\"", "released"));
    }

    @Test
    void requestsUnderAdminThatChangeNothingLeaveTheCopiesKept() throws Exception {
        TestFixtures.Created appeal = fixtures.published(
                "Kept through refused posts", "CN", LocalDate.now().plusDays(9));
        // No change committed earlier (the demo appeals', another test's) may empty the cache from here on.
        fixtures.awaitEventsDelivered();
        String kept = page(appeal.slug());
        jdbc.sql("update appeal set title = 'Changed behind the cache' where id = ?")
                .param(appeal.id())
                .update();

        // Anonymous, without and with a token, and a staff form that fails validation: none changes anything.
        mvc.perform(post("/admin/appeals/{id}/close", appeal.id())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/appeals/{id}/close", appeal.id()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/targets")
                        .param("name", "")
                        .with(user("ed@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());

        assertThat(page(appeal.slug())).isEqualTo(kept).doesNotContain("Changed behind the cache");
    }

    @Test
    void anOfficialsEditShowsOnTheAppealsNamingThem() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Official renamed", "CN", LocalDate.now().plusDays(9));
        assertThat(page(appeal.slug())).doesNotContain("Renamed Minister");
        long version = jdbc.sql("select version from target where id = ?")
                .param(appeal.primaryTargetId())
                .query(Long.class)
                .single();

        mvc.perform(post("/admin/targets/{id}", appeal.primaryTargetId())
                        .param("version", String.valueOf(version))
                        .param("name", "Renamed Minister")
                        .param("country", "CN")
                        .with(user("ed@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().isFound());

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(page(appeal.slug())).contains("Renamed Minister"));
    }

    @Test
    void aNotificationFromAnotherInstanceEmptiesTheCache() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Changed elsewhere", "CN", LocalDate.now().plusDays(9));
        fixtures.awaitEventsDelivered();
        String kept = page(appeal.slug());
        jdbc.sql("update appeal set title = 'Changed on another instance' where id = ?")
                .param(appeal.id())
                .update();
        assertThat(page(appeal.slug())).isEqualTo(kept);

        // What another instance's transaction sends as it commits (its own tag, then type and id).
        jdbc.sql("select pg_notify(?, ?)")
                .params(PublicContentNotifications.CHANNEL, "elsewhere AppealChanged:" + appeal.id())
                .query()
                .singleValue();

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(page(appeal.slug())).contains("Changed on another instance"));
    }

    @Test
    void eachLanguageHasItsOwnCopy() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Two languages", "CN", LocalDate.of(2031, 3, 18));
        mvc.perform(get("/appeals/{slug}", appeal.slug()).header("Accept-Language", "en-GB"))
                .andExpect(content().string(containsString("18 March 2031")));
        mvc.perform(get("/appeals/{slug}", appeal.slug()).header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString("18. März 2031")));
    }

    @Test
    void errorsAndSearchesAreNotKept() throws Exception {
        String theme = TestFixtures.uniqueTheme();
        mvc.perform(get("/appeals/{slug}", "not-yet-" + theme)).andExpect(status().isNotFound());
        mvc.perform(get("/appeals").param("theme", theme))
                .andExpect(content().string(not(containsString("Searched for"))));

        fixtures.published("Searched for", "CN", null, theme);

        mvc.perform(get("/appeals").param("theme", theme)).andExpect(content().string(containsString("Searched for")));
    }
}
