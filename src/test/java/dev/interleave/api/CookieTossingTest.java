package dev.interleave.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.service.identity.OwnerCookie;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 11: a sibling port or subdomain could set its own owner cookie for this host ("cookie tossing"), and
 * the victim's next private graph appeared in the attacker's list. Behind TLS the cookie is {@code __Host-} and
 * {@code Secure}; a request with two owner cookies is refused. (Tests trust loopback as a proxy, see
 * application.properties.)
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class CookieTossingTest {

    @Test
    void twoOwnerCookiesInOneRequestAreRefused() {
        var victim = Caller.anonymous();
        var attacker = Caller.anonymous();
        given().header("Cookie", attacker.cookie() + "; " + victim.cookie())
                .contentType("application/json")
                .body(Caller.smallGraph())
                .post("/api/v1/graphs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/duplicate-owner-cookie"));
        attacker.given().get("/api/v1/graphs").then().body("total", equalTo(0));
        victim.given().get("/api/v1/graphs").then().body("total", equalTo(0));
    }

    @Test
    void behindTlsTheCookieIsHostPrefixedAndSecureAndThePlainOneIsIgnored() {
        var response = given().header("X-Forwarded-Proto", "https").get("/api/v1/graphs");
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).startsWith(OwnerCookie.SECURE_NAME + "=").contains("Secure", "Path=/");
        assertThat(setCookie).doesNotContainIgnoringCase("Domain");
        var tossed = Caller.anonymous(); // a valid owner, but under the plain name a sibling can set
        var answer = given().header("X-Forwarded-Proto", "https")
                .header("Cookie", tossed.cookie())
                .get("/api/v1/graphs");
        assertThat(answer.header("Set-Cookie")).startsWith(OwnerCookie.SECURE_NAME + "=");
    }

    @Test
    void plainHttpKeepsThePlainCookieWithoutSecure() {
        String setCookie = given().get("/api/v1/graphs").header("Set-Cookie");
        assertThat(setCookie).startsWith(OwnerCookie.NAME + "=").doesNotContain("Secure");
    }
}
