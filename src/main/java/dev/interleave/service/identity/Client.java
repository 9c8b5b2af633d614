package dev.interleave.service.identity;

import java.util.Objects;

/**
 * Where a request comes from, as {@link TrustedProxies} resolves it.
 *
 * @param address the client's IP address: the peer, or the address a trusted proxy forwarded
 * @param https   the client reached us over TLS (directly, or as a trusted proxy's X-Forwarded-Proto says)
 */
public record Client(String address, boolean https) {
    public Client {
        Objects.requireNonNull(address, "address");
    }
}
