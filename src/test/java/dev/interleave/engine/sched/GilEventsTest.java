package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.run.RunEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The gil_* and limit_* events: what the virtual models emit, and that they tell a consistent story. */
class GilEventsTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static String brief(RunEvent e) {
        return e.type() + " " + e.nanos() / MS + "ms lane " + e.lane() + (e.task() == null ? "" : " " + e.task());
    }

    @Test
    void twoCpuThreadsShowTheMainThreadTheQueueHandOffAndTheForcedSwitch() {
        var graph = GraphSpec.named("gil").cpu("a", 100).cpu("b", 100).graph();
        var events = ENGINE.simulate(graph, new SchedulerSpec.Threads(2)).events().stream()
                .filter(e -> e.type().startsWith("gil_"))
                .map(GilEventsTest::brief)
                .toList();
        assertThat(events.subList(0, 10))
                .containsExactly(
                        "gil_taken 0ms lane -1", // the main thread holds the GIL at the start
                        "gil_released 0ms lane -1", // ... submits a and b, then waits for completions
                        "gil_taken 0ms lane 0", // W0 was handed the queue lock
                        "gil_wait 0ms lane 1", // W1 is handed it when W0 pops a; W0 burns on
                        "gil_released 5ms lane 0 a", // W1's window ends with no switch: a forced drop
                        "gil_taken 5ms lane 1",
                        "gil_wait 5ms lane 0 a",
                        "gil_released 10ms lane 1 b",
                        "gil_taken 10ms lane 0 a",
                        "gil_wait 10ms lane 1 b");
        // 200 ms of cpu in 5 ms turns: about 40 holdings by the workers, then the main thread's last ones.
        long takes = events.stream().filter(e -> e.startsWith("gil_taken")).count();
        assertThat(takes).isBetween(40L, 46L);
    }

    @Test
    void atMostOneThreadHoldsTheGilAndEveryWaitEndsInATake() {
        var random = new Random(3);
        int holdings = 0;
        for (int round = 0; round < 300; round++) {
            TaskGraph graph =
                    RandomDags.withLimitsAndOffload(random, RandomDags.spec(random, 1 + random.nextInt(30), 30, 3));
            var threads = new SchedulerSpec.Threads(1 + random.nextInt(5));
            if (random.nextBoolean()) {
                threads = threads.calibrated(150_000, 100_000);
            }
            holdings += checkGil(ENGINE.simulate(graph, threads).events());
        }
        assertThat(holdings).isGreaterThan(1_000);
    }

    /** Replays the GIL events; returns how many holdings there were. */
    static int checkGil(List<RunEvent> events) {
        Integer holder = null;
        long holderSince = -1;
        var waiting = new HashSet<Integer>();
        int holdings = 0;
        for (RunEvent e : events) {
            switch (e) {
                case RunEvent.GilWait w -> {
                    assertThat(w.lane()).as("a holder does not wait: %s", e).isNotEqualTo(holder);
                    assertThat(waiting.add(w.lane())).as("waits twice: %s", e).isTrue();
                }
                case RunEvent.GilTaken t -> {
                    assertThat(holder).as("taken while held: %s", e).isNull();
                    waiting.remove(t.lane());
                    holder = t.lane();
                    holderSince = t.nanos();
                    holdings++;
                }
                case RunEvent.GilReleased r -> {
                    assertThat(r.lane()).as("released by a non-holder: %s", e).isEqualTo(holder);
                    assertThat(r.nanos()).isGreaterThanOrEqualTo(holderSince);
                    holder = null;
                }
                default -> {}
            }
        }
        assertThat(waiting).as("threads still waiting at the end").isEmpty();
        return holdings;
    }

    @Test
    void withoutTheGilThereAreNoGilEvents() {
        var graph = GraphSpec.named("free").cpu("a", 10).cpu("b", 10).io("c", 5).graph();
        assertThat(ENGINE.simulate(graph, new SchedulerSpec.Threads(2, false, 2))
                        .events())
                .noneMatch(e -> e.type().startsWith("gil_"));
    }

    @Test
    void limitEventsOnEverySchedulerThatHonoursLimits() {
        var random = new Random(8);
        var schedulers =
                List.of(new SchedulerSpec.EventLoop(), new SchedulerSpec.Parallel(3), new SchedulerSpec.Threads(3));
        int waits = 0;
        for (int round = 0; round < 200; round++) {
            TaskGraph graph =
                    RandomDags.withLimitsAndOffload(random, RandomDags.spec(random, 2 + random.nextInt(30), 30, 2));
            for (var scheduler : schedulers) {
                waits += checkLimits(graph, ENGINE.simulate(graph, scheduler).events());
            }
        }
        assertThat(waits).as("limit waits seen").isGreaterThan(500);
    }

    /** Each limited task takes its unit once (after at most one wait); no limit is held by more than its value. */
    private static int checkLimits(TaskGraph graph, List<RunEvent> events) {
        var holding = new HashMap<String, Integer>();
        var holderOf = new HashMap<String, String>();
        var waited = new HashSet<String>();
        int waits = 0;
        for (RunEvent e : events) {
            switch (e) {
                case RunEvent.LimitWait w -> {
                    assertThat(w.limit()).isEqualTo(limitOf(graph, w.task()));
                    assertThat(waited.add(w.task())).as("waits twice: %s", e).isTrue();
                    waits++;
                }
                case RunEvent.LimitTaken t -> {
                    assertThat(t.limit()).isEqualTo(limitOf(graph, t.task()));
                    assertThat(holderOf.put(t.task(), t.limit()))
                            .as("taken twice: %s", e)
                            .isNull();
                    int held = holding.merge(t.limit(), 1, Integer::sum);
                    assertThat(held).as("holders of %s", t.limit()).isLessThanOrEqualTo(limitValue(graph, t.limit()));
                }
                case RunEvent.WorkStarted w ->
                    assertThat(holderOf.containsKey(w.task())).isEqualTo(limitOf(graph, w.task()) != null);
                case RunEvent.TaskFinished f -> {
                    String limit = holderOf.get(f.task());
                    if (limit != null) {
                        holding.merge(limit, -1, Integer::sum);
                    }
                }
                default -> {}
            }
        }
        for (int task = 0; task < graph.size(); task++) {
            assertThat(holderOf.containsKey(graph.id(task))).isEqualTo(graph.limit(task) >= 0);
        }
        return waits;
    }

    private static String limitOf(TaskGraph graph, String task) {
        int limit = graph.task(task).limit();
        return limit < 0 ? null : graph.limitName(limit);
    }

    private static int limitValue(TaskGraph graph, String name) {
        for (int limit = 0; limit < graph.limitCount(); limit++) {
            if (Objects.equals(graph.limitName(limit), name)) {
                return graph.limitValue(limit);
            }
        }
        throw new AssertionError("no limit " + name);
    }

    @Test
    void aLimitOfOneMakesTheSecondTaskWaitOnParallelButChangesNothingOnSequential() {
        var graph = GraphSpec.named("limited")
                .limit("api", 1)
                .add(TaskSpec.of("a", TaskKind.IO, 10).withLimit("api"))
                .add(TaskSpec.of("b", TaskKind.IO, 10).withLimit("api"))
                .graph();
        var parallel = ENGINE.simulate(graph, new SchedulerSpec.Parallel(2)).events().stream()
                .filter(e -> e.type().startsWith("limit_"))
                .map(GilEventsTest::brief)
                .toList();
        assertThat(parallel)
                .containsExactly("limit_taken 0ms lane 0 a", "limit_wait 0ms lane 1 b", "limit_taken 10ms lane 1 b");
        assertThat(ENGINE.simulate(graph, new SchedulerSpec.Sequential()).events())
                .noneMatch(e -> e.type().startsWith("limit_"));
    }
}
