package dev.interleave.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.run.NewComparison;
import dev.interleave.service.view.SchedulerView;
import java.util.List;

/**
 * POST /compare: default schedulers are sequential, event_loop, parallel and threads on all cores; {@code expect}
 * (a budget every run is judged by) and {@code notify} (a webhook) are optional.
 * ({@code notify} on the wire: a record cannot name a component after {@code Object.notify}).
 */
public record CompareRequest(
        GraphSpec graph,
        String graphId,
        List<SchedulerView> schedulers,
        JsonNode expect,
        @JsonProperty("notify") NotifyRequest notification) {

    NewComparison toNewComparison() {
        return new NewComparison(graph, graphId, schedulers, expect, notification == null ? null : notification.url());
    }
}
