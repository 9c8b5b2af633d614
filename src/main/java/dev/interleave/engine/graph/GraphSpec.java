package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task graph as a user wrote it (the public JSON contract), before validation.
 *
 * @param limits named concurrency limits ({@code asyncio.Semaphore} / {@code threading.Semaphore} values), in the
 *               order written; null when the graph has none. Values are numbers so that the validator can refuse
 *               a fraction rather than have it rounded.
 */
public record GraphSpec(String name, Map<String, Number> limits, List<TaskSpec> tasks) {

    public GraphSpec {
        // Null elements are kept on purpose: the validator reports them with their index.
        tasks = tasks == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(tasks));
        limits = limits == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** A graph without limits. */
    public GraphSpec(String name, List<TaskSpec> tasks) {
        this(name, null, tasks);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Fluent construction for code and tests: {@code GraphSpec.named("x").io("a", 2000).cpu("c", 500, "a")}. */
    public static final class Builder {
        private final String name;
        private final List<TaskSpec> tasks = new ArrayList<>();
        private Map<String, Number> limits;

        private Builder(String name) {
            this.name = name;
        }

        public Builder io(String id, double ms, String... after) {
            return add(TaskSpec.of(id, TaskKind.IO, ms, after));
        }

        public Builder cpu(String id, double ms, String... after) {
            return add(TaskSpec.of(id, TaskKind.CPU, ms, after));
        }

        public Builder blocking(String id, double ms, String... after) {
            return add(TaskSpec.of(id, TaskKind.BLOCKING_IO, ms, after));
        }

        public Builder limit(String limitName, int value) {
            if (limits == null) {
                limits = new LinkedHashMap<>();
            }
            limits.put(limitName, value);
            return this;
        }

        public Builder add(TaskSpec task) {
            tasks.add(task);
            return this;
        }

        public GraphSpec build() {
            return new GraphSpec(name, limits, tasks);
        }

        /** Validates with default limits; throws {@link GraphInvalidException} listing every problem. */
        public TaskGraph graph() {
            return graph(GraphLimits.DEFAULT);
        }

        public TaskGraph graph(GraphLimits limits) {
            return new GraphValidator(limits).validOrThrow(build());
        }
    }
}
