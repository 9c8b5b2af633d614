package dev.interleave.engine.graph;

import java.util.Arrays;

/**
 * Edges in compressed rows: task {@code i}'s targets are {@code targets[start[i] .. start[i + 1])}. The one place
 * that inverts edges and runs Kahn's algorithm, for {@link TaskGraph} (and its metrics) and {@link GraphValidator}.
 */
record Edges(int[] start, int[] targets) {

    static Edges of(int[][] rows) {
        int[] start = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            start[i + 1] = start[i] + rows[i].length;
        }
        int[] targets = new int[start[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, targets, start[i], rows[i].length);
        }
        return new Edges(start, targets);
    }

    /** The reverse edges; each row lists its targets ascending, because sources are visited in order. */
    Edges inverted() {
        int n = start.length - 1;
        int[] reverseStart = new int[n + 1];
        for (int target : targets) {
            reverseStart[target + 1]++;
        }
        for (int i = 0; i < n; i++) {
            reverseStart[i + 1] += reverseStart[i];
        }
        int[] fill = Arrays.copyOf(reverseStart, n);
        int[] reverseTargets = new int[targets.length];
        for (int source = 0; source < n; source++) {
            for (int e = start[source]; e < start[source + 1]; e++) {
                reverseTargets[fill[targets[e]]++] = source;
            }
        }
        return new Edges(reverseStart, reverseTargets);
    }

    int count(int row) {
        return start[row + 1] - start[row];
    }

    int target(int row, int k) {
        assert k >= 0 && k < count(row) : "edge " + k + " of a row with " + count(row);
        return targets[start[row] + k];
    }

    int[] copyOf(int row) {
        return Arrays.copyOfRange(targets, start[row], start[row + 1]);
    }

    /**
     * Kahn's algorithm with these rows as dependents: the tasks in the order they can become ready, ties by index.
     * {@code waiting[i]} is how many dependencies task {@code i} has, and is used up. Every task appears unless some
     * wait, directly or not, on a cycle: those are left out.
     */
    int[] kahnOrder(int[] waiting) {
        int n = waiting.length;
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int task = order[head++];
            for (int e = start[task]; e < start[task + 1]; e++) {
                if (--waiting[targets[e]] == 0) {
                    order[tail++] = targets[e];
                }
            }
        }
        return tail == n ? order : Arrays.copyOf(order, tail);
    }
}
