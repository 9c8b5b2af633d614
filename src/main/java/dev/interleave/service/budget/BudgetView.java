package dev.interleave.service.budget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A budget judged: {@code verdict} is {@code pass} exactly when every line passes and every run judged succeeded.
 *
 * @param verdict pass or fail
 * @param checks  one line per expectation (per run, for a comparison)
 * @param reason  why the verdict fails although no line does (a run that did not finish); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetView(BudgetVerdict verdict, List<Check> checks, String reason) {

    public BudgetView {
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
    }

    /**
     * One expectation against one result.
     *
     * @param expected  the bound as asked, e.g. {@code {"max": 3500}}
     * @param actual    the measured (or predicted) value
     * @param message   the line in words, e.g. "makespanMs was 4000 ms, expected at most 3500 ms"
     * @param runId     for a comparison: the run the line is about; null otherwise
     * @param scheduler for a comparison: that run's scheduler type; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(
            String metric,
            Expectation.Bound expected,
            double actual,
            boolean pass,
            String message,
            String runId,
            String scheduler) {}

    public boolean passed() {
        return verdict == BudgetVerdict.PASS;
    }
}
