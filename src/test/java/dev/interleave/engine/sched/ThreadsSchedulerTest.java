package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The threads model's GIL and pool rules, on graphs small enough to work out by hand. */
class ThreadsSchedulerTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static RunResult run(TaskGraph graph, SchedulerSpec scheduler) {
        RunResult run = ENGINE.simulate(graph, scheduler);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    @Test
    void twoCpuThreadsTakeTurnsEveryFiveMillisecondsAndFinishNoSoonerThanOneThread() {
        // W0 burns a from 0; W1 (woken by the queue lock W0 handed it) waits; its window ends at 5 with no switch,
        // so W0 is forced off and W1 burns b; from then on they swap every 5 ms. a gets [0,5), [10,15), ...:
        // its 100 ms are done at 195; b, a slice behind, at 200. Threads do not speed up CPU work.
        var graph = GraphSpec.named("gil").cpu("a", 100).cpu("b", 100).graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(2));
        assertThat(run.task("a").startNanos()).isZero();
        assertThat(run.task("b").startNanos()).isEqualTo(5 * MS);
        assertThat(run.task("a").endNanos()).isEqualTo(195 * MS);
        assertThat(run.task("b").endNanos()).isEqualTo(200 * MS);
        assertThat(run.task("a").lane()).isZero();
        assertThat(run.task("b").lane()).isEqualTo(1);
    }

    @Test
    void aCpuThreadDelaysAnIoThreadsWakeUpByASwitchInterval() {
        // c burns from 0. The io thread gets the GIL at 5 (forced switch), sleeps 10 ms, and at 15 must wait for
        // the GIL again: its window ends at 20, so i ends at 20, not 15 (the convoy effect). c still ends at 100.
        var graph = GraphSpec.named("convoy").cpu("c", 100).io("i", 10).graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(2));
        assertThat(run.task("i").startNanos()).isEqualTo(5 * MS);
        assertThat(run.task("i").endNanos()).isEqualTo(20 * MS);
        assertThat(run.task("c").endNanos()).isEqualTo(100 * MS);
    }

    @Test
    void waitsOverlapOnThreadsAsOnAPool() {
        // Three 100 ms sleeps on two threads: the third starts when a thread is free again, at 100.
        var graph = GraphSpec.named("waits")
                .io("a", 100)
                .io("b", 100)
                .blocking("c", 100)
                .graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(2));
        assertThat(run.task("a").endNanos()).isEqualTo(100 * MS);
        assertThat(run.task("b").endNanos()).isEqualTo(100 * MS);
        assertThat(run.task("c").startNanos()).isEqualTo(100 * MS);
        assertThat(run.makespanNanos()).isEqualTo(200 * MS);
    }

    @Test
    void withoutTheGilCpuThreadsRunInParallelUpToTheCores() {
        var graph = GraphSpec.named("free").cpu("a", 100).cpu("b", 100).graph();
        assertThat(run(graph, new SchedulerSpec.Threads(2, false, 4)).makespanNanos())
                .isEqualTo(100 * MS);
        // One core shared by two computing threads: each runs at half speed.
        assertThat(run(graph, new SchedulerSpec.Threads(2, false, 1)).makespanNanos())
                .isEqualTo(200 * MS);
    }

    @Test
    void aTaskWaitingForItsLimitHoldsItsThread() {
        // Limit 1: b takes a thread at once but waits for a's unit, holding that thread; c finds no free thread
        // until a's thread is free at 100, and b (notified at 100) runs 100-200 while c runs 100-150.
        var graph = GraphSpec.named("limit")
                .limit("api", 1)
                .add(dev.interleave.engine.graph.TaskSpec.of("a", dev.interleave.engine.graph.TaskKind.IO, 100)
                        .withLimit("api"))
                .add(dev.interleave.engine.graph.TaskSpec.of("b", dev.interleave.engine.graph.TaskKind.IO, 100)
                        .withLimit("api"))
                .io("c", 50)
                .graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(2));
        assertThat(run.task("a").endNanos()).isEqualTo(100 * MS);
        assertThat(run.task("b").startNanos()).isEqualTo(100 * MS);
        assertThat(run.task("b").endNanos()).isEqualTo(200 * MS);
        assertThat(run.task("c").startNanos()).isEqualTo(100 * MS);
        assertThat(run.task("c").endNanos()).isEqualTo(150 * MS);
    }

    @Test
    void dependentsAreSubmittedWhenTheirLastDependencyCompletes() {
        var graph = GraphSpec.named("chain")
                .io("a", 30)
                .io("b", 10)
                .io("c", 5, "a", "b")
                .graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(4));
        assertThat(run.task("c").startNanos()).isEqualTo(30 * MS);
        assertThat(run.makespanNanos()).isEqualTo(35 * MS);
    }

    @Test
    void theLowerBoundCountsEveryCpuTaskOnTheOneGil() {
        var graph =
                GraphSpec.named("gil").cpu("a", 100).cpu("b", 100).io("c", 50).graph();
        RunResult run = run(graph, new SchedulerSpec.Threads(4));
        assertThat(run.analysis().lowerBoundNanos()).isEqualTo(200 * MS);
        assertThat(run.makespanNanos()).isGreaterThanOrEqualTo(run.analysis().lowerBoundNanos());
        assertThat(new SchedulerSpec.Threads(4, false, 4).lowerBoundNanos(graph.metrics()))
                .isEqualTo(100 * MS);
    }

    @Test
    void aCalibratedModelAddsTheHandOffCostAndTheSleepOvershoot() {
        // Convoy case again with a 1 ms hand-off and 2 ms of sleep overshoot: the io thread gets the GIL at
        // 5 + 1 = 6, sleeps until 6 + 10 + 2 = 18, waits one window (to 23) and gets the GIL 1 ms later: 24.
        var graph = GraphSpec.named("convoy").cpu("c", 100).io("i", 10).graph();
        var calibrated = new SchedulerSpec.Threads(2).calibrated(MS, 2 * MS);
        RunResult run = run(graph, calibrated);
        assertThat(run.task("i").startNanos()).isEqualTo(6 * MS);
        assertThat(run.task("i").endNanos()).isEqualTo(24 * MS);
        assertThat(run(graph, new SchedulerSpec.Threads(2)).task("i").endNanos())
                .isEqualTo(20 * MS);
    }
}
