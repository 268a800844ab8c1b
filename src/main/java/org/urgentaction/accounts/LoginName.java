package org.urgentaction.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * The one normalisation of a login's e-mail, used alike by authentication, the throttle and the
 * audit trail, so no spelling of an address ("ann@example.org\u0001", " ANN@example.org") reaches
 * the password check under one name and the throttle under another.
 */
final class LoginName {

    /** The longest e-mail address (RFC 5321 path limit); anything longer is no account's. */
    static final int MAX_LENGTH = 254;

    private LoginName() {}

    /** Lower case, without surrounding white space; empty when it cannot be any account's e-mail. */
    static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String stripped = raw.strip();
        if (stripped.isEmpty()
                || stripped.length() > MAX_LENGTH
                || stripped.codePoints().anyMatch(LoginName::isControl)) {
            return Optional.empty();
        }
        return Optional.of(stripped.toLowerCase(Locale.ROOT));
    }

    /**
     * The name the throttle counts a refused spelling under: without control characters, so
     * "ann@example.org\u0001" counts against ann@example.org (and meets her lock).
     */
    static String throttleName(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        raw.codePoints().filter(c -> !isControl(c)).forEach(kept::appendCodePoint);
        return kept.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
