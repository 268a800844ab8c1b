package org.urgentaction.web;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Empties every {@link PublicContentCache} of this instance when a {@link PublicContentEvent} is
 * committed, here or on any other instance on the same database.
 * <ul>
 * <li>Here: after commit, from Spring Modulith's event publication registry
 * ({@link ApplicationModuleListener}), so the publication stays in the table until it has run.
 * <li>Elsewhere: the publishing transaction also sends a PostgreSQL {@code NOTIFY} on {@value #CHANNEL}
 * (sent by PostgreSQL at commit, never for a rollback), and every instance holds one connection
 * that {@code LISTEN}s on it, its own, outside the pool, opened again after the database restarts.
 * </ul>
 * The payload is a random tag of the sending instance, then the event's type and id
 * ({@code 3f9c1a2b AppealChanged:42}, for the log): an instance skips its own, which the registry has
 * delivered already, and any other empties everything. A flood empties the caches at most once per
 * {@link #COALESCE}.
 */
@Component
public class PublicContentNotifications implements SmartLifecycle {

    static final String CHANNEL = "public_content_changed";

    private static final Logger log = LoggerFactory.getLogger(PublicContentNotifications.class);
    private static final int POLL_MILLIS = 500;
    static final Duration COALESCE = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    private final List<PublicContentCache> caches;
    private final JdbcClient jdbc;
    private final JdbcConnectionDetails database;
    private final Duration checkEvery;
    private final String origin = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    private volatile boolean running;
    private Thread listener;
    private volatile Connection listening;

    @Autowired
    PublicContentNotifications(List<PublicContentCache> caches, JdbcClient jdbc, JdbcConnectionDetails database) {
        this(caches, jdbc, database, CHECK_EVERY);
    }

    /** {@code checkEvery}: how long a silent connection may go unasked (a test waits less than 30 s). */
    PublicContentNotifications(
            List<PublicContentCache> caches, JdbcClient jdbc, JdbcConnectionDetails database, Duration checkEvery) {
        this.caches = caches;
        this.jdbc = jdbc;
        this.database = database;
        this.checkEvery = checkEvery;
    }

    /** In the publishing transaction: PostgreSQL sends the notification when (and if) it commits. */
    @EventListener
    void send(PublicContentEvent change) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANNEL, origin + " " + payloadOf(change))
                .query()
                .singleValue();
    }

    /** This instance's own change, after commit, from the registry. */
    @ApplicationModuleListener
    void forgetOnCommit(PublicContentEvent change) {
        forgetAll();
    }

    private void forgetAll() {
        caches.forEach(PublicContentCache::forgetAll);
    }

    /** The event's type and its first {@code long} component (the id): no text a person typed. */
    static String payloadOf(PublicContentEvent change) {
        String type = change.getClass().getSimpleName();
        RecordComponent[] components = change.getClass().getRecordComponents();
        if (components != null) {
            for (RecordComponent component : components) {
                if (component.getType() == long.class) {
                    try {
                        return type + ":" + component.getAccessor().invoke(change);
                    } catch (ReflectiveOperationException unreadable) {
                        return type;
                    }
                }
            }
        }
        return type;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform()
                .daemon()
                .name("public-content-notifications")
                .start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening); // a thread blocked on it returns now
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                // It notices within one poll.
                thread.join(Duration.ofMillis(POLL_MILLIS * 4L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        Duration retry = FIRST_RETRY;
        boolean failing = false;
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (failing) {
                    log.info("Listening for public content changes again");
                }
                failing = false;
                retry = FIRST_RETRY;
                // Whatever was sent while no connection listened is lost: assume something changed.
                forgetAll();
                receive(connection);
            } catch (SQLException | RuntimeException failed) {
                // Once per outage: the database restarting is logged by whoever restarts it.
                if (running && !failing) {
                    log.warn("Not listening for public content changes ({}); trying again", failed.getMessage());
                }
                failing = true;
            }
            pause(retry);
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + checkEvery.toNanos();
        while (running) {
            PGNotification[] batch = notifications.getNotifications(POLL_MILLIS);
            // A connection dropped without a word (a failover, a firewall's idle timeout) would just
            // stay silent: ask it now and then, which also keeps it from looking idle.
            if (System.nanoTime() - nextCheck > 0) {
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                nextCheck = System.nanoTime() + checkEvery.toNanos();
            }
            long others = batch == null
                    ? 0
                    : Arrays.stream(batch).filter(this::fromElsewhere).count();
            if (others > 0) {
                log.debug("{} public content change(s) on other instances", others);
                forgetAll();
                // What arrives meanwhile waits on the connection and comes as one batch: one more clear.
                pause(COALESCE);
            }
        }
    }

    private boolean fromElsewhere(PGNotification notification) {
        return !notification.getParameter().startsWith(origin + " ");
    }

    /** Its own connection, with the pool's settings (URL, user, password), but not one of the pool's. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.getUsername());
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", "urgent-action-notifications");
        properties.setProperty("tcpKeepAlive", "true");
        // Longer than a poll: a half-open socket fails within this instead of blocking for ever.
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(database.getJdbcUrl(), properties);
    }

    private void pause(Duration pause) {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException stopping) {
            // stop() interrupts; the loop then sees running is false.
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            // Closing is all that was wanted.
        }
    }
}
