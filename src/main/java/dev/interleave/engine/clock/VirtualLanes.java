package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lanes in virtual time: a started task is done at start + duration. Completions due at the same instant are
 * returned together, by lane, and the clock jumps to that instant. There are at most a few dozen lanes, so the
 * next completion is found by a scan, which beats a heap at that size.
 */
final class VirtualLanes implements Lanes {

    private static final long IDLE = Long.MAX_VALUE;

    private final VirtualClock clock;
    private final StopSignal stop;
    /** Per lane: when its task is done, or {@link #IDLE}. */
    private final long[] endAt;

    private final int[] taskOn;
    private int busy;

    VirtualLanes(VirtualClock clock, int count, StopSignal stop) {
        this.clock = clock;
        this.stop = stop;
        this.endAt = new long[count];
        this.taskOn = new int[count];
        Arrays.fill(endAt, IDLE);
    }

    @Override
    public void start(int lane, int task, TaskKind kind, long durationNanos) {
        if (endAt[lane] != IDLE) {
            throw new IllegalStateException("lane " + lane + " is busy");
        }
        endAt[lane] = clock.nanos() + durationNanos;
        taskOn[lane] = task;
        busy++;
    }

    @Override
    public List<Lanes.Completion> awaitCompletions() {
        if (busy == 0 || stop.isStopped()) {
            return List.of();
        }
        long end = IDLE;
        for (long at : endAt) {
            end = Math.min(end, at);
        }
        var done = new ArrayList<Lanes.Completion>(2);
        for (int lane = 0; lane < endAt.length; lane++) {
            if (endAt[lane] == end) {
                done.add(new Lanes.Completion(lane, taskOn[lane], end, true));
                endAt[lane] = IDLE;
                busy--;
            }
        }
        clock.advanceTo(end);
        return done;
    }

    @Override
    public void close() {
        Arrays.fill(endAt, IDLE);
        busy = 0;
    }
}
