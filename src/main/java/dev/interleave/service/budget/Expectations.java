package dev.interleave.service.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.engine.graph.Violation;
import dev.interleave.service.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A validated {@code expect} object: {@code {"makespanMs": {"max": 3500}, "speedupVsSequential": {"min": 1.5}}}.
 * Parsing reports every problem at once with its JSON pointer ({@code /expect/makespanMs/max}); nothing is kept
 * of a request whose budget is refused.
 */
public record Expectations(List<Expectation> lines) {

    /** Most expectations one budget may hold: more than every metric twice is a mistake, not a budget. */
    static final int MAX_LINES = 32;

    public static final Expectations NONE = new Expectations(List.of());

    public Expectations {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Reads {@code node} (null or JSON null: no budget) allowing {@code allowed} metrics; throws {@link
     * ServiceException.Invalid} ({@code /problems/expect-invalid}) listing every violation.
     */
    public static Expectations parse(JsonNode node, String pointer, List<Metric> allowed) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        var violations = new ArrayList<Violation>();
        var lines = new ArrayList<Expectation>();
        if (!node.isObject()) {
            violations.add(new Violation(pointer, "expect-not-object", "expect must be an object of metrics"));
        } else if (node.size() > MAX_LINES) {
            violations.add(new Violation(
                    pointer, "too-many-expectations", "at most " + MAX_LINES + " metrics, was " + node.size()));
        } else {
            for (var field : node.properties()) {
                line(field, pointer + "/" + escape(field.getKey()), allowed, violations, lines);
            }
        }
        if (!violations.isEmpty()) {
            throw new ServiceException.Invalid("expect-invalid", "The budget (expect) is invalid", violations);
        }
        return new Expectations(lines);
    }

    private static void line(
            Map.Entry<String, JsonNode> field,
            String at,
            List<Metric> allowed,
            List<Violation> violations,
            List<Expectation> lines) {
        var metric = Metric.fromWireName(field.getKey());
        if (metric.isEmpty()) {
            violations.add(new Violation(
                    at, "unknown-metric", "unknown metric \"" + field.getKey() + "\"; known: " + names(allowed)));
            return;
        }
        if (!allowed.contains(metric.get())) {
            violations.add(new Violation(
                    at,
                    "metric-not-allowed",
                    metric.get().wireName() + " applies to sweeps only; here: " + names(allowed)));
            return;
        }
        JsonNode bound = field.getValue();
        if (!bound.isObject() || bound.isEmpty()) {
            violations.add(new Violation(at, "bound-not-object", "a bound is {\"min\": n} and/or {\"max\": n}"));
            return;
        }
        int before = violations.size();
        for (var key : iterable(bound.fieldNames())) {
            if (!key.equals("min") && !key.equals("max")) {
                violations.add(new Violation(
                        at + "/" + escape(key),
                        "unknown-bound",
                        "a bound takes only min and max, not \"" + key + "\""));
            }
        }
        Double min = number(bound.get("min"), at + "/min", violations);
        Double max = number(bound.get("max"), at + "/max", violations);
        if (min != null && max != null && min > max) {
            violations.add(new Violation(at, "empty-bound", "min " + min + " is above max " + max));
        }
        if (violations.size() == before && (min != null || max != null)) {
            lines.add(new Expectation(metric.get(), min, max));
        }
    }

    private static Double number(JsonNode value, String at, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            violations.add(new Violation(at, "bound-not-number", "a bound must be a finite number"));
            return null;
        }
        if (value.asDouble() < 0) {
            violations.add(new Violation(at, "bound-negative", "no metric is negative; was " + value.asDouble()));
            return null;
        }
        return value.asDouble();
    }

    private static String names(List<Metric> metrics) {
        return metrics.stream().map(Metric::wireName).collect(Collectors.joining(", "));
    }

    /** JSON pointer escaping of one reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
