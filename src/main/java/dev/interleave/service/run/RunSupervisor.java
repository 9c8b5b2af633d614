package dev.interleave.service.run;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.engine.Engine;
import dev.interleave.engine.RunHandle;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.persistence.EventChunk;
import dev.interleave.persistence.RunEventRepository;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.cluster.ClusterBus;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.live.EventBatch;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.view.RunViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Executes admitted runs on a keeper thread (never a Vert.x thread): marks the run running, starts the engine,
 * saves its events at least every checkpoint interval, and saves the final status. The keeper is the only writer
 * of a running run's row and events, so saves need no coordination.
 */
@ApplicationScoped
public class RunSupervisor {

    private static final Logger LOG = Logger.getLogger(RunSupervisor.class);
    /** How long to wait for the engine's dispatcher to deliver run_finished after the outcome is known. */
    private static final Duration LAST_EVENT_WAIT = Duration.ofSeconds(5);
    /** Most events per saved chunk, and so per replay frame: as many as one live frame. */
    private static final int CHUNK_EVENTS = EventBatch.MAX_EVENTS;

    /** Everything needed to execute one saved run. */
    record Execution(String runId, TaskGraph graph, SchedulerSpec scheduler) {}

    private final Engine engine;
    private final RunEvents events;
    private final RunRepository runs;
    private final RunEventRepository eventStore;
    private final RunViews views;
    private final ClusterBus bus;
    private final Duration deadline;
    private final Duration checkpoint;
    private final String instanceId = Ids.random(9);
    private final Map<String, RunHandle> handles = new ConcurrentHashMap<>();
    private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();
    /** Runs deleted while queued or running: their keeper stops saving (the rows are gone). */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter eventsSaved;
    private volatile boolean stopping;

    RunSupervisor(
            Engine engine,
            RunEvents events,
            RunRepository runs,
            RunEventRepository eventStore,
            RunViews views,
            ClusterBus bus,
            PlaygroundConfig config,
            MeterRegistry registry) {
        this.bus = bus;
        this.engine = engine;
        this.events = events;
        this.runs = runs;
        this.eventStore = eventStore;
        this.views = views;
        this.deadline = config.runs().deadline();
        this.checkpoint = config.runs().checkpoint();
        this.registry = registry;
        this.latency = Timer.builder("interleave.run.duration")
                .description("wall time of real runs")
                .publishPercentiles(0.5, 0.95)
                .register(registry);
        this.eventsSaved = registry.counter("interleave.events.saved");
        registry.gauge("interleave.runs.running", handles, Map::size);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Executes one run to the end; blocks the calling keeper thread. */
    void execute(Execution run) {
        MDC.put("runId", run.runId());
        try {
            if (stopping) {
                return;
            }
            // Start first, so startedAt is when the run really began (start() first predicts the run).
            var handle =
                    engine.start(run.graph(), run.scheduler(), deadline, batch -> events.publish(run.runId(), batch));
            Instant startedAt = Instant.now();
            long started = System.nanoTime();
            handles.put(run.runId(), handle);
            if (awaitDb(() -> runs.markRunning(run.runId(), startedAt, instanceId)) == 0) {
                handle.cancel(); // cancelled or deleted while queued
                return;
            }
            LOG.infof("run %s started on %s", run.runId(), run.scheduler().describe());
            if (cancelRequested.remove(run.runId()) || stopping) {
                handle.cancel();
            }
            RunResult result = awaitWithCheckpoints(run.runId(), handle);
            latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            finish(run, result);
        } catch (RuntimeException e) {
            if (deleted.contains(run.runId())) {
                LOG.infof("run %s was deleted while it ran", run.runId());
            } else {
                LOG.errorf(e, "run %s failed in the service", run.runId());
                failQuietly(run.runId(), e);
            }
        } finally {
            deleted.remove(run.runId());
            cancelRequested.remove(run.runId());
            handles.remove(run.runId());
            events.close(run.runId());
            MDC.remove("runId");
        }
    }

    /** Asks a running run to stop; false if it is not running here. */
    boolean cancel(String runId) {
        var handle = handles.get(runId);
        if (handle == null) {
            cancelRequested.add(runId);
            return false;
        }
        handle.cancel();
        return true;
    }

    /** Cancels a run only if it executes here (a request from another instance); true if it did. */
    boolean cancelLocal(String runId) {
        var handle = handles.get(runId);
        if (handle != null) {
            handle.cancel();
        }
        return handle != null;
    }

    boolean isExecuting(String runId) {
        return handles.containsKey(runId);
    }

    /** The run is being deleted: stop it and save nothing more for it. */
    void forget(String runId) {
        deleted.add(runId);
        cancel(runId);
    }

    private RunResult awaitWithCheckpoints(String runId, RunHandle handle) {
        long saved = -1;
        while (true) {
            try {
                RunResult result = handle.outcome().get(checkpoint.toMillis(), TimeUnit.MILLISECONDS);
                if (!events.awaitLastEvent(runId, LAST_EVENT_WAIT)) {
                    LOG.warnf("run %s: run_finished was not delivered in time; saving what arrived", runId);
                }
                save(runId, saved);
                return result;
            } catch (TimeoutException e) {
                saved = save(runId, saved);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancel();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the engine failed", e.getCause());
            }
        }
    }

    /**
     * Saves the events after {@code savedSeq}, in one transaction, as chunks of at most {@link #CHUNK_EVENTS}
     * events (a chunk is one replay frame, so it stays well under WebSocket clients' message limits). Returns the
     * new last saved seq.
     */
    private long save(String runId, long savedSeq) {
        List<EventBatch> batches = events.after(runId, savedSeq);
        if (batches.isEmpty() || deleted.contains(runId)) {
            return savedSeq;
        }
        var chunks = new ArrayList<EventChunk>();
        var group = new ArrayList<EventBatch>();
        long size = 0;
        for (var batch : batches) {
            long n = batch.lastSeq() - batch.firstSeq() + 1;
            if (!group.isEmpty() && size + n > CHUNK_EVENTS) {
                chunks.add(chunk(group));
                group = new ArrayList<>();
                size = 0;
            }
            group.add(batch);
            size += n;
        }
        chunks.add(chunk(group));
        long last = batches.get(batches.size() - 1).lastSeq();
        awaitDb(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var c : chunks) {
                chain = chain.chain(() -> eventStore.append(runId, c));
            }
            return chain.chain(() -> runs.heartbeat(runId, last + 1, Instant.now()));
        });
        bus.saved(runId, last); // after the commit: other instances' watchers read the new chunks
        eventsSaved.increment(last - batches.get(0).firstSeq() + 1);
        return last;
    }

    private static EventChunk chunk(List<EventBatch> group) {
        String json = group.stream()
                .map(b -> b.eventsJson().substring(1, b.eventsJson().length() - 1))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(",", "[", "]"));
        return new EventChunk(
                group.get(0).firstSeq(), group.get(group.size() - 1).lastSeq(), json);
    }

    private void finish(Execution run, RunResult result) {
        boolean interrupted = stopping && result.status() == RunStatus.CANCELLED;
        String status = interrupted ? "interrupted" : result.status().wireName();
        String reason = interrupted ? "the service shut down during the run" : result.reason();
        if (deleted.contains(run.runId())) {
            return;
        }
        String resultJson = views.write(views.result(result, run.graph()));
        awaitDb(() -> runs.finish(
                run.runId(), status, reason, Instant.now(), resultJson, result.makespanMillis(), result.eventCount()));
        bus.finalStatus(run.runId());
        registry.counter("interleave.runs.finished", "status", status).increment();
        LOG.infof("run %s %s in %.1f ms", run.runId(), status, result.makespanMillis());
    }

    private void failQuietly(String runId, RuntimeException cause) {
        try {
            awaitDb(() -> runs.finish(
                    runId,
                    "failed",
                    "the service failed: " + cause.getClass().getSimpleName(),
                    Instant.now(),
                    null,
                    null,
                    0));
            bus.finalStatus(runId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s: could not save its failure", runId);
        }
    }

    /** Runs a database call in a transaction on a fresh Vert.x context and waits (keeper threads only). */
    private <T> T awaitDb(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(call));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shutdown: stops every running run; keepers save them as interrupted. */
    void stopAll() {
        stopping = true;
        handles.values().forEach(RunHandle::cancel);
    }

    boolean hasRunning() {
        return !handles.isEmpty();
    }
}
