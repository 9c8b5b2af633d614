package dev.interleave.service.budget;

import java.util.ArrayList;
import java.util.List;

/** Judges expectations against results: one line per expectation and result, and the verdict over all. */
public final class Budgets {

    private Budgets() {}

    /** One result of a run or simulation; how it ended decides too ({@code status} is its wire status). */
    public record Judged(String runId, String scheduler, String status, Measures measures) {}

    /** The budget of one result; null when there is nothing to judge (no expectations, or no figures yet). */
    public static BudgetView judge(Expectations expect, String status, Measures measures) {
        return judge(expect, List.of(new Judged(null, null, status, measures)));
    }

    /** Every expectation against every result (a comparison's runs); null without expectations or figures. */
    public static BudgetView judge(Expectations expect, List<Judged> results) {
        if (expect == null || expect.isEmpty() || results.isEmpty()) {
            return null;
        }
        var checks = new ArrayList<BudgetView.Check>();
        String reason = null;
        for (var r : results) {
            boolean succeeded = "succeeded".equals(r.status());
            if (succeeded && r.measures() == null) {
                return null; // a result saved before budgets were: nothing honest to say
            }
            if (!succeeded && reason == null) {
                reason = (r.scheduler() == null ? "the run" : "the " + r.scheduler() + " run") + " did not finish ("
                        + r.status() + ")"
                        + (r.measures() == null ? "" : "; its figures are up to the stop");
            }
            if (r.measures() != null) { // a run stopped before it started has no figures, only the reason
                for (var e : expect.lines()) {
                    checks.add(check(e, r));
                }
            }
        }
        boolean pass = reason == null && checks.stream().allMatch(BudgetView.Check::pass);
        return new BudgetView(pass ? BudgetVerdict.PASS : BudgetVerdict.FAIL, checks, reason);
    }

    private static BudgetView.Check check(Expectation e, Judged r) {
        Double value = e.metric().of(r.measures());
        double actual = value == null ? Double.NaN : value;
        boolean pass = value != null && e.accepts(actual);
        String unit = e.metric().unit().isEmpty() ? "" : " " + e.metric().unit();
        String message = (r.scheduler() == null ? "" : r.scheduler() + ": ")
                + e.metric().wireName() + " was " + (value == null ? "unknown" : Expectation.number(actual) + unit)
                + ", expected " + e.describe();
        return new BudgetView.Check(
                e.metric().wireName(), e.bound(), value == null ? 0 : actual, pass, message, r.runId(), r.scheduler());
    }
}
