package org.urgentaction.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Who may connect to the embedded PostgreSQL ({@code pg_hba.conf}): only with the password (SCRAM),
 * only over loopback or the private socket directory. Written before every start, so a directory
 * from an earlier version (which trusted every local connection) is brought in line.
 */
final class ClientAuthentication {

    static final String PASSWORD_ONLY = """
            # Written by Urgent Action at every start; edits are overwritten.
            # Password (SCRAM) only; loopback and the private socket directory only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /**
     * Only for the one start that gives a directory of an earlier version its password: the
     * superuser, from loopback, until the password is set a moment later (that version trusted
     * every local connection all the time).
     */
    static final String UNTIL_PASSWORD_SET = """
            # Written by Urgent Action while it sets the superuser's password; replaced at once.
            host    all   postgres   127.0.0.1/32   trust
            """;

    private ClientAuthentication() {}

    static void write(Path dataDirectory, String rules) throws IOException {
        Path file = dataDirectory.resolve("pg_hba.conf");
        Path next = dataDirectory.resolve("pg_hba.conf.next");
        Files.writeString(next, rules, StandardCharsets.UTF_8);
        SuperuserPassword.ownerOnly(next, PosixFilePermissions.fromString("rw-------"));
        // A crash mid-write leaves the old file or the new one, never half of either.
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
