package org.urgentaction.database;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.util.FileSystemUtils;

/**
 * The app's own PostgreSQL, when no external one is configured. It runs durable (every commit is
 * on disk before the app acknowledges it), takes connections only with a generated password and
 * only from loopback or a private socket directory, belongs to one running app at a time (see
 * {@link DataDirectoryLock}), and when its server process dies it is started again on the same
 * data directory: the app carries on without a restart.
 */
@NamedInterface("api")
public final class EmbeddedDatabase implements Closeable {

    static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    // Long enough for crash recovery to replay a lot of WAL; a start that fails fails sooner.
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(5);

    private final Path directory;
    private final boolean throwAway;
    private final int port;
    private final Path socketDirectory;
    private final Object lifecycle = new Object();
    private final AtomicInteger restarts = new AtomicInteger();
    private String password;
    private DataDirectoryLock lock;
    private volatile EmbeddedPostgres server;
    private volatile long postmasterPid;
    private volatile boolean closing;
    private Thread watchdog;

    private EmbeddedDatabase(Path directory, boolean throwAway, int port, Path socketDirectory) {
        this.directory = directory;
        this.throwAway = throwAway;
        this.port = port;
        this.socketDirectory = socketDirectory;
    }

    /**
     * @param directory the data directory, created if missing; {@code null}: a throw-away one, removed on close
     * @param port      0: a free port, chosen once and kept across restarts of the server
     */
    public static EmbeddedDatabase start(Path directory, int port) throws IOException {
        boolean throwAway = directory == null;
        Path dataDirectory = throwAway ? Files.createTempDirectory("urgent-action-pg") : directory.toAbsolutePath();
        Files.createDirectories(dataDirectory);
        SuperuserPassword.ownerOnly(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        // A short private path (a socket's path is limited to ~107 bytes), 0700 from its creation.
        Path socketDirectory = Files.createTempDirectory("urgent-action-pg-socket");
        EmbeddedDatabase database =
                new EmbeddedDatabase(dataDirectory, throwAway, port > 0 ? port : freePort(), socketDirectory);
        try {
            database.startFirstTime();
        } catch (IOException | RuntimeException failed) {
            database.close();
            throw failed;
        }
        return database;
    }

    private void startFirstTime() throws IOException {
        log.info(
                "Starting embedded PostgreSQL in {} ({})",
                directory,
                throwAway ? "removed on shutdown" : "kept across restarts");
        if (!Files.exists(directory.resolve("postgresql.conf"))) {
            createCluster();
        } else {
            lock = DataDirectoryLock.acquire(directory);
            OrphanedPostmaster.stopIfRunning(directory);
            var stored = SuperuserPassword.read(directory);
            if (stored.isPresent()) {
                password = stored.get();
                ClientAuthentication.write(directory, ClientAuthentication.PASSWORD_ONLY);
                server = startServer(Map.of());
            } else {
                setPasswordOfEarlierVersion();
            }
        }
        postmasterPid = readPostmasterPid();
        watchdog =
                Thread.ofPlatform().daemon().name("embedded-postgres-watchdog").start(this::watch);
    }

    /**
     * initdb sets the password itself (read from a private file that is gone right after), so the
     * server never runs a moment without one. initdb takes only an empty directory, so the lock file
     * comes just after it.
     */
    private void createCluster() throws IOException {
        password = SuperuserPassword.generate();
        Path initdbDirectory = Files.createTempDirectory("urgent-action-initdb");
        try {
            Path passwordForInitdb = SuperuserPassword.writeOwnerOnly(initdbDirectory.resolve("password"), password);
            server = startServer(Map.of("auth", "scram-sha-256", "pwfile", passwordForInitdb.toString()));
        } finally {
            FileSystemUtils.deleteRecursively(initdbDirectory);
        }
        lock = DataDirectoryLock.acquire(directory);
        SuperuserPassword.store(directory, password);
        ClientAuthentication.write(directory, ClientAuthentication.PASSWORD_ONLY);
        reloadConfiguration();
    }

    /**
     * A directory of an earlier version has no password and trusts every local connection. It gets
     * one without losing anything: the superuser's password is set (hashed by the driver, so it is
     * in no server log), then only password logins are allowed. The file is written last: a crash
     * before it means the next start does this again.
     */
    private void setPasswordOfEarlierVersion() throws IOException {
        log.warn("{} has no password yet (an earlier version trusted every local connection): setting one", directory);
        password = SuperuserPassword.generate();
        ClientAuthentication.write(directory, ClientAuthentication.UNTIL_PASSWORD_SET);
        server = startServer(Map.of());
        try (Connection connection = connect()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
        } catch (SQLException failed) {
            throw new IOException("Could not set the embedded PostgreSQL's password", failed);
        }
        ClientAuthentication.write(directory, ClientAuthentication.PASSWORD_ONLY);
        reloadConfiguration();
        SuperuserPassword.store(directory, password);
    }

    private EmbeddedPostgres startServer(Map<String, String> initdbOptions) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                // Never zonky's clean-up: it would run initdb again, and delete the data on close.
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setConnectConfig("password", password)
                // zonky's defaults are for tests (fsync off, asynchronous commit): a crash lost reports.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100");
        // zonky passes these to initdb as --key=value, after its own "-A trust", which they override.
        initdbOptions.forEach(builder::setLocaleConfig);
        EmbeddedPostgres started = builder.start();
        ZonkyShutdownHook.disarm(started);
        return started;
    }

    private void watch() {
        while (!closing) {
            try {
                Thread.sleep(WATCH_INTERVAL);
            } catch (InterruptedException stopping) {
                return;
            }
            if (!closing && !isRunning(postmasterPid)) {
                if (jvmShuttingDown()) {
                    return; // stopped by whatever ends the JVM (the app stops it in close())
                }
                restartUntilRunning();
            }
        }
    }

    /** Requests meanwhile wait for a connection at most Hikari's timeout, then get the 503 page. */
    private void restartUntilRunning() {
        log.error("The embedded PostgreSQL (pid {}) has stopped; starting it again on {}", postmasterPid, directory);
        Duration pause = Duration.ofMillis(250);
        while (!closing && !jvmShuttingDown()) {
            synchronized (lifecycle) {
                if (closing) {
                    return;
                }
                try {
                    // zonky's pg_ctl stop of the dead server fails (logged by zonky); it releases zonky's lock.
                    closeServer();
                    waitForBackendsToExit();
                    // A failed attempt's zonky object keeps its lock on this file: a new file is free.
                    Files.deleteIfExists(directory.resolve(OrphanedPostmaster.EARLIER_VERSION_LOCK));
                    // A server left over by an attempt that gave up waiting: ours, since we hold the lock.
                    OrphanedPostmaster.stopIfRunning(directory);
                    ClientAuthentication.write(directory, ClientAuthentication.PASSWORD_ONLY);
                    server = startServer(Map.of());
                    postmasterPid = readPostmasterPid();
                    restarts.incrementAndGet();
                    log.warn("The embedded PostgreSQL is running again (pid {})", postmasterPid);
                    return;
                } catch (IOException | RuntimeException notYet) {
                    log.warn("The embedded PostgreSQL did not start again yet: {}", notYet.getMessage());
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopping) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0
                    ? LONGEST_RETRY_PAUSE
                    : pause.multipliedBy(2);
        }
    }

    /**
     * PostgreSQL refuses to start while processes of the dead server are still attached to its
     * shared memory; they notice the death and exit within moments. On Linux we can see them go.
     */
    private void waitForBackendsToExit() throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        Path segments = Path.of("/proc/sysvipc/shm");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() < 7 || !Files.isReadable(segments)) {
            sleep(Duration.ofSeconds(1));
            return;
        }
        String[] keyAndId = lines.get(6).strip().split("\\s+");
        if (keyAndId.length < 2) {
            return;
        }
        String id = keyAndId[1];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean attached = Files.readAllLines(segments).stream()
                    .skip(1)
                    .map(line -> line.strip().split("\\s+"))
                    .anyMatch(columns -> columns.length > 6 && columns[1].equals(id) && !columns[6].equals("0"));
            if (!attached) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A killed process may linger as a zombie, which has no executable any more. */
    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .isPresent();
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    private long readPostmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                .getFirst()
                .strip());
    }

    private void reloadConfiguration() throws IOException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        } catch (SQLException failed) {
            throw new IOException("Could not reload the embedded PostgreSQL's configuration", failed);
        }
    }

    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), credentials);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    Path dataDirectory() {
        return directory;
    }

    Path socketDirectory() {
        return socketDirectory;
    }

    long postmasterPid() {
        return postmasterPid;
    }

    int restarts() {
        return restarts.get();
    }

    private void closeServer() throws IOException {
        EmbeddedPostgres running = server;
        server = null;
        if (running != null) {
            ZonkyShutdownHook.rearm(running);
            running.close();
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        if (watchdog != null) {
            watchdog.interrupt();
            try {
                watchdog.join(Duration.ofSeconds(30));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lifecycle) {
            closeServer();
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
        deleteRecursively(socketDirectory);
        if (throwAway) {
            deleteRecursively(directory);
        }
    }

    /** At JVM exit zonky's own hook may still be stopping the server, which removes files meanwhile. */
    private static void deleteRecursively(Path path) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                FileSystemUtils.deleteRecursively(path);
                return;
            } catch (IOException changedMeanwhile) {
                if (attempt == 3) {
                    throw changedMeanwhile;
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }
}
