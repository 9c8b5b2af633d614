package dev.interleave.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interleave.engine.Engine;
import dev.interleave.engine.RunAnalysis;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.run.TaskState;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.Offload;
import dev.interleave.service.RunState;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.identity.Owner;
import dev.interleave.service.live.EventBatch;
import dev.interleave.service.run.RunService;
import dev.interleave.service.view.EventView;
import dev.interleave.service.view.RunView;
import dev.interleave.service.view.RunViews;
import dev.interleave.service.view.SchedulerView;
import dev.interleave.service.view.TaskView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** Exports of a saved run: its Chrome trace and the Python program that reproduces its graph. */
@ApplicationScoped
public class ExportService {

    private final RunService runs;
    private final GraphInput input;
    private final Offload offload;
    private final RunViews views;
    private final ChromeTraceExporter traces;
    private final PythonScriptExporter scripts;
    private final Engine engine;

    ExportService(
            RunService runs, GraphInput input, Offload offload, RunViews views, ObjectMapper json, Engine engine) {
        this.runs = runs;
        this.input = input;
        this.offload = offload;
        this.views = views;
        this.traces = new ChromeTraceExporter(json);
        this.scripts = new PythonScriptExporter(engine);
        this.engine = engine;
    }

    /**
     * Chrome Trace Event JSON of a finished run and its prediction; 409 (run-not-finished) while it can change.
     * A threads run or a graph with limits also gets its GIL and limit tracks: the measured ones from the saved
     * {@code gil_*}/{@code limit_*} events, the predicted ones from simulating again (the prediction is
     * deterministic, and its events are not saved).
     */
    public Uni<String> trace(Owner owner, String shareSlug, String id) {
        return runs.visible(owner, shareSlug, id, true).chain(run -> {
            if (!run.isFinal()) {
                return Uni.createFrom()
                        .failure(new ServiceException.NotFinished(
                                "the run is " + run.status() + "; its trace is ready when it ends"));
            }
            Uni<List<String>> saved = hasThreadActivity(run)
                    ? runs.saved(id, -1)
                            .map(batches ->
                                    batches.stream().map(EventBatch::eventsJson).toList())
                    : Uni.createFrom().item(List.of());
            return saved.chain(chunks -> offload.work(() -> traceOf(run, chunks)));
        });
    }

    /**
     * Whether the run may have GIL or limit events, decided without parsing the graph on the caller's (event-loop)
     * thread: a label that happens to say "limits" only costs reading the saved events for nothing.
     */
    private static boolean hasThreadActivity(RunView run) {
        return "threads".equals(run.scheduler().type())
                || run.graph() != null && run.graph().contains("\"limits\"");
    }

    private String traceOf(RunView run, List<String> savedChunks) {
        TaskGraph graph = graphOf(run);
        SchedulerSpec scheduler = input.scheduler(run.scheduler(), "/scheduler");
        var activity = StoredActivityEvents.of(savedChunks, chunk -> views.read(chunk, EventView[].class));
        RunResult measured = StoredRuns.result(run, graph, scheduler, run.tasks(), run.makespanMs(), false, activity);
        RunResult predicted = null;
        if (run.predicted() != null) {
            List<RunEvent> predictedActivity = savedChunks.isEmpty()
                    ? List.of()
                    : engine.simulate(graph, scheduler).events();
            predicted = StoredRuns.result(
                    run,
                    graph,
                    scheduler,
                    run.predicted().tasks(),
                    run.predicted().makespanMs(),
                    true,
                    predictedActivity);
        }
        return traces.json(graph, measured, predicted);
    }

    /**
     * The runnable Python 3 program for the run's graph on {@code schedulerName} (default: the run's own);
     * {@code workers} applies to {@code parallel} and {@code threads} (default: the run's, else the configured default).
     */
    public Uni<String> python(Owner owner, String shareSlug, String id, String schedulerName, Integer workers) {
        return runs.visible(owner, shareSlug, id, true)
                .chain(run -> offload.work(() -> {
                    SchedulerView view = schedulerName == null || schedulerName.isBlank()
                            ? run.scheduler()
                            : new SchedulerView(
                                    schedulerName.trim(),
                                    "parallel".equals(schedulerName.trim()) || "threads".equals(schedulerName.trim())
                                            ? (workers != null
                                                    ? workers
                                                    : run.scheduler().workers())
                                            : null);
                    return scripts.script(graphOf(run), input.scheduler(view, "/scheduler"));
                }));
    }

    private TaskGraph graphOf(RunView run) {
        return input.graph(views.read(run.graph(), GraphSpec.class), "/graph");
    }

    /**
     * Engine results rebuilt from what was saved, for exporters that take engine records. Kept on purpose: an
     * export may be asked for long after the run, on any instance, and the engine's own results are not kept once
     * the run is saved (holding them would cost memory per finished run); the saved views are all there is.
     */
    static final class StoredRuns {

        private StoredRuns() {}

        static RunResult result(
                RunView run,
                TaskGraph graph,
                SchedulerSpec scheduler,
                List<TaskView> tasks,
                Double makespanMs,
                boolean virtual,
                List<RunEvent> events) {
            var timings = tasks == null
                    ? List.<TaskTiming>of()
                    : tasks.stream().map(StoredRuns::timing).toList();
            long makespan = nanos(makespanMs == null ? 0 : makespanMs);
            var analysis = RunAnalysis.of(graph.metrics(), scheduler, timings, makespan);
            return new RunResult(
                    scheduler,
                    virtual,
                    status(virtual ? RunState.SUCCEEDED : RunState.fromWireName(run.status())),
                    virtual ? null : run.reason(),
                    makespan,
                    timings,
                    events,
                    events.size(),
                    analysis);
        }

        /** The service's own states (interrupted) end a run early, as a cancellation does. */
        private static RunStatus status(RunState state) {
            return switch (state) {
                case SUCCEEDED -> RunStatus.SUCCEEDED;
                case FAILED -> RunStatus.FAILED;
                case TIMED_OUT -> RunStatus.TIMED_OUT;
                case CANCELLED, INTERRUPTED, QUEUED, RUNNING -> RunStatus.CANCELLED;
            };
        }

        private static TaskTiming timing(TaskView t) {
            return new TaskTiming(
                    t.id(),
                    TaskKind.fromWireName(t.kind()).orElseThrow(),
                    t.lane() == null ? -1 : t.lane(),
                    TaskState.valueOf(t.state().toUpperCase(Locale.ROOT)),
                    nanosOrAbsent(t.readyMs()),
                    nanosOrAbsent(t.startMs()),
                    nanosOrAbsent(t.endMs()),
                    nanosOrAbsent(t.dueMs()),
                    nanosOrAbsent(t.callbackMs()),
                    nanosOrAbsent(t.resumedMs()));
        }

        private static long nanos(double ms) {
            return Math.round(ms * 1e6);
        }

        private static long nanosOrAbsent(Double ms) {
            return ms == null ? TaskTiming.ABSENT : nanos(ms);
        }
    }
}
