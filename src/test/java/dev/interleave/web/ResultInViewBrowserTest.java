package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Run stays reachable while the editor scrolls, and a run started on a phone scrolls its result into view. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ResultInViewBrowserTest {

    private static final String IN_VIEW = "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            + "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;";

    @TestHTTPResource("/")
    URL root;

    private static boolean inView(Browser browser, String css) {
        return (Boolean) browser.js(IN_VIEW, css);
    }

    @Test
    void onAPhoneRunIsReachableAndTheResultComesIntoViewWhenARunStarts() {
        try (var browser = new Browser(390, 844)) {
            var tab = new PlaygroundTab(browser, root, "?example=blocking-call");
            assertThat(inView(browser, "#run-button"))
                    .as("Run on the first screen")
                    .isTrue();
            browser.js("document.getElementById('task-label').scrollIntoView({block: 'end'})");
            assertThat(inView(browser, "#run-button"))
                    .as("Run while the inspector is in view")
                    .isTrue();
            assertThat(inView(browser, "#run-status")).isFalse();
            browser.screenshot("result-1-phone-sticky-run");

            tab.find("#run-button").click();
            browser.await(Duration.ofSeconds(10), d -> inView(browser, "#run-status"));
            assertThat(tab.find("#run-status").getText()).contains("running");
            browser.screenshot("result-2-phone-run-started");
            browser.await(
                    Duration.ofSeconds(30),
                    d -> tab.find("#run-status").getText().contains("succeeded"));
            assertThat(inView(browser, "#run-status"))
                    .as("the result stays where the person is")
                    .isTrue();
        }
    }

    @Test
    void onADesktopRunIsReachableAndAResultAlreadyInViewDoesNotMove() {
        try (var browser = new Browser(1280, 800)) {
            var tab = new PlaygroundTab(browser, root, "?example=blocking-call");
            assertThat(inView(browser, "#run-button")).isTrue();
            browser.js("window.interleave.editor.select(window.interleave.editor.ids[0]);"
                    + "document.getElementById('task-label').scrollIntoView({block: 'end'})");
            assertThat(inView(browser, "#run-button"))
                    .as("Run while the inspector is in view")
                    .isTrue();
            browser.js("window.scrollTo(0, 0)");
            tab.find("#run-button").click();
            browser.await(
                    Duration.ofSeconds(10),
                    d -> tab.find("#run-status").getText().contains("running"));
            assertThat((Number) browser.js("return window.scrollY"))
                    .as("the result is beside the editor: no scrolling")
                    .isEqualTo(0L);
            browser.screenshot("result-3-desktop-run-started");
            browser.await(
                    Duration.ofSeconds(30),
                    d -> tab.find("#run-status").getText().contains("succeeded"));
        }
    }
}
