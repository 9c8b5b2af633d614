package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class GuessResourceTest {

    private static final String TWO_CALLS =
            "{\"name\":\"two calls\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":200},{\"id\":\"b\",\"kind\":\"io\",\"ms\":300}]}";
    private static final String MAKESPAN_ON_LOOP = "{\"kind\":\"makespan\",\"scheduler\":{\"type\":\"event_loop\"}}";

    @Test
    void gradesAGuessAboutAGraphWithoutSavingIt() {
        // a (200) and b (300) overlap on the loop: 300 ms; 500 is the sum of the waits.
        Caller.anonymous()
                .json("{\"graph\":" + TWO_CALLS + ",\"question\":" + MAKESPAN_ON_LOOP + ",\"answer\":{\"ms\":500}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(200)
                .body("truth.ms", equalTo(300.0f))
                .body("errorMs", equalTo(200.0f))
                .body("correct", is(false))
                .body("misconception.id", equalTo("added-waits"));
    }

    @Test
    void aCorrectGuessHasNoMisconception() {
        Caller.anonymous()
                .json("{\"graph\":" + TWO_CALLS + ",\"question\":" + MAKESPAN_ON_LOOP + ",\"answer\":{\"ms\":300}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(200)
                .body("score", equalTo(100))
                .body("misconception", nullValue());
    }

    @Test
    void badQuestionsAndAnswersAreProblemsWithPointers() {
        var caller = Caller.anonymous();
        caller.json("{\"graph\":" + TWO_CALLS + ",\"question\":{\"kind\":\"slowest\"},\"answer\":{\"ms\":1}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/question/kind"))
                .body("errors[0].code", equalTo("unknown-question-kind"));
        caller.json("{\"graph\":" + TWO_CALLS + ",\"question\":{\"kind\":\"last_task\"},\"answer\":{\"task\":\"zz\"}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/answer/task"));
        caller.json("{\"graph\":" + TWO_CALLS + ",\"question\":{\"kind\":\"loop_blocked\",\"scheduler\":"
                        + "{\"type\":\"sequential\"}},\"answer\":{\"ms\":1}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(422)
                .body("errors[0].code", equalTo("not-an-event-loop"));
        caller.json(
                        "{\"graph\":" + TWO_CALLS + ",\"question\":{\"kind\":\"fastest_scheduler\",\"schedulers\":"
                                + "[{\"type\":\"sequential\"},{\"type\":\"parallel\",\"workers\":0}]},\"answer\":{\"scheduler\":0}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/question/schedulers/1/workers"));
        caller.json("{\"graph\":" + TWO_CALLS + ",\"question\":" + MAKESPAN_ON_LOOP + ",\"answer\":{\"ms\":-5}}")
                .post("/api/v1/guesses/grade")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/answer/ms"));
    }

    @Test
    void defaultQuestionsFollowTheGraph() {
        Caller.anonymous()
                .json("{\"graph\":" + TWO_CALLS + "}")
                .post("/api/v1/guesses/questions")
                .then()
                .statusCode(200)
                .body("kind", equalTo(List.of("makespan", "last_task")));
    }

    @Test
    void guessesAreSavedWithTheRunPrivateToItsOwnerAndSharedOnlyWhenChosen() {
        var owner = Caller.anonymous();
        String runId = owner.startRun("{\"graph\":" + TWO_CALLS + ",\"scheduler\":{\"type\":\"event_loop\"}}");
        String slug = owner.given()
                .get("/api/v1/runs/" + runId)
                .then()
                .extract()
                .path("links.share")
                .toString()
                .replaceAll(".*/s/", "");
        String guessId = owner.json("{\"question\":" + MAKESPAN_ON_LOOP + ",\"answer\":{\"ms\":500}}")
                .post("/api/v1/runs/" + runId + "/guesses")
                .then()
                .statusCode(201)
                .body("grade.misconception.id", equalTo("added-waits"))
                .body("shared", is(false))
                .extract()
                .path("id");
        owner.given()
                .get("/api/v1/runs/" + runId + "/guesses")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].grade.truth.ms", equalTo(300.0f));
        var stranger = Caller.anonymous();
        stranger.given().get("/api/v1/runs/" + runId + "/guesses").then().statusCode(404);
        stranger.json("{\"question\":" + MAKESPAN_ON_LOOP + ",\"answer\":{\"ms\":500}}")
                .post("/api/v1/runs/" + runId + "/guesses")
                .then()
                .statusCode(404);
        stranger.json("{\"shared\":true}")
                .patch("/api/v1/runs/" + runId + "/guesses/" + guessId)
                .then()
                .statusCode(404);
        io.restassured.RestAssured.get("/api/v1/shared/" + slug + "/guesses")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        owner.json("{\"shared\":true}")
                .patch("/api/v1/runs/" + runId + "/guesses/" + guessId)
                .then()
                .statusCode(200)
                .body("shared", is(true));
        io.restassured.RestAssured.get("/api/v1/shared/" + slug + "/guesses")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].answer.ms", equalTo(500.0f));
    }
}
