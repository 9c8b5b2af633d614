package dev.interleave.stream;

import dev.interleave.service.run.RunService;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code /ws/runs/{id}}: replay, live events, summary, normal close. Owner or {@code ?share=SLUG} only. */
@WebSocket(path = "/ws/runs/{id}")
public class RunEventsSocket {

    private final RunService runs;
    private final RunStreams streamsOf;
    private final StreamAccess access;
    private final Map<String, RunStream> streams = new ConcurrentHashMap<>();

    RunEventsSocket(RunService runs, RunStreams streamsOf, StreamAccess access) {
        this.runs = runs;
        this.streamsOf = streamsOf;
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
                (owner, share) -> runs.visible(owner, share, id, false).chain(run -> {
                    var stream = streamsOf.open(connection, id);
                    streams.put(connection.id(), stream);
                    return stream.stream(run)
                            .invoke(() -> streams.remove(connection.id()))
                            .chain(() -> stream.isDropped() ? Uni.createFrom().voidItem() : connection.close());
                }));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        var stream = streams.remove(connection.id());
        if (stream != null) {
            stream.end(null);
        }
    }
}
