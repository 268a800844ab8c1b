package org.urgentaction.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the other instances are told, and when. */
@IntegrationTest
class PublicContentNotificationsTests {

    record Renamed(String name, long targetId, long other) implements PublicContentEvent {}

    record Reworded(String text) implements PublicContentEvent {}

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void thePayloadIsTheEventsTypeAndIdAndNoTextAPersonTyped() {
        assertThat(PublicContentNotifications.payloadOf(new Renamed("Minister X", 42, 7)))
                .isEqualTo("Renamed:42");
        assertThat(PublicContentNotifications.payloadOf(new Reworded("Dear Minister")))
                .isEqualTo("Reworded");
    }

    @Test
    void aChangeIsSentWhenItsTransactionCommitsAndNeverForARollback() throws Exception {
        try (Connection listening = DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword());
                Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + PublicContentNotifications.CHANNEL);
            PGConnection notifications = listening.unwrap(PGConnection.class);
            TransactionTemplate transactions = new TransactionTemplate(transactionManager);

            transactions.executeWithoutResult(status -> {
                events.publishEvent(new Renamed("rolled back", 1, 0));
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new Renamed("committed", 2, 0));
                assertThat(received(notifications, 300)).as("before the commit").isEmpty();
            });

            assertThat(received(notifications, 5000))
                    .singleElement()
                    .extracting(PGNotification::getParameter)
                    .asString()
                    .endsWith(" Renamed:2");
        }
    }

    private static PGNotification[] received(PGConnection connection, int millis) {
        try {
            PGNotification[] batch = connection.getNotifications(millis);
            return batch == null ? new PGNotification[0] : batch;
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
