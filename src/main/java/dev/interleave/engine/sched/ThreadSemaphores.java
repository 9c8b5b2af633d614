package dev.interleave.engine.sched;

import dev.interleave.engine.graph.TaskGraph;

/**
 * The graph's limits as {@code threading.Semaphore}s taken inside the submitted function (CPython 3.11
 * {@code threading.py}): {@code acquire} takes a unit if one is left, else waits on the semaphore's condition;
 * {@code release} adds a unit and notifies the first waiter, who must take the GIL and look again; a thread that
 * asks in between takes the unit first (as Python's Semaphore lets it), and the notified one waits again at the
 * tail.
 *
 * <p>Invariant: a unit count never goes below 0; a thread is in at most one limit's waiters.
 */
final class ThreadSemaphores {

    private final int[] value;
    private final IntFifo[] waiters;

    ThreadSemaphores(TaskGraph graph) {
        value = new int[graph.limitCount()];
        waiters = new IntFifo[graph.limitCount()];
        for (int limit = 0; limit < value.length; limit++) {
            value[limit] = graph.limitValue(limit);
            waiters[limit] = new IntFifo();
        }
    }

    /** Takes a unit of {@code limit} for {@code thread}; false if none is left (it then waits, at the tail). */
    boolean acquire(int limit, int thread) {
        if (value[limit] == 0) {
            waiters[limit].add(thread);
            return false;
        }
        value[limit]--;
        return true;
    }

    /** Gives a unit back; returns the waiter notified (which must take the GIL and call acquire again), or -1. */
    int release(int limit) {
        value[limit]++;
        return waiters[limit].isEmpty() ? -1 : waiters[limit].poll();
    }
}
