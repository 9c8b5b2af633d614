package dev.interleave.service.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;

/**
 * What POST /runs asks for: exactly one of {@code graph} and {@code graphId}; {@code expect} (a budget, validated
 * by service/budget) and {@code notifyUrl} (a webhook) are optional.
 */
public record NewRun(GraphSpec graph, String graphId, SchedulerView scheduler, JsonNode expect, String notifyUrl) {}
