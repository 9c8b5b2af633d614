package dev.interleave.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a {@link GraphSpec} against the contract and reports every problem at once, each with a JSON pointer to
 * the offending field. Runs in O(tasks + edges) with no recursion, so a 10,000-task chain is fine.
 */
public final class GraphValidator {

    private final GraphLimits limits;

    public GraphValidator(GraphLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Every problem in {@code spec}; empty when the graph is valid. */
    public List<Violation> violations(GraphSpec spec) {
        return new Check(spec).run().violations;
    }

    /** The valid graph, or {@link GraphInvalidException} with every problem. */
    public TaskGraph validOrThrow(GraphSpec spec) {
        var check = new Check(spec).run();
        if (!check.violations.isEmpty()) {
            throw new GraphInvalidException(check.violations);
        }
        return new TaskGraph(spec.name(), check.limitNames, check.limitValues, check.tasks, check.dependencies);
    }

    /** State of one validation; discarded afterwards. */
    private final class Check {
        private final GraphSpec spec;
        private final List<Violation> violations = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private int[][] dependencies;
        private final List<String> limitNames = new ArrayList<>();
        private final List<Integer> limitValues = new ArrayList<>();

        Check(GraphSpec spec) {
            this.spec = spec;
        }

        Check run() {
            if (spec == null || spec.tasks() == null) {
                add("/tasks", "missing-tasks", "a graph needs a \"tasks\" array");
                return this;
            }
            if (spec.name() != null && spec.name().length() > GraphLimits.MAX_NAME_LENGTH) {
                add(
                        "/name",
                        "name-too-long",
                        "name has " + spec.name().length() + " characters; at most " + GraphLimits.MAX_NAME_LENGTH
                                + " are allowed");
            }
            int count = spec.tasks().size();
            if (count == 0) {
                add("/tasks", "empty-graph", "a graph needs at least one task");
                return this;
            }
            if (count > limits.maxTasks()) {
                add(
                        "/tasks",
                        "too-many-tasks",
                        "the graph has " + count + " tasks; at most " + limits.maxTasks() + " are allowed");
                return this;
            }
            Map<String, Integer> limitIndex = checkLimits();
            Map<String, Integer> indexById = checkTasks(limitIndex);
            dependencies = checkDependencies(indexById);
            checkCycles();
            return this;
        }

        /** Each named limit: a well-formed name and an integer from 1 to {@link GraphLimits#MAX_LIMIT}. */
        private Map<String, Integer> checkLimits() {
            Map<String, Integer> index = new HashMap<>();
            if (spec.limits() == null) {
                return index;
            }
            if (spec.limits().size() > GraphLimits.MAX_LIMITS) {
                add(
                        "/limits",
                        "too-many-limits",
                        "the graph has " + spec.limits().size() + " limits; at most " + GraphLimits.MAX_LIMITS
                                + " are allowed");
                return index;
            }
            for (var entry : spec.limits().entrySet()) {
                String name = entry.getKey();
                String at = "/limits/" + pointerToken(name);
                Number value = entry.getValue();
                if (name == null || name.isEmpty() || !isWellFormedId(name)) {
                    add(
                            at,
                            "malformed-limit-name",
                            "limit name '" + name + "' must be 1-" + GraphLimits.MAX_ID_LENGTH
                                    + " letters, digits, '_', '-' or '.', not starting with '-' or '.'");
                    index.put(name, UNKNOWN_LIMIT); // reported here, not again by each task naming it
                } else if (!isWholeInRange(value)) {
                    add(
                            at,
                            "limit-out-of-range",
                            "limit '" + name + "' is " + value + "; it must be a whole number from 1 to "
                                    + GraphLimits.MAX_LIMIT);
                    index.put(name, UNKNOWN_LIMIT);
                } else {
                    index.put(name, limitNames.size());
                    limitNames.add(name);
                    limitValues.add(value.intValue());
                }
            }
            return index;
        }

        private static boolean isWholeInRange(Number value) {
            if (value == null) {
                return false;
            }
            double d = value.doubleValue();
            return d == Math.rint(d) && d >= 1 && d <= GraphLimits.MAX_LIMIT;
        }

        /** RFC 6901 escaping of one reference token. */
        private static String pointerToken(String name) {
            return name == null ? "null" : name.replace("~", "~0").replace("/", "~1");
        }

        private Map<String, Integer> checkTasks(Map<String, Integer> limitIndex) {
            Map<String, Integer> indexById = new HashMap<>();
            for (int i = 0; i < spec.tasks().size(); i++) {
                TaskSpec t = spec.tasks().get(i);
                String at = "/tasks/" + i; // cheap next to the checks below; built once per task
                if (t == null) {
                    add(at, "missing-task", "the task at position " + (i + 1) + " is null; expected an object");
                    tasks.add(null);
                    continue;
                }
                checkId(t, i, at, indexById);
                TaskKind kind = checkKind(t, at);
                Double ms = checkMs(t, at);
                if (t.label() != null && t.label().length() > GraphLimits.MAX_LABEL_LENGTH) {
                    add(
                            at + "/label",
                            "label-too-long",
                            "label has " + t.label().length() + " characters; at most " + GraphLimits.MAX_LABEL_LENGTH
                                    + " are allowed");
                }
                int limit = checkLimit(t, at, limitIndex);
                boolean offload = Boolean.TRUE.equals(t.offload());
                if (offload && kind == TaskKind.IO) {
                    add(
                            at + "/offload",
                            "offload-not-allowed",
                            "task '" + t.id() + "' is io, which awaits without blocking; only blocking_io and cpu "
                                    + "can be offloaded");
                }
                boolean usable = kind != null
                        && ms != null
                        && t.id() != null
                        && limit != UNKNOWN_LIMIT
                        && !(offload && kind == TaskKind.IO);
                tasks.add(usable ? new Task(i, t.id(), kind, ms, Task.nanosOf(ms), t.label(), limit, offload) : null);
            }
            return indexById;
        }

        private static final int UNKNOWN_LIMIT = -2;

        /** The index of the task's limit, -1 without one, or {@link #UNKNOWN_LIMIT} (reported). */
        private int checkLimit(TaskSpec t, String at, Map<String, Integer> limitIndex) {
            if (t.limit() == null) {
                return -1;
            }
            Integer index = limitIndex.get(t.limit());
            if (index != null && index == UNKNOWN_LIMIT) {
                return UNKNOWN_LIMIT; // the limit itself was refused and reported
            }
            if (index == null) {
                add(
                        at + "/limit",
                        "unknown-limit",
                        "task '" + t.id() + "' runs under limit '" + t.limit() + "', which is not in the graph's "
                                + "\"limits\"");
                return UNKNOWN_LIMIT;
            }
            return index;
        }

        private void checkId(TaskSpec t, int i, String at, Map<String, Integer> indexById) {
            String id = t.id();
            if (id == null || id.isEmpty()) {
                add(at + "/id", "missing-id", "the task at position " + (i + 1) + " has no id");
            } else if (!isWellFormedId(id)) {
                add(
                        at + "/id",
                        "malformed-id",
                        "id '" + id + "' must be 1-" + GraphLimits.MAX_ID_LENGTH
                                + " letters, digits, '_', '-' or '.', not starting with '-' or '.'");
            } else {
                Integer first = indexById.putIfAbsent(id, i);
                if (first != null) {
                    add(at + "/id", "duplicate-id", "id '" + id + "' is already used by task " + first);
                }
            }
        }

        /** Letters, digits, '_', '-', '.'; not starting with '-' or '.'. Hand-written: runs once per task. */
        private static boolean isWellFormedId(String id) {
            if (id.length() > GraphLimits.MAX_ID_LENGTH || id.charAt(0) == '-' || id.charAt(0) == '.') {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '-'
                        || c == '.';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private TaskKind checkKind(TaskSpec t, String at) {
            if (t.kind() == null) {
                add(at + "/kind", "missing-kind", "task '" + t.id() + "' has no kind; use io, blocking_io or cpu");
                return null;
            }
            var kind = TaskKind.fromWireName(t.kind());
            if (kind.isEmpty()) {
                add(
                        at + "/kind",
                        "unknown-kind",
                        "task '" + t.id() + "': kind '" + t.kind() + "' is not one of io, blocking_io, cpu");
            }
            return kind.orElse(null);
        }

        private Double checkMs(TaskSpec t, String at) {
            Double ms = t.ms();
            if (ms == null) {
                add(at + "/ms", "missing-ms", "task '" + t.id() + "' has no duration \"ms\"");
                return null;
            }
            if (!Double.isFinite(ms) || ms < 0 || ms > GraphLimits.MAX_MS) {
                add(
                        at + "/ms",
                        "ms-out-of-range",
                        "task '" + t.id() + "': ms " + ms + " must be a finite number from 0 to "
                                + (long) GraphLimits.MAX_MS);
                return null;
            }
            return ms;
        }

        /** Resolves {@code after} to indices; unresolvable entries are reported and left out. */
        private int[][] checkDependencies(Map<String, Integer> indexById) {
            int[][] deps = new int[spec.tasks().size()][];
            long edges = 0;
            for (int i = 0; i < deps.length; i++) {
                TaskSpec t = spec.tasks().get(i);
                List<String> after = t == null ? List.of() : t.after();
                edges += after.size();
                deps[i] = resolve(i, t, after, indexById);
            }
            if (edges > limits.maxEdges()) {
                add(
                        "/tasks",
                        "too-many-edges",
                        "the graph has " + edges + " dependencies; at most " + limits.maxEdges() + " are allowed");
            }
            return deps;
        }

        private int[] resolve(int i, TaskSpec t, List<String> after, Map<String, Integer> indexById) {
            int[] resolved = new int[after.size()];
            int n = 0;
            var seen = after.size() > 1 ? new HashSet<String>() : null;
            for (int j = 0; j < after.size(); j++) {
                String dep = after.get(j);
                String at = null;
                Integer index = dep == null ? null : indexById.get(dep);
                boolean repeated = seen != null && dep != null && !seen.add(dep);
                if (dep == null || dep.equals(t.id()) || index == null || repeated) {
                    at = "/tasks/" + i + "/after/" + j;
                }
                if (dep == null) {
                    add(at, "missing-dependency", "dependency " + j + " of task '" + t.id() + "' is null");
                } else if (dep.equals(t.id())) {
                    add(at, "self-dependency", "task '" + dep + "' cannot wait for itself");
                } else if (index == null) {
                    add(
                            at,
                            "unknown-dependency",
                            "task '" + t.id() + "' waits for '" + dep + "', which is not a task in this graph");
                } else if (repeated) {
                    add(at, "duplicate-dependency", "task '" + t.id() + "' lists '" + dep + "' twice");
                } else {
                    resolved[n++] = index;
                }
            }
            return n == resolved.length ? resolved : Arrays.copyOf(resolved, n);
        }

        /**
         * Runs over the edges that resolved, so cycles are reported alongside other problems. Kahn's algorithm
         * removes every task that can ever become ready; each task left waits, directly or not, on a cycle. Walking "first remaining dependency" links from each left-over task finds the
         * cycles; a walk that reaches a task seen by an earlier walk has found nothing new.
         */
        private void checkCycles() {
            int n = dependencies.length;
            int[] waiting = new int[n];
            for (int i = 0; i < n; i++) {
                waiting[i] = dependencies[i].length;
            }
            int[] order = Edges.of(dependencies).inverted().kahnOrder(waiting);
            if (order.length < n) {
                boolean[] done = new boolean[n];
                for (int task : order) {
                    done[task] = true;
                }
                reportCycles(done);
            }
        }

        private void reportCycles(boolean[] done) {
            int n = done.length;
            int[] walkOf = new int[n]; // 0: not visited; else the walk (1-based) that visited it
            int[] positionInWalk = new int[n];
            int walk = 0;
            for (int start = 0; start < n; start++) {
                if (done[start] || walkOf[start] != 0) {
                    continue;
                }
                walk++;
                var path = new ArrayList<Integer>();
                int current = start;
                while (walkOf[current] == 0) {
                    walkOf[current] = walk;
                    positionInWalk[current] = path.size();
                    path.add(current);
                    current = firstPendingDependency(current, done);
                }
                if (walkOf[current] == walk) {
                    reportCycle(path.subList(positionInWalk[current], path.size()));
                }
            }
        }

        private int firstPendingDependency(int task, boolean[] done) {
            for (int dep : dependencies[task]) {
                if (!done[dep]) {
                    return dep;
                }
            }
            throw new IllegalStateException("task " + task + " left by Kahn's algorithm has no pending dependency");
        }

        private void reportCycle(List<Integer> cycle) {
            var ids = new ArrayList<String>(cycle.size() + 1);
            for (int index : cycle) {
                ids.add(spec.tasks().get(index).id());
            }
            ids.add(ids.get(0));
            int first = cycle.get(0);
            String next = ids.get(1);
            int j = spec.tasks().get(first).after().indexOf(next);
            add(
                    "/tasks/" + first + "/after/" + j,
                    "cycle",
                    "tasks wait for each other in a cycle: " + String.join(" -> ", ids),
                    ids);
        }

        private void add(String pointer, String code, String message) {
            violations.add(new Violation(pointer, code, message));
        }

        private void add(String pointer, String code, String message, List<String> cycle) {
            violations.add(new Violation(pointer, code, message, cycle));
        }
    }
}
