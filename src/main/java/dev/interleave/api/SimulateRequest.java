package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;

public record SimulateRequest(GraphSpec graph, SchedulerView scheduler) {}
