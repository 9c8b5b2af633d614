package dev.interleave.service.classroom;

import dev.interleave.engine.graph.TaskGraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved challenge as the class capability uses it: immutable once made, with each step's graph validated.
 *
 * @param graphs each step's validated graph, by step index (the base graph; variants derive from its spec)
 */
public record Challenge(
        String id, String ownerId, String title, List<Step> steps, List<TaskGraph> graphs, Instant createdAt) {

    public Challenge {
        steps = List.copyOf(steps);
        graphs = List.copyOf(graphs);
    }

    /** The contract view: no owner id, the steps as saved. */
    public View view() {
        return new View(id, title, steps, createdAt, Map.of("self", "/api/v1/challenges/" + id));
    }

    public record View(String id, String title, List<Step> steps, Instant createdAt, Map<String, String> links) {}
}
