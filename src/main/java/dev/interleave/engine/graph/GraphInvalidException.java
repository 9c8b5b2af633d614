package dev.interleave.engine.graph;

import java.util.List;

/** A graph the engine refuses, with every problem found. */
public final class GraphInvalidException extends RuntimeException {

    private final transient List<Violation> violations;

    public GraphInvalidException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            return "invalid graph";
        }
        var first = violations.get(0);
        var more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.pointer() + ": " + first.message() + more;
    }
}
