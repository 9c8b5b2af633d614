package dev.interleave.stream;

import dev.interleave.service.ServiceException;
import dev.interleave.service.view.RunViews;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import org.jboss.logging.Logger;

/** WebSocket errors: an error frame, then a close with a reason. */
final class StreamErrors {

    private static final Logger LOG = Logger.getLogger(StreamErrors.class);

    /** Close code for "you may not see this" (RFC 6455 1008). */
    private static final int POLICY_VIOLATION = 1008;

    private StreamErrors() {}

    static Uni<Void> send(WebSocketConnection connection, RunViews views, Throwable failure) {
        int status = failure instanceof ServiceException.NotFound ? 404 : 500;
        if (status == 500) {
            LOG.error("stream failed", failure);
        }
        var frame = new LinkedHashMap<String, Object>();
        frame.put("frame", "error");
        frame.put("status", status);
        frame.put("title", status == 404 ? "Not found" : "Internal error");
        frame.put("detail", status == 404 ? failure.getMessage() : "the stream failed; try again");
        return connection
                .sendText(views.write(frame))
                .chain(() -> connection.close(new CloseReason(
                        status == 404 ? POLICY_VIOLATION : 1011, status == 404 ? "not found" : "server error")))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
