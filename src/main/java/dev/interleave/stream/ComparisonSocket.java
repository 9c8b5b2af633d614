package dev.interleave.stream;

import dev.interleave.service.identity.Owner;
import dev.interleave.service.run.ComparisonService;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunViews;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws/comparisons/{id}}: a comparison frame, then each run in order as on {@code /ws/runs/{id}} (frames
 * carry {@code runId}), then a comparison summary and a normal close.
 */
@WebSocket(path = "/ws/comparisons/{id}")
public class ComparisonSocket {

    private final ComparisonService comparisons;
    private final RunService runs;
    private final RunStreams streamsOf;
    private final RunViews views;
    private final StreamAccess access;
    private final Map<String, RunStream> current = new ConcurrentHashMap<>();

    ComparisonSocket(
            ComparisonService comparisons, RunService runs, RunStreams streamsOf, RunViews views, StreamAccess access) {
        this.comparisons = comparisons;
        this.runs = runs;
        this.streamsOf = streamsOf;
        this.views = views;
        this.access = access;
    }

    /**
     * Starts the stream and returns at once: the stream lives as long as the run, and callbacks such as
     * {@code @OnClose} must not wait for it. Non-blocking, so the database calls stay on the event loop.
     */
    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection connection) {
        String id = connection.pathParam("id");
        access.open(
                connection,
                (owner, share) -> comparisons
                        .visible(owner, share, id)
                        .chain(c -> connection
                                .sendText(Frames.comparison(views, "comparison", c))
                                .replaceWith(c))
                        .chain(c -> streamRuns(
                                connection, c.runs().stream().map(r -> r.id()).toList(), 0))
                        .chain(dropped ->
                                dropped ? Uni.createFrom().voidItem() : summary(connection, owner, share, id)));
    }

    /** Streams runs from {@code index} on, one after another; true if the watcher was dropped. */
    private Uni<Boolean> streamRuns(WebSocketConnection connection, List<String> runIds, int index) {
        if (index == runIds.size() || !connection.isOpen()) {
            return Uni.createFrom().item(false);
        }
        String runId = runIds.get(index);
        return runs.load(runId, false)
                .chain(run -> {
                    var stream = streamsOf.open(connection, runId);
                    current.put(connection.id(), stream);
                    return stream.stream(run).map(v -> stream.isDropped());
                })
                .chain(dropped -> dropped ? Uni.createFrom().item(true) : streamRuns(connection, runIds, index + 1));
    }

    private Uni<Void> summary(WebSocketConnection connection, Owner owner, String share, String id) {
        current.remove(connection.id());
        return comparisons
                .visible(owner, share, id)
                .chain(c -> connection.sendText(Frames.comparison(views, "summary", c)))
                .chain(() -> connection.close());
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        var stream = current.remove(connection.id());
        if (stream != null) {
            stream.end(null);
        }
    }
}
