package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An export of an unfinished run has its own problem type, and no problem's detail names a Java class. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ProblemDetailsTest {

    /** A qualified name, a backtick-quoted type, or a class-like word ending in Exception, Error or Feature. */
    private static final Pattern JAVA_NAME =
            Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*|`|\\b\\w+(?:Exception|Error|Feature)\\b");

    private final Caller me = Caller.anonymous();

    @Test
    void theTraceOfARunThatHasNotFinishedIs409RunNotFinished() {
        String id = me.startRun("{\"graph\":{\"tasks\":[{\"id\":\"slow\",\"kind\":\"io\",\"ms\":5000}]},"
                + "\"scheduler\":{\"type\":\"event_loop\"}}");
        me.given()
                .get("/api/v1/runs/" + id + "/trace")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/run-not-finished"))
                .body("title", equalTo("The run has not finished"));
        me.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202);
        me.awaitStatus(id, "cancelled");
        me.given().get("/api/v1/runs/" + id + "/trace").then().statusCode(200);
    }

    @Test
    void noDetailNamesAJavaClass() {
        var bodies = List.of(
                "{\"graph\": {\"tasks\": [",
                "{\"graph\": {\"tasks\": [{\"id\": \"a\",}]}}",
                "{\"graph\":{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":\"slow\"}]}}",
                "{\"graph\":{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":10}]},"
                        + "\"scheduler\":{\"type\":\"parallel\",\"workers\":99999999999}}",
                "{\"graph\":{\"tasks\":{\"id\":\"a\"}}}",
                "{\"graph\":[1,2]}",
                "{\"graph\":{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":10,\"after\":{}}]}}",
                "[]",
                "\"text\"",
                "{\"graph\":{\"tasks\":[]},\"priority\":1}");
        for (String body : bodies) {
            String detail = me.json(body)
                    .post("/api/v1/simulate")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .path("detail");
            assertThat(detail).as("detail for %s", body).isNotBlank().doesNotContainPattern(JAVA_NAME);
        }
    }

    @Test
    void theNamePatternCatchesWhatJacksonWouldHaveSaid() {
        assertThat("Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)")
                .containsPattern(JAVA_NAME);
        assertThat("Cannot construct instance of dev.interleave.api.CreateRunRequest")
                .containsPattern(JAVA_NAME);
        assertThat("the body is not valid JSON: Unexpected end-of-input (line 1, column 22)")
                .doesNotContainPattern(JAVA_NAME);
    }
}
