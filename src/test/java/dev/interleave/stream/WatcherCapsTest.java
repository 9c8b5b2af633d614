package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 8: 1,000 anonymous sockets on one share slug were all accepted. Watchers of one run are capped
 * (per address too); the one over the cap is closed with 4429 at once.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class WatcherCapsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theWatcherOverTheCapOfARunIsClosedWith4429AndTheOthersStream() throws Exception {
        int cap = ConfigProvider.getConfig().getValue("interleave.stream.max-watchers-per-run", Integer.class);
        var me = Caller.anonymous();
        String id = me.startRun(
                "{\"graph\":{\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":1500}]},\"scheduler\":{\"type\":\"sequential\"}}");
        var admitted = new ArrayList<StreamClient>();
        for (int i = 0; i < cap; i++) {
            admitted.add(StreamClient.connect(BasicWebSocketConnector.create(), base, "/ws/runs/" + id, me.cookie()));
        }
        var refused = StreamClient.connect(BasicWebSocketConnector.create(), base, "/ws/runs/" + id, me.cookie());
        assertThat(refused.closed.get(5, TimeUnit.SECONDS)).isEqualTo(WatcherLimits.REFUSED);
        for (var watcher : admitted) {
            watcher.awaitAll(Duration.ofSeconds(15));
            assertThat(watcher.closed.get()).isEqualTo(1000);
        }
        // Closed watchers no longer count: a new one is admitted (and replayed from the store).
        var later = StreamClient.connect(BasicWebSocketConnector.create(), base, "/ws/runs/" + id, me.cookie());
        later.awaitAll(Duration.ofSeconds(15));
        assertThat(later.closed.get()).isEqualTo(1000);
    }

    @Test
    void oneAddressIsCappedAcrossRunsAndAReleasedWatcherFreesItsPlace() {
        var limits = new WatcherLimits(10, 2);
        assertThat(limits.admit("c1", "/ws/runs/a", "198.51.100.7")).isNull();
        assertThat(limits.admit("c2", "/ws/runs/b", "198.51.100.7")).isNull();
        assertThat(limits.admit("c3", "/ws/runs/c", "198.51.100.7")).contains("network");
        assertThat(limits.admit("c4", "/ws/runs/c", "203.0.113.1")).isNull();
        limits.release("c1");
        limits.release("c1"); // a second close of the same connection changes nothing
        assertThat(limits.admit("c5", "/ws/runs/c", "198.51.100.7")).isNull();
        assertThat(limits.admit("c6", "/ws/runs/c", "198.51.100.7")).contains("network");
    }
}
