package dev.interleave.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.run.NewRun;
import dev.interleave.service.view.SchedulerView;

/**
 * POST /runs: exactly one of {@code graph} and {@code graphId}; scheduler defaults to parallel on all cores;
 * {@code expect} (a budget) and {@code notify} (a webhook) are optional.
 * ({@code notify} on the wire: a record cannot name a component after {@code Object.notify}).
 */
public record CreateRunRequest(
        GraphSpec graph,
        String graphId,
        SchedulerView scheduler,
        JsonNode expect,
        @JsonProperty("notify") NotifyRequest notification) {

    NewRun toNewRun() {
        return new NewRun(graph, graphId, scheduler, expect, notification == null ? null : notification.url());
    }
}
