package org.urgentaction.database;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zonky stops its server from a JVM shutdown hook of its own, which runs beside Spring's: on SIGTERM
 * the requests still finishing and the beans closing after it found no database (and each pool waited
 * out its connection timeout). zonky offers no switch, and its {@code close()} does nothing once its
 * {@code closed} flag is set, so the flag is set while the app owns the server and cleared just before
 * the app's own {@link EmbeddedDatabase#close()} stops it.
 */
final class ZonkyShutdownHook {

    private static final Logger log = LoggerFactory.getLogger(ZonkyShutdownHook.class);

    private ZonkyShutdownHook() {}

    /** zonky's hook, when the JVM exits, leaves this server to the app. */
    static void disarm(EmbeddedPostgres server) {
        setClosedFlag(server, true);
    }

    /** Before the app stops the server through zonky's {@code close()}. */
    static void rearm(EmbeddedPostgres server) {
        setClosedFlag(server, false);
    }

    private static void setClosedFlag(EmbeddedPostgres server, boolean closed) {
        AtomicBoolean flag = closedFlag(server);
        if (flag != null) {
            flag.set(closed);
        }
    }

    private static AtomicBoolean closedFlag(EmbeddedPostgres server) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            return (AtomicBoolean) field.get(server);
        } catch (ReflectiveOperationException | RuntimeException changed) {
            // A zonky version without the flag: its hook keeps stopping the server at exit, as before.
            log.warn("Cannot keep zonky's shutdown hook from stopping the embedded PostgreSQL: {}", changed.toString());
            return null;
        }
    }
}
