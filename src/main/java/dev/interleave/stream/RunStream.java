package dev.interleave.stream;

import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.live.RunWatcher;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.micrometer.core.instrument.Counter;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Streams one run to one connection: a run frame, every event so far, live events, then a summary frame.
 * The hub's thread only hands each batch to this connection's context, which encodes and queues the frame on the
 * connection without waiting, so the run and other watchers never wait for this one; a watcher with more than
 * {@code maxPending} unsent frames (handed over, not yet written) is dropped (closed with 1013; it may reconnect
 * and gets a full replay).
 */
final class RunStream implements RunWatcher {

    private static final Logger LOG = Logger.getLogger(RunStream.class);
    /** Close code for a watcher dropped as too slow (RFC 6455 1013, try again later). */
    static final int TOO_SLOW = 1013;
    /** How often a stream following another instance's run re-reads the store if no notification came. */
    private static final java.time.Duration POLL = java.time.Duration.ofSeconds(2);

    private final WebSocketConnection connection;
    private final String runId;
    private final RunService runs;
    private final RunEvents hub;
    private final RunViews views;
    private final SummaryFrames summaries;
    private final int maxPending;
    private final Counter streamed;
    private final AtomicInteger pending = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean dropped;
    private volatile RunEvents.Watch watch;
    /** This connection's context; set before the stream attaches to the hub, whose lock publishes it. */
    private Context context;
    /** Following a run through the store (see followStore); touched only on {@link #context}. */
    private long sentSeq = -1;

    private boolean pumping;
    private boolean again;
    /**
     * The summary is being sent: nothing else may read the store for this stream, because database calls made on
     * one context share its session, which allows one operation at a time. Touched only on {@link #context}.
     */
    private boolean summarising;

    private Runnable stopFollowing;
    private long poller = -1;

    RunStream(
            WebSocketConnection connection,
            String runId,
            RunService runs,
            RunEvents hub,
            RunViews views,
            SummaryFrames summaries,
            int maxPending,
            Counter streamed) {
        this.connection = connection;
        this.runId = runId;
        this.runs = runs;
        this.hub = hub;
        this.views = views;
        this.summaries = summaries;
        this.maxPending = maxPending;
        this.streamed = streamed;
    }

    /** Sends everything; completes after the summary frame is sent (or the watcher is dropped). */
    Uni<Void> stream(RunView first) {
        context = Vertx.currentContext();
        return connection
                .sendText(Frames.run(views, "run", runId, first.streamed()))
                .invoke(() -> {
                    watch = hub.watch(runId, this);
                    if (watch == null) {
                        followStore();
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(done));
    }

    void cancel() {
        var w = watch;
        if (w != null) {
            w.cancel();
        }
        done.complete(null);
    }

    @Override
    public void onEvents(EventBatch batch) {
        if (dropped) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            drop();
            return;
        }
        streamed.increment(batch.lastSeq() - batch.firstSeq() + 1);
        context.runOnContext(v -> write(batch));
    }

    /**
     * On this connection's context: the frame is encoded and written here, not on the caller's thread, so the
     * engine's dispatcher only enqueues and one watcher's copy never delays the next watcher's. A context runs its
     * tasks in order, so frames leave in the order {@link #onEvents} was called.
     */
    private void write(EventBatch batch) {
        if (dropped) {
            pending.decrementAndGet();
            return;
        }
        EncodedText.send(connection, batch.frame())
                .subscribe()
                .with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    }

    @Override
    public void onFinished() {
        context.runOnContext(v -> sendSummary(null));
    }

    /**
     * The run is not live here: finished, or executing on another instance. Sends its saved chunks, then follows
     * the store (woken by the other instance's notifications, and polling as a fallback) until the run is final,
     * then the summary. Only whole chunks are sent, so {@code sentSeq} is always a chunk boundary: no gap, no
     * duplicate. Every step runs on this connection's context, so the fields need no locking.
     */
    private void followStore() {
        stopFollowing = runs.follow(runId, () -> context.runOnContext(v -> pump()));
        poller = context.owner().setPeriodic(POLL.toMillis(), id -> context.runOnContext(v -> pump()));
        done.whenComplete((ok, failure) -> context.runOnContext(v -> unfollow()));
        pump();
    }

    private void pump() {
        if (pumping) {
            again = true;
            return;
        }
        if (dropped || done.isDone() || summarising) {
            return;
        }
        pumping = true;
        again = false;
        // Status first: once a run is final every event is saved, so the chunks read next are all of them.
        runs.load(runId, false)
                .chain(run -> runs.chunks(runId, sentSeq).map(chunks -> {
                    for (var chunk : chunks) {
                        onEvents(new EventBatch(runId, chunk.firstSeq(), chunk.lastSeq(), chunk.eventsJson()));
                        sentSeq = chunk.lastSeq();
                    }
                    return run;
                }))
                .subscribe()
                .with(
                        run -> context.runOnContext(v -> {
                            pumping = false;
                            if (run.isFinal()) {
                                sendSummary(run);
                            } else if (again) {
                                pump();
                            }
                        }),
                        failure -> context.runOnContext(v -> {
                            pumping = false;
                            done.completeExceptionally(failure);
                        }));
    }

    private void unfollow() {
        if (stopFollowing != null) {
            stopFollowing.run();
        }
        if (poller >= 0) {
            context.owner().cancelTimer(poller);
        }
    }

    /**
     * On {@link #context}; the summary is sent once. {@code finalRun} is the final run when this stream has just
     * read it from the store (so the summary need not read it again), else null.
     */
    private void sendSummary(RunView finalRun) {
        if (dropped || summarising) {
            return;
        }
        summarising = true;
        summaries
                .of(runId, finalRun)
                // A frame shared with other watchers arrives on the thread that loaded it, and a write completes on
                // the socket's; what follows the stream (a comparison's next run) reads the store with this
                // context's session, so both hop back to this connection's context.
                .emitOn(command -> context.runOnContext(v -> command.run()))
                .chain(frame -> EncodedText.send(connection, frame))
                .subscribe()
                .with(
                        ok -> context.runOnContext(v -> done.complete(null)),
                        failure -> context.runOnContext(v -> done.completeExceptionally(failure)));
    }

    private void drop() {
        dropped = true;
        var w = watch;
        if (w != null) {
            w.cancel();
        }
        LOG.infof("run %s: dropping a watcher with %d unsent frames", runId, pending.get());
        connection
                .close(new CloseReason(TOO_SLOW, "too slow; reconnect to replay"))
                .subscribe()
                .with(ok -> {}, failure -> {});
        done.complete(null);
    }

    boolean isDropped() {
        return dropped;
    }
}
