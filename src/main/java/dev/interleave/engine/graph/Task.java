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
 * @param limit         index of the graph limit its work runs under ({@link TaskGraph#limitName}), or -1
 * @param offload       its work runs on an executor thread under the event loop ({@code asyncio.to_thread})
 */
public record Task(
        int index, String id, TaskKind kind, double ms, long durationNanos, String label, int limit, boolean offload) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must be >= 0, was " + durationNanos + " ns");
        }
        if (offload && kind == TaskKind.IO) {
            throw new IllegalArgumentException("an io task cannot be offloaded");
        }
    }

    /** A task without a limit, not offloaded. */
    public Task(int index, String id, TaskKind kind, double ms, long durationNanos, String label) {
        this(index, id, kind, ms, durationNanos, label, -1, false);
    }

    static long nanosOf(double ms) {
        return Math.round(ms * 1_000_000d);
    }
}
