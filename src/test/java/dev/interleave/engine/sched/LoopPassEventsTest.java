package dev.interleave.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.RandomDags;
import dev.interleave.engine.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The loop_pass events: one per {@code _run_once} pass that runs something, with the deque and heap sizes. */
class LoopPassEventsTest {

    private static final long MS = 1_000_000L;
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static String brief(RunEvent.LoopPass p) {
        return "pass " + p.pass() + " at " + p.nanos() / MS + " ready " + p.ready() + " timers " + p.timers();
    }

    @Test
    void twoApiCallsTakeFivePasses() {
        // Pass 0 runs both first steps (they arm their timers); at 2 s a's timer callback, then a's wake-up; at 3 s
        // the same for b. The heap count is taken after due timers moved, before the pass runs.
        var graph = GraphSpec.named("two").io("a", 2000).io("b", 3000).graph();
        var passes = ENGINE.simulate(graph, new SchedulerSpec.EventLoop()).events().stream()
                .filter(e -> e instanceof RunEvent.LoopPass)
                .map(e -> brief((RunEvent.LoopPass) e))
                .toList();
        assertThat(passes)
                .containsExactly(
                        "pass 0 at 0 ready 2 timers 0",
                        "pass 1 at 2000 ready 1 timers 1",
                        "pass 2 at 2000 ready 1 timers 1",
                        "pass 3 at 3000 ready 1 timers 0",
                        "pass 4 at 3000 ready 1 timers 0");
    }

    @Test
    void aPassComesAfterItsDueTimersAndBeforeTheCallbacksItRuns() {
        var graph = GraphSpec.named("two").io("a", 2000).io("b", 3000).graph();
        var types = ENGINE.simulate(graph, new SchedulerSpec.EventLoop()).events().stream()
                .map(RunEvent::type)
                .toList();
        int firstDue = types.indexOf("timer_due");
        assertThat(types.get(firstDue + 1)).isEqualTo("loop_pass");
        assertThat(types.get(firstDue + 2)).isEqualTo("timer_callback");
    }

    @Test
    void everyCallbackEventFallsInsideAPassAndPassesCountUp() {
        // On random graphs with limits and offloaded work: passes are numbered 0, 1, ... in order, and every event
        // a callback causes on the loop (a step, a wake-up, a timer callback) comes after the first pass.
        var random = new Random(12);
        for (int i = 0; i < 50; i++) {
            var graph = RandomDags.withLimitsAndOffload(random, RandomDags.spec(random, 3 + random.nextInt(20), 50, 3));
            var events = ENGINE.simulate(graph, new SchedulerSpec.EventLoop()).events();
            var numbers = new ArrayList<Integer>();
            boolean inPass = false;
            for (RunEvent e : events) {
                if (e instanceof RunEvent.LoopPass p) {
                    numbers.add(p.pass());
                    assertThat(p.ready()).isPositive();
                    inPass = true;
                }
                if (e instanceof RunEvent.TaskStarted
                        || e instanceof RunEvent.TaskResumed
                        || e instanceof RunEvent.TimerCallbackRun) {
                    assertThat(inPass).as("a callback event before any pass").isTrue();
                }
            }
            for (int k = 0; k < numbers.size(); k++) {
                assertThat(numbers.get(k)).isEqualTo(k);
            }
        }
    }

    @Test
    void otherSchedulersEmitNoPasses() {
        var graph = GraphSpec.named("two").io("a", 20).cpu("b", 30).graph();
        for (SchedulerSpec s :
                List.of(new SchedulerSpec.Sequential(), new SchedulerSpec.Parallel(2), new SchedulerSpec.Threads(2))) {
            assertThat(ENGINE.simulate(graph, s).events()).noneMatch(e -> e instanceof RunEvent.LoopPass);
        }
    }
}
