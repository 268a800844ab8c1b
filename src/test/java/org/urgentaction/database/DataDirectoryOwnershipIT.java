package org.urgentaction.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import org.urgentaction.UrgentActionApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One data directory, one app: a second instance refuses and leaves the first alone; a postmaster
 * whose app is gone is replaced; a directory of an earlier version gets its password. The second
 * instance and the dying app are JVMs of their own, as they would be in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryOwnershipIT {

    private Path directory;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> leftBehind = new ArrayList<>();

    @BeforeEach
    void aDataDirectory() throws IOException {
        directory = Files.createTempDirectory("ua-db-ownership").resolve("postgres");
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        // A postmaster the test orphaned and the code under test failed to stop.
        OrphanedPostmaster.find(directory).ifPresent(ProcessHandle::destroyForcibly);
        FileSystemUtils.deleteRecursively(directory.getParent());
        for (Path path : leftBehind) {
            FileSystemUtils.deleteRecursively(path);
        }
    }

    @Test
    void aSecondInstanceRefusesWithAClearMessageAndTheFirstKeepsAnswering() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, 0)) {
            long postmaster = first.postmasterPid();
            try (Connection connection = connect(first)) {
                JdbcClient.create(new SingleConnectionDataSource(connection, true))
                        .sql("create table kept (id int); insert into kept values (1)")
                        .update();

                Process second = startDatabaseProcess(directory);
                List<String> output = readUntilExit(second, Duration.ofSeconds(60));

                assertThat(second.exitValue()).isEqualTo(1);
                assertThat(String.join("\n", output))
                        .contains("FAILED The embedded database directory " + directory
                                + " is in use by another running instance of Urgent Action (process "
                                + ProcessHandle.current().pid() + ")");
                assertThatThrownBy(() -> EmbeddedDatabase.start(directory, 0))
                        .isInstanceOf(DataDirectoryInUseException.class);
                // Untouched: the same server, and the open connection still answers.
                assertThat(first.postmasterPid()).isEqualTo(postmaster);
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                        .contains(true);
                assertThat(JdbcClient.create(new SingleConnectionDataSource(connection, true))
                                .sql("select count(*) from kept")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                assertThat(first.restarts()).isZero();
            }
        }
    }

    @Test
    void theAppRefusesToStartOnADirectoryInUseAndSaysWhatToDo(CapturedOutput output) throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, 0)) {
            SpringApplicationBuilder second = new SpringApplicationBuilder(UrgentActionApplication.class);

            // As on the command line, above the tests' own configuration (a throw-away directory).
            assertThatThrownBy(() -> second.run(
                                    "--urgent-action.embedded-database.directory=" + directory, "--server.port=0")
                            .close())
                    .hasRootCauseInstanceOf(DataDirectoryInUseException.class);
            assertThat(output)
                    .contains(
                            "APPLICATION FAILED TO START",
                            "The embedded database directory " + directory + " is in use by another running instance",
                            "Stop the other instance first, or give this one a data directory of its own with URGENT_ACTION_DATA_DIR");
            assertThat(ProcessHandle.of(first.postmasterPid()).map(ProcessHandle::isAlive))
                    .contains(true);
        }
    }

    @Test
    void aPostmasterWhoseAppWasKilledIsStoppedAndReplacedKeepingItsData() throws Exception {
        Process app = startDatabaseProcess(directory, "create table kept (id int); insert into kept values (7)");
        String[] ready = readLine(app, "READY ").split(" ");
        long orphan = Long.parseLong(ready[1]);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the app leaves its postmaster behind
        leftBehind.add(Path.of(ready[2])); // and its socket directory, which only a clean close removes
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase replacement = EmbeddedDatabase.start(directory, 0);
                Connection connection = connect(replacement)) {
            assertThat(replacement.postmasterPid()).isNotEqualTo(orphan);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(JdbcClient.create(new SingleConnectionDataSource(connection, true))
                            .sql("select id from kept")
                            .query(Integer.class)
                            .list())
                    .containsExactly(7);
        }
    }

    @Test
    void aDirectoryOfTheEarlierVersionGetsAPasswordAndLoginsWithoutItAreRefused() throws Exception {
        // As the earlier version ran it: zonky's defaults, trust for every local connection.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .start();
                Connection connection = earlier.getPostgresDatabase().getConnection()) {
            JdbcClient.create(new SingleConnectionDataSource(connection, true))
                    .sql("create table kept (id int); insert into kept values (42)")
                    .update();
        }
        assertThat(directory.resolve(SuperuserPassword.FILE_NAME)).doesNotExist();

        try (EmbeddedDatabase migrated = EmbeddedDatabase.start(directory, 0);
                Connection connection = connect(migrated)) {
            assertThat(JdbcClient.create(new SingleConnectionDataSource(connection, true))
                            .sql("select id from kept")
                            .query(Integer.class)
                            .list())
                    .containsExactly(42);
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(directory.resolve(SuperuserPassword.FILE_NAME))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(directory.resolve("pg_hba.conf")))
                    .isEqualTo(ClientAuthentication.PASSWORD_ONLY);
            assertThatThrownBy(() -> DriverManager.getConnection(migrated.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
        }
        // And the next start uses the stored password.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, 0);
                Connection connection = connect(again)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private Process startDatabaseProcess(Path dataDirectory, String... sql) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedDatabaseProcess.class.getName(),
                dataDirectory.toString()));
        command.addAll(List.of(sql));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    private static String readLine(Process process, String prefix) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("the process ended without \"" + prefix + "\":\n" + String.join("\n", seen));
    }

    private static List<String> readUntilExit(Process process, Duration timeout) throws Exception {
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process is gone; what it printed is in the list
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the second instance did not end");
        }
        reader.join(Duration.ofSeconds(5));
        return lines;
    }
}
