package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.run.Timeline;

/** One lane; tasks run one at a time in topological order, the earliest-declared ready task first. */
public final class SequentialScheduler implements Scheduler {

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        new ListScheduling(1, new ReadyQueue.ByDeclaration(), false).run(timeline, clock, stop);
    }
}
