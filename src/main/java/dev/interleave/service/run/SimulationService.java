package dev.interleave.service.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.Engine;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.service.budget.Expectations;
import dev.interleave.service.budget.Metric;
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
    private final SimulationQuota quota;

    SimulationService(Engine engine, GraphInput input, RunViews views, SimulationQuota quota) {
        this.engine = engine;
        this.input = input;
        this.views = views;
        this.quota = quota;
    }

    /** Charges {@code simulations} to {@code clientAddress}'s quota first (429 {@code too-many-simulations}). */
    public void charge(String clientAddress, int simulations) {
        quota.spend(clientAddress, simulations);
    }

    public RunView simulate(GraphSpec spec, SchedulerView scheduler) {
        return simulate(spec, scheduler, null);
    }

    /** The prediction judged against {@code expect} (null: no budget); the budget is checked first (422). */
    public RunView simulate(GraphSpec spec, SchedulerView scheduler, JsonNode expect) {
        var budget = Expectations.parse(expect, "/expect", Metric.forRuns());
        var graph = input.graph(spec, "/graph");
        var schedulerSpec = input.scheduler(scheduler, "/scheduler");
        return views.simulated(views.write(spec), engine.simulate(graph, schedulerSpec), graph, budget);
    }
}
