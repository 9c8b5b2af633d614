package dev.interleave.api;

import dev.interleave.config.PlaygroundConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses declared oversize bodies with a 413 problem before they are read. Chunked bodies without a length are
 * capped by {@code quarkus.http.limits.max-body-size} (Vert.x answers 413 itself).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    BodySizeLimit(PlaygroundConfig config) {
        this.maxBytes = config.http().maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end("{\"type\":\"/problems/body-too-large\",\"title\":\"Body too large\",\"status\":413,"
                                + "\"detail\":\"the body has " + length + " bytes; at most " + maxBytes
                                + " are accepted\",\"instance\":\""
                                + ctx.request().path().replace("\"", "")
                                + "\"}");
                return;
            }
            ctx.next();
        });
    }
}
