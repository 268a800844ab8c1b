package org.urgentaction.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded PostgreSQL's superuser password: generated on first start, kept in the data
 * directory in {@value #FILE_NAME}, readable by its owner only.
 */
final class SuperuserPassword {

    static final String FILE_NAME = "urgent-action.password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SuperuserPassword() {}

    /** 256 random bits, URL-safe Base64: no character the server's configuration or a shell would read. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<String> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ownerOnly(file, PosixFilePermissions.fromString("rw-------"));
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    /** Written to a new file that is renamed into place: there is the whole password or none. */
    static void store(Path directory, String password) throws IOException {
        Path next = writeOwnerOnly(directory.resolve(FILE_NAME + ".next"), password);
        Files.move(
                next,
                directory.resolve(FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file readable by its owner only, created so from the start (never readable by others, even briefly). */
    static Path writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
