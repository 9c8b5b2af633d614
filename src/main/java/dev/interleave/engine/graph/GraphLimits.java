package dev.interleave.engine.graph;

/**
 * Size limits for a graph. They bound memory and the time a validation or simulation can take.
 *
 * @param maxTasks largest number of tasks accepted
 * @param maxEdges largest total number of {@code after} entries accepted
 */
public record GraphLimits(int maxTasks, int maxEdges) {

    public static final double MAX_MS = 60_000;
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_LABEL_LENGTH = 500;
    public static final int MAX_NAME_LENGTH = 200;
    /** Largest value of a named limit (a semaphore's initial value). */
    public static final int MAX_LIMIT = 10_000;
    /** Most named limits in one graph. */
    public static final int MAX_LIMITS = 100;

    public static final GraphLimits DEFAULT = new GraphLimits(10_000, 100_000);

    public GraphLimits {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
        }
        if (maxEdges < 0) {
            throw new IllegalArgumentException("maxEdges must be >= 0, was " + maxEdges);
        }
    }
}
