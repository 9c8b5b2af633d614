package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 6: a NUL byte in an id or slug, or a page whose offset overflows, reached PostgreSQL and came back
 * as a 500 with a 6.7 KB stack trace in the log. Ids and slugs are checked by format first (404), pages are bounded.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class MalformedIdsTest {

    private final Caller me = Caller.anonymous();

    /** Sends the path as written: %00 must reach the server percent-encoded, not re-encoded. */
    private io.restassured.specification.RequestSpecification raw() {
        return me.given()
                .urlEncodingEnabled(false)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()));
    }

    @Test
    void aNulInAnIdIsNotFound() {
        for (String path : new String[] {
            "/api/v1/runs/%00",
            "/api/v1/runs/a%00b/events",
            "/api/v1/graphs/%00",
            "/api/v1/comparisons/%00",
            "/api/v1/shared/%00"
        }) {
            raw().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        raw().post("/api/v1/runs/%00/cancel").then().statusCode(404);
        raw().delete("/api/v1/runs/%00").then().statusCode(404);
    }

    @Test
    void aNulInASharePageSlugIsThePageForAMissingLink() {
        raw().get("/s/%00").then().statusCode(404);
    }

    @Test
    void aPageWhoseOffsetOverflowsIsRefusedAs400() {
        me.given()
                .get("/api/v1/runs?page=21474837&size=100")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-request"));
        me.given().get("/api/v1/graphs?page=21474837&size=100").then().statusCode(400);
        int ok = me.given().get("/api/v1/runs?page=3&size=100").statusCode();
        assertThat(ok).isEqualTo(200);
        me.given().get("/runs?page=21474837").then().statusCode(200);
    }
}
