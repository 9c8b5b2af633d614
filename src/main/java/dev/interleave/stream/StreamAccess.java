package dev.interleave.stream;

import dev.interleave.service.IdentityService;
import dev.interleave.service.Owner;
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

    StreamAccess(IdentityService identity) {
        this.identity = identity;
    }

    /** The owner behind the handshake, or null (item) when it carries no identity. */
    Uni<Owner> owner(HandshakeRequest request) {
        String auth = request.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identity.fromBearer(auth.substring(7).trim());
        }
        String cookies = request.header("Cookie");
        if (cookies != null) {
            for (String part : cookies.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(COOKIE) && kv[1].matches("[A-Za-z0-9_-]{43}")) {
                    return Uni.createFrom().item(identity.fromCookie(kv[1]));
                }
            }
        }
        return Uni.createFrom().nullItem();
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
