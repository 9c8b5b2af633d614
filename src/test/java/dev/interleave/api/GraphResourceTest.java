package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class GraphResourceTest {

    @Test
    void createsGetsListsAndDeletesOwnGraphs() {
        var me = Caller.anonymous();
        String id = me.json(Caller.smallGraph())
                .post("/api/v1/graphs")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("small"))
                .body("graph.tasks", hasSize(3))
                .body("links.self", startsWith("/api/v1/graphs/"))
                .body("createdAt", notNullValue())
                .extract()
                .path("id");
        me.given()
                .get("/api/v1/graphs/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("graph.tasks[2].after", hasSize(2));
        me.given()
                .get("/api/v1/graphs?page=0&size=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("page", equalTo(0))
                .body("size", equalTo(5));
        me.given().delete("/api/v1/graphs/" + id).then().statusCode(204);
        me.given()
                .get("/api/v1/graphs/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void acceptsTheGraphWrappedInAGraphField() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + "}")
                .post("/api/v1/graphs")
                .then()
                .statusCode(201)
                .body("graph.name", equalTo("small"));
    }

    @Test
    void anotherIdentitySeesNotFound() {
        var owner = Caller.anonymous();
        String id = owner.json(Caller.smallGraph())
                .post("/api/v1/graphs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var other = Caller.anonymous();
        other.given().get("/api/v1/graphs/" + id).then().statusCode(404);
        other.given().delete("/api/v1/graphs/" + id).then().statusCode(404);
        other.given().get("/api/v1/graphs").then().statusCode(200).body("total", equalTo(0));
        owner.given().get("/api/v1/graphs/" + id).then().statusCode(200);
    }

    @Test
    void invalidGraphIs422WithEveryViolationAndNothingIsSaved() {
        var me = Caller.anonymous();
        me.json("""
                {"tasks":[{"id":"a","kind":"io","ms":1,"after":["b"]},{"id":"b","kind":"io","ms":1,"after":["a"]},
                {"id":"c","kind":"gpu","ms":5}]}""")
                .post("/api/v1/graphs")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/graph-invalid"))
                .body("status", equalTo(422))
                .body("errors.pointer", org.hamcrest.Matchers.hasItems("/tasks/2/kind", "/tasks/0/after/0"))
                .body("errors.find { it.code == 'cycle' }.cycle", equalTo(java.util.List.of("a", "b", "a")));
        me.given().get("/api/v1/graphs").then().body("total", equalTo(0));
    }

    @Test
    void badPagingIs400() {
        Caller.anonymous()
                .given()
                .get("/api/v1/graphs?size=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-request"));
        Caller.anonymous().given().get("/api/v1/graphs?page=x").then().statusCode(400);
    }
}
