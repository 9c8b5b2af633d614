package dev.interleave.engine.sched;

import java.util.Arrays;

/**
 * The decisions of CPython 3.11's GIL ({@code Python/ceval_gil.h}, FORCE_SWITCHING on), written once and used by
 * both the virtual {@link Gil} (the prediction) and the real lock of a real-clock threads run: who holds the GIL,
 * who waits for it in which order, whether a waiter's window ends with a drop request, and who gets it next. It
 * knows nothing of time: its owner arms and fires the windows, and says when a thread takes or releases.
 *
 * <p>Rules (numbered as in {@code python-threads-model.md}):
 * <ul>
 *   <li>G1 {@link #take}: a free GIL is granted at once; otherwise the thread joins the waiters at the tail and
 *       remembers the switch count (its window is armed by the owner).</li>
 *   <li>G2 {@link #grant}: the thread leaves the waiters and holds the GIL; a grant to another thread than the
 *       last holder counts a switch.</li>
 *   <li>G3 {@link #windowEnds}: the waiter re-joins at the tail with a new window; it asks for a drop when no
 *       switch happened since its window was armed and the GIL is held (and not in transit).</li>
 *   <li>G4 {@link #forceDrop} and G5 {@link #release}: the holder lets go; the waiter that has waited longest
 *       (the head, usually not the requester, who just re-joined at the tail) is the one to grant next.</li>
 * </ul>
 *
 * <p>Invariants: the holder is {@link #NONE} or one thread, never also a waiter; the waiters are a FIFO by the
 * time each (re-)joined, kept as an intrusive doubly linked list over thread indices, so every operation is O(1)
 * and allocation-free. Not thread-safe: the real lock calls it under its own mutex.
 */
final class GilRules {

    static final int NONE = -1;

    private int holder = NONE;
    private int lastHolder = NONE;
    private long switches;
    /** Per thread: the switch count when its window was armed, and its links in the waiter list. */
    private final long[] savedSwitch;

    private final int[] prev;
    private final int[] next;
    private final boolean[] waiting;
    private int head = NONE;
    private int tail = NONE;

    GilRules(int threads) {
        savedSwitch = new long[threads];
        prev = new int[threads];
        next = new int[threads];
        waiting = new boolean[threads];
        Arrays.fill(prev, NONE);
        Arrays.fill(next, NONE);
    }

    int holder() {
        return holder;
    }

    boolean isWaiting(int thread) {
        return waiting[thread];
    }

    /** The waiter that has waited longest (the next to be granted), or {@link #NONE}. */
    int longestWaiter() {
        return head;
    }

    long switches() {
        return switches;
    }

    /** G1: true if {@code thread} now holds the GIL; false if it joined the waiters (its owner arms a window). */
    boolean take(int thread) {
        if (holder == NONE) {
            grant(thread);
            return true;
        }
        join(thread);
        return false;
    }

    /** G2. */
    void grant(int thread) {
        if (waiting[thread]) {
            unlink(thread);
        }
        holder = thread;
        if (thread != lastHolder) {
            switches++;
            lastHolder = thread;
        }
    }

    /**
     * G3: {@code thread}'s window ended while it waited. It re-joins at the tail (its owner arms a new window);
     * returns true if it asks the holder to drop the GIL (G4). CPython resets a drop request when the GIL is
     * taken, so none counts while the GIL is in transit to a thread that does not run yet.
     */
    boolean windowEnds(int thread, boolean inTransit) {
        boolean request = holder != NONE && !inTransit && switches == savedSwitch[thread];
        unlink(thread);
        join(thread);
        return request;
    }

    /** G4: the holder is forced off; returns it. The caller grants {@link #longestWaiter()} next. */
    int forceDrop() {
        int dropped = holder;
        holder = NONE;
        return dropped;
    }

    /** G5: the holder lets go; returns the waiter to grant next, or {@link #NONE} (the GIL stays free). */
    int release() {
        holder = NONE;
        return head;
    }

    private void join(int thread) {
        waiting[thread] = true;
        savedSwitch[thread] = switches;
        prev[thread] = tail;
        next[thread] = NONE;
        if (tail == NONE) {
            head = thread;
        } else {
            next[tail] = thread;
        }
        tail = thread;
    }

    private void unlink(int thread) {
        waiting[thread] = false;
        int before = prev[thread];
        int after = next[thread];
        if (before == NONE) {
            head = after;
        } else {
            next[before] = after;
        }
        if (after == NONE) {
            tail = before;
        } else {
            prev[after] = before;
        }
        prev[thread] = NONE;
        next[thread] = NONE;
    }
}
