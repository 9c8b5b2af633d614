package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.persistence.EventChunk;
import dev.interleave.persistence.RunEventRepository;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.RunState;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a crash leaves behind (a run saved as running, some events saved) becomes interrupted at start-up. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunRecoveryTest {

    @Inject
    RunRepository runs;

    @Inject
    RunEventRepository events;

    @Inject
    RunRecovery service;

    @Inject
    IdentityService identity;

    @Test
    void runsLeftRunningBecomeInterruptedWithWhatWasSaved() throws Throwable {
        var me = Caller.anonymous();
        var owner = identity.fromCookie(me.secret());
        // A token request records the owner row the run refers to.
        me.given().post("/api/v1/tokens").then().statusCode(201);
        String id = Ids.id();
        var crashed = SavedRuns.row(id, owner.id(), RunState.RUNNING, Instant.now());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> runs.insert(crashed, "gone")
                .chain(() -> events.append(
                        id,
                        new EventChunk(
                                0,
                                0,
                                "[{\"seq\":0,\"type\":\"run_started\","
                                        + "\"ns\":0,\"tMs\":0.0,\"lane\":-1,\"scheduler\":\"event_loop\",\"lanes\":1,"
                                        + "\"virtual\":false}]")))));

        int interrupted = VertxContextSupport.subscribeAndAwait(service::interruptLeftovers);

        assertThat(interrupted).isGreaterThanOrEqualTo(1);
        me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("interrupted"))
                .body("reason", org.hamcrest.Matchers.containsString("restarted"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        me.given()
                .get("/api/v1/runs/" + id + "/events")
                .then()
                .body("events.seq", org.hamcrest.Matchers.equalTo(java.util.List.of(0)));
    }
}
