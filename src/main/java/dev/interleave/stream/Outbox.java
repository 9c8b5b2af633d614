package dev.interleave.stream;

import dev.interleave.service.live.EventBatch;
import io.micrometer.core.instrument.Counter;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One connection as a stream writes to it: its context, and its event frames, handed over on any thread and
 * encoded and written on that context (so a feed only enqueues, and one watcher's copy never delays the next
 * watcher's), counting those not yet written. A context runs its tasks in order, so frames leave in the order they
 * were offered.
 */
final class Outbox {

    private final WebSocketConnection connection;
    private final int maxPending;
    private final Counter streamed;
    /** Frames handed over and not yet written. */
    private final AtomicInteger pending = new AtomicInteger();
    /** The connection's context: set once, by {@link #bind}, before any frame is offered. */
    private volatile Context context;

    Outbox(WebSocketConnection connection, int maxPending, Counter streamed) {
        this.connection = connection;
        this.maxPending = maxPending;
        this.streamed = streamed;
    }

    /** Binds the outbox to the calling thread's context, the connection's. */
    Context bind() {
        context = Vertx.currentContext();
        return context;
    }

    boolean onContext() {
        return Vertx.currentContext() == context;
    }

    /** Runs {@code action} on the connection's context: now if already there (or not bound yet), else next. */
    void onContext(Runnable action) {
        Context c = context;
        if (c == null || Vertx.currentContext() == c) {
            action.run();
        } else {
            c.runOnContext(v -> action.run());
        }
    }

    /**
     * Any thread: queues {@code batch}; false, queueing nothing, when more than {@code maxPending} frames wait (the
     * watcher is too slow). A frame whose turn comes once {@code dropped} is true is skipped.
     */
    boolean offer(EventBatch batch, BooleanSupplier dropped) {
        if (pending.incrementAndGet() > maxPending) {
            return false;
        }
        streamed.increment(batch.lastSeq() - batch.firstSeq() + 1);
        context.runOnContext(v -> write(batch, dropped));
        return true;
    }

    private void write(EventBatch batch, BooleanSupplier dropped) {
        assert onContext();
        if (dropped.getAsBoolean()) {
            pending.decrementAndGet();
            return;
        }
        EncodedText.send(connection, batch.frame())
                .subscribe()
                .with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    }

    /** A frame shared with other watchers; completes on the connection's context. */
    Uni<Void> send(Uni<byte[]> frame) {
        return frame.emitOn(command -> context.runOnContext(v -> command.run()))
                .chain(bytes -> EncodedText.send(connection, bytes))
                .emitOn(command -> context.runOnContext(v -> command.run()));
    }

    /** Closes the connection, not waiting; {@code reason} is sent with {@code code}. */
    void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
    }

    int pending() {
        return pending.get();
    }
}
