package org.urgentaction.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;

/** Reads and changes the one security policy row. */
@Component
class SecurityPolicies {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SecurityPolicies(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    SecurityPolicy current() {
        return jdbc.sql("select editors_need_second_factor, version from security_policy where id = 1")
                .query((rs, n) -> new SecurityPolicy(rs.getBoolean(1), rs.getLong(2)))
                .single();
    }

    /** False when someone else changed the policy since {@code version} was read. */
    @Transactional
    boolean change(boolean editorsNeedSecondFactor, long version) {
        boolean changed = jdbc.sql("""
                                update security_policy set editors_need_second_factor = ?, version = version + 1
                                where id = 1 and version = ?""").params(editorsNeedSecondFactor, version).update() == 1;
        if (changed) {
            audit.record(
                    "security.policyChanged",
                    "security_policy",
                    1L,
                    "editors need a second factor: " + editorsNeedSecondFactor);
        }
        return changed;
    }
}
