package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.service.identity.OwnerCookie;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class IdentityFilterTest {

    @Test
    void aCallerWithoutIdentityGetsAnHttpOnlyLaxCookieThatIdentifiesItLater() {
        var response =
                given().contentType(ContentType.JSON).body(Caller.smallGraph()).post("/api/v1/graphs");
        response.then()
                .statusCode(201)
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"))
                .header("Set-Cookie", containsString("Path=/"));
        String secret = response.cookie(OwnerCookie.NAME);
        given().cookie(OwnerCookie.NAME, secret).get("/api/v1/graphs").then().body("total", equalTo(1));
    }

    @Test
    void bearerTokensIdentifyTheirOwnerAndSkipTheCookieCsrfRule() {
        var me = Caller.anonymous();
        String token = me.given()
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("token", startsWith("il_"))
                .extract()
                .path("token");
        me.json(Caller.smallGraph()).post("/api/v1/graphs").then().statusCode(201);
        given().header("Authorization", "Bearer " + token)
                .header("Origin", "https://elsewhere.example")
                .contentType(ContentType.JSON)
                .body(Caller.smallGraph())
                .post("/api/v1/graphs")
                .then()
                .statusCode(201);
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/graphs")
                .then()
                .body("total", equalTo(2));
        given().header("Authorization", "Bearer il_unknown")
                .get("/api/v1/graphs")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void crossSiteCookieWritesAreRefused() {
        var me = Caller.anonymous();
        me.json(Caller.smallGraph())
                .header("Sec-Fetch-Site", "cross-site")
                .post("/api/v1/graphs")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/cross-site-request"));
        me.json(Caller.smallGraph())
                .header("Origin", "https://evil.example")
                .post("/api/v1/graphs")
                .then()
                .statusCode(403);
        me.given().get("/api/v1/graphs").then().body("total", equalTo(0));
        me.given()
                .header("Origin", "https://evil.example")
                .get("/api/v1/graphs")
                .then()
                .statusCode(200);
    }

    @Test
    void sameOriginWritesPass() {
        var me = Caller.anonymous();
        String host = "localhost:" + io.restassured.RestAssured.port;
        me.json(Caller.smallGraph())
                .header("Origin", "http://" + host)
                .header("Host", host)
                .header("Sec-Fetch-Site", "same-origin")
                .post("/api/v1/graphs")
                .then()
                .statusCode(201);
    }
}
