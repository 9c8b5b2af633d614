package dev.interleave.stream;

import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Owner;
import io.quarkus.websockets.next.HandshakeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Who opened a stream: bearer token or anonymous cookie from the handshake, plus an optional share slug. */
@ApplicationScoped
public class StreamAccess {

    private static final String COOKIE = "interleave_owner";

    private final IdentityService identity;

    private final java.util.List<String> allowedOrigins;

    StreamAccess(IdentityService identity, dev.interleave.config.PlaygroundConfig config) {
        this.identity = identity;
        this.allowedOrigins = config.http().allowedOrigins().orElse(java.util.List.of());
    }

    /** The owner behind the handshake, or null (item) when it carries no identity. */
    Uni<Owner> owner(HandshakeRequest request) {
        String auth = request.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identity.fromBearer(auth.substring(7).trim());
        }
        String cookies = request.header("Cookie");
        if (cookies != null && !crossSite(request)) {
            for (String part : cookies.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && kv[1].matches("[A-Za-z0-9_-]{43}")) {
                    return Uni.createFrom().item(identity.fromCookie(kv[1]));
                }
            }
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * A cross-site page must not read private runs with the visitor's cookie (cross-site WebSocket hijacking):
     * an Origin that names neither this host nor an allowed origin makes the cookie count for nothing.
     */
    private boolean crossSite(HandshakeRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.header("Host");
        boolean sameHost = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        return !sameHost && !allowedOrigins.contains(origin);
    }

    /** The {@code share} query parameter, or null. */
    static String share(HandshakeRequest request) {
        String query = request.query();
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("share")) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
