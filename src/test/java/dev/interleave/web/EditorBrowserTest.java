package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The graph editor in a real Chromium: where new tasks land, what a duplicate id does, what a click selects. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class EditorBrowserTest {

    private static final String A_THEN_B = "{\"name\":\"two\",\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":100},"
            + "{\"id\":\"b\",\"kind\":\"cpu\",\"ms\":100,\"after\":[\"a\"]}]}";

    @TestHTTPResource("/")
    URL root;

    /** Every test opens its own browser (fresh profile): one test's graph never leaks into the next. */
    private Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(1280, 800);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** Pairs of task nodes whose drawn boxes overlap, as "a/b". */
    private List<String> overlappingNodes() {
        @SuppressWarnings("unchecked")
        var pairs = (List<String>) browser.js("const ns = window.interleave.editor.cy.nodes(); const out = [];"
                + "for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) {"
                + " const a = ns[i].boundingBox(), b = ns[j].boundingBox();"
                + " if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(ns[i].id() + '/' + ns[j].id()); }"
                + "return out;");
        return pairs;
    }

    @Test
    void newTasksLandWhereNoOtherTaskIs() {
        var tab = new PlaygroundTab(browser, root, "");
        assertThat(tab.nodes()).isEqualTo(2);
        tab.button("+ io task").click();
        tab.button("+ cpu task").click();
        browser.js("window.interleave.editor.select(null)");
        tab.button("+ blocking task").click();
        tab.button("+ io task").click();
        assertThat(tab.nodes()).isEqualTo(6);
        assertThat(overlappingNodes()).as("tasks drawn on top of each other").isEmpty();
        browser.screenshot("editor-1-new-tasks");
    }

    @Test
    void aDuplicateIdKeepsBothTasksVisibleAndMarksTheSecond() {
        var tab = new PlaygroundTab(browser, root, "");
        tab.pasteGraph(A_THEN_B);
        assertThat(browser.js("return window.interleave.editor.cy.$('.invalid').length"))
                .as("a graph without mistakes has no marked task")
                .isEqualTo(0L);

        browser.js("window.interleave.editor.select('b')");
        tab.find("#task-id").sendKeys(Keys.chord(Keys.CONTROL, "a"), "a", Keys.TAB);
        assertThat(tab.graphJson()).doesNotContain("\"b\"");
        assertThat(tab.nodes()).as("both tasks named a are still drawn").isEqualTo(2);
        @SuppressWarnings("unchecked")
        var marked = (List<String>)
                browser.js("return window.interleave.editor.cy.$('.invalid').map(n => n.data('text').split(' ')[0])");
        assertThat(marked).containsExactly("a");
        assertThat(overlappingNodes()).isEmpty();
        browser.screenshot("editor-2-duplicate-id");

        tab.find("button[data-action='undo']").click();
        assertThat(tab.nodes()).isEqualTo(2);
        assertThat(browser.js("return window.interleave.editor.cy.$('.invalid').length"))
                .isEqualTo(0L);
    }

    @Test
    void aClickJustBesideAnArrowSelectsItAndDeleteRemovesOnlyTheArrow() {
        var tab = new PlaygroundTab(browser, root, "");
        tab.pasteGraph(A_THEN_B);
        // 12 px to the side of the arrow's middle: beside it, on no task (the seed's two tasks keep their places)
        var beside = (Map<?, ?>) browser.js("const e = window.interleave.editor.cy.edges()[0];"
                + "const a = e.renderedSourceEndpoint(), b = e.renderedTargetEndpoint(), m = e.renderedMidpoint();"
                + "const l = Math.hypot(b.x - a.x, b.y - a.y);"
                + "return {x: m.x - 12 * (b.y - a.y) / l, y: m.y + 12 * (b.x - a.x) / l};");
        tab.clickCanvas(beside, 0, 0);
        assertThat(tab.find("#inspector-title").getText())
                .as("no task selected")
                .isEqualTo("(select a task)");
        browser.screenshot("editor-3-arrow-selected");
        tab.press(Keys.DELETE);

        assertThat(tab.nodes()).as("no task was removed").isEqualTo(2);
        assertThat(tab.graphJson()).contains("\"after\": []");
    }

    @Test
    void aClickOnEmptySpaceSelectsNothingSoDeleteRemovesNothing() {
        var tab = new PlaygroundTab(browser, root, "");
        tab.pasteGraph(A_THEN_B);
        var a = (Map<?, ?>) browser.js("return window.interleave.editor.cy.getElementById('a').renderedPosition()");
        tab.clickCanvas(a, 0, 0);
        assertThat(tab.find("#inspector-title").getText()).isEqualTo("a");
        tab.clickCanvas(Map.of("x", 12, "y", 12), 0, 0); // the canvas's top left corner, far from tasks and arrows
        assertThat(tab.find("#inspector-title").getText()).isEqualTo("(select a task)");
        tab.press(Keys.DELETE);

        assertThat(tab.nodes()).isEqualTo(2);
        assertThat(tab.graphJson()).contains("\"after\"");
    }

    @Test
    void aBigGraphIsAnOverviewWhereTheSelectedTaskShowsItsArrows() {
        var tab = new PlaygroundTab(browser, root, "");
        tab.pasteGraph(layeredGraph(10, 30));
        assertThat(shownEdges())
                .as("300 tasks: no arrows drawn until a task is selected")
                .isZero();
        browser.js("window.interleave.editor.select('r5_7')");
        assertThat(shownEdges()).as("task r5_7 has 2 arrows in and 2 out").isEqualTo(4);
        browser.screenshot("editor-5-overview");

        tab.pasteGraph(A_THEN_B);
        assertThat(shownEdges()).as("a small graph draws every arrow").isEqualTo(1);
    }

    private long shownEdges() {
        return ((Number) browser.js(
                        "return window.interleave.editor.cy.edges().filter(e => e.style('display') !== 'none').length"))
                .longValue();
    }

    /**
     * Edits of a 1,000-task graph, timed in the page with performance.now() from the inspector's change to the
     * next painted frame; the longest task the page ran in the following second (a freeze a person feels, e.g. the
     * preview redrawn) is reported too. Printed, not held to a tight bound.
     */
    @Test
    void editsOfAThousandTaskGraphAreQuick() {
        var tab = new PlaygroundTab(browser, root, "");
        tab.pasteGraph(layeredGraph(10, 100));
        assertThat(tab.nodes()).isEqualTo(1000);
        browser.js("window.interleave.editor.select('r4_50')");
        var editMs = new ArrayList<Double>();
        var freezeMs = new ArrayList<Double>();
        var syncMs = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            var timing = (Map<?, ?>) browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    let longest = 0;
                    const watch = new PerformanceObserver(list => list.getEntries()
                        .forEach(e => { longest = Math.max(longest, e.duration); }));
                    watch.observe({ type: 'longtask' });
                    const field = document.getElementById('task-ms');
                    const t0 = performance.now();
                    field.value = String(arguments[0]);
                    field.dispatchEvent(new Event('change', { bubbles: true }));
                    const syncMs = performance.now() - t0;
                    requestAnimationFrame(() => setTimeout(() => {
                      const editMs = performance.now() - t0;
                      setTimeout(() => { watch.disconnect(); done({ editMs, longest, syncMs }); }, 1500);
                    }));
                    """, 300 + i);
            editMs.add(((Number) timing.get("editMs")).doubleValue());
            freezeMs.add(((Number) timing.get("longest")).doubleValue());
            syncMs.add(((Number) timing.get("syncMs")).doubleValue());
        }
        assertThat(tab.graphJson()).contains("\"ms\": 304");
        System.out.printf(
                "1000 tasks, 5 edits of ms: change handled in %s ms, to the next frame %s ms;"
                        + " longest task in the second after each %s ms%n",
                rounded(syncMs), rounded(editMs), rounded(freezeMs));
        browser.screenshot("editor-4-thousand-tasks");
        // Loose sanity bound (issue 11 measured 1.4-2.2 s per edit before); the README reports the figures.
        assertThat(editMs).allMatch(ms -> ms < 700, "each edit under 0.7 s");
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    /**
     * {@code ranks} ranks of {@code width} tasks; each task after the first rank waits for two tasks of the rank
     * before it (ids {@code r<rank>_<i>}), so a task of a middle rank has 2 arrows in and 2 out.
     */
    static String layeredGraph(int ranks, int width) {
        var json = new StringBuilder("{\"name\":\"layers\",\"tasks\":[");
        for (int r = 0; r < ranks; r++) {
            for (int i = 0; i < width; i++) {
                json.append("{\"id\":\"r")
                        .append(r)
                        .append('_')
                        .append(i)
                        .append("\",\"kind\":\"")
                        .append(i % 3 == 0 ? "cpu" : "io")
                        .append("\",\"ms\":")
                        .append(10 + i % 7);
                if (r > 0) {
                    json.append(",\"after\":[\"r")
                            .append(r - 1)
                            .append('_')
                            .append(i)
                            .append("\",\"r")
                            .append(r - 1)
                            .append('_')
                            .append((i + 1) % width)
                            .append("\"]");
                }
                json.append("},");
            }
        }
        json.setLength(json.length() - 1);
        return json.append("]}").toString();
    }
}
