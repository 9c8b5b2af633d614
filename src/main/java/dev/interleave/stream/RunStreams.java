package dev.interleave.stream;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.service.live.RunEvents;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.RunViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes the {@link RunStream} of one run on one connection, for both WebSocket endpoints. */
@ApplicationScoped
class RunStreams {

    private final RunService runs;
    private final RunEvents hub;
    private final RunViews views;
    private final SummaryFrames summaries;
    private final int maxPending;
    private final Counter streamed;

    RunStreams(
            RunService runs,
            RunEvents hub,
            RunViews views,
            SummaryFrames summaries,
            PlaygroundConfig config,
            MeterRegistry registry) {
        this.runs = runs;
        this.hub = hub;
        this.views = views;
        this.summaries = summaries;
        this.maxPending = config.stream().maxPendingFrames();
        this.streamed = registry.counter("interleave.events.streamed");
    }

    RunStream open(WebSocketConnection connection, String runId) {
        return new RunStream(connection, runId, runs, hub, views, summaries, maxPending, streamed);
    }
}
