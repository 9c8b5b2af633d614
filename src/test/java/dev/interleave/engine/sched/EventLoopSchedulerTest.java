package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.TaskTiming;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Hop ordering of the asyncio model, worked out by hand (and confirmed by {@link CPythonParityTest}). */
class EventLoopSchedulerTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void timerDueDuringCpuWorkResumesAfterCallbacksQueuedBeforeIt() {
        // Pass 1 (t=0): a arms a timer due 10; b holds the loop 0-50; c sleep(0)s (its step queued); d waits c.
        // Pass 2 (t=50): ready = [step c, timer a]: c resumes and finishes, queueing d's wake-up; a's callback
        // runs at 50, queueing a's wake-up behind d's.
        // Pass 3: d runs its cpu 50-70; only then does a resume, at 70: 60 ms after its timer was due.
        var graph = GraphSpec.named("stall")
                .io("a", 10)
                .cpu("b", 50)
                .io("c", 0)
                .cpu("d", 20, "c")
                .graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        TaskTiming a = run.task("a");
        assertThat(a.startNanos()).isZero();
        assertThat(a.dueNanos()).isEqualTo(10 * MS);
        assertThat(a.callbackNanos()).isEqualTo(50 * MS);
        assertThat(a.resumedNanos()).isEqualTo(70 * MS);
        assertThat(a.endNanos()).isEqualTo(70 * MS);
        assertThat(a.stallNanos()).isEqualTo(60 * MS);
        assertThat(run.task("c").endNanos()).isEqualTo(50 * MS);
        assertThat(run.task("d").startNanos()).isEqualTo(50 * MS);
        assertThat(run.makespanNanos()).isEqualTo(70 * MS);
    }

    @Test
    void finishedTaskWakesItsWaitersInRegistrationOrder() {
        // p awaits y first (y sleep(0)s), so p registers on x only in pass 3, after q did in pass 1. When x
        // finishes at 10, q resumes first although p is declared first: q 10-17, then p 17-22.
        var graph = GraphSpec.named("waiters")
                .io("x", 10)
                .cpu("p", 5, "y", "x")
                .cpu("q", 7, "x")
                .io("y", 0)
                .graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        assertThat(run.task("q").startNanos()).isEqualTo(10 * MS);
        assertThat(run.task("q").endNanos()).isEqualTo(17 * MS);
        assertThat(run.task("p").startNanos()).isEqualTo(17 * MS);
        assertThat(run.task("p").endNanos()).isEqualTo(22 * MS);
        var wokenAfterX = run.events().stream()
                .filter(e -> e instanceof RunEvent.TaskResumed r && "x".equals(r.awaited()))
                .map(RunEvent::task)
                .toList();
        assertThat(wokenAfterX).containsExactly("q", "p");
    }

    @Test
    void sleepZeroIsOneHopWithoutATimer() {
        // a's sleep(0) queues its step; b holds the loop 0-10 in the same pass; a resumes at 10 in the next.
        var graph = GraphSpec.named("sleep0").io("a", 0).cpu("b", 10).graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        TaskTiming a = run.task("a");
        assertThat(a.startNanos()).isZero();
        assertThat(a.resumedNanos()).isEqualTo(10 * MS);
        assertThat(a.endNanos()).isEqualTo(10 * MS);
        assertThat(a.dueNanos()).isEqualTo(TaskTiming.ABSENT);
        assertThat(a.callbackNanos()).isEqualTo(TaskTiming.ABSENT);
        assertThat(run.events()).noneMatch(e -> e instanceof RunEvent.TimerArmed);
        assertThat(types(run, "a"))
                .containsExactly("task_created", "task_started", "work_started", "task_resumed", "task_finished");
    }

    @Test
    void awaitingAFinishedTaskContinuesInTheSameStep() {
        var graph =
                GraphSpec.named("done already").cpu("a", 10).cpu("b", 5, "a").graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        assertThat(run.task("b").startNanos()).isEqualTo(10 * MS);
        assertThat(run.events()).noneMatch(e -> e instanceof RunEvent.TaskResumed);
    }

    @Test
    void equalDeadlinesFireInArmingOrder() {
        // a arms (due 20) at 0; b arms (due 20) at 10, after c. Both callbacks run in one pass, a's first, so a's
        // waiter d runs 20-25 before b's waiter e runs 25-30.
        var graph = GraphSpec.named("ties")
                .io("b", 10, "c")
                .io("a", 20)
                .cpu("c", 10)
                .cpu("e", 5, "b")
                .cpu("d", 5, "a")
                .graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        assertThat(run.task("a").dueNanos()).isEqualTo(20 * MS);
        assertThat(run.task("b").dueNanos()).isEqualTo(20 * MS);
        assertThat(run.task("d").startNanos()).isEqualTo(20 * MS);
        assertThat(run.task("e").startNanos()).isEqualTo(25 * MS);
        assertThat(run.makespanNanos()).isEqualTo(30 * MS);
    }

    @Test
    void ioWaitsOverlapButLoopHoldingWorkDoesNot() {
        var graph = GraphSpec.named("mix")
                .io("a", 200)
                .io("b", 300)
                .blocking("c", 100)
                .cpu("d", 100)
                .graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        // c 0-100, d 100-200 hold the loop; the timers (due 200, 300) run meanwhile.
        assertThat(run.task("c").endNanos()).isEqualTo(100 * MS);
        assertThat(run.task("d").startNanos()).isEqualTo(100 * MS);
        assertThat(run.task("a").endNanos()).isEqualTo(200 * MS);
        assertThat(run.makespanNanos()).isEqualTo(300 * MS);
        assertThat(run.analysis().laneBusyNanos()).containsExactly(200 * MS);
    }

    @Test
    void eventsAreNumberedContiguouslyAndTimesNeverDecrease() {
        var graph = GraphSpec.named("seq")
                .io("a", 10)
                .cpu("b", 50)
                .io("c", 0)
                .cpu("d", 20, "c")
                .graph();
        RunResult run = ENGINE.simulate(graph, LOOP);
        List<RunEvent> events = run.events();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(events.get(i).nanos())
                        .isGreaterThanOrEqualTo(events.get(i - 1).nanos());
            }
        }
        assertThat(run.eventCount()).isEqualTo(events.size());
        assertThat(events.getFirst()).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events.getLast()).isInstanceOf(RunEvent.RunFinished.class);
    }

    private static List<String> types(RunResult run, String task) {
        return run.events().stream()
                .filter(e -> task.equals(e.task()))
                .map(RunEvent::type)
                .toList();
    }
}
