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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * What each page costs a first visitor: bytes on the wire as the Resource Timing API reports them (the document,
 * scripts, styles and the page's own API calls, compressed as sent), and a console without warnings. Each visit
 * uses a fresh browser profile, so nothing comes from the cache.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PageWeightBrowserTest {

    /** Targets of issue 11 ("a light page"), in bytes transferred on a first visit. */
    private static final long PLAYGROUND_BUDGET = 250_000;

    private static final long SHARED_BUDGET = 120_000;
    private static final long RUNS_BUDGET = 60_000;

    @TestHTTPResource("/")
    URL root;

    @Test
    void thePlaygroundStaysUnderItsBudget() {
        long bytes = firstVisit(
                "",
                "playground",
                d -> d.findElement(By.id("run-status")).getText().startsWith("Preview"));
        assertThat(bytes).isLessThanOrEqualTo(PLAYGROUND_BUDGET);
    }

    @Test
    void theSharedPageLoadsNoGraphEditorAndStaysUnderItsBudget() {
        var caller = Caller.anonymous();
        String id = caller.startRun(Caller.runBody("{\"type\":\"event_loop\"}"));
        caller.awaitStatus(id, "succeeded");
        String share = caller.given().get("/api/v1/runs/" + id).then().extract().path("links.share");

        long bytes = firstVisit(
                share.substring(1),
                "shared",
                d -> d.findElement(By.id("shared-status")).getText().contains("Recorded"));
        assertThat(bytes).isLessThanOrEqualTo(SHARED_BUDGET);
    }

    @Test
    void theRunsPageStaysUnderItsBudget() {
        long bytes = firstVisit(
                "runs", "runs", d -> d.findElement(By.id("runs-heading")).isDisplayed());
        assertThat(bytes).isLessThanOrEqualTo(RUNS_BUDGET);
    }

    /**
     * Opens {@code path} in a fresh browser, waits until the page is in use and its network is quiet, checks the
     * console, prints what came over the wire and returns the total.
     */
    private long firstVisit(String path, String name, Predicate<WebDriver> ready) {
        try (var browser = new Browser(1280, 800)) {
            browser.driver.get(root + path);
            browser.await(Duration.ofSeconds(30), ready::test);
            browser.await(Duration.ofSeconds(10), d -> browser.js("return document.readyState === 'complete'"));
            // late loads (favicon, the preview's simulation) get a second to start and finish
            browser.driver.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 1000)");
            @SuppressWarnings("unchecked")
            var entries = (List<Map<String, Object>>) browser.js(
                    "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                            + ".map(e => ({name: new URL(e.name).pathname, bytes: e.transferSize,"
                            + " decoded: e.decodedBodySize}))");
            long total = 0;
            var report = new StringBuilder();
            for (var entry : entries) {
                long bytes = ((Number) entry.get("bytes")).longValue();
                total += bytes;
                report.append(String.format(
                        "  %-48s %8d B on the wire, %8d B decoded%n",
                        entry.get("name"), bytes, ((Number) entry.get("decoded")).longValue()));
            }
            System.out.printf("page weight, first visit of /%s: %d B transferred%n%s", path, total, report);
            assertThat(browser.consoleProblems())
                    .as("console warnings and errors on /" + path)
                    .isEmpty();
            browser.screenshot("weight-" + name);
            return total;
        }
    }
}
