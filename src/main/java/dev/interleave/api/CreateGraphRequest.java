package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskSpec;
import java.util.List;

/** POST /graphs: the graph itself ({@code name}, {@code tasks}), or wrapped as {@code {"graph": {...}}}. */
public record CreateGraphRequest(String name, List<TaskSpec> tasks, GraphSpec graph) {

    GraphSpec spec() {
        return graph != null ? graph : new GraphSpec(name, tasks);
    }
}
