package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A valid task graph: acyclic, every dependency known, ids unique. Immutable; safe to share between runs and
 * threads. Only {@link GraphValidator} creates one, so holding a {@code TaskGraph} means holding a valid graph.
 *
 * <p>Dependencies are kept as index arrays because schedulers walk them on their hot path.
 */
public final class TaskGraph {

    private final String name;
    private final List<Task> tasks;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final Map<String, Integer> indexById;
    private final int edgeCount;

    TaskGraph(String name, List<Task> tasks, int[][] dependencies) {
        this.name = name;
        this.tasks = List.copyOf(tasks);
        this.dependencies = dependencies;
        this.dependents = invert(dependencies);
        this.indexById = new HashMap<>(tasks.size() * 2);
        for (var task : tasks) {
            indexById.put(task.id(), task.index());
        }
        this.edgeCount = Arrays.stream(dependencies).mapToInt(d -> d.length).sum();
    }

    private static int[][] invert(int[][] dependencies) {
        int[] counts = new int[dependencies.length];
        for (int[] deps : dependencies) {
            for (int dep : deps) {
                counts[dep]++;
            }
        }
        int[][] result = new int[dependencies.length][];
        for (int i = 0; i < result.length; i++) {
            result[i] = new int[counts[i]];
        }
        int[] fill = new int[dependencies.length];
        for (int task = 0; task < dependencies.length; task++) {
            for (int dep : dependencies[task]) {
                result[dep][fill[dep]++] = task; // ascending task index: declaration order
            }
        }
        return result;
    }

    /** The graph's display name; may be null. */
    public String name() {
        return name;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public int size() {
        return tasks.size();
    }

    public int edgeCount() {
        return edgeCount;
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

    /** Indices of the tasks that task {@code index} awaits, in its {@code after} order. Do not modify. */
    public int[] dependenciesOf(int index) {
        return dependencies[index];
    }

    /** Indices of the tasks that await task {@code index}, ascending (declaration order). Do not modify. */
    public int[] dependentsOf(int index) {
        return dependents[index];
    }

    /** Converts back to the public contract form (e.g. for persistence or export). */
    public GraphSpec toSpec() {
        var specs = new ArrayList<TaskSpec>(tasks.size());
        for (var task : tasks) {
            var after = new ArrayList<String>(dependencies[task.index()].length);
            for (int dep : dependencies[task.index()]) {
                after.add(tasks.get(dep).id());
            }
            specs.add(new TaskSpec(task.id(), task.kind().wireName(), task.ms(), task.label(), after));
        }
        return new GraphSpec(name, specs);
    }
}
