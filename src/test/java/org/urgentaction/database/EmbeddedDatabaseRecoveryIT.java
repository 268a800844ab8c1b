package org.urgentaction.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * kill -9 of the embedded postmaster during a stream of reports: every report answered with success
 * is kept, requests during the gap get the 503 page, and the app answers again by itself. A context
 * of its own (always the embedded server, in a throw-away directory), since it kills its database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestFixtures.class, EmbeddedDatabaseRecoveryIT.SlowTransaction.class})
@DirtiesContext
class EmbeddedDatabaseRecoveryIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JdbcClient jdbc;

    private final List<String> accepted = new ArrayList<>();
    private final Map<Integer, Integer> answers = new TreeMap<>();

    @Test
    void everyAcknowledgedReportSurvivesTwoKillsAndTheAppRecoversWithoutARestart() throws Exception {
        String slug = fixtures.published("Recovery", "CN", null).slug();
        reportUntilAccepted(slug, 10);

        for (int kill = 1; kill <= 2; kill++) {
            long postmaster = database.postmasterPid();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly(); // SIGKILL, as kill -9
            int before = accepted.size();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (database.restarts() < kill && System.nanoTime() < deadline) {
                report(slug);
            }
            assertThat(database.restarts()).as("restarts after kill %d", kill).isEqualTo(kill);
            assertThat(database.postmasterPid()).isNotEqualTo(postmaster);
            reportUntilAccepted(slug, before + 10);
        }

        Set<String> stored = new HashSet<>(jdbc.sql("select submission_token::text from action_report")
                .query(String.class)
                .list());
        assertThat(stored).as("acknowledged reports in the database").containsAll(accepted);
        assertThat(answers.keySet()).as("statuses answered: %s", answers).isSubsetOf(302, 503);
        assertThat(mvc.perform(get("/appeals/{slug}", slug))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aRequestWhoseTransactionTheDeathInterruptsGetsThe503Page() throws Exception {
        long postmaster = database.postmasterPid();
        Thread killer = Thread.ofVirtual().start(() -> {
            waitForSleepingQuery();
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
        });

        MockHttpServletResponse response =
                mvc.perform(get("/test/slow-transaction")).andReturn().getResponse();
        killer.join();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (database.postmasterPid() == postmaster && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(mvc.perform(get("/appeals")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    private void waitForSleepingQuery() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long sleeping = jdbc.sql("select count(*) from pg_stat_activity where query = 'select pg_sleep(30)' "
                            + "and state = 'active'")
                    .query(Long.class)
                    .single();
            if (sleeping > 0) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** A request that is inside a JPA transaction, in a statement, when the server dies. */
    @RestController
    static class SlowTransaction {

        private final TransactionTemplate transaction;
        private final JdbcClient jdbc;

        SlowTransaction(PlatformTransactionManager transactions, JdbcClient jdbc) {
            this.transaction = new TransactionTemplate(transactions);
            this.jdbc = jdbc;
        }

        @GetMapping("/test/slow-transaction")
        String sleep() {
            return transaction.execute(status ->
                    jdbc.sql("select pg_sleep(30)").query(String.class).single());
        }
    }

    private void reportUntilAccepted(String slug, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (accepted.size() < count && System.nanoTime() < deadline) {
            report(slug);
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(count);
    }

    /** The random id a server-signed token carries (after the appeal id and expiry), as stored with the report. */
    private static String submissionIdOf(String token) {
        java.nio.ByteBuffer payload =
                java.nio.ByteBuffer.wrap(java.util.Base64.getUrlDecoder().decode(token), 16, 16);
        return new java.util.UUID(payload.getLong(), payload.getLong()).toString();
    }

    /** One supporter's report, as a browser sends it: the form (with its token), then the POST. */
    private void report(String slug) throws Exception {
        MockHttpServletResponse form =
                mvc.perform(get("/appeals/{slug}/report", slug)).andReturn().getResponse();
        if (form.getStatus() != 200) {
            answers.merge(form.getStatus(), 1, Integer::sum);
            return;
        }
        Matcher token = TOKEN.matcher(form.getContentAsString());
        assertThat(token.find()).isTrue();
        int status = mvc.perform(post("/appeals/{slug}/report", slug)
                        .with(csrf())
                        .param("submissionToken", token.group(1))
                        .param("kind", "LETTER")
                        .param("quantity", "1"))
                .andReturn()
                .getResponse()
                .getStatus();
        answers.merge(status, 1, Integer::sum);
        if (status == 302) {
            accepted.add(submissionIdOf(token.group(1)));
        }
    }
}
