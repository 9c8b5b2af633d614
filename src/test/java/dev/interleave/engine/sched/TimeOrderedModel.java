package dev.interleave.engine.sched;

import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskGraph;
import java.util.PriorityQueue;

/**
 * A naive event-loop model for comparison only: tasks are served in order of the time they become ready (ties by
 * declaration); cpu and blocking work take turns on the loop; an io wait ends exactly when it is due, as if the
 * loop noticed at once. It knows nothing of passes, hops or callbacks, which is what {@link CPythonParityTest}
 * shows it gets wrong.
 */
final class TimeOrderedModel {

    private TimeOrderedModel() {}

    /** End time of every task, in nanoseconds, by declaration index. */
    static long[] ends(TaskGraph graph) {
        int n = graph.size();
        long[] ends = new long[n];
        long[] readyAt = new long[n];
        int[] waitingOn = new int[n];
        // (ready time, declaration index), packed as two longs in an array
        var ready =
                new PriorityQueue<long[]>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int task = 0; task < n; task++) {
            waitingOn[task] = graph.dependenciesOf(task).length;
            if (waitingOn[task] == 0) {
                ready.add(new long[] {0, task});
            }
        }
        long loopFree = 0;
        while (!ready.isEmpty()) {
            long[] next = ready.poll();
            int task = (int) next[1];
            Task t = graph.task(task);
            if (t.kind().holdsLoop()) {
                long start = Math.max(next[0], loopFree);
                ends[task] = start + t.durationNanos();
                loopFree = ends[task];
            } else {
                ends[task] = next[0] + t.durationNanos();
            }
            for (int dependent : graph.dependentsOf(task)) {
                readyAt[dependent] = Math.max(readyAt[dependent], ends[task]);
                if (--waitingOn[dependent] == 0) {
                    ready.add(new long[] {readyAt[dependent], dependent});
                }
            }
        }
        return ends;
    }
}
