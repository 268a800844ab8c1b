package org.urgentaction.targets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * What supporters say of a target's phone number, kept on the target for staff. Plain SQL on two
 * columns the entity only reads, so a report neither bumps the version staff edit from nor is
 * lost when they save.
 */
@Service
class WrongNumbers {

    private final JdbcClient jdbc;

    WrongNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(WrongNumberReported reported) {
        jdbc.sql("update target set wrong_number_reports = wrong_number_reports + 1,"
                        + " wrong_number_reported_at = now() where id = ?")
                .param(reported.targetId())
                .update();
    }

    /** Staff changed the number: what was said of the old one no longer holds. */
    void clear(long targetId) {
        jdbc.sql("update target set wrong_number_reports = 0, wrong_number_reported_at = null where id = ?")
                .param(targetId)
                .update();
    }
}
