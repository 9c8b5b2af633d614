package dev.interleave.api;

import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.view.SchedulerView;
import java.util.List;

/** POST /compare: default schedulers are sequential, event_loop and parallel on all cores. */
public record CompareRequest(GraphSpec graph, String graphId, List<SchedulerView> schedulers) {}
