package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.run.Timeline;

/**
 * N lanes fed from one FIFO ready queue; every kind of task holds its lane, like a pool of processes making
 * blocking calls. Under a system clock each lane is a real thread.
 */
public final class ParallelScheduler implements Scheduler {

    private final int workers;

    public ParallelScheduler(int workers) {
        if (workers < 1 || workers > SchedulerSpec.MAX_WORKERS) {
            throw new IllegalArgumentException(
                    "workers must be from 1 to " + SchedulerSpec.MAX_WORKERS + ", was " + workers);
        }
        this.workers = workers;
    }

    @Override
    public void run(Timeline timeline, Clock clock, StopSignal stop) {
        new ListScheduling(workers, new ReadyQueue.Fifo(), true).run(timeline, clock, stop);
    }
}
