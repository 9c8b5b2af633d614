package dev.interleave.service.guess;

import java.util.Arrays;
import java.util.Optional;

/** What a guess-first question asks; the wire names are the shared contract. */
public enum QuestionKind {
    /** How long the run takes on one scheduler; answered with {@code {"ms": n}}. */
    MAKESPAN("makespan", true),
    /** Which of several schedulers finishes first; answered with {@code {"scheduler": index}}. */
    FASTEST_SCHEDULER("fastest_scheduler", false),
    /** Which task finishes first on one scheduler; answered with {@code {"task": "id"}}. */
    FIRST_TASK("first_task", false),
    /** Which task finishes last on one scheduler; answered with {@code {"task": "id"}}. */
    LAST_TASK("last_task", false),
    /** On the event loop, how long the loop was held by its own work; answered with {@code {"ms": n}}. */
    LOOP_BLOCKED("loop_blocked", true);

    private final String wireName;
    private final boolean numeric;

    QuestionKind(String wireName, boolean numeric) {
        this.wireName = wireName;
        this.numeric = numeric;
    }

    public String wireName() {
        return wireName;
    }

    /** Answered with a number of milliseconds (else with a pick). */
    public boolean numeric() {
        return numeric;
    }

    public static Optional<QuestionKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
