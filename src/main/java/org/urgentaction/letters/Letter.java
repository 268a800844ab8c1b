package org.urgentaction.letters;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * One letter, ready for one recipient.
 *
 * @param recipient "t12" for target 12, "p5" for person at risk 5
 */
public record Letter(String recipient, String recipientName, List<String> addressBlock, String email,
                     String fax, String phone, String subject, String body) {

    /** A mailto link with subject and body (RFC 6068: CRLF line breaks, percent-encoded). */
    public String mailto() {
        if (email == null || email.isBlank()) {
            return null;
        }
        return "mailto:" + UriUtils.encode(email, StandardCharsets.UTF_8).replace("%40", "@")
                + "?subject=" + UriUtils.encode(subject, StandardCharsets.UTF_8)
                + "&body=" + UriUtils.encode(body.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }
}
