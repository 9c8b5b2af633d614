package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Schedule-independent facts about a graph, the inputs of every lower bound.
 *
 * @param totalWorkNanos        sum of all durations: what one lane needs
 * @param loopHoldingWorkNanos  sum of the cpu and blocking_io durations that are not offloaded: what an event loop
 *                              cannot overlap
 * @param criticalPathNanos     longest dependency chain by duration: what no number of lanes can beat
 * @param criticalPath          the ids on that chain, first to last (ties go to the earlier-declared task)
 * @param cpuWorkNanos          sum of cpu durations: what one GIL serialises, whatever the number of threads
 * @param offloadedWorkNanos    sum of offloaded durations: what an event loop's default executor must run
 * @param limitBoundNanos       over the graph's limits, the largest (work under the limit / its value): a
 *                              limit of k lets at most k of its tasks work at once (0 without limits)
 */
public record GraphMetrics(
        long totalWorkNanos,
        long loopHoldingWorkNanos,
        long criticalPathNanos,
        List<String> criticalPath,
        long cpuWorkNanos,
        long offloadedWorkNanos,
        long limitBoundNanos) {

    public GraphMetrics {
        criticalPath = List.copyOf(criticalPath);
    }

    /** Computes the metrics; {@link TaskGraph#metrics()} keeps them, so prefer that. */
    static GraphMetrics of(TaskGraph graph) {
        int n = graph.size();
        long total = 0;
        long holding = 0;
        long cpu = 0;
        long offloaded = 0;
        long[] underLimit = new long[graph.limitCount()];
        long[] finish = new long[n];
        int[] via = new int[n];
        for (int task : graph.topologicalOrder()) {
            long duration = graph.durationNanos(task);
            total += duration;
            if (graph.kind(task).holdsLoop() && !graph.offloaded(task)) {
                holding += duration;
            }
            cpu += graph.kind(task) == TaskKind.CPU ? duration : 0;
            offloaded += graph.offloaded(task) ? duration : 0;
            if (graph.limit(task) >= 0) {
                underLimit[graph.limit(task)] += duration;
            }
            long start = 0;
            via[task] = -1;
            for (int k = 0; k < graph.dependencyCount(task); k++) {
                int dep = graph.dependency(task, k);
                if (via[task] < 0 || finish[dep] > start || (finish[dep] == start && dep < via[task])) {
                    start = finish[dep];
                    via[task] = dep;
                }
            }
            finish[task] = start + duration;
        }
        int last = 0;
        for (int i = 1; i < n; i++) {
            if (finish[i] > finish[last]) {
                last = i;
            }
        }
        var path = new ArrayList<String>();
        for (int t = last; t >= 0; t = via[t]) {
            path.add(graph.id(t));
        }
        Collections.reverse(path);
        long limitBound = 0;
        for (int limit = 0; limit < underLimit.length; limit++) {
            int k = graph.limitValue(limit);
            limitBound = Math.max(limitBound, (underLimit[limit] + k - 1) / k);
        }
        return new GraphMetrics(total, holding, n == 0 ? 0 : finish[last], path, cpu, offloaded, limitBound);
    }
}
