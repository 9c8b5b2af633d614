package dev.interleave.web;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a check: screenshots of every example (preview, then a real run) and of compare-all, the shared page and the
 * embed view of a threads run, at 1280x800 and 390x844, for a person to look at. Tag "tour", left out of the build:
 * {@code ./mvnw -B test -Dtest.excluded.groups= -Dtest=ExamplesTour [-Dtour.dir=DIR]} (default target/screenshots).
 */
@Tag("tour")
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ExamplesTour extends PlaygroundBrowserSession {

    @Test
    void everyExample() throws IOException {
        var examples = new Examples(new com.fasterxml.jackson.databind.ObjectMapper()).all();
        int n = 0;
        String threadsShare = null;
        for (Example example : examples) {
            String name = String.format("x%02d-%s", ++n, example.slug());
            screen.open("?example=" + example.slug());
            screen.awaitStatus("Preview");
            browser.settle();
            screen.screenshots(name + "-preview", "#result");
            screen.find("#run-button").click();
            // a busy machine may stretch a run past the tests' deadline: a stopped run is looked at too
            browser.await(
                    PlaygroundScreen.RUN_TIMEOUT,
                    d -> screen.text("#run-status").matches(".*(makespan|stopped at).*"));
            browser.settle();
            screen.screenshots(name + "-run", "#result");
            if ("threads-gil".equals(example.slug())) {
                threadsShare = (String) browser.js("return new URL(document.getElementById('result-links')"
                        + ".dataset.share, location.href).href");
            }
        }
        screen.open("?example=threads-waits");
        screen.awaitStatus("Preview");
        screen.find("#compare-button").click();
        screen.awaitStatus("Compared");
        browser.settle();
        screen.screenshots("x90-compare-threads-waits", "#compare-card");
        for (String view : new String[] {threadsShare, threadsShare + "?embed=1"}) {
            browser.driver.get(view);
            screen.awaitText("#shared-status", "Recorded", PlaygroundScreen.RUN_TIMEOUT);
            browser.settle();
            screen.screenshots(view.contains("embed") ? "x92-embed-threads-gil" : "x91-shared-threads-gil", "main");
        }
        String dir = System.getProperty("tour.dir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            try (var shots = Files.list(Path.of("target", "screenshots"))) {
                shots.filter(p -> p.getFileName().toString().startsWith("x")).forEach(p -> {
                    try {
                        Files.copy(
                                p,
                                Path.of(dir).resolve(p.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
