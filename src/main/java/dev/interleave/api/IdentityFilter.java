package dev.interleave.api;

import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.identity.OwnerCookie;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Identifies the caller of every /api/v1 request: a bearer token, else the anonymous cookie, else a new anonymous
 * owner (the cookie is set on the response). Cookie-authenticated writes that look cross-site are refused (CSRF).
 */
public class IdentityFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;
    private final OwnerCookie cookies;
    private final CallerIdentity caller;

    IdentityFilter(IdentityService identity, OwnerCookie cookies, CallerIdentity caller) {
        this.identity = identity;
        this.cookies = cookies;
        this.caller = caller;
    }

    /** Non-blocking: runs on the event loop even before @Blocking methods, as the token lookup needs it. */
    @ServerRequestFilter(nonBlocking = true)
    Uni<Response> identify(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/v1")) {
            return Uni.createFrom().nullItem();
        }
        String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return identity.fromBearer(auth.substring(7).trim()).map(owner -> {
                if (owner == null) {
                    return ProblemMappers.response(
                            Response.Status.UNAUTHORIZED,
                            "unauthorized",
                            "Unknown token",
                            "the bearer token is not known",
                            request);
                }
                caller.set(owner, null);
                return null;
            });
        }
        var cookie = request.getCookies().get(OwnerCookie.NAME);
        Owner owner = cookie == null ? null : cookies.owner(cookie.getValue());
        String minted = owner == null ? identity.newCookieSecret() : null;
        caller.set(owner != null ? owner : identity.fromCookie(minted), minted);
        if (!SAFE.contains(request.getMethod())
                && cookies.crossSite(
                        request.getHeaderString("Sec-Fetch-Site"),
                        request.getHeaderString("Origin"),
                        request.getHeaderString(HttpHeaders.HOST))) {
            return Uni.createFrom()
                    .item(ProblemMappers.response(
                            Response.Status.FORBIDDEN,
                            "cross-site-request",
                            "Cross-site request refused",
                            "cookie-authenticated writes must come from this site or an "
                                    + "allowed origin; scripts should use a bearer token",
                            request));
        }
        return Uni.createFrom().nullItem();
    }

    @ServerResponseFilter
    void setCookie(ContainerResponseContext response) {
        String secret;
        try {
            secret = caller.newCookieSecret();
        } catch (RuntimeException e) {
            return; // no request scope (not an /api/v1 request)
        }
        if (secret != null) {
            var cookie = new NewCookie.Builder(OwnerCookie.NAME)
                    .value(secret)
                    .path("/")
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .maxAge(60 * 60 * 24 * 365)
                    .build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
