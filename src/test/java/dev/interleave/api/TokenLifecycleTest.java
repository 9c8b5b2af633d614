package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 5: bearer tokens were forever: no list, no revoke, no expiry, unbounded minting, and a cache kept
 * a deleted token working. Now they are listed, revoked (at once on this instance), may expire, and are capped.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class TokenLifecycleTest {

    @Test
    void aRevokedTokenStopsWorkingAtOnceAndTheListNeverShowsTokens() {
        var me = Caller.anonymous();
        var created = me.given().post("/api/v1/tokens").then().statusCode(201).extract();
        String id = created.path("id");
        String token = created.path("token");
        given().auth().oauth2(token).get("/api/v1/runs").then().statusCode(200); // now cached
        me.given()
                .get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].token", nullValue());
        Caller.anonymous().given().delete("/api/v1/tokens/" + id).then().statusCode(404); // not theirs
        me.given().delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/runs").then().statusCode(401);
        me.given().get("/api/v1/tokens").then().body("", hasSize(0));
        me.given().delete("/api/v1/tokens/" + id).then().statusCode(404);
    }

    @Test
    void aTokenMayExpireAndItsLifetimeIsBounded() {
        var me = Caller.anonymous();
        String expiresAt = me.given()
                .post("/api/v1/tokens?validDays=7")
                .then()
                .statusCode(201)
                .extract()
                .path("expiresAt");
        assertThat(Instant.parse(expiresAt))
                .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
        me.given().post("/api/v1/tokens").then().statusCode(201).body("expiresAt", nullValue());
        me.given().post("/api/v1/tokens?validDays=0").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOwnerCannotMintMoreThanTheCap() {
        int cap = ConfigProvider.getConfig().getValue("interleave.tokens.per-owner-max", Integer.class);
        var me = Caller.anonymous();
        for (int i = 0; i < cap; i++) {
            me.given().post("/api/v1/tokens").then().statusCode(201);
        }
        me.given()
                .post("/api/v1/tokens")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-tokens"));
        String oldest = me.given().get("/api/v1/tokens").then().extract().path("[0].id");
        me.given().delete("/api/v1/tokens/" + oldest).then().statusCode(204);
        me.given().post("/api/v1/tokens").then().statusCode(201);
    }
}
