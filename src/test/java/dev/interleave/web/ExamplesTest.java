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
    void galleryHasSixExamplesAndOpensWithTheClassic() {
        assertThat(EXAMPLES.all()).hasSize(6);
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
}
