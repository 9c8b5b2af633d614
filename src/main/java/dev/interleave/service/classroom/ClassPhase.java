package dev.interleave.service.classroom;

import java.util.Arrays;
import java.util.Set;

/**
 * Where a class session is; the only place its transitions are written down:
 *
 * <pre>
 * ANSWERING -> REVEALED | CLOSED      students answer the current step; the teacher reveals it or ends the class
 * REVEALED  -> ANSWERING | CLOSED     the truth is shown; the teacher opens the next step (ANSWERING) or ends
 * CLOSED    -> REVEALED | ANSWERING   the teacher reopens a past class, with a fresh join code (the old one may
 *                                     be another class's by now): teacher-paced it resumes at its step revealed,
 *                                     self-paced it resumes answering
 * </pre>
 *
 * In a self-paced class the phase is ANSWERING until it is closed: each student sees the truth of a step as soon
 * as they answered it, and the teacher's reveal is refused. The column keeps the wire names (a CHECK constraint
 * refuses others, V9); {@link #to} refuses every transition not listed here.
 */
public enum ClassPhase {
    ANSWERING("answering"),
    REVEALED("revealed"),
    CLOSED("closed");

    private final String wire;

    ClassPhase(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    public static ClassPhase of(String wire) {
        return Arrays.stream(values())
                .filter(p -> p.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class phase '" + wire + "'"));
    }

    /** The phases that may become this one. */
    public Set<ClassPhase> from() {
        return switch (this) {
            case ANSWERING -> Set.of(REVEALED, CLOSED);
            case REVEALED -> Set.of(ANSWERING, CLOSED);
            case CLOSED -> Set.of(ANSWERING, REVEALED);
        };
    }

    public boolean canBecome(ClassPhase next) {
        return next.from().contains(this);
    }

    /** {@code next}, or IllegalStateException if this phase may not become it. */
    public ClassPhase to(ClassPhase next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("a class cannot go from " + wire + " to " + next.wire);
        }
        return next;
    }
}
