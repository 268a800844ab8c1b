package org.urgentaction.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * An app's embedded database alone, in a JVM of its own, for the tests that need a second instance
 * or one that dies with {@code kill -9}. Arguments: the data directory, then optionally SQL to run.
 * Prints "READY <postmaster pid> <socket directory>" once running; on failure prints the message and exits with 1.
 */
public final class EmbeddedDatabaseProcess {

    private EmbeddedDatabaseProcess() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(Path.of(args[0]), 0);
        } catch (Exception failed) {
            System.out.println("FAILED " + failed.getMessage());
            System.exit(1);
            return;
        }
        if (args.length > 1) {
            try (Connection connection =
                            DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                    Statement statement = connection.createStatement()) {
                statement.execute(args[1]);
            }
        }
        System.out.println("READY " + database.postmasterPid() + " " + database.socketDirectory());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
