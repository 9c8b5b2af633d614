package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.run.TaskState;
import dev.interleave.engine.run.TaskTiming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every schedule must have, on random graphs in virtual time, for every scheduler. */
class SchedulerPropertiesTest {

    private static final long SEED = Long.getLong("properties.seed", 7_301L);
    private static final int GRAPHS = 300;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    static Stream<SchedulerSpec> schedulers() {
        return Stream.of(
                new SchedulerSpec.Sequential(),
                new SchedulerSpec.EventLoop(),
                new SchedulerSpec.Parallel(1),
                new SchedulerSpec.Parallel(2),
                new SchedulerSpec.Parallel(3),
                new SchedulerSpec.Parallel(4),
                new SchedulerSpec.Parallel(5));
    }

    @ParameterizedTest
    @MethodSource("schedulers")
    void randomGraphsScheduleCorrectly(SchedulerSpec scheduler) {
        var random = new Random(SEED);
        for (int i = 0; i < GRAPHS; i++) {
            TaskGraph graph = RandomDags.generate(random, 1 + random.nextInt(40), 60, 1 + random.nextInt(4));
            RunResult run = ENGINE.simulate(graph, scheduler);
            String where = "seed " + SEED + ", graph " + i + " on " + scheduler.describe();
            assertThat(run.status()).as(where).isEqualTo(RunStatus.SUCCEEDED);
            everyTaskRunsOnceAfterItsDependencies(graph, run, where);
            eventsAreContiguous(run, where);
            if (scheduler instanceof SchedulerSpec.EventLoop) {
                loopHoldingWorkNeverOverlaps(run, where);
            } else {
                lanesRunOneTaskAtATime(run, scheduler.laneCount(), where);
                noLaneIdlesWhileATaskWaits(run, scheduler.laneCount(), where);
            }
            assertThat(run.makespanNanos())
                    .as(where + ": makespan vs lower bound")
                    .isGreaterThanOrEqualTo(run.analysis().lowerBoundNanos())
                    .isGreaterThanOrEqualTo(run.analysis().metrics().criticalPathNanos());
        }
    }

    static Stream<SchedulerSpec> limitedSchedulers() {
        return Stream.of(
                new SchedulerSpec.Threads(1),
                new SchedulerSpec.Threads(2),
                new SchedulerSpec.Threads(4),
                new SchedulerSpec.Threads(3, false, 2),
                new SchedulerSpec.EventLoop(1),
                new SchedulerSpec.Parallel(3),
                new SchedulerSpec.Sequential());
    }

    /** Graphs with limits (and offloaded work): the general properties, and at most k tasks under a limit k. */
    @ParameterizedTest
    @MethodSource("limitedSchedulers")
    void randomGraphsWithLimitsScheduleCorrectly(SchedulerSpec scheduler) {
        var random = new Random(SEED + 2);
        for (int i = 0; i < GRAPHS; i++) {
            var spec = RandomDags.spec(random, 1 + random.nextInt(30), 60, 1 + random.nextInt(3));
            TaskGraph graph = RandomDags.withLimitsAndOffload(random, spec);
            RunResult run = ENGINE.simulate(graph, scheduler);
            String where = "seed " + (SEED + 2) + ", graph " + i + " on " + scheduler.describe();
            assertThat(run.status()).as(where).isEqualTo(RunStatus.SUCCEEDED);
            everyTaskRunsOnceAfterItsDependencies(graph, run, where);
            eventsAreContiguous(run, where);
            if (!(scheduler instanceof SchedulerSpec.EventLoop)) {
                lanesRunOneTaskAtATime(run, scheduler.laneCount(), where);
            }
            for (int limit = 0; limit < graph.limitCount(); limit++) {
                int under = limit;
                var tasks = run.tasks().stream()
                        .filter(t -> graph.limit(graph.task(t.id()).index()) == under)
                        .toList();
                assertThat(maxBusyLanes(tasks))
                        .as(where + ": tasks working under limit " + graph.limitName(limit))
                        .isLessThanOrEqualTo(graph.limitValue(limit));
            }
            assertThat(run.makespanNanos())
                    .as(where + ": makespan vs lower bound")
                    .isGreaterThanOrEqualTo(run.analysis().lowerBoundNanos());
        }
    }

    private static void everyTaskRunsOnceAfterItsDependencies(TaskGraph graph, RunResult run, String where) {
        Map<String, Integer> finishes = new HashMap<>();
        for (RunEvent event : run.events()) {
            if (event instanceof RunEvent.TaskFinished f) {
                finishes.merge(f.task(), 1, Integer::sum);
            }
        }
        assertThat(finishes)
                .as(where + ": finishes per task")
                .hasSize(graph.size())
                .allSatisfy((id, n) ->
                        assertThat(n).as(where + ": finishes of " + id).isEqualTo(1));
        for (int task = 0; task < graph.size(); task++) {
            TaskTiming t = run.tasks().get(task);
            long duration = graph.task(task).durationNanos();
            assertThat(t.state()).as(where).isEqualTo(TaskState.FINISHED);
            assertThat(t.endNanos())
                    .as(where + ": " + t.id() + " ends after its work")
                    .isGreaterThanOrEqualTo(t.startNanos() + duration);
            for (int dep : graph.dependenciesOf(task)) {
                assertThat(t.startNanos())
                        .as(where + ": " + t.id() + " starts after "
                                + graph.task(dep).id())
                        .isGreaterThanOrEqualTo(run.tasks().get(dep).endNanos());
            }
        }
    }

    private static void eventsAreContiguous(RunResult run, String where) {
        List<RunEvent> events = run.events();
        assertThat(run.eventCount()).as(where).isEqualTo(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).as(where + ": event " + i).isEqualTo(i);
        }
        assertThat(events.getLast()).as(where).isInstanceOf(RunEvent.RunFinished.class);
    }

    /** One thread: cpu and blocking work never overlap, and take exactly their duration. */
    private static void loopHoldingWorkNeverOverlaps(RunResult run, String where) {
        var held = run.tasks().stream()
                .filter(t -> t.kind().holdsLoop())
                .sorted(Comparator.comparingLong(TaskTiming::startNanos).thenComparingLong(TaskTiming::endNanos))
                .toList();
        for (int i = 0; i < held.size(); i++) {
            assertThat(held.get(i).lane()).as(where).isZero();
            if (i > 0) {
                assertThat(held.get(i).startNanos())
                        .as(where + ": " + held.get(i).id() + " overlaps "
                                + held.get(i - 1).id())
                        .isGreaterThanOrEqualTo(held.get(i - 1).endNanos());
            }
        }
    }

    /** Every kind holds its lane: intervals on one lane are disjoint, and no more than N lanes are busy. */
    private static void lanesRunOneTaskAtATime(RunResult run, int lanes, String where) {
        var byLane = new ArrayList<List<TaskTiming>>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(new ArrayList<>());
        }
        for (TaskTiming t : run.tasks()) {
            assertThat(t.lane()).as(where + ": lane of " + t.id()).isBetween(0, lanes - 1);
            byLane.get(t.lane()).add(t);
        }
        for (List<TaskTiming> lane : byLane) {
            lane.sort(Comparator.comparingLong(TaskTiming::startNanos).thenComparingLong(TaskTiming::endNanos));
            for (int i = 1; i < lane.size(); i++) {
                assertThat(lane.get(i).startNanos())
                        .as(where + ": " + lane.get(i).id() + " overlaps "
                                + lane.get(i - 1).id() + " on lane "
                                + lane.get(i).lane())
                        .isGreaterThanOrEqualTo(lane.get(i - 1).endNanos());
            }
        }
        assertThat(maxBusyLanes(run.tasks())).as(where + ": lanes busy at once").isLessThanOrEqualTo(lanes);
    }

    /** List scheduling is work-conserving: while a ready task waits for a lane, every lane is busy. */
    private static void noLaneIdlesWhileATaskWaits(RunResult run, int lanes, String where) {
        for (TaskTiming waiting : run.tasks()) {
            long from = waiting.readyNanos();
            long until = waiting.startNanos();
            var moments = new ArrayList<Long>(List.of(from));
            for (TaskTiming t : run.tasks()) {
                Stream.of(t.startNanos(), t.endNanos())
                        .filter(m -> m > from && m < until)
                        .forEach(moments::add);
            }
            for (long moment : moments) {
                if (moment < until) {
                    long busy = run.tasks().stream()
                            .filter(t -> t.startNanos() <= moment && t.endNanos() > moment)
                            .count();
                    assertThat(busy)
                            .as(where + ": lanes busy at " + moment + " ns while " + waiting.id() + " waits")
                            .isEqualTo(lanes);
                }
            }
        }
    }

    /** Sweep over starts and ends (an end at t frees its lane before a start at t takes one). */
    private static int maxBusyLanes(List<TaskTiming> tasks) {
        var points = new ArrayList<long[]>();
        for (TaskTiming t : tasks) {
            if (t.endNanos() > t.startNanos()) {
                points.add(new long[] {t.startNanos(), 1});
                points.add(new long[] {t.endNanos(), -1});
            }
        }
        points.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        int busy = 0;
        int max = 0;
        for (long[] p : points) {
            busy += (int) p[1];
            max = Math.max(max, busy);
        }
        return max;
    }
}
