package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the playground shows belongs to the graph and run on screen: the server's problems once, at the field and
 * in one list, gone when fixed; no example context or scheduler left from something else; nothing silently changed.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class PlaygroundStateBrowserTest extends PlaygroundBrowserSession {

    private static final String TWO_WAITS = "{\"name\":\"mine\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":300},"
            + "{\"id\":\"b\",\"kind\":\"io\",\"ms\":400}]}";

    private List<String> problemList() {
        return browser.driver.findElements(By.cssSelector("#prediction li")).stream()
                .map(li -> li.getText())
                .toList();
    }

    @Test
    void workersOutOfRangeAreRefusedAtTheFieldNeverChanged() {
        screen.open("");
        screen.choose("Parallel");
        screen.awaitPrediction("on 4 workers");
        screen.type("#workers", "100");
        String refused = screen.awaitText(
                "#workers-error", "workers must be from 1 to 64, was 100", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(problemList()).containsExactly(refused);
        assertThat(screen.text("#prediction")).doesNotContain("Predicted:").doesNotContain("64 workers");
        assertThat(screen.find("#workers").getAttribute("value")).isEqualTo("100");
        screen.find("#run-button").click();
        assertThat(screen.awaitText("#action-error", "Not started", PlaygroundScreen.PAGE_TIMEOUT))
                .contains("workers out of range")
                .as("the problem is worded once, in the list and at the field")
                .doesNotContain("was 100");
        assertThat(screen.text("#run-status")).doesNotContain("running");
        screen.screenshots("s1-workers-refused", ".scheduler");

        screen.type("#workers", "0");
        screen.awaitText("#workers-error", "was 0", PlaygroundScreen.PAGE_TIMEOUT);
        screen.type("#workers", "3");
        screen.awaitPrediction("on 3 workers");
        assertThat(screen.text("#workers-error")).isEmpty();
        assertThat(screen.text("#action-error")).isEmpty();
    }

    @Test
    void anOutOfRangeDurationShowsAtTheTaskBeforeRunAndLeavesWithUndo() {
        screen.open("");
        screen.awaitPrediction("Predicted:");
        screen.select("a");
        screen.type("#task-ms", "70000");
        String atField = screen.awaitText(
                "#task-error",
                "task 'a': ms 70000.0 must be a finite number from 0 to 60000",
                PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(problemList()).containsExactly(atField);
        assertThat(screen.text("#prediction")).doesNotContain("Predicted:");
        assertThat(screen.text("#run-status")).contains("cannot run");
        screen.screenshots("s2-duration-at-field", "#run-button");

        screen.find("button[data-action='undo']").click();
        screen.awaitPrediction("Predicted:");
        assertThat(screen.text("#task-error")).isEmpty();
        assertThat(problemList()).isEmpty();
        assertThat((Boolean) browser.js("return window.interleave.editor.cy.nodes('.invalid').length === 0"))
                .isTrue();
    }

    @Test
    void unreadableJsonIsSaidOnceAndGoesWithAFullReplacement() {
        screen.open("");
        screen.pasteGraphJson("{\"tasks\": [ {\"id\": ");
        screen.find("#tab-json").click();
        String atField = screen.awaitText("#graph-json-error", "not valid JSON", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(problemList()).containsExactly(atField);
        assertThat(screen.text("#action-error")).isEmpty();
        assertThat(screen.find("#example-notice").isDisplayed())
                .as("an unreadable paste is not the example")
                .isFalse();
        screen.screenshots("s3-unreadable-json", "#graph-heading");

        screen.pasteGraphJson("{\"name\":\"dup\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":1},"
                + "{\"id\":\"a\",\"kind\":\"io\",\"ms\":2}]}");
        String duplicate = screen.awaitText("#prediction", "is already used", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(duplicate).contains("id 'a'");
        assertThat(screen.text("#graph-json-error")).isEmpty();

        screen.pasteGraphJson(TWO_WAITS);
        screen.awaitPrediction("Predicted:");
        assertThat(problemList()).isEmpty();
        assertThat(screen.text("#graph-json-error")).isEmpty();
    }

    @Test
    void theExampleContextLeavesWithAnEditOrAPaste() {
        screen.open("");
        assertThat(screen.find("#example-notice").isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector(".chip[aria-current='true']")))
                .hasSize(1);
        screen.find("button[data-action='add'][data-kind='io']").click();
        assertThat(screen.find("#example-notice").isDisplayed())
                .as("after an edit")
                .isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".chip[aria-current='true']")))
                .isEmpty();
        screen.screenshots("s4-edited-no-example", "#examples-heading");

        screen.open("?example=etl");
        assertThat(screen.find("#example-notice").isDisplayed()).isTrue();
        screen.pasteGraphJson(TWO_WAITS);
        assertThat(screen.find("#example-notice").isDisplayed())
                .as("after a paste")
                .isFalse();
    }

    @Test
    void aForkOrAReopenedParallelRunShowsItsSchedulerAndNoExample() {
        screen.open("");
        screen.pasteGraphJson(TWO_WAITS);
        screen.choose("Parallel");
        screen.type("#workers", "3");
        screen.awaitPrediction("on 3 workers");
        screen.find("#run-button").click();
        screen.awaitStatus("succeeded");
        String self = (String) browser.js("return document.getElementById('link-json').getAttribute('href')");
        String runId = self.substring(self.lastIndexOf('/') + 1);
        String share = (String) browser.js("return document.getElementById('result-links').dataset.share");

        screen.open("?fork=" + share.substring(share.lastIndexOf('/') + 1));
        screen.awaitStatus("Forked");
        assertThat(screen.find("#example-notice").isDisplayed())
                .as("after a fork")
                .isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".chip[aria-current='true']")))
                .isEmpty();

        screen.open("?run=" + runId);
        screen.awaitStatus("succeeded");
        assertThat(screen.chosen("Parallel"))
                .as("the run's scheduler is the one chosen")
                .isTrue();
        assertThat(screen.chosen("Event loop")).isFalse();
        assertThat(screen.find("#workers").getAttribute("value")).isEqualTo("3");
        assertThat(screen.find("#example-notice").isDisplayed()).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(".chip[aria-current='true']")))
                .isEmpty();
        browser.settle();
        assertThat(screen.text("#run-status"))
                .as("the prediction of the same graph leaves the run")
                .contains("succeeded");
        screen.screenshots("s5-reopened-parallel", "#run-form");
    }

    /**
     * A run the picker cannot express (threads on 8 cores, started through the API: the picker gives 4) is named for
     * what it ran on, and Run is not left to look as if it would repeat it.
     */
    @Test
    void aReopenedRunOnOtherCoresNamesItsSchedulerAndSaysRunWouldNotRepeatIt() {
        screen.open("");
        screen.awaitPrediction("Predicted:");
        Object id = ((JavascriptExecutor) browser.driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/runs', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({graph: {tasks: [{id: 'a', kind: 'cpu', ms: 50},"
                        + " {id: 'b', kind: 'io', ms: 50}]}, scheduler: {type: 'threads', workers: 2, gil: false,"
                        + " cores: 8}})}).then(r => r.json()).then(v => done(v.id), e => done('failed: ' + e));");
        screen.open("?run=" + id);
        assertThat(screen.awaitStatus("succeeded"))
                .contains("Threads · 2 threads · no GIL (model)")
                .doesNotContain("Sequential");
        assertThat(screen.chosen("Threads")).isTrue();
        assertThat(screen.awaitText("#action-error", "picker does not offer", PlaygroundScreen.PAGE_TIMEOUT))
                .contains("This run ran on Threads · 2 threads · no GIL (model) with 8 cores")
                .contains("it uses 4")
                .contains("Run uses the scheduler selected here");
        browser.settle();
        assertThat(screen.text("#run-status"))
                .as("the prediction for the picker's scheduler does not replace the reopened run")
                .contains("Threads · 2 threads · no GIL (model)")
                .contains("succeeded");
        screen.screenshots("s6-reopened-threads", "#run-form");
    }
}
