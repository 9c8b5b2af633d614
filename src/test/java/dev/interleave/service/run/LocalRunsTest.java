package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.RunState;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.live.RunEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping a run is decided in one place, and a request about another instance's run leaves nothing here. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class LocalRunsTest {

    @Inject
    RunRepository runs;

    @Inject
    LocalRuns local;

    @Inject
    IdentityService identity;

    @Inject
    RunEvents hub;

    @Test
    void cancellingARunThatExecutesOnAnotherInstanceLeavesNothingBehind() throws Throwable {
        var me = Caller.anonymous();
        me.given().post("/api/v1/tokens").then().statusCode(201);
        String id = SavedRuns.insert(
                runs, identity.fromCookie(me.secret()).id(), RunState.RUNNING, Instant.now(), "other-instance");

        me.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202).body("status", equalTo("running"));

        // The executing instance is told (NOTIFY) and saves the end; this one keeps no record of the request.
        assertThat(local.tracks(id)).isFalse();
        assertThat(local.stop(id, LocalRuns.Stop.CANCEL)).isEqualTo(LocalRuns.Found.ELSEWHERE);
        assertThat(local.tracks(id)).isFalse();
    }

    @Test
    void aRunExecutingHereIsFoundHereAndForgottenWhenItEnds() {
        var me = Caller.anonymous();
        String id = me.startRun("{\"graph\":{\"tasks\":[{\"id\":\"slow\",\"kind\":\"io\",\"ms\":5000}]},"
                + "\"scheduler\":{\"type\":\"event_loop\"}}");
        me.awaitStatus(id, "running");
        assertThat(local.tracks(id)).isTrue();

        me.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202);

        me.awaitStatus(id, "cancelled");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !local.tracks(id));
        assertThat(local.stop(id, LocalRuns.Stop.DELETE)).isEqualTo(LocalRuns.Found.ELSEWHERE);
    }

    @Test
    void cancellingARunWaitingInsideAComparisonTellsItsWatchersAtOnce() {
        var me = Caller.anonymous();
        String slow = "{\"tasks\":[{\"id\":\"slow\",\"kind\":\"io\",\"ms\":5000}]}";
        List<String> ids = me.json("{\"graph\":" + slow + ",\"schedulers\":[{\"type\":\"event_loop\"},"
                        + "{\"type\":\"sequential\"}]}")
                .post("/api/v1/compare")
                .then()
                .statusCode(202)
                .extract()
                .path("runs.id");
        String waiting = ids.get(1); // runs after the first, in the same job: not in the queue under its own id
        assertThat(hub.isLive(waiting)).isTrue();

        me.given()
                .post("/api/v1/runs/" + waiting + "/cancel")
                .then()
                .statusCode(202)
                .body("status", equalTo("cancelled"));

        assertThat(hub.isLive(waiting)).isFalse();
        me.given().post("/api/v1/runs/" + ids.get(0) + "/cancel").then().statusCode(202);
        me.awaitStatus(ids.get(0), "cancelled");
    }
}
