package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.run.Timeline;

/**
 * Runs every task of a graph, reporting through a {@link Timeline}. Written once against {@link Clock}, so the
 * same code gives the prediction (virtual clock) and the measurement (system clock).
 *
 * <p>{@link #run} returns when every task finished or when {@code stop} was signalled; it does not emit the
 * run-level events (the engine does).
 */
public sealed interface Scheduler permits SequentialScheduler, ParallelScheduler, EventLoopScheduler, ThreadsScheduler {

    void run(Timeline timeline, Clock clock, StopSignal stop);

    static Scheduler of(SchedulerSpec spec) {
        return switch (spec) {
            case SchedulerSpec.Sequential s -> new SequentialScheduler();
            case SchedulerSpec.EventLoop e -> new EventLoopScheduler(e.executorThreads());
            case SchedulerSpec.Threads t -> new ThreadsScheduler(t);
            case SchedulerSpec.Parallel p -> new ParallelScheduler(p.workers());
        };
    }
}
