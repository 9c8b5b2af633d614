package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/** Real time: waits park the thread, CPU work burns CPU, lanes are platform threads. */
public final class SystemClock implements Clock {

    private final long originNanos = System.nanoTime();
    private final ThreadFactory laneThreads;

    /** @param laneThreads makes the threads of {@link #openLanes}; the engine names and owns them */
    public SystemClock(ThreadFactory laneThreads) {
        this.laneThreads = Objects.requireNonNull(laneThreads, "laneThreads");
    }

    @Override
    public long nanos() {
        return System.nanoTime() - originNanos;
    }

    @Override
    public void awaitUntil(long deadlineNanos, StopSignal stop) {
        long left;
        while (!stop.isStopped() && (left = deadlineNanos - nanos()) > 0) {
            stop.awaitNanos(left);
        }
    }

    @Override
    public boolean occupy(TaskKind kind, long durationNanos, StopSignal stop) {
        if (kind == TaskKind.CPU) {
            return CpuWork.burn(durationNanos, stop);
        }
        long deadline = nanos() + durationNanos;
        awaitUntil(deadline, stop);
        return nanos() >= deadline;
    }

    @Override
    public Lanes openLanes(int count, StopSignal stop) {
        // One lane needs no hand-off: the scheduler's own thread is that lane.
        return count == 1 ? new InlineLanes(this, stop) : new ThreadLanes(this, count, stop, laneThreads);
    }

    @Override
    public boolean isVirtual() {
        return false;
    }
}
