package dev.interleave.service.run;

import dev.interleave.engine.Engine;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import dev.interleave.service.view.SchedulerView;
import jakarta.enterprise.context.ApplicationScoped;

/** Virtual-time runs: no database, no admission; CPU-bound, so callers run it on a worker thread. */
@ApplicationScoped
public class SimulationService {

    private final Engine engine;
    private final GraphInput input;
    private final RunViews views;

    SimulationService(Engine engine, GraphInput input, RunViews views) {
        this.engine = engine;
        this.input = input;
        this.views = views;
    }

    public RunView simulate(GraphSpec spec, SchedulerView scheduler) {
        var graph = input.graph(spec, "/graph");
        var schedulerSpec = input.scheduler(scheduler, "/scheduler");
        return views.simulated(views.write(spec), engine.simulate(graph, schedulerSpec), graph);
    }
}
