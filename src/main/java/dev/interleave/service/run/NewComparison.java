package dev.interleave.service.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;
import java.util.List;

/**
 * What POST /compare asks for: one graph ({@code graph} or {@code graphId}), its schedulers (null: the defaults),
 * optionally a budget every run is judged by ({@code expect}) and a webhook ({@code notifyUrl}).
 */
public record NewComparison(
        GraphSpec graph, String graphId, List<SchedulerView> schedulers, JsonNode expect, String notifyUrl) {}
