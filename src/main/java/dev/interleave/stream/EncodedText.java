package dev.interleave.stream;

import io.netty.buffer.Unpooled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Sends a text message that is already encoded as UTF-8, so that a run's event batch, encoded once, goes to every
 * watcher without being encoded again for each.
 *
 * <p>Why: websockets-next 3.33 sends text only from a {@code String} and encodes it on every send. A batch goes to
 * every watcher of its run, so 200 watchers of a 10,000-event run meant encoding 340 MB, and the young collections
 * that garbage caused fell at the moment the run ended. Here each connection wraps the one shared array (no copy).
 *
 * <p>How: websockets-next keeps the connection's Vert.x socket behind a package-private accessor; it is looked up
 * once, reflectively. Messages longer than {@link #MAX_FRAME} bytes are fragmented into continuation frames, as
 * Vert.x's own {@code writeTextMessage} does, so clients with the common 64 KiB frame limit read them. Frames
 * written this way bypass websockets-next's traffic log and telemetry interceptors (Interleave counts streamed
 * events itself). If a later websockets-next drops the accessor, every send falls back to {@code sendText}
 * (correct, only slower), and {@code EncodedTextTest} fails so that the upgrade notices.
 */
final class EncodedText {

    private static final Logger LOG = Logger.getLogger(EncodedText.class);
    /** Largest frame sent: Vert.x's default limit, and the limit of its clients (longer frames close with 1009). */
    static final int MAX_FRAME = 65_536;

    private static final MethodHandle SOCKET = socketAccessor();

    private EncodedText() {}

    /** Whether sends go straight to the Vert.x socket (as opposed to the {@code sendText} fallback). */
    static boolean direct() {
        return SOCKET != null;
    }

    /** Sends {@code utf8} as one text message. The array is shared, never modified, and must not be modified. */
    static Uni<Void> send(WebSocketConnection connection, byte[] utf8) {
        WebSocketBase socket = socketOf(connection);
        if (socket == null) {
            return connection.sendText(new String(utf8, StandardCharsets.UTF_8));
        }
        return Uni.createFrom()
                .emitter(emitter -> write(socket, utf8).onComplete(result -> {
                    if (result.succeeded()) {
                        emitter.complete(null);
                    } else {
                        emitter.fail(result.cause());
                    }
                }));
    }

    /** Completes when the last fragment is written; a socket writes frames in the order they were handed over. */
    private static Future<Void> write(WebSocketBase socket, byte[] utf8) {
        int from = 0;
        while (true) {
            int to = Math.min(utf8.length, from + MAX_FRAME);
            boolean last = to == utf8.length;
            var type = from == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION;
            var written = socket.writeFrame(
                    new WebSocketFrameImpl(type, Unpooled.wrappedBuffer(utf8, from, to - from), last));
            if (last) {
                return written;
            }
            from = to;
        }
    }

    private static WebSocketBase socketOf(WebSocketConnection connection) {
        if (SOCKET == null || !(connection instanceof WebSocketConnectionBase base)) {
            return null;
        }
        try {
            return (WebSocketBase) SOCKET.invoke(base);
        } catch (Throwable e) {
            throw new IllegalStateException("websockets-next connection without a socket: " + connection, e);
        }
    }

    private static MethodHandle socketAccessor() {
        try {
            var method = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "websockets-next without WebSocketConnectionBase.webSocket(): each watcher re-encodes frames (%s)",
                    e);
            return null;
        }
    }
}
