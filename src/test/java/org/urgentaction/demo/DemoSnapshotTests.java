package org.urgentaction.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loads exactly what it loaded when it was Java code: src/test/resources/demo-snapshot.txt
 * was written from that code. Its own database (a context of its own), so every row in it is the demo's.
 */
@IntegrationTest
@TestPropertySource(properties = "urgent-action.demo.enabled=true")
class DemoSnapshotTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemoCarriesEveryFactOfTheSnapshot() throws IOException {
        String actual = DemoSnapshot.of(jdbc, LocalDate.now(clock));
        // Written out so a difference can be read (and, after a deliberate change, taken over).
        Files.writeString(Path.of("target", "demo-snapshot.actual.txt"), actual, StandardCharsets.UTF_8);

        String expected = new ClassPathResource("demo-snapshot.txt").getContentAsString(StandardCharsets.UTF_8);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void eachDemoAppealWasCreatedThroughTheStaffServiceSoTheAuditTrailHasIt() {
        List<Long> appeals = jdbc.queryForList("select id from appeal order by id", Long.class);
        List<Long> created = jdbc.queryForList(
                "select subject_id from audit_entry where action = 'appeal.created' and subject_type = 'appeal'"
                        + " order by subject_id",
                Long.class);

        assertThat(appeals).hasSize(7);
        assertThat(created).isEqualTo(appeals);
    }

    @Test
    void eachDemoEventWasCreatedAndPublishedThroughTheStaffService() {
        List<Long> events = jdbc.queryForList("select id from event order by id", Long.class);
        List<Long> published = jdbc.queryForList(
                "select subject_id from audit_entry where action = 'event.published' and subject_type = 'event'"
                        + " order by subject_id",
                Long.class);

        assertThat(events).hasSize(2);
        assertThat(published).isEqualTo(events);
    }
}
