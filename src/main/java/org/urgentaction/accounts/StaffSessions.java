package org.urgentaction.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a staff member's sessions at once, on every instance: they are rows in PostgreSQL, found by
 * the principal name Spring Session indexes them by. (Each request also checks the account, see
 * {@link CurrentAccountFilter}, so a session that escapes this still ends on its next request.)
 */
@Component
class StaffSessions {

    private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

    private final FindByIndexNameSessionRepository<?> sessions;

    StaffSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Every session of this e-mail but {@code keptSessionId} (may be null); returns how many ended. */
    int endAll(String email, String keptSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keptSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        log.info("Ended {} session(s) of {}", ended, email);
        return ended;
    }
}
