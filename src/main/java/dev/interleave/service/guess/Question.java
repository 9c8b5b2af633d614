package dev.interleave.service.guess;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.service.view.SchedulerView;
import java.util.List;

/**
 * One guess-first question (the shared JSON contract): {@code {"kind":"makespan","scheduler":{...}}},
 * {@code {"kind":"fastest_scheduler","schedulers":[{...},...]}}, {@code {"kind":"first_task","scheduler":{...}}},
 * {@code {"kind":"last_task","scheduler":{...}}}, {@code {"kind":"loop_blocked"}} (the event loop; a scheduler,
 * if given, must be an event loop). {@link Questions} checks it and resolves the schedulers.
 *
 * @param prompt optional words an author shows instead of the default question text; never interpreted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String kind, SchedulerView scheduler, List<SchedulerView> schedulers, String prompt) {

    public Question {
        schedulers = schedulers == null ? null : List.copyOf(schedulers);
    }

    public static Question makespan(SchedulerView scheduler) {
        return new Question(QuestionKind.MAKESPAN.wireName(), scheduler, null, null);
    }

    public static Question fastest(List<SchedulerView> schedulers) {
        return new Question(QuestionKind.FASTEST_SCHEDULER.wireName(), null, schedulers, null);
    }

    public static Question firstTask(SchedulerView scheduler) {
        return new Question(QuestionKind.FIRST_TASK.wireName(), scheduler, null, null);
    }

    public static Question lastTask(SchedulerView scheduler) {
        return new Question(QuestionKind.LAST_TASK.wireName(), scheduler, null, null);
    }

    public static Question loopBlocked() {
        return new Question(QuestionKind.LOOP_BLOCKED.wireName(), null, null, null);
    }

    public Question withPrompt(String text) {
        return new Question(kind, scheduler, schedulers, text);
    }
}
