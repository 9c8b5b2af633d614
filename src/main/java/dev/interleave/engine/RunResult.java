package dev.interleave.engine;

import dev.interleave.engine.run.RunEvent;
import dev.interleave.engine.run.RunStatus;
import dev.interleave.engine.run.TaskTiming;
import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one run, predicted (virtual clock) or measured (system clock). A cancelled or timed-out run
 * still carries everything that happened until it stopped.
 *
 * @param reason     why it stopped early, in plain words; null for a run that succeeded
 * @param events     every event in sequence order (empty if the run was told not to keep them)
 * @param eventCount how many events the run emitted, kept or not
 */
public record RunResult(
        SchedulerSpec scheduler,
        boolean virtual,
        RunStatus status,
        String reason,
        long makespanNanos,
        List<TaskTiming> tasks,
        List<RunEvent> events,
        long eventCount,
        RunAnalysis analysis) {

    public RunResult {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(status, "status");
        // Wrapped, not copied: a large run has millions of events and the engine hands over fresh lists.
        tasks = java.util.Collections.unmodifiableList(tasks);
        events = java.util.Collections.unmodifiableList(events);
    }

    public double makespanMillis() {
        return makespanNanos / 1e6;
    }

    public TaskTiming task(String id) {
        return tasks.stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task '" + id + "' in this run"));
    }
}
