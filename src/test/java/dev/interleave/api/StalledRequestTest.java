package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A client that stops sending in the middle of a request loses its connection after the idle timeout. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class StalledRequestTest {

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    @Test
    void aStalledUploadIsClosedAfterTheIdleTimeout() throws Exception {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream()
                    .write(("POST /api/v1/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 100000\r\n\r\n{\"graph\":")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Far more than the idle timeout, far less than Vert.x's default of 30 minutes.
            socket.setSoTimeout((int) idleTimeout.plusSeconds(10).toMillis());
            long start = System.nanoTime();
            boolean closed;
            try {
                closed = drain(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                closed = false;
            }
            assertThat(closed).as("the server closed the stalled connection").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(idleTimeout.minusMillis(500));
        }
    }

    /** Reads (and drops) whatever the server answers until it closes the connection: true once it has. */
    private static boolean drain(InputStream in) throws Exception {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // an error answer may come before the close
        }
        return true;
    }
}
