package dev.interleave.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For and X-Forwarded-Proto count only from configured proxies (issue 15, items 1 and 11). */
class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.5", "10.0.0.6"));

    @Test
    void aClientThatIsNoProxyCannotChooseItsAddressOrScheme() {
        assertThat(proxies.client("198.51.100.7", "203.0.113.1", "https", false))
                .isEqualTo(new Client("198.51.100.7", false));
        assertThat(new TrustedProxies(List.of()).client("127.0.0.1", "203.0.113.1", "https", false))
                .isEqualTo(new Client("127.0.0.1", false));
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        // The client wrote "1.2.3.4" itself; our proxies appended what they saw.
        assertThat(proxies.client("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.6", "https", false))
                .isEqualTo(new Client("198.51.100.7", true));
        assertThat(proxies.client("10.0.0.5", null, null, false)).isEqualTo(new Client("10.0.0.5", false));
        assertThat(proxies.client("10.0.0.5", "198.51.100.7", "http", true).https())
                .isTrue();
    }

    @Test
    void aCidrBlockTrustsItsAddressesOnlyAndNamesAreNeverLookedUp() {
        var cluster = new TrustedProxies(List.of("10.0.0.0/8", "fd00::/8"));
        assertThat(cluster.client("10.42.7.1", "198.51.100.7", null, false).address())
                .isEqualTo("198.51.100.7");
        assertThat(cluster.client("fd00::1", "198.51.100.8", null, false).address())
                .isEqualTo("198.51.100.8");
        assertThat(cluster.client("11.0.0.1", "198.51.100.7", null, false).address())
                .isEqualTo("11.0.0.1");
        assertThat(cluster.client("localhost", "198.51.100.7", null, false).address())
                .isEqualTo("localhost");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
