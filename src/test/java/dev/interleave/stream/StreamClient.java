package dev.interleave.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client that records every frame and the close code. */
final class StreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    static StreamClient connect(BasicWebSocketConnector connector, URI base, String path, String cookie) {
        return connect(connector, base, path, cookie, null);
    }

    /** As above, with an Origin header when {@code origin} is not null. */
    static StreamClient connect(
            BasicWebSocketConnector connector, URI base, String path, String cookie, String origin) {
        var client = new StreamClient();
        var c = connector
                .baseUri(base)
                .path(path)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((conn, text) -> {
                    try {
                        client.frames.add(JSON.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .onClose((conn, reason) -> client.closed.complete(reason.getCode()));
        if (cookie != null) {
            c = c.addHeader("Cookie", cookie);
        }
        if (origin != null) {
            c = c.addHeader("Origin", origin);
        }
        c.connectAndAwait();
        return client;
    }

    /** Every frame until the server closes; fails after {@code timeout}. */
    List<JsonNode> awaitAll(Duration timeout) throws Exception {
        closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new ArrayList<>(frames);
    }

    /** The seq of every event in every events frame, in arrival order. */
    static List<Long> seqs(List<JsonNode> frames) {
        var seqs = new ArrayList<Long>();
        for (var f : frames) {
            if (f.path("frame").asText().equals("events")) {
                f.path("events").forEach(e -> seqs.add(e.path("seq").asLong()));
            }
        }
        return seqs;
    }
}
