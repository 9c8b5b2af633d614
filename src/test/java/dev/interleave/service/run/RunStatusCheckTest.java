package dev.interleave.service.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.persistence.RunRepository;
import dev.interleave.service.RunState;
import dev.interleave.service.identity.IdentityService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The status column holds RunState's wire names and nothing else (V2__run_status_check.sql). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunStatusCheckTest {

    @Inject
    RunRepository runs;

    @Inject
    IdentityService identity;

    /** Rows saved as this instance's, so that no lease sweep interrupts them while the test reads them. */
    @Inject
    LocalRuns local;

    @Test
    void everyRunStateIsSavedAndReadBack() throws Throwable {
        String owner = owner();
        for (var state : RunState.values()) {
            String id = SavedRuns.insert(runs, owner, state, null, local.instanceId());
            var saved = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> runs.findRun(id)));
            assertThat(saved.status()).isEqualTo(state);
        }
    }

    @Test
    void aStatusRunStateDoesNotNameIsRefusedByTheDatabase() throws Throwable {
        String id = SavedRuns.insert(runs, owner(), RunState.QUEUED, null, local.instanceId());
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withTransaction(() -> runs.update("status = 'done' where id = ?1", id))))
                .hasStackTraceContaining("runs_status_known");
    }

    private String owner() {
        var me = Caller.anonymous();
        me.given().post("/api/v1/tokens").then().statusCode(201);
        return identity.fromCookie(me.secret()).id();
    }
}
