package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Issue 15, item 6: what the catch-all 500 writes to the log cannot forge lines or flood it. */
class LoggedPathTest {

    @Test
    void controlCharactersInAPathAreEscapedAndLongPathsCut() {
        String forged = "/api/v1/runs/x\r\n12:00:00 INFO admin logged in\u0000\u001b[2J";
        String logged = ProblemMappers.printable(forged);
        assertThat(logged).doesNotContain("\r", "\n", "\u0000", "\u001b");
        assertThat(logged).contains("\\u000d\\u000a", "\\u0000", "\\u001b[2J");
        assertThat(ProblemMappers.printable("/" + "a".repeat(10_000))).hasSizeLessThanOrEqualTo(200);
        assertThat(ProblemMappers.printable("/api/v1/runs")).isEqualTo("/api/v1/runs");
    }

    @Test
    void aClientThatClosedTheConnectionIsToldApartFromOurFailures() {
        assertThat(ProblemMappers.clientGone(new CompletionException(new HttpClosedException("Connection was closed"))))
                .isTrue();
        assertThat(ProblemMappers.clientGone(new IllegalStateException("a bug")))
                .isFalse();
    }
}
