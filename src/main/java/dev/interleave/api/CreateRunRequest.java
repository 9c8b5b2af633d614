package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;

/** POST /runs: exactly one of {@code graph} and {@code graphId}; scheduler defaults to parallel on all cores. */
public record CreateRunRequest(GraphSpec graph, String graphId, SchedulerView scheduler) {}
