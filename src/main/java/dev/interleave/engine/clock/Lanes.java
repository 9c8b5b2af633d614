package dev.interleave.engine.clock;

import dev.interleave.engine.graph.TaskKind;
import java.util.List;

/**
 * A fixed set of lanes (workers) that each run one task at a time and report when it is done. Used only from
 * the scheduler's thread.
 */
public interface Lanes extends AutoCloseable {

    /** Starts task {@code task} (a declaration index) of {@code kind} on {@code lane}, which must be idle. */
    void start(int lane, int task, TaskKind kind, long durationNanos);

    /**
     * Waits until at least one started task is done, then returns every completion available, earliest first.
     * Returns an empty list when the run stopped while waiting.
     */
    List<Completion> awaitCompletions();

    /** Abandons running work and releases the lanes' threads; idempotent. */
    @Override
    void close();

    /**
     * @param completed false when the task was abandoned because the run stopped
     */
    record Completion(int lane, int task, long endNanos, boolean completed) {}
}
