package dev.interleave.stream;

import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.micrometer.core.instrument.Counter;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Streams one run to one connection: a run frame, every event so far and live ones (a {@link LiveFeed} while the
 * run is live here, else a {@link StoreFeed}), then a summary frame. Feeds hand batches to the {@link Outbox}; a
 * watcher with more than {@code maxPending} unwritten frames is dropped (closed with 1013; it may reconnect and
 * gets a full replay). Methods that must run on the connection's context assert it.
 */
final class RunStream {

    /**
     * Where the stream is; it only moves forward: {@code RUN_FRAME -> FEED -> SUMMARY -> DONE}, and from any
     * unfinished state to {@code DROPPED} (too slow, any thread) or {@code DONE} (closed, failed). In
     * {@code SUMMARY} no feed reads the store: calls on one context share its session, one operation at a time.
     */
    enum State {
        RUN_FRAME,
        FEED,
        SUMMARY,
        DROPPED,
        DONE
    }

    /** What hands batches to the stream; stopped once the stream ends. */
    interface Feed {
        void stop();
    }

    private static final Logger LOG = Logger.getLogger(RunStream.class);
    /** Close code for a watcher dropped as too slow (RFC 6455 1013, try again later). */
    static final int TOO_SLOW = 1013;

    private final WebSocketConnection connection;
    private final String runId;
    private final RunService runs;
    private final RunEvents hub;
    private final RunViews views;
    private final SummaryFrames summaries;
    private final Outbox outbox;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUN_FRAME);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

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
        this.outbox = new Outbox(connection, maxPending, streamed);
    }

    /** On the connection's context: sends everything; completes on it after the summary (or a drop, close). */
    Uni<Void> stream(RunView first) {
        var context = outbox.bind();
        return connection
                .sendText(Frames.run(views, "run", runId, first.streamed()))
                .invoke(() -> outbox.onContext(() -> startFeed(context)))
                .chain(() -> Uni.createFrom().completionStage(done));
    }

    /** The live hub if the run is live here, else the store (finished, or executing on another instance). */
    private void startFeed(io.vertx.core.Context context) {
        assert outbox.onContext();
        if (state.compareAndSet(State.RUN_FRAME, State.FEED)) {
            Feed live = LiveFeed.attach(hub, runId, this);
            Feed feed = live != null ? live : StoreFeed.start(runs, runId, this, context);
            done.whenComplete((ok, failure) -> feed.stop());
        }
    }

    /** Any thread (a feed): hands one batch over, or drops this watcher as too slow. */
    void offer(EventBatch batch) {
        if (!ended(state.get()) && !outbox.offer(batch, this::isDropped)) {
            drop();
        }
    }

    /** Any thread: every event was offered; {@code finalRun} is the final run if the feed has it, else null. */
    void feedEnded(RunView finalRun) {
        outbox.onContext(() -> {
            if (state.compareAndSet(State.FEED, State.SUMMARY)) {
                outbox.send(summaries.of(runId, finalRun)).subscribe().with(ok -> end(null), this::end);
            }
        });
    }

    /** Any thread: the connection closed (null) or a feed failed; completes on the connection's context. */
    void end(Throwable failure) {
        if (!ended(state.getAndUpdate(s -> ended(s) ? s : State.DONE))) {
            outbox.onContext(() -> {
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure);
                }
            });
        }
    }

    private void drop() {
        if (!ended(state.getAndUpdate(s -> ended(s) ? s : State.DROPPED))) {
            LOG.infof("run %s: dropping a watcher with %d unsent frames", runId, outbox.pending());
            outbox.close(TOO_SLOW, "too slow; reconnect to replay");
            outbox.onContext(() -> done.complete(null));
        }
    }

    boolean isDropped() {
        return state.get() == State.DROPPED;
    }

    private static boolean ended(State s) {
        return s == State.DROPPED || s == State.DONE;
    }
}
