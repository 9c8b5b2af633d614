package dev.interleave.service.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One bound on one metric: at least {@code min} and/or at most {@code max} (both inclusive; at least one set).
 * As a line of a verdict's {@code expected} it reads like the request: {@code {"max": 3500}}.
 */
public record Expectation(Metric metric, Double min, Double max) {

    public Expectation {
        Objects.requireNonNull(metric, "metric");
        if (min == null && max == null) {
            throw new IllegalArgumentException("an expectation on " + metric.wireName() + " needs min or max");
        }
    }

    /** The bound as the contract shows it. */
    public Bound bound() {
        return new Bound(min, max);
    }

    public boolean accepts(double actual) {
        return (min == null || actual >= min) && (max == null || actual <= max);
    }

    /** "at most 3500 ms", "at least 1.5 ×", "between 0.5 and 0.9". */
    public String describe() {
        String unit = metric.unit().isEmpty() ? "" : " " + metric.unit();
        if (min != null && max != null) {
            return "between " + number(min) + " and " + number(max) + unit;
        }
        return min != null ? "at least " + number(min) + unit : "at most " + number(max) + unit;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(Math.round(value * 1000) / 1000.0);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bound(Double min, Double max) {}
}
