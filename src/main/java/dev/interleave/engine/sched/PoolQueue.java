package dev.interleave.engine.sched;

import java.util.function.IntConsumer;

/**
 * The work queue of CPython 3.11's {@code ThreadPoolExecutor}, a {@code _queue.SimpleQueue}, as the threads model
 * sees it: the queue's lock is held by one getter at a time, and a {@code put} while a getter holds it hands the
 * lock to the first blocked getter, so k puts wake k workers one after another (each next worker wakes only when
 * the previous one has popped). Rules Q1–Q3 of {@code python-threads-model.md}.
 *
 * <p>Invariants: {@code locked} implies {@code lockHeld}; a blocked getter is woken at most once per hand-off, through
 * the callback, which the model turns into a GIL take after the current step (G6).
 */
final class PoolQueue {

    private final IntFifo items = new IntFifo();
    private final IntFifo blockedGetters = new IntFifo();
    private final IntConsumer wakeGetter;
    /** The queue's lock is held by a getter; {@code locked} is the queue's own {@code locked} flag. */
    private boolean lockHeld;

    private boolean locked;

    /** @param wakeGetter called with a blocked getter that was handed the lock and must wake */
    PoolQueue(IntConsumer wakeGetter) {
        this.wakeGetter = wakeGetter;
    }

    /** Q3: after the pool's warm-up every worker is blocked on the queue lock, in order. */
    void warmUp(int workers) {
        for (int thread = 0; thread < workers; thread++) {
            blockedGetters.add(thread);
        }
        lockHeld = true;
        locked = true;
    }

    /** Q1: {@code put} by the main thread. */
    void put(int task) {
        items.add(task);
        if (locked) {
            locked = false;
            releaseLock();
        }
    }

    /** A woken getter holds the GIL again: it owns the queue's lock. */
    void woken() {
        locked = true;
    }

    /**
     * Q2: one round of {@code get} by a worker holding the GIL: the next task, or -1 when the worker blocked
     * (it joined the blocked getters and must release the GIL).
     */
    int get(int thread) {
        while (true) {
            if (!items.isEmpty()) {
                int task = items.poll();
                if (locked) {
                    releaseLock();
                    locked = false;
                }
                return task;
            }
            if (!lockHeld) {
                lockHeld = true;
                locked = true;
                continue;
            }
            blockedGetters.add(thread);
            return -1;
        }
    }

    /** The lock goes to the first blocked getter, who wakes after this step; else it is free. */
    private void releaseLock() {
        if (blockedGetters.isEmpty()) {
            lockHeld = false;
        } else {
            wakeGetter.accept(blockedGetters.poll());
        }
    }
}
