package dev.interleave.service.classroom;

import dev.interleave.engine.Engine;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.Violation;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.ServiceException;
import dev.interleave.service.graph.GraphInput;
import dev.interleave.service.view.SchedulerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/**
 * Grading until the guess-first capability lands its {@code Grader}: the truth from the engine's prediction, the
 * error and a score, and no misconception (that table is the guess capability's, not repeated here). Replaced by
 * the adapter over {@code service/guess} as soon as it is on main.
 */
@ApplicationScoped
public class InterimGrading implements ClassGrading {

    private final Engine engine;
    private final GraphInput input;

    InterimGrading(Engine engine, GraphInput input) {
        this.engine = engine;
        this.input = input;
    }

    @Override
    public void check(TaskGraph graph, ClassQuestion q, String pointer) {
        schedulers(q, pointer);
    }

    @Override
    public void checkAnswer(TaskGraph graph, ClassQuestion q, Guess a, String pointer) {
        boolean ok = switch (q.kind()) {
            case "makespan", "loop_blocked" -> a.ms() != null && Double.isFinite(a.ms()) && a.ms() >= 0;
            case "fastest_scheduler" ->
                a.scheduler() != null
                        && a.scheduler() >= 0
                        && a.scheduler() < q.schedulers().size();
            default -> a.task() != null && hasTask(graph, a.task());
        };
        if (!ok) {
            throw new ServiceException.Invalid(
                    List.of(new Violation(pointer, "answer-invalid", "not an answer to " + q.kind())));
        }
    }

    @Override
    public Graded grade(TaskGraph graph, ClassQuestion q, Guess a) {
        var schedulers = schedulers(q, "/question");
        return switch (q.kind()) {
            case "makespan" -> number(a.ms(), run(graph, schedulers.get(0)).makespanMillis());
            case "loop_blocked" -> number(a.ms(), held(run(graph, schedulers.get(0))));
            case "fastest_scheduler" -> {
                int best = 0;
                for (int i = 1; i < schedulers.size(); i++) {
                    if (run(graph, schedulers.get(i)).makespanNanos()
                            < run(graph, schedulers.get(best)).makespanNanos()) {
                        best = i;
                    }
                }
                yield pick(new Guess(null, best, null), a.scheduler() == best);
            }
            default -> {
                var order = Comparator.comparingLong(TaskTiming::endNanos);
                var tasks = run(graph, schedulers.get(0)).tasks();
                var t = q.kind().equals("first_task")
                        ? tasks.stream().min(order)
                        : tasks.stream().max(order);
                String id = t.orElseThrow().id();
                yield pick(new Guess(null, null, id), id.equals(a.task()));
            }
        };
    }

    private List<SchedulerSpec> schedulers(ClassQuestion q, String pointer) {
        List<SchedulerView> views = switch (q.kind() == null ? "" : q.kind()) {
            case "makespan", "first_task", "last_task" -> q.scheduler() == null ? null : List.of(q.scheduler());
            case "loop_blocked" -> List.of(new SchedulerView("event_loop", null));
            case "fastest_scheduler" -> q.schedulers() == null || q.schedulers().size() < 2 ? null : q.schedulers();
            default ->
                throw new ServiceException.Invalid(List.of(new Violation(
                        pointer + "/kind", "unknown-question", "unknown question kind '" + q.kind() + "'")));
        };
        if (views == null) {
            throw new ServiceException.Invalid(
                    List.of(new Violation(pointer, "question-scheduler", q.kind() + " needs its scheduler(s)")));
        }
        return views.stream()
                .map(v -> input.scheduler(v, pointer + "/scheduler"))
                .toList();
    }

    private RunResult run(TaskGraph graph, SchedulerSpec scheduler) {
        return engine.simulate(graph, scheduler, false);
    }

    /** Time the loop thread (lane 0) spent in cpu and blocking work. */
    private static double held(RunResult r) {
        return r.tasks().stream()
                        .filter(t -> t.lane() == 0 && t.kind() != dev.interleave.engine.graph.TaskKind.IO)
                        .mapToLong(t -> t.endNanos() - t.startNanos())
                        .sum()
                / 1e6;
    }

    private static Graded number(double guess, double truth) {
        double error = guess - truth;
        Double pct = truth == 0 ? null : 100 * error / truth;
        double relative = Math.abs(error) / Math.max(Math.abs(truth), 1);
        int score = (int) Math.round(100 * Math.max(0, 1 - relative));
        return new Graded(new Guess(truth, null, null), error, pct, score, relative <= 0.05, null, null);
    }

    private static boolean hasTask(TaskGraph graph, String id) {
        return graph.tasks().stream().anyMatch(t -> t.id().equals(id));
    }

    private static Graded pick(Guess truth, boolean correct) {
        return new Graded(truth, null, null, correct ? 100 : 0, correct, null, null);
    }
}
