package dev.interleave.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.EmbeddedPostgresResource;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Real {@link RunViews} and Vert.x (hence a Quarkus test); the loads are stand-ins that the test completes. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class SummaryFramesTest {

    @Inject
    RunViews views;

    @Inject
    Vertx vertx;

    /** Counts loads; each load completes when the test says so. */
    private static final class Loads {
        final AtomicInteger count = new AtomicInteger();
        final List<CompletableFuture<RunView>> pending = new ArrayList<>();

        Uni<RunView> load(String runId) {
            count.incrementAndGet();
            var load = new CompletableFuture<RunView>();
            pending.add(load);
            return Uni.createFrom().completionStage(load);
        }
    }

    private static RunView run(String id, String status) {
        return new RunView(
                null, id, status, false, null, 1, null, null, null, null, null, null, 12.5, 12.0, null, null, null,
                List.of(), null, null, null, null, null);
    }

    private SummaryFrames frames(Loads loads, Duration keep) {
        return new SummaryFrames(loads::load, views, vertx, keep);
    }

    @Test
    void watchersThatAskWhileALoadIsInFlightShareItsOneFrame() {
        var loads = new Loads();
        var frames = frames(loads, Duration.ofSeconds(5));
        var asked = List.of(
                frames.of("r1", null).subscribeAsCompletionStage(),
                frames.of("r1", null).subscribeAsCompletionStage(),
                frames.of("r1", null).subscribeAsCompletionStage());
        assertThat(loads.count).hasValue(1);
        loads.pending.get(0).complete(run("r1", "succeeded"));
        byte[] first = asked.get(0).join();
        assertThat(new String(first, StandardCharsets.UTF_8))
                .startsWith("{\"frame\":\"summary\",\"runId\":\"r1\",\"run\":{")
                .contains("\"succeeded\"");
        for (var frame : asked) {
            assertThat(frame.join()).isSameAs(first);
        }
    }

    @Test
    void aFinalRunsFrameIsKeptForLateWatchersThenForgotten() {
        var loads = new Loads();
        var frames = frames(loads, Duration.ofMillis(300));
        var first = frames.of("r2", null).subscribeAsCompletionStage();
        loads.pending.get(0).complete(run("r2", "succeeded"));
        assertThat(frames.of("r2", null).await().indefinitely()).isSameAs(first.join());
        assertThat(loads.count).as("a late watcher shares the kept frame").hasValue(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 0);
        frames.of("r2", null);
        assertThat(loads.count).as("after keep, a watcher loads afresh").hasValue(2);
    }

    @Test
    void anUnfinishedRunOrAFailedLoadIsNotKept() {
        var loads = new Loads();
        var frames = frames(loads, Duration.ofSeconds(5));
        var running = frames.of("r3", null).subscribeAsCompletionStage();
        loads.pending.get(0).complete(run("r3", "running"));
        assertThat(new String(running.join(), StandardCharsets.UTF_8)).contains("\"running\"");
        assertThat(frames.size()).isZero();

        var failed = frames.of("r3", null).subscribeAsCompletionStage();
        loads.pending.get(1).completeExceptionally(new IllegalStateException("database down"));
        assertThat(failed).isCompletedExceptionally();
        assertThat(frames.size()).isZero();
        frames.of("r3", null);
        assertThat(loads.count).hasValue(3);
    }

    @Test
    void aFinalRunTheCallerHasReadIsNotLoadedAgain() {
        var loads = new Loads();
        var frames = frames(loads, Duration.ofSeconds(5));
        byte[] frame = frames.of("r4", run("r4", "succeeded")).await().indefinitely();
        assertThat(new String(frame, StandardCharsets.UTF_8)).contains("\"succeeded\"");
        assertThat(loads.count).hasValue(0);
        assertThat(frames.of("r4", null).await().indefinitely()).isSameAs(frame);
        assertThat(loads.count).as("later watchers share the frame").hasValue(0);
    }
}
