package dev.interleave.engine.sched;

/** A growable FIFO of ints (a ring whose length is a power of two); allocation-free once grown. */
final class IntFifo {

    private int[] ring = new int[8];
    private int head;
    private int size;

    void add(int value) {
        if (size == ring.length) {
            int[] bigger = new int[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size++) & (ring.length - 1)] = value;
    }

    int poll() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        int value = ring[head];
        head = (head + 1) & (ring.length - 1);
        size--;
        return value;
    }

    int peek() {
        if (size == 0) {
            throw new IllegalStateException("empty");
        }
        return ring[head];
    }

    /** The {@code i}-th value from the head. */
    int get(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    /** Removes the first occurrence of {@code value}; returns false if absent. */
    boolean remove(int value) {
        for (int i = 0; i < size; i++) {
            if (get(i) == value) {
                for (int j = i; j > 0; j--) {
                    ring[(head + j) & (ring.length - 1)] = get(j - 1);
                }
                head = (head + 1) & (ring.length - 1);
                size--;
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
