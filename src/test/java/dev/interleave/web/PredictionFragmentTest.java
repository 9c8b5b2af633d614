package dev.interleave.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The playground's one prediction channel, without a browser: what the server answers for each edit. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PredictionFragmentTest {

    private static final String TWO_WAITS = "{\"name\":\"x\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":2000},"
            + "{\"id\":\"b\",\"kind\":\"io\",\"ms\":3000}]}";

    /** What the page's form posts on an edit. */
    private static ValidatableResponse predict(String graph, String scheduler, String workers) {
        return given().formParam("graph", graph)
                .formParam("scheduler", scheduler)
                .formParam("workers", workers)
                .post("/playground/prediction")
                .then();
    }

    @Test
    void workersOutOfRangeAreRefusedWithTheirPointerNotClamped() {
        for (String workers : new String[] {"0", "100", "", "four"}) {
            predict(TWO_WAITS, "parallel", workers)
                    .statusCode(422)
                    .body(allOf(
                            containsString("data-pointer=\"/scheduler/workers\""),
                            not(containsString("Predicted:")),
                            not(containsString("64 workers"))));
        }
        predict(TWO_WAITS, "parallel", "64").statusCode(200).body(containsString("on 64 workers"));
    }

    @Test
    void everyViolationComesOnceWithItsPointer() {
        predict(
                        "{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":70000},{\"id\":\"a\",\"kind\":\"io\",\"ms\":1}]}",
                        "event_loop",
                        "0")
                .statusCode(422)
                .body(allOf(
                        containsString("<li data-pointer=\"/graph/tasks/0/ms\""),
                        containsString("<li data-pointer=\"/graph/tasks/1/id\""),
                        containsString("id &#39;a&#39; is already used"),
                        containsString("<li data-pointer=\"/scheduler/workers\"")));
    }

    @Test
    void aRunPredictedPastTheDeadlineIsWarnedAboutOnlyThen() {
        String tooLong = "{\"tasks\":[{\"id\":\"long\",\"kind\":\"io\",\"ms\":45000}]}";
        predict(tooLong, "sequential", "2")
                .statusCode(200)
                .body(allOf(
                        containsString("This run will hit the"),
                        containsString("Sequential is predicted to take 45.00 s")));
        predict(TWO_WAITS, "sequential", "2").statusCode(200).body(not(containsString("deadline")));
    }

    @Test
    void thePreviewIsTheChosenSchedulersRunWithItsVerdict() {
        predict(TWO_WAITS, "sequential", "2")
                .statusCode(200)
                .body(allOf(
                        containsString("data-scheduler=\"sequential\""),
                        containsString("&quot;rule&quot;:&quot;sequential&quot;"),
                        containsString("&quot;events&quot;:[")));
    }
}
