package dev.interleave.engine.sched;

import java.util.Arrays;

/**
 * A binary min-heap of (time, seq) -> long payload, for discrete-event models: equal times pop in the order they
 * were added, since {@code seq} increases with every add. The payload is the caller's packed event.
 */
final class EventHeap {

    private long[] times = new long[16];
    private long[] seqs = new long[16];
    private long[] payloads = new long[16];
    private int size;

    void add(long time, long seq, long payload) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, seq, times[parent], seqs[parent])) {
                break;
            }
            set(i, times[parent], seqs[parent], payloads[parent]);
            i = parent;
        }
        set(i, time, seq, payload);
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return times[0];
    }

    /** Removes the earliest event and returns its payload. */
    long poll() {
        if (size == 0) {
            throw new IllegalStateException("no events");
        }
        long top = payloads[0];
        size--;
        long time = times[size];
        long seq = seqs[size];
        long payload = payloads[size];
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(times[child + 1], seqs[child + 1], times[child], seqs[child])) {
                child++;
            }
            if (!before(times[child], seqs[child], time, seq)) {
                break;
            }
            set(i, times[child], seqs[child], payloads[child]);
            i = child;
        }
        set(i, time, seq, payload);
        return top;
    }

    private static boolean before(long time, long seq, long otherTime, long otherSeq) {
        return time < otherTime || (time == otherTime && seq < otherSeq);
    }

    private void set(int slot, long time, long seq, long payload) {
        times[slot] = time;
        seqs[slot] = seq;
        payloads[slot] = payload;
    }
}
