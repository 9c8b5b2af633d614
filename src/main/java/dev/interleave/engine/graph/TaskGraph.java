package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A valid task graph: acyclic, every dependency known, ids unique. Immutable; safe to share between runs and
 * threads. Only {@link GraphValidator} creates one, so holding a {@code TaskGraph} means holding a valid graph.
 *
 * <p>Schedulers walk the graph on their hot path, a million tasks at a time, so besides the {@link Task} records
 * it keeps what they read in flat arrays indexed by declaration index: ids, kinds, durations, and the edges in
 * both directions as compressed rows (one offsets array and one targets array each), which keeps neighbouring
 * tasks' edges next to each other in memory.
 */
public final class TaskGraph {

    private final String name;
    private final List<Task> tasks;
    private final String[] ids;
    private final TaskKind[] kinds;
    private final long[] durations;
    /** Per task: index of its limit or -1. */
    private final int[] limitOf;
    /** Per task: its work is offloaded to an executor thread. */
    private final boolean[] offloaded;

    private final String[] limitNames;
    private final int[] limitValues;
    private final boolean anyOffloaded;
    private final Edges dependencies;
    private final Edges dependents;
    private final Map<String, Integer> indexById;
    /** Computed on first use; the graph is immutable, so a race computes the same value twice at worst. */
    private volatile GraphMetrics metrics;

    TaskGraph(String name, List<String> limitNames, List<Integer> limitValues, List<Task> tasks, int[][] dependencies) {
        this.name = name;
        this.tasks = List.copyOf(tasks);
        this.limitNames = limitNames.toArray(String[]::new);
        this.limitValues = limitValues.stream().mapToInt(Integer::intValue).toArray();
        int n = tasks.size();
        this.ids = new String[n];
        this.kinds = new TaskKind[n];
        this.durations = new long[n];
        this.limitOf = new int[n];
        this.offloaded = new boolean[n];
        this.indexById = new HashMap<>(n * 2);
        boolean any = false;
        for (var task : tasks) {
            ids[task.index()] = task.id();
            kinds[task.index()] = task.kind();
            durations[task.index()] = task.durationNanos();
            limitOf[task.index()] = task.limit();
            offloaded[task.index()] = task.offload();
            any |= task.offload();
            indexById.put(task.id(), task.index());
        }
        this.anyOffloaded = any;
        this.dependencies = Edges.of(dependencies);
        this.dependents = this.dependencies.inverted();
    }

    /** The graph's display name; may be null. */
    public String name() {
        return name;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public int size() {
        return ids.length;
    }

    public int edgeCount() {
        return dependencies.targets().length;
    }

    public Task task(int index) {
        return tasks.get(index);
    }

    public Task task(String id) {
        Integer index = indexById.get(Objects.requireNonNull(id, "id"));
        if (index == null) {
            throw new IllegalArgumentException("no task with id '" + id + "'");
        }
        return tasks.get(index);
    }

    public String id(int task) {
        return ids[task];
    }

    public TaskKind kind(int task) {
        return kinds[task];
    }

    public long durationNanos(int task) {
        return durations[task];
    }

    /** Index of the limit task {@code task} runs under, or -1. */
    public int limit(int task) {
        return limitOf[task];
    }

    /** True when task {@code task}'s work runs on an executor thread under the event loop. */
    public boolean offloaded(int task) {
        return offloaded[task];
    }

    /** True when some task is offloaded. */
    public boolean anyOffloaded() {
        return anyOffloaded;
    }

    /** How many named limits the graph has. */
    public int limitCount() {
        return limitNames.length;
    }

    public String limitName(int limit) {
        return limitNames[limit];
    }

    /** The limit's value: how many tasks may hold it at once. */
    public int limitValue(int limit) {
        return limitValues[limit];
    }

    /** How many tasks task {@code task} awaits. */
    public int dependencyCount(int task) {
        return dependencies.count(task);
    }

    /** The {@code k}-th task that task {@code task} awaits, in its {@code after} order. */
    public int dependency(int task, int k) {
        return dependencies.target(task, k);
    }

    /** How many tasks await task {@code task}. */
    public int dependentCount(int task) {
        return dependents.count(task);
    }

    /** The {@code k}-th task that awaits task {@code task}, ascending (declaration order). */
    public int dependent(int task, int k) {
        return dependents.target(task, k);
    }

    /** A copy of the indices of the tasks that task {@code task} awaits, in its {@code after} order. */
    public int[] dependenciesOf(int task) {
        return dependencies.copyOf(task);
    }

    /** A copy of the indices of the tasks that await task {@code task}, ascending (declaration order). */
    public int[] dependentsOf(int task) {
        return dependents.copyOf(task);
    }

    /** Kahn's order, ties by declaration index; a validated graph has no cycle, so every task appears once. */
    int[] topologicalOrder() {
        int[] waiting = new int[size()];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = dependencies.count(i);
        }
        int[] order = dependents.kahnOrder(waiting);
        if (order.length != waiting.length) {
            throw new IllegalStateException("a validated graph has a cycle");
        }
        return order;
    }

    /** Total work, loop-holding work and critical path; computed once per graph. */
    public GraphMetrics metrics() {
        var known = metrics;
        if (known == null) {
            known = GraphMetrics.of(this);
            metrics = known;
        }
        return known;
    }

    /** Converts back to the public contract form (e.g. for persistence or export). */
    public GraphSpec toSpec() {
        var specs = new ArrayList<TaskSpec>(tasks.size());
        for (var task : tasks) {
            var after = new ArrayList<String>(dependencyCount(task.index()));
            for (int k = 0; k < dependencyCount(task.index()); k++) {
                after.add(ids[dependency(task.index(), k)]);
            }
            specs.add(new TaskSpec(
                    task.id(),
                    task.kind().wireName(),
                    task.ms(),
                    task.label(),
                    after,
                    task.limit() < 0 ? null : limitNames[task.limit()],
                    task.offload() ? Boolean.TRUE : null));
        }
        Map<String, Number> limits = null;
        if (limitNames.length > 0) {
            limits = new LinkedHashMap<>();
            for (int i = 0; i < limitNames.length; i++) {
                limits.put(limitNames[i], limitValues[i]);
            }
        }
        return new GraphSpec(name, limits, specs);
    }
}
