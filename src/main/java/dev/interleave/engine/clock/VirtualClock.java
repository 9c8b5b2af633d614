package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;

/**
 * Virtual time: nothing waits and nothing burns; time jumps to the next thing that happens. Deterministic, so a
 * run on it is the prediction. Confined to the scheduler's thread.
 */
public final class VirtualClock implements Clock {

    // Only the scheduler's thread reads or writes it; never decreases.
    private long now;

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public void awaitUntil(long deadlineNanos, StopSignal stop) {
        advanceTo(deadlineNanos);
    }

    @Override
    public boolean occupy(TaskKind kind, long durationNanos, StopSignal stop) {
        now += durationNanos;
        return !stop.isStopped();
    }

    @Override
    public Lanes openLanes(int count, StopSignal stop) {
        return new VirtualLanes(this, count, stop);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }
}
