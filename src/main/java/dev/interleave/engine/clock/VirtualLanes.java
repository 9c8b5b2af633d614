package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lanes in virtual time: a started task is done at start + duration. Completions due at the same instant are
 * returned together, by lane, and the clock jumps to that instant.
 */
final class VirtualLanes implements Lanes {

    private final VirtualClock clock;
    private final StopSignal stop;
    private final boolean[] busy;
    private final PriorityQueue<Lanes.Completion> running = new PriorityQueue<>((a, b) -> a.endNanos() != b.endNanos()
            ? Long.compare(a.endNanos(), b.endNanos())
            : Integer.compare(a.lane(), b.lane()));

    VirtualLanes(VirtualClock clock, int count, StopSignal stop) {
        this.clock = clock;
        this.stop = stop;
        this.busy = new boolean[count];
    }

    @Override
    public void start(int lane, int task, TaskKind kind, long durationNanos) {
        if (busy[lane]) {
            throw new IllegalStateException("lane " + lane + " is busy");
        }
        busy[lane] = true;
        running.add(new Lanes.Completion(lane, task, clock.nanos() + durationNanos, true));
    }

    @Override
    public List<Lanes.Completion> awaitCompletions() {
        if (running.isEmpty() || stop.isStopped()) {
            return List.of();
        }
        long end = running.peek().endNanos();
        var done = new ArrayList<Lanes.Completion>();
        while (!running.isEmpty() && running.peek().endNanos() == end) {
            var completion = running.poll();
            busy[completion.lane()] = false;
            done.add(completion);
        }
        clock.advanceTo(end);
        return done;
    }

    @Override
    public void close() {
        running.clear();
    }
}
