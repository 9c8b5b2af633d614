package dev.interleave.service.run;

import dev.interleave.service.ServiceException;
import dev.interleave.service.budget.JunitReport;
import dev.interleave.service.view.ComparisonView;
import dev.interleave.service.view.RunView;

/** JUnit XML of a simulation, a finished run or a finished comparison (409 while a run can still change). */
public final class JunitReports {

    private JunitReports() {}

    public static String run(RunView run) {
        if (!run.isFinal()) {
            throw new ServiceException.NotFinished(
                    "the run has not finished (" + run.status() + "); its verdict comes" + " when it ends");
        }
        boolean finished = "succeeded".equals(run.status());
        String name = run.id() == null
                ? "interleave simulation (" + run.scheduler().type() + ")"
                : "interleave run " + run.id() + " (" + run.scheduler().type() + ")";
        return JunitReport.xml(
                name,
                finished,
                "the run did not finish (" + run.status() + (run.reason() == null ? "" : ": " + run.reason()) + ")",
                run.budget(),
                run.makespanMs() == null ? 0 : run.makespanMs() / 1000);
    }

    public static String comparison(ComparisonView c) {
        if (!dev.interleave.service.RunState.fromWireName(c.status()).isFinal()) {
            throw new ServiceException.NotFinished(
                    "the comparison has not finished (" + c.status() + "); its verdict comes when its last run ends");
        }
        double seconds = c.runs().stream()
                        .mapToDouble(r -> r.makespanMs() == null ? 0 : r.makespanMs())
                        .sum()
                / 1000;
        String reason = c.budget() != null && c.budget().reason() != null
                ? c.budget().reason()
                : "a run did not finish (" + c.status() + ")";
        return JunitReport.xml(
                "interleave comparison " + c.id(), "succeeded".equals(c.status()), reason, c.budget(), seconds);
    }
}
