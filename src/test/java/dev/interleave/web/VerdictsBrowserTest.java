package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the playground says about runs and comparisons is true of them, in a real Chromium. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class VerdictsBrowserTest extends PlaygroundBrowserSession {

    @Test
    void twoWaitsInAChainAreNeverSaidToHaveOverlapped() {
        screen.open("");
        screen.pasteGraphJson("{\"name\":\"chain\",\"tasks\":[{\"id\":\"first\",\"kind\":\"io\",\"ms\":400},"
                + "{\"id\":\"second\",\"kind\":\"io\",\"ms\":600,\"after\":[\"first\"]}]}");
        screen.choose("Event loop");
        String predicted = screen.awaitText("#summary-card", "Nothing could overlap", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(predicted).contains("Summary (predicted)").doesNotContain("waits overlapped");

        screen.find("#run-button").click();
        screen.awaitStatus("succeeded");
        assertThat(screen.text("#summary-card"))
                .contains("Nothing could overlap: each of the 2 waits waits for the one before")
                .doesNotContain("waits overlapped")
                .doesNotContain("instead of");
        screen.screenshots("v1-chained-waits", "#result-heading");
    }

    @Test
    void aStoppedRunSpeaksOnlyOfWhatHappenedAndKeepsItsBars() {
        screen.open("");
        screen.pasteGraphJson("{\"name\":\"slow\",\"tasks\":[{\"id\":\"quick\",\"kind\":\"io\",\"ms\":200},"
                + "{\"id\":\"slow\",\"kind\":\"io\",\"ms\":8000,\"after\":[\"quick\"]}]}");
        screen.choose("Sequential");
        screen.awaitPrediction("Predicted:");
        screen.find("#run-button").click();
        screen.awaitStatus("running");
        browser.await(PlaygroundScreen.RUN_TIMEOUT, d ->
                (Boolean) browser.js("return window.interleave.timeline.model.tasks.get('slow').startMs != null"));
        screen.find("#stop-button").click();
        String status = screen.awaitStatus("cancelled");
        assertThat(status).contains("stopped at").doesNotContain("makespan");

        String summary = screen.text("#summary-card");
        assertThat(summary)
                .contains("Stopped at")
                .contains("1 of 2")
                .contains("The run was stopped at")
                .doesNotContain("faster")
                .doesNotContain("×")
                .doesNotContain("Lower bound")
                .doesNotContain("reached");
        browser.settle();
        // the finished task's bar gives the axis' scale; the cut-off one must reach from its start to the stop
        var bars = (Map<?, ?>) browser.js("const t = window.interleave.timeline;"
                + "const hit = id => t.hits.find(h => h.task.id === id);"
                + "const quick = hit('quick'), slow = hit('slow');"
                + "if (!slow) return {part: null};"
                + "const pxPerMs = quick.w / (quick.task.endMs - quick.task.startMs);"
                + "return {part: slow.part, w: slow.w,"
                + " expected: (t.measuredMakespanMs - slow.task.startMs) * pxPerMs};");
        assertThat(bars.get("part"))
                .as("the cut-off task keeps its bar, marked stopped")
                .isEqualTo("stopped");
        assertThat(((Number) bars.get("w")).doubleValue())
                .as("its bar reaches to the stop")
                .isGreaterThan(1)
                .isCloseTo(((Number) bars.get("expected")).doubleValue(), org.assertj.core.data.Offset.offset(3.0));
        screen.screenshots("v2-stopped-run", "#result-heading");
    }

    @Test
    void compareAllCreditsABlockingCallOnItsOwnWorkerNotCpuWork() {
        screen.open("");
        // two blocking calls: on the loop one after another, on three workers side by side; no CPU work at all
        screen.pasteGraphJson("{\"name\":\"blocking\",\"tasks\":[{\"id\":\"fetch\",\"kind\":\"io\",\"ms\":500},"
                + "{\"id\":\"legacy\",\"kind\":\"blocking_io\",\"ms\":500},"
                + "{\"id\":\"report\",\"kind\":\"blocking_io\",\"ms\":500}]}");
        screen.type("#workers", "3");
        screen.awaitPrediction("on 3 workers");
        screen.find("#compare-button").click();
        screen.awaitStatus("Compared");
        assertThat(screen.text("#compare-verdict"))
                .contains("a blocking call holds only its own worker, not the whole loop")
                .doesNotContain("CPU work");
        assertThat(screen.find("#summary-card").isDisplayed())
                .as("no summary of another run above the comparison")
                .isFalse();
        assertThat(screen.find("#timeline").isDisplayed())
                .as("no stale preview")
                .isFalse();
        assertThat(screen.find("#result-links [data-action='python']").isDisplayed())
                .as("a comparison has no one Python program")
                .isFalse();
        screen.screenshots("v3-compare-blocking", "#compare-card");
    }

    @Test
    void aRunThatWillHitTheDeadlineIsWarnedAboutBeforeItStarts() {
        screen.open("");
        screen.pasteGraphJson("{\"name\":\"too long\",\"tasks\":[{\"id\":\"long\",\"kind\":\"io\",\"ms\":45000}]}");
        screen.choose("Sequential");
        String warning = screen.awaitText(".deadline-warning", "deadline", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(warning).startsWith("⚠ This run will hit the").contains("Sequential is predicted to take 45.00 s");

        screen.pasteGraphJson("{\"name\":\"short\",\"tasks\":[{\"id\":\"short\",\"kind\":\"io\",\"ms\":450}]}");
        screen.awaitPrediction("0.45 s sequential");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(".deadline-warning")))
                .as("no warning once the run fits")
                .isEmpty();
        screen.pasteGraphJson("{\"name\":\"too long\",\"tasks\":[{\"id\":\"long\",\"kind\":\"io\",\"ms\":45000}]}");
        screen.awaitText(".deadline-warning", "deadline", PlaygroundScreen.PAGE_TIMEOUT);
        screen.screenshots("v4-deadline-warning", "#run-button");
    }

    @Test
    void eachPythonProgramIsCalledWhatItIsAndNoOldProgramStays() {
        screen.open("");
        screen.choose("Parallel");
        screen.find("#run-button").click();
        screen.awaitStatus("succeeded");
        screen.find("#result-links button[data-action='python']").click();
        screen.awaitText("#python-code", "ProcessPoolExecutor", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(screen.text("#python-panel"))
                .contains("ProcessPoolExecutor program")
                .doesNotContain("asyncio script");
        screen.screenshots("v5-python-processpool", "#python-panel");

        screen.find("#compare-button").click();
        screen.awaitStatus("Compared");
        assertThat(screen.find("#python-panel").isDisplayed()).isFalse();
        assertThat((String) browser.js("return document.getElementById('python-code').textContent"))
                .as("the previous run's program is gone")
                .doesNotContain("ProcessPoolExecutor");
    }
}
