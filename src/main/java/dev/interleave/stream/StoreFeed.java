package dev.interleave.stream;

import dev.interleave.service.live.EventBatch;
import dev.interleave.service.run.RunService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A run that is not live here (finished, or executing on another instance) from the store: its saved chunks, then
 * newly saved ones (woken by the other instance's notifications, polling as a fallback) until the run is final.
 * Only whole chunks are sent, so {@code sentSeq} is always a chunk boundary: no gap, no duplicate. Every field is
 * touched only on the connection's context, so none needs locking; each method asserts it.
 */
final class StoreFeed implements RunStream.Feed {

    /** How often a stream following another instance's run re-reads the store if no notification came. */
    private static final Duration POLL = Duration.ofSeconds(2);

    private final RunService runs;
    private final String runId;
    private final RunStream stream;
    private final Context context;
    private long sentSeq = -1;
    /** A read is in flight; {@code again}: a wake-up came meanwhile, so read once more after it. */
    private boolean pumping;

    private boolean again;
    private boolean stopped;
    private Runnable stopFollowing;
    private long poller = -1;

    private StoreFeed(RunService runs, String runId, RunStream stream, Context context) {
        this.runs = runs;
        this.runId = runId;
        this.stream = stream;
        this.context = context;
    }

    /** On {@code context}: starts following the store. */
    static StoreFeed start(RunService runs, String runId, RunStream stream, Context context) {
        var feed = new StoreFeed(runs, runId, stream, context);
        feed.follow();
        return feed;
    }

    private void follow() {
        assert Vertx.currentContext() == context;
        stopFollowing = runs.follow(runId, () -> context.runOnContext(v -> pump()));
        poller = context.owner().setPeriodic(POLL.toMillis(), id -> context.runOnContext(v -> pump()));
        pump();
    }

    /** Reads the status, then the chunks after {@code sentSeq}; once the run is final, every event is saved. */
    private void pump() {
        assert Vertx.currentContext() == context;
        if (pumping) {
            again = true;
            return;
        }
        if (stopped) {
            return;
        }
        pumping = true;
        again = false;
        runs.load(runId, false)
                .chain(run -> runs.saved(runId, sentSeq).map(batches -> {
                    for (EventBatch batch : batches) {
                        stream.offer(batch);
                        sentSeq = batch.lastSeq();
                    }
                    return run;
                }))
                .subscribe()
                .with(
                        run -> context.runOnContext(v -> {
                            pumping = false;
                            if (run.isFinal()) {
                                stopped = true; // the summary is next: no more reads on this context's session
                                stream.feedEnded(run);
                            } else if (again) {
                                pump();
                            }
                        }),
                        failure -> context.runOnContext(v -> {
                            pumping = false;
                            stream.end(failure);
                        }));
    }

    /** Any thread: stops following; a read in flight finishes but starts no other. */
    @Override
    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            if (stopFollowing != null) {
                stopFollowing.run();
            }
            if (poller >= 0) {
                context.owner().cancelTimer(poller);
            }
        });
    }
}
