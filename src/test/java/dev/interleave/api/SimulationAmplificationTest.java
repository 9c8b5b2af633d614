package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 7: /simulate answered 13 times the bytes it was sent (every event, always) and listed all of an
 * invalid graph's 100,000 violations. Events now come only when asked for; violations stop at a cap, with a count.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SimulationAmplificationTest {

    private final Caller me = Caller.anonymous();
    private final String body = "{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"event_loop\"}}";

    @Test
    void eventsAreSentOnlyWhenAskedFor() {
        me.json(body).post("/api/v1/simulate").then().statusCode(200).body("$", not(hasKey("events")));
        me.json(body)
                .post("/api/v1/simulate?events=false")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("events")));
        me.json(body)
                .post("/api/v1/simulate?events=true")
                .then()
                .statusCode(200)
                .body("$", hasKey("events"));
    }

    @Test
    void anInvalidGraphListsAtMostTheCapOfViolationsAndCountsTheRest() {
        int broken = Problem.MAX_ERRORS * 3;
        var tasks = new StringBuilder();
        for (int i = 0; i < broken; i++) {
            tasks.append(i == 0 ? "" : ",").append("{\"id\":\"t").append(i).append("\",\"kind\":\"io\",\"ms\":1,");
            tasks.append("\"after\":[\"missing\"]}");
        }
        var answer = me.json("{\"graph\":{\"tasks\":[" + tasks + "]},\"scheduler\":{\"type\":\"sequential\"}}")
                .post("/api/v1/simulate");
        answer.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/graph-invalid"))
                .body("errors", hasSize(Problem.MAX_ERRORS))
                .body("moreErrors", equalTo(broken - Problem.MAX_ERRORS));
        me.json(body.replace("\"ms\":30", "\"ms\":-1"))
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("$", not(hasKey("moreErrors")));
        assertThat(answer.asString().length()).isLessThan(tasks.length());
    }

    /** One client address asking faster than its quota gets 429 too-many-simulations with Retry-After. */
    @Test
    void oneAddressSimulatingFasterThanItsQuotaIsRefusedWith429() {
        int burst = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("interleave.simulate.per-address-burst", Integer.class);
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250)); // via the trusted loopback proxy
        int refusedAt = -1;
        for (int i = 0; i < 2 * burst && refusedAt < 0; i++) {
            var answer = me.json(body).header("X-Forwarded-For", address).post("/api/v1/simulate");
            if (answer.statusCode() == 429) {
                refusedAt = i;
                answer.then()
                        .contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("type", equalTo("/problems/too-many-simulations"));
            } else {
                answer.then().statusCode(200);
            }
        }
        assertThat(refusedAt).isGreaterThanOrEqualTo(burst);
        me.json(body)
                .header("X-Forwarded-For", "203.0.113.250")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200);
    }
}
