package dev.interleave.api;

import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.identity.OwnerCookie;
import dev.interleave.service.identity.TrustedProxies;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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
 * owner (the cookie is set on the response). Cookie-authenticated writes that look cross-site are refused (CSRF),
 * and so is a request that carries two owner cookies (one may have been tossed in by a sibling site).
 */
public class IdentityFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;
    private final OwnerCookie cookies;
    private final TrustedProxies proxies;
    private final CallerIdentity caller;

    IdentityFilter(IdentityService identity, OwnerCookie cookies, TrustedProxies proxies, CallerIdentity caller) {
        this.identity = identity;
        this.cookies = cookies;
        this.proxies = proxies;
        this.caller = caller;
    }

    /** Non-blocking: runs on the event loop even before @Blocking methods, as the token lookup needs it. */
    @ServerRequestFilter(nonBlocking = true)
    Uni<Response> identify(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/v1")) {
            return Uni.createFrom().nullItem();
        }
        var client = proxies.client(
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                request.getHeaderString("X-Forwarded-For"),
                request.getHeaderString("X-Forwarded-Proto"),
                http.isSSL());
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
                caller.set(owner, client, null);
                return null;
            });
        }
        var presented = OwnerCookie.presented(request.getHeaderString(HttpHeaders.COOKIE), client.https());
        if (presented.duplicate()) {
            return Uni.createFrom()
                    .item(ProblemMappers.response(
                            Response.Status.BAD_REQUEST,
                            "duplicate-owner-cookie",
                            "Two owner cookies",
                            "the request carries the owner cookie " + OwnerCookie.name(client.https())
                                    + " twice; another site may have set one: clear this site's cookies",
                            request));
        }
        Owner owner = cookies.owner(presented.value());
        if (owner != null) {
            caller.set(owner, client, null);
            return Uni.createFrom().item(crossSiteRefusal(request));
        }
        return cookies.signedFromUnsigned(presented.value()).map(signed -> {
            // An owner from before cookies were signed keeps its id under a signed value; anyone else is new.
            String value = signed != null ? signed : cookies.mint();
            caller.set(cookies.owner(value), client, value);
            return crossSiteRefusal(request);
        });
    }

    /** A cookie-authenticated write that looks cross-site (CSRF) is refused; null lets the request through. */
    private Response crossSiteRefusal(ContainerRequestContext request) {
        if (!SAFE.contains(request.getMethod())
                && cookies.crossSite(
                        request.getHeaderString("Sec-Fetch-Site"),
                        request.getHeaderString("Origin"),
                        request.getHeaderString(HttpHeaders.HOST))) {
            return ProblemMappers.response(
                    Response.Status.FORBIDDEN,
                    "cross-site-request",
                    "Cross-site request refused",
                    "cookie-authenticated writes must come from this site or an "
                            + "allowed origin; scripts should use a bearer token",
                    request);
        }
        return null;
    }

    @ServerResponseFilter
    void setCookie(ContainerResponseContext response) {
        String value;
        boolean https;
        try {
            value = caller.newCookie();
            https = value != null && caller.client().https();
        } catch (RuntimeException e) {
            return; // no request scope (not an /api/v1 request)
        }
        if (value != null) {
            var cookie = new NewCookie.Builder(OwnerCookie.name(https))
                    .value(value)
                    .path("/")
                    .secure(https)
                    .httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX)
                    .maxAge(60 * 60 * 24 * 365)
                    .build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
    }
}
