package org.urgentaction.accounts;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Named HMAC keys in the app_secret table, shared by every instance on the database. */
@Component
class AppSecrets {

    private final JdbcClient jdbc;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    AppSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** HMAC-SHA256 of the data under the named key. */
    byte[] hmac(String keyName, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.computeIfAbsent(keyName, this::load));
            return mac.doFinal(data);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    private SecretKeySpec load(String keyName) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // The first instance to start stores its key; every instance then reads the same one.
        jdbc.sql("insert into app_secret (name, value) values (?, ?) on conflict (name) do nothing")
                .params(keyName, fresh)
                .update();
        byte[] stored = jdbc.sql("select value from app_secret where name = ?")
                .param(keyName)
                .query(byte[].class)
                .single();
        return new SecretKeySpec(stored, "HmacSHA256");
    }
}
