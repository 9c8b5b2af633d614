package dev.interleave.stream;

import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.identity.OwnerCookie;
import dev.interleave.service.view.RunViews;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** Who opened a stream: bearer token or anonymous cookie from the handshake, plus an optional share slug. */
@ApplicationScoped
public class StreamAccess {

    private final IdentityService identity;
    private final OwnerCookie cookies;
    private final RunViews views;

    StreamAccess(IdentityService identity, OwnerCookie cookies, RunViews views) {
        this.identity = identity;
        this.cookies = cookies;
        this.views = views;
    }

    /**
     * The skeleton of every stream's {@code @OnOpen}: runs {@code stream} for the handshake's owner (or null) and
     * {@code share} slug (or null), and returns at once; a failure becomes an error frame and a close.
     */
    void open(WebSocketConnection connection, BiFunction<Owner, String, Uni<Void>> stream) {
        String share = share(connection.handshakeRequest());
        owner(connection.handshakeRequest())
                .chain(owner -> stream.apply(owner, share))
                .onFailure()
                .recoverWithUni(failure -> StreamErrors.send(connection, views, failure))
                .subscribe()
                .with(ok -> {}, failure -> {});
    }

    /** The owner behind the handshake, or null (item) when it carries no identity. */
    Uni<Owner> owner(HandshakeRequest request) {
        String auth = request.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identity.fromBearer(auth.substring(7).trim());
        }
        // A cross-site page must not read private runs with the visitor's cookie (cross-site WebSocket hijacking).
        String secret = OwnerCookie.valueIn(request.header("Cookie"));
        if (secret == null
                || cookies.crossSite(
                        request.header("Sec-Fetch-Site"), request.header("Origin"), request.header("Host"))) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(cookies.owner(secret));
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
