package dev.interleave.service.identity;

import dev.interleave.config.PlaygroundConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves the client of a request. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only when
 * the peer is one of the configured proxy addresses: anyone else could write any address there, and the run
 * queue's per-address share would mean nothing.
 */
@Startup // a malformed entry stops the start, not the first request
@ApplicationScoped
public class TrustedProxies {

    /** An address block: {@code bits} leading bits of {@code prefix} (an exact address is all of its bits). */
    private record Block(byte[] prefix, int bits) {
        static Block parse(String entry) {
            String[] parts = entry.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null || parts.length == 2 && !parts[1].matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (bits > address.length * 8) {
                throw new IllegalArgumentException("a /" + bits + " block is longer than its address: " + entry);
            }
            return new Block(address, bits);
        }

        boolean contains(byte[] address) {
            if (address == null || address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> proxies;

    @Inject
    TrustedProxies(PlaygroundConfig config) {
        this(config.http().trustedProxies().orElse(List.of()));
    }

    TrustedProxies(List<String> proxies) {
        this.proxies = proxies.stream().map(Block::parse).toList();
    }

    /**
     * The client behind a connection from {@code peer}: the peer itself unless it is a trusted proxy; then the
     * last address in {@code forwardedFor} that is not a trusted proxy (the one our outermost proxy saw; entries
     * to its left were written by the client and prove nothing).
     */
    public Client client(String peer, String forwardedFor, String forwardedProto, boolean tls) {
        String address = peer == null ? "unknown" : peer;
        if (!trusted(address)) {
            return new Client(address, tls);
        }
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (!hop.isEmpty()) {
                    address = hop;
                    if (!trusted(hop)) {
                        break;
                    }
                }
            }
        }
        return new Client(address, tls || isHttps(forwardedProto));
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return proxies.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        if (text == null || !text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The scheme the client used: the first of a proxy chain's values. */
    private static boolean isHttps(String forwardedProto) {
        return forwardedProto != null && forwardedProto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
