package org.urgentaction.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.PostgresTestConfiguration;
import org.urgentaction.TestFixtures;
import org.urgentaction.UrgentActionApplication;
import org.urgentaction.database.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two instances of the app on one database: this test's context (A, where staff edit) and a second
 * one started beside it (B, serving pages over HTTP). B keeps its pages for ten minutes, so only a
 * notification from A can make it show A's edit within the few seconds waited here.
 */
@SpringBootTest(properties = {"urgent-action.page-cache.time-to-live=10m", "urgent-action.demo.enabled=false"})
@AutoConfigureMockMvc
@Import({PostgresTestConfiguration.class, TestFixtures.class})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicContentNotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    // The app asks every 30 s; the test's listener, sooner, so the test waits less.
    private static final Duration CHECK_EVERY = Duration.ofSeconds(3);
    private static final String OUTCOME = "id=\"outcome-heading\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    ObjectProvider<EmbeddedDatabase> embedded;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext other;
    private int otherPort;

    @BeforeAll
    void startTheOtherInstance() throws IOException {
        otherPort = freePort();
        other = new SpringApplicationBuilder(UrgentActionApplication.class)
                .run(
                        "--spring.datasource.url=" + database.getJdbcUrl(),
                        "--spring.datasource.username=" + database.getUsername(),
                        "--spring.datasource.password=" + database.getPassword(),
                        "--server.port=" + otherPort,
                        "--urgent-action.page-cache.time-to-live=10m",
                        "--urgent-action.demo.enabled=false");
        bothListening();
    }

    @AfterAll
    void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void anEditOnOneInstanceShowsOnTheOtherWithoutWaitingForItsCopyToExpire() throws Exception {
        TestFixtures.Created appeal =
                fixtures.published("Closed elsewhere", "CN", LocalDate.now().plusDays(9));
        assertKeptOnTheOther(appeal);

        close(appeal.id());

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(pageOnTheOther(appeal.slug())).contains(OUTCOME));
    }

    @Test
    void theOtherInstanceStillHearsAfterTheDatabaseRestarted() throws Exception {
        assumeThat(embedded.getIfAvailable())
                .as("the embedded database (a container is not killed here)")
                .isNotNull();
        long postmaster = postmasterPid();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly(); // kill -9; the app starts it again
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> postmasterPid() != postmaster);
        bothListening();

        TestFixtures.Created appeal = fixtures.published("Closed after a restart", "CN", null);
        await().atMost(WAIT).ignoreExceptions().until(() -> pageOnTheOther(appeal.slug()) != null);
        assertKeptOnTheOther(appeal);

        close(appeal.id());

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(pageOnTheOther(appeal.slug())).contains(OUTCOME));
    }

    @Test
    void aListeningConnectionThatGoesSilentIsReplaced() throws Exception {
        URI url = URI.create(database.getJdbcUrl().substring("jdbc:".length()));
        AtomicInteger emptied = new AtomicInteger();
        PublicContentCache cache = emptied::incrementAndGet;
        try (FreezingProxy proxy = new FreezingProxy(freePort(), url.getHost(), url.getPort())) {
            PublicContentNotifications notifications =
                    new PublicContentNotifications(List.of(cache), jdbc, through(proxy, url), CHECK_EVERY);
            notifications.start();
            try {
                await().atMost(WAIT).until(() -> emptied.get() == 1); // listening: emptied once, as after any gap
                proxy.freezeOpenConnections();

                // Nothing fails on a silent connection; only the periodic check notices.
                await().atMost(CHECK_EVERY.plusSeconds(20)).until(() -> emptied.get() == 2);
                jdbc.sql("select pg_notify(?, ?)")
                        .params(PublicContentNotifications.CHANNEL, "elsewhere AppealChanged:1")
                        .query()
                        .singleValue();
                await().atMost(WAIT).until(() -> emptied.get() == 3);
            } finally {
                notifications.stop();
            }
        }
    }

    /** The test database's settings, but through the proxy. */
    private JdbcConnectionDetails through(FreezingProxy proxy, URI url) {
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.getUsername();
            }

            @Override
            public String getPassword() {
                return database.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return proxied;
            }
        };
    }

    /** B renders the appeal once and then serves its copy, even after the row changed underneath. */
    private void assertKeptOnTheOther(TestFixtures.Created appeal) throws Exception {
        // Setting the appeal up sent notifications too: let B hear the last of them (it empties its
        // caches once more for those that arrive within COALESCE of a clear) before it keeps a copy.
        fixtures.awaitEventsDelivered();
        Thread.sleep(PublicContentNotifications.COALESCE.multipliedBy(3));
        String kept = pageOnTheOther(appeal.slug());
        assertThat(kept).doesNotContain(OUTCOME);
        jdbc.sql("update appeal set summary = 'Changed behind the cache' where id = ?")
                .param(appeal.id())
                .update();
        assertThat(pageOnTheOther(appeal.slug())).isEqualTo(kept);
    }

    /** Staff close the appeal on instance A, the way the admin tests do. */
    private void close(long appealId) throws Exception {
        long version = jdbc.sql("select version from appeal where id = ?")
                .param(appealId)
                .query(Long.class)
                .single();
        mvc.perform(post("/admin/appeals/{id}/close", appealId)
                        .param("version", String.valueOf(version))
                        .param("outcome", "RELEASED")
                        .with(user("ed@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().isFound());
    }

    private String pageOnTheOther(String slug) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otherPort + "/appeals/" + slug))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The server process: the parent of this connection's backend (a local process when embedded). */
    private long postmasterPid() {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return ProcessHandle.of(backend)
                .flatMap(ProcessHandle::parent)
                .orElseThrow()
                .pid();
    }

    /** Each instance's listening connection is open (they are told apart from the pools by name). */
    private void bothListening() {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> jdbc.sql("select count(*) from pg_stat_activity where application_name = ? "
                                        + "and query ilike 'LISTEN%'")
                                .param("urgent-action-notifications")
                                .query(Long.class)
                                .single()
                        == 2);
    }

    /** A free port in the range this machine's tests use. */
    private static int freePort() throws IOException {
        for (int port = 18000 + (int) (ProcessHandle.current().pid() % 500); port < 19000; port++) {
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IOException("No free port in 18000-18999");
    }
}
