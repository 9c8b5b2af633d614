package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.interleave.service.RunState;
import dev.interleave.service.budget.BudgetView;
import dev.interleave.service.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the contract shows it. {@code graph} is raw JSON (stored as the user sent it, after validation).
 * Optional parts ({@code id}, {@code tasks}, {@code predicted}, {@code events}, {@code links}, {@code kind}, and
 * {@code graph} in stream frames, {@code verdict} before the run ends, {@code budget} without
 * an {@code expect} or before the run ends) are omitted where the contract leaves them out; every other field is always
 * present, null when unknown.
 */
public record RunView(
        @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        String status,
        boolean virtual,
        SchedulerView scheduler,
        int lanes,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue
        String graph,

        String graphId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String reason,
        Double makespanMs,
        Double predictedMakespanMs,
        BoundsView bounds,
        double[] utilisation,
        Double speedupVsSequential,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TaskView> tasks,
        @JsonInclude(JsonInclude.Include.NON_NULL) PredictedView predicted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EventView> events,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> links,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) BudgetView budget) {

    /**
     * The run as the {@code run} and {@code summary} WebSocket frames carry it: without the graph and per-task
     * lists, which the client has or can GET, so that a frame stays a few KB whatever the graph's size (common
     * WebSocket clients refuse messages over 256 KiB or 1 MiB by default).
     */
    public RunView streamed() {
        return with(kind, null, null, null, null);
    }

    /** The run without its event list (a simulation's answer unless the events are asked for). */
    public RunView withoutEvents() {
        return with(kind, graph, tasks, predicted, null);
    }

    public RunView asKind(String newKind) {
        return with(newKind, graph, tasks, predicted, events);
    }

    /** This run with the optional parts replaced: the one copy of all components. */
    private RunView with(
            String newKind,
            String newGraph,
            List<TaskView> newTasks,
            PredictedView newPredicted,
            List<EventView> newEvents) {
        return new RunView(
                newKind,
                id,
                status,
                virtual,
                scheduler,
                lanes,
                newGraph,
                graphId,
                createdAt,
                startedAt,
                finishedAt,
                reason,
                makespanMs,
                predictedMakespanMs,
                bounds,
                utilisation,
                speedupVsSequential,
                newTasks,
                newPredicted,
                newEvents,
                links,
                verdict,
                budget);
    }

    /** True once the run can change no more. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinal() {
        return RunState.fromWireName(status).isFinal();
    }
}
