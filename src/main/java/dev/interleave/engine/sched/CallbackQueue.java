package dev.interleave.engine.sched;

/**
 * The event loop's ready deque of callbacks ({@code loop._ready}). A callback is a kind and a task, packed in
 * one int so that a million-task simulation allocates nothing per callback.
 */
final class CallbackQueue {

    /**
     * Kinds of callback, as in CPython: a task's {@code __step}, its {@code __wakeup}, a timer's handle; for
     * offloaded work the chained future's {@code _set_state} (queued by the worker thread), the self-pipe reader
     * {@code _read_from_self} and the chain's {@code _call_check_cancel}. The last two do nothing here but take a
     * slot in the deque, which orders what comes after them.
     */
    static final int STEP = 0;

    static final int WAKEUP = 1;
    static final int TIMER = 2;
    static final int SET_STATE = 3;
    static final int READ_FROM_SELF = 4;
    static final int CHECK_CANCEL = 5;

    private static final int KIND_BITS = 3;

    private final IntFifo ring = new IntFifo();

    void add(int kind, int task) {
        ring.add(task << KIND_BITS | kind);
    }

    int size() {
        return ring.size();
    }

    boolean isEmpty() {
        return ring.isEmpty();
    }

    /** Removes the first callback and returns it packed; read it with {@link #kind} and {@link #task}. */
    int poll() {
        if (ring.isEmpty()) {
            throw new IllegalStateException("no ready callbacks");
        }
        return ring.poll();
    }

    static int kind(int packed) {
        return packed & ((1 << KIND_BITS) - 1);
    }

    static int task(int packed) {
        return packed >>> KIND_BITS;
    }
}
