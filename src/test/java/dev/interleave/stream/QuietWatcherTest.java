package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A watcher of a run that sends no event for longer than the HTTP idle timeout keeps its stream (pings). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class QuietWatcherTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @ConfigProperty(name = "quarkus.http.idle-timeout")
    Duration idleTimeout;

    @Test
    void aLongWaitWithoutEventsDoesNotCloseTheStream() throws Exception {
        var me = Caller.anonymous();
        long quietMs = idleTimeout.toMillis() * 2;
        String id = me.startRun("{\"graph\":{\"tasks\":[{\"id\":\"wait\",\"kind\":\"io\",\"ms\":" + quietMs
                + "}]},\"scheduler\":{\"type\":\"event_loop\"}}");
        var watcher = StreamClient.connect(connectors.get(), base, "/ws/runs/" + id, me.cookie());
        var frames = watcher.awaitAll(Duration.ofMillis(quietMs).plusSeconds(15));
        assertThat(frames.get(frames.size() - 1).path("frame").asText()).isEqualTo("summary");
        assertThat(watcher.closed.get()).isEqualTo(1000);
    }
}
