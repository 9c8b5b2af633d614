package dev.interleave.service;

import dev.interleave.engine.run.RunStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The state of a real run: the run state machine, written down once. The database column and the contract carry
 * {@link #wireName()}; nothing else spells a state.
 *
 * <p>Allowed transitions (as {@code java.util.concurrent.FutureTask} documents its {@code state} field), each with
 * the one writer that makes it:
 *
 * <pre>
 * QUEUED  -> RUNNING                          the keeper starts it        (RunSupervisor)
 * QUEUED  -> CANCELLED                        cancelled before it started (RunService.cancel)
 * QUEUED  -> FAILED                           the service failed to start it (RunSupervisor)
 * QUEUED | RUNNING -> INTERRUPTED             shutdown, or its instance's lease expired (RunRecovery, RunSupervisor)
 * RUNNING -> SUCCEEDED | FAILED | CANCELLED | TIMED_OUT   how the engine says it ended (RunSupervisor)
 * </pre>
 *
 * A final state never changes again. Every UPDATE of a run's status is conditional on the states it may leave
 * ({@code where status in ...}), so two writers racing (a cancel and the keeper) cannot both win.
 *
 * <p>It lives in {@code service}, not {@code service.run}, because views and persistence read it and
 * {@code service.run} depends on both: the packages stay free of cycles.
 */
public enum RunState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    INTERRUPTED;

    /** The states a run may still leave: those of a run its instance owns. */
    public static final Set<RunState> UNFINISHED = EnumSet.of(QUEUED, RUNNING);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True once the run can change no more. */
    public boolean isFinal() {
        return !UNFINISHED.contains(this);
    }

    /** Whether the state machine allows {@code this -> next}. */
    public boolean canBecome(RunState next) {
        return switch (this) {
            case QUEUED -> next == RUNNING || next == CANCELLED || next == FAILED || next == INTERRUPTED;
            case RUNNING -> next.isFinal();
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, INTERRUPTED -> false;
        };
    }

    /** {@code next} if {@code this -> next} is allowed; a broken invariant otherwise. */
    public RunState to(RunState next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("a run cannot go from " + wireName() + " to " + next.wireName());
        }
        return next;
    }

    /** The states that may become {@code next}: the {@code where status in ...} of a conditional update. */
    public static List<RunState> before(RunState next) {
        return Arrays.stream(values()).filter(s -> s.canBecome(next)).toList();
    }

    /** How the engine says a real run ended. */
    public static RunState of(RunStatus ended) {
        return switch (ended) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case TIMED_OUT -> TIMED_OUT;
        };
    }

    /** The state a wire name (as saved or sent) names. */
    public static RunState fromWireName(String wireName) {
        for (var s : values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no run state is called " + wireName);
    }
}
