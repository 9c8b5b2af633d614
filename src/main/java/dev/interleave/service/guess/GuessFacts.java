package dev.interleave.service.guess;

import dev.interleave.engine.RunResult;
import dev.interleave.engine.graph.Task;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.TaskKind;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the misconception rules look at for one guess: the graph, the question, the guess, the engine's true
 * answer (with the predicted runs it came from) and predictions under wrong models ({@link WhatIf}).
 *
 * @param results the predicted run on each of the question's schedulers, in the question's order
 * @param truthMs the true number for number questions; null for picks
 */
record GuessFacts(
        TaskGraph graph,
        Asked asked,
        Answer guess,
        Answer truth,
        Double truthMs,
        List<RunResult> results,
        WhatIf whatIf) {

    /** Below this, a wait that went unnoticed is timer noise (the verdicts use the same 1 ms). */
    static final double STALL_NOISE_MS = 1;

    QuestionKind kind() {
        return asked.kind();
    }

    SchedulerSpec scheduler() {
        return asked.scheduler();
    }

    double guessMs() {
        return guess.ms();
    }

    /** The guess was a number close to {@code modelMs}, a number the truth is clearly not. */
    boolean guessNear(double modelMs) {
        return kind().numeric() && Scoring.nearWrongModel(guess.ms(), modelMs, truthMs);
    }

    boolean wrongPick() {
        return !kind().numeric() && !truth.equals(guess);
    }

    /** Tasks of {@code kind} that hold the event loop themselves (not handed to {@code asyncio.to_thread}). */
    List<Task> onLoop(TaskKind kind) {
        return graph.tasks().stream()
                .filter(t -> t.kind() == kind && !t.offload())
                .sorted(Comparator.comparingDouble(Task::ms).reversed().thenComparingInt(Task::index))
                .toList();
    }

    List<Task> ofKind(TaskKind kind) {
        return graph.tasks().stream().filter(t -> t.kind() == kind).toList();
    }

    static double sumMs(List<Task> tasks) {
        return tasks.stream().mapToDouble(Task::ms).sum();
    }

    /** The guessed scheduler of a fastest_scheduler question. */
    SchedulerSpec guessedScheduler() {
        return asked.schedulers().get(guess.scheduler());
    }

    SchedulerSpec fastestScheduler() {
        return asked.schedulers().get(truth.scheduler());
    }

    /**
     * On an event-loop question, the task whose work held the loop longest while the guessed task's finished wait
     * went unnoticed; empty when that wait was noticed at once (or the guessed task does not wait).
     */
    Optional<Stall> stallOfGuessedTask() {
        if (guess.task() == null || !(scheduler() instanceof SchedulerSpec.EventLoop)) {
            return Optional.empty();
        }
        var run = results.get(0);
        var waited = run.task(guess.task());
        if (waited.stallNanos() / 1e6 <= STALL_NOISE_MS) {
            return Optional.empty();
        }
        TaskTiming worst = null;
        long worstOverlap = 0;
        for (TaskTiming t : run.tasks()) {
            if (t.kind().holdsLoop() && t.lane() == 0 && t.startNanos() >= 0 && t.endNanos() >= 0) {
                long overlap =
                        Math.min(t.endNanos(), waited.resumedNanos()) - Math.max(t.startNanos(), waited.dueNanos());
                if (overlap > worstOverlap) {
                    worst = t;
                    worstOverlap = overlap;
                }
            }
        }
        return worst == null ? Optional.empty() : Optional.of(new Stall(waited, graph.task(worst.id())));
    }

    /** The guessed task's wait ended at {@code waited.dueNanos} but {@code holder} held the loop. */
    record Stall(TaskTiming waited, Task holder) {}
}
