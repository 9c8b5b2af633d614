package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.persistence.StoredComparison;
import dev.interleave.persistence.StoredRun;
import dev.interleave.service.RunState;
import dev.interleave.service.budget.BudgetView;
import dev.interleave.service.budget.Budgets;
import dev.interleave.service.budget.Expectations;
import dev.interleave.service.budget.Measures;
import dev.interleave.service.budget.Metric;
import dev.interleave.service.verdict.RunFacts;
import dev.interleave.service.verdict.Verdict;
import dev.interleave.service.verdict.VerdictRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds contract views from saved runs and engine results, and the JSON the service saves. */
@ApplicationScoped
public class RunViews {

    private final ObjectMapper json;

    RunViews(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved JSON could not be read as " + type.getSimpleName(), e);
        }
    }

    public StoredPrediction prediction(RunResult predicted, TaskGraph graph) {
        return new StoredPrediction(
                predicted.makespanMillis(),
                EngineViews.bounds(predicted.analysis()),
                EngineViews.tasks(predicted.tasks(), graph));
    }

    public StoredResult result(RunResult measured, TaskGraph graph) {
        var tasks = EngineViews.tasks(measured.tasks(), graph);
        var facts = facts(measured, tasks);
        return new StoredResult(
                tasks,
                measured.analysis().utilisation(),
                measured.analysis().speedupVsSequential(),
                facts,
                measures(facts, measured.analysis().speedupVsSequential(), tasks));
    }

    /** What budgets read of a result, folded from its facts and per-task times. */
    static Measures measures(RunFacts facts, double speedupVsSequential, List<TaskView> tasks) {
        return Measures.of(facts, speedupVsSequential, spans(tasks));
    }

    /** A budget as saved ({@code expect_json}, validated when it was asked); NONE without one. */
    public Expectations expectations(String expectJson) {
        if (expectJson == null) {
            return Expectations.NONE;
        }
        try {
            return Expectations.parse(json.readTree(expectJson), "/expect", Metric.forSweeps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved budget could not be read", e);
        }
    }

    /** What the verdict on an engine result is said from (for tests and callers without task views yet). */
    public static RunFacts facts(RunResult result, TaskGraph graph) {
        return facts(result, EngineViews.tasks(result.tasks(), graph));
    }

    /** What the verdict on a run is said from, folded once from its analysis and per-task times. */
    static RunFacts facts(RunResult result, List<TaskView> tasks) {
        var scheduler = EngineViews.scheduler(result.scheduler());
        var b = EngineViews.bounds(result.analysis());
        var metrics = result.analysis().metrics();
        return RunFacts.of(
                result.status().wireName(),
                scheduler.type(),
                scheduler.workers() == null ? 1 : scheduler.workers(),
                scheduler.gil(),
                scheduler.cores() == null ? 0 : scheduler.cores(),
                result.makespanMillis(),
                new RunFacts.Bounds(
                        b.totalWorkMs(),
                        b.sequentialMs(),
                        b.criticalPathMs(),
                        b.criticalPath(),
                        b.loopHoldingWorkMs(),
                        b.lowerBoundMs(),
                        EngineViews.ms(metrics.cpuWorkNanos()),
                        EngineViews.ms(metrics.limitBoundNanos()),
                        EngineViews.ms(metrics.offloadedWorkNanos())),
                spans(tasks),
                result.analysis().utilisation());
    }

    private static List<RunFacts.Span> spans(List<TaskView> tasks) {
        return tasks.stream()
                .map(t -> new RunFacts.Span(
                        t.id(), t.kind(), t.state(), t.lane(), t.startMs(), t.endMs(), t.dueMs(), t.stallMs()))
                .toList();
    }

    /** The virtual-time run of POST /simulate: no id, no links, every event. */
    public RunView simulated(String graphJson, RunResult result, TaskGraph graph) {
        return simulated(graphJson, result, graph, Expectations.NONE);
    }

    /** {@link #simulated(String, RunResult, TaskGraph)} judged against {@code expect} (the prediction's figures). */
    public RunView simulated(String graphJson, RunResult result, TaskGraph graph, Expectations expect) {
        var scheduler = EngineViews.scheduler(result.scheduler());
        double makespan = result.makespanMillis();
        var tasks = EngineViews.tasks(result.tasks(), graph);
        var facts = facts(result, tasks);
        var budget = Budgets.judge(
                expect,
                result.status().wireName(),
                measures(facts, result.analysis().speedupVsSequential(), tasks));
        return new RunView(
                null,
                null,
                result.status().wireName(),
                true,
                scheduler,
                result.scheduler().laneCount(),
                graphJson,
                null,
                null,
                null,
                null,
                result.reason(),
                makespan,
                makespan,
                EngineViews.bounds(result.analysis()),
                result.analysis().utilisation(),
                result.analysis().speedupVsSequential(),
                tasks,
                null,
                result.events().stream().map(EngineViews::event).toList(),
                null,
                VerdictRule.of(facts),
                budget);
    }

    /** A saved run; {@code detail} adds per-task views and the prediction. */
    public RunView run(StoredRun r, boolean detail) {
        if (!detail) {
            // Lists and the stream's run and summary frames: the saved task lists are skipped,
            // not read. For a 1,429-task prediction that is ~2 ms instead of ~4.3 ms.
            var prediction = r.predictedJson() == null ? null : read(r.predictedJson(), PredictionBounds.class);
            var result = r.resultJson() == null ? null : read(r.resultJson(), ResultFigures.class);
            return run(
                    r,
                    prediction == null ? null : prediction.bounds(),
                    result == null ? null : result.utilisation(),
                    result == null ? null : result.speedupVsSequential(),
                    null,
                    null,
                    result == null ? null : result.facts(),
                    result == null ? null : result.measures());
        }
        var prediction = r.predictedJson() == null ? null : read(r.predictedJson(), StoredPrediction.class);
        var result = r.resultJson() == null ? null : read(r.resultJson(), StoredResult.class);
        List<TaskView> tasks =
                result != null ? result.tasks() : prediction == null ? List.of() : pending(prediction.tasks());
        return run(
                r,
                prediction == null ? null : prediction.bounds(),
                result == null ? null : result.utilisation(),
                result == null ? null : result.speedupVsSequential(),
                tasks,
                prediction == null ? null : new PredictedView(prediction.makespanMs(), prediction.tasks()),
                result == null ? null : result.facts(),
                result == null ? null : result.measures());
    }

    private RunView run(
            StoredRun r,
            BoundsView bounds,
            double[] utilisation,
            Double speedupVsSequential,
            List<TaskView> tasks,
            PredictedView predicted,
            RunFacts facts,
            Measures measures) {
        var scheduler = read(r.schedulerJson(), SchedulerView.class);
        int lanes = scheduler.workers() == null ? 1 : scheduler.workers();
        return new RunView(
                null,
                r.id(),
                r.status().wireName(),
                false,
                scheduler,
                lanes,
                r.graphJson(),
                r.graphId(),
                r.createdAt(),
                r.startedAt(),
                r.finishedAt(),
                r.reason(),
                r.makespanMs(),
                r.predictedMs(),
                bounds,
                utilisation,
                speedupVsSequential,
                tasks,
                predicted,
                null,
                runLinks(r.id(), r.shareSlug()),
                verdict(r, facts),
                budget(r, measures));
    }

    /** A finished run's budget, judged on its measured result; null before it ends or without expectations. */
    private BudgetView budget(StoredRun r, Measures measures) {
        return r.expectJson() == null || !r.status().isFinal()
                ? null
                : Budgets.judge(expectations(r.expectJson()), r.status().wireName(), measures);
    }

    /** What a run without detail shows of its saved prediction; the task list is skipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PredictionBounds(BoundsView bounds) {}

    /** What a run without detail shows of its saved result; the task list is skipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultFigures(double[] utilisation, double speedupVsSequential, RunFacts facts, Measures measures) {}

    /** The saved facts under the run's final status (a run stopped by a shutdown is saved as interrupted). */
    private static Verdict verdict(StoredRun r, RunFacts facts) {
        return facts == null || !r.status().isFinal()
                ? null
                : VerdictRule.of(facts.withStatus(r.status().wireName()));
    }

    public ComparisonView comparison(StoredComparison c, boolean detail) {
        var runs = c.runs().stream().map(r -> run(r, detail)).toList();
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/api/v1/comparisons/" + c.id());
        links.put("stream", "/ws/comparisons/" + c.id());
        links.put("share", "/s/" + c.shareSlug());
        String status = comparisonStatus(runs);
        return new ComparisonView(
                null,
                c.id(),
                status,
                c.graphId(),
                c.createdAt(),
                runs,
                links,
                comparisonVerdict(c, status),
                comparisonBudget(c, status));
    }

    /** Once every run has ended: every run judged against the comparison's budget. */
    private BudgetView comparisonBudget(StoredComparison c, String status) {
        if (c.expectJson() == null || !RunState.fromWireName(status).isFinal()) {
            return null;
        }
        var judged = new java.util.ArrayList<Budgets.Judged>();
        for (StoredRun r : c.runs()) {
            var figures = r.resultJson() == null ? null : read(r.resultJson(), ResultFigures.class);
            judged.add(new Budgets.Judged(
                    r.id(),
                    read(r.schedulerJson(), SchedulerView.class).type(),
                    r.status().wireName(),
                    figures == null ? null : figures.measures()));
        }
        return Budgets.judge(expectations(c.expectJson()), judged);
    }

    /** Once every run has ended: the comparison's verdict from each run's saved facts. */
    private Verdict comparisonVerdict(StoredComparison c, String status) {
        if (!RunState.fromWireName(status).isFinal()) {
            return null;
        }
        var facts = new java.util.ArrayList<RunFacts>();
        for (StoredRun r : c.runs()) {
            var saved = r.resultJson() == null
                    ? null
                    : read(r.resultJson(), ResultFigures.class).facts();
            if (saved == null) {
                return null;
            }
            facts.add(saved.withStatus(r.status().wireName()));
        }
        return VerdictRule.ofComparison(facts);
    }

    /** Running while any run is unfinished; then succeeded, or the status of the first run that did not. */
    private static String comparisonStatus(List<RunView> runs) {
        var states = runs.stream().map(r -> RunState.fromWireName(r.status())).toList();
        if (states.stream().allMatch(s -> s == RunState.QUEUED)) {
            return RunState.QUEUED.wireName();
        }
        if (states.stream().anyMatch(s -> !s.isFinal())) {
            return RunState.RUNNING.wireName();
        }
        return states.stream()
                .filter(s -> s != RunState.SUCCEEDED)
                .findFirst()
                .orElse(RunState.SUCCEEDED)
                .wireName();
    }

    private static List<TaskView> pending(List<TaskView> predicted) {
        return predicted.stream()
                .map(t -> new TaskView(
                        t.id(), t.kind(), t.label(), null, "pending", null, null, null, null, null, null, null, null))
                .toList();
    }

    static Map<String, String> runLinks(String id, String slug) {
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/api/v1/runs/" + id);
        links.put("events", "/api/v1/runs/" + id + "/events");
        links.put("stream", "/ws/runs/" + id);
        links.put("share", "/s/" + slug);
        links.put("trace", "/api/v1/runs/" + id + "/trace");
        links.put("python", "/api/v1/runs/" + id + "/python");
        return links;
    }
}
