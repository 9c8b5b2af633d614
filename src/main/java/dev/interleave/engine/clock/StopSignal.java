package dev.interleave.engine.clock;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cooperative stop for one run, shared by its scheduler thread and lane threads. The first {@link #stop} wins;
 * every wait of the run goes through {@link #awaitNanos} so that a stop wakes it at once.
 */
public final class StopSignal {

    /** Why a run was stopped from outside. */
    public enum Reason {
        CANCELLED,
        TIMED_OUT
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    // Written once under lock, read anywhere.
    private volatile Reason reason;

    /** Requests a stop; returns false if the run was already stopping. */
    public boolean stop(Reason why) {
        lock.lock();
        try {
            if (reason != null) {
                return false;
            }
            reason = why;
            stopped.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopped() {
        return reason != null;
    }

    /** The reason, or null while the run may go on. */
    public Reason reason() {
        return reason;
    }

    /** Parks the calling thread for up to {@code nanos}; returns early when stopped. */
    void awaitNanos(long nanos) {
        if (nanos <= 0 || reason != null) {
            return;
        }
        lock.lock();
        try {
            long left = nanos;
            while (left > 0 && reason == null) {
                left = stopped.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Reason.CANCELLED);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "StopSignal[" + (reason == null ? "running" : reason) + "]";
    }
}
