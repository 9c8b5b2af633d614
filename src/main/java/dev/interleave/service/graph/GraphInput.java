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
                    "scheduler.type is required: sequential, event_loop or parallel"));
        } else {
            spec = switch (view.type()) {
                case "sequential" -> new SchedulerSpec.Sequential();
                case "event_loop" -> new SchedulerSpec.EventLoop();
                case "parallel" -> parallel(view.workers(), pointer, violations);
                default -> {
                    violations.add(new Violation(
                            pointer + "/type",
                            "unknown-scheduler",
                            "unknown scheduler '" + view.type() + "'; use sequential, event_loop or parallel"));
                    yield null;
                }
            };
        }
        if (view.workers() != null && spec != null && !(spec instanceof SchedulerSpec.Parallel)) {
            violations.add(new Violation(
                    pointer + "/workers", "workers-not-allowed", "only the parallel scheduler takes workers"));
        }
        if (!violations.isEmpty()) {
            throw new ServiceException.Invalid(violations);
        }
        return spec;
    }

    private SchedulerSpec parallel(Integer workers, String pointer, List<Violation> violations) {
        int max = config.runs().maxWorkers();
        int n = workers == null ? Math.min(config.defaultWorkers(), max) : workers;
        if (n < 1 || n > max) {
            violations.add(new Violation(
                    pointer + "/workers", "workers-out-of-range", "workers must be from 1 to " + max + ", was " + n));
            return null;
        }
        return new SchedulerSpec.Parallel(n);
    }
}
