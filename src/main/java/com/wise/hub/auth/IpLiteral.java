package com.wise.hub.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses an IPv4 or IPv6 address literal without ever resolving a host name: text from a header must
 * not make the hub do DNS lookups. Accepts {@code [v6]}, {@code [v6]:port} and {@code v4:port} as
 * proxies write them in {@code X-Forwarded-For}.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern BRACKETED_V6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})](?::\\d{1,5})?");

    private IpLiteral() {
    }

    /** The address in {@code text}, or empty when it is not an IP literal (host names included). */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        var withPort = IPV4_WITH_PORT.matcher(s);
        if (withPort.matches()) {
            s = withPort.group(1);
        }
        var bracketed = BRACKETED_V6.matcher(s);
        if (bracketed.matches()) {
            s = bracketed.group(1);
        }
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
            return resolveLiteral(s);
        }
        // A colon makes InetAddress treat the text as an IPv6 literal: it never consults DNS.
        if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
            return resolveLiteral(s);
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> resolveLiteral(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
