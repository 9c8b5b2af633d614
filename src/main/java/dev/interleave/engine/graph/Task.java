package dev.interleave.engine.graph;

import java.util.Objects;

/**
 * A validated task, addressed by its declaration index.
 *
 * @param index         position in the graph's declaration order (0-based); ties are broken by it everywhere
 * @param id            unique id
 * @param kind          what it does with its thread
 * @param ms            duration as the user wrote it, in milliseconds
 * @param durationNanos the same duration in nanoseconds, rounded
 * @param label         free text, may be null
 */
public record Task(int index, String id, TaskKind kind, double ms, long durationNanos, String label) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must be >= 0, was " + durationNanos + " ns");
        }
    }

    static long nanosOf(double ms) {
        return Math.round(ms * 1_000_000d);
    }
}
