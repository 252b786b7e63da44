package com.wise.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request: the socket peer, unless that peer is a trusted
 * proxy ({@code hub.trusted-proxies}), in which case {@code X-Forwarded-For} is read from the right,
 * skipping trusted hops, and the first untrusted address is the client. A client that writes its
 * own {@code X-Forwarded-For} therefore cannot pick its address (or a fresh rate limit).
 */
@Component
class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<CidrBlock> trusted;

    ClientAddressResolver(TrustedProxyProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(CidrBlock::parse).toList();
    }

    /** The client's address in canonical form (e.g. {@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}). */
    String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        Optional<InetAddress> peer = IpLiteral.parse(remote);
        if (peer.isEmpty()) {
            return remote;
        }
        InetAddress client = peer.get();
        if (!isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (CidrBlock block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
