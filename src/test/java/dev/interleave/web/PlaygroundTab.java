package dev.interleave.web;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The playground open in a {@link Browser}: the steps the editor, weight and embed tests share. */
final class PlaygroundTab {

    final Browser browser;

    PlaygroundTab(Browser browser, URL root, String query) {
        this.browser = browser;
        browser.driver.get(root + query);
        browser.await(Duration.ofSeconds(10), d -> browser.js("return !!(window.interleave && window.htmx)"));
    }

    WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    WebElement button(String text) {
        return browser.driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** Replaces the graph as a person pasting JSON into the JSON tab would. */
    void pasteGraph(String json) {
        find("#tab-json").click();
        browser.js(
                "const t = document.getElementById('graph-json'); t.value = arguments[0];"
                        + "t.dispatchEvent(new Event('input', {bubbles: true}));",
                json);
        find("#tab-canvas").click();
    }

    /** Clicks the canvas {@code dx, dy} CSS pixels from the point {@code at} (a map of x and y in the canvas). */
    void clickCanvas(Map<?, ?> at, int dx, int dy) {
        WebElement canvas = find("#graph-canvas");
        var size = canvas.getSize();
        int x = ((Number) at.get("x")).intValue() + dx - size.width / 2;
        int y = ((Number) at.get("y")).intValue() + dy - size.height / 2;
        new Actions(browser.driver).moveToElement(canvas, x, y).click().perform();
    }

    void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    long nodes() {
        return ((Number) browser.js("return window.interleave.editor.cy.nodes().length")).longValue();
    }

    String graphJson() {
        return (String) browser.js("return document.getElementById('graph-json').value");
    }
}
