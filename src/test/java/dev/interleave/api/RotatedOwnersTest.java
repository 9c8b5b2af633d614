package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.OwnerCookie;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: one client rotating cookies (each request a new owner) filled the whole run queue, and everyone
 * else got 429 for minutes. Now a made-up cookie is nobody, and one address gets a share of the queue.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RotatedOwnersTest {

    private static final String SLOW = "{\"graph\":{\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":8000}]},"
            + "\"scheduler\":{\"type\":\"event_loop\"}}";

    @Test
    void aWellFormedCookieTheServiceDidNotIssueIsNotAnOwner() {
        String madeUp = Ids.random(32); // the format every cookie had before they were signed
        given().cookie(OwnerCookie.NAME, madeUp)
                .get("/api/v1/graphs")
                .then()
                .statusCode(200)
                .header("Set-Cookie", containsString(OwnerCookie.NAME + "="));
        var issued = Caller.anonymous();
        var answer = issued.given().get("/api/v1/graphs");
        answer.then().statusCode(200);
        assertThat(answer.header("Set-Cookie")).isNull();
    }

    @Test
    void rotatingCookiesFromOneAddressFillsOnlyItsShareOfTheQueue() {
        int queueSize = config("interleave.runs.queue-size", 64);
        var started = new ArrayList<Caller>();
        var ids = new ArrayList<String>();
        io.restassured.response.Response refused = null;
        for (int i = 0; i < queueSize + 2 && refused == null; i++) {
            var response = given().contentType(ContentType.JSON).body(SLOW).post("/api/v1/runs"); // no cookie
            if (response.statusCode() == 202) {
                started.add(new Caller(response.cookie(OwnerCookie.NAME)));
                ids.add(response.path("id"));
            } else {
                refused = response;
            }
        }
        try {
            assertThat(refused).as("a refusal before the queue is full").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.<String>path("type")).isEqualTo("/problems/too-many-runs");
            assertThat(refused.<String>path("detail")).contains("network");
            assertThat(ids).hasSizeLessThan(queueSize);
            // Another client (here behind the trusted loopback proxy) still gets a place.
            var other = given().header("X-Forwarded-For", "198.51.100.9")
                    .contentType(ContentType.JSON)
                    .body(SLOW)
                    .post("/api/v1/runs");
            other.then().statusCode(202);
            started.add(new Caller(other.cookie(OwnerCookie.NAME)));
            ids.add(other.path("id"));
        } finally {
            for (int i = 0; i < ids.size(); i++) {
                started.get(i)
                        .given()
                        .delete("/api/v1/runs/" + ids.get(i))
                        .then()
                        .statusCode(204);
            }
        }
    }

    private static int config(String key, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
