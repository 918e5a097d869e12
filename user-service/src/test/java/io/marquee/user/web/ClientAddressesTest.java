package io.marquee.user.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a login is attributed to, without booting Quarkus. */
class ClientAddressesTest {

    private final ClientAddresses gatewayTrusted = new ClientAddresses(List.of("10.1.0.0/16", "fd00::/8", "192.0.2.7"));

    @Test
    void theFirstForwardedHopIsTheClientWhenTheProxyIsTrusted() {
        assertThat(gatewayTrusted.resolve("10.1.2.3", "203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
        assertThat(gatewayTrusted.resolve("192.0.2.7", " 198.51.100.1 ")).isEqualTo("198.51.100.1");
        assertThat(gatewayTrusted.resolve("fd12::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(gatewayTrusted.resolve("10.2.0.1", "203.0.113.9")).isEqualTo("10.2.0.1");
        assertThat(gatewayTrusted.resolve("192.0.2.8", "203.0.113.9")).isEqualTo("192.0.2.8");
        assertThat(new ClientAddresses(List.of()).resolve("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void aForwardedValueThatIsNotAnAddressFallsBackToThePeer() {
        assertThat(gatewayTrusted.resolve("10.1.2.3", "evil.example.org")).isEqualTo("10.1.2.3");
        assertThat(gatewayTrusted.resolve("10.1.2.3", "unknown, 203.0.113.9")).isEqualTo("10.1.2.3");
        assertThat(gatewayTrusted.resolve("10.1.2.3", "")).isEqualTo("10.1.2.3");
        assertThat(gatewayTrusted.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void invalidTrustConfigurationStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new ClientAddresses(List.of("gateway.internal"))).hasMessageContaining("not an IP");
    }
}
