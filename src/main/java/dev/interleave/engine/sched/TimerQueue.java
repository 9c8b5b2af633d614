package dev.interleave.engine.sched;

import java.util.Arrays;

/**
 * The event loop's timers: a binary min-heap ordered by (deadline, arming order), like asyncio's
 * {@code _scheduled} heap. Real CPython breaks deadline ties by arming order because {@code loop.time()} moves
 * between two {@code call_at}s; under a virtual clock it does not move, so the order is made explicit here.
 */
final class TimerQueue {

    private long[] deadlines = new long[16];
    private long[] armedAt = new long[16];
    private int[] tasks = new int[16];
    private int size;
    private long armed;

    void add(long deadlineNanos, int task) {
        if (size == deadlines.length) {
            deadlines = Arrays.copyOf(deadlines, size * 2);
            armedAt = Arrays.copyOf(armedAt, size * 2);
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        long order = armed++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(deadlineNanos, order, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, deadlineNanos, order, task);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Deadline of the earliest timer; the queue must not be empty. */
    long peekDeadline() {
        return deadlines[0];
    }

    /** Removes the earliest timer and returns its task. */
    int poll() {
        if (size == 0) {
            throw new IllegalStateException("no timers");
        }
        int top = tasks[0];
        size--;
        long deadline = deadlines[size];
        long order = armedAt[size];
        int task = tasks[size];
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && earlier(child + 1, child)) {
                child++;
            }
            if (!before(deadlines[child], armedAt[child], deadline, order)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, deadline, order, task);
        return top;
    }

    private boolean before(long deadline, long order, int slot) {
        return before(deadline, order, deadlines[slot], armedAt[slot]);
    }

    private static boolean before(long deadline, long order, long otherDeadline, long otherOrder) {
        return deadline < otherDeadline || (deadline == otherDeadline && order < otherOrder);
    }

    private boolean earlier(int a, int b) {
        return before(deadlines[a], armedAt[a], deadlines[b], armedAt[b]);
    }

    private void move(int from, int to) {
        set(to, deadlines[from], armedAt[from], tasks[from]);
    }

    private void set(int slot, long deadline, long order, int task) {
        deadlines[slot] = deadline;
        armedAt[slot] = order;
        tasks[slot] = task;
    }
}
