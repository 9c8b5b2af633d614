package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ComparisonResourceTest {

    @Test
    void runsEverySchedulerOneAfterAnotherAndSharesOneLink() {
        var me = Caller.anonymous();
        var created = me.json("{\"graph\":" + Caller.smallGraph() + "}")
                .post("/api/v1/compare")
                .then()
                .statusCode(202)
                .body("runs", hasSize(4))
                .body("runs.scheduler.type", equalTo(List.of("sequential", "event_loop", "parallel", "threads")))
                .body("links.stream", startsWith("/ws/comparisons/"))
                .body("links.share", startsWith("/s/"))
                .extract();
        String id = created.path("id");
        org.assertj.core.api.Assertions.assertThat((Integer) created.path("runs[3].scheduler.workers"))
                .as("threads get as many workers as parallel")
                .isEqualTo((Integer) created.path("runs[2].scheduler.workers"));
        org.assertj.core.api.Assertions.assertThat((Boolean) created.path("runs[3].scheduler.gil"))
                .isTrue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> "succeeded"
                        .equals(me.given()
                                .get("/api/v1/comparisons/" + id)
                                .then()
                                .extract()
                                .path("status")));
        var runs = me.given()
                .get("/api/v1/comparisons/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("runs");
        // One after another: each run starts after the previous one finished.
        for (int i = 1; i < runs.size(); i++) {
            String previousEnd =
                    ((java.util.Map<?, ?>) runs.get(i - 1)).get("finishedAt").toString();
            String start = ((java.util.Map<?, ?>) runs.get(i)).get("startedAt").toString();
            org.assertj.core.api.Assertions.assertThat(java.time.Instant.parse(start))
                    .isAfterOrEqualTo(java.time.Instant.parse(previousEnd));
        }
        String slug = created.path("links.share").toString().substring("/s/".length());
        Caller.anonymous()
                .given()
                .get("/api/v1/shared/" + slug)
                .then()
                .statusCode(200)
                .body("kind", equalTo("comparison"))
                .body("id", equalTo(id));
        Caller.anonymous().given().get("/api/v1/comparisons/" + id).then().statusCode(404);
    }

    @Test
    void chosenSchedulersAreValidatedWithPointers() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + ",\"schedulers\":[{\"type\":\"sequential\"},"
                        + "{\"type\":\"nope\"}]}")
                .post("/api/v1/compare")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/schedulers/1/type"));
    }

    @Test
    void threadsOptionsInAComparisonAreValidatedWithPointers() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + ",\"schedulers\":[{\"type\":\"threads\",\"workers\":2},"
                        + "{\"type\":\"threads\",\"workers\":2,\"gil\":false,\"cores\":0}]}")
                .post("/api/v1/compare")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/schedulers/1/cores"))
                .body("errors[0].code", equalTo("cores-out-of-range"));
    }
}
