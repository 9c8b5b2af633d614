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

    @Test
    void thePredictionLineNamesThreadsWithItsGil() {
        predict(TWO_WAITS, "threads", "2")
                .statusCode(200)
                .body(allOf(
                        containsString("<strong>3.00 s</strong> on 2 threads (GIL)"),
                        containsString("data-scheduler=\"threads\"")));
        given().formParam("graph", TWO_WAITS)
                .formParam("scheduler", "threads")
                .formParam("workers", "2")
                .formParam("gil", "off")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(containsString("on 2 threads (no GIL, a model)"));
        given().formParam("graph", TWO_WAITS)
                .formParam("scheduler", "threads")
                .formParam("workers", "2")
                .formParam("gil", "maybe")
                .post("/playground/prediction")
                .then()
                .statusCode(422)
                .body(containsString("data-pointer=\"/scheduler/gil\""));
    }

    @Test
    void aPreviewWithTooManyEventsComesWithItsTaskTimesOnly() {
        // four minutes of CPU work on two threads under the GIL: about 144,000 GIL events at 5 ms turns
        String cpu = "{\"tasks\":[{\"id\":\"a\",\"kind\":\"cpu\",\"ms\":60000},"
                + "{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":60000},{\"id\":\"c\",\"kind\":\"cpu\",\"ms\":60000},"
                + "{\"id\":\"d\",\"kind\":\"cpu\",\"ms\":60000}]}";
        predict(cpu, "threads", "2")
                .statusCode(200)
                .body(allOf(
                        containsString("&quot;tasks&quot;:["),
                        not(containsString("&quot;events&quot;")),
                        containsString("240.00 s</strong> on 2 threads")));
        predict(TWO_WAITS, "threads", "2").statusCode(200).body(containsString("&quot;events&quot;:["));
    }
}
