package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class OpsTest {

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsCountRunsQueueAndWatchers() {
        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        me.awaitStatus(id, "succeeded");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("interleave_runs_finished_total{status=\"succeeded\"}"))
                .body(containsString("interleave_runs_queued"))
                .body(containsString("interleave_watchers"))
                .body(containsString("interleave_run_duration_seconds"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/v1/runs"));
    }
}
