package dev.interleave.service.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A student's answer, or a true one, in the guess-first contract's shape: {@code {"ms": n}} (makespan,
 * loop_blocked), {@code {"scheduler": i}} (fastest_scheduler, an index into the question's schedulers), {@code
 * {"task": "id"}} (first_task, last_task).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guess(Double ms, Integer scheduler, String task) {

    /** The number this answer is, for histograms: ms, or the scheduler index; null for a task pick. */
    public Double value() {
        return ms != null ? ms : scheduler != null ? Double.valueOf(scheduler) : null;
    }
}
