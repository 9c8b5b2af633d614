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
import dev.interleave.persistence.StoredRun;
import dev.interleave.service.RunState;
import dev.interleave.service.cluster.ClusterBus;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.view.RunView;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Executes admitted runs on a keeper thread (never a Vert.x thread): marks the run running, starts the engine,
 * saves its events at least every checkpoint interval, and saves the final status. The keeper is the only writer
 * of a running run's row and events, so saves need no coordination. Events are saved from the run's own listener
 * ({@link RunRecorder}), never read back from the live hub.
 */
@ApplicationScoped
public class RunSupervisor {

    private static final Logger LOG = Logger.getLogger(RunSupervisor.class);
    /** How long to wait for the engine's dispatcher to deliver run_finished after the outcome is known. */
    private static final Duration LAST_EVENT_WAIT = Duration.ofSeconds(5);
    /**
     * How long a run's last saves (its remaining events, then its final status) keep retrying while the database
     * is unreachable; a checkpoint that fails is retried at the next one with the same events.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    /** Everything needed to execute one saved run: its row as saved (queued), its graph and scheduler. */
    record Execution(StoredRun saved, TaskGraph graph, SchedulerSpec scheduler) {
        String runId() {
            return saved.id();
        }
    }

    private final Engine engine;
    private final RunEvents events;
    private final LocalRuns local;
    private final RunRepository runs;
    private final RunEventRepository eventStore;
    private final RunViews views;
    private final ClusterBus bus;
    private final Duration deadline;
    private final Duration checkpoint;

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter eventsSaved;
    /** Set once at shutdown: runs stopped from then on end as interrupted. */
    private volatile boolean stopping;

    RunSupervisor(
            Engine engine,
            RunEvents events,
            LocalRuns local,
            RunRepository runs,
            RunEventRepository eventStore,
            RunViews views,
            ClusterBus bus,
            PlaygroundConfig config,
            MeterRegistry registry) {
        this.bus = bus;
        this.engine = engine;
        this.events = events;
        this.local = local;
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
    }

    /** Executes one run to the end; blocks the calling keeper thread. */
    void execute(Execution run) {
        MDC.put("runId", run.runId());
        RunView finalRun = null;
        try {
            if (stopping) {
                return;
            }
            // Start first, so startedAt is when the run really began. The prediction was made and saved when the
            // run was created; the handle's own is never asked for, so the run is simulated once.
            var recorder = new RunRecorder(run.runId(), events);
            var handle = engine.start(run.graph(), run.scheduler(), deadline, recorder);
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
            long started = System.nanoTime();
            local.executing(run.runId(), handle);
            if (awaitDb(() -> runs.markRunning(run.runId(), startedAt, local.instanceId())) == 0) {
                handle.cancel(); // cancelled or deleted while queued
                return;
            }
            LOG.infof("run %s started on %s", run.runId(), run.scheduler().describe());
            if (stopping) {
                handle.cancel();
            }
            RunResult result = awaitWithCheckpoints(run.runId(), handle, recorder);
            latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            finalRun = finish(run, startedAt, result);
        } catch (RuntimeException e) {
            if (local.isDeleted(run.runId())) {
                LOG.infof("run %s was deleted while it ran", run.runId());
            } else {
                LOG.errorf(e, "run %s failed in the service", run.runId());
                failQuietly(run.runId(), e);
            }
        } finally {
            local.ended(run.runId());
            events.close(run.runId(), finalRun); // watchers' summary: the run as just saved, not read back
            MDC.remove("runId");
        }
    }

    private RunResult awaitWithCheckpoints(String runId, RunHandle handle, RunRecorder recorder) {
        var unsaved = new ArrayList<EventChunk>(); // taken from the recorder, not yet committed
        boolean failing = false; // the last checkpoint could not be saved: warn once per outage
        while (true) {
            try {
                RunResult result = handle.outcome().get(checkpoint.toMillis(), TimeUnit.MILLISECONDS);
                if (!recorder.awaitLastEvent(LAST_EVENT_WAIT)) {
                    LOG.warnf("run %s: run_finished was not delivered in time; saving what arrived", runId);
                }
                retrying(
                        () -> {
                            save(runId, recorder, unsaved);
                            return 0;
                        },
                        "its last events");
                return result;
            } catch (TimeoutException e) {
                RuntimeException failure = trySave(runId, recorder, unsaved);
                boolean saved = failure == null;
                if (!saved && !failing) {
                    LOG.warnf("run %s: checkpoint not saved (%s); retried at each next", runId, failure.getMessage());
                } else if (saved && failing) {
                    LOG.infof("run %s: checkpoints saved again", runId);
                }
                failing = !saved;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancel();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the engine failed", e.getCause());
            }
        }
    }

    /** {@link #save}; returns null on success, else the failure (the events stay in {@code unsaved}). */
    private RuntimeException trySave(String runId, RunRecorder recorder, List<EventChunk> unsaved) {
        try {
            save(runId, recorder, unsaved);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * Saves {@code unsaved} and the events recorded since, in one transaction, with a fresh lease; on success
     * {@code unsaved} is emptied, on failure it keeps them all for the next try (the transaction rolled back).
     */
    private void save(String runId, RunRecorder recorder, List<EventChunk> unsaved) {
        unsaved.addAll(recorder.takeChunks());
        if (unsaved.isEmpty() || local.isDeleted(runId)) {
            return;
        }
        var chunks = List.copyOf(unsaved);
        long last = chunks.get(chunks.size() - 1).lastSeq();
        awaitDb(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var c : chunks) {
                chain = chain.chain(() -> eventStore.append(runId, c));
            }
            return chain.chain(() -> runs.heartbeat(runId, last + 1, Instant.now()));
        });
        unsaved.clear();
        bus.saved(runId, last); // after the commit: other instances' watchers read the new chunks
        eventsSaved.increment(last - chunks.get(0).firstSeq() + 1);
    }

    /**
     * Runs {@code write} until it succeeds, once per checkpoint interval, for at most {@link #OUTAGE}; then throws
     * the last failure. Keeper threads only.
     */
    private int retrying(Supplier<Integer> write, String what) {
        long deadline = System.nanoTime() + OUTAGE.toNanos();
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("run %s: could not save %s (%s); retrying", MDC.get("runId"), what, e.getMessage());
                try {
                    Thread.sleep(checkpoint.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Saves how the run ended; returns the run as saved, or null if it was deleted meanwhile. */
    private RunView finish(Execution run, Instant startedAt, RunResult result) {
        boolean interrupted = stopping && result.status() == RunStatus.CANCELLED;
        RunState status = RunState.RUNNING.to(interrupted ? RunState.INTERRUPTED : RunState.of(result.status()));
        String reason = interrupted ? "the service shut down during the run" : result.reason();
        if (local.isDeleted(run.runId())) {
            return null;
        }
        String resultJson = views.write(views.result(result, run.graph()));
        Instant finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int saved = retrying(
                () -> awaitDb(() -> runs.finish(
                        run.runId(),
                        status,
                        reason,
                        finishedAt,
                        resultJson,
                        result.makespanMillis(),
                        result.eventCount())),
                "its final status");
        bus.finalStatus(run.runId());
        registry.counter("interleave.runs.finished", "status", status.wireName())
                .increment();
        LOG.infof("run %s %s in %.1f ms", run.runId(), status.wireName(), result.makespanMillis());
        if (saved == 0) {
            return null; // ended otherwise meanwhile (its lease was swept): watchers read what was saved
        }
        var finished = run.saved()
                .finished(
                        status,
                        reason,
                        startedAt,
                        finishedAt,
                        resultJson,
                        result.makespanMillis(),
                        result.eventCount());
        return views.run(finished, false);
    }

    private void failQuietly(String runId, RuntimeException cause) {
        try {
            awaitDb(() -> runs.finish(
                    runId, RunState.FAILED, "the service failed while it ran the run", Instant.now(), null, null, 0));
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

    /** Shutdown: stops every executing run; keepers save them as interrupted. */
    void stopAll() {
        stopping = true;
        local.stopAll();
    }
}
