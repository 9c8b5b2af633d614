package dev.interleave.service.view;

import dev.interleave.service.budget.Measures;
import dev.interleave.service.verdict.RunFacts;
import java.util.List;

/**
 * What the service saves of a run's measured outcome (the {@code result_json} column); {@code facts} are what its
 * verdict is said from (null in results saved before verdicts were),
 * {@code measures} what budgets read (null in results saved before budgets were).
 */
public record StoredResult(
        List<TaskView> tasks, double[] utilisation, double speedupVsSequential, RunFacts facts, Measures measures) {}
