package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.RunState;
import dev.interleave.service.identity.IdentityService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A run of a dead instance (no fresh heartbeat) is interrupted by the sweep; a leased one is left alone. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunLeasesTest {

    @Inject
    RunRepository runs;

    @Inject
    RunRecovery leases;

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
        return SavedRuns.insert(runs, ownerId, RunState.fromWireName(status), null, instance);
    }
}
