package dev.interleave.service.graph;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.engine.graph.GraphInvalidException;
import dev.interleave.engine.graph.GraphSpec;
import dev.interleave.engine.graph.GraphValidator;
import dev.interleave.engine.graph.TaskGraph;
import dev.interleave.engine.graph.Violation;
import dev.interleave.engine.sched.SchedulerSpec;
import dev.interleave.service.ServiceException;
import dev.interleave.service.view.SchedulerView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Turns request input into engine objects, reporting every problem with its JSON pointer. */
@ApplicationScoped
public class GraphInput {

    private final GraphValidator validator;
    private final PlaygroundConfig config;

    GraphInput(GraphValidator validator, PlaygroundConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /** The valid graph; violations point below {@code prefix} (e.g. {@code /graph}). */
    public TaskGraph graph(GraphSpec spec, String prefix) {
        if (spec == null) {
            throw new ServiceException.Invalid(
                    List.of(new Violation(prefix.isEmpty() ? "/" : prefix, "missing-graph", "a graph is required")));
        }
        try {
            return validator.validOrThrow(spec);
        } catch (GraphInvalidException e) {
            throw new ServiceException.Invalid(e.violations().stream()
                    .map(v -> new Violation(prefix + v.pointer(), v.code(), v.message(), v.cycle()))
                    .toList());
        }
    }

    /** The scheduler; null means parallel on the default worker count. */
    public SchedulerSpec scheduler(SchedulerView view, String pointer) {
        if (view == null) {
            return new SchedulerSpec.Parallel(
                    Math.min(config.defaultWorkers(), config.runs().maxWorkers()));
        }
        var violations = new ArrayList<Violation>();
        SchedulerSpec spec = null;
        if (view.type() == null) {
            violations.add(new Violation(
                    pointer + "/type",
                    "missing-scheduler-type",
                    "scheduler.type is required: sequential, event_loop, parallel or threads"));
        } else {
            spec = switch (view.type()) {
                case "sequential" -> new SchedulerSpec.Sequential();
                case "event_loop" -> {
                    Integer cores = cores(view.cores(), pointer, violations);
                    yield cores == null ? null : new SchedulerSpec.EventLoop(cores);
                }
                case "parallel" -> parallel(view.workers(), pointer, violations);
                case "threads" -> threads(view, pointer, violations);
                default -> {
                    violations.add(new Violation(
                            pointer + "/type",
                            "unknown-scheduler",
                            "unknown scheduler '" + view.type()
                                    + "'; use sequential, event_loop, parallel or threads"));
                    yield null;
                }
            };
        }
        if (view.workers() != null
                && spec != null
                && !(spec instanceof SchedulerSpec.Parallel || spec instanceof SchedulerSpec.Threads)) {
            violations.add(new Violation(
                    pointer + "/workers",
                    "workers-not-allowed",
                    "only the parallel and threads schedulers take workers"));
        }
        if (view.gil() != null && spec != null && !(spec instanceof SchedulerSpec.Threads)) {
            violations.add(new Violation(pointer + "/gil", "gil-not-allowed", "only the threads scheduler takes gil"));
        }
        if (view.cores() != null
                && spec != null
                && !(spec instanceof SchedulerSpec.EventLoop || spec instanceof SchedulerSpec.Threads)) {
            violations.add(new Violation(
                    pointer + "/cores", "cores-not-allowed", "only the event_loop and threads schedulers take cores"));
        }
        if (!violations.isEmpty()) {
            throw new ServiceException.Invalid(violations);
        }
        return spec;
    }

    private SchedulerSpec parallel(Integer workers, String pointer, List<Violation> violations) {
        Integer n = workers(workers, pointer, violations);
        return n == null ? null : new SchedulerSpec.Parallel(n);
    }

    private SchedulerSpec threads(SchedulerView view, String pointer, List<Violation> violations) {
        Integer n = workers(view.workers(), pointer, violations);
        Integer cores = cores(view.cores(), pointer, violations);
        if (n == null || cores == null) {
            return null;
        }
        return new SchedulerSpec.Threads(n, view.gil() == null || view.gil(), cores);
    }

    /** The worker count (the configured default when absent), or null after reporting it out of range. */
    private Integer workers(Integer workers, String pointer, List<Violation> violations) {
        int max = config.runs().maxWorkers();
        int n = workers == null ? Math.min(config.defaultWorkers(), max) : workers;
        if (n < 1 || n > max) {
            violations.add(new Violation(
                    pointer + "/workers", "workers-out-of-range", "workers must be from 1 to " + max + ", was " + n));
            return null;
        }
        return n;
    }

    /** The cores a prediction assumes (4 when absent, so it never depends on the server), or null if refused. */
    private static Integer cores(Integer cores, String pointer, List<Violation> violations) {
        int n = cores == null ? SchedulerSpec.DEFAULT_CORES : cores;
        if (n < 1 || n > SchedulerSpec.MAX_CORES) {
            violations.add(new Violation(
                    pointer + "/cores",
                    "cores-out-of-range",
                    "cores must be from 1 to " + SchedulerSpec.MAX_CORES + ", was " + n));
            return null;
        }
        return n;
    }
}
