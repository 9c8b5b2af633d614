package dev.interleave.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The playground's one prediction channel, without a browser: what the server answers for each edit. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PredictionFragmentTest {

    private static final String TWO_WAITS = "{\"name\":\"x\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":2000},"
            + "{\"id\":\"b\",\"kind\":\"io\",\"ms\":3000}]}";

    @Test
    void workersOutOfRangeAreRefusedWithTheirPointerNotClamped() {
        for (String workers : new String[] {"0", "100", "", "four"}) {
            given().formParam("graph", TWO_WAITS)
                    .formParam("scheduler", "parallel")
                    .formParam("workers", workers)
                    .post("/playground/prediction")
                    .then()
                    .statusCode(422)
                    .body(allOf(
                            containsString("data-pointer=\"/scheduler/workers\""),
                            not(containsString("Predicted:")),
                            not(containsString("64 workers"))));
        }
        given().formParam("graph", TWO_WAITS)
                .formParam("scheduler", "parallel")
                .formParam("workers", "64")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(containsString("on 64 workers"));
    }

    @Test
    void everyViolationComesOnceWithItsPointer() {
        given().formParam(
                        "graph",
                        "{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":70000},{\"id\":\"a\",\"kind\":\"io\",\"ms\":1}]}")
                .formParam("scheduler", "event_loop")
                .formParam("workers", "0")
                .post("/playground/prediction")
                .then()
                .statusCode(422)
                .body(allOf(
                        containsString("<li data-pointer=\"/graph/tasks/0/ms\""),
                        containsString("<li data-pointer=\"/graph/tasks/1/id\""),
                        containsString("id &#39;a&#39; is used twice: by the tasks at positions 1 and 2"),
                        containsString("<li data-pointer=\"/scheduler/workers\"")));
    }

    @Test
    void aRunPredictedPastTheDeadlineIsWarnedAboutOnlyThen() {
        String tooLong = "{\"tasks\":[{\"id\":\"long\",\"kind\":\"io\",\"ms\":45000}]}";
        given().formParam("graph", tooLong)
                .formParam("scheduler", "sequential")
                .formParam("workers", "2")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("This run will hit the"),
                        containsString("Sequential is predicted to take 45.00 s")));
        given().formParam("graph", TWO_WAITS)
                .formParam("scheduler", "sequential")
                .formParam("workers", "2")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(not(containsString("deadline")));
    }

    @Test
    void thePreviewIsTheChosenSchedulersRunWithItsVerdict() {
        given().formParam("graph", TWO_WAITS)
                .formParam("scheduler", "sequential")
                .formParam("workers", "2")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("data-scheduler=\"sequential\""),
                        containsString("&quot;rule&quot;:&quot;sequential&quot;"),
                        containsString("&quot;events&quot;:[")));
    }
}
