package dev.interleave.service.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.service.view.SchedulerView;
import java.util.List;

/**
 * One question of a step, in the guess-first contract's JSON: {@code {"kind":"makespan","scheduler":{...}}},
 * {@code {"kind":"fastest_scheduler","schedulers":[...]}}, {@code {"kind":"first_task"|"last_task",
 * "scheduler":{...}}}, {@code {"kind":"loop_blocked"}}. What the kinds mean and how they are graded belongs to
 * {@link ClassGrading}; a class only stores and forwards them.
 *
 * @param prompt optional words the teacher shows instead of the default question text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassQuestion(String kind, SchedulerView scheduler, List<SchedulerView> schedulers, String prompt) {

    public ClassQuestion {
        schedulers = schedulers == null ? null : List.copyOf(schedulers);
    }
}
