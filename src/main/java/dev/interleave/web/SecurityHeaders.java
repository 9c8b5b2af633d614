package dev.interleave.web;

import dev.interleave.config.EmbedConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer: {@code nosniff}, {@code Referrer-Policy: same-origin} (a share slug in a URL
 * never leaks through Referer) and a Content-Security-Policy that allows only this origin's scripts (no inline
 * script or handler anywhere) and no framing, except the embed view, which names its own frame ancestors.
 * Quarkus's own pages under {@code /q/} (Swagger UI) bring inline scripts and get no policy.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";

    /** Styles may be inline: htmx and cytoscape set style attributes; scripts may not. */
    private static final String POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    private final String embedPolicy;

    SecurityHeaders(EmbedConfig embed) {
        this.embedPolicy = POLICY + String.join(" ", embed.frameAncestors());
    }

    /** The policy of a page that may not be framed. */
    static String pagePolicy() {
        return POLICY + "'none'";
    }

    /** The policy of the embed view: framed by the configured ancestors only. */
    String embedPolicy() {
        return embedPolicy;
    }

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            var headers = ctx.response().headers();
            headers.set(HttpHeaders.createOptimized("X-Content-Type-Options"), "nosniff");
            headers.set(HttpHeaders.createOptimized("Referrer-Policy"), "same-origin");
            if (!ctx.normalizedPath().startsWith("/q/")) {
                // set last, so a page that chose its own policy (the embed view) keeps it
                ctx.addHeadersEndHandler(done -> {
                    if (!headers.contains(CSP)) {
                        headers.set(CSP, pagePolicy());
                    }
                });
            }
            ctx.next();
        });
    }
}
