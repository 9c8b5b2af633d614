package dev.interleave.web;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/** The playground as a person uses it, for browser tests: open, pick, type, wait for what the page says. */
final class PlaygroundScreen implements AutoCloseable {

    static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

    final Browser browser;
    private final URL root;

    /** A fresh headless Chromium at 1280x800 on the app at {@code root}. */
    PlaygroundScreen(URL root) {
        this.browser = new Browser(1280, 800);
        this.root = root;
    }

    @Override
    public void close() {
        browser.close();
    }

    /** Opens {@code /} plus {@code query} and waits for the islands and the first prediction. */
    PlaygroundScreen open(String query) {
        browser.driver.get(root + query);
        browser.await(PAGE_TIMEOUT, d -> browser.js("return !!(window.interleave && window.htmx)"));
        return this;
    }

    WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The scheduler radio by its visible label. */
    void choose(String schedulerLabel) {
        browser.driver
                .findElement(By.xpath("//fieldset[legend='Run on']//label[normalize-space()='" + schedulerLabel + "']"))
                .click();
    }

    boolean chosen(String schedulerLabel) {
        return browser.driver
                .findElement(By.xpath(
                        "//fieldset[legend='Run on']//label[normalize-space()='" + schedulerLabel + "']/input"))
                .isSelected();
    }

    /** Types into the JSON tab as a person pasting a whole graph would. */
    void pasteGraphJson(String json) {
        find("#tab-json").click();
        browser.js(
                "const t = document.getElementById('graph-json'); t.value = arguments[0];"
                        + "t.dispatchEvent(new Event('input', {bubbles: true}));",
                json);
        find("#tab-canvas").click();
    }

    /** Waits until the element's text contains {@code words}; fails with what it says instead. */
    String awaitText(String css, String words, Duration timeout) {
        try {
            return browser.await(timeout, d -> {
                String text = text(css);
                return text.contains(words) ? text : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError(css + " never said '" + words + "'; it says: " + text(css), e);
        }
    }

    String awaitStatus(String words) {
        return awaitText("#run-status", words, RUN_TIMEOUT);
    }

    String awaitPrediction(String words) {
        return awaitText("#prediction", words, PAGE_TIMEOUT);
    }

    /** Selects a task on the canvas, as a click on it does. */
    void select(String taskId) {
        browser.js("window.interleave.editor.select(arguments[0])", taskId);
    }

    /** Replaces a field's value and leaves it (Tab), so that it commits like a person's edit. */
    void type(String css, String value) {
        var field = find(css);
        browser.js("arguments[0].value = ''", field);
        field.sendKeys(value + "\t");
    }

    /**
     * Saves the view at 1280x800 and at 390x844, a phone (target/screenshots), each scrolled to {@code css}, then
     * returns to 1280x800.
     */
    void screenshots(String name, String css) {
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            browser.viewport(size[0], size[1]);
            browser.settle();
            scrollTo(css);
            browser.settle();
            browser.screenshot(name + "-" + size[0]);
        }
        browser.viewport(1280, 800);
    }

    /** Scrolls an element to the top of the view, for a screenshot of it. */
    void scrollTo(String css) {
        browser.js("arguments[0].scrollIntoView({block: 'start'})", find(css));
    }

    boolean noHorizontalScroll() {
        return (Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth");
    }
}
