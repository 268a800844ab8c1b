package org.urgentaction.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

import org.springframework.modulith.NamedInterface;

/**
 * Which client an address stands for when counting: an IPv4 address as it is, an IPv6 address as
 * its /64 (one household or server usually has a whole /64, so counting single IPv6 addresses
 * would let it try again from a fresh address every time).
 */
@NamedInterface("api")
public final class ClientAddresses {

    private ClientAddresses() {}

    /** An IPv4 address as it is; an IPv6 address as its /64 ("2001:db8:1:2::/64"). */
    public static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress parsed;
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return literal;
        }
        byte[] bytes = parsed.getAddress();
        if (bytes.length == 4) {
            return parsed.getHostAddress(); // an IPv4-mapped IPv6 address is its IPv4 client
        }
        ByteBuffer prefix = ByteBuffer.wrap(bytes, 0, 8);
        return "%x:%x:%x:%x::/64"
                .formatted(
                        prefix.getShort() & 0xffff,
                        prefix.getShort() & 0xffff,
                        prefix.getShort() & 0xffff,
                        prefix.getShort() & 0xffff);
    }
}
