package org.urgentaction.letters;

import java.util.List;

import org.urgentaction.web.Mailto;

/**
 * One letter, ready for one recipient.
 *
 * @param recipient "t12" for target 12, "p5" for person at risk 5
 */
public record Letter(
        String recipient,
        String recipientName,
        List<String> addressBlock,
        String email,
        String fax,
        String phone,
        String subject,
        String body) {

    /** A mailto link with subject and body, every part encoded; null without an address. */
    public String mailto() {
        return Mailto.to(email, subject, body);
    }
}
