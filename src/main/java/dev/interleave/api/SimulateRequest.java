package dev.interleave.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;

/** POST /simulate; {@code expect}: an optional budget ({@code {"makespanMs": {"max": 3500}}}). */
public record SimulateRequest(GraphSpec graph, SchedulerView scheduler, JsonNode expect) {}
