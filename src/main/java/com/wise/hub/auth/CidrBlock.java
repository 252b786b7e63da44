package com.wise.hub.auth;

import java.net.InetAddress;

/**
 * One IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address
 * is a single host). Our own because Spring Security's {@code IpAddressMatcher} is not on the
 * classpath and a whole security framework is too much for one comparison. An IPv4-mapped IPv6
 * literal ({@code ::ffff:10.1.2.3}) is compared as IPv4: {@link InetAddress} parses it that way.
 */
final class CidrBlock {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private CidrBlock(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException when {@code cidr} is not an address literal with an optional
     *                                  {@code /prefix} within 0..32 (IPv4) or 0..128 (IPv6)
     */
    static CidrBlock parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress parsed = IpLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "hub.trusted-proxies entry '" + cidr + "' is not an IP address or CIDR block like 10.0.0.0/8"));
        byte[] bytes = parsed.getAddress();
        int maxPrefix = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? maxPrefix : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("hub.trusted-proxies entry '" + cidr + "' has a prefix length outside 0.."
                    + maxPrefix);
        }
        return new CidrBlock(bytes, prefix, s);
    }

    /** True when {@code address} lies in this block; an IPv4 address never matches an IPv6 block and vice versa. */
    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
