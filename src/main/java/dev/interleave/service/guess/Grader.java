package dev.interleave.service.guess;

import dev.interleave.engine.Engine;
import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades a guess against the engine's prediction (the virtual-time run, deterministic): the true answer, the
 * error, a score and the misconception the numbers show. CPU-bound (one simulation per scheduler asked, plus
 * what-ifs for the rules), so callers run it on a worker thread. The answer must have been checked against the
 * question ({@link Questions#checkAnswer}).
 */
@ApplicationScoped
public class Grader {

    private final Engine engine;

    public Grader(Engine engine) {
        this.engine = engine;
    }

    public Grade grade(TaskGraph graph, Asked asked, Answer guess) {
        var results = new ArrayList<RunResult>();
        for (SchedulerSpec s : asked.schedulers()) {
            results.add(engine.simulate(graph, s, false));
        }
        var whatIf = new WhatIf(engine, graph);
        return switch (asked.kind()) {
            case MAKESPAN -> numeric(graph, asked, guess, results.get(0).makespanMillis(), results, whatIf);
            case LOOP_BLOCKED -> numeric(graph, asked, guess, loopHeldMs(results.get(0)), results, whatIf);
            case FASTEST_SCHEDULER -> pick(graph, asked, guess, fastest(results), results, whatIf);
            case FIRST_TASK -> pick(graph, asked, guess, firstOrLast(results.get(0), true), results, whatIf);
            case LAST_TASK -> pick(graph, asked, guess, firstOrLast(results.get(0), false), results, whatIf);
        };
    }

    /** The time the loop's own thread (lane 0) was held by work: cpu and blocking calls not offloaded. */
    static double loopHeldMs(RunResult eventLoopRun) {
        return eventLoopRun.analysis().laneBusyNanos()[0] / 1e6;
    }

    private Grade numeric(
            TaskGraph graph, Asked asked, Answer guess, double truthMs, List<RunResult> results, WhatIf whatIf) {
        double error = guess.ms() - truthMs;
        Double pct = truthMs == 0 ? null : 100 * error / truthMs;
        boolean correct = Scoring.correct(guess.ms(), truthMs);
        var truth = Answer.ofMs(truthMs);
        var misconception = correct
                ? null
                : Misconception.first(new GuessFacts(graph, asked, guess, truth, truthMs, results, whatIf))
                        .orElse(null);
        return new Grade(truth, error, pct, Scoring.score(guess.ms(), truthMs), correct, misconception);
    }

    private Grade pick(
            TaskGraph graph, Asked asked, Answer guess, Answer truth, List<RunResult> results, WhatIf whatIf) {
        boolean correct = switch (asked.kind()) {
            // Schedulers that tie with the fastest are as right as it.
            case FASTEST_SCHEDULER ->
                Scoring.correct(
                        results.get(guess.scheduler()).makespanMillis(),
                        results.get(truth.scheduler()).makespanMillis());
            // Tasks that end at the same instant as the first (or last) one are as right as it.
            default ->
                results.get(0).task(guess.task()).endNanos()
                        == results.get(0).task(truth.task()).endNanos();
        };
        var misconception = correct
                ? null
                : Misconception.first(new GuessFacts(graph, asked, guess, truth, null, results, whatIf))
                        .orElse(null);
        return new Grade(truth, null, null, correct ? 100 : 0, correct, misconception);
    }

    /** The first of the fastest (declaration order breaks ties). */
    private static Answer fastest(List<RunResult> results) {
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).makespanNanos() < results.get(best).makespanNanos()) {
                best = i;
            }
        }
        return Answer.ofScheduler(best);
    }

    /** The task that ends first (or last); ties go to the earlier-declared task. */
    private static Answer firstOrLast(RunResult run, boolean first) {
        TaskTiming chosen = null;
        for (TaskTiming t : run.tasks()) {
            if (chosen == null || (first ? t.endNanos() < chosen.endNanos() : t.endNanos() > chosen.endNanos())) {
                chosen = t;
            }
        }
        return Answer.ofTask(chosen.id());
    }
}
