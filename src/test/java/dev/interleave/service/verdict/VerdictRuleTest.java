package dev.interleave.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.graph.TaskSpec;
import dev.interleave.engine.run.RunListener;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.view.RunViews;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the verdict table, with a graph that triggers it and one that must not. Graphs run in virtual
 * time (exact numbers), except the stopped runs, which need a real deadline.
 */
class VerdictRuleTest {

    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);
    private static final SchedulerSpec SEQUENTIAL = new SchedulerSpec.Sequential();
    private static final SchedulerSpec LOOP = new SchedulerSpec.EventLoop();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static RunFacts simulate(GraphSpec.Builder graph, SchedulerSpec scheduler) {
        TaskGraph built = graph.graph();
        return RunViews.facts(ENGINE.simulate(built, scheduler), built);
    }

    private static Verdict verdict(GraphSpec.Builder graph, SchedulerSpec scheduler) {
        return VerdictRule.of(simulate(graph, scheduler));
    }

    private static Verdict compare(GraphSpec.Builder graph, int workers) {
        return VerdictRule.ofComparison(List.of(
                simulate(graph, SEQUENTIAL),
                simulate(graph, LOOP),
                simulate(graph, new SchedulerSpec.Parallel(workers))));
    }

    private static GraphSpec.Builder twoApiCalls() {
        return GraphSpec.named("two calls").io("a", 2000).io("b", 3000);
    }

    private static GraphSpec.Builder chainedWaits() {
        return GraphSpec.named("chain").io("a", 2000).io("b", 3000, "a");
    }

    private static GraphSpec.Builder cpuPair() {
        return GraphSpec.named("cpu").cpu("x", 1000).cpu("y", 1000);
    }

    private static GraphSpec.Builder blockingBesideAWait() {
        return GraphSpec.named("blocking").blocking("legacy", 2000).io("fetch", 2000);
    }

    private static RunFacts timedOut() throws Exception {
        TaskGraph graph = GraphSpec.named("slow")
                .io("quick", 20)
                .io("slow", 5000, "quick")
                .graph();
        var result = ENGINE.start(graph, LOOP, Duration.ofMillis(300), RunListener.NONE)
                .outcome()
                .get(10, TimeUnit.SECONDS);
        return RunViews.facts(result, graph);
    }

    @Test
    void aStoppedRunSpeaksOfWhatHappenedNeverOfASpeedUpOrABound() throws Exception {
        var facts = timedOut();
        var verdict = VerdictRule.of(facts);
        assertThat(verdict.rule()).isEqualTo("stopped");
        assertThat(verdict.text())
                .contains("hit the deadline")
                .contains("1 of 2 tasks had finished")
                .doesNotContainIgnoringCase("faster")
                .doesNotContainIgnoringCase("lower bound reached")
                .doesNotContain("×");
        assertThat(VerdictRule.of(facts.withStatus("cancelled")).text()).startsWith("The run was stopped at");
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("stopped");
    }

    @Test
    void sequentialSaysTheMakespanIsTheTotalWork() {
        assertThat(verdict(twoApiCalls(), SEQUENTIAL))
                .isEqualTo(new Verdict("sequential", "One thing at a time: the makespan is the total work, 5.000 s."));
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("sequential");
    }

    @Test
    void waitsThatCanOverlapAreSaidToHaveOverlapped() {
        assertThat(verdict(twoApiCalls(), LOOP).text())
                .isEqualTo("All 2 waits overlapped: 3.000 s instead of 5.000 s one after another.");
        assertThat(verdict(chainedWaits(), LOOP).rule()).isNotEqualTo("loop_all_waits_overlapped");
    }

    @Test
    void waitsInAChainAreNeverSaidToHaveOverlapped() {
        var verdict = verdict(chainedWaits(), LOOP);
        assertThat(verdict.rule()).isEqualTo("loop_waits_chained");
        assertThat(verdict.text()).contains("Nothing could overlap").doesNotContain("instead of");
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("loop_waits_chained");
    }

    @Test
    void waitsThatPartlyOverlapNameTheChainThatLimitsThem() {
        var partly = GraphSpec.named("partly").io("a", 1000).io("b", 1000, "a").io("c", 1500);
        assertThat(verdict(partly, LOOP))
                .isEqualTo(new Verdict(
                        "loop_waits_overlapped",
                        "Waits overlapped where the graph allows: 2.000 s instead of 3.500 s one after another; "
                                + "the chain a → b (2.000 s) is the limit."));
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("loop_waits_overlapped");
    }

    @Test
    void oneWaitNoticedLateNamesTheTaskThatHeldTheLoop() {
        var blocked = GraphSpec.named("blocked").io("fetch", 500).blocking("legacy", 2000);
        assertThat(verdict(blocked, LOOP).rule()).isEqualTo("loop_one_stall");
        assertThat(verdict(blocked, LOOP).text())
                .contains("blocking_io task legacy")
                .contains("1.500 s");
        assertThat(verdict(GraphSpec.named("no wait").blocking("legacy", 2000), LOOP)
                        .rule())
                .isNotEqualTo("loop_one_stall");
    }

    @Test
    void manyWaitsNoticedLateAreAddedUp() {
        var blocked = GraphSpec.named("blocked").io("a", 500).io("b", 1000).cpu("crunch", 2000);
        assertThat(verdict(blocked, LOOP).rule()).isEqualTo("loop_stalls");
        assertThat(verdict(blocked, LOOP).text())
                .startsWith("2 finished waits went unnoticed")
                .contains("crunch");
        assertThat(verdict(GraphSpec.named("one").io("a", 500).cpu("crunch", 2000), LOOP)
                        .rule())
                .isNotEqualTo("loop_stalls");
    }

    @Test
    void cpuWorkAloneIsNotHelpedByTheLoop() {
        assertThat(verdict(cpuPair(), LOOP).rule()).isEqualTo("loop_no_waits");
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("loop_no_waits");
    }

    @Test
    void waitsBesideLoopWorkSayTheWorkIsWhatTheLoopCannotSpeedUp() {
        var mixed = GraphSpec.named("mixed").cpu("parse", 500).io("fetch", 2000, "parse");
        assertThat(verdict(mixed, LOOP).rule()).isEqualTo("loop_mixed");
        assertThat(verdict(mixed, LOOP).text()).contains("500 ms itself");
        assertThat(verdict(twoApiCalls(), LOOP).rule()).isNotEqualTo("loop_mixed");
    }

    @Test
    void parallelNamesWhichLimitHolds() {
        var chain = GraphSpec.named("chain").cpu("x", 1000).cpu("y", 1000, "x");
        assertThat(verdict(chain, new SchedulerSpec.Parallel(2)).rule()).isEqualTo("parallel_critical_path");
        assertThat(verdict(cpuPair(), new SchedulerSpec.Parallel(2)).rule()).isEqualTo("parallel_critical_path");
        var wide = GraphSpec.named("wide").cpu("x", 1000).cpu("y", 1000).cpu("z", 1000);
        assertThat(verdict(wide, new SchedulerSpec.Parallel(2)).rule()).isEqualTo("parallel_spread");
        assertThat(verdict(wide, new SchedulerSpec.Parallel(2)).text()).contains("more workers could help");
        assertThat(verdict(chain, new SchedulerSpec.Parallel(2)).rule()).isNotEqualTo("parallel_spread");
    }

    @Test
    void aComparisonCreditsTheLoopOnlyWhenItOverlappedWaits() {
        assertThat(compare(twoApiCalls(), 2).rule()).startsWith("loop_beat_sequential");
        assertThat(compare(twoApiCalls(), 2).text()).startsWith("The event loop was 1.7× faster than sequential");
        assertThat(compare(chainedWaits(), 2).rule()).startsWith("loop_no_gain_chained");
        assertThat(compare(cpuPair(), 2).rule()).startsWith("loop_no_gain ");
        assertThat(compare(cpuPair(), 2).text()).doesNotContain("faster than sequential");
    }

    @Test
    void aComparisonCreditsCpuWorkOnlyWhenCpuWorkRanSideBySide() {
        assertThat(compare(cpuPair(), 2).rule()).endsWith("parallel_beat_loop_cpu");
        assertThat(compare(cpuPair(), 2).text()).contains("2 parallel workers beat the loop 2.0×");
        assertThat(compare(blockingBesideAWait(), 2).rule()).doesNotContain("parallel_beat_loop_cpu");
        assertThat(compare(blockingBesideAWait(), 2).text()).doesNotContain("CPU work");
    }

    @Test
    void aComparisonCreditsABlockingCallOnItsOwnWorker() {
        assertThat(compare(blockingBesideAWait(), 2).rule()).endsWith("parallel_beat_loop_blocking");
        assertThat(compare(blockingBesideAWait(), 2).text())
                .contains("a blocking call holds only its own worker, not the whole loop");
        assertThat(compare(cpuPair(), 2).rule()).doesNotContain("parallel_beat_loop_blocking");
    }

    @Test
    void aComparisonCreditsBothWhenBothRanSideBySide() {
        var both = GraphSpec.named("both").cpu("x", 1000).cpu("y", 1000).blocking("legacy", 1000);
        assertThat(compare(both, 3).rule()).endsWith("parallel_beat_loop_both");
        assertThat(compare(cpuPair(), 2).rule()).doesNotContain("parallel_beat_loop_both");
    }

    @Test
    void aComparisonWhereCoresDidNotHelpSaysSo() {
        assertThat(compare(twoApiCalls(), 2).rule()).endsWith("parallel_no_gain");
        assertThat(compare(cpuPair(), 2).rule()).doesNotContain("parallel_no_gain");
    }

    @Test
    void aComparisonWithAStoppedRunComparesNoSpeeds() throws Exception {
        var stopped = timedOut();
        var verdict = VerdictRule.ofComparison(List.of(
                simulate(twoApiCalls(), SEQUENTIAL), stopped, simulate(twoApiCalls(), new SchedulerSpec.Parallel(2))));
        assertThat(verdict.rule()).isEqualTo("comparison_stopped");
        assertThat(verdict.text())
                .startsWith("The event loop hit the deadline at")
                .contains("cannot be compared on speed")
                .doesNotContain("faster")
                .doesNotContain("×");
        assertThat(compare(twoApiCalls(), 2).rule()).doesNotContain("comparison_stopped");
    }

    private static GraphSpec.Builder sixCallsUnderALimitOfTwo() {
        var graph = GraphSpec.named("limited").limit("api", 2);
        for (int i = 0; i < 6; i++) {
            graph.add(TaskSpec.of("call" + i, TaskKind.IO, 1000).withLimit("api"));
        }
        return graph;
    }

    @Test
    void aLimitThatBindsIsNamedAsTheBound() {
        var verdict = verdict(sixCallsUnderALimitOfTwo(), LOOP);
        assertThat(verdict.rule()).isEqualTo("limit_bound");
        assertThat(verdict.text()).contains("concurrency limit").contains("3.000 s");
        assertThat(verdict(sixCallsUnderALimitOfTwo(), new SchedulerSpec.Threads(8))
                        .rule())
                .isEqualTo("limit_bound");
        // Without the limit the same six calls all overlap.
        var unlimited = GraphSpec.named("unlimited");
        for (int i = 0; i < 6; i++) {
            unlimited.io("call" + i, 1000);
        }
        assertThat(verdict(unlimited, LOOP).rule()).isEqualTo("loop_all_waits_overlapped");
    }

    @Test
    void waitsUnderALimitThatDoesNotBindAreNotSaidToHaveAllOverlapped() {
        var graph = GraphSpec.named("partly limited")
                .limit("api", 1)
                .io("long", 3000)
                .add(TaskSpec.of("b", TaskKind.IO, 100).withLimit("api"))
                .add(TaskSpec.of("c", TaskKind.IO, 100).withLimit("api"));
        var verdict = verdict(graph, LOOP);
        assertThat(verdict.rule()).isEqualTo("loop_waits_overlapped");
        assertThat(verdict.text()).doesNotContain("All");
    }

    @Test
    void theGilIsNamedWhenCpuWorkBoundsAThreadsRun() {
        var verdict = verdict(cpuPair(), new SchedulerSpec.Threads(2));
        assertThat(verdict.rule()).isEqualTo("threads_gil");
        assertThat(verdict.text()).contains("GIL").contains("2.000 s of CPU work");
        // Waits on threads are not the GIL's doing: the chain is the limit.
        assertThat(verdict(chainedWaits(), new SchedulerSpec.Threads(2)).rule()).isEqualTo("threads_critical_path");
        // Without the GIL (the free-threaded model) the same CPU work is bounded by cores, not by one lock.
        var free = verdict(cpuPair(), new SchedulerSpec.Threads(2, false, 4));
        assertThat(free.rule()).isEqualTo("threads_cores");
        assertThat(free.text()).contains("free-threaded").doesNotContain("The GIL lets");
    }

    @Test
    void waitsSpreadOverTooFewThreadsSayMoreThreadsCouldHelp() {
        var graph = GraphSpec.named("four calls")
                .io("a", 1000)
                .io("b", 1000)
                .io("c", 1000)
                .io("d", 1000);
        var verdict = verdict(graph, new SchedulerSpec.Threads(2));
        assertThat(verdict.rule()).isEqualTo("threads_spread");
        assertThat(verdict.text()).contains("2 threads").contains("more threads could help");
        assertThat(verdict(graph, new SchedulerSpec.Threads(4)).rule()).isEqualTo("threads_critical_path");
    }

    @Test
    void anOffloadedBlockingCallIsSaidToRunOffTheLoop() {
        var offloaded = GraphSpec.named("to_thread")
                .add(TaskSpec.of("legacy", TaskKind.BLOCKING_IO, 2000).offloaded())
                .io("fetch", 2000);
        var verdict = verdict(offloaded, LOOP);
        assertThat(verdict.rule()).isEqualTo("loop_offloaded");
        assertThat(verdict.text()).contains("asyncio.to_thread").contains("2.000 s instead of 4.000 s");
        // The same call on the loop blocks it: the stall rule speaks, not the offload rule.
        assertThat(verdict(blockingBesideAWait(), LOOP).rule()).isNotEqualTo("loop_offloaded");
    }

    @Test
    void offloadedCpuWorkIsNotSaidToRunFaster() {
        var offloaded = GraphSpec.named("cpu to_thread")
                .add(TaskSpec.of("hash", TaskKind.CPU, 1000).offloaded())
                .io("fetch", 1000);
        var verdict = verdict(offloaded, LOOP);
        assertThat(verdict.rule()).isEqualTo("loop_offloaded_cpu");
        assertThat(verdict.text()).contains("still needs the GIL").doesNotContain("off the loop:");
    }

    /** Compare all as the playground asks it: sequential, the loop, and as many threads as parallel workers. */
    private static Verdict compareAll(GraphSpec.Builder graph, int workers, boolean gil) {
        return VerdictRule.ofComparison(List.of(
                simulate(graph, SEQUENTIAL),
                simulate(graph, LOOP),
                simulate(graph, new SchedulerSpec.Parallel(workers)),
                simulate(graph, new SchedulerSpec.Threads(workers, gil, SchedulerSpec.DEFAULT_CORES))));
    }

    @Test
    void aComparisonSaysTheGilHeldThreadsBackOnlyWhenProcessesComputedSideBySide() {
        var cpu = compareAll(cpuPair(), 2, true);
        assertThat(cpu.rule()).endsWith("threads_held_by_gil");
        assertThat(cpu.text())
                .contains("2 threads were 2.0× slower than 2 parallel workers: under the GIL one thread computes");
        assertThat(compareAll(twoApiCalls(), 2, true).rule()).doesNotContain("threads_held_by_gil");
        assertThat(compareAll(cpuPair(), 2, false).rule()).doesNotContain("threads_held_by_gil");
    }

    @Test
    void aComparisonCreditsFreeThreadsWithComputingOnlyWithoutTheGil() {
        var free = compareAll(cpuPair(), 2, false);
        assertThat(free.rule()).endsWith("threads_free_computed");
        assertThat(free.text()).contains("2 threads without the GIL (a model of free-threaded Python");
        assertThat(free.text()).contains("2.0× faster than sequential because they computed side by side");
        assertThat(compareAll(cpuPair(), 2, true).rule()).doesNotContain("threads_free_computed");
        assertThat(compareAll(twoApiCalls(), 2, false).rule()).doesNotContain("threads_free_computed");
    }

    @Test
    void aComparisonCreditsThreadsWithOverlappingWaitsOnlyWhenWaitsOverlapped() {
        var waits = compareAll(twoApiCalls(), 2, true);
        assertThat(waits.rule()).endsWith("threads_overlapped_waits");
        assertThat(waits.text()).contains("2 threads were 1.7× faster than sequential by overlapping waits");
        assertThat(compareAll(chainedWaits(), 2, true).rule()).doesNotContain("threads_overlapped_waits");
    }

    @Test
    void aComparisonWhereThreadsGainedNothingSaysWhy() {
        var gil = VerdictRule.ofComparison(
                List.of(simulate(cpuPair(), SEQUENTIAL), simulate(cpuPair(), new SchedulerSpec.Threads(2))));
        assertThat(gil.rule()).isEqualTo("threads_no_gain_gil");
        assertThat(gil.text())
                .isEqualTo("2 threads gained nothing over sequential: the GIL runs the CPU work one piece "
                        + "at a time.");
        var chained = compareAll(chainedWaits(), 2, true);
        assertThat(chained.rule()).endsWith("threads_no_gain");
        assertThat(chained.text()).contains("2 threads gained nothing over sequential: no waits could overlap");
        assertThat(compareAll(twoApiCalls(), 2, true).rule()).doesNotContain("threads_no_gain");
    }
}
