package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid task graphs for property tests, parity checks and benchmarks. Deterministic for a given
 * {@link Random}. Dependencies may point to earlier- or later-declared tasks: acyclicity comes from a hidden
 * random topological rank (a task only waits for tasks of lower rank), not from declaration order.
 */
public final class RandomDags {

    /** Durations that collide often, so equal deadlines and simultaneous finishes get exercised. */
    private static final int[] COMMON_MS = {0, 0, 5, 10, 10, 20};

    private RandomDags() {}

    /**
     * @param size     number of tasks
     * @param maxMs    largest duration (integer milliseconds, from 0)
     * @param maxDeps  most dependencies per task
     */
    public static TaskGraph generate(Random random, int size, int maxMs, int maxDeps) {
        return new GraphValidator(new GraphLimits(Math.max(size, 1), Math.max(size * maxDeps, 0)))
                .validOrThrow(spec(random, size, maxMs, maxDeps));
    }

    public static GraphSpec spec(Random random, int size, int maxMs, int maxDeps) {
        List<Integer> byRank = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byRank.add(i);
        }
        Collections.shuffle(byRank, random);
        var tasks = new ArrayList<TaskSpec>(size);
        int[] rank = new int[size];
        for (int r = 0; r < size; r++) {
            rank[byRank.get(r)] = r;
        }
        for (int i = 0; i < size; i++) {
            var after = new ArrayList<String>();
            int candidates = rank[i];
            int wanted = candidates == 0 ? 0 : random.nextInt(Math.min(maxDeps, candidates) + 1);
            while (after.size() < wanted) {
                String dep = "t" + byRank.get(random.nextInt(candidates));
                if (!after.contains(dep)) {
                    after.add(dep);
                }
            }
            tasks.add(new TaskSpec("t" + i, kind(random).wireName(), (double) ms(random, maxMs), null, after));
        }
        return new GraphSpec("random", tasks);
    }

    /**
     * The same tasks with one to three random limits (values 1 to 3) on about half of them, and about half of the
     * blocking_io and cpu tasks offloaded.
     */
    public static TaskGraph withLimitsAndOffload(Random random, GraphSpec spec) {
        var limits = new java.util.LinkedHashMap<String, Number>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            limits.put("L" + i, 1 + random.nextInt(3));
        }
        var tasks = new ArrayList<TaskSpec>(spec.tasks().size());
        for (TaskSpec t : spec.tasks()) {
            TaskSpec task = random.nextBoolean() ? t.withLimit("L" + random.nextInt(count)) : t;
            if (!t.kind().equals("io") && random.nextInt(10) < 6) {
                task = task.offloaded();
            }
            tasks.add(task);
        }
        int size = tasks.size();
        return new GraphValidator(new GraphLimits(Math.max(size, 1), size * size))
                .validOrThrow(new GraphSpec(spec.name(), limits, tasks));
    }

    private static TaskKind kind(Random random) {
        int roll = random.nextInt(10);
        return roll < 5 ? TaskKind.IO : roll < 8 ? TaskKind.CPU : TaskKind.BLOCKING_IO;
    }

    private static int ms(Random random, int maxMs) {
        if (random.nextBoolean()) {
            return Math.min(maxMs, COMMON_MS[random.nextInt(COMMON_MS.length)]);
        }
        return random.nextInt(maxMs + 1);
    }
}
