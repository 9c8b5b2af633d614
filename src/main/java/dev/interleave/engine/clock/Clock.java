package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;

/**
 * What time is and what it costs to spend it. Schedulers are written once against this interface and run either
 * for real ({@link SystemClock}: real waits, real CPU work, real threads) or in virtual time
 * ({@link VirtualClock}: instant and deterministic), which is how every run gets its prediction.
 *
 * <p>A clock belongs to one run; its time starts at 0 when the run starts and never moves backwards.
 */
public sealed interface Clock permits SystemClock, VirtualClock {

    /** Nanoseconds since the run started. */
    long nanos();

    /** Waits, on the calling thread, until {@link #nanos()} reaches {@code deadlineNanos} or the run stops. */
    void awaitUntil(long deadlineNanos, StopSignal stop);

    /**
     * Holds the calling thread the way a task of {@code kind} does for {@code durationNanos}: CPU work burns
     * thread CPU time, the other kinds wait. Returns false if the run stopped first (the work is abandoned).
     */
    boolean occupy(TaskKind kind, long durationNanos, StopSignal stop);

    /** Opens {@code count} lanes that run tasks, each on its own thread for a real clock. */
    Lanes openLanes(int count, StopSignal stop);

    /** True for the prediction clock. */
    boolean isVirtual();
}
