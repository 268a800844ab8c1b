package org.urgentaction.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and changes the one security policy row. */
@Component
class SecurityPolicies {

    private final JdbcClient jdbc;

    SecurityPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SecurityPolicy current() {
        return jdbc.sql("select editors_need_second_factor, version from security_policy where id = 1")
                .query((rs, n) -> new SecurityPolicy(rs.getBoolean(1), rs.getLong(2)))
                .single();
    }

    /** False when someone else changed the policy since {@code version} was read. */
    boolean change(boolean editorsNeedSecondFactor, long version) {
        return jdbc.sql("""
                        update security_policy set editors_need_second_factor = ?, version = version + 1
                        where id = 1 and version = ?""").params(editorsNeedSecondFactor, version).update() == 1;
    }
}
