package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The playground in a real headless Chromium against the running app: what a person sees and can do. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundBrowserTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TestHTTPResource("/")
    URL root;

    private Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(1280, 800);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private void openPlayground(String query) {
        browser.driver.get(root + query);
        browser.await(Duration.ofSeconds(10), d -> browser.js("return !!(window.interleave && window.htmx)"));
    }

    private void choose(String schedulerLabel) {
        browser.driver
                .findElement(By.xpath("//fieldset[legend='Run on']//label[normalize-space()='" + schedulerLabel + "']"))
                .click();
    }

    private String awaitStatus(String word) {
        try {
            return browser.await(RUN_TIMEOUT, d -> {
                String text = find("#run-status").getText();
                return text.contains(word) ? text : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "the status never said '" + word + "'; it says: "
                            + find("#run-status").getText(),
                    e);
        }
    }

    private void loadGraphJson(String json) {
        find("#tab-json").click();
        browser.js(
                "const t = document.getElementById('graph-json'); t.value = arguments[0];"
                        + "t.dispatchEvent(new Event('input', {bubbles: true}));",
                json);
        find("#tab-canvas").click();
    }

    @Test
    void seedExampleRunsLiveOnTheEventLoopInAboutThreeSeconds() {
        openPlayground("");
        assertThat(find(".chip[aria-current='true']").getText()).contains("Two API calls");
        assertThat(find("#example-notice").getText()).startsWith("What to notice:");
        browser.await(Duration.ofSeconds(10), d -> find("#prediction").getText().contains("on the event loop"));
        browser.await(Duration.ofSeconds(10), d -> find("#run-status").getText().startsWith("Preview"));
        assertThat(find("#prediction").getText())
                .contains("3.00 s on the event loop")
                .contains("5.00 s sequential");
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll at 1280x800")
                .isTrue();
        browser.screenshot("01-playground-ready");

        choose("Event loop");
        find("#run-button").click();
        browser.await(RUN_TIMEOUT, d -> find("#run-status").getText().contains("running"));
        browser.screenshot("02-run-live");
        String status = awaitStatus("succeeded");

        Matcher makespan = Pattern.compile("makespan ([0-9.]+) s").matcher(status);
        assertThat(makespan.find()).as(status).isTrue();
        assertThat(Double.parseDouble(makespan.group(1))).isBetween(2.95, 3.6);
        assertThat(((Number) browser.js("return window.interleave.timeline.model.lanes")).intValue())
                .isEqualTo(1);
        assertThat(find("#timeline").getAttribute("aria-label")).contains("2 tasks on 1 lane");
        assertThat(find("#summary-card").getText())
                .contains("Makespan")
                .contains("Critical path")
                .contains("All 2 waits overlapped");
        assertThat(find("#loop-card").isDisplayed()).isTrue();
        browser.screenshot("03-run-finished");

        find("#critical-toggle").click();
        hoverTask("b");
        assertThat(find(".tooltip").getText()).contains("b · io · GET /orders").contains("stall");
        browser.screenshot("03b-critical-path-and-tooltip");

        find("#result-links button[data-action='python']").click();
        browser.await(
                Duration.ofSeconds(10), d -> find("#python-code").getText().contains("create_task"));
        assertThat(find("#python-panel").isDisplayed()).isTrue();
        browser.screenshot("04-python-tab");
    }

    @Test
    void compareAllDrawsFourTimelinesAndBarsThreadsOnTheWorkersOfParallel() {
        openPlayground("");
        assertThat(find("#compare-button").getText()).isEqualTo("Compare all four");
        find("#compare-button").click();
        assertThat(awaitStatus("running"))
                .as("the status says which workers parallel and threads get")
                .contains("Parallel · 4 workers")
                .contains("Threads · 4 threads · GIL");
        awaitStatus("Compared");
        List<WebElement> bars = browser.driver.findElements(By.cssSelector("#compare-bars .compare-bar"));
        assertThat(bars).hasSize(4);
        assertThat(browser.driver.findElements(By.cssSelector("#compare-timelines canvas")))
                .hasSize(4);
        assertThat(find("#compare-bars").getText()).contains("Threads · 4 threads · GIL");
        assertThat(find("#compare-verdict").getText())
                .contains("faster than sequential")
                .contains("4 threads were 1.7× faster than sequential by overlapping waits");
        browser.js("document.getElementById('compare-card').scrollIntoView()");
        browser.screenshot("05-compare-all");

        String share = (String) browser.js(
                "return new URL(document.getElementById('result-links').dataset.share," + " location.href).href");
        browser.driver.get(share);
        browser.await(
                RUN_TIMEOUT,
                d -> d.findElement(By.id("shared-status")).getText().contains("Recorded"));
        assertThat(browser.driver.findElements(By.cssSelector("#shared-timelines canvas")))
                .hasSize(4);
        assertThat(find("#compare-bars").getText())
                .contains("Sequential")
                .contains("Event loop")
                .contains("Threads");
        browser.screenshot("05b-shared-comparison");
    }

    @Test
    void aCycleIsReportedOnTheOffendingTask() {
        openPlayground("");
        loadGraphJson("{\"name\":\"loop\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":100,\"after\":[\"b\"]},"
                + "{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":100,\"after\":[\"a\"]}]}");
        find("#run-button").click();
        String error = browser.await(Duration.ofSeconds(10), d -> {
            String text = find("#action-error").getText();
            return text.isBlank() ? null : text;
        });
        assertThat(error).contains("cycle");
        assertThat((Boolean) browser.js("return window.interleave.editor.cy.getElementById('a').hasClass('invalid')"))
                .isTrue();
        assertThat(find("#task-error").getText()).contains("cycle");
        browser.screenshot("06-cycle-error");

        find("#graph-canvas").click(); // keyboard: arrows walk the tasks, the inspector follows
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT)
                .perform();
        assertThat(find("#inspector-title").getText()).isIn("a", "b");
        assertThat(find("#task-inspector").isEnabled()).isTrue();
    }

    @Test
    void aHostileLabelIsShownAsText() {
        openPlayground("");
        loadGraphJson("{\"name\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"tasks\":[{\"id\":\"x\",\"kind\":\"io\","
                + "\"ms\":50,\"label\":\"" + HOSTILE + "\"}]}");
        browser.js("window.interleave.editor.select('x')");
        assertThat(find("#task-label").getAttribute("value")).isEqualTo(HOSTILE);
        choose("Sequential");
        find("#run-button").click();
        awaitStatus("succeeded");

        browser.driver.get(root + "runs");
        WebElement cell = browser.driver.findElement(By.cssSelector("table.runs tbody tr td a"));
        assertThat(cell.getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver.findElements(By.cssSelector("table.runs img")))
                .isEmpty();
        assertNoAlert();
        browser.screenshot("07-runs-hostile-label");

        cell.click(); // re-open the run: the graph and its replayed timeline
        awaitStatus("succeeded");
        assertThat((String) browser.js("return document.getElementById('graph-json').value"))
                .contains(HOSTILE);
        assertNoAlert();

        browser.driver.get(root + "runs");
        int before = browser.driver
                .findElements(By.cssSelector("table.runs tbody tr"))
                .size();
        browser.driver.findElement(By.cssSelector("table.runs tbody tr button")).click();
        browser.await(Duration.ofSeconds(5), d -> d.switchTo().alert()).accept();
        browser.await(
                Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector("table.runs tbody tr")).size() == before - 1);
        browser.driver.navigate().refresh();
        assertThat(browser.driver.findElements(By.cssSelector("table.runs tbody tr")))
                .hasSize(before - 1);
    }

    @Test
    void aShareLinkOpensReadOnlyInAFreshBrowser() {
        openPlayground("?example=blocking-call");
        choose("Event loop");
        find("#run-button").click();
        awaitStatus("succeeded");
        String share = (String) browser.js(
                "return new URL(document.getElementById('result-links').dataset.share," + " location.href).href");
        assertThat(share).contains("/s/");

        try (var stranger = new Browser(390, 844)) {
            stranger.driver.get(share);
            stranger.await(
                    RUN_TIMEOUT,
                    d -> d.findElement(By.id("shared-status")).getText().contains("Recorded"));
            assertThat(stranger.driver.findElements(By.id("run-button"))).isEmpty();
            assertThat(stranger.driver
                            .findElement(By.linkText("Open in playground"))
                            .getAttribute("href"))
                    .contains("/?fork=");
            assertThat(stranger.driver.findElement(By.id("summary-card")).getText())
                    .contains("blocked");
            assertThat((Boolean) stranger.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll on a phone")
                    .isTrue();
            stranger.screenshot("08-shared-phone");
            stranger.driver.findElement(By.linkText("Open in playground")).click();
            stranger.await(
                    RUN_TIMEOUT,
                    d -> d.findElement(By.id("run-status")).getText().contains("Forked"));
            assertThat((String) stranger.js("return document.getElementById('graph-json').value"))
                    .contains("legacy");
        }
    }

    @Test
    void aThousandTaskGraphIsDrawnEditedAndRun() {
        openPlayground("");
        var json = new StringBuilder("{\"name\":\"big fan-out\",\"tasks\":[");
        for (int i = 0; i < 999; i++) {
            json.append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"")
                    .append(i % 10 == 0 ? "cpu" : "io")
                    .append("\",\"ms\":")
                    .append(i % 10 == 0 ? 1 : 100 + i % 200)
                    .append("},");
        }
        json.append("{\"id\":\"join\",\"kind\":\"cpu\",\"ms\":20,\"after\":[\"t1\",\"t2\",\"t998\"]}]}");
        long loadMs = (Long) browser.js(
                "const t0 = performance.now(); const t = document.getElementById('graph-json');"
                        + "t.value = arguments[0]; t.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "return Math.round(performance.now() - t0);",
                json.toString());
        assertThat(((Number) browser.js("return window.interleave.editor.cy.nodes().length")).intValue())
                .isEqualTo(1000);
        browser.js("window.interleave.editor.select('t5')");
        find("#task-ms").clear();
        find("#task-ms").sendKeys("250\t");
        assertThat((String) browser.js("return document.getElementById('graph-json').value"))
                .contains("\"ms\": 250");
        find("button[data-action='undo']").click();
        assertThat((String) browser.js("return document.getElementById('graph-json').value"))
                .doesNotContain("\"ms\": 250");
        find("button[data-action='redo']").click();
        assertThat((String) browser.js("return document.getElementById('graph-json').value"))
                .contains("\"ms\": 250");

        find("#run-button").click();
        awaitStatus("succeeded");
        assertThat(((Number) browser.js("return window.interleave.timeline.model.order.length")).intValue())
                .isEqualTo(1000);
        long drawMs = (Long) browser.js("const t0 = performance.now(); window.interleave.timeline.draw();"
                + "return Math.round(performance.now() - t0);");
        System.out.printf("1000 tasks: editor load + layout %d ms, one full timeline draw %d ms%n", loadMs, drawMs);
        browser.screenshot("09-thousand-tasks");
    }

    @Test
    void aLongRunCanBeStopped() {
        openPlayground("");
        loadGraphJson("{\"name\":\"slow\",\"tasks\":[{\"id\":\"wait\",\"kind\":\"io\",\"ms\":8000}]}");
        find("#run-button").click();
        browser.await(RUN_TIMEOUT, d -> find("#stop-button").isDisplayed());
        // Click once the page has settled into the running state: a click during the layout shift that starting a
        // run causes can land beside the button (seen once in CI on a cold browser).
        awaitStatus("running");
        find("#stop-button").click();
        String status = awaitStatus("cancelled");
        assertThat(status).doesNotContain("succeeded");
        assertThat(find("#run-button").isEnabled()).isTrue();
    }

    @Test
    void theEtlPreviewIsDrawnBeforeAnythingRuns() {
        openPlayground("?example=etl");
        browser.await(Duration.ofSeconds(10), d -> find("#run-status").getText().startsWith("Preview"));
        assertThat(find("#summary-card").getText())
                .contains("Summary (predicted)")
                .contains("cannot speed up");
        assertThat(((Number) browser.js("return window.interleave.timeline.model.order.length")).intValue())
                .isEqualTo(13);
        browser.screenshot("10-etl-preview");
    }

    /** Moves the mouse over the first drawn part of a task, where the timeline's hit test will find it. */
    private void hoverTask(String id) {
        var hit = (java.util.Map<?, ?>) browser.js(
                "const h = window.interleave.timeline.hits.find(h => h.task.id === "
                        + "arguments[0]); const r = document.getElementById('timeline').getBoundingClientRect();"
                        + "return {x: h.x + Math.min(20, h.w / 2) - r.width / 2, y: h.y + h.h / 2 - r.height / 2};",
                id);
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .moveToElement(
                        find("#timeline"), ((Number) hit.get("x")).intValue(), ((Number) hit.get("y")).intValue())
                .perform();
        browser.await(Duration.ofSeconds(5), d -> find(".tooltip").isDisplayed());
    }

    private void assertNoAlert() {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a script from user text ran and opened an alert");
        } catch (NoAlertPresentException expected) {
            // user text stayed text
        }
    }
}
