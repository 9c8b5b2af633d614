package dev.interleave.engine.run;

import dev.interleave.engine.graph.TaskKind;

/**
 * Where and when one task ran, in nanoseconds since run start; {@link #ABSENT} where a time does not apply
 * (e.g. timer times for a cpu task) or was never reached (a cancelled task has no end).
 *
 * @param readyNanos    when its last dependency finished (0 without dependencies): from here on it could work
 * @param startNanos    when its work started (for an io task on the event loop: when its timer was armed)
 * @param endNanos      when it finished
 * @param dueNanos      event loop io: when its timer was due
 * @param callbackNanos event loop io: when the loop ran its timer callback
 * @param resumedNanos  event loop io: when the task resumed after the sleep
 */
public record TaskTiming(
        String id,
        TaskKind kind,
        int lane,
        TaskState state,
        long readyNanos,
        long startNanos,
        long endNanos,
        long dueNanos,
        long callbackNanos,
        long resumedNanos) {

    public static final long ABSENT = -1;

    /** Time between due and resumed: how long a finished wait went unnoticed by a busy loop. */
    public long stallNanos() {
        return dueNanos == ABSENT || resumedNanos == ABSENT ? 0 : resumedNanos - dueNanos;
    }

    /** Time between ready and start: how long the task waited for a lane or for the loop. */
    public long queuedNanos() {
        return startNanos == ABSENT ? 0 : Math.max(0, startNanos - readyNanos);
    }
}
