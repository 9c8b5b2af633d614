package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The makespans the product promises for its classic examples, in virtual time. */
class ExampleMakespansTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final SchedulerSpec SEQUENTIAL = new SchedulerSpec.Sequential();
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static double makespanMs(TaskGraph graph, SchedulerSpec scheduler) {
        RunResult result = ENGINE.simulate(graph, scheduler);
        return result.makespanMillis();
    }

    @Test
    void twoApiCallsOverlapOnTheLoopButNotSequentially() {
        TaskGraph graph =
                GraphSpec.named("Two API calls").io("a", 2000).io("b", 3000).graph();
        assertThat(makespanMs(graph, SEQUENTIAL)).isEqualTo(5000);
        assertThat(makespanMs(graph, LOOP)).isEqualTo(3000);
        assertThat(makespanMs(graph, new SchedulerSpec.Parallel(2))).isEqualTo(3000);
    }

    @Test
    void blockingCallsSerialiseTheLoop() {
        TaskGraph graph = GraphSpec.named("blocking")
                .blocking("a", 2000)
                .blocking("b", 3000)
                .graph();
        assertThat(makespanMs(graph, LOOP)).isEqualTo(5000);
    }

    @Test
    void cpuWorkOnlyGetsFasterOnMoreLanes() {
        TaskGraph graph = GraphSpec.named("cpu").cpu("a", 1000).cpu("b", 1000).graph();
        assertThat(makespanMs(graph, LOOP)).isEqualTo(2000);
        assertThat(makespanMs(graph, new SchedulerSpec.Parallel(2))).isEqualTo(1000);
    }

    @Test
    void timerDueDuringCpuWorkIsSeenOnlyAfterIt() {
        // a arms a 100 ms timer at 0; b holds the loop from 0 to 500: a's timer is due at 100, seen at 500,
        // its callback runs at 500 and a resumes one hop later, still at 500 (nothing else holds the loop).
        TaskGraph graph = GraphSpec.named("stall").io("a", 100).cpu("b", 500).graph();
        RunResult result = ENGINE.simulate(graph, LOOP);
        var a = result.task("a");
        assertThat(a.dueNanos()).isEqualTo(100_000_000L);
        assertThat(a.callbackNanos()).isEqualTo(500_000_000L);
        assertThat(a.resumedNanos()).isEqualTo(500_000_000L);
        assertThat(a.stallNanos()).isEqualTo(400_000_000L);
        assertThat(result.makespanMillis()).isEqualTo(500);
    }
}
