package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.persistence.StoredComparison;
import dev.interleave.persistence.StoredRun;
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
        return new StoredResult(
                EngineViews.tasks(measured.tasks(), graph),
                measured.analysis().utilisation(),
                measured.analysis().speedupVsSequential());
    }

    /** The virtual-time run of POST /simulate: no id, no links, every event. */
    public RunView simulated(String graphJson, RunResult result, TaskGraph graph) {
        var scheduler = EngineViews.scheduler(result.scheduler());
        double makespan = result.makespanMillis();
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
                EngineViews.tasks(result.tasks(), graph),
                null,
                result.events().stream().map(EngineViews::event).toList(),
                null);
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
                    null);
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
                prediction == null ? null : new PredictedView(prediction.makespanMs(), prediction.tasks()));
    }

    private RunView run(
            StoredRun r,
            BoundsView bounds,
            double[] utilisation,
            Double speedupVsSequential,
            List<TaskView> tasks,
            PredictedView predicted) {
        var scheduler = read(r.schedulerJson(), SchedulerView.class);
        int lanes = scheduler.workers() == null ? 1 : scheduler.workers();
        return new RunView(
                null,
                r.id(),
                r.status(),
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
                runLinks(r.id(), r.shareSlug()));
    }

    /** What a run without detail shows of its saved prediction; the task list is skipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PredictionBounds(BoundsView bounds) {}

    /** What a run without detail shows of its saved result; the task list is skipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultFigures(double[] utilisation, double speedupVsSequential) {}

    public ComparisonView comparison(StoredComparison c, boolean detail) {
        var runs = c.runs().stream().map(r -> run(r, detail)).toList();
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/api/v1/comparisons/" + c.id());
        links.put("stream", "/ws/comparisons/" + c.id());
        links.put("share", "/s/" + c.shareSlug());
        return new ComparisonView(null, c.id(), comparisonStatus(runs), c.graphId(), c.createdAt(), runs, links);
    }

    /** Running while any run is unfinished; then succeeded, or the status of the first run that did not. */
    private static String comparisonStatus(List<RunView> runs) {
        if (runs.stream().allMatch(r -> "queued".equals(r.status()))) {
            return "queued";
        }
        if (runs.stream().anyMatch(r -> !r.isFinal())) {
            return "running";
        }
        return runs.stream()
                .map(RunView::status)
                .filter(s -> !"succeeded".equals(s))
                .findFirst()
                .orElse("succeeded");
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
