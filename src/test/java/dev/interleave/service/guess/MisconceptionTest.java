package dev.interleave.service.guess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the misconception table, with a graph and guess that trigger it and one that must not. Graphs run
 * in virtual time; the expected truths are worked out by hand from the README's models.
 */
class MisconceptionTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final Grader GRADER = new Grader(ENGINE);
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static Grade grade(GraphSpec.Builder graph, QuestionKind kind, SchedulerSpec scheduler, Answer guess) {
        return GRADER.grade(graph.graph(), Asked.of(kind, scheduler), guess);
    }

    private static Grade makespan(GraphSpec.Builder graph, SchedulerSpec scheduler, double guessMs) {
        return grade(graph, QuestionKind.MAKESPAN, scheduler, Answer.ofMs(guessMs));
    }

    private static Grade loopBlocked(GraphSpec.Builder graph, double guessMs) {
        return grade(graph, QuestionKind.LOOP_BLOCKED, LOOP, Answer.ofMs(guessMs));
    }

    private static Grade fastest(GraphSpec.Builder graph, List<SchedulerSpec> schedulers, int guess) {
        return GRADER.grade(
                graph.graph(), new Asked(QuestionKind.FASTEST_SCHEDULER, schedulers), Answer.ofScheduler(guess));
    }

    private static String id(Grade grade) {
        return grade.misconception() == null ? null : grade.misconception().id();
    }

    /** legacy blocks the loop for 2 s before a and b arm their 1 s timers: 3 s; as awaits all would overlap: 2 s. */
    private static GraphSpec.Builder legacyFirst() {
        return GraphSpec.named("legacy").blocking("legacy", 2000).io("a", 1000).io("b", 1000);
    }

    private static GraphSpec.Builder fourCpu() {
        return GraphSpec.named("cpu")
                .cpu("c1", 500)
                .cpu("c2", 500)
                .cpu("c3", 500)
                .cpu("c4", 500);
    }

    private static GraphSpec.Builder fourIo() {
        return GraphSpec.named("io")
                .io("w1", 1000)
                .io("w2", 1000)
                .io("w3", 1000)
                .io("w4", 1000);
    }

    @Nested
    class Scores {
        @Test
        void aCorrectGuessScoresFullAndNamesNothing() {
            var grade = makespan(GraphSpec.named("two").io("a", 2000).io("b", 3000), LOOP, 3000);
            assertThat(grade.truth().ms()).isEqualTo(3000.0);
            assertThat(grade.correct()).isTrue();
            assertThat(grade.score()).isEqualTo(100);
            assertThat(grade.errorMs()).isEqualTo(0.0);
            assertThat(grade.misconception()).isNull();
        }

        @Test
        void aGuessHalfTooLongScoresHalf() {
            var grade = makespan(GraphSpec.named("two").io("a", 2000).io("b", 3000), LOOP, 4500);
            assertThat(grade.correct()).isFalse();
            assertThat(grade.errorMs()).isEqualTo(1500.0);
            assertThat(grade.errorPct()).isEqualTo(50.0);
            assertThat(grade.score()).isEqualTo(50);
        }

        @Test
        void aPickIsAllOrNothing() {
            var graph = GraphSpec.named("two").io("a", 2000).io("b", 3000);
            assertThat(grade(graph, QuestionKind.LAST_TASK, LOOP, Answer.ofTask("b"))
                            .score())
                    .isEqualTo(100);
            var wrong = grade(graph, QuestionKind.LAST_TASK, LOOP, Answer.ofTask("a"));
            assertThat(wrong.score()).isZero();
            assertThat(wrong.truth().task()).isEqualTo("b");
            assertThat(wrong.errorMs()).isNull();
        }
    }

    @Nested
    class IgnoredBlocking {
        @Test
        void aMakespanThatLetsTheBlockingCallOverlapIsNamedWithTheTaskAndItsDuration() {
            var grade = makespan(legacyFirst(), LOOP, 2000);
            assertThat(grade.truth().ms()).isEqualTo(3000.0);
            assertThat(grade.misconception().id()).isEqualTo("ignored-blocking");
            assertThat(grade.misconception().text())
                    .isEqualTo("task legacy holds the loop for 2 s; nothing else runs then");
        }

        @Test
        void aLoopBlockedGuessThatLeavesTheBlockingCallOut() {
            var grade = loopBlocked(legacyFirst().cpu("c", 500), 500);
            assertThat(grade.truth().ms()).isEqualTo(2500.0);
            assertThat(id(grade)).isEqualTo("ignored-blocking");
        }

        @Test
        void aFirstTaskPickWhoseWakeUpTheBlockingCallDelayed() {
            // c (after legacy) runs before a's timer callback in the pass at 2 s, so a ends at 2.1 s.
            var graph = GraphSpec.named("late")
                    .io("a", 500)
                    .blocking("legacy", 2000)
                    .cpu("c", 100, "legacy");
            var grade = grade(graph, QuestionKind.FIRST_TASK, LOOP, Answer.ofTask("a"));
            assertThat(grade.truth().task()).isEqualTo("legacy");
            assertThat(grade.misconception().id()).isEqualTo("ignored-blocking");
            assertThat(grade.misconception().text()).contains("a's wait ended at 500 ms but it went on only at 2.1 s");
        }

        @Test
        void notWhenTheBlockingCallOverlapsNothingAnyway() {
            // a then legacy in a chain: 4 s whether or not legacy holds the loop.
            var graph = GraphSpec.named("chain").io("a", 2000).blocking("legacy", 2000, "a");
            assertThat(id(makespan(graph, LOOP, 2000))).isNull();
        }

        @Test
        void notWhenTheBlockingCallIsOffloaded() {
            var graph = GraphSpec.named("offloaded")
                    .add(TaskSpec.of("legacy", TaskKind.BLOCKING_IO, 2000).offloaded())
                    .io("a", 1000)
                    .io("b", 1000);
            assertThat(id(makespan(graph, LOOP, 1000))).isNotEqualTo("ignored-blocking");
        }
    }

    @Nested
    class AsyncSpeedsCpu {
        @Test
        void aMakespanThatOverlapsCpuOnTheLoop() {
            var grade = makespan(fourCpu(), LOOP, 500);
            assertThat(grade.truth().ms()).isEqualTo(2000.0);
            assertThat(grade.misconception().id()).isEqualTo("async-cpu");
            assertThat(grade.misconception().text())
                    .isEqualTo("async does not speed up computation: the 4 cpu tasks (2 s) hold the loop one after"
                            + " another; await overlaps only waits");
        }

        @Test
        void pickingTheEventLoopAsFastestForCpuWork() {
            var grade = fastest(fourCpu(), List.of(LOOP, new SchedulerSpec.Parallel(4)), 0);
            assertThat(grade.truth().scheduler()).isEqualTo(1);
            assertThat(id(grade)).isEqualTo("async-cpu");
        }

        @Test
        void notWhenTheGraphOnlyWaits() {
            var grade = makespan(fourIo(), LOOP, 4000);
            assertThat(id(grade)).isEqualTo("added-waits");
            assertThat(id(fastest(fourIo(), List.of(new SchedulerSpec.Sequential(), LOOP), 0)))
                    .isNull();
        }
    }

    @Nested
    class GilIgnored {
        @Test
        void aThreadsMakespanThatComputesSideBySide() {
            var grade = makespan(fourCpu(), new SchedulerSpec.Threads(4), 500);
            assertThat(grade.truth().ms()).isGreaterThanOrEqualTo(2000.0);
            assertThat(grade.misconception().id()).isEqualTo("gil");
            assertThat(grade.misconception().text()).startsWith("the GIL lets one thread compute at a time: the 4 cpu");
        }

        @Test
        void pickingThreadsOverProcessesForCpuWork() {
            var grade = fastest(fourCpu(), List.of(new SchedulerSpec.Threads(4), new SchedulerSpec.Parallel(4)), 0);
            assertThat(id(grade)).isEqualTo("gil");
        }

        @Test
        void notOnAFreeThreadedBuild() {
            var grade = makespan(fourCpu(), new SchedulerSpec.Threads(4, false, 4), 2000);
            assertThat(grade.truth().ms()).isEqualTo(500.0);
            assertThat(id(grade)).isNull();
        }
    }

    @Nested
    class ProcessesSerialised {
        @Test
        void aProcessesMakespanThatSharesOneGil() {
            var grade = makespan(fourCpu(), new SchedulerSpec.Parallel(4), 2000);
            assertThat(grade.truth().ms()).isEqualTo(500.0);
            assertThat(grade.misconception().id()).isEqualTo("processes");
            assertThat(grade.misconception().text()).contains("4 processes compute at the same time");
        }

        @Test
        void notWhenTheProcessesOnlyWait() {
            assertThat(id(makespan(fourIo(), new SchedulerSpec.Parallel(4), 4000)))
                    .isEqualTo("added-waits");
        }
    }

    @Nested
    class LimitIgnored {
        private GraphSpec.Builder underLimit(int k) {
            var graph = GraphSpec.named("bounded").limit("api", k);
            for (int i = 1; i <= 4; i++) {
                graph.add(TaskSpec.of("call" + i, TaskKind.IO, 1000).withLimit("api"));
            }
            return graph;
        }

        @Test
        void aMakespanThatLetsEveryoneInAtOnce() {
            var grade = makespan(underLimit(2), LOOP, 1000);
            assertThat(grade.truth().ms()).isEqualTo(2000.0);
            assertThat(grade.misconception().id()).isEqualTo("semaphore");
            assertThat(grade.misconception().text())
                    .isEqualTo("the Semaphore(2) 'api' lets 2 tasks in at a time: its 4 tasks take turns");
        }

        @Test
        void notWhenTheLimitBindsNothing() {
            assertThat(id(makespan(underLimit(4), LOOP, 2000))).isNull();
        }
    }

    @Nested
    class WorkersIgnored {
        @Test
        void aPoolMakespanThatRunsEveryTaskAtOnce() {
            var grade = makespan(fourIo(), new SchedulerSpec.Parallel(2), 1000);
            assertThat(grade.truth().ms()).isEqualTo(2000.0);
            assertThat(grade.misconception().id()).isEqualTo("workers");
            assertThat(grade.misconception().text())
                    .isEqualTo("2 workers run at most 2 tasks at a time; the others wait in the pool's queue");
        }

        @Test
        void notWhenThePoolIsWideEnough() {
            assertThat(id(makespan(fourIo(), new SchedulerSpec.Parallel(4), 2000)))
                    .isNull();
        }
    }

    @Nested
    class AddedWaits {
        @Test
        void aMakespanThatAddsTheWaitsUp() {
            var grade = makespan(GraphSpec.named("two").io("a", 2000).io("b", 3000), LOOP, 5000);
            assertThat(grade.misconception().id()).isEqualTo("added-waits");
            assertThat(grade.misconception().text())
                    .isEqualTo("you added the waits up; on the event loop they overlap: the 2 waits (5 s in all)"
                            + " took 3 s together");
        }

        @Test
        void onThreadsTheWordsSayThreads() {
            var grade = makespan(fourIo(), new SchedulerSpec.Threads(4), 4000);
            assertThat(grade.misconception().text()).contains("4 threads wait at once");
        }

        @Test
        void notWhenTheWaitsAreChained() {
            var chain = GraphSpec.named("chain").io("a", 2000).io("b", 3000, "a");
            assertThat(makespan(chain, LOOP, 5000).correct()).isTrue();
            assertThat(id(makespan(chain, LOOP, 3000))).isNull();
        }
    }

    @Nested
    class WaitsBlockLoop {
        private GraphSpec.Builder waitAndCompute() {
            return GraphSpec.named("mixed").io("a", 2000).cpu("c", 500);
        }

        @Test
        void aLoopBlockedGuessThatCountsTheWait() {
            var grade = loopBlocked(waitAndCompute(), 2500);
            assertThat(grade.truth().ms()).isEqualTo(500.0);
            assertThat(grade.misconception().id()).isEqualTo("waits-block-loop");
            assertThat(grade.misconception().text()).endsWith("only cpu work and blocking calls hold it, 500 ms here");
        }

        @Test
        void notForAGuessUnrelatedToTheWaits() {
            assertThat(id(loopBlocked(waitAndCompute(), 1200))).isNull();
        }
    }

    @Nested
    class OffloadCounted {
        private GraphSpec.Builder offloaded(boolean offload) {
            var legacy = TaskSpec.of("legacy", TaskKind.BLOCKING_IO, 2000);
            return GraphSpec.named("to_thread")
                    .add(offload ? legacy.offloaded() : legacy)
                    .cpu("c", 500);
        }

        @Test
        void aLoopBlockedGuessThatCountsTheOffloadedCall() {
            var grade = loopBlocked(offloaded(true), 2500);
            assertThat(grade.truth().ms()).isEqualTo(500.0);
            assertThat(grade.misconception().id()).isEqualTo("offload-counted");
            assertThat(grade.misconception().text())
                    .isEqualTo("asyncio.to_thread moved legacy (2 s) to the executor's threads; the loop was free"
                            + " meanwhile");
        }

        @Test
        void notWhenTheCallStaysOnTheLoop() {
            var grade = loopBlocked(offloaded(false), 2500);
            assertThat(grade.correct()).isTrue();
            assertThat(id(loopBlocked(offloaded(false), 500))).isEqualTo("ignored-blocking");
        }
    }

    @Test
    void everyRuleHasItsOwnId() {
        assertThat(java.util.Arrays.stream(Misconception.values()).map(Misconception::id))
                .doesNotHaveDuplicates();
    }
}
