package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class RunStreamTest {

    /** io waits in a chain: events come in a batch every 100 ms for about 600 ms. */
    private static final String CHAIN = """
            {"graph":{"tasks":[{"id":"a","kind":"io","ms":100},{"id":"b","kind":"io","ms":100,"after":["a"]},
            {"id":"c","kind":"io","ms":100,"after":["b"]},{"id":"d","kind":"io","ms":100,"after":["c"]},
            {"id":"e","kind":"io","ms":100,"after":["d"]},{"id":"f","kind":"io","ms":100,"after":["e"]}]},
            "scheduler":{"type":"event_loop"}}""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @Inject
    RunService runs;

    @Inject
    RunEvents hub;

    @Inject
    RunViews views;

    @Inject
    SummaryFrames summaries;

    @Inject
    Vertx vertx;

    /**
     * A watcher that stopped reading after the run frame: later frames are never sent. Records its close code.
     */
    private static final class StuckConnection {
        final AtomicInteger sent = new AtomicInteger();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        WebSocketConnection proxy() {
            return (WebSocketConnection) Proxy.newProxyInstance(
                    WebSocketConnection.class.getClassLoader(),
                    new Class<?>[] {WebSocketConnection.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "sendText" ->
                            sent.incrementAndGet() == 1
                                    ? Uni.createFrom().voidItem()
                                    : Uni.createFrom().emitter(never -> {});
                        case "close" -> {
                            closed.complete(args == null ? 1000 : ((CloseReason) args[0]).getCode());
                            yield Uni.createFrom().voidItem();
                        }
                        case "id" -> "stuck";
                        case "toString" -> "StuckConnection";
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void aWatcherThatFallsBehindIsDroppedAndNeitherTheRunNorOtherWatchersWait() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun(CHAIN);
        var other = StreamClient.connect(connectors.get(), base, "/ws/runs/" + id, me.cookie());
        var stuck = new StuckConnection();
        int maxPending = 2;
        var stream = new RunStream(
                stuck.proxy(), id, runs, hub, views, summaries, maxPending, new SimpleMeterRegistry().counter("x"));
        var streamed = new CompletableFuture<Void>();
        var first = new RunView(
                null, id, "queued", false, null, 1, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        vertx.getOrCreateContext()
                .runOnContext(v ->
                        stream.stream(first).subscribe().with(streamed::complete, streamed::completeExceptionally));

        assertThat(stuck.closed.get(10, TimeUnit.SECONDS)).isEqualTo(RunStream.TOO_SLOW);
        streamed.get(10, TimeUnit.SECONDS);
        assertThat(stream.isDropped()).isTrue();
        assertThat(stuck.sent.get())
                .as("the run frame and at most maxPending event frames")
                .isLessThanOrEqualTo(1 + maxPending);
        me.awaitStatus(id, "succeeded");
        var frames = other.awaitAll(Duration.ofSeconds(10));
        List<Long> seqs = StreamClient.seqs(frames);
        assertThat(seqs).isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
        assertThat(frames.get(frames.size() - 1).path("frame").asText()).isEqualTo("summary");
        assertThat(other.closed.get()).isEqualTo(1000);
    }
}
