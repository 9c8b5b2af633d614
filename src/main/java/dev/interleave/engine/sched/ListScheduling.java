package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;
import dev.interleave.engine.clock.Lanes;
import dev.interleave.engine.clock.StopSignal;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.Timeline;
import java.util.Arrays;
import java.util.List;

/**
 * List scheduling on a fixed number of lanes, shared by the sequential and parallel schedulers; they differ only
 * in the order of their ready queue.
 *
 * <p>Invariants:
 * <ol>
 *   <li>Only the scheduler's thread touches this state; lanes report through {@link Lanes#awaitCompletions}.</li>
 *   <li>A task enters the ready queue once, when its last dependency finishes; tasks that become ready in one
 *       batch of completions enter in declaration order.</li>
 *   <li>A free lane takes the head of the ready queue at once; the lowest free lane goes first. Every kind of
 *       task holds its lane for its whole duration.</li>
 *   <li>A task with a limit takes a unit of it on its lane before it works; with none left it waits there,
 *       holding the lane (a semaphore inside the submitted function). A finishing task's unit goes to the
 *       limit's longest waiter, which starts at once. With one lane a limit never makes anyone wait.</li>
 * </ol>
 */
final class ListScheduling {

    private final int laneCount;
    private final ReadyQueue ready;
    /** Emit limit_wait / limit_taken: off for sequential, where a limit changes nothing. */
    private final boolean reportLimits;
    /** Per limit: units left and the tasks waiting for one (each holding its lane), longest first. */
    private int[] limitValue;

    private IntFifo[] limitWaiters;
    /** The lane a waiting task holds. */
    private int[] laneOf;

    ListScheduling(int laneCount, ReadyQueue ready, boolean reportLimits) {
        this.laneCount = laneCount;
        this.ready = ready;
        this.reportLimits = reportLimits;
    }

    void run(Timeline timeline, Clock clock, StopSignal stop) {
        TaskGraph graph = timeline.graph();
        int[] waitingOn = new int[graph.size()];
        for (int task = 0; task < graph.size(); task++) {
            waitingOn[task] = graph.dependencyCount(task);
            if (waitingOn[task] == 0) {
                ready.add(task);
                timeline.ready(task);
            }
        }
        try (Lanes lanes = clock.openLanes(laneCount, stop)) {
            boolean[] busy = new boolean[laneCount];
            limitValue = new int[graph.limitCount()];
            limitWaiters = new IntFifo[graph.limitCount()];
            for (int limit = 0; limit < limitValue.length; limit++) {
                limitValue[limit] = graph.limitValue(limit);
                limitWaiters[limit] = new IntFifo();
            }
            laneOf = new int[graph.size()];
            int running = 0;
            while (!stop.isStopped()) {
                running += startReadyTasks(timeline, graph, lanes, busy);
                if (running == 0) {
                    return;
                }
                List<Lanes.Completion> done = lanes.awaitCompletions();
                if (stop.isStopped()) {
                    return;
                }
                running -= done.size();
                running += finish(timeline, graph, lanes, done, busy, waitingOn);
            }
        }
    }

    private int startReadyTasks(Timeline timeline, TaskGraph graph, Lanes lanes, boolean[] busy) {
        int started = 0;
        for (int lane = 0; lane < laneCount && !ready.isEmpty(); lane++) {
            if (!busy[lane]) {
                int task = ready.poll();
                busy[lane] = true;
                int limit = graph.limit(task);
                if (limit >= 0 && limitValue[limit] == 0) {
                    laneOf[task] = lane;
                    limitWaiters[limit].add(task); // holds the lane while it waits
                    if (reportLimits) {
                        timeline.limitWait(task, lane);
                    }
                    continue;
                }
                if (limit >= 0) {
                    limitValue[limit]--;
                    if (reportLimits) {
                        timeline.limitTaken(task, lane);
                    }
                }
                timeline.workStarted(task, lane);
                lanes.start(lane, task, graph.kind(task), graph.durationNanos(task));
                started++;
            }
        }
        return started;
    }

    /** Records the completions and queues what became ready; returns how many limit waiters started. */
    private int finish(
            Timeline timeline,
            TaskGraph graph,
            Lanes lanes,
            List<Lanes.Completion> done,
            boolean[] busy,
            int[] waitingOn) {
        int[] nowReady = new int[0];
        int count = 0;
        int started = 0;
        for (var completion : done) {
            int task = completion.task();
            busy[completion.lane()] = false;
            timeline.finished(task, completion.lane(), completion.endNanos());
            int limit = graph.limit(task);
            if (limit >= 0 && !limitWaiters[limit].isEmpty()) {
                int waiter = limitWaiters[limit].poll(); // the unit passes straight to it
                if (reportLimits) {
                    timeline.limitTaken(waiter, laneOf[waiter]);
                }
                timeline.workStarted(waiter, laneOf[waiter]);
                lanes.start(laneOf[waiter], waiter, graph.kind(waiter), graph.durationNanos(waiter));
                started++;
            } else if (limit >= 0) {
                limitValue[limit]++;
            }
            for (int k = 0; k < graph.dependentCount(task); k++) {
                int dependent = graph.dependent(task, k);
                if (--waitingOn[dependent] == 0) {
                    if (count == nowReady.length) {
                        nowReady = Arrays.copyOf(nowReady, Math.max(4, count * 2));
                    }
                    nowReady[count++] = dependent;
                }
            }
        }
        Arrays.sort(nowReady, 0, count);
        for (int i = 0; i < count; i++) {
            ready.add(nowReady[i]);
            timeline.ready(nowReady[i]);
        }
        return started;
    }
}
