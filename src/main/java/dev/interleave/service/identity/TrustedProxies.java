package dev.interleave.service.identity;

import dev.interleave.config.PlaygroundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Resolves the client of a request. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only when
 * the peer is one of the configured proxy addresses: anyone else could write any address there, and the run
 * queue's per-address share would mean nothing.
 */
@ApplicationScoped
public class TrustedProxies {

    private final Set<String> proxies;

    @Inject
    TrustedProxies(PlaygroundConfig config) {
        this(config.http().trustedProxies().orElse(List.of()));
    }

    TrustedProxies(List<String> proxies) {
        this.proxies = Set.copyOf(proxies);
    }

    /**
     * The client behind a connection from {@code peer}: the peer itself unless it is a trusted proxy; then the
     * last address in {@code forwardedFor} that is not a trusted proxy (the one our outermost proxy saw; entries
     * to its left were written by the client and prove nothing).
     */
    public Client client(String peer, String forwardedFor, String forwardedProto, boolean tls) {
        String address = peer == null ? "unknown" : peer;
        if (!proxies.contains(address)) {
            return new Client(address, tls);
        }
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (!hop.isEmpty()) {
                    address = hop;
                    if (!proxies.contains(hop)) {
                        break;
                    }
                }
            }
        }
        return new Client(address, tls || isHttps(forwardedProto));
    }

    /** The scheme the client used: the first of a proxy chain's values. */
    private static boolean isHttps(String forwardedProto) {
        return forwardedProto != null && forwardedProto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
