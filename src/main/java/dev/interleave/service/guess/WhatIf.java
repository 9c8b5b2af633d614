package dev.interleave.service.guess;

import dev.interleave.engine.Engine;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Predictions under a wrong mental model: the same graph with some tasks turned into awaitable waits, without
 * its limits, or on another scheduler. A misconception is detected when a guess lands on one of these numbers
 * and the truth does not. Each prediction is simulated at most once per grading.
 */
final class WhatIf {

    private final Engine engine;
    private final TaskGraph graph;
    private final Map<String, Double> memo = new HashMap<>();

    WhatIf(Engine engine, TaskGraph graph) {
        this.engine = engine;
        this.graph = graph;
    }

    /** The most workers a what-if may give a pool: the engine's limit. */
    int maxWorkers() {
        return engine.limits().maxWorkers();
    }

    /** The makespan on {@code scheduler} of the graph as it is. */
    double makespanMs(SchedulerSpec scheduler) {
        return memo.computeIfAbsent(
                "as-is " + scheduler, k -> simulate(graph, scheduler).makespanMillis());
    }

    /** The makespan if {@code ids} were awaitable waits ({@code await asyncio.sleep}) instead of holding. */
    double makespanAsWaitsMs(Set<String> ids, SchedulerSpec scheduler) {
        return memo.computeIfAbsent("as-io " + new java.util.TreeSet<>(ids) + " " + scheduler, k -> {
            var spec = graph.toSpec();
            var tasks = spec.tasks().stream()
                    .map(t -> ids.contains(t.id())
                            ? new TaskSpec(
                                    t.id(), TaskKind.IO.wireName(), t.ms(), t.label(), t.after(), t.limit(), null)
                            : t)
                    .toList();
            return simulate(valid(new GraphSpec(spec.name(), spec.limits(), tasks)), scheduler)
                    .makespanMillis();
        });
    }

    /** The makespan if the graph had no limits (no semaphores). */
    double makespanWithoutLimitsMs(SchedulerSpec scheduler) {
        return memo.computeIfAbsent("no-limits " + scheduler, k -> {
            var spec = graph.toSpec();
            var tasks = spec.tasks().stream()
                    .map(t -> new TaskSpec(t.id(), t.kind(), t.ms(), t.label(), t.after(), null, t.offload()))
                    .toList();
            return simulate(valid(new GraphSpec(spec.name(), null, tasks)), scheduler)
                    .makespanMillis();
        });
    }

    private RunResult simulate(TaskGraph g, SchedulerSpec scheduler) {
        return engine.simulate(g, scheduler, false);
    }

    /** The variants keep the graph's size, so limits of the graph's own size always admit them. */
    private TaskGraph valid(GraphSpec spec) {
        return new GraphValidator(new GraphLimits(Math.max(1, graph.size()), graph.edgeCount())).validOrThrow(spec);
    }
}
