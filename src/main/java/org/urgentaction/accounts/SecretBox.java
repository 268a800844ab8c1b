package org.urgentaction.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts staff secrets (authenticator-app secrets) with Google Tink's AES-256-GCM. The key is a
 * Tink keyset in a file outside the database, created owner-only on first start, so a copy of the
 * database alone reveals no secret. Each ciphertext is bound to what it belongs to (associated
 * data), so it cannot be moved to another account. An empty file setting keeps a key in memory
 * only (tests): secrets then do not survive a restart.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    private final Aead aead;

    SecretBox(@Value("${urgent-action.accounts.secret-key-file:}") String keyFile) {
        try {
            AeadConfig.register();
            KeysetHandle keys = keyFile.isBlank()
                    ? KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    : load(Path.of(keyFile));
            this.aead = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("Cannot read the staff secret key " + keyFile, broken);
        }
    }

    byte[] encrypt(String secret, String boundTo) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), boundTo.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("Could not encrypt", broken);
        }
    }

    /** Throws when the ciphertext was not made by this key for {@code boundTo}. */
    String decrypt(byte[] ciphertext, String boundTo) throws GeneralSecurityException {
        return new String(aead.decrypt(ciphertext, boundTo.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static KeysetHandle load(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(
                    file,
                    TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get()),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not make {} readable by its owner only", file);
            }
            log.info("Created the staff secret key in {}: back it up with the database", file);
            return fresh;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read or create the staff secret key " + file, unreadable);
        }
    }
}
