package dev.interleave.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One headless Chromium on the playground for all the tests of a class (subclasses are the @QuarkusTest). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaygroundBrowserSession {

    @TestHTTPResource("/")
    URL root;

    PlaygroundScreen screen;
    Browser browser;

    @BeforeAll
    void open() {
        screen = new PlaygroundScreen(root);
        browser = screen.browser;
    }

    @AfterAll
    void close() {
        screen.close();
    }
}
