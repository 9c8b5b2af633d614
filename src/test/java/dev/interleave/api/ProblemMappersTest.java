package dev.interleave.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Bad input of every kind is a 4xx problem, never a 500, and saves nothing. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ProblemMappersTest {

    private final Caller me = Caller.anonymous();

    @Test
    void malformedJsonIs400() {
        me.json("{\"graph\": {\"tasks\": [")
                .post("/api/v1/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("instance", equalTo("/api/v1/runs"))
                .body("detail", containsString("not valid JSON"));
        me.given().get("/api/v1/runs").then().body("total", equalTo(0));
    }

    @Test
    void wrongTypeNamesTheField() {
        me.json("{\"graph\":{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":\"slow\"}]}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/wrong-type"))
                .body("detail", containsString("/graph/tasks/0/ms"));
    }

    @Test
    void unknownFieldIs400() {
        me.json("{\"graph\":" + Caller.smallGraph() + ",\"priority\":1}")
                .post("/api/v1/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-field"))
                .body("detail", containsString("priority"));
        me.given().get("/api/v1/runs").then().body("total", equalTo(0));
    }

    @Test
    void emptyBodyIs400AndWrongMediaTypeIs415() {
        me.given()
                .contentType("application/json")
                .post("/api/v1/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        me.given()
                .contentType("text/plain")
                .body("hello")
                .post("/api/v1/runs")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void oversizeBodyIs413() {
        String big = "{\"graph\":{\"name\":\"" + "x".repeat(2_100_000) + "\",\"tasks\":[]}}";
        me.json(big)
                .post("/api/v1/simulate")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/body-too-large"));
    }

    @Test
    void badSchedulerIs422WithPointer() {
        me.json("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"parallel\",\"workers\":0}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/scheduler/workers"))
                .body("errors[0].code", equalTo("workers-out-of-range"));
        me.json("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"fibers\"}}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/scheduler/type"));
    }

    @Test
    void unknownPathIs404Problem() {
        me.given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
