package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SharedResourceTest {

    @Test
    void aShareLinkGivesAnyoneAReadOnlyView() {
        var me = Caller.anonymous();
        var created = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .body("links.share", matchesPattern("/s/[A-Za-z0-9_-]{16}"))
                .extract();
        String id = created.path("id");
        String slug = created.path("links.share").toString().substring(3);
        var stranger = Caller.anonymous();
        stranger.given()
                .get("/api/v1/shared/" + slug)
                .then()
                .statusCode(200)
                .body("kind", equalTo("run"))
                .body("id", equalTo(id));
        stranger.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(404);
        stranger.given()
                .get("/api/v1/shared/AAAAAAAAAAAAAAAA")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        me.awaitStatus(id, "succeeded");
    }
}
