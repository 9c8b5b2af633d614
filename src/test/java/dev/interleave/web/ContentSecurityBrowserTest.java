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
import org.openqa.selenium.Keys;

/** The playground under its Content-Security-Policy: no inline script is needed, none is refused. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ContentSecurityBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void enterInAFieldKeepsThePageAndTheConsoleStaysQuiet() {
        try (var browser = new Browser(1280, 800)) {
            var tab = new PlaygroundTab(browser, root, "");
            browser.js("window.stillHere = true");
            tab.find("#workers").sendKeys(Keys.ENTER);
            browser.await(
                    Duration.ofSeconds(5),
                    d -> tab.find("#prediction").getText().contains("workers"));
            browser.driver.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 500)");
            assertThat((Boolean) browser.js("return window.stillHere === true"))
                    .as("the form was not submitted: the page did not reload")
                    .isTrue();
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("graph=");
            assertThat(browser.consoleProblems())
                    .as("no script refused by the policy")
                    .isEmpty();
        }
    }
}
