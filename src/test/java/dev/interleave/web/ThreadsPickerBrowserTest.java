package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The playground's Threads scheduler (workers, GIL on or off) and the task inspector's limit and offload, with the
 * graph's limits map: what a person picks, types and sees, in a real Chromium.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ThreadsPickerBrowserTest extends PlaygroundBrowserSession {

    private static final String CPU_PAIR = "{\"name\":\"t\",\"tasks\":[{\"id\":\"a\",\"kind\":\"cpu\",\"ms\":60},"
            + "{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":60}]}";

    private Object graphJs(String expression) {
        return browser.js(
                "return " + expression.replace("G", "JSON.parse(document.getElementById('graph-json').value)"));
    }

    @Test
    void threadsArePickedPredictedRunReopenedSharedAndExported() {
        screen.open("");
        screen.pasteGraphJson(CPU_PAIR);
        screen.choose("Threads");
        screen.type("#workers", "2");
        // the line names every scheduler, the threads one with its GIL
        assertThat(screen.awaitPrediction("on 2 threads (GIL)")).contains("on 2 workers");
        assertThat(screen.awaitStatus("Preview in virtual time (Threads · 2 threads · GIL)"))
                .as("the preview is the threads run: two 60 ms cpu pieces under one GIL take 120 ms")
                .contains("120 ms");
        assertThat(((Number) browser.js("return window.interleave.timeline.model.lanes")).intValue())
                .isEqualTo(2);
        assertThat(screen.find("#gil-note").isDisplayed()).isFalse();

        new Select(screen.find("#gil")).selectByVisibleText("off");
        assertThat(screen.awaitPrediction("on 2 threads (no GIL, a model)")).contains("Predicted:");
        assertThat(screen.find("#gil-note").isDisplayed()).isTrue();
        assertThat(screen.text("#gil-note"))
                .contains("free-threaded build (Python 3.13t/3.14t)")
                .contains("not checked against one");
        assertThat(screen.awaitStatus("Threads · 2 threads · no GIL (model)")).contains("60 ms");
        screen.screenshots("t1-threads-no-gil", ".scheduler");

        new Select(screen.find("#gil")).selectByVisibleText("on");
        screen.awaitPrediction("on 2 threads (GIL)");
        screen.find("#run-button").click();
        String status = screen.awaitStatus("succeeded");
        assertThat(status).contains("Threads · 2 threads · GIL");
        String runId = (String) browser.js("return window.interleave.current.view.id");

        screen.find("#result-links button[data-action='python']").click();
        assertThat(screen.awaitText("#python-code", "ThreadPoolExecutor", PlaygroundScreen.PAGE_TIMEOUT))
                .contains("WORKERS = 2");
        assertThat(screen.text("#python-panel")).contains("a ThreadPoolExecutor program");

        String share = (String)
                browser.js("return new URL(document.getElementById('result-links').dataset.share, location.href).href");
        browser.driver.get(share);
        screen.awaitText("#shared-status", "Recorded", PlaygroundScreen.RUN_TIMEOUT);
        assertThat(screen.text("#shared-timelines")).contains("Threads · 2 threads · GIL");

        // reopened, the picker shows the run's scheduler, so nothing beside Run warns that Run would differ
        screen.open("?run=" + runId);
        screen.awaitStatus("succeeded");
        assertThat(screen.chosen("Threads")).isTrue();
        assertThat(screen.find("#workers").getAttribute("value")).isEqualTo("2");
        assertThat(new Select(screen.find("#gil")).getFirstSelectedOption().getText())
                .isEqualTo("on");
        browser.settle();
        assertThat(screen.text("#action-error")).isEmpty();
        assertThat(screen.text("#run-status"))
                .contains("Threads · 2 threads · GIL")
                .contains("succeeded");
    }

    @Test
    void threadsWorkersOutOfRangeAreRefusedAtTheField() {
        screen.open("");
        screen.choose("Threads");
        screen.type("#workers", "65");
        String refused = screen.awaitText("#workers-error", "was 65", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(refused).contains("workers must be from 1 to 64");
        assertThat(screen.text("#prediction")).doesNotContain("Predicted:");
        assertThat(screen.find("#workers").getAttribute("value")).isEqualTo("65");
        screen.find("#run-button").click();
        screen.awaitText("#action-error", "Not started", PlaygroundScreen.PAGE_TIMEOUT);
        screen.type("#workers", "3");
        screen.awaitPrediction("on 3 threads");
        assertThat(screen.text("#workers-error")).isEmpty();
    }

    @Test
    void aTasksLimitAndTheLimitsMapAreEditedWithTheServersWordsAtTheField() {
        screen.open("");
        screen.awaitPrediction("Predicted:");
        screen.select("a");
        screen.type("#task-limit", "api");
        assertThat(screen.awaitText("#task-error", "which is not in the graph's", PlaygroundScreen.PAGE_TIMEOUT))
                .contains("limit 'api'");
        assertThat(screen.find("#task-limit").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(screen.text("#prediction")).doesNotContain("Predicted:");

        screen.find("button[data-action='add-limit']").click();
        browser.settle();
        screen.type("#limit-rows .limit-row .limit-name", "api");
        screen.type("#limit-rows .limit-row .limit-value", "0");
        String atRow = screen.awaitText(
                "#limit-rows .limit-error", "it must be a whole number from 1 to 10000", PlaygroundScreen.PAGE_TIMEOUT);
        assertThat(atRow).contains("limit 'api' is 0");
        assertThat(screen.find("#limit-rows .limit-value").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(screen.find("#limit-rows .limit-value").getAttribute("value"))
                .as("never changed")
                .isEqualTo("0");
        screen.screenshots("t2-limit-refused", "#limits");

        screen.type("#limit-rows .limit-row .limit-value", "1");
        screen.awaitPrediction("Predicted:");
        assertThat(screen.text("#limit-rows")).doesNotContain("whole number");
        assertThat(screen.text("#task-error")).isEmpty();
        assertThat(graphJs("G.limits.api")).isEqualTo(1L);
        assertThat(graphJs("G.tasks[0].limit")).isEqualTo("api");
        screen.select("b");
        screen.type("#task-limit", "api");
        // two 2 s and 3 s waits under a limit of 1 run one after another: 5 s on the loop too
        screen.awaitPrediction("5.00 s on the event loop");

        // a renamed limit is renamed in its tasks; a removed one leaves them
        screen.type("#limit-rows .limit-row .limit-name", "db");
        screen.awaitPrediction("5.00 s on the event loop");
        assertThat(graphJs("G.tasks.map(t => t.limit).join(',')")).isEqualTo("db,db");
        screen.find("#limit-rows button[data-action='remove-limit']").click();
        screen.awaitPrediction("3.00 s on the event loop");
        assertThat(graphJs("'limits' in G || G.tasks.some(t => 'limit' in t)")).isEqualTo(false);
    }

    @Test
    void offloadIsOfferedForBlockingAndCpuTasksOnlyAndMovesTheCallToAnExecutorLane() {
        screen.open("?example=blocking-call");
        screen.awaitPrediction("Predicted:");
        screen.select("fetch");
        assertThat(screen.find("#task-offload").isDisplayed())
                .as("io awaits without blocking: nothing to offload")
                .isFalse();
        screen.select("legacy");
        assertThat(screen.find("#task-offload").isDisplayed()).isTrue();
        assertThat(screen.text("#task-offload-hint"))
                .contains("await asyncio.to_thread(...)")
                .contains("elsewhere it changes nothing");
        screen.find("#task-offload").click();
        // off the loop the blocking call no longer stalls fetch: 2 s (the call itself) instead of 2.2 s
        screen.awaitPrediction("2.00 s on the event loop");
        assertThat(graphJs("G.tasks[1].offload")).isEqualTo(true);
        screen.awaitStatus("Preview");
        assertThat(browser.js("return window.interleave.timeline.model.order.find(t => t.id === 'legacy').lane"))
                .as("the offloaded call runs on the default executor's first thread")
                .isEqualTo(1L);
        screen.screenshots("t3-offload", "#task-inspector");

        // an io task that was offloaded (pasted) shows the box only to undo it, and the server's words at it
        screen.pasteGraphJson("{\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":100,\"offload\":true}]}");
        screen.select("w");
        assertThat(screen.awaitText(
                        "#task-error", "only blocking_io and cpu can be offloaded", PlaygroundScreen.PAGE_TIMEOUT))
                .contains("task 'w' is io");
        assertThat(screen.find("#task-offload").getAttribute("aria-invalid")).isEqualTo("true");
        screen.find("#task-offload").click();
        screen.awaitPrediction("Predicted:");
        assertThat(browser.driver.findElements(By.cssSelector("#task-offload-label:not([hidden])")))
                .isEmpty();
    }
}
