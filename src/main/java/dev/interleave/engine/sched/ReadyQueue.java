package dev.interleave.engine.sched;

import java.util.Arrays;

/** Tasks (by declaration index) that may start, in the order a list scheduler takes them. */
sealed interface ReadyQueue permits ReadyQueue.Fifo, ReadyQueue.ByDeclaration {

    void add(int task);

    /** Removes and returns the next task; the queue must not be empty. */
    int poll();

    boolean isEmpty();

    /** First in, first out: the parallel scheduler's single ready queue. */
    final class Fifo implements ReadyQueue {
        private final IntFifo ring = new IntFifo();

        @Override
        public void add(int task) {
            ring.add(task);
        }

        @Override
        public int poll() {
            if (ring.isEmpty()) {
                throw new IllegalStateException("ready queue is empty");
            }
            return ring.poll();
        }

        @Override
        public boolean isEmpty() {
            return ring.isEmpty();
        }
    }

    /** Lowest declaration index first: the sequential scheduler's rule. A binary min-heap of ints. */
    final class ByDeclaration implements ReadyQueue {
        private int[] heap = new int[16];
        private int size;

        @Override
        public void add(int task) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            int i = size++;
            while (i > 0 && heap[(i - 1) / 2] > task) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heap[i] = task;
        }

        @Override
        public int poll() {
            if (size == 0) {
                throw new IllegalStateException("ready queue is empty");
            }
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }
    }
}
