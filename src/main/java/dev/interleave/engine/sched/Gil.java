package dev.interleave.engine.sched;

import dev.interleave.engine.clock.Clock;

/**
 * The GIL in virtual time: {@link GilRules} plus the switch interval's windows and, for a calibrated model, the
 * hand-off delay. Reusable by any model whose threads contend for the GIL (the threads scheduler; the event loop's
 * thread against its offloaded workers): the model is the {@link Host} that keeps the timed events and the agenda
 * of zero-time steps, and says when its threads take and release.
 *
 * <p>Invariants: a window is current only while its version matches {@code windowVersion[thread]}, which every
 * grant and every re-arm bumps, so a stale window fires as a no-op; at a timed event the holder is
 * {@link GilRules#NONE} or a thread whose step is a CPU burn (every other Python step is atomic), which is the
 * only thing a forced drop may interrupt.
 */
public final class Gil {

    /** CPython's default {@code sys.getswitchinterval()}. */
    public static final long SWITCH_INTERVAL_NANOS = 5_000_000;

    /** What the model around the GIL provides. Called on the model's thread, during the GIL's operations. */
    public interface Host {

        /** Arms a timed event that calls {@link #windowEnds(int, long)} with this version at {@code atNanos}. */
        void armWindow(int thread, long atNanos, long version);

        /** Calibrated model only: arms a timed event that calls {@link #handedOver()} at {@code atNanos}. */
        void armHandOver(int thread, long atNanos);

        /** Appends to the agenda: {@code thread} now holds the GIL and takes its next step. */
        void run(int thread);

        /** Appends to the agenda: {@code thread} (forced off) takes the GIL again, after the new holder's step. */
        void takeAgain(int thread);

        /** A forced drop interrupts {@code thread}'s CPU burn: it must remember the work left. */
        void preempted(int thread);

        /** For the run's events: {@code thread} waits for the GIL, took it, or released it. */
        void changed(int thread, Change change);
    }

    /** What happened to a thread's hold on the GIL (the {@code gil_*} events). */
    public enum Change {
        /** Ready to run Python code but another thread holds the GIL. */
        WAIT,
        TAKEN,
        RELEASED
    }

    private final GilRules rules;
    private final Clock clock;
    private final Host host;
    private final long switchIntervalNanos;
    private final long handoffNanos;
    private final long[] windowVersion;
    /** Calibrated model only: the GIL has been handed to the holder, who does not run yet. */
    private boolean inTransit;

    /**
     * @param threads      how many threads may take the GIL (indices 0..threads-1)
     * @param handoffNanos 0 for the ideal GIL; else how long a grant to a waiting thread takes to reach it
     */
    public Gil(int threads, long switchIntervalNanos, long handoffNanos, Clock clock, Host host) {
        this.rules = new GilRules(threads);
        this.clock = clock;
        this.host = host;
        this.switchIntervalNanos = switchIntervalNanos;
        this.handoffNanos = handoffNanos;
        this.windowVersion = new long[threads];
    }

    /** The thread holding the GIL, or -1. */
    public int holder() {
        return rules.holder();
    }

    /** True while the GIL is handed to a thread that does not run yet (calibrated model only). */
    public boolean inTransit() {
        return inTransit;
    }

    /** The thread that holds the GIL when the model starts (CPython: the main thread), without a step to run. */
    public void holdAtStart(int thread) {
        rules.grant(thread);
        host.changed(thread, Change.TAKEN);
    }

    /** G1: {@code thread} wants to run Python code. */
    public void take(int thread) {
        if (rules.take(thread)) {
            granted(thread, false);
        } else {
            host.changed(thread, Change.WAIT);
            armWindow(thread);
        }
    }

    /** G5: the holder lets go (a sleep, a blocking lock, its end); the longest waiter gets the GIL. */
    public void release() {
        int releasing = rules.holder();
        int next = rules.release();
        if (releasing != GilRules.NONE) {
            host.changed(releasing, Change.RELEASED);
        }
        if (next != GilRules.NONE) {
            grant(next);
        }
    }

    /** G3, and G4 when the window ends with no switch since it was armed. Stale windows are ignored. */
    public void windowEnds(int thread, long version) {
        if (version != windowVersion[thread] || !rules.isWaiting(thread)) {
            return;
        }
        boolean request = rules.windowEnds(thread, inTransit);
        armWindow(thread);
        if (request) {
            int dropped = rules.holder();
            host.preempted(dropped);
            rules.forceDrop();
            host.changed(dropped, Change.RELEASED);
            grant(rules.longestWaiter());
            host.takeAgain(dropped);
        }
    }

    /** Calibrated model only: the GIL reached the thread it was handed to, which now runs. */
    public void handedOver() {
        inTransit = false;
        host.run(rules.holder());
    }

    private void grant(int thread) {
        rules.grant(thread);
        granted(thread, true);
    }

    /** G2's effects: the window is cancelled and the thread runs (after the hand-off delay, if calibrated). */
    private void granted(int thread, boolean toWaiter) {
        windowVersion[thread]++;
        host.changed(thread, Change.TAKEN);
        if (toWaiter && handoffNanos > 0) {
            inTransit = true;
            host.armHandOver(thread, clock.nanos() + handoffNanos);
        } else {
            host.run(thread);
        }
    }

    private void armWindow(int thread) {
        host.armWindow(thread, clock.nanos() + switchIntervalNanos, ++windowVersion[thread]);
    }
}
