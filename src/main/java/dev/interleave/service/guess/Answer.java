package dev.interleave.service.guess;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A guess, or the true answer: {@code {"ms": n}} for makespan and loop_blocked, {@code {"scheduler": i}} (an index
 * into the question's schedulers) for fastest_scheduler, {@code {"task": "id"}} for first_task and last_task.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(Double ms, Integer scheduler, String task) {

    public static Answer ofMs(double ms) {
        return new Answer(ms, null, null);
    }

    public static Answer ofScheduler(int index) {
        return new Answer(null, index, null);
    }

    public static Answer ofTask(String id) {
        return new Answer(null, null, id);
    }
}
