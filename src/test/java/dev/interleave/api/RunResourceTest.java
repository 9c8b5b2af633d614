package dev.interleave.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunResourceTest {

    @Test
    void aRunIsAcceptedThenSucceedsWithMeasuredTimesAndSavedEvents() {
        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"event_loop\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .header("Location", startsWith("http"))
                .body("status", oneOf("queued", "running", "succeeded"))
                .body("virtual", is(false))
                .body("predictedMakespanMs", equalTo(40.0f))
                .body("links.stream", startsWith("/ws/runs/"))
                .body("links.share", startsWith("/s/"))
                .body("links.trace", notNullValue())
                .body("links.python", notNullValue())
                .body("tasks", hasSize(3))
                .extract()
                .path("id");
        me.awaitStatus(id, "succeeded");
        me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .statusCode(200)
                .body("makespanMs", greaterThan(39.0f))
                .body("tasks[2].state", equalTo("finished"))
                .body("tasks[2].lane", equalTo(0))
                .body("predicted.makespanMs", equalTo(40.0f))
                .body("bounds.criticalPath", equalTo(List.of("a", "c")))
                .body("startedAt", notNullValue())
                .body("finishedAt", notNullValue())
                .body("utilisation", hasSize(1));
        List<Integer> seqs = me.given()
                .get("/api/v1/runs/" + id + "/events")
                .then()
                .statusCode(200)
                .body("events[0].type", equalTo("run_started"))
                .extract()
                .path("events.seq");
        for (int i = 0; i < seqs.size(); i++) {
            org.assertj.core.api.Assertions.assertThat(seqs.get(i)).isEqualTo(i);
        }
        me.given()
                .get("/api/v1/runs/" + id + "/events?after=" + (seqs.size() - 2))
                .then()
                .body("events", hasSize(1))
                .body("events[0].type", equalTo("run_finished"))
                .body("next", equalTo(seqs.size() - 1));
    }

    @Test
    void aThreadsRunRunsForRealAndItsPythonProgramIsAThreadPool() {
        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"threads\",\"workers\":2}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .body("scheduler.type", equalTo("threads"))
                .body("predictedMakespanMs", equalTo(40.0f))
                .extract()
                .path("id");
        me.awaitStatus(id, "succeeded");
        me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .statusCode(200)
                .body("makespanMs", greaterThan(39.0f))
                .body("utilisation", hasSize(2));
        me.given()
                .get("/api/v1/runs/" + id + "/python")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ThreadPoolExecutor(max_workers=WORKERS"));
        me.json(Caller.runBody("{\"type\":\"threads\",\"gil\":\"no\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(400);
    }

    @Test
    void aThreadsRunSavesItsGilAndLimitEventsForReopening() {
        var me = Caller.anonymous();
        String id = me.startRun("{\"graph\":{\"limits\":{\"api\":1},\"tasks\":["
                + "{\"id\":\"a\",\"kind\":\"io\",\"ms\":10,\"limit\":\"api\"},"
                + "{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":10,\"limit\":\"api\"}]},"
                + "\"scheduler\":{\"type\":\"threads\",\"workers\":2}}");
        me.awaitStatus(id, "succeeded");
        var events = me.given()
                .get("/api/v1/runs/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> types = events.getList("events.type");
        // The main thread (no lane, no task) holds the GIL first; one of a and b waits for the limit.
        org.assertj.core.api.Assertions.assertThat(types)
                .contains("gil_taken", "gil_released", "gil_wait", "limit_wait", "limit_taken");
        int first = types.indexOf("gil_taken");
        org.assertj.core.api.Assertions.assertThat(events.getInt("events[" + first + "].lane"))
                .isEqualTo(-1);
        org.assertj.core.api.Assertions.assertThat((Object) events.get("events[" + first + "].task"))
                .isNull();
        int wait = types.indexOf("limit_wait");
        org.assertj.core.api.Assertions.assertThat(events.getString("events[" + wait + "].limit"))
                .isEqualTo("api");
    }

    @Test
    void listsMineNewestFirstWithoutTaskDetail() {
        var me = Caller.anonymous();
        String first = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = me.json(Caller.runBody("{\"type\":\"parallel\",\"workers\":2}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        me.given()
                .get("/api/v1/runs")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(second, first)))
                .body("items[0].tasks", nullValue())
                .body("items[0].predicted", nullValue())
                .body("items[0].lanes", equalTo(2));
        me.awaitStatus(second, "succeeded");
        me.awaitStatus(first, "succeeded");
        // A list item shows the same figures as the run itself, read without its task lists.
        var item = me.given().get("/api/v1/runs").then().extract().jsonPath();
        var run = me.given().get("/api/v1/runs/" + second).then().extract().jsonPath();
        for (String field : List.of("bounds", "utilisation", "speedupVsSequential", "makespanMs")) {
            org.assertj.core.api.Assertions.assertThat((Object) item.get("items[0]." + field))
                    .as(field)
                    .isNotNull()
                    .isEqualTo(run.get(field));
        }
    }

    @Test
    void runsASavedGraphById() {
        var me = Caller.anonymous();
        String graphId = me.json(Caller.smallGraph())
                .post("/api/v1/graphs")
                .then()
                .extract()
                .path("id");
        String id = me.json("{\"graphId\":\"" + graphId + "\",\"scheduler\":{\"type\":\"sequential\"}}")
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .body("graphId", equalTo(graphId))
                .extract()
                .path("id");
        me.awaitStatus(id, "succeeded");
        Caller.anonymous()
                .json("{\"graphId\":\"" + graphId + "\"}")
                .post("/api/v1/runs")
                .then()
                .statusCode(404);
    }

    @Test
    void cancellingARunningRunEndsItCancelledAndAFinishedOneIs409() {
        var me = Caller.anonymous();
        String id = me.json("{\"graph\":{\"tasks\":[{\"id\":\"slow\",\"kind\":\"io\",\"ms\":5000}]},"
                        + "\"scheduler\":{\"type\":\"event_loop\"}}")
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        me.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202).body("id", equalTo(id));
        me.awaitStatus(id, "cancelled");
        me.given()
                .post("/api/v1/runs/" + id + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/run-finished"));
    }

    @Test
    void onlyTheOwnerCancelsOrDeletes() {
        var me = Caller.anonymous();
        String id = me.json(Caller.runBody("{\"type\":\"sequential\"}"))
                .post("/api/v1/runs")
                .then()
                .extract()
                .path("id");
        var other = Caller.anonymous();
        other.given().get("/api/v1/runs/" + id).then().statusCode(404).contentType("application/problem+json");
        other.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(404);
        other.given().delete("/api/v1/runs/" + id).then().statusCode(404);
        other.given().get("/api/v1/runs/" + id + "/events").then().statusCode(404);
        me.awaitStatus(id, "succeeded");
        me.given().delete("/api/v1/runs/" + id).then().statusCode(204);
        me.given().get("/api/v1/runs/" + id).then().statusCode(404);
    }

    @Test
    void exportsTheTraceAndThePythonProgramToTheOwnerAndShareHoldersOnly() {
        var me = Caller.anonymous();
        var created = me.json(Caller.runBody("{\"type\":\"event_loop\"}"))
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract();
        String id = created.path("id");
        String slug = created.<String>path("links.share").substring("/s/".length());
        me.awaitStatus(id, "succeeded");
        me.given()
                .get("/api/v1/runs/" + id + "/trace")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("traceEvents.findAll { it.ph == 'X' || it.ph == 'b' }.size()", greaterThan(2))
                .body("metadata.status", equalTo("succeeded"));
        String script = me.given()
                .get("/api/v1/runs/" + id + "/python")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/x-python"))
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(script)
                .contains("asyncio.create_task")
                .contains("INTERLEAVE_RESULT");
        String sequential = me.given()
                .get("/api/v1/runs/" + id + "/python?scheduler=sequential")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(sequential).doesNotContain("asyncio.create_task");
        me.given()
                .get("/api/v1/runs/" + id + "/python?scheduler=warp")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        var stranger = Caller.anonymous();
        stranger.given().get("/api/v1/runs/" + id + "/trace").then().statusCode(404);
        stranger.given().get("/api/v1/runs/" + id + "/python").then().statusCode(404);
        stranger.given()
                .get("/api/v1/runs/" + id + "/trace?share=" + slug)
                .then()
                .statusCode(200);
    }

    @Test
    void tooManyQueuedRunsOfOneOwnerIs429WithRetryAfterAndNothingSaved() {
        var me = Caller.anonymous();
        String slow = "{\"graph\":{\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":3000}]},"
                + "\"scheduler\":{\"type\":\"event_loop\"}}";
        var ids = new java.util.ArrayList<String>();
        int status;
        do {
            var response = me.json(slow).post("/api/v1/runs");
            status = response.statusCode();
            if (status == 202) {
                ids.add(response.path("id"));
            } else {
                response.then()
                        .statusCode(429)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("/problems/too-many-runs"));
            }
        } while (status == 202 && ids.size() < 50);
        org.assertj.core.api.Assertions.assertThat(ids).hasSizeLessThan(50);
        me.given().get("/api/v1/runs").then().body("total", equalTo(ids.size()));
        ids.forEach(id -> me.given().delete("/api/v1/runs/" + id).then().statusCode(204));
    }
}
