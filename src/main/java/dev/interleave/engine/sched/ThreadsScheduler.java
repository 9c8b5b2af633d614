package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.run.Timeline;

/** Placeholder while the model is written. */
public final class ThreadsScheduler implements Scheduler {
    ThreadsScheduler(SchedulerSpec.Threads spec) {}

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        throw new UnsupportedOperationException();
    }
}
