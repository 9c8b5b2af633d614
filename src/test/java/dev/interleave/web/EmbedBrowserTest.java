package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The embeddable read-only replay ({@code /s/{slug}?embed=1}): compact, deep-linkable, framed where allowed. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EmbedBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private String share;

    /** A finished event-loop run: a waits 400 ms, then b computes 200 ms. */
    @BeforeEach
    void recordARun() {
        var caller = Caller.anonymous();
        String id = caller.startRun("{\"graph\":{\"name\":\"wait then compute\",\"tasks\":["
                + "{\"id\":\"a\",\"kind\":\"io\",\"ms\":400},{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":200,\"after\":[\"a\"]}]},"
                + "\"scheduler\":{\"type\":\"event_loop\"}}");
        caller.awaitStatus(id, "succeeded");
        share = caller.given().get("/api/v1/runs/" + id).then().extract().path("links.share");
    }

    @Test
    void aDeepLinkOpensTheCompactReplayAtThatTimeWithTheTaskHighlighted() {
        for (int[] size : new int[][] {{640, 360}, {390, 844}}) {
            try (var browser = new Browser(size[0], size[1])) {
                browser.driver.get(root + share.substring(1) + "?embed=1#t=0.25&task=b");
                browser.await(
                        Duration.ofSeconds(20),
                        d -> d.findElement(By.id("shared-status")).getText().contains("Recorded"));
                assertThat(browser.driver.findElements(By.cssSelector("nav[aria-label='Main']")))
                        .as("no site navigation inside a frame")
                        .isEmpty();
                assertThat(browser.driver.findElement(By.id("replay-time")).getText())
                        .startsWith("250 ms of");
                assertThat(browser.driver.findElement(By.id("shared-status")).getText())
                        .contains("task b highlighted");
                assertThat(browser.driver
                                .findElement(By.xpath("//button[normalize-space()='▶ Play']"))
                                .isDisplayed())
                        .isTrue();
                assertThat(browser.driver.findElements(By.cssSelector("#shared-timelines canvas")))
                        .hasSize(1);
                assertThat(browser.driver
                                .findElement(By.linkText("Open in Interleave ↗"))
                                .getAttribute("target"))
                        .isEqualTo("_blank");
                assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no horizontal scroll")
                        .isTrue();
                assertThat(browser.consoleProblems()).isEmpty();
                browser.screenshot("embed-" + size[0] + "x" + size[1]);
            }
        }
    }

    /** Framing is checked by the browser itself: the embed view loads in an iframe, the full page does not. */
    @Test
    void onlyTheEmbedViewLoadsInAFrame() {
        try (var browser = new Browser(1280, 800)) {
            browser.driver.get(root + "runs");
            browser.js(
                    "for (const src of arguments) { const f = document.createElement('iframe');"
                            + " f.src = src; f.width = 600; f.height = 300; document.body.append(f); }",
                    share + "?embed=1",
                    share);
            browser.await(
                    Duration.ofSeconds(20),
                    d -> (Boolean) browser.js("const doc = document.querySelectorAll('iframe')[0].contentDocument;"
                            + "return !!doc && !!doc.getElementById('shared-status')"
                            + " && doc.getElementById('shared-status').textContent.includes('Recorded');"));
            browser.screenshot("embed-framed");
            assertThat((Boolean) browser.js("const doc = document.querySelectorAll('iframe')[1].contentDocument;"
                            + "return !!doc && !!doc.getElementById('shared-status');"))
                    .as("the full shared page refuses to be framed (frame-ancestors 'none')")
                    .isFalse();
        }
    }
}
