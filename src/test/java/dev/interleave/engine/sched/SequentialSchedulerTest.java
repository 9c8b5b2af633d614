package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One lane, earliest-declared ready task first, in virtual time. */
class SequentialSchedulerTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void earliestDeclaredReadyTaskGoesFirst() {
        // Ready at 0: a, c, d (b waits for c). a 0-10, c 10-11; then b and d are both ready: b (declared
        // earlier) 11-16, d 16-18, although d became ready first.
        var graph = GraphSpec.named("order")
                .io("a", 10)
                .cpu("b", 5, "c")
                .io("c", 1)
                .blocking("d", 2)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Sequential());
        assertThat(run.task("a").startNanos()).isEqualTo(0);
        assertThat(run.task("c").startNanos()).isEqualTo(10 * MS);
        assertThat(run.task("b").startNanos()).isEqualTo(11 * MS);
        assertThat(run.task("b").readyNanos()).isEqualTo(11 * MS);
        assertThat(run.task("d").startNanos()).isEqualTo(16 * MS);
        assertThat(run.task("d").queuedNanos()).isEqualTo(16 * MS);
        assertThat(run.task("d").endNanos()).isEqualTo(18 * MS);
        assertThat(run.makespanNanos()).isEqualTo(18 * MS);
    }

    @Test
    void everyTaskHoldsTheOneLaneForItsWholeDuration() {
        var graph = GraphSpec.named("all kinds")
                .io("a", 200)
                .cpu("b", 300)
                .blocking("c", 100)
                .graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Sequential());
        assertThat(run.tasks()).allSatisfy(t -> {
            assertThat(t.lane()).isZero();
            assertThat(t.state()).isEqualTo(TaskState.FINISHED);
        });
        assertThat(run.makespanNanos()).isEqualTo(600 * MS);
        assertThat(run.analysis().utilisation()).containsExactly(1.0);
        assertThat(run.analysis().speedupVsSequential()).isEqualTo(1.0);
    }

    @Test
    void eventsAreNumberedContiguouslyFromZero() {
        var graph = GraphSpec.named("events").io("a", 10).cpu("b", 5, "a").graph();
        RunResult run = ENGINE.simulate(graph, new SchedulerSpec.Sequential());
        assertThat(run.events()).extracting(RunEvent::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(run.events())
                .extracting(RunEvent::type)
                .containsExactly(
                        "run_started",
                        "task_ready",
                        "work_started",
                        "task_finished",
                        "task_ready",
                        "work_started",
                        "task_finished",
                        "run_finished");
        assertThat(run.eventCount()).isEqualTo(8);
    }
}
