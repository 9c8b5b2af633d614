package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.graph.GraphService;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.OwnerCookie;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Owner cookies minted before values were signed: an owner who saved something then keeps it (the cookie is
 * re-issued signed, same owner), while a made-up unsigned value still names nobody.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class UnsignedCookieUpgradeTest {

    @Inject
    IdentityService identity;

    @Inject
    GraphService graphs;

    @Test
    void anOwnerFromBeforeSignedCookiesKeepsWhatItSaved() throws Throwable {
        String unsigned = Ids.random(32); // what the previous version set
        var owner = identity.fromCookie(unsigned);
        // What the previous version did on that owner's first save: an owner row and its graph.
        var saved = VertxContextSupport.subscribeAndAwait(
                () -> graphs.create(owner, GraphSpec.named("kept").io("a", 10).build()));

        var answer = given().cookie(OwnerCookie.NAME, unsigned).get("/api/v1/graphs");
        answer.then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(saved.id()));
        String resigned = answer.cookie(OwnerCookie.NAME);
        assertThat(resigned).startsWith(unsigned + ".").matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{22}");

        // The signed value names the same owner from now on, and is not re-issued.
        var next = given().cookie(OwnerCookie.NAME, resigned).get("/api/v1/graphs");
        next.then().statusCode(200).body("total", equalTo(1));
        assertThat(next.header("Set-Cookie")).isNull();
    }

    @Test
    void aMadeUpUnsignedValueNamesNobody() {
        String madeUp = Ids.random(32);
        var answer = given().cookie(OwnerCookie.NAME, madeUp).get("/api/v1/graphs");
        answer.then().statusCode(200).body("total", equalTo(0));
        assertThat(answer.cookie(OwnerCookie.NAME)).doesNotStartWith(madeUp);
    }
}
