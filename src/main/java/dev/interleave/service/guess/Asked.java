package dev.interleave.service.guess;

import dev.interleave.engine.sched.SchedulerSpec;
import java.util.List;
import java.util.Objects;

/**
 * A checked question: its kind and its schedulers resolved to engine specs (one for every kind but
 * fastest_scheduler, which has two or more; loop_blocked's is an event loop).
 */
public record Asked(QuestionKind kind, List<SchedulerSpec> schedulers) {

    public Asked {
        Objects.requireNonNull(kind, "kind");
        schedulers = List.copyOf(schedulers);
        if (schedulers.isEmpty() || (kind != QuestionKind.FASTEST_SCHEDULER && schedulers.size() != 1)) {
            throw new IllegalArgumentException(kind.wireName() + " takes one scheduler, had " + schedulers.size());
        }
        if (kind == QuestionKind.LOOP_BLOCKED && !(schedulers.get(0) instanceof SchedulerSpec.EventLoop)) {
            throw new IllegalArgumentException("loop_blocked is asked of an event loop");
        }
    }

    public static Asked of(QuestionKind kind, SchedulerSpec scheduler) {
        return new Asked(kind, List.of(scheduler));
    }

    /** The one scheduler of every kind but fastest_scheduler. */
    public SchedulerSpec scheduler() {
        return schedulers.get(0);
    }
}
