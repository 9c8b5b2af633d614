package dev.interleave.api;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Owner;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Identifies the caller of every /api/v1 request: a bearer token, else the anonymous cookie, else a new anonymous
 * owner (the cookie is set on the response). Cookie-authenticated writes that look cross-site are refused (CSRF).
 */
public class IdentityFilter {

    public static final String COOKIE = "interleave_owner";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;
    private final CallerIdentity caller;
    private final List<String> allowedOrigins;

    IdentityFilter(IdentityService identity, CallerIdentity caller, PlaygroundConfig config) {
        this.identity = identity;
        this.caller = caller;
        this.allowedOrigins = config.http().allowedOrigins().orElse(List.of());
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
        var cookie = request.getCookies().get(COOKIE);
        String secret = cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}") ? cookie.getValue() : null;
        String minted = secret == null ? identity.newCookieSecret() : null;
        Owner owner = identity.fromCookie(secret != null ? secret : minted);
        caller.set(owner, minted);
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
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

    /** Sec-Fetch-Site says cross-site, or Origin names neither this host nor an allowed origin. */
    private boolean crossSite(ContainerRequestContext request) {
        if ("cross-site".equalsIgnoreCase(request.getHeaderString("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        boolean sameHost = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        return !sameHost && !allowedOrigins.contains(origin);
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
            var cookie = new NewCookie.Builder(COOKIE)
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
