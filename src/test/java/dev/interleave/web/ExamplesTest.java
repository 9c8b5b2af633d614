package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.Engine;
import dev.interleave.engine.EngineLimits;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphLimits;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.sched.SchedulerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each gallery example says what to notice; these check the engine agrees, in virtual time. */
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Examples EXAMPLES = new Examples(JSON);
    private static final Engine ENGINE = new Engine(EngineLimits.DEFAULT);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static RunResult run(String slug, SchedulerSpec scheduler) {
        var example = EXAMPLES.bySlug(slug).orElseThrow();
        try {
            GraphSpec spec = JSON.treeToValue(example.graph(), GraphSpec.class);
            return ENGINE.simulate(new GraphValidator(GraphLimits.DEFAULT).validOrThrow(spec), scheduler);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static double ms(String slug, SchedulerSpec scheduler) {
        return run(slug, scheduler).makespanMillis();
    }

    @Test
    void galleryHasElevenExamplesAndOpensWithTheClassic() {
        assertThat(EXAMPLES.all()).hasSize(11);
        assertThat(EXAMPLES.first().slug()).isEqualTo("two-api-calls");
        assertThat(EXAMPLES.all()).allSatisfy(e -> assertThat(e.notice()).hasSizeGreaterThan(120));
    }

    @Test
    void twoApiCallsTakeFiveSecondsSequentiallyAndThreeOnTheLoop() {
        assertThat(ms("two-api-calls", new SchedulerSpec.Sequential())).isEqualTo(5000);
        assertThat(ms("two-api-calls", new SchedulerSpec.EventLoop())).isEqualTo(3000);
    }

    @Test
    void cpuWorkIsNotFasterOnTheLoop() {
        assertThat(ms("async-cpu", new SchedulerSpec.EventLoop())).isEqualTo(2000);
        assertThat(ms("async-cpu", new SchedulerSpec.Parallel(2))).isEqualTo(1000);
    }

    @Test
    void theBlockingCallStallsTheFetchForOneSecond() {
        var fetch = run("blocking-call", new SchedulerSpec.EventLoop()).task("fetch");
        assertThat(fetch.dueNanos()).isEqualTo(1_000_000_000L);
        assertThat(fetch.stallNanos()).isEqualTo(1_000_000_000L);
    }

    @Test
    void fanOutOverlapsFiftyRequests() {
        assertThat(ms("fan-out", new SchedulerSpec.Sequential())).isGreaterThan(13_000);
        assertThat(ms("fan-out", new SchedulerSpec.EventLoop())).isLessThan(500);
    }

    @Test
    void etlGainsOnTheLoopAndMoreWithWorkers() {
        double sequential = ms("etl", new SchedulerSpec.Sequential());
        double loop = ms("etl", new SchedulerSpec.EventLoop());
        assertThat(loop).isLessThan(sequential);
        assertThat(ms("etl", new SchedulerSpec.Parallel(4))).isLessThan(loop);
    }

    @Test
    void theMixedDagNeedsCores() {
        double loop = ms("mixed-dag", new SchedulerSpec.EventLoop());
        assertThat(loop).isGreaterThan(0.8 * ms("mixed-dag", new SchedulerSpec.Sequential()));
        assertThat(ms("mixed-dag", new SchedulerSpec.Parallel(4))).isLessThan(0.6 * loop);
    }

    // ---- the threads, to_thread and Semaphore examples: each figure in the notice is the engine's, formatted as
    // the page formats it, so a notice cannot keep a claim the engine no longer makes.

    private static String notice(String slug) {
        return EXAMPLES.bySlug(slug).orElseThrow().notice();
    }

    /** The page's format (format.js seconds): 2.000 s, 10.00 s, 345 ms. */
    private static String seconds(double ms) {
        if (ms >= 1000) {
            return String.format(java.util.Locale.ROOT, ms >= 10_000 ? "%.2f s" : "%.3f s", ms / 1000);
        }
        return String.format(java.util.Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static dev.interleave.engine.graph.GraphSpec spec(String slug) {
        try {
            return JSON.treeToValue(EXAMPLES.bySlug(slug).orElseThrow().graph(), GraphSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static RunResult run(GraphSpec spec, SchedulerSpec scheduler) {
        return ENGINE.simulate(new GraphValidator(GraphLimits.DEFAULT).validOrThrow(spec), scheduler);
    }

    private static SchedulerSpec.Threads threads(int workers, boolean gil) {
        return new SchedulerSpec.Threads(workers, gil, SchedulerSpec.DEFAULT_CORES);
    }

    @Test
    void theExamplesOpenOnTheSchedulerTheyAreAbout() {
        assertThat(EXAMPLES.bySlug("threads-gil").orElseThrow().scheduler()).isEqualTo("threads");
        assertThat(EXAMPLES.bySlug("threads-gil").orElseThrow().workers()).isEqualTo(4);
        assertThat(EXAMPLES.bySlug("convoy").orElseThrow().workers()).isEqualTo(2);
        assertThat(EXAMPLES.bySlug("rate-limit").orElseThrow().scheduler()).isEqualTo("event_loop");
        assertThat(EXAMPLES.all()).allSatisfy(e -> assertThat(e.gil()).isTrue());
    }

    @Test
    void threadsDoNotSpeedUpCpuUnderTheGil() {
        double threads = ms("threads-gil", threads(4, true));
        double sequential = ms("threads-gil", new SchedulerSpec.Sequential());
        double parallel = ms("threads-gil", new SchedulerSpec.Parallel(4));
        double free = ms("threads-gil", threads(4, false));
        assertThat(threads).as("as long as sequential").isEqualTo(sequential);
        assertThat(parallel).isLessThan(threads / 3);
        var run = run("threads-gil", threads(4, true));
        assertThat(run.tasks())
                .as("the four bars run side by side")
                .allSatisfy(t -> assertThat(t.startNanos()).isLessThan(run.makespanNanos() / 10));
        assertThat(notice("threads-gil"))
                .contains("The run takes " + seconds(threads) + ", as long as sequential")
                .contains("Parallel with 4 workers (processes, each with its own GIL) takes " + seconds(parallel))
                .contains("free-threaded model take " + seconds(free) + " too");
    }

    @Test
    void threadsOverlapWaitsInWavesOfTheirWorkers() {
        double four = ms("threads-waits", threads(4, true));
        double eight = ms("threads-waits", threads(8, true));
        double sequential = ms("threads-waits", new SchedulerSpec.Sequential());
        assertThat(four).isEqualTo(2 * eight).isLessThan(sequential);
        assertThat(notice("threads-waits"))
                .contains("the run takes " + seconds(four) + " instead of " + seconds(sequential) + " sequential")
                .contains("all eight overlap: " + seconds(eight));
    }

    @Test
    void aCpuThreadDelaysTheWakeUpsOfTheRequests() {
        double withGil = run("convoy", threads(2, true)).task("poll10").endNanos() / 1e6;
        double free = run("convoy", threads(2, false)).task("poll10").endNanos() / 1e6;
        double waiting = spec("convoy").tasks().stream()
                .filter(t -> t.id().startsWith("poll"))
                .mapToDouble(t -> t.ms())
                .sum();
        assertThat(free).as("without the GIL the chain takes its own time").isEqualTo(waiting);
        assertThat(withGil)
                .as("the convoy: later by more than a switch interval per request")
                .isGreaterThan(waiting + 50);
        assertThat(notice("convoy"))
                .contains("ten 20 ms requests")
                .contains(seconds(waiting) + " of waiting, end at " + seconds(withGil))
                .contains("they end at " + seconds(free));
    }

    @Test
    void toThreadTakesTheBlockingCallOffTheLoop() {
        var loop = new SchedulerSpec.EventLoop();
        var fixed = run("to-thread", loop);
        var blocked = run("blocking-call", loop);
        assertThat(spec("to-thread").tasks().get(1).offload()).isTrue();
        assertThat(fixed.task("legacy").lane()).as("on the executor 1 lane").isEqualTo(1);
        assertThat(fixed.task("fetch").stallNanos()).isZero();
        assertThat(blocked.task("fetch").stallNanos()).isPositive();
        assertThat(notice("to-thread"))
                .contains("at " + seconds(fixed.task("fetch").resumedNanos() / 1e6) + " instead of "
                        + seconds(blocked.task("fetch").resumedNanos() / 1e6) + ": no stall")
                .contains("The run takes " + seconds(fixed.makespanMillis()) + " instead of "
                        + seconds(blocked.makespanMillis()));
    }

    @Test
    void aLimitOfFiveRunsFiftyCallsInTenWaves() {
        var loop = new SchedulerSpec.EventLoop();
        var limited = run("rate-limit", loop);
        var graph = spec("rate-limit");
        var unlimited = GraphSpec.named("unlimited");
        var ten = GraphSpec.named("ten").limit("api", 10);
        for (var t : graph.tasks()) {
            unlimited.io(t.id(), t.ms());
            ten.add(dev.interleave.engine.graph.TaskSpec.of(t.id(), dev.interleave.engine.graph.TaskKind.IO, t.ms())
                    .withLimit("api"));
        }
        double free = run(unlimited.build(), loop).makespanMillis();
        double raised = run(ten.build(), loop).makespanMillis();
        double sequential = run(graph, new SchedulerSpec.Sequential()).makespanMillis();
        assertThat(graph.limits()).containsEntry("api", 5);
        assertThat(limited.makespanMillis()).as("10 waves").isEqualTo(10 * free);
        assertThat(raised).as("halves").isEqualTo(limited.makespanMillis() / 2);
        assertThat(limited.analysis().metrics().limitBoundNanos()).isEqualTo(limited.makespanNanos());
        assertThat(notice("rate-limit"))
                .contains("asyncio.Semaphore(5)")
                .contains("in 10 waves: " + seconds(limited.makespanMillis()) + " instead of " + seconds(free)
                        + " without the limit (and " + seconds(sequential) + " sequential)")
                .contains("the run halves, to " + seconds(raised));
    }
}
