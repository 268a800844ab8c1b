package org.urgentaction.web;

import java.nio.charset.StandardCharsets;

import org.springframework.modulith.NamedInterface;
import org.springframework.web.util.UriUtils;

/**
 * {@code mailto:} links (RFC 6068) with every part percent-encoded, so an address or a letter can
 * never add a header ({@code ?bcc=}, {@code &body=}) of its own, even one stored before addresses
 * were checked strictly.
 */
@NamedInterface("api")
public final class Mailto {

    private Mailto() {}

    /** A link to write to the address; null when there is none. */
    public static String to(String address) {
        return address == null || address.isBlank() ? null : "mailto:" + encodedAddress(address);
    }

    /** A link with the subject and body filled in (line breaks as CRLF, as RFC 6068 asks). */
    public static String to(String address, String subject, String body) {
        String link = to(address);
        if (link == null) {
            return null;
        }
        return link + "?subject=" + UriUtils.encode(subject == null ? "" : subject, StandardCharsets.UTF_8)
                + "&body="
                + UriUtils.encode(
                        body == null ? "" : body.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }

    // Everything but unreserved characters encoded; the one @ of a plain address left readable.
    private static String encodedAddress(String address) {
        String encoded = UriUtils.encode(address.strip(), StandardCharsets.UTF_8);
        int at = encoded.lastIndexOf("%40");
        return at < 0 ? encoded : encoded.substring(0, at) + "@" + encoded.substring(at + 3);
    }
}
