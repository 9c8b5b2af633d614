package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EncodedTextTest {

    /**
     * Longer than three frames, with multi-byte characters (2, 3 and 4 bytes in UTF-8) on both sides of every
     * fragment boundary, so a split character or a lost fragment shows.
     */
    static final String LONG = "é€😀x".repeat(20_000);

    static final String SHORT = "{\"frame\":\"after\"}";

    /** Sends LONG then SHORT, both encoded once, then closes. */
    @WebSocket(path = "/test/encoded-text")
    public static class Sender {
        @OnOpen
        public Uni<Void> open(WebSocketConnection connection) {
            return EncodedText.send(connection, LONG.getBytes(StandardCharsets.UTF_8))
                    .chain(() -> EncodedText.send(connection, SHORT.getBytes(StandardCharsets.UTF_8)))
                    .chain(() -> connection.close());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;

    @Test
    void websocketsNextStillExposesItsSocket() {
        assertThat(EncodedText.direct())
                .as("WebSocketConnectionBase.webSocket() reachable: frames are not re-encoded per watcher")
                .isTrue();
    }

    @Test
    void aLongMessageArrivesWholeInFramesNoLargerThanTheLimitAndInOrder() throws Exception {
        var frames = new CopyOnWriteArrayList<WebSocketFrame>();
        var closed = new CompletableFuture<Short>();
        // A client with the default 64 KiB frame limit: a larger frame would close the connection with 1009.
        var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(EncodedText.MAX_FRAME));
        try {
            var socket = client.webSocket();
            socket.frameHandler(frames::add);
            socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
            socket.connect(base.getPort(), base.getHost(), "/test/encoded-text")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1000);
        } finally {
            client.close();
        }

        List<WebSocketFrame> data =
                frames.stream().filter(f -> f.isText() || f.isContinuation()).toList();
        int longBytes = LONG.getBytes(StandardCharsets.UTF_8).length;
        int fragments = (longBytes + EncodedText.MAX_FRAME - 1) / EncodedText.MAX_FRAME;
        assertThat(data).hasSize(fragments + 1);
        assertThat(data.get(0).type()).isEqualTo(WebSocketFrameType.TEXT);
        var whole = Buffer.buffer();
        for (int i = 0; i < fragments; i++) {
            var frame = data.get(i);
            assertThat(frame.type()).isEqualTo(i == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION);
            assertThat(frame.isFinal()).isEqualTo(i == fragments - 1);
            assertThat(frame.binaryData().length()).isLessThanOrEqualTo(EncodedText.MAX_FRAME);
            whole.appendBuffer(frame.binaryData());
        }
        assertThat(whole.toString(StandardCharsets.UTF_8)).isEqualTo(LONG);
        var last = data.get(fragments);
        assertThat(last.type()).isEqualTo(WebSocketFrameType.TEXT);
        assertThat(last.isFinal()).isTrue();
        assertThat(last.textData()).isEqualTo(SHORT);
    }

    @Test
    void aConnectionWithoutASocketGetsTheSameTextThroughSendText() {
        var sent = new CompletableFuture<String>();
        var connection = (WebSocketConnection) Proxy.newProxyInstance(
                WebSocketConnection.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class},
                (self, method, args) -> {
                    if (method.getName().equals("sendText") && args[0] instanceof String text) {
                        sent.complete(text);
                        return Uni.createFrom().voidItem();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        EncodedText.send(connection, LONG.getBytes(StandardCharsets.UTF_8))
                .await()
                .indefinitely();
        assertThat(sent).isCompletedWithValue(LONG);
    }
}
