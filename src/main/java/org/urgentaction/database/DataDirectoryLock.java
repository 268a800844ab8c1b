package org.urgentaction.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which app owns a data directory: an exclusive lock on {@value #FILE_NAME} in it, held for as long
 * as the app runs. The operating system drops the lock when the process ends, however it ends
 * ({@code kill -9} too), so a postmaster found on a directory whose lock is free has no app left.
 */
final class DataDirectoryLock implements Closeable {

    static final String FILE_NAME = "urgent-action.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new DataDirectoryInUseException(dataDirectory, holder);
        }
        // The holder's pid, only for the message another instance shows; the lock itself decides.
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    /** Whether some process holds a lock on this file, without keeping one: for zonky's own lock file. */
    static boolean isHeld(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
