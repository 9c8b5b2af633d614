package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.run.RunEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** N lanes fed from one FIFO ready queue, lowest free lane first, in virtual time. */
class ParallelSchedulerTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void readyQueueIsFirstInFirstOutNotByDeclaration() {
        // Ready at 0: a, b, e. a -> lane 0, b -> lane 1, e queued. At 10 a finishes and c joins the queue behind
        // e: lane 0 takes e (FIFO) although c is declared earlier. At 30 b and e finish together: c takes lane 0.
        var graph = GraphSpec.named("fifo")
                .io("a", 10)
                .io("b", 30)
                .cpu("c", 5, "a")
                .cpu("e", 20)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(2));
        assertThat(run.task("a").lane()).isZero();
        assertThat(run.task("b").lane()).isEqualTo(1);
        assertThat(run.task("e").lane()).isZero();
        assertThat(run.task("e").startNanos()).isEqualTo(10 * MS);
        assertThat(run.task("c").readyNanos()).isEqualTo(10 * MS);
        assertThat(run.task("c").startNanos()).isEqualTo(30 * MS);
        assertThat(run.task("c").lane()).isZero();
        assertThat(run.makespanNanos()).isEqualTo(35 * MS);
    }

    @Test
    void tasksReadyAtTheSameInstantJoinInDeclarationOrder() {
        // x (lane 0) and w (lane 1) finish together at 10; x's completion comes first (lower lane), but q (after
        // w) is declared before p (after x), so q joins first and takes lane 0.
        var graph = GraphSpec.named("same instant")
                .io("x", 10)
                .io("w", 10)
                .io("long", 100)
                .cpu("q", 5, "w")
                .cpu("p", 5, "x")
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(3));
        assertThat(run.task("long").lane()).isEqualTo(2);
        assertThat(run.task("q").lane()).isZero();
        assertThat(run.task("p").lane()).isEqualTo(1);
        assertThat(run.task("q").startNanos()).isEqualTo(10 * MS);
        assertThat(run.task("p").startNanos()).isEqualTo(10 * MS);
        var readyOrder = run.events().stream()
                .filter(e -> e instanceof RunEvent.TaskReady)
                .map(RunEvent::task)
                .toList();
        assertThat(readyOrder).containsExactly("x", "w", "long", "q", "p");
    }

    @Test
    void lowestFreeLaneGoesFirst() {
        // Four lanes; b (lane 1) and d (lane 3) finish first at 5, freeing lanes 1 and 3; the next ready task
        // takes lane 1, the one after lane 3.
        var graph = GraphSpec.named("lanes")
                .io("a", 50)
                .io("b", 5)
                .io("c", 50)
                .io("d", 5)
                .io("e", 10)
                .io("f", 10)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(4));
        assertThat(run.task("e").lane()).isEqualTo(1);
        assertThat(run.task("f").lane()).isEqualTo(3);
        assertThat(run.task("e").startNanos()).isEqualTo(5 * MS);
        assertThat(run.task("f").startNanos()).isEqualTo(5 * MS);
    }

    @Test
    void moreLanesThanTasksLeavesHighLanesIdle() {
        var graph = GraphSpec.named("idle").cpu("a", 100).cpu("b", 100).graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(4));
        assertThat(run.makespanNanos()).isEqualTo(100 * MS);
        assertThat(run.analysis().utilisation()).containsExactly(1.0, 1.0, 0.0, 0.0);
        assertThat(run.analysis().speedupVsSequential()).isEqualTo(2.0);
    }

    @Test
    void oneWorkerIsListSchedulingInFifoOrder() {
        // Sequential would run b (declared first) before d; one FIFO lane runs d first, as it was ready first.
        var graph = GraphSpec.named("fifo vs declaration")
                .io("a", 10)
                .cpu("b", 5, "c")
                .io("c", 1)
                .blocking("d", 2)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(1));
        assertThat(run.task("d").startNanos()).isEqualTo(11 * MS);
        assertThat(run.task("b").startNanos()).isEqualTo(13 * MS);
    }

    @Test
    void workerCountOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> new SchedulerSpec.Parallel(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new SchedulerSpec.Parallel(65)).isInstanceOf(IllegalArgumentException.class);
        var limited = new Engine(new EngineLimits(2, java.time.Duration.ofSeconds(5)));
        try {
            var graph = GraphSpec.named("g").io("a", 1).graph();
            assertThatThrownBy(() -> limited.simulate(graph, new SchedulerSpec.Parallel(3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parallel(3)");
        } finally {
            limited.close();
        }
    }

    @Test
    void aTaskWaitingForItsLimitHoldsItsWorkerAndGetsTheUnitFirst() {
        // Limit 1 on a and b: b takes worker 1 at 0 but waits there for a's unit; c (no limit) finds no free
        // worker until a's finishes at 100, when b gets the unit (100-200) and c takes worker 0 (100-150).
        var graph = dev.interleave.engine.graph.GraphSpec.named("limit")
                .limit("api", 1)
                .add(dev.interleave.engine.graph.TaskSpec.of("a", dev.interleave.engine.graph.TaskKind.CPU, 100)
                        .withLimit("api"))
                .add(dev.interleave.engine.graph.TaskSpec.of("b", dev.interleave.engine.graph.TaskKind.IO, 100)
                        .withLimit("api"))
                .cpu("c", 50)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Parallel(2));
        assertThat(run.task("b").lane()).isEqualTo(1);
        assertThat(run.task("b").startNanos()).isEqualTo(100 * MS);
        assertThat(run.task("c").startNanos()).isEqualTo(100 * MS);
        assertThat(run.task("c").lane()).isZero();
        assertThat(run.makespanNanos()).isEqualTo(200 * MS);
        // Sequential: one task at a time, so the limit never makes anyone wait.
        assertThat(ENGINE.simulate(graph, new SchedulerSpec.Sequential()).makespanNanos())
                .isEqualTo(250 * MS);
    }

    @Test
    void withoutLimitsTheSameTasksOverlap() {
        var graph = dev.interleave.engine.graph.GraphSpec.named("no limit")
                .cpu("a", 100)
                .io("b", 100)
                .cpu("c", 50)
                .graph();
        assertThat(ENGINE.simulate(graph, new SchedulerSpec.Parallel(2)).makespanNanos())
                .isEqualTo(150 * MS);
    }
}
