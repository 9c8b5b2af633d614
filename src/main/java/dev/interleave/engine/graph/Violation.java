package dev.interleave.engine.graph;

import java.util.List;
import java.util.Objects;

/**
 * One problem in a submitted graph.
 *
 * @param pointer JSON pointer (RFC 6901) to the offending field, e.g. {@code /tasks/2/after/0}
 * @param code    stable machine-readable name, e.g. {@code cycle}, {@code unknown-dependency}
 * @param message plain-language explanation naming the bad value
 * @param cycle   for {@code cycle}: the ids along the cycle, first id repeated at the end; else empty
 */
public record Violation(String pointer, String code, String message, List<String> cycle) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        cycle = cycle == null ? List.of() : List.copyOf(cycle);
    }

    public Violation(String pointer, String code, String message) {
        this(pointer, code, message, List.of());
    }
}
