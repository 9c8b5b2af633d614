package dev.interleave.service.live;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.service.view.RunView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place engine events cross into the service: per live run (queued or running) it keeps every batch in
 * memory and fans each out to the run's watchers. A watcher that attaches gets every batch so far, then live
 * ones, with no gap or duplicate, because replay and registration happen under the same lock as publishing.
 * When the run is finished and saved, {@link #close} tells watchers and forgets the run: from then on the store
 * has every event.
 *
 * <p>Memory per run is bounded by the graph size (a run emits a bounded number of events per task).
 */
@ApplicationScoped
public class RunEvents {

    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();

    RunEvents(MeterRegistry registry) {
        registry.gauge("interleave.watchers", watchers);
        registry.gauge("interleave.runs.live", live, Map::size);
    }

    /** A handle to stop watching. */
    public interface Watch {
        void cancel();
    }

    public void open(String runId) {
        live.putIfAbsent(runId, new LiveRun(runId));
    }

    /**
     * Converts and fans out one engine batch, as frames of at most {@link EventBatch#MAX_EVENTS} events; called on
     * the engine's dispatcher thread for the run. Returns the batches published (none if the run is not live), for
     * the run's own listener to save.
     */
    public List<EventBatch> publish(String runId, List<RunEvent> events) {
        var run = live.get(runId);
        if (run == null) {
            return List.of();
        }
        var published = new ArrayList<EventBatch>();
        for (int from = 0; from < events.size(); from += EventBatch.MAX_EVENTS) {
            var part = events.subList(from, Math.min(events.size(), from + EventBatch.MAX_EVENTS));
            var batch = new EventBatch(
                    runId, part.get(0).seq(), part.get(part.size() - 1).seq(), EventJson.array(part));
            run.publish(batch);
            published.add(batch);
        }
        return published;
    }

    /** Batches with events after {@code seq}; empty if the run is not live. */
    public List<EventBatch> after(String runId, long seq) {
        var run = live.get(runId);
        return run == null ? List.of() : run.after(seq);
    }

    public boolean isLive(String runId) {
        return live.containsKey(runId);
    }

    /** The run is finished and saved (or gone): watchers are told, and the run is forgotten. */
    public void close(String runId) {
        close(runId, null);
    }

    /** As {@link #close(String)}; {@code finalRun}, if not null, is the run as its keeper has just saved it. */
    public void close(String runId, RunView finalRun) {
        var run = live.remove(runId);
        if (run != null) {
            run.close(finalRun);
        }
    }

    /**
     * Attaches {@code watcher}: it receives every batch so far, then live batches, then {@code onFinished}.
     * Returns null when the run is not live (finished, or unknown): read the store instead.
     */
    public Watch watch(String runId, RunWatcher watcher) {
        var run = live.get(runId);
        if (run == null || !run.attach(watcher)) {
            return null;
        }
        watchers.incrementAndGet();
        return () -> {
            if (run.detach(watcher)) {
                watchers.decrementAndGet();
            }
        };
    }

    /** One live run's batches and watchers; every method holds {@code this}. */
    private final class LiveRun {
        private final String runId;
        private final List<EventBatch> batches = new ArrayList<>();
        private final Set<RunWatcher> watching = new LinkedHashSet<>();
        private boolean closed;

        LiveRun(String runId) {
            this.runId = runId;
        }

        synchronized void publish(EventBatch batch) {
            batches.add(batch);
            for (var w : List.copyOf(watching)) {
                w.onEvents(batch);
            }
        }

        synchronized List<EventBatch> after(long seq) {
            return batches.stream().filter(b -> b.lastSeq() > seq).toList();
        }

        synchronized boolean attach(RunWatcher watcher) {
            if (closed) {
                return false;
            }
            for (var b : batches) {
                watcher.onEvents(b);
            }
            watching.add(watcher);
            return true;
        }

        synchronized boolean detach(RunWatcher watcher) {
            return watching.remove(watcher);
        }

        synchronized void close(RunView finalRun) {
            closed = true;
            for (var w : List.copyOf(watching)) {
                w.onFinished(finalRun);
                if (watching.remove(w)) {
                    watchers.decrementAndGet();
                }
            }
        }

        @Override
        public String toString() {
            return "LiveRun[" + runId + "]";
        }
    }
}
