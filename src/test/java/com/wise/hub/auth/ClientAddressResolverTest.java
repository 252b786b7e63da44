package com.wise.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** CIDR matching (IPv4, IPv6) and which address is the client's behind trusted and untrusted peers. */
class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = new ClientAddressResolver(
            new TrustedProxyProperties(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.7")));

    @Test
    void cidrBlocksMatchByPrefixForBothFamilies() throws Exception {
        CidrBlock v4 = CidrBlock.parse("172.16.0.0/12");
        assertThat(v4.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(v4.contains(InetAddress.getByName("172.32.0.1"))).isFalse();
        assertThat(v4.contains(InetAddress.getByName("::ffff:172.20.1.1"))).isTrue();
        CidrBlock v6 = CidrBlock.parse("2001:db8:abcd::/47");
        assertThat(v6.contains(InetAddress.getByName("2001:db8:abcd:1::5"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("2001:db8:abce::1"))).isFalse();
        assertThat(v6.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.1"))).isTrue();
        assertThat(CidrBlock.parse("192.0.2.7").contains(InetAddress.getByName("192.0.2.8"))).isFalse();
    }

    @Test
    void malformedTrustedProxiesFailAtStartUp() {
        assertThatThrownBy(() -> new TrustedProxyProperties(List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new TrustedProxyProperties(List.of("proxy.internal")))
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new TrustedProxyProperties(List.of("300.1.1.1/8")))
                .hasMessageContaining("not an IP address");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(resolver.clientAddress(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(resolver.clientAddress(request("2001:db8::9", "198.51.100.1"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    void aTrustedPeerNamesTheClientAndTrustedHopsAreSkippedFromTheRight() {
        assertThat(resolver.clientAddress(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(resolver.clientAddress(request("10.1.2.3", "203.0.113.66, 198.51.100.1, 10.9.9.9")))
                .isEqualTo("198.51.100.1");
        assertThat(resolver.clientAddress(request("fd00::1", "[2001:db8::1]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(resolver.clientAddress(request("10.1.2.3", "198.51.100.1:5050"))).isEqualTo("198.51.100.1");
    }

    @Test
    void aTrustedPeerWithoutOrWithGarbageForwardedForIsItself() {
        assertThat(resolver.clientAddress(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        // A host name is never resolved; the last trusted hop stands.
        assertThat(resolver.clientAddress(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress(request("10.1.2.3", "unknown, 10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/translate");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
