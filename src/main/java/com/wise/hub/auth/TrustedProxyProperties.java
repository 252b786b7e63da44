package com.wise.hub.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which peers may tell the hub who the client is ({@code hub.trusted-proxies}).
 *
 * @param trustedProxies CIDR blocks (IPv4 or IPv6, e.g. {@code 10.0.0.0/8}, {@code fd00::/8}) of the load
 *                       balancers and ingress controllers in front of the hub; {@code X-Forwarded-For} is read only
 *                       when the connecting peer is in one of them. Default none: the socket peer is the client.
 */
@ConfigurationProperties("hub")
public record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {

    public TrustedProxyProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        trustedProxies.forEach(CidrBlock::parse);
    }
}
