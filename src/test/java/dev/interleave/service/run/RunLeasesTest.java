package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.persistence.RunRepository;
import dev.interleave.persistence.StoredRun;
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

/** A run of a dead instance (no fresh heartbeat) is interrupted by the sweep; a leased one is left alone. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunLeasesTest {

    @Inject
    RunRepository runs;

    @Inject
    RunLeases leases;

    @Inject
    IdentityService identity;

    @Test
    void expiredLeasesAreInterruptedAndFreshOnesAreNot() throws Throwable {
        var me = Caller.anonymous();
        var owner = identity.fromCookie(me.secret());
        me.given().post("/api/v1/tokens").then().statusCode(201);
        String dead = insert(owner.id(), "running", "dead-instance");
        String alive = insert(owner.id(), "queued", "other-instance"); // queued: its lease starts at insert

        leases.tick();

        me.given()
                .get("/api/v1/runs/" + dead)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("interrupted"))
                .body("reason", org.hamcrest.Matchers.containsString("lease expired"));
        me.given()
                .get("/api/v1/runs/" + alive)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("queued"));
        assertThat(dead).isNotEqualTo(alive);
    }

    private String insert(String ownerId, String status, String instance) throws Throwable {
        String id = Ids.id();
        var run = new StoredRun(
                id,
                ownerId,
                Ids.slug(),
                null,
                null,
                0,
                status,
                null,
                "{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":100}]}",
                "{\"type\":\"event_loop\"}",
                null,
                null,
                null,
                100.0,
                0,
                Instant.now(),
                null,
                null);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> runs.insert(run, instance)));
        return id;
    }
}
