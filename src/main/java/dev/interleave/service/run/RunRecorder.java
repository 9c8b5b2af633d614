package dev.interleave.service.run;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunListener;
import dev.interleave.persistence.EventChunk;
import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One real run's own listener: each engine batch is converted once, published to the live hub for watchers, and
 * kept here until its keeper saves it, so saving never reads the hub back. The engine's dispatcher thread is the
 * only writer ({@link #onEvents}); the keeper thread is the only reader ({@link #takeChunks}).
 */
final class RunRecorder implements RunListener {

    /** Most events per saved chunk, and so per replay frame: as many as one live frame. */
    static final int CHUNK_EVENTS = EventBatch.MAX_EVENTS;

    private final String runId;
    private final RunEvents hub;
    private final ConcurrentLinkedQueue<EventBatch> unsaved = new ConcurrentLinkedQueue<>();
    private final CountDownLatch lastEvent = new CountDownLatch(1);

    RunRecorder(String runId, RunEvents hub) {
        this.runId = runId;
        this.hub = hub;
    }

    @Override
    public void onEvents(List<RunEvent> events) {
        unsaved.addAll(hub.publish(runId, events));
        if (!events.isEmpty() && events.get(events.size() - 1) instanceof RunEvent.RunFinished) {
            lastEvent.countDown();
        }
    }

    /** Waits until the run's last event ({@code run_finished}) has been recorded. */
    boolean awaitLastEvent(Duration timeout) throws InterruptedException {
        return lastEvent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The events recorded since the last call, as chunks of at most {@link #CHUNK_EVENTS} events (a chunk is one
     * replay frame, so it stays well under WebSocket clients' message limits); empty if there are none.
     */
    List<EventChunk> takeChunks() {
        var chunks = new ArrayList<EventChunk>();
        var group = new ArrayList<EventBatch>();
        long size = 0;
        for (EventBatch batch; (batch = unsaved.poll()) != null; ) {
            long n = batch.lastSeq() - batch.firstSeq() + 1;
            if (!group.isEmpty() && size + n > CHUNK_EVENTS) {
                chunks.add(chunk(group));
                group = new ArrayList<>();
                size = 0;
            }
            group.add(batch);
            size += n;
        }
        if (!group.isEmpty()) {
            chunks.add(chunk(group));
        }
        return chunks;
    }

    private static EventChunk chunk(List<EventBatch> group) {
        String json = group.stream()
                .map(b -> b.eventsJson().substring(1, b.eventsJson().length() - 1))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(",", "[", "]"));
        return new EventChunk(
                group.get(0).firstSeq(), group.get(group.size() - 1).lastSeq(), json);
    }
}
