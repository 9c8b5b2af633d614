package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.List;

/** One real lane that is the scheduler's own thread: {@link #start} does the work before it returns. */
final class InlineLanes implements Lanes {

    private final Clock clock;
    private final StopSignal stop;
    private Lanes.Completion pending;

    InlineLanes(Clock clock, StopSignal stop) {
        this.clock = clock;
        this.stop = stop;
    }

    @Override
    public void start(int lane, int task, TaskKind kind, long durationNanos) {
        if (lane != 0 || pending != null) {
            throw new IllegalStateException("the inline lane is busy or lane " + lane + " does not exist");
        }
        boolean completed = clock.occupy(kind, durationNanos, stop);
        pending = new Lanes.Completion(0, task, clock.nanos(), completed);
    }

    @Override
    public List<Lanes.Completion> awaitCompletions() {
        if (pending == null) {
            return List.of();
        }
        var done = pending;
        pending = null;
        return List.of(done);
    }

    @Override
    public void close() {
        pending = null;
    }
}
