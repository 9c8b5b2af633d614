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

/** The server-rendered pages and fragments, without a browser. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class WebPagesTest {

    @Test
    void theEmptyPlaygroundOpensWithTheFirstExample() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(allOf(
                        containsString("aria-current=\"true\">Two API calls</a>"),
                        containsString("What to notice:"),
                        containsString("/static/bundle/")));
    }

    @Test
    void anUnknownExampleFallsBackToTheFirst() {
        given().get("/?example=nope").then().statusCode(200).body(containsString("Two API calls (2 s + 3 s)"));
    }

    @Test
    void thePredictionLineGivesAllThreeMakespans() {
        given().formParam(
                        "graph",
                        "{\"name\":\"x\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":2000},"
                                + "{\"id\":\"b\",\"kind\":\"io\",\"ms\":3000}]}")
                .formParam("workers", "2")
                .post("/playground/prediction")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("3.00 s</strong> on the event loop"),
                        containsString("5.00 s</strong> sequential"),
                        containsString("on 2 workers")));
    }

    @Test
    void aBadGraphIsExplainedInPlainWordsAndEscaped() {
        given().formParam(
                        "graph",
                        "{\"name\":\"x\",\"tasks\":[{\"id\":\"<b>\",\"kind\":\"io\",\"ms\":1,"
                                + "\"after\":[\"<i>nope</i>\"]}]}")
                .post("/playground/prediction")
                .then()
                .statusCode(422)
                .contentType("text/html")
                .body(allOf(
                        containsString("Cannot predict this graph"),
                        containsString("&lt;i&gt;nope"),
                        not(containsString("<i>nope"))));
        given().formParam("graph", "{not json")
                .post("/playground/prediction")
                .then()
                .statusCode(422)
                .body(containsString("not valid JSON"));
    }

    @Test
    void aStrangerHasNoRunsYet() {
        given().get("/runs").then().statusCode(200).body(containsString("No runs yet"));
    }

    @Test
    void anUnknownShareLinkSaysSoWithA404() {
        given().get("/s/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("text/html")
                .body(containsString("Nothing is shared at this link"));
    }

    @Test
    void deletingWithoutTheOwnerCookieIsRefusedInPlace() {
        given().delete("/runs/some-id").then().statusCode(422).body(containsString("not yours to delete"));
    }
}
