package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the timeline draws of threads, the GIL, limits and to_thread, in a real Chromium: a lane per thread, GIL
 * waits inside the bars, the GIL-holder strip, Semaphore waits apart from io waits, executor lanes and the legend
 * naming each; live, saved, shared, embedded and at phone width.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ThreadsTimelineBrowserTest extends PlaygroundBrowserSession {

    /** What the playground's timeline drew: hits by part (GIL holds, limit waits, io waits...). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> drawn(String timeline) {
        return (Map<String, Object>) browser.js("const tl = " + timeline + ";"
                + "return { holds: tl.hits.filter(h => h.hold).length,"
                + " holders: [...new Set(tl.hits.filter(h => h.hold).map(h => h.hold.lane))].length,"
                + " limitWaits: tl.hits.filter(h => h.part === 'limit').length,"
                + " ioWaits: tl.hits.filter(h => h.part === 'wait').length,"
                + " gilWaitMs: tl.model.order.reduce((s, t) => s + tl.model.gilWaitOf(t), 0),"
                + " lanes: tl.model.lanes };");
    }

    private List<String> legend() {
        return browser.driver.findElements(By.cssSelector(".legend li")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    /** The colour of the canvas at a CSS pixel, as "r,g,b". */
    private String pixel(String canvasCss, int x, int y) {
        return (String) browser.js(
                "const c = document.querySelector(arguments[0]); const r = c.width / c.clientWidth;"
                        + "const d = c.getContext('2d').getImageData(Math.round(arguments[1] * r),"
                        + " Math.round(arguments[2] * r), 1, 1).data; return d[0] + ',' + d[1] + ',' + d[2];",
                canvasCss,
                x,
                y);
    }

    @Test
    void theGilExampleDrawsWaitsInsideTheBarsAndWhoHoldsTheGilLiveAndShared() {
        screen.open("?example=threads-gil");
        screen.awaitStatus("Preview in virtual time (Threads · 4 threads · GIL)");
        // the status comes with the prediction; the timeline draws it on the next animation frame
        browser.await(
                PlaygroundScreen.PAGE_TIMEOUT,
                d -> ((Number) drawn("window.interleave.timeline").get("holds")).intValue() > 0);
        var preview = drawn("window.interleave.timeline");
        assertThat(((Number) preview.get("lanes")).intValue())
                .as("a lane per thread")
                .isEqualTo(4);
        assertThat(((Number) preview.get("holds")).intValue())
                .as("a 2 s run of 5 ms turns")
                .isGreaterThan(100);
        assertThat(((Number) preview.get("holders")).intValue())
                .as("every thread and the main thread hold it in turn")
                .isEqualTo(5);
        assertThat(((Number) preview.get("gilWaitMs")).doubleValue())
                .as("four threads, one GIL: each waits three quarters of the run")
                .isGreaterThan(4 * 2000 * 0.7);
        assertThat(legend())
                .contains("waiting for the GIL: ready, not holding it (violet bars inside a task)")
                .contains("GIL strip: which thread holds the GIL (main: the thread submitting tasks; empty: nobody)")
                .noneMatch(item -> item.contains("Semaphore"));
        assertThat(screen.text("#result")).doesNotContain("A bar spans a task from start to end");

        // a hover on the preview's strip names the holder (the prediction is deterministic; a measured run's holds are
        // not): the pointer at a point where the timeline's own hit test finds
        // thread 2's hold (5 ms turns are ~3 px wide, so a point near a hold's edge would name the neighbour drawn
        // over it); the move is dispatched at exact coordinates, as a pointer's would be
        Object hovered = browser.js("const tl = window.interleave.timeline;"
                + "const r = tl.canvas.getBoundingClientRect();"
                + "const at = (mx, my) => { for (let i = tl.hits.length - 1; i >= 0; i--) { const h = tl.hits[i];"
                + " if (mx >= h.x && mx <= h.x + h.w && my >= h.y - 1 && my <= h.y + h.h + 1) return h; } return null; };"
                + "for (const h of tl.hits.filter(h => h.hold && h.hold.lane === 1)) {"
                + " const mx = h.x + h.w / 2, my = h.y + h.h / 2; const hit = at(mx, my);"
                + " if (hit && hit.hold && hit.hold.lane === 1) {"
                + "  tl.canvas.dispatchEvent(new MouseEvent('mousemove',"
                + "   {clientX: r.left + mx, clientY: r.top + my, bubbles: true})); return true; } }"
                + "return false;");
        assertThat(hovered)
                .as("a point of the GIL strip where thread 2 holds the GIL")
                .isEqualTo(true);
        assertThat(screen.awaitText(".tooltip", "GIL held by thread 2", PlaygroundScreen.PAGE_TIMEOUT))
                .contains(" to ");

        screen.find("#run-button").click();
        screen.awaitStatus("running");
        browser.await(
                PlaygroundScreen.RUN_TIMEOUT,
                d -> ((Number) drawn("window.interleave.timeline").get("holds")).intValue() > 5);
        screen.screenshots("tl1-threads-gil-live", "#result");
        screen.awaitStatus("succeeded");
        browser.settle();
        var measured = drawn("window.interleave.timeline");
        assertThat(((Number) measured.get("holds")).intValue()).isGreaterThan(100);
        assertThat(((Number) measured.get("gilWaitMs")).doubleValue()).isGreaterThan(4 * 2000 * 0.7);
        screen.screenshots("tl2-threads-gil-finished", "#result");

        String share = (String)
                browser.js("return new URL(document.getElementById('result-links').dataset.share, location.href).href");
        for (String view : new String[] {share, share + "?embed=1"}) {
            browser.driver.get(view);
            screen.awaitText("#shared-status", "Recorded", PlaygroundScreen.RUN_TIMEOUT);
            browser.settle();
            var shared = drawn("[...window.interleaveShared.tracks.values()][0].timeline");
            assertThat(((Number) shared.get("holds")).intValue()).as(view).isGreaterThan(100);
            assertThat(legend()).as(view).anyMatch(item -> item.startsWith("GIL strip"));
            assertThat(screen.noHorizontalScroll()).isTrue();
        }
        browser.viewport(390, 844);
        browser.settle();
        assertThat(screen.noHorizontalScroll()).as("the embed at phone width").isTrue();
        browser.screenshot("tl3-embed-threads-390");
        browser.viewport(1280, 800);
    }

    @Test
    void aConvoyShowsTheRequestsWaitingForTheGilAlsoAtPhoneWidth() {
        screen.open("?example=convoy");
        screen.awaitStatus("Preview in virtual time (Threads · 2 threads · GIL)");
        browser.settle();
        @SuppressWarnings("unchecked")
        var polls = (Map<String, Object>) browser.js("const m = window.interleave.timeline.model;"
                + "const polls = m.order.filter(t => t.id.startsWith('poll'));"
                + "return { waited: polls.filter(t => m.gilWaitOf(t) > 0).length,"
                + " lanes: [...new Set(polls.map(t => t.lane))].length };");
        assertThat(((Number) polls.get("waited")).intValue())
                .as("every request waited for the GIL held by crunch")
                .isEqualTo(10);
        // inside a poll's bar its GIL wait is violet, not the grey of the blocking call's cross-hatching
        @SuppressWarnings("unchecked")
        var at = (Map<String, Object>) browser.js("const tl = window.interleave.timeline, m = tl.model;"
                + "const t = m.order.find(t => t.id === 'poll05'); const w = t.gilWaits[0];"
                + "const hit = tl.hits.find(h => h.task === t);"
                + "const x = hit.x + (hit.w * ((w[0] + w[1]) / 2 - t.startMs)) / (t.endMs - t.startMs);"
                + "return {x: Math.round(x), y: Math.round(hit.y + hit.h / 2)};");
        String[] rgb = pixel("#timeline", ((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .split(",");
        int r = Integer.parseInt(rgb[0]), g = Integer.parseInt(rgb[1]), b = Integer.parseInt(rgb[2]);
        assertThat((r > 230 && b > 245) || (g < 90 && b > 180))
                .as("violet GIL-wait bars or their pale ground, was %s,%s,%s", r, g, b)
                .isTrue();
        screen.screenshots("tl4-convoy", "#result");
        browser.viewport(390, 844);
        try {
            browser.settle();
            assertThat(screen.noHorizontalScroll()).as("at phone width").isTrue();
            assertThat(((Number) drawn("window.interleave.timeline").get("holds")).intValue())
                    .isGreaterThan(10);
        } finally {
            browser.viewport(1280, 800);
        }
    }

    @Test
    void semaphoreWaitsAreDrawnApartFromIoWaitsAndToThreadOnAnExecutorLane() {
        screen.open("?example=rate-limit");
        screen.awaitStatus("Preview in virtual time (Event loop)");
        browser.settle();
        var limited = drawn("window.interleave.timeline");
        assertThat(((Number) limited.get("limitWaits")).intValue())
                .as("45 of the 50 calls wait for the semaphore")
                .isEqualTo(45);
        assertThat(((Number) limited.get("ioWaits")).intValue()).isEqualTo(50);
        assertThat(legend())
                .contains("waiting for a limit, a Semaphore (dotted)")
                .noneMatch(item -> item.startsWith("GIL strip"));
        screen.screenshots("tl5-rate-limit", "#result");

        screen.open("?example=to-thread");
        screen.awaitStatus("Preview in virtual time (Event loop)");
        browser.settle();
        assertThat(((Number) drawn("window.interleave.timeline").get("lanes")).intValue())
                .as("the loop and the executor's thread")
                .isGreaterThanOrEqualTo(2);
        assertThat(legend()).contains("executor lanes: work run by asyncio.to_thread");
        screen.find("#run-button").click();
        screen.awaitStatus("succeeded");
        assertThat(browser.js("return window.interleave.timeline.model.order.find(t => t.id === 'legacy').lane"))
                .isEqualTo(1L);
        assertThat(browser.js("return window.interleave.timeline.laneName(1)")).isEqualTo("executor 1");
        screen.screenshots("tl6-to-thread", "#result");
    }
}
