package dev.interleave.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the front end is delivered: one bundle per page kind, compressed, hashed bundles cached for a year. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BundleDeliveryTest {

    @TestHTTPResource("/")
    URL root;

    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" src=\"(/static/bundle/[^\"]+)\"");

    private static List<String> scripts(String path) {
        String html = given().get(path).then().statusCode(200).extract().asString();
        var found = new ArrayList<String>();
        var matcher = SCRIPT.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void thePlaygroundLoadsItsEditorBundleAndTheRunsPageDoesNot() {
        assertThat(scripts("/")).anyMatch(s -> s.startsWith("/static/bundle/playground-"));
        assertThat(scripts("/runs")).hasSize(1).allMatch(s -> s.startsWith("/static/bundle/app-"));
    }

    @Test
    void hashedBundlesAreCachedForAYearAndPagesAreNot() {
        String bundle = scripts("/").getFirst();
        assertThat(given().get(bundle).then().statusCode(200).extract().header("Cache-Control"))
                .contains("max-age=31536000")
                .contains("immutable");
        assertThat(String.valueOf(
                        given().get("/runs").then().statusCode(200).extract().header("Cache-Control")))
                .as("a page changes with its data")
                .doesNotContain("max-age=31536000");
    }

    /** A plain client, so that Accept-Encoding is exactly what the test says (rest-assured adds its own). */
    private String contentEncoding(String path, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(root.toURI().resolve(path))
                .header("Accept-Encoding", acceptEncoding)
                .build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.headers().firstValue("Content-Encoding").orElse("identity");
        }
    }

    @Test
    void scriptsAndPagesAreGzippedWhenTheBrowserAsksForIt() throws Exception {
        String bundle = scripts("/").getLast();
        assertThat(contentEncoding(bundle, "gzip, deflate, br")).isEqualTo("gzip");
        assertThat(contentEncoding("/runs", "gzip")).isEqualTo("gzip");
        assertThat(contentEncoding(bundle, "identity"))
                .as("not compressed for a client that does not ask")
                .isEqualTo("identity");
    }

    @Test
    void theFaviconIsServed() {
        given().get("/favicon.svg").then().statusCode(200);
    }
}
