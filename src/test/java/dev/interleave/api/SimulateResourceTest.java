package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SimulateResourceTest {

    @Test
    void simulatesInVirtualTimeWithEveryEvent() {
        // a(30 io) and b(20 io) overlap on the loop; c(10 cpu) after both: 30 + 10 = 40 ms.
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"event_loop\"}}")
                .post("/api/v1/simulate?events=true")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("succeeded"))
                .body("virtual", is(true))
                .body("makespanMs", equalTo(40.0f))
                .body("$", not(hasKey("id")))
                .body("$", not(hasKey("links")))
                .body("tasks.find { it.id == 'c' }.startMs", equalTo(30.0f))
                .body("events[0].type", equalTo("run_started"))
                .body("events[-1].type", equalTo("run_finished"))
                .body("events[-1].status", equalTo("succeeded"))
                .body("bounds.criticalPath", equalTo(List.of("a", "c")));
    }

    @Test
    void sequentialAddsEverything() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"sequential\"}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("makespanMs", equalTo(60.0f))
                .body("speedupVsSequential", equalTo(1.0f));
    }

    @Test
    void missingSchedulerMeansParallel() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + "}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("scheduler.type", equalTo("parallel"));
    }

    @Test
    void threadsUnderTheGilSimulateWithTheirOptionsEchoed() {
        // a(30 io) and b(20 io) overlap on two threads; c(10 cpu) after both: 40 ms.
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"threads\",\"workers\":2}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("makespanMs", equalTo(40.0f))
                .body("scheduler.type", equalTo("threads"))
                .body("scheduler.workers", equalTo(2))
                .body("scheduler.gil", is(true))
                .body("scheduler.cores", equalTo(4));
    }

    @Test
    void limitsAndOffloadAreAcceptedOnTheEventLoop() {
        String graph = """
                {"limits":{"api":1},"tasks":[{"id":"a","kind":"io","ms":30,"limit":"api"},
                {"id":"b","kind":"io","ms":20,"limit":"api"},{"id":"c","kind":"blocking_io","ms":10,"offload":true}]}""";
        Caller.anonymous()
                .json("{\"graph\":" + graph + ",\"scheduler\":{\"type\":\"event_loop\",\"cores\":2}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("makespanMs", equalTo(50.0f))
                .body("scheduler.cores", equalTo(2))
                .body("tasks.find { it.id == 'c' }.lane", equalTo(1));
    }

    @Test
    void schedulerOptionsOnTheWrongSchedulerOrOutOfRangeAre422WithPointers() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph()
                        + ",\"scheduler\":{\"type\":\"parallel\",\"gil\":false,\"cores\":2}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/scheduler/gil", "/scheduler/cores")))
                .body("errors.code", equalTo(List.of("gil-not-allowed", "cores-not-allowed")));
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph()
                        + ",\"scheduler\":{\"type\":\"threads\",\"workers\":65,\"cores\":0}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .body("errors.code", equalTo(List.of("workers-out-of-range", "cores-out-of-range")));
    }

    @Test
    void anUnknownLimitIs422WithItsPointer() {
        String graph = "{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":30,\"limit\":\"api\"}]}";
        Caller.anonymous()
                .json("{\"graph\":" + graph + ",\"scheduler\":{\"type\":\"event_loop\"}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/graph/tasks/0/limit"))
                .body("errors[0].code", equalTo("unknown-limit"));
    }
}
