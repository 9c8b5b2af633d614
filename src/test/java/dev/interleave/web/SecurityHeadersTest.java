package dev.interleave.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Issue 15, item 10: what every answer tells the browser, and the one page that may be framed. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SecurityHeadersTest {

    private static ExtractableResponse<Response> get(String path) {
        return given().redirects().follow(false).get(path).then().extract();
    }

    private static String shareOfAFinishedRun() {
        var caller = Caller.anonymous();
        String id = caller.startRun(Caller.runBody("{\"type\":\"sequential\"}"));
        caller.awaitStatus(id, "succeeded");
        return caller.given().get("/api/v1/runs/" + id).then().extract().path("links.share");
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndNoFraming() {
        for (String path : new String[] {"/", "/runs", shareOfAFinishedRun()}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("script-src")
                    .doesNotContain("unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    void theEmbedViewMayBeFramedByTheConfiguredSitesOnly() {
        var response = get(shareOfAFinishedRun() + "?embed=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors *")
                .doesNotContain("frame-ancestors 'none'");
    }

    @Test
    void scriptsAndApiAnswersAreNotSniffed() {
        assertThat(get("/favicon.svg").header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("/api/v1/runs").header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void swaggerUiKeepsItsInlineScriptsWorking() {
        assertThat(get("/q/swagger-ui/").header("Content-Security-Policy")).isNull();
    }
}
