package dev.interleave.engine.graph;

import java.util.List;

/**
 * One task as a user wrote it, before validation: any field may be missing or wrong, so that
 * {@link GraphValidator} can report every problem at once.
 *
 * @param id      unique within the graph
 * @param kind    {@code io}, {@code blocking_io} or {@code cpu}
 * @param ms      duration in milliseconds, finite, in [0, 60000]
 * @param label   free text for people; never interpreted
 * @param after   ids of the tasks this one awaits, in await order
 * @param limit   name of one of the graph's {@code limits} the work runs under, or null
 * @param offload true to run the work off the event loop ({@code asyncio.to_thread}); blocking_io and cpu only;
 *                null means false
 */
public record TaskSpec(
        String id, String kind, Double ms, String label, List<String> after, String limit, Boolean offload) {

    public TaskSpec {
        after = after == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(after));
    }

    /** A task without a limit or offload: every graph written before those existed. */
    public TaskSpec(String id, String kind, Double ms, String label, List<String> after) {
        this(id, kind, ms, label, after, null, null);
    }

    public static TaskSpec of(String id, TaskKind kind, double ms, String... after) {
        return new TaskSpec(id, kind.wireName(), ms, null, List.of(after));
    }

    public TaskSpec withLabel(String newLabel) {
        return new TaskSpec(id, kind, ms, newLabel, after, limit, offload);
    }

    public TaskSpec withLimit(String newLimit) {
        return new TaskSpec(id, kind, ms, label, after, newLimit, offload);
    }

    public TaskSpec offloaded() {
        return new TaskSpec(id, kind, ms, label, after, limit, true);
    }
}
