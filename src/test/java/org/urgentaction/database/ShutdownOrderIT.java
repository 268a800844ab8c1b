package org.urgentaction.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the JVM exits (SIGTERM, System.exit), the app's beans close in order while the embedded
 * PostgreSQL still runs, and the app then stops it. The app is a JVM of its own, because only an exit
 * runs the shutdown hooks.
 */
class ShutdownOrderIT {

    @Test
    void beansClosingAtExitStillReachTheDatabaseWhichStopsAfterThem() throws Exception {
        Process app = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitingApp.class.getName())
                .redirectErrorStream(true)
                .start();
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the app exits").isTrue();
        List<String> output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();

        assertThat(output).as(String.join("\n", output)).contains("the database answered at close");
        String[] started = output.stream()
                .filter(line -> line.startsWith("STARTED "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", output)))
                .split(" ");
        // Stopped, not left running: nothing answers its port (its process may stay a zombie here,
        // where nothing reaps the orphans of the exited JVM).
        assertThatThrownBy(() ->
                        DriverManager.getConnection(started[1], "postgres", "").close())
                .as("a connection to the embedded PostgreSQL after the exit:\n" + String.join("\n", output))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection to");
        assertThat(Files.exists(Path.of(started[2])))
                .as("the throw-away data directory")
                .isFalse();
    }

    /** A context holding the embedded database and a bean that uses it while the context closes. */
    public static final class ExitingApp {

        public static void main(String[] args) throws IOException {
            EmbeddedDatabase database = EmbeddedDatabase.start(null, 0);
            GenericApplicationContext context = new GenericApplicationContext();
            context.registerBean(
                    "database", EmbeddedDatabase.class, () -> database, bean -> bean.setDestroyMethodName("close"));
            context.registerBean(
                    QueriesAtClose.class, () -> new QueriesAtClose(database), bean -> bean.setDependsOn("database"));
            context.registerShutdownHook();
            context.refresh();
            System.out.println("STARTED " + database.jdbcUrl() + " " + database.dataDirectory());
            System.exit(0);
        }
    }

    /** Closes slowly, as a bean finishing its work would: anything else stopping the server meanwhile shows. */
    record QueriesAtClose(EmbeddedDatabase database) implements DisposableBean {

        @Override
        public void destroy() throws Exception {
            Thread.sleep(Duration.ofSeconds(2));
            try (Connection connection =
                    DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
                if (connection.isValid(5)) {
                    System.out.println("the database answered at close");
                }
            } catch (Exception failed) {
                System.out.println("the database was gone at close: " + failed.getMessage());
            }
        }
    }
}
