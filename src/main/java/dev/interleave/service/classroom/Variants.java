package dev.interleave.service.classroom;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskSpec;
import java.util.SplittableRandom;

/**
 * Per-student variants of a step's graph: every task's duration scaled by a factor in [0.7, 1.3] and rounded to
 * 10 ms (0 ms stays 0, a wait never reaches 0, nothing exceeds the 60 s limit), drawn from the class's seed, the
 * student's seat and the step. The same inputs give the same variant on every instance; structure, kinds and
 * limits never change, so the lesson of the step is the same for everyone while the numbers are not.
 */
public final class Variants {

    static final double SPREAD = 0.3;

    private Variants() {}

    /** The graph seat {@code seat} sees at {@code step}; seat 0 (the teacher's view) is the graph itself. */
    public static GraphSpec of(GraphSpec graph, long classSeed, int seat, int step) {
        if (seat == 0) {
            return graph;
        }
        var random = new SplittableRandom(classSeed ^ (seat * 0x9E3779B97F4A7C15L) ^ ((long) step << 32));
        var tasks = graph.tasks().stream()
                .map(t -> {
                    double factor = 1 - SPREAD + 2 * SPREAD * random.nextDouble();
                    return withMs(t, perturbed(t.ms(), factor));
                })
                .toList();
        return new GraphSpec(graph.name(), graph.limits(), tasks);
    }

    static double perturbed(Double ms, double factor) {
        if (ms == null || ms == 0) {
            return ms == null ? 0 : ms;
        }
        double scaled = Math.round(ms * factor / 10) * 10.0;
        return Math.min(60_000, Math.max(10, scaled));
    }

    private static TaskSpec withMs(TaskSpec t, double ms) {
        return new TaskSpec(t.id(), t.kind(), ms, t.label(), t.after(), t.limit(), t.offload());
    }
}
