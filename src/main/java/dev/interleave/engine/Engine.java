package dev.interleave.engine;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.clock.SystemClock;
import dev.interleave.engine.clock.VirtualClock;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunListener;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.run.Timeline;
import dev.interleave.engine.sched.Scheduler;
import dev.interleave.engine.sched.SchedulerSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs task graphs, in virtual time ({@link #simulate}) or for real ({@link #start}), inside the sandbox of its
 * {@link EngineLimits}. Real runs execute on threads the engine owns, never on the caller's thread.
 */
public final class Engine implements AutoCloseable {

    private final EngineLimits limits;
    private final AtomicLong threadIds = new AtomicLong();
    private final ExecutorService runThreads = Executors.newCachedThreadPool(named("interleave-run"));
    private final ExecutorService dispatchThreads = Executors.newCachedThreadPool(named("interleave-events"));
    private final ThreadFactory laneThreads = named("interleave-lane");
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(named("interleave-watchdog"));

    public Engine(EngineLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public EngineLimits limits() {
        return limits;
    }

    /** The prediction: runs {@code graph} in virtual time on the calling thread and keeps every event. */
    public RunResult simulate(TaskGraph graph, SchedulerSpec scheduler) {
        return simulate(graph, scheduler, true);
    }

    /**
     * @param keepEvents false to keep only per-task times (for very large graphs); the event count is still
     *                   reported
     */
    public RunResult simulate(TaskGraph graph, SchedulerSpec scheduler, boolean keepEvents) {
        checkWithinLimits(scheduler);
        var stop = new StopSignal();
        var deadline = watchdog.schedule(
                () -> stop.stop(StopSignal.Reason.TIMED_OUT),
                limits.defaultDeadline().toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            return execute(graph, scheduler, new VirtualClock(), stop, limits.defaultDeadline(), keepEvents, null);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Starts a real run with the default deadline. */
    public RunHandle start(TaskGraph graph, SchedulerSpec scheduler, RunListener listener) {
        return start(graph, scheduler, limits.defaultDeadline(), listener);
    }

    /**
     * Starts a real run on engine threads and returns at once. The listener receives every event on a
     * dispatcher thread, ending with {@link RunEvent.RunFinished}.
     */
    public RunHandle start(TaskGraph graph, SchedulerSpec scheduler, Duration deadline, RunListener listener) {
        checkWithinLimits(scheduler);
        Objects.requireNonNull(deadline, "deadline");
        var stop = new StopSignal();
        var outcome = new CompletableFuture<RunResult>();
        var dispatcher = new EventDispatcher(listener == null ? RunListener.NONE : listener);
        dispatchThreads.execute(dispatcher);
        runThreads.execute(() -> {
            var timeout = watchdog.schedule(
                    () -> stop.stop(StopSignal.Reason.TIMED_OUT), deadline.toNanos(), TimeUnit.NANOSECONDS);
            try {
                outcome.complete(
                        execute(graph, scheduler, new SystemClock(laneThreads), stop, deadline, true, dispatcher));
            } catch (RuntimeException | Error e) {
                dispatcher.abandon(); // no RunFinished will come: let the dispatcher drain and stop
                outcome.completeExceptionally(e);
            } finally {
                timeout.cancel(false);
            }
        });
        return new RunHandle(() -> simulate(graph, scheduler), outcome, stop);
    }

    private RunResult execute(
            TaskGraph graph,
            SchedulerSpec spec,
            Clock clock,
            StopSignal stop,
            Duration deadline,
            boolean keepEvents,
            Consumer<RunEvent> outlet) {
        var timeline = new Timeline(graph, clock, keepEvents, outlet);
        int lanes = laneCount(spec, graph);
        timeline.runStarted(spec.wireName(), lanes);
        RunStatus status = RunStatus.SUCCEEDED;
        String reason = null;
        try {
            Scheduler.of(spec).run(timeline, clock, stop);
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            reason = "the scheduler failed: " + e;
        }
        if (status == RunStatus.SUCCEEDED && stop.isStopped()) {
            status = stop.reason() == StopSignal.Reason.CANCELLED ? RunStatus.CANCELLED : RunStatus.TIMED_OUT;
            reason = stop.reason() == StopSignal.Reason.CANCELLED
                    ? "cancelled on request"
                    : "stopped at the deadline of " + deadline.toMillis() + " ms";
        }
        if (status != RunStatus.SUCCEEDED) {
            timeline.cancelUnfinished();
        }
        timeline.runFinished(status, reason);
        var timings = timeline.timings();
        long makespan = timeline.makespanNanos();
        var analysis = RunAnalysis.of(graph.metrics(), spec, lanes, timings, makespan);
        return new RunResult(
                spec,
                clock.isVirtual(),
                status,
                reason,
                makespan,
                timings,
                timeline.events(),
                timeline.eventCount(),
                analysis);
    }

    /** The run's lanes: an event loop that offloads work adds its default executor's threads after the loop. */
    static int laneCount(SchedulerSpec spec, TaskGraph graph) {
        return spec instanceof SchedulerSpec.EventLoop loop && graph.anyOffloaded()
                ? 1 + loop.executorThreads()
                : spec.laneCount();
    }

    private void checkWithinLimits(SchedulerSpec scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (scheduler.laneCount() > limits.maxWorkers()) {
            throw new IllegalArgumentException(
                    scheduler.describe() + " uses more workers than the limit of " + limits.maxWorkers());
        }
    }

    private ThreadFactory named(String prefix) {
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + threadIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops accepting work; runs in progress are left to their deadlines. */
    @Override
    public void close() {
        runThreads.shutdown();
        dispatchThreads.shutdown();
        watchdog.shutdownNow();
    }
}
