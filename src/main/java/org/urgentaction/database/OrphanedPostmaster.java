package org.urgentaction.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process. When the app dies without shutting down
 * ({@code kill -9}, a power cut) that process is left running and holds the data directory, so the
 * next start would fail. Here we find it through {@code postmaster.pid} and ask it to stop; a stale
 * pid file of a process that is gone PostgreSQL handles by itself. Called only while holding the
 * {@link DataDirectoryLock}, so a postmaster found here has no running app any more.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** The lock file zonky's EmbeddedPostgres holds while it runs, as the app's earlier versions did. */
    static final String EARLIER_VERSION_LOCK = "epg-lock";

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = find(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        // An app of an earlier version, which knows nothing of our lock, still holds its own.
        if (DataDirectoryLock.isHeld(dataDirectory.resolve(EARLIER_VERSION_LOCK))) {
            throw new DataDirectoryInUseException(dataDirectory, null);
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "An embedded PostgreSQL (pid {}) whose app is gone still holds {}; stopping it",
                process.pid(),
                dataDirectory);
        process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown; its old clients are gone already
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception notStoppedInTime) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** The live postmaster of this directory, if any. */
    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException damaged) {
            return Optional.empty();
        }
        // Only a live postgres process counts: after a reboot the pid may belong to something else.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
