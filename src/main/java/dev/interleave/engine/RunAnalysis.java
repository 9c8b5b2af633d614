package dev.interleave.engine;

import dev.interleave.engine.graph.GraphMetrics;
import dev.interleave.engine.run.TaskState;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;

/**
 * What a run's numbers mean: how close it came to what is possible.
 *
 * @param metrics              graph facts: total work, loop-holding work, critical path
 * @param lowerBoundNanos      no schedule of this run's kind can beat this
 * @param sequentialBoundNanos total work: what the sequential scheduler takes
 * @param eventLoopBoundNanos  max(critical path, cpu + blocking work)
 * @param parallelBoundNanos   max(critical path, total work / workers) for this run's worker count
 *                             ({@code parallelWorkers}, the run's own or 1 for one-lane schedulers)
 * @param laneBusyNanos        per lane, the time it was held by work
 * @param utilisation          per lane, busy time / makespan (0 when the makespan is 0)
 * @param speedupVsSequential  total work / makespan (1 when the makespan is 0)
 */
public record RunAnalysis(
        GraphMetrics metrics,
        long lowerBoundNanos,
        long sequentialBoundNanos,
        long eventLoopBoundNanos,
        long parallelBoundNanos,
        int parallelWorkers,
        long[] laneBusyNanos,
        double[] utilisation,
        double speedupVsSequential) {

    public static RunAnalysis of(
            GraphMetrics metrics, SchedulerSpec scheduler, List<TaskTiming> timings, long makespanNanos) {
        return of(metrics, scheduler, scheduler.laneCount(), timings, makespanNanos);
    }

    /** @param lanes the run's lanes: the scheduler's, plus an event loop's executor threads when it offloads */
    public static RunAnalysis of(
            GraphMetrics metrics, SchedulerSpec scheduler, int lanes, List<TaskTiming> timings, long makespanNanos) {
        int workers = scheduler.laneCount();
        long[] busy = laneBusy(scheduler, lanes, timings);
        double[] utilisation = new double[busy.length];
        for (int lane = 0; lane < busy.length; lane++) {
            utilisation[lane] = makespanNanos == 0 ? 0 : (double) busy[lane] / makespanNanos;
        }
        double speedup = makespanNanos == 0 ? 1 : (double) metrics.totalWorkNanos() / makespanNanos;
        return new RunAnalysis(
                metrics,
                scheduler.lowerBoundNanos(metrics),
                new SchedulerSpec.Sequential().lowerBoundNanos(metrics),
                new SchedulerSpec.EventLoop().lowerBoundNanos(metrics),
                new SchedulerSpec.Parallel(workers).lowerBoundNanos(metrics),
                workers,
                busy,
                utilisation,
                speedup);
    }

    /** On the event loop an io task holds nothing while it waits; elsewhere every task holds its lane. */
    private static long[] laneBusy(SchedulerSpec scheduler, int lanes, List<TaskTiming> timings) {
        long[] busy = new long[lanes];
        boolean ioHoldsLane = !(scheduler instanceof SchedulerSpec.EventLoop);
        for (TaskTiming t : timings) {
            boolean worked = t.startNanos() != TaskTiming.ABSENT
                    && t.endNanos() != TaskTiming.ABSENT
                    && t.state() != TaskState.PENDING
                    && t.lane() >= 0;
            if (worked && (ioHoldsLane || t.kind().holdsLoop())) {
                busy[t.lane()] += t.endNanos() - t.startNanos();
            }
        }
        return busy;
    }
}
