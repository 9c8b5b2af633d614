package dev.interleave.stream;

import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.live.RunWatcher;
import dev.interleave.service.view.RunView;

/**
 * A live run's events from the in-memory hub: every batch so far, then live ones, then the end. Called on the hub's
 * thread with the run's hub lock held, so it only hands each batch to the stream, which never blocks.
 */
final class LiveFeed implements RunWatcher, RunStream.Feed {

    private final RunStream stream;
    /** Set once {@link RunEvents#watch} returns (batches so far are handed over inside it). */
    private volatile RunEvents.Watch watch;

    private LiveFeed(RunStream stream) {
        this.stream = stream;
    }

    /** Attaches {@code stream} to the hub; null when the run is not live here (read the store instead). */
    static LiveFeed attach(RunEvents hub, String runId, RunStream stream) {
        var feed = new LiveFeed(stream);
        feed.watch = hub.watch(runId, feed);
        return feed.watch == null ? null : feed;
    }

    @Override
    public void onEvents(EventBatch batch) {
        stream.offer(batch);
    }

    @Override
    public void onFinished() {
        onFinished(null);
    }

    /** {@code finalRun}: the run as its keeper saved it, so the summary needs no read of the store. */
    @Override
    public void onFinished(RunView finalRun) {
        stream.feedEnded(finalRun);
    }

    @Override
    public void stop() {
        var w = watch;
        if (w != null) {
            w.cancel();
        }
    }
}
