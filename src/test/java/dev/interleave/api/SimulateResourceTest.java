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
}
