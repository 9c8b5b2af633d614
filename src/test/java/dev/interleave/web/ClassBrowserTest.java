package dev.interleave.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A class in real Chromium: a teacher's browser and three students' phones (separate profiles) to the reveal. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ClassBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    /** An element's text read in one step, so a redraw between finding and reading it cannot make it stale. */
    private static String text(Browser browser, String css) {
        Object text = browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
        return String.valueOf(text);
    }

    @Test
    void aTeacherRunsAClassOfThreePhonesToTheReveal() {
        var students = new ArrayList<Browser>();
        try (var teacher = new Browser(1280, 800)) {
            teacher.driver.get(root + "classes");
            teacher.driver
                    .findElement(By.xpath("//button[normalize-space()='Open the class']"))
                    .click();
            teacher.await(WAIT, d -> text(teacher, "#class-code").length() == 6);
            String code = teacher.driver.findElement(By.id("class-code")).getText();
            assertThat(teacher.driver.findElement(By.id("class-status")).getText())
                    .contains("Step 1 of 3");

            String[] names = {"Ada", "Bob", "Cy"};
            String[] guesses = {"3000", "5000", "2000"};
            for (int i = 0; i < 3; i++) {
                var phone = new Browser(390, 844);
                students.add(phone);
                phone.driver.get(root + "join?code=" + code.toLowerCase());
                phone.driver.findElement(By.id("join-name")).sendKeys(names[i]);
                phone.driver
                        .findElement(By.xpath("//button[normalize-space()='Join']"))
                        .click();
                phone.await(WAIT, d -> text(phone, "#student-status").contains("Guess first"));
                phone.driver
                        .findElement(By.cssSelector("input[aria-label='Your guess in ms']"))
                        .sendKeys(guesses[i]);
                phone.driver
                        .findElement(By.xpath("//button[normalize-space()='Answer']"))
                        .click();
                phone.await(WAIT, d -> text(phone, ".student-result").contains("waiting for the reveal"));
            }
            // The dashboard follows live: every answer, the histogram, nobody missing.
            teacher.await(WAIT, d -> text(teacher, ".class-share").startsWith("3 of 3"));
            assertThat(teacher.driver.findElement(By.id("class-missing")).getText())
                    .contains("Everyone has answered");
            assertThat(teacher.driver.findElements(By.cssSelector(".class-bar.truth")))
                    .hasSize(1);
            assertThat(teacher.driver.findElement(By.tagName("figcaption")).getText())
                    .contains("true: 3000 ms");
            assertThat(teacher.driver
                            .findElement(By.className("class-misconceptions"))
                            .getText())
                    .as("the guess table names the sum of the waits")
                    .isNotBlank();
            teacher.screenshot("class-dashboard-1280x800");

            students.get(2).screenshot("class-student-before-reveal-390x844");
            teacher.driver.findElement(By.id("class-reveal")).click();
            for (var phone : students) {
                phone.await(WAIT, d -> text(phone, ".student-result").contains("the engine says 3000 ms"));
            }
            assertThat(students.get(0)
                            .driver
                            .findElement(By.className("student-result"))
                            .getText())
                    .contains("✓");
            assertThat(students.get(1)
                            .driver
                            .findElement(By.className("student-misconception"))
                            .getText())
                    .isNotBlank();
            // A student's page never shows another student's name.
            assertThat(students.get(1).driver.findElement(By.tagName("main")).getText())
                    .doesNotContain("Ada")
                    .doesNotContain("Cy");
            students.get(1).screenshot("class-student-revealed-390x844");
            teacher.await(WAIT, d -> text(teacher, "#class-status").contains("revealed"));
            teacher.screenshot("class-dashboard-revealed-1280x800");
            for (var phone : students) {
                assertThat(phone.consoleProblems()).isEmpty();
                assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no horizontal scroll on a phone")
                        .isTrue();
            }
            assertThat(teacher.consoleProblems()).isEmpty();
        } finally {
            students.forEach(Browser::close);
        }
    }
}
